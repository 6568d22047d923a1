//! Three-valued evaluation of conditions, recording a trace node for every sub-condition
//! together with the facts (and their sources) that supplied each value.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::membership;
use crate::model::{Condition, Day, FactValue, Term, Value};
use crate::validate::Pack;

/// Kleene logic: a condition over a missing fact is `unknown`, never silently false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }

    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// A fact read while evaluating a condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactUse {
    pub name: String,
    /// `None` when the reading does not give this fact.
    pub value: Option<Value>,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub status: crate::model::Status,
}

/// One node of an evaluated condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionTrace {
    /// The test in words, built from the condition itself.
    pub test: String,
    pub value: Truth,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactUse>,
    /// Membership lookups this node made, as `state: status since date (event)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ConditionTrace>,
}

impl ConditionTrace {
    /// Every fact read anywhere in this tree.
    pub fn all_facts(&self) -> Box<dyn Iterator<Item = &FactUse> + '_> {
        Box::new(
            self.facts
                .iter()
                .chain(self.children.iter().flat_map(|c| c.all_facts())),
        )
    }

    /// The leaves that failed (or are unknown) and so kept a clause from triggering.
    pub fn failing(&self) -> Vec<&ConditionTrace> {
        if self.value == Truth::True {
            return Vec::new();
        }
        let failing_children: Vec<&ConditionTrace> = self
            .children
            .iter()
            .filter(|c| c.value == self.value)
            .flat_map(|c| c.failing())
            .collect();
        if failing_children.is_empty() {
            vec![self]
        } else {
            failing_children
        }
    }
}

/// What a condition is evaluated against.
pub struct Context<'a> {
    pub pack: &'a Pack,
    pub facts: &'a BTreeMap<String, FactValue>,
    pub date: Day,
}

impl Context<'_> {
    /// The value of a term, or `None` when a fact it needs is missing.
    pub fn term_value(&self, term: &Term) -> Option<Value> {
        match term {
            Term::Fact(name) => self.facts.get(name).map(|f| f.value.clone()),
            Term::Bool(b) => Some(Value::Bool(*b)),
            Term::Enum(s) => Some(Value::Enum(s.clone())),
            Term::State(s) => Some(Value::State(s.clone())),
            Term::Date(d) => Some(Value::Date(*d)),
            Term::Number(n) => Some(Value::Number(*n)),
            Term::ScenarioDate => Some(Value::Date(self.date)),
            Term::DaysBetween(a, b) => match (self.term_value(a)?, self.term_value(b)?) {
                (Value::Date(a), Value::Date(b)) => Some(Value::Number(a.days_until(b))),
                _ => None,
            },
        }
    }

    fn uses(&self, terms: &[&Term]) -> Vec<FactUse> {
        let mut names = Vec::new();
        for term in terms {
            term.collect_facts(&mut names);
        }
        names.dedup();
        names.into_iter().map(|name| self.fact_use(name)).collect()
    }

    fn fact_use(&self, name: &str) -> FactUse {
        let fact = self.facts.get(name);
        FactUse {
            name: name.to_string(),
            value: fact.map(|f| f.value.clone()),
            sources: fact.map(|f| f.sources.clone()).unwrap_or_default(),
            note: fact.and_then(|f| f.note.clone()),
            status: fact.map(|f| f.status).unwrap_or_default(),
        }
    }

    fn leaf(&self, test: String, value: Truth, terms: &[&Term]) -> ConditionTrace {
        ConditionTrace {
            test,
            value,
            facts: self.uses(terms),
            membership: Vec::new(),
            children: Vec::new(),
        }
    }

    fn compare(
        &self,
        a: &Term,
        b: &Term,
        test: String,
        holds: fn(std::cmp::Ordering) -> bool,
    ) -> ConditionTrace {
        let value = match (self.term_value(a), self.term_value(b)) {
            (Some(Value::Number(x)), Some(Value::Number(y))) => Truth::from_bool(holds(x.cmp(&y))),
            (Some(Value::Date(x)), Some(Value::Date(y))) => Truth::from_bool(holds(x.cmp(&y))),
            _ => Truth::Unknown,
        };
        self.leaf(test, value, &[a, b])
    }

    /// Evaluates a condition, keeping the whole tree so every verdict can be explained.
    pub fn condition(&self, condition: &Condition) -> ConditionTrace {
        match condition {
            Condition::Always => self.leaf(
                "always, while the clause is in force".into(),
                Truth::True,
                &[],
            ),
            Condition::All(items) => {
                let children: Vec<ConditionTrace> =
                    items.iter().map(|c| self.condition(c)).collect();
                let value = if children.iter().any(|c| c.value == Truth::False) {
                    Truth::False
                } else if children.iter().all(|c| c.value == Truth::True) {
                    Truth::True
                } else {
                    Truth::Unknown
                };
                self.node("all of these hold".into(), value, children)
            }
            Condition::Any(items) => {
                let children: Vec<ConditionTrace> =
                    items.iter().map(|c| self.condition(c)).collect();
                let value = if children.iter().any(|c| c.value == Truth::True) {
                    Truth::True
                } else if children.iter().all(|c| c.value == Truth::False) {
                    Truth::False
                } else {
                    Truth::Unknown
                };
                self.node("at least one of these holds".into(), value, children)
            }
            Condition::Not(inner) => {
                let child = self.condition(inner);
                self.node("this does not hold".into(), child.value.not(), vec![child])
            }
            Condition::Fact(name) => {
                let value = match self.facts.get(name).map(|f| &f.value) {
                    Some(Value::Bool(b)) => Truth::from_bool(*b),
                    _ => Truth::Unknown,
                };
                ConditionTrace {
                    test: format!("`{name}` is true"),
                    value,
                    facts: vec![self.fact_use(name)],
                    membership: Vec::new(),
                    children: Vec::new(),
                }
            }
            Condition::Equals(a, b) => {
                let value = match (self.term_value(a), self.term_value(b)) {
                    (Some(x), Some(y)) => Truth::from_bool(x == y),
                    _ => Truth::Unknown,
                };
                self.leaf(format!("`{a}` is `{b}`"), value, &[a, b])
            }
            Condition::In(a, options) => {
                let found = self.term_value(a);
                let values: Vec<Option<Value>> =
                    options.iter().map(|o| self.term_value(o)).collect();
                let value = match found {
                    None => Truth::Unknown,
                    Some(x) if values.iter().any(|v| v.as_ref() == Some(&x)) => Truth::True,
                    Some(_) if values.iter().any(Option::is_none) => Truth::Unknown,
                    Some(_) => Truth::False,
                };
                let listed: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
                let mut terms = vec![a];
                terms.extend(options.iter());
                self.leaf(
                    format!("`{a}` is one of {}", listed.join(", ")),
                    value,
                    &terms,
                )
            }
            Condition::Less(a, b) => {
                self.compare(a, b, format!("`{a}` is less than `{b}`"), |o| o.is_lt())
            }
            Condition::AtMost(a, b) => {
                self.compare(a, b, format!("`{a}` is at most `{b}`"), |o| o.is_le())
            }
            Condition::Greater(a, b) => {
                self.compare(a, b, format!("`{a}` is more than `{b}`"), |o| o.is_gt())
            }
            Condition::AtLeast(a, b) => {
                self.compare(a, b, format!("`{a}` is at least `{b}`"), |o| o.is_ge())
            }
            Condition::IsMember(term) => {
                let (value, membership) = self.membership(term, |status| status.bound);
                let mut trace = self.leaf(
                    format!("`{term}` is bound by the treaty on {}", self.date),
                    value,
                    &[term],
                );
                trace.membership = membership;
                trace
            }
            Condition::HasStatus(term, statuses) => {
                let (value, membership) =
                    self.membership(term, |status| statuses.contains(&status.status));
                let listed: Vec<String> = statuses.iter().map(|s| format!("`{s}`")).collect();
                let mut trace = self.leaf(
                    format!(
                        "`{term}` has status {} on {}",
                        listed.join(" or "),
                        self.date
                    ),
                    value,
                    &[term],
                );
                trace.membership = membership;
                trace
            }
        }
    }

    fn membership(
        &self,
        term: &Term,
        holds: impl Fn(&membership::MemberStatus) -> bool,
    ) -> (Truth, Vec<String>) {
        match self.term_value(term) {
            Some(Value::State(code)) => match membership::status_on(self.pack, &code, self.date) {
                Some(status) => (
                    Truth::from_bool(holds(&status)),
                    vec![format!(
                        "{code}: {} since {} ({}) [{}]",
                        status.status,
                        status.since,
                        status.event,
                        status.sources.join(", ")
                    )],
                ),
                None => (
                    Truth::False,
                    vec![format!("{code}: never a party by {}", self.date)],
                ),
            },
            _ => (Truth::Unknown, Vec::new()),
        }
    }

    fn node(&self, test: String, value: Truth, children: Vec<ConditionTrace>) -> ConditionTrace {
        ConditionTrace {
            test,
            value,
            facts: Vec::new(),
            membership: Vec::new(),
            children,
        }
    }
}
