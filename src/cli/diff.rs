//! `casus diff --base DIR`: every verdict that moves between two rule packs, over every scenario.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use casus::compare::{self, Key, Verdict};
use casus::eval;
use casus::render::Format;
use casus::workspace::{self, Workspace};

use super::{Exit, Inputs, report, rules_in};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule packs before the change (the packs after it are `--rules`, or the built-in ones).
    #[arg(long, value_name = "DIR")]
    base: PathBuf,
    /// `text` or `json` (Markdown is not offered for diffs).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn all_verdicts(workspace: &Workspace) -> BTreeMap<Key, Verdict> {
    workspace
        .scenarios
        .iter()
        .filter_map(|s| {
            workspace
                .pack_for(&s.value)
                .map(|pack| eval::evaluate(pack, &s.value))
        })
        .flat_map(|e| compare::verdicts(&e))
        .collect()
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let base = match rules_in(&args.base) {
        Ok(rules) => rules,
        Err(exit) => return exit,
    };
    let scenarios = match inputs.scenarios() {
        Ok(scenarios) => scenarios,
        Err(exit) => return exit,
    };
    let (old, old_problems) = workspace::with_packs(base.packs, &scenarios);
    let (new, new_problems, _) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if !old_problems.is_empty() || !new_problems.is_empty() {
        let mut reports = old_problems.into_reports();
        reports.extend(new_problems.into_reports());
        report(&reports);
        return Exit::InvalidInput;
    }
    let changes = compare::changes(&all_verdicts(&old), &all_verdicts(&new));
    let output = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "format_version": casus::render::json::FORMAT_VERSION,
                "changes": changes,
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Text | Format::Markdown => {
            let scenarios: std::collections::BTreeSet<&str> =
                changes.iter().map(|c| c.key.scenario.as_str()).collect();
            let mut text = compare::render_text(&changes);
            if changes.is_empty() {
                text.push_str("no verdict changed\n");
            } else {
                text.push_str(&format!(
                    "\n{} verdict{} changed in {} scenario{}\n",
                    changes.len(),
                    if changes.len() == 1 { "" } else { "s" },
                    scenarios.len(),
                    if scenarios.len() == 1 { "" } else { "s" },
                ));
            }
            text
        }
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    if changes.is_empty() {
        Exit::Success
    } else {
        Exit::Failure
    }
}
