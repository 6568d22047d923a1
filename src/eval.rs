//! Evaluate stage: a pure function from (pack, scenario) to per-reading results with the
//! full trace that explanations and reports are rendered from. No printing, no clock.

pub mod decision;
pub mod logic;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub use decision::{DecisionResult, Outcome};
pub use logic::{ConditionTrace, FactUse, Truth};

use crate::membership::{self, MemberStatus};
use crate::model::{
    Bearer, ClauseStatus, Compliance, Day, Degree, DutyKind, FactValue, Figure, Note, Request,
    Response, Scenario, Source, Status, Term, Validity, Value,
};
use crate::validate::Pack;

/// The name of the single reading of a scenario that declares no readings.
pub const DOCUMENTED_READING: &str = "documented";
/// Expectation keys for actions taken without a duty are `none/<content>`.
pub const NO_DUTY_PREFIX: &str = "none/";

/// Everything casus concludes about one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub id: String,
    pub title: String,
    pub treaty: String,
    pub date: Day,
    pub hypothetical: bool,
    pub summary: String,
    /// Parties and their statuses on the scenario date.
    pub members: Vec<MemberStatus>,
    /// Names of the pack's collective bodies, which can bear duties and act.
    pub bodies: BTreeMap<String, String>,
    /// For each article, the version in force on the scenario date.
    pub versions: Vec<ArticleVersion>,
    pub requests: Vec<Request>,
    /// What each actor documentably did; the same in every reading.
    pub responses: Vec<Response>,
    pub figures: Vec<Figure>,
    pub readings: Vec<ReadingResult>,
    /// The scenario's bibliography, so that a report carries the sources it cites.
    pub bibliography: BTreeMap<String, Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleVersion {
    pub article: String,
    pub title: String,
    /// The clause versions in force on the date, one per paragraph; empty if none is.
    pub in_force: Vec<InForce>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InForce {
    pub clause: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadingResult {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub sources: Vec<String>,
    pub status: Status,
    /// The facts of this reading, after the reading's own values are laid over the shared ones.
    pub facts: BTreeMap<String, FactValue>,
    pub clauses: Vec<ClauseResult>,
    pub duties: Vec<DutyResult>,
    pub decisions: Vec<DecisionResult>,
    pub basis: Basis,
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClauseResult {
    pub id: String,
    pub article: String,
    pub version: String,
    pub valid: Validity,
    /// The quoted treaty text and where it comes from, so explanations quote what was applied.
    pub text: String,
    pub text_sources: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    pub status: ClauseStatus,
    /// The condition tree with the value of every node; absent when the clause is not in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<ConditionTrace>,
    /// Facts the condition needed but the reading does not give.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_facts: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overridden_by: Option<String>,
}

/// One duty of one bearer, measured against the documented responses.
#[derive(Debug, Clone, Serialize)]
pub struct DutyResult {
    /// The clause that created the duty; `None` for action taken without a duty.
    pub clause: Option<String>,
    pub duty: Option<String>,
    pub kind: Option<DutyKind>,
    /// A state code, or a body id.
    pub bearer: String,
    pub content: String,
    pub compliance: Compliance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_by: Option<Day>,
    /// Ids of the responses that decided the label.
    pub responses: Vec<String>,
    /// One line saying why this label, built from the same data.
    pub reason: String,
}

impl DutyResult {
    /// The expectation key: `clause/duty`, or `none/content`.
    pub fn key(&self) -> String {
        match (&self.clause, &self.duty) {
            (Some(clause), Some(duty)) => format!("{clause}/{duty}"),
            _ => format!("{NO_DUTY_PREFIX}{}", self.content),
        }
    }
}

/// The legal basis as cited by the actors, next to what the rules find applicable.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Basis {
    pub cited_by_requesters: Vec<Citation>,
    pub cited_by_bodies: Vec<Citation>,
    /// Articles with a triggered clause in this reading.
    pub applicable: Vec<Citation>,
    /// Articles that a requester or body cited but the rules do not find applicable.
    pub cited_not_applicable: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// Who cited it: a state, a body, or `rules` for the evaluation itself.
    pub by: String,
    /// The article cited; `None` when no article was documented.
    pub article: Option<String>,
    /// The request, decision or clause the citation comes from.
    pub record: String,
}

/// Two triggered duties that cannot both be honoured by one bearer.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub bearer: String,
    pub content: String,
    pub obligation: String,
    pub prohibition: String,
}

/// Evaluates every reading of `scenario` under `pack`, on the scenario's own date.
pub fn evaluate(pack: &Pack, scenario: &Scenario) -> Evaluation {
    let date = scenario.date;
    let members = membership::roll(pack, date);
    let versions = pack
        .files
        .articles
        .iter()
        .map(|article| ArticleVersion {
            article: article.value.id.clone(),
            title: article.value.title.clone(),
            in_force: article
                .value
                .clauses
                .iter()
                .filter(|c| c.valid.contains(date))
                .map(|c| InForce {
                    clause: c.id.clone(),
                    version: c.version.clone(),
                })
                .collect(),
        })
        .collect();
    let readings = readings_of(pack, scenario)
        .into_iter()
        .map(|(name, summary, sources, status, facts)| {
            let decisions = decisions_in(pack, scenario, &name);
            let mut result = evaluate_reading(pack, scenario, &facts, &decisions);
            result.name = name;
            result.summary = summary;
            result.sources = sources;
            result.status = status;
            result.facts = facts;
            result
        })
        .collect();

    Evaluation {
        id: scenario.id.clone(),
        title: scenario.title.clone(),
        treaty: scenario.treaty.clone(),
        date,
        hypothetical: scenario.hypothetical,
        summary: scenario.summary.clone(),
        members,
        bodies: pack
            .files
            .decisions
            .value
            .bodies
            .iter()
            .map(|(id, body)| (id.clone(), body.name.clone()))
            .collect(),
        versions,
        requests: scenario.requests.clone(),
        responses: scenario.responses.clone(),
        figures: scenario.figures.clone(),
        readings,
        bibliography: scenario.bibliography.clone(),
    }
}

/// The scenario's decisions under the decision rule, with the reading's positions laid over.
fn decisions_in(pack: &Pack, scenario: &Scenario, reading: &str) -> Vec<DecisionResult> {
    let overrides = scenario
        .readings
        .iter()
        .find(|r| r.name == reading)
        .map(|r| &r.positions);
    scenario
        .decisions
        .iter()
        .map(|d| match overrides.and_then(|o| o.get(&d.id)) {
            Some(positions) => {
                let mut changed = d.clone();
                changed.positions.extend(positions.clone());
                decision::decide(pack, &changed)
            }
            None => decision::decide(pack, d),
        })
        .collect()
}

type ReadingFacts = (
    String,
    Option<String>,
    Vec<String>,
    Status,
    BTreeMap<String, FactValue>,
);

/// The pack's declared defaults, each marked as an assumption, for facts a scenario leaves out.
pub fn default_facts(pack: &Pack) -> BTreeMap<String, FactValue> {
    pack.files
        .vocabulary
        .value
        .iter()
        .filter_map(|(name, decl)| {
            let value = decl.default.clone()?;
            Some((
                name.clone(),
                FactValue {
                    value,
                    sources: Vec::new(),
                    note: Some(
                        "default of the pack's vocabulary, not stated by the scenario".into(),
                    ),
                    status: Status::Assumption,
                },
            ))
        })
        .collect()
}

/// The readings to evaluate: each declared reading over the shared facts, or one documented reading.
fn readings_of(pack: &Pack, scenario: &Scenario) -> Vec<ReadingFacts> {
    let mut shared = default_facts(pack);
    shared.extend(scenario.facts.clone());
    if scenario.readings.is_empty() {
        return vec![(
            DOCUMENTED_READING.to_string(),
            None,
            Vec::new(),
            Status::Sourced,
            shared,
        )];
    }
    scenario
        .readings
        .iter()
        .map(|reading| {
            let mut facts = shared.clone();
            facts.extend(reading.facts.clone());
            (
                reading.name.clone(),
                Some(reading.summary.clone()),
                reading.sources.clone(),
                reading.status,
                facts,
            )
        })
        .collect()
}

fn evaluate_reading(
    pack: &Pack,
    scenario: &Scenario,
    facts: &BTreeMap<String, FactValue>,
    decisions: &[DecisionResult],
) -> ReadingResult {
    let date = scenario.date;
    let context = logic::Context { pack, facts, date };
    let mut clauses = Vec::new();
    for article in &pack.files.articles {
        for clause in &article.value.clauses {
            let base = ClauseResult {
                id: clause.id.clone(),
                article: article.value.id.clone(),
                version: clause.version.clone(),
                valid: clause.valid,
                text: clause.text.clone(),
                text_sources: clause.text_sources.clone(),
                notes: clause.notes.clone(),
                status: ClauseStatus::NotInForce,
                conditions: None,
                missing_facts: Vec::new(),
                overridden_by: None,
            };
            if !clause.valid.contains(date) {
                clauses.push(base);
                continue;
            }
            let trace = context.condition(&clause.condition);
            let status = match trace.value {
                Truth::True => ClauseStatus::Triggered,
                Truth::False => ClauseStatus::NotTriggered,
                Truth::Unknown => ClauseStatus::Undetermined,
            };
            // Only an undetermined clause is held up by missing facts; elsewhere they did not matter.
            let mut missing: Vec<String> = trace
                .all_facts()
                .filter(|f| status == ClauseStatus::Undetermined && f.value.is_none())
                .map(|f| f.name.clone())
                .collect();
            missing.sort();
            missing.dedup();
            clauses.push(ClauseResult {
                status,
                conditions: Some(trace),
                missing_facts: missing,
                ..base
            });
        }
    }
    apply_overrides(pack, &mut clauses);

    let duties = duties_of(pack, scenario, &context, &clauses);
    let conflicts = conflicts_of(&duties);

    let mut basis = Basis {
        cited_by_requesters: scenario
            .requests
            .iter()
            .map(|r| Citation {
                by: r.by.clone(),
                article: r.cites.clone(),
                record: r.id.clone(),
            })
            .collect(),
        cited_by_bodies: scenario
            .decisions
            .iter()
            .map(|d| Citation {
                by: d.body.clone(),
                article: d.cites.clone(),
                record: d.id.clone(),
            })
            .collect(),
        applicable: clauses
            .iter()
            .filter(|c| c.status == ClauseStatus::Triggered)
            .map(|c| Citation {
                by: "rules".to_string(),
                article: Some(c.article.clone()),
                record: c.id.clone(),
            })
            .collect(),
        cited_not_applicable: Vec::new(),
    };
    let mut mismatched: Vec<String> = basis
        .cited_by_requesters
        .iter()
        .chain(&basis.cited_by_bodies)
        .filter_map(|c| c.article.clone())
        .filter(|article| {
            !basis
                .applicable
                .iter()
                .any(|a| a.article.as_ref() == Some(article))
        })
        .collect();
    mismatched.sort();
    mismatched.dedup();
    basis.cited_not_applicable = mismatched;

    ReadingResult {
        name: String::new(),
        summary: None,
        sources: Vec::new(),
        status: Status::Sourced,
        facts: BTreeMap::new(),
        clauses,
        duties,
        decisions: decisions.to_vec(),
        basis,
        conflicts,
    }
}

/// A triggered clause that overrides another triggered clause displaces it.
fn apply_overrides(pack: &Pack, clauses: &mut [ClauseResult]) {
    let triggered: BTreeSet<String> = clauses
        .iter()
        .filter(|c| c.status == ClauseStatus::Triggered)
        .map(|c| c.id.clone())
        .collect();
    let mut displaced: BTreeMap<String, String> = BTreeMap::new();
    for clause in pack.files.articles.iter().flat_map(|a| &a.value.clauses) {
        if triggered.contains(&clause.id) {
            for target in &clause.overrides {
                if triggered.contains(target) {
                    displaced
                        .entry(target.clone())
                        .or_insert_with(|| clause.id.clone());
                }
            }
        }
    }
    for clause in clauses.iter_mut() {
        if let Some(by) = displaced.get(&clause.id) {
            clause.status = ClauseStatus::Overridden;
            clause.overridden_by = Some(by.clone());
        }
    }
}

fn duties_of(
    pack: &Pack,
    scenario: &Scenario,
    context: &logic::Context,
    clauses: &[ClauseResult],
) -> Vec<DutyResult> {
    let date = scenario.date;
    let bound: Vec<String> = membership::bound_members(pack, date)
        .into_iter()
        .map(|m| m.state)
        .collect();
    let actions = &pack.files.actions.value;
    let mut duties = Vec::new();
    for clause in pack.files.articles.iter().flat_map(|a| &a.value.clauses) {
        let triggered = clauses
            .iter()
            .any(|c| c.id == clause.id && c.status == ClauseStatus::Triggered);
        if !triggered {
            continue;
        }
        for duty in &clause.duties {
            let state_of = |term: &Term| match context.term_value(term) {
                Some(Value::State(code)) => Some(code),
                _ => None,
            };
            let bearers: Vec<String> = match &duty.bearer {
                Bearer::AllMembers => bound.clone(),
                Bearer::EachMemberExcept(term) => {
                    let except = state_of(term);
                    bound
                        .iter()
                        .filter(|s| Some(*s) != except.as_ref())
                        .cloned()
                        .collect()
                }
                Bearer::State(term) => state_of(term).into_iter().collect(),
                Bearer::Body(body) => vec![body.clone()],
            };
            let due_by = duty.timing.as_ref().and_then(|timing| {
                let days = pack.files.manifest.value.timings.get(&timing.within)?.days;
                let start = match &timing.from {
                    Some(term) => match context.term_value(term) {
                        Some(Value::Date(day)) => day,
                        _ => date,
                    },
                    None => date,
                };
                Some(start.plus_days(days))
            });
            for bearer in bearers {
                duties.push(measure(scenario, actions, &clause.id, duty, bearer, due_by));
            }
        }
    }

    // Members and bodies that acted where no duty asked them to.
    let owed: BTreeSet<(String, String)> = duties
        .iter()
        .filter(|d| d.kind == Some(DutyKind::Obligation))
        .map(|d| (d.bearer.clone(), d.content.clone()))
        .collect();
    let mut without_duty: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let bodies = &pack.files.decisions.value.bodies;
    for response in &scenario.responses {
        let Some(kind) = actions.kinds.get(&response.action) else {
            continue;
        };
        for actor in &response.actors {
            if !(bound.contains(actor) || bodies.contains_key(actor)) {
                continue;
            }
            for content in kind.performs.keys() {
                let key = (actor.clone(), content.clone());
                if !owed.contains(&key) && !is_prohibited_content(pack, content) {
                    without_duty
                        .entry(key)
                        .or_default()
                        .push(response.id.clone());
                }
            }
        }
    }
    for ((bearer, content), responses) in without_duty {
        // Listed once per (actor, content), citing every response that performed it.
        duties.push(DutyResult {
            clause: None,
            duty: None,
            kind: None,
            reason: format!(
                "no triggered clause obliges `{bearer}` to `{content}`, yet {} documents it",
                responses.join(", ")
            ),
            bearer,
            content,
            compliance: Compliance::ActedWithoutFormalDuty,
            due_by: None,
            responses,
        });
    }
    // Actor by actor, then in the pack's clause order (a stable sort keeps it within an actor).
    duties.sort_by(|a, b| a.bearer.cmp(&b.bearer));
    duties
}

/// Contents that some clause of the pack prohibits are never counted as voluntary help.
fn is_prohibited_content(pack: &Pack, content: &str) -> bool {
    pack.files
        .articles
        .iter()
        .flat_map(|a| &a.value.clauses)
        .flat_map(|c| &c.duties)
        .any(|d| d.kind == DutyKind::Prohibition && d.content == content)
}

fn measure(
    scenario: &Scenario,
    actions: &crate::model::Actions,
    clause: &str,
    duty: &crate::model::Duty,
    bearer: String,
    due_by: Option<Day>,
) -> DutyResult {
    let by_bearer: Vec<&crate::model::Response> = scenario
        .responses
        .iter()
        .filter(|r| r.actors.contains(&bearer))
        .collect();
    let performing: Vec<(&crate::model::Response, Degree)> = by_bearer
        .iter()
        .filter_map(|r| {
            let degree = actions.kinds.get(&r.action)?.performs.get(&duty.content)?;
            Some((*r, *degree))
        })
        .collect();
    let ids = |rs: &[&crate::model::Response]| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let (compliance, responses, reason) = match duty.kind {
        DutyKind::Prohibition => {
            if performing.is_empty() {
                (
                    Compliance::Fulfilled,
                    ids(&by_bearer),
                    format!("no documented act of `{}`", duty.content),
                )
            } else {
                let acts: Vec<&crate::model::Response> =
                    performing.iter().map(|(r, _)| *r).collect();
                (
                    Compliance::ProhibitionViolated,
                    ids(&acts),
                    format!("documented act of `{}`", duty.content),
                )
            }
        }
        DutyKind::Obligation => {
            let best = performing.iter().map(|(_, d)| *d).max();
            let on_time = |r: &crate::model::Response| match (due_by, r.from) {
                (Some(due), Some(from)) => from <= due,
                _ => true,
            };
            match best {
                None if by_bearer.is_empty() => (
                    Compliance::NoDocumentedResponse,
                    Vec::new(),
                    "no response of this bearer is documented".to_string(),
                ),
                None => (
                    Compliance::Unfulfilled,
                    ids(&by_bearer),
                    format!("the documented responses do not perform `{}`", duty.content),
                ),
                Some(Degree::Partly) => {
                    let acts: Vec<&crate::model::Response> =
                        performing.iter().map(|(r, _)| *r).collect();
                    (
                        Compliance::PartlyFulfilled,
                        ids(&acts),
                        format!(
                            "the documented responses perform `{}` only in part",
                            duty.content
                        ),
                    )
                }
                Some(Degree::Fully) => {
                    let full: Vec<&crate::model::Response> = performing
                        .iter()
                        .filter(|(_, d)| *d == Degree::Fully)
                        .map(|(r, _)| *r)
                        .collect();
                    if full.iter().any(|r| on_time(r)) {
                        (
                            Compliance::Fulfilled,
                            ids(&full),
                            format!("performed `{}`", duty.content),
                        )
                    } else {
                        (
                            Compliance::PartlyFulfilled,
                            ids(&full),
                            format!(
                                "performed `{}`, but after the time limit{}",
                                duty.content,
                                due_by.map(|d| format!(" ({d})")).unwrap_or_default()
                            ),
                        )
                    }
                }
            }
        }
    };
    DutyResult {
        clause: Some(clause.to_string()),
        duty: Some(duty.id.clone()),
        kind: Some(duty.kind),
        bearer,
        content: duty.content.clone(),
        compliance,
        due_by,
        responses,
        reason,
    }
}

/// An obligation and a prohibition of the same content on the same bearer.
fn conflicts_of(duties: &[DutyResult]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for obligation in duties
        .iter()
        .filter(|d| d.kind == Some(DutyKind::Obligation))
    {
        for prohibition in duties
            .iter()
            .filter(|d| d.kind == Some(DutyKind::Prohibition))
        {
            if obligation.bearer == prohibition.bearer && obligation.content == prohibition.content
            {
                conflicts.push(Conflict {
                    bearer: obligation.bearer.clone(),
                    content: obligation.content.clone(),
                    obligation: obligation.clause.clone().unwrap_or_default(),
                    prohibition: prohibition.clause.clone().unwrap_or_default(),
                });
            }
        }
    }
    conflicts
}
