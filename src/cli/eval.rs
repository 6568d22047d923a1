//! `casus eval`: evaluate scenarios and render the obligation-vs-response report.

use std::path::PathBuf;

use casus::load;
use casus::model::{Scenario, WhatIf};
use casus::render::{Format, json, markdown, text};
use casus::source::SourceFile;
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

/// The id a scenario or saved what-if file declares, if it parses.
fn scenario_id(file: &SourceFile) -> Option<String> {
    if file.path.ends_with(".whatif.ron") {
        load::parse::<WhatIf>(file).ok().map(|w| w.id)
    } else {
        load::parse::<Scenario>(file).ok().map(|s| s.id)
    }
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
    // The scenarios folder is loaded even for paths, so that saved what-ifs find their base.
    let mut scenario_files = match inputs.scenarios() {
        Ok(files) => files,
        Err(exit) => return exit,
    };
    let mut given = Vec::new();
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                given.push(SourceFile::new(path.clone(), text));
            }
            Err(e) => {
                error(&format!("cannot read `{path}`: {e}"), None);
                return Exit::InvalidInput;
            }
        }
    }
    // A file given by path stands in for the folder's scenario with the same id.
    let given_ids: Vec<String> = given.iter().filter_map(scenario_id).collect();
    scenario_files
        .files
        .retain(|f| scenario_id(f).is_none_or(|id| !given_ids.contains(&id)));
    let wanted_paths: Vec<String> = given.iter().map(|f| f.path.clone()).collect();
    scenario_files.files.extend(given);

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
