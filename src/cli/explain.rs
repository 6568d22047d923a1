//! `casus explain SCENARIO`: the reasoning behind a scenario's verdicts, as a tree.

use std::path::PathBuf;

use casus::render::Format;
use casus::{eval, explain};

use super::{Exit, Inputs, emit, error, report};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id.
    #[arg(value_name = "SCENARIO")]
    scenario: String,
    /// Explain one reading only (all readings by default).
    #[arg(long, value_name = "NAME")]
    reading: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the explanation to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let (workspace, mut problems, _base) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if !problems.packs.is_empty() {
        report(&problems.into_reports());
        return Exit::InvalidInput;
    }
    if let Some(index) = problems
        .scenarios
        .iter()
        .position(|p| p.id.as_deref() == Some(args.scenario.as_str()))
    {
        report(&problems.scenarios.remove(index).reports);
        return Exit::InvalidInput;
    }
    let Some(scenario) = workspace.scenario(&args.scenario) else {
        let help = casus::suggest::did_you_mean(
            &args.scenario,
            workspace.scenarios.iter().map(|s| s.value.id.as_str()),
        );
        error(
            &format!("unknown scenario `{}`", args.scenario),
            Some(&help),
        );
        return Exit::InvalidInput;
    };
    let Some(pack) = workspace.pack_for(&scenario.value) else {
        return Exit::InvalidInput;
    };
    let evaluation = eval::evaluate(pack, &scenario.value);
    let readings: Vec<&eval::ReadingResult> = match &args.reading {
        None => evaluation.readings.iter().collect(),
        Some(name) => match evaluation.readings.iter().find(|r| &r.name == name) {
            Some(reading) => vec![reading],
            None => {
                let help = casus::suggest::did_you_mean(
                    name,
                    evaluation.readings.iter().map(|r| r.name.as_str()),
                );
                error(
                    &format!("scenario `{}` has no reading `{name}`", args.scenario),
                    Some(&help),
                );
                return Exit::InvalidInput;
            }
        },
    };
    let trees: Vec<explain::Node> = readings
        .into_iter()
        .map(|r| explain::explain(&evaluation, r))
        .collect();
    let output = match args.format {
        Format::Text => trees
            .iter()
            .map(explain::render_text)
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Markdown => trees
            .iter()
            .map(explain::render_markdown)
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "format_version": casus::render::json::FORMAT_VERSION,
                "scenario": evaluation.id,
                "explanations": trees,
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
    };
    emit(&output, args.out.as_deref())
}
