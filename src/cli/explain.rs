//! `casus explain SCENARIO`: the reasoning behind a scenario's verdicts, as a tree.

use std::path::PathBuf;

use casus::render::Format;
use casus::{eval, explain};

use super::{Exit, Inputs, emit, error};

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
    let selected = match inputs.select(&args.scenario) {
        Ok(selected) => selected,
        Err(exit) => return exit,
    };
    let (scenario, pack) = (&selected.scenario, &selected.pack);
    let evaluation = eval::evaluate(pack, scenario);
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
