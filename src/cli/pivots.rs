//! `casus pivots SCENARIO`: the single facts whose change would flip a verdict, ranked.

use std::io::Write;

use casus::pivots;
use casus::render::Format;

use super::{Exit, Inputs};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id.
    #[arg(value_name = "SCENARIO")]
    scenario: String,
    /// `text` or `json`.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let selected = match inputs.select(&args.scenario) {
        Ok(selected) => selected,
        Err(exit) => return exit,
    };
    let (scenario, pack) = (&selected.scenario, &selected.pack);
    let found = pivots::pivots(pack, scenario);
    let output = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "format_version": casus::render::json::FORMAT_VERSION,
                "scenario": scenario.id,
                "readings": found,
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Text | Format::Markdown => pivots::render_text(&scenario.id, &found),
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    Exit::Success
}
