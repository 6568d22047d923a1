//! The files of a rule pack (`rules/<treaty>/`): manifest, sources, states, vocabulary,
//! parties timeline, action kinds, decision rules, and one clause file per article.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Condition, Day, Term, Value};

/// `pack.ron`: what the pack is and the constants its clauses refer to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The treaty id that scenarios name in their `treaty` field.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub sources: Vec<String>,
    /// Named time limits that duties use, such as `immediately`.
    #[serde(default)]
    pub timings: BTreeMap<String, Timing>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    pub days: i64,
    /// Why this number: the treaty rarely states one, so the pack must say where it comes from.
    pub basis: String,
    #[serde(default)]
    pub status: Status,
}

/// How firmly a statement is established.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Backed by the cited sources.
    #[default]
    Sourced,
    /// A modelling choice of the pack or scenario author.
    Assumption,
    /// Claimed somewhere but not confirmed by any retrieved source.
    Unverified,
}

/// An entry of a bibliography (`sources.ron`, or a scenario's `bibliography`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub author: Option<String>,
    /// Free-form, because publications give dates at different precision.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// File name of a seed document under `shared/seeds/`.
    #[serde(default)]
    pub seed: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `vocabulary.ron`: the facts a pack's clauses may read.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    #[serde(rename = "type")]
    pub kind: FactType,
    pub meaning: String,
    /// The value assumed when a scenario does not give one; reported as an assumption.
    #[serde(default)]
    pub default: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum FactType {
    Bool,
    Enum(Vec<String>),
    Date,
    State,
    Number,
}

impl FactType {
    pub fn name(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Enum(_) => "enum",
            FactType::Date => "date",
            FactType::State => "state",
            FactType::Number => "number",
        }
    }
}

/// `parties.ron`: the statuses a state can have and the dated events that set them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    pub statuses: BTreeMap<String, StatusDecl>,
    pub events: Vec<PartyEvent>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDecl {
    pub meaning: String,
    /// A state with this status bears and is owed the treaty's duties.
    pub bound: bool,
    /// A state with this status votes in the pack's collective bodies.
    pub votes: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartyEvent {
    pub date: Day,
    pub states: Vec<String>,
    /// The status each listed state has from `date` on.
    pub status: String,
    pub event: String,
    pub sources: Vec<String>,
    /// Other dates that sources give for the same event; shown, not used for status.
    #[serde(default)]
    pub alternatives: Vec<AlternativeDate>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeDate {
    pub date: Day,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `actions.ron`: duty contents, and which documented action kinds perform them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actions {
    pub contents: BTreeMap<String, String>,
    pub kinds: BTreeMap<String, ActionKind>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActionKind {
    pub meaning: String,
    /// Duty contents this action performs, and how completely.
    #[serde(default)]
    pub performs: BTreeMap<String, Degree>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    Partly,
    Fully,
}

/// `decision.ron`: collective bodies and their decision rules over time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    #[serde(default)]
    pub bodies: BTreeMap<String, Body>,
    pub rules: Vec<DecisionRule>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub name: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRule {
    pub id: String,
    /// The bodies that decide by this rule.
    pub bodies: Vec<String>,
    pub valid: Validity,
    pub text: String,
    pub sources: Vec<String>,
    pub vote: Vote,
    #[serde(default)]
    pub status: Status,
    /// The file this rule was read from, when it differs from the pack's (an overlay).
    #[serde(skip)]
    pub origin: Option<crate::source::SourceFile>,
}

/// How a body adopts a decision. One vote per voting member in every variant.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Vote {
    /// Adopted unless a voting member objects.
    Consensus {
        abstention_blocks: bool,
        absence_blocks: bool,
    },
    /// Adopted when at least `percent` of the voting members vote yes.
    Majority { percent: u32 },
}

/// A half-open interval of days: `from` inclusive, `to` exclusive; no `to` means still in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    pub from: Day,
    #[serde(default)]
    pub to: Option<Day>,
}

impl Validity {
    pub fn contains(&self, day: Day) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }

    pub fn is_empty(&self) -> bool {
        self.to.is_some_and(|to| to <= self.from)
    }
}

/// One file under `clauses/`: an article and its dated versions.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable id, unique across the pack; expectations and overrides refer to it.
    pub id: String,
    /// The paragraph of the article this clause encodes; clauses with the same article and
    /// paragraph are versions of one provision, and only one may be in force on a day.
    #[serde(default)]
    pub paragraph: Option<String>,
    /// Label of the text version, such as `1992` or `2010`.
    pub version: String,
    pub valid: Validity,
    pub text: String,
    pub text_sources: Vec<String>,
    #[serde(default)]
    pub text_status: Status,
    /// How the pack reads the text where the text alone does not decide, with sources.
    #[serde(default)]
    pub notes: Vec<Note>,
    pub condition: Condition,
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// Clauses this one displaces when both trigger (an exception).
    #[serde(default)]
    pub overrides: Vec<String>,
    /// The file this clause was read from, when it differs from its article's (an overlay).
    #[serde(skip)]
    pub origin: Option<crate::source::SourceFile>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub status: Status,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Unique within its clause.
    pub id: String,
    pub kind: DutyKind,
    pub bearer: Bearer,
    /// A key of `contents` in `actions.ron`.
    pub content: String,
    #[serde(default)]
    pub timing: Option<DutyTiming>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyKind {
    Obligation,
    Prohibition,
}

/// Who bears a duty; resolved to states (or a body) on the scenario date.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Bearer {
    /// Every bound member.
    AllMembers,
    /// Every bound member other than the given state (typically the victim).
    EachMemberExcept(Term),
    /// One state, such as the victim or the attacker.
    State(Term),
    /// A collective body declared in `decision.ron`.
    Body(String),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DutyTiming {
    /// A key of `timings` in `pack.ron`.
    pub within: String,
    /// When the clock starts; the scenario date when absent.
    #[serde(default)]
    pub from: Option<Term>,
}

impl FactType {
    /// Whether `value` is of this type (enum membership is checked separately).
    pub fn admits(&self, value: &Value) -> bool {
        matches!(
            (self, value),
            (FactType::Bool, Value::Bool(_))
                | (FactType::Date, Value::Date(_))
                | (FactType::Number, Value::Number(_))
                | (FactType::State, Value::State(_))
                | (FactType::Enum(_), Value::Enum(_))
        )
    }
}

/// `overlay.ron`: a variant of a pack that removes, replaces or adds clauses and decision rules.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    pub id: String,
    /// The treaty id of the pack this overlay changes.
    pub extends: String,
    pub summary: String,
    pub sources: Vec<String>,
    /// Ids of clauses or decision rules to drop; a clause or rule with an existing id replaces it.
    #[serde(default)]
    pub remove: Vec<String>,
}

/// `reference.ron` (optional): published figures that the casebook's rates are set beside.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFigure {
    pub percent: f64,
    pub what: String,
    pub sources: Vec<String>,
}
