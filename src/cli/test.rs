//! `casus test`: evaluate every scenario and compare the results with its expectations.

use std::fmt::Write as _;
use std::io::Write as _;

use casus::{eval, expect};

use super::{Exit, Inputs, report};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(inputs: &Inputs, _args: Args) -> Exit {
    let (workspace, problems, _base) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if !problems.is_empty() {
        report(&problems.into_reports());
        return Exit::InvalidInput;
    }
    let mut out = String::new();
    let (mut passed, mut failed, mut without) = (0, 0, 0);
    for scenario in &workspace.scenarios {
        let Some(pack) = workspace.pack_for(&scenario.value) else {
            continue;
        };
        let evaluation = eval::evaluate(pack, &scenario.value);
        let mismatches = expect::check(&scenario.value, &evaluation);
        let count: usize = scenario
            .value
            .expectations
            .iter()
            .map(|e| {
                e.clauses.len()
                    + e.compliance.values().map(|d| d.len()).sum::<usize>()
                    + e.decisions.len()
                    + e.reasons.len()
            })
            .sum();
        if count == 0 {
            without += 1;
            let _ = writeln!(out, "{} … no expectations", scenario.value.id);
        } else if mismatches.is_empty() {
            passed += 1;
            let _ = writeln!(out, "{} … ok ({count} expectations)", scenario.value.id);
        } else {
            failed += 1;
            let _ = writeln!(
                out,
                "{} … FAILED ({} of {count} expectations)",
                scenario.value.id,
                mismatches.len()
            );
            let mut reading = "";
            for m in &mismatches {
                if m.reading != reading {
                    let _ = writeln!(out, "  reading `{}`", m.reading);
                    reading = &m.reading;
                }
                let _ = writeln!(out, "    {}", m.subject);
                let _ = writeln!(out, "      - expected: {}", m.expected);
                let _ = writeln!(out, "      + found:    {}", m.found);
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{passed} passed, {failed} failed, {without} without expectations"
    );
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if failed == 0 {
        Exit::Success
    } else {
        Exit::Failure
    }
}
