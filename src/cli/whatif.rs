//! `casus whatif SCENARIO --set FACT=VALUE`: re-evaluate with changed facts, beside the baseline.

use std::io::Write;

use casus::compare::{self, Subject};
use casus::render::Format;
use casus::{eval, whatif};

use super::{Exit, Inputs, error};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id.
    #[arg(value_name = "SCENARIO")]
    scenario: String,
    /// A fact to change, such as `request.seeks=military_assistance`; repeatable.
    #[arg(long = "set", value_name = "FACT=VALUE")]
    sets: Vec<String>,
    /// Change and compare this reading only (all readings by default).
    #[arg(long, value_name = "NAME")]
    reading: Option<String>,
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
    let overlaid = selected.base_pack.is_some();
    let base_pack = selected.base_pack.as_ref().unwrap_or(pack);
    if args.sets.is_empty() && !overlaid {
        error(
            "nothing to change",
            Some("give `--set FACT=VALUE`, or an overlay pack with `--rules DIR`"),
        );
        return Exit::InvalidInput;
    }
    let baseline = eval::evaluate(base_pack, scenario);
    if let Some(name) = &args.reading {
        if !baseline.readings.iter().any(|r| &r.name == name) {
            let help = casus::suggest::did_you_mean(
                name,
                baseline.readings.iter().map(|r| r.name.as_str()),
            );
            error(
                &format!("scenario `{}` has no reading `{name}`", scenario.id),
                Some(&help),
            );
            return Exit::InvalidInput;
        }
    }
    let mut assignments = Vec::new();
    let mut invalid = false;
    for set in &args.sets {
        match whatif::parse_assignment(pack, set) {
            Ok(assignment) => assignments.push(assignment),
            Err(e) => {
                error(&format!("--set: {e}"), e.help.as_deref());
                invalid = true;
            }
        }
    }
    if invalid {
        return Exit::InvalidInput;
    }
    let variant = eval::evaluate(
        pack,
        &whatif::apply(scenario, args.reading.as_deref(), &assignments),
    );
    let in_scope = |k: &compare::Key| args.reading.as_ref().is_none_or(|r| &k.reading == r);
    let keep = |v: std::collections::BTreeMap<compare::Key, compare::Verdict>| {
        v.into_iter()
            .filter(|(k, _)| in_scope(k))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let changes = compare::changes(
        &keep(compare::verdicts(&baseline)),
        &keep(compare::verdicts(&variant)),
    );
    // The first clause, in the pack's order, whose status differs: where the reasoning forks.
    let first_flips: Vec<(String, String)> = baseline
        .readings
        .iter()
        .filter(|r| args.reading.as_ref().is_none_or(|name| &r.name == name))
        .filter_map(|before| {
            let after = variant.readings.iter().find(|r| r.name == before.name)?;
            before
                .clauses
                .iter()
                .zip(&after.clauses)
                .find(|(a, b)| a.status != b.status)
                .map(|(a, _)| (before.name.clone(), a.id.clone()))
        })
        .collect();
    let output = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "format_version": casus::render::json::FORMAT_VERSION,
                "scenario": scenario.id,
                "set": assignments.iter().map(|(f, v)| format!("{f}={v}")).collect::<Vec<_>>(),
                "first_flipped_clause": first_flips.iter().map(|(r, c)| serde_json::json!({"reading": r, "clause": c})).collect::<Vec<_>>(),
                "changes": changes,
                "variant": variant,
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Text | Format::Markdown => {
            let mut set: Vec<String> = assignments
                .iter()
                .map(|(f, v)| format!("{f} = {v}"))
                .collect();
            if overlaid {
                set.push("the rules of the overlay pack".to_string());
            }
            let mut text = format!(
                "what-if on {}: {} (HYPOTHETICAL)\nbaseline → variant\n\n",
                scenario.id,
                set.join(", ")
            );
            for (reading, clause) in &first_flips {
                text.push_str(&format!(
                    "reading `{reading}`: the first clause to flip is {clause}\n"
                ));
            }
            if !first_flips.is_empty() {
                text.push('\n');
            }
            text.push_str(&compare::render_text(&changes));
            let clauses = changes
                .iter()
                .filter(|c| matches!(c.key.subject, Subject::Clause(_)))
                .count();
            text.push_str(&if changes.is_empty() {
                "no verdict changes\n".to_string()
            } else {
                format!(
                    "
{} verdict{} change{}, {clauses} of them clause statuses
",
                    changes.len(),
                    if changes.len() == 1 { "" } else { "s" },
                    if changes.len() == 1 { "s" } else { "" }
                )
            });
            text
        }
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    Exit::Success
}
