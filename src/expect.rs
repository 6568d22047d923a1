//! Compares an evaluation with the expectations its scenario states, reporting each mismatch.

use std::fmt;

use crate::eval::Evaluation;
use crate::model::Scenario;

/// One expectation that the evaluation does not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub reading: String,
    pub subject: String,
    pub expected: String,
    pub found: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "reading `{}`, {}: expected {}, found {}",
            self.reading, self.subject, self.expected, self.found
        )
    }
}

/// Every mismatch between `scenario.expectations` and `evaluation`, in file order.
pub fn check(scenario: &Scenario, evaluation: &Evaluation) -> Vec<Mismatch> {
    let mut mismatches = Vec::new();
    for expectation in &scenario.expectations {
        let Some(reading) = evaluation
            .readings
            .iter()
            .find(|r| r.name == expectation.reading)
        else {
            mismatches.push(Mismatch {
                reading: expectation.reading.clone(),
                subject: "the reading".into(),
                expected: "to exist".into(),
                found: "no such reading".into(),
            });
            continue;
        };
        for (clause, expected) in &expectation.clauses {
            let found = reading
                .clauses
                .iter()
                .find(|c| &c.id == clause)
                .map(|c| c.status);
            if found != Some(*expected) {
                mismatches.push(Mismatch {
                    reading: reading.name.clone(),
                    subject: format!("clause `{clause}`"),
                    expected: expected.label().into(),
                    found: found.map_or("no such clause", |s| s.label()).into(),
                });
            }
        }
        for (bearer, duties) in &expectation.compliance {
            for (key, expected) in duties {
                let found = reading
                    .duties
                    .iter()
                    .find(|d| &d.bearer == bearer && &d.key() == key)
                    .map(|d| d.compliance);
                if found != Some(*expected) {
                    mismatches.push(Mismatch {
                        reading: reading.name.clone(),
                        subject: format!("`{bearer}` on `{key}`"),
                        expected: expected.label().into(),
                        found: found.map_or("no duty on this bearer", |c| c.label()).into(),
                    });
                }
            }
        }
        for (id, expected) in &expectation.decisions {
            let found = reading
                .decisions
                .iter()
                .find(|d| &d.id == id)
                .map(|d| d.outcome);
            if found != Some(*expected) {
                mismatches.push(Mismatch {
                    reading: reading.name.clone(),
                    subject: format!("decision `{id}`"),
                    expected: expected.label().into(),
                    found: found.map_or("no such decision", |o| o.label()).into(),
                });
            }
        }
        for (bearer, expected) in &expectation.reasons {
            let mut found: Vec<String> = reading
                .duties
                .iter()
                .filter(|d| &d.bearer == bearer)
                .filter_map(|d| d.clause.clone())
                .collect();
            found.dedup();
            let mut expected = expected.clone();
            expected.sort();
            found.sort();
            found.dedup();
            if found != expected {
                let list = |ids: &[String]| {
                    if ids.is_empty() {
                        "no clause".to_string()
                    } else {
                        ids.iter()
                            .map(|i| format!("`{i}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                };
                mismatches.push(Mismatch {
                    reading: reading.name.clone(),
                    subject: format!("the clauses that put duties on `{bearer}`"),
                    expected: list(&expected),
                    found: list(&found),
                });
            }
        }
    }
    mismatches
}
