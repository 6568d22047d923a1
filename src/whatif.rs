//! What-ifs: fact values laid over a scenario, checked against the pack's vocabulary.

use crate::model::{Day, FactType, Scenario, Value};
use crate::pivots::with_fact;
use crate::suggest;
use crate::validate::Pack;

/// Why an assignment such as `territory.recognised=true` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AssignmentError {
    pub message: String,
    pub help: Option<String>,
}

/// Parses `FACT=VALUE`, typing the value by the fact's declaration.
pub fn parse_assignment(pack: &Pack, text: &str) -> Result<(String, Value), AssignmentError> {
    let Some((name, raw)) = text.split_once('=') else {
        return Err(AssignmentError {
            message: format!("`{text}` is not an assignment"),
            help: Some(
                "write `--set FACT=VALUE`, for example `--set territory.recognised=false`".into(),
            ),
        });
    };
    let (name, raw) = (name.trim(), raw.trim());
    let vocabulary = &pack.files.vocabulary.value;
    let Some(decl) = vocabulary.get(name) else {
        return Err(AssignmentError {
            message: format!("unknown fact `{name}`"),
            help: Some(suggest::did_you_mean(
                name,
                vocabulary.keys().map(String::as_str),
            )),
        });
    };
    let wrong = |expected: &str| AssignmentError {
        message: format!(
            "`{raw}` is not a value of `{name}` (of type `{}`)",
            decl.kind.name()
        ),
        help: Some(expected.to_string()),
    };
    let value = match &decl.kind {
        FactType::Bool => match raw {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(wrong("write `true` or `false`")),
        },
        FactType::Enum(values) => {
            if !values.iter().any(|v| v == raw) {
                return Err(wrong(&suggest::did_you_mean(
                    raw,
                    values.iter().map(String::as_str),
                )));
            }
            Value::Enum(raw.to_string())
        }
        FactType::State => {
            let states = &pack.files.states.value;
            if !states.contains_key(raw) {
                return Err(wrong(&suggest::did_you_mean(
                    raw,
                    states.keys().map(String::as_str),
                )));
            }
            Value::State(raw.to_string())
        }
        FactType::Date => Value::Date(Day::parse(raw).map_err(|m| AssignmentError {
            message: m,
            help: None,
        })?),
        FactType::Number => Value::Number(raw.parse().map_err(|_| wrong("write a whole number"))?),
    };
    Ok((name.to_string(), value))
}

/// `scenario` with every assignment laid over `reading`, or over every reading when `None`.
pub fn apply(
    scenario: &Scenario,
    reading: Option<&str>,
    assignments: &[(String, Value)],
) -> Scenario {
    let readings: Vec<String> = match reading {
        Some(name) => vec![name.to_string()],
        None if scenario.readings.is_empty() => vec![crate::eval::DOCUMENTED_READING.to_string()],
        None => scenario.readings.iter().map(|r| r.name.clone()).collect(),
    };
    let mut changed = scenario.clone();
    for name in &readings {
        for (fact, value) in assignments {
            changed = with_fact(&changed, name, fact, value.clone());
        }
    }
    changed.hypothetical = true;
    changed
}
