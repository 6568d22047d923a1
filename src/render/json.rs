//! The JSON report: a stable, documented shape (see docs/format.md).

use serde::Serialize;

use crate::eval::Evaluation;
use crate::membership::MemberStatus;

/// Bumped whenever a field is renamed or removed.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    format_version: u32,
    scenarios: &'a [Evaluation],
}

pub fn evaluations(evaluations: &[Evaluation]) -> String {
    let report = Report {
        format_version: FORMAT_VERSION,
        scenarios: evaluations,
    };
    let mut text =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Members<'a> {
    format_version: u32,
    treaty: &'a str,
    date: String,
    parties: &'a [MemberStatus],
}

pub fn members(treaty: &str, date: &str, parties: &[MemberStatus]) -> String {
    let report = Members {
        format_version: FORMAT_VERSION,
        treaty,
        date: date.to_string(),
        parties,
    };
    let mut text =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
