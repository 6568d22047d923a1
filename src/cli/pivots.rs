//! `casus pivots SCENARIO`: the single facts whose change would flip a verdict, ranked.

use std::io::Write;

use casus::pivots;
use casus::render::Format;

use super::{Exit, Inputs, error, report};

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
    let Some((scenario, pack)) = workspace
        .scenario(&args.scenario)
        .and_then(|s| workspace.pack_for(&s.value).map(|p| (s, p)))
    else {
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
    let found = pivots::pivots(pack, &scenario.value);
    let output = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "format_version": casus::render::json::FORMAT_VERSION,
                "scenario": scenario.value.id,
                "readings": found,
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Text | Format::Markdown => pivots::render_text(&scenario.value.id, &found),
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    Exit::Success
}
