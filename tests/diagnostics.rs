//! Snapshots of `casus check` on malformed inputs: one fixture per kind of error.
//! Scenario fixtures are checked against the shipped pack; pack fixtures replace one file
//! of a copy of the shipped pack.

use std::path::Path;

use crate::support;

fn check_snapshot(dir: &Path) -> String {
    let output = support::casus(
        dir,
        &["check", "--rules", "rules", "--scenarios", "scenarios"],
    );
    format!(
        "exit code: {:?}\n{}",
        output.status.code(),
        support::stderr(&output)
    )
}

#[test]
fn scenario_fixtures() {
    insta::glob!("fixtures/invalid/scenarios", "*.ron", |path| {
        let temp = tempfile::tempdir().expect("temp dir");
        support::copy_dir(&support::root().join("rules"), &temp.path().join("rules"));
        std::fs::create_dir_all(temp.path().join("scenarios")).expect("scenarios folder");
        let name = path.file_name().expect("file name");
        std::fs::copy(path, temp.path().join("scenarios").join(name)).expect("copy fixture");
        let snapshot = check_snapshot(temp.path());
        assert!(snapshot.starts_with("exit code: Some(2)"), "{snapshot}");
        insta::assert_snapshot!(snapshot);
    });
}

#[test]
fn pack_fixtures() {
    // Each case folder holds one file, at its path inside the pack.
    insta::glob!("fixtures/invalid/packs", "*/**/*.ron", |path| {
        let temp = tempfile::tempdir().expect("temp dir");
        support::copy_dir(&support::root().join("rules"), &temp.path().join("rules"));
        std::fs::create_dir_all(temp.path().join("scenarios")).expect("scenarios folder");
        let packs = support::root().join("tests/fixtures/invalid/packs");
        let relative = path.strip_prefix(&packs).expect("fixture under packs");
        let inside_pack: std::path::PathBuf = relative.components().skip(1).collect();
        std::fs::copy(path, temp.path().join("rules/cst").join(inside_pack)).expect("copy fixture");
        let snapshot = check_snapshot(temp.path());
        assert!(snapshot.starts_with("exit code: Some(2)"), "{snapshot}");
        insta::assert_snapshot!(snapshot);
    });
}
