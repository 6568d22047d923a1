//! Helpers shared by the test modules: the shipped workspace, and running the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use casus::source::FileSet;
use casus::workspace::{self, Workspace};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped rules and scenarios, read from disk, which must load without problems.
pub fn shipped() -> Workspace {
    let rules = FileSet::read_dir(&root().join("rules")).expect("rules folder is readable");
    let scenarios =
        FileSet::read_dir(&root().join("scenarios")).expect("scenarios folder is readable");
    let (workspace, problems) = workspace::load_workspace(&rules, "rules", &scenarios);
    assert!(
        problems.is_empty(),
        "{}",
        casus::render::diagnostics::render(&problems.into_reports(), false)
    );
    workspace
}

pub fn pack() -> casus::validate::Pack {
    shipped()
        .packs
        .remove("cst")
        .expect("the cst pack is shipped")
}

/// Runs `casus` in `dir` without colour.
pub fn casus(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_casus"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the casus binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

pub fn day(text: &str) -> casus::model::Day {
    casus::model::Day::parse(text).expect("valid test date")
}
