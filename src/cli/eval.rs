//! `casus eval`: evaluate scenarios and render the obligation-vs-response report.

use std::path::PathBuf;

use casus::render::{Format, json, markdown, text};
use casus::source::FileSet;
use casus::{eval, workspace};

use super::{Exit, Inputs, emit, error, report};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario ids (the `id` field of a scenario file) or paths to scenario files.
    #[arg(
        value_name = "SCENARIO",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    targets: Vec<String>,
    /// Evaluate every scenario.
    #[arg(long)]
    all: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let rules = match inputs.rules() {
        Ok(rules) => rules,
        Err(exit) => return exit,
    };
    // Arguments that name files are read from disk; the rest are ids in the scenarios folder.
    let (paths, ids): (Vec<&String>, Vec<&String>) = args
        .targets
        .iter()
        .partition(|s| s.ends_with(".ron") || std::path::Path::new(s).is_file());
    let mut scenario_files = if ids.is_empty() && !args.all {
        FileSet::default()
    } else {
        match inputs.scenarios() {
            Ok(files) => files,
            Err(exit) => return exit,
        }
    };
    let mut wanted_paths = Vec::new();
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                scenario_files.files.retain(|f| f.path != *path);
                scenario_files
                    .files
                    .push(casus::source::SourceFile::new(path.clone(), text));
                wanted_paths.push(path.clone());
            }
            Err(e) => {
                error(&format!("cannot read `{path}`: {e}"), None);
                return Exit::InvalidInput;
            }
        }
    }

    let (workspace, problems) = workspace::with_packs(rules.packs, &scenario_files);
    if !problems.packs.is_empty() {
        report(&problems.into_reports());
        return Exit::InvalidInput;
    }
    let mut blocking = Vec::new();
    let mut selected = Vec::new();
    let mut unknown = false;
    if args.all {
        selected.extend(workspace.scenarios.iter());
        for p in problems.scenarios {
            blocking.extend(p.reports);
        }
    } else {
        let mut problems = problems.scenarios;
        for path in &wanted_paths {
            if let Some(index) = problems.iter().position(|p| &p.path == path) {
                blocking.extend(problems.remove(index).reports);
            } else if let Some(found) = workspace.scenarios.iter().find(|s| &s.file.path == path) {
                selected.push(found);
            }
        }
        for id in ids {
            if let Some(index) = problems
                .iter()
                .position(|p| p.id.as_deref() == Some(id.as_str()))
            {
                blocking.extend(problems.remove(index).reports);
            } else if let Some(found) = workspace.scenario(id) {
                selected.push(found);
            } else {
                let help = casus::suggest::did_you_mean(
                    id,
                    workspace.scenarios.iter().map(|s| s.value.id.as_str()),
                );
                error(&format!("unknown scenario `{id}`"), Some(&help));
                unknown = true;
            }
        }
    }
    if !blocking.is_empty() {
        report(&blocking);
        return Exit::InvalidInput;
    }
    if unknown {
        return Exit::InvalidInput;
    }

    let evaluations: Vec<eval::Evaluation> = selected
        .iter()
        .filter_map(|s| {
            workspace
                .pack_for(&s.value)
                .map(|pack| eval::evaluate(pack, &s.value))
        })
        .collect();
    let output = match args.format {
        Format::Text => text::evaluations(&evaluations),
        Format::Json => json::evaluations(&evaluations),
        Format::Markdown => markdown::evaluations(&evaluations),
    };
    emit(&output, args.out.as_deref())
}
