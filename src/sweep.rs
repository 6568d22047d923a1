//! Sweeps: every combination of some facts' values, evaluated, as a decision table.

use rayon::prelude::*;
use serde::Serialize;

use crate::eval;
use crate::model::{ClauseStatus, Scenario, Value};
use crate::pivots::{domain, with_fact};
use crate::suggest;
use crate::validate::Pack;

/// The most combinations one sweep may evaluate; past it the sweep is refused, not started.
pub const MAX_COMBINATIONS: u64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SweepError {
    #[error("unknown fact `{fact}`")]
    UnknownFact { fact: String, help: String },
    #[error("fact `{0}` is a date or a number, whose values cannot be enumerated")]
    Infinite(String),
    #[error("scenario `{scenario}` has no reading `{reading}`")]
    UnknownReading {
        scenario: String,
        reading: String,
        help: String,
    },
    #[error("the sweep has {0} combinations, more than the limit of {MAX_COMBINATIONS}")]
    TooLarge(u128),
}

impl SweepError {
    pub fn help(&self) -> Option<String> {
        match self {
            SweepError::UnknownFact { help, .. } | SweepError::UnknownReading { help, .. } => {
                Some(help.clone())
            }
            SweepError::Infinite(_) => Some("vary only bool, enum and state facts".into()),
            SweepError::TooLarge(_) => Some("name fewer facts with `--vary`".into()),
        }
    }
}

/// The facts to vary and their values, checked and counted before any evaluation.
#[derive(Debug, Clone)]
pub struct Plan {
    pub reading: String,
    pub facts: Vec<(String, Vec<Value>)>,
    pub combinations: u64,
}

/// Checks the facts (all finite facts when `vary` is empty) and the size of the sweep.
pub fn plan(
    pack: &Pack,
    scenario: &Scenario,
    reading: Option<&str>,
    vary: &[String],
) -> Result<Plan, SweepError> {
    let readings: Vec<String> = if scenario.readings.is_empty() {
        vec![eval::DOCUMENTED_READING.to_string()]
    } else {
        scenario.readings.iter().map(|r| r.name.clone()).collect()
    };
    let reading = match reading {
        Some(name) if readings.iter().any(|r| r == name) => name.to_string(),
        Some(name) => {
            return Err(SweepError::UnknownReading {
                scenario: scenario.id.clone(),
                reading: name.to_string(),
                help: suggest::did_you_mean(name, readings.iter().map(String::as_str)),
            });
        }
        None => readings.first().cloned().unwrap_or_default(),
    };
    let vocabulary = &pack.files.vocabulary.value;
    let names: Vec<String> = if vary.is_empty() {
        vocabulary
            .iter()
            .filter(|(_, d)| domain(pack, &d.kind).is_some())
            .map(|(n, _)| n.clone())
            .collect()
    } else {
        vary.to_vec()
    };
    let mut facts = Vec::new();
    for name in names {
        let decl = vocabulary
            .get(&name)
            .ok_or_else(|| SweepError::UnknownFact {
                help: suggest::did_you_mean(&name, vocabulary.keys().map(String::as_str)),
                fact: name.clone(),
            })?;
        let values = domain(pack, &decl.kind).ok_or_else(|| SweepError::Infinite(name.clone()))?;
        facts.push((name, values));
    }
    let size: u128 = facts.iter().map(|(_, v)| v.len() as u128).product();
    if size > u128::from(MAX_COMBINATIONS) {
        return Err(SweepError::TooLarge(size));
    }
    Ok(Plan {
        reading,
        facts,
        combinations: size as u64,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub scenario: String,
    pub reading: String,
    pub facts: Vec<String>,
    /// The clauses in force on the scenario date, in pack order.
    pub clauses: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub values: Vec<Value>,
    pub statuses: Vec<ClauseStatus>,
    /// Duties owed in this combination (obligations and prohibitions, per bearer).
    pub duties: usize,
}

/// The combination at `index`, the first fact varying slowest, so rows come in a stable order.
fn combination(plan: &Plan, mut index: u64) -> Vec<Value> {
    let mut values = Vec::with_capacity(plan.facts.len());
    for (_, domain) in plan.facts.iter().rev() {
        let radix = domain.len().max(1) as u64;
        values.push(domain.get((index % radix) as usize).cloned());
        index /= radix;
    }
    values.into_iter().rev().flatten().collect()
}

/// Evaluates every combination in parallel; `progress` is told of each finished row.
pub fn run(pack: &Pack, scenario: &Scenario, plan: &Plan, progress: &(dyn Fn() + Sync)) -> Table {
    let baseline = eval::evaluate(pack, scenario);
    let clauses: Vec<String> = baseline
        .readings
        .first()
        .map(|r| {
            r.clauses
                .iter()
                .filter(|c| c.status != ClauseStatus::NotInForce)
                .map(|c| c.id.clone())
                .collect()
        })
        .unwrap_or_default();
    let rows = (0..plan.combinations)
        .into_par_iter()
        .map(|index| {
            let values = combination(plan, index);
            let mut variant = scenario.clone();
            for ((fact, _), value) in plan.facts.iter().zip(&values) {
                variant = with_fact(&variant, &plan.reading, fact, value.clone());
            }
            let evaluation = eval::evaluate(pack, &variant);
            let reading = evaluation
                .readings
                .into_iter()
                .find(|r| r.name == plan.reading);
            let statuses = clauses
                .iter()
                .map(|id| {
                    reading
                        .as_ref()
                        .and_then(|r| r.clauses.iter().find(|c| &c.id == id))
                        .map_or(ClauseStatus::Undetermined, |c| c.status)
                })
                .collect();
            let duties = reading.as_ref().map_or(0, |r| {
                r.duties.iter().filter(|d| d.clause.is_some()).count()
            });
            progress();
            Row {
                values,
                statuses,
                duties,
            }
        })
        .collect();
    Table {
        scenario: scenario.id.clone(),
        reading: plan.reading.clone(),
        facts: plan.facts.iter().map(|(f, _)| f.clone()).collect(),
        clauses,
        rows,
    }
}

/// The table as aligned text.
pub fn render_text(table: &Table) -> String {
    let mut header: Vec<String> = table.facts.clone();
    header.extend(table.clauses.iter().cloned());
    header.push("duties".into());
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let mut line: Vec<String> = row.values.iter().map(ToString::to_string).collect();
            line.extend(row.statuses.iter().map(|s| s.label().to_string()));
            line.push(row.duties.to_string());
            line
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .filter_map(|c| c.get(i))
                .chain(header.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cols: &[String]| {
        cols.iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = format!(
        "{} · reading `{}` · {} combinations\n",
        table.scenario,
        table.reading,
        table.rows.len()
    );
    out.push_str(&line(&header));
    out.push('\n');
    for row in &cells {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// The table as CSV (RFC 4180 quoting).
pub fn render_csv(table: &Table) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut header: Vec<String> = table.facts.iter().map(|f| quote(f)).collect();
    header.extend(table.clauses.iter().map(|c| quote(c)));
    header.push("duties".into());
    let mut out = header.join(",");
    out.push('\n');
    for row in &table.rows {
        let mut cols: Vec<String> = row.values.iter().map(|v| quote(&v.to_string())).collect();
        cols.extend(row.statuses.iter().map(|s| quote(s.label())));
        cols.push(row.duties.to_string());
        out.push_str(&cols.join(","));
        out.push('\n');
    }
    out
}
