//! `casus stats`: reliability figures over the casebook beside published reference figures.

use std::io::Write;

use casus::render::Format;
use casus::{eval, stats};

use super::{Exit, Inputs, report};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `text` or `json`.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let (workspace, problems, _base) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if !problems.is_empty() {
        report(&problems.into_reports());
        return Exit::InvalidInput;
    }
    let evaluations: Vec<eval::Evaluation> = workspace
        .scenarios
        .iter()
        .filter_map(|s| {
            workspace
                .pack_for(&s.value)
                .map(|pack| eval::evaluate(pack, &s.value))
        })
        .collect();
    let reference = workspace
        .packs
        .values()
        .filter_map(|p| p.files.reference.as_ref())
        .flat_map(|r| r.value.clone())
        .collect();
    let computed = stats::compute(&evaluations, reference);
    let citation = |id: &str| {
        workspace
            .packs
            .values()
            .find_map(|p| p.files.sources.value.get(id))
            .map_or(id.to_string(), |s| {
                let who = s.author.as_deref().unwrap_or(&s.title);
                let when = s.date.as_deref().unwrap_or("n.d.");
                format!("{who} ({when}), {}", s.url.as_deref().unwrap_or(id))
            })
    };
    let output = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&computed).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Text | Format::Markdown => stats::render_text(&computed, &citation),
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    Exit::Success
}
