//! The condition language of clauses: a small, typed expression tree over vocabulary facts.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Day;

/// A condition that holds, fails, or is unknown for a reading of a scenario.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Condition {
    /// Holds unconditionally: for clauses that bind at all times while in force.
    Always,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// A `bool` fact is true.
    Fact(String),
    Equals(Term, Term),
    In(Term, Vec<Term>),
    Less(Term, Term),
    AtMost(Term, Term),
    Greater(Term, Term),
    AtLeast(Term, Term),
    /// The state is bound by the treaty on the scenario date (its status is `bound` in the parties file).
    IsMember(Term),
    /// The state's status on the scenario date is one of the listed statuses.
    HasStatus(Term, Vec<String>),
}

/// A value inside a condition: a fact, a literal, or a built-in computation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Term {
    Fact(String),
    Bool(bool),
    Enum(String),
    State(String),
    Date(Day),
    Number(i64),
    /// The date of the scenario being evaluated.
    ScenarioDate,
    /// Whole days from the first date to the second.
    DaysBetween(Box<Term>, Box<Term>),
}

/// A fact value as written in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Value {
    Bool(bool),
    Enum(String),
    State(String),
    Date(Day),
    Number(i64),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "bool",
            Value::Enum(_) => "enum",
            Value::State(_) => "state",
            Value::Date(_) => "date",
            Value::Number(_) => "number",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Enum(s) | Value::State(s) => write!(f, "{s}"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Number(n) => write!(f, "{n}"),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Fact(name) => write!(f, "{name}"),
            Term::Bool(b) => write!(f, "{b}"),
            Term::Enum(s) | Term::State(s) => write!(f, "{s}"),
            Term::Date(d) => write!(f, "{d}"),
            Term::Number(n) => write!(f, "{n}"),
            Term::ScenarioDate => write!(f, "the scenario date"),
            Term::DaysBetween(a, b) => write!(f, "days from {a} to {b}"),
        }
    }
}

impl Condition {
    /// Every fact name this condition reads, in order of appearance.
    pub fn facts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_facts(&mut out);
        out
    }

    fn collect_facts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Always => {}
            Condition::All(items) | Condition::Any(items) => {
                items.iter().for_each(|c| c.collect_facts(out));
            }
            Condition::Not(inner) => inner.collect_facts(out),
            Condition::Fact(name) => out.push(name),
            Condition::Equals(a, b)
            | Condition::Less(a, b)
            | Condition::AtMost(a, b)
            | Condition::Greater(a, b)
            | Condition::AtLeast(a, b) => {
                a.collect_facts(out);
                b.collect_facts(out);
            }
            Condition::In(a, options) => {
                a.collect_facts(out);
                options.iter().for_each(|t| t.collect_facts(out));
            }
            Condition::IsMember(t) | Condition::HasStatus(t, _) => t.collect_facts(out),
        }
    }
}

impl Term {
    pub fn collect_facts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Term::Fact(name) => out.push(name),
            Term::DaysBetween(a, b) => {
                a.collect_facts(out);
                b.collect_facts(out);
            }
            _ => {}
        }
    }
}
