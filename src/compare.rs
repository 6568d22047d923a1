//! Verdicts flattened into comparable rows, and the changes between two sets of them.
//! `diff`, `pivots` and what-ifs all compare evaluations through this one module.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::eval::Evaluation;

/// What a verdict is about, in the order reports list them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A clause's status; the same for every actor.
    Clause(String),
    /// A decision's outcome under the decision rule.
    Decision(String),
    /// A bearer's compliance with a duty (`clause/duty` or `none/content`).
    Duty(String),
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Clause(id) => write!(f, "clause {id}"),
            Subject::Decision(id) => write!(f, "decision {id}"),
            Subject::Duty(key) => write!(f, "duty {key}"),
        }
    }
}

/// Identifies a verdict across two evaluations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Key {
    pub scenario: String,
    pub reading: String,
    /// Before the actor, so that clause statuses lead and duties are listed actor by actor.
    pub subject: Subject,
    /// A state or body, or `all` for a clause status.
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub value: String,
    /// The clause behind the verdict, if any.
    pub clause: Option<String>,
}

/// Every verdict of an evaluation, keyed for comparison.
pub fn verdicts(evaluation: &Evaluation) -> BTreeMap<Key, Verdict> {
    let mut out = BTreeMap::new();
    for reading in &evaluation.readings {
        let key = |actor: &str, subject: Subject| Key {
            scenario: evaluation.id.clone(),
            reading: reading.name.clone(),
            actor: actor.to_string(),
            subject,
        };
        for clause in &reading.clauses {
            out.insert(
                key("all", Subject::Clause(clause.id.clone())),
                Verdict {
                    value: clause.status.label().to_string(),
                    clause: Some(clause.id.clone()),
                },
            );
        }
        for decision in &reading.decisions {
            let mut value = decision.outcome.label().to_string();
            if !decision.blocked_by.is_empty() {
                value.push_str(&format!(" by {}", decision.blocked_by.join(", ")));
            }
            out.insert(
                key(&decision.body, Subject::Decision(decision.id.clone())),
                Verdict {
                    value,
                    clause: decision.rule.clone(),
                },
            );
        }
        for duty in &reading.duties {
            out.insert(
                key(&duty.bearer, Subject::Duty(duty.key())),
                Verdict {
                    value: duty.compliance.label().to_string(),
                    clause: duty.clause.clone(),
                },
            );
        }
    }
    out
}

/// One verdict that differs; `None` means the verdict does not exist on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    #[serde(flatten)]
    pub key: Key,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The clause responsible: the new side's, or the old side's when the verdict disappeared.
    pub clause: Option<String>,
}

/// Every verdict that differs between `old` and `new`, in key order.
pub fn changes(old: &BTreeMap<Key, Verdict>, new: &BTreeMap<Key, Verdict>) -> Vec<Change> {
    let mut keys: Vec<&Key> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let (before, after) = (old.get(key), new.get(key));
            if before.map(|v| &v.value) == after.map(|v| &v.value) {
                return None;
            }
            Some(Change {
                key: key.clone(),
                old: before.map(|v| v.value.clone()),
                new: after.map(|v| v.value.clone()),
                clause: after.or(before).and_then(|v| v.clause.clone()),
            })
        })
        .collect()
}

/// The changes as text, grouped by scenario and reading.
pub fn render_text(changes: &[Change]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut group: Option<(&str, &str)> = None;
    for change in changes {
        let this = (change.key.scenario.as_str(), change.key.reading.as_str());
        if group != Some(this) {
            let _ = writeln!(out, "{} · reading `{}`", this.0, this.1);
            group = Some(this);
        }
        let absent = match change.key.subject {
            Subject::Duty(_) => "no duty",
            _ => "—",
        };
        let old = change.old.as_deref().unwrap_or(absent);
        let new = change.new.as_deref().unwrap_or(absent);
        let because = change
            .clause
            .as_deref()
            .map(|c| format!("  ({c})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<4} {:<34} {old} → {new}{because}",
            change.key.actor,
            change.key.subject.to_string()
        );
    }
    out
}
