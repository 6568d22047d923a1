//! Errors of the validate stage: input that parses but does not make sense together.

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// What is wrong, independent of where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("unknown fact `{0}`")]
    UnknownFact(String),
    #[error("unknown state `{0}`")]
    UnknownState(String),
    #[error("unknown source `{0}`")]
    UnknownSource(String),
    #[error("unknown clause `{0}`")]
    UnknownClause(String),
    #[error("unknown article `{0}`")]
    UnknownArticle(String),
    #[error("unknown scenario `{0}`")]
    UnknownScenario(String),
    #[error("unknown treaty `{0}`")]
    UnknownTreaty(String),
    #[error("unknown status `{0}`")]
    UnknownStatus(String),
    #[error("unknown duty content `{0}`")]
    UnknownContent(String),
    #[error("unknown action kind `{0}`")]
    UnknownAction(String),
    #[error("unknown body `{0}`")]
    UnknownBody(String),
    #[error("unknown timing `{0}`")]
    UnknownTiming(String),
    #[error("unknown actor `{0}`")]
    UnknownActor(String),
    #[error("unknown reading `{0}`")]
    UnknownReading(String),
    #[error("unknown decision `{0}`")]
    UnknownDecision(String),
    #[error("unknown duty `{0}`")]
    UnknownDuty(String),
    #[error("`{value}` is not a value of `{fact}`")]
    UnknownEnumValue { fact: String, value: String },
    #[error("fact `{fact}` is a {expected}, but the value given is a {found}")]
    WrongType {
        fact: String,
        expected: String,
        found: String,
    },
    #[error("cannot compare {left} with {right}")]
    TypeMismatch { left: String, right: String },
    #[error("duplicated {kind} `{id}`")]
    DuplicateId { kind: &'static str, id: String },
    #[error(
        "clause `{id}` is never in force: its validity ends ({to}) on or before it starts ({from})"
    )]
    EmptyValidity {
        id: String,
        from: String,
        to: String,
    },
    #[error(
        "versions `{first}` and `{second}` of one provision of article `{article}` are both in force on {day}"
    )]
    OverlappingVersions {
        article: String,
        first: String,
        second: String,
        day: String,
    },
    #[error("decision rules `{first}` and `{second}` both apply to one body on {day}")]
    OverlappingRules {
        first: String,
        second: String,
        day: String,
    },
    #[error("overrides form a cycle: {0}")]
    OverrideCycle(String),
    #[error("state code `{0}` is not three capital letters")]
    BadStateCode(String),
    #[error("`{what}` ends ({to}) before it starts ({from})")]
    InvertedDates {
        what: String,
        from: String,
        to: String,
    },
    #[error("{0} cites no source")]
    Unsourced(String),
    #[error("{0}")]
    Other(String),
}

/// A problem located in a file.
#[derive(Debug, Error, Diagnostic)]
#[error("{problem}")]
#[diagnostic(code(casus::validate))]
pub struct ValidationError {
    pub problem: Problem,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}
