//! Scenario files (`scenarios/*.ron`): a dated situation, its sourced facts and readings,
//! the documented requests, decisions and responses, and optional expectations.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Day, Source, Status, Value};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    /// The rule pack (treaty id) this scenario is evaluated under.
    pub treaty: String,
    pub date: Day,
    /// A what-if, not a documented case; every report says so.
    #[serde(default)]
    pub hypothetical: bool,
    pub summary: String,
    /// The states involved, including non-members.
    pub parties: Vec<String>,
    /// Facts shared by every reading.
    #[serde(default)]
    pub facts: BTreeMap<String, FactValue>,
    /// Named alternative sets of fact values where sources disagree.
    #[serde(default)]
    pub readings: Vec<Reading>,
    #[serde(default)]
    pub requests: Vec<Request>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub responses: Vec<Response>,
    /// Reported numbers on which sources disagree, such as troop totals; every version is kept.
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub bibliography: BTreeMap<String, Source>,
    #[serde(default)]
    pub expectations: Vec<Expectation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactValue {
    pub value: Value,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub status: Status,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub name: String,
    pub summary: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub status: Status,
    /// Facts this reading sets, over the shared `facts`.
    #[serde(default)]
    pub facts: BTreeMap<String, FactValue>,
    /// Decision id → member positions this reading sets, over the decision's own.
    #[serde(default)]
    pub positions: BTreeMap<String, BTreeMap<String, Position>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub id: String,
    pub by: String,
    /// A state or a collective body.
    pub to: String,
    pub date: Day,
    pub summary: String,
    /// The article id the requester cited, if any was documented.
    #[serde(default)]
    pub cites: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub body: String,
    pub date: Day,
    pub subject: String,
    /// The article id the body cited, if documented.
    #[serde(default)]
    pub cites: Option<String>,
    /// Each member's documented position; members left out are reported as undocumented.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    /// What the sources say happened to the proposal.
    pub documented: DocumentedOutcome,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Supports,
    Objects,
    Abstains,
    Absent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentedOutcome {
    Adopted,
    NotAdopted,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub id: String,
    /// The states (or bodies) that took this action.
    pub actors: Vec<String>,
    /// A key of `kinds` in the pack's `actions.ron`.
    pub action: String,
    pub summary: String,
    #[serde(default)]
    pub from: Option<Day>,
    #[serde(default)]
    pub to: Option<Day>,
    /// Reported sizes; several when sources disagree.
    #[serde(default)]
    pub size: Vec<Amount>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub what: String,
    pub versions: Vec<Amount>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub value: i64,
    pub unit: String,
    #[serde(default)]
    pub approximate: bool,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub status: Status,
}

/// What a reading's evaluation should give; a later `casus test` compares these.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub reading: String,
    #[serde(default)]
    pub clauses: BTreeMap<String, ClauseStatus>,
    /// Bearer → `clause/duty` → compliance label.
    #[serde(default)]
    pub compliance: BTreeMap<String, BTreeMap<String, Compliance>>,
    /// Decision id → outcome under the pack's decision rule.
    #[serde(default)]
    pub decisions: BTreeMap<String, Outcome>,
    /// The right reason: bearer → every clause that puts a duty on it in this reading.
    #[serde(default)]
    pub reasons: BTreeMap<String, Vec<String>>,
}

/// A collective decision's outcome under the decision rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Blocked,
    /// No rule applies, or no position is documented, so no decision can be derived.
    NoDecision,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::Blocked => "blocked",
            Outcome::NoDecision => "no decision",
        }
    }
}

/// A clause's status for one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseStatus {
    Triggered,
    NotTriggered,
    NotInForce,
    Undetermined,
    Overridden,
}

/// How a bearer's documented response measures against a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    Fulfilled,
    PartlyFulfilled,
    Unfulfilled,
    ActedWithoutFormalDuty,
    ProhibitionViolated,
    NoDocumentedResponse,
}

impl ClauseStatus {
    pub fn label(self) -> &'static str {
        match self {
            ClauseStatus::Triggered => "triggered",
            ClauseStatus::NotTriggered => "not triggered",
            ClauseStatus::NotInForce => "not in force",
            ClauseStatus::Undetermined => "undetermined",
            ClauseStatus::Overridden => "overridden",
        }
    }
}

impl Compliance {
    pub fn label(self) -> &'static str {
        match self {
            Compliance::Fulfilled => "fulfilled",
            Compliance::PartlyFulfilled => "partly fulfilled",
            Compliance::Unfulfilled => "unfulfilled",
            Compliance::ActedWithoutFormalDuty => "acted without a formal duty",
            Compliance::ProhibitionViolated => "prohibition violated",
            Compliance::NoDocumentedResponse => "no documented response",
        }
    }
}

/// A saved what-if (`*.whatif.ron`): a scenario that extends another with changed facts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIf {
    pub id: String,
    pub title: String,
    /// The id of the scenario, or saved what-if, this one changes.
    pub extends: String,
    pub summary: String,
    /// The reading the changes apply to; every reading when absent.
    #[serde(default)]
    pub reading: Option<String>,
    /// A different date to evaluate on.
    #[serde(default)]
    pub date: Option<Day>,
    /// The facts this what-if sets.
    pub set: BTreeMap<String, FactValue>,
    /// Sources cited by `set`, added to the base scenario's bibliography.
    #[serde(default)]
    pub bibliography: BTreeMap<String, Source>,
    /// Expectations for the what-if; the base scenario's are not inherited.
    #[serde(default)]
    pub expectations: Vec<Expectation>,
}

impl WhatIf {
    /// The scenario this what-if describes, given the scenario it extends.
    pub fn materialise(&self, base: &Scenario) -> Scenario {
        let mut scenario = base.clone();
        scenario.id = self.id.clone();
        scenario.title = self.title.clone();
        scenario.summary = self.summary.clone();
        scenario.hypothetical = true;
        if let Some(date) = self.date {
            scenario.date = date;
        }
        scenario.bibliography.extend(self.bibliography.clone());
        scenario.expectations = self.expectations.clone();
        let readings: Vec<String> = match &self.reading {
            Some(name) => vec![name.clone()],
            None => scenario.readings.iter().map(|r| r.name.clone()).collect(),
        };
        if readings.is_empty() {
            scenario.facts.extend(self.set.clone());
        }
        for reading in scenario
            .readings
            .iter_mut()
            .filter(|r| readings.contains(&r.name))
        {
            reading.facts.extend(self.set.clone());
        }
        scenario
    }
}
