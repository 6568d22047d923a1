//! Pivotal facts: for each reading, every single fact whose change alone would flip a clause
//! status or a compliance label, found by re-evaluating the scenario with that one fact changed.

use serde::Serialize;

use crate::compare::{self, Change, Subject};
use crate::eval;
use crate::model::{FactType, FactValue, Scenario, Status, Value};
use crate::validate::Pack;

#[derive(Debug, Clone, Serialize)]
pub struct ReadingPivots {
    pub reading: String,
    /// Most flips first; ties in fact-name order.
    pub facts: Vec<PivotalFact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PivotalFact {
    pub fact: String,
    /// The value in this reading; `None` when the reading does not give it.
    pub current: Option<Value>,
    /// How many distinct verdicts some alternative value flips.
    pub flips: usize,
    pub alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub value: Value,
    pub changes: Vec<Change>,
}

/// The values a fact can take, when the set is finite; dates and numbers are not enumerated.
pub fn domain(pack: &Pack, kind: &FactType) -> Option<Vec<Value>> {
    match kind {
        FactType::Bool => Some(vec![Value::Bool(false), Value::Bool(true)]),
        FactType::Enum(values) => Some(values.iter().cloned().map(Value::Enum).collect()),
        FactType::State => Some(
            pack.files
                .states
                .value
                .keys()
                .cloned()
                .map(Value::State)
                .collect(),
        ),
        FactType::Date | FactType::Number => None,
    }
}

/// `scenario` with `fact` set to `value` in `reading` (or in the shared facts, without readings).
pub fn with_fact(scenario: &Scenario, reading: &str, fact: &str, value: Value) -> Scenario {
    let mut changed = scenario.clone();
    let set = FactValue {
        value,
        sources: Vec::new(),
        note: Some("changed by a what-if".into()),
        status: Status::Assumption,
    };
    match changed.readings.iter_mut().find(|r| r.name == reading) {
        Some(r) => {
            r.facts.insert(fact.to_string(), set);
        }
        None => {
            changed.facts.insert(fact.to_string(), set);
        }
    }
    changed
}

/// Every pivotal fact of every reading of `scenario`.
pub fn pivots(pack: &Pack, scenario: &Scenario) -> Vec<ReadingPivots> {
    let baseline = eval::evaluate(pack, scenario);
    let baseline_verdicts = compare::verdicts(&baseline);
    baseline
        .readings
        .iter()
        .map(|reading| {
            let mine = |v: &std::collections::BTreeMap<compare::Key, compare::Verdict>| {
                v.iter()
                    .filter(|(k, _)| {
                        k.reading == reading.name && !matches!(k.subject, Subject::Decision(_))
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect::<std::collections::BTreeMap<_, _>>()
            };
            let before = mine(&baseline_verdicts);
            let mut facts: Vec<PivotalFact> = pack
                .files
                .vocabulary
                .value
                .iter()
                .filter_map(|(name, decl)| {
                    let current = reading.facts.get(name).map(|f| f.value.clone());
                    let alternatives: Vec<Alternative> = domain(pack, &decl.kind)?
                        .into_iter()
                        .filter(|value| Some(value) != current.as_ref())
                        .filter_map(|value| {
                            let changed = with_fact(scenario, &reading.name, name, value.clone());
                            let after = mine(&compare::verdicts(&eval::evaluate(pack, &changed)));
                            let changes = compare::changes(&before, &after);
                            (!changes.is_empty()).then_some(Alternative { value, changes })
                        })
                        .collect();
                    let mut flipped: Vec<&compare::Key> = alternatives
                        .iter()
                        .flat_map(|a| a.changes.iter().map(|c| &c.key))
                        .collect();
                    flipped.sort();
                    flipped.dedup();
                    let flips = flipped.len();
                    (!alternatives.is_empty()).then(|| PivotalFact {
                        fact: name.clone(),
                        current,
                        flips,
                        alternatives,
                    })
                })
                .collect();
            facts.sort_by(|a, b| b.flips.cmp(&a.flips).then_with(|| a.fact.cmp(&b.fact)));
            ReadingPivots {
                reading: reading.name.clone(),
                facts,
            }
        })
        .collect()
}

/// The pivots as text: per reading, the ranked facts and, for each value, the clause flips.
pub fn render_text(scenario: &str, readings: &[ReadingPivots]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for reading in readings {
        let _ = writeln!(out, "{scenario} · reading `{}`", reading.reading);
        if reading.facts.is_empty() {
            let _ = writeln!(out, "  no single fact changes a verdict");
        }
        for (rank, fact) in reading.facts.iter().enumerate() {
            let current = fact
                .current
                .as_ref()
                .map_or("not given".to_string(), ToString::to_string);
            let _ = writeln!(
                out,
                "  {}. {} (now {current}): {} verdict{} can flip",
                rank + 1,
                fact.fact,
                fact.flips,
                if fact.flips == 1 { "" } else { "s" }
            );
            for alternative in &fact.alternatives {
                let clauses: Vec<String> = alternative
                    .changes
                    .iter()
                    .filter(|c| matches!(c.key.subject, Subject::Clause(_)))
                    .map(|c| {
                        format!(
                            "{} {} → {}",
                            c.key.subject,
                            c.old.as_deref().unwrap_or("—"),
                            c.new.as_deref().unwrap_or("—")
                        )
                    })
                    .collect();
                let duties = alternative
                    .changes
                    .iter()
                    .filter(|c| matches!(c.key.subject, Subject::Duty(_)))
                    .count();
                let mut parts = clauses;
                if duties > 0 {
                    parts.push(format!(
                        "{duties} compliance label{}",
                        if duties == 1 { "" } else { "s" }
                    ));
                }
                let _ = writeln!(out, "       = {}: {}", alternative.value, parts.join("; "));
            }
        }
    }
    out
}
