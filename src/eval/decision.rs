//! Outcomes of collective decisions under the pack's decision rule in force on the
//! decision's date: adopted, blocked (and by whom), or no decision.

use serde::Serialize;

use crate::membership;
use crate::model::{Day, Decision, DocumentedOutcome, Position, Vote};
use crate::validate::Pack;

pub use crate::model::Outcome;

#[derive(Debug, Clone, Serialize)]
pub struct DecisionResult {
    pub id: String,
    pub body: String,
    pub date: Day,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: Option<String>,
    /// The decision rule applied, if one is in force on the date, and its text.
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_text: Option<String>,
    pub supported: Vec<String>,
    pub outcome: Outcome,
    pub blocked_by: Vec<String>,
    pub abstained: Vec<String>,
    /// Voting members recorded as absent: the decision stands, but the report flags it.
    pub absent: Vec<String>,
    /// Voting members whose position no source documents.
    pub undocumented: Vec<String>,
    /// Positions recorded for states that could not vote on the date.
    pub non_voting: Vec<String>,
    pub documented: DocumentedOutcome,
    /// Whether the rule's outcome matches what the sources say happened.
    pub matches_documented: bool,
    pub sources: Vec<String>,
}

/// Applies the body's decision rule in force on the decision date to the recorded positions.
pub fn decide(pack: &Pack, decision: &Decision) -> DecisionResult {
    let rule = pack
        .files
        .decisions
        .value
        .rules
        .iter()
        .find(|r| r.bodies.contains(&decision.body) && r.valid.contains(decision.date));
    let voters: Vec<String> = membership::roll(pack, decision.date)
        .into_iter()
        .filter(|m| m.votes)
        .map(|m| m.state)
        .collect();
    let with = |wanted: Position| -> Vec<String> {
        decision
            .positions
            .iter()
            .filter(|(state, p)| **p == wanted && voters.contains(state))
            .map(|(state, _)| state.clone())
            .collect()
    };
    let objecting = with(Position::Objects);
    let abstained = with(Position::Abstains);
    let absent = with(Position::Absent);
    let supporting = with(Position::Supports);
    let undocumented: Vec<String> = voters
        .iter()
        .filter(|v| !decision.positions.contains_key(*v))
        .cloned()
        .collect();
    let non_voting: Vec<String> = decision
        .positions
        .keys()
        .filter(|s| !voters.contains(s))
        .cloned()
        .collect();

    let (outcome, blocked_by) = match rule.map(|r| &r.vote) {
        None => (Outcome::NoDecision, Vec::new()),
        Some(_) if decision.positions.is_empty() => (Outcome::NoDecision, Vec::new()),
        Some(Vote::Consensus {
            abstention_blocks,
            absence_blocks,
        }) => {
            let mut blockers = objecting.clone();
            if *abstention_blocks {
                blockers.extend(abstained.iter().cloned());
            }
            if *absence_blocks {
                blockers.extend(absent.iter().cloned());
            }
            blockers.sort();
            if blockers.is_empty() {
                (Outcome::Adopted, blockers)
            } else {
                (Outcome::Blocked, blockers)
            }
        }
        Some(Vote::Majority { percent }) => {
            let yes = supporting.len() as u64;
            let needed = (voters.len() as u64) * u64::from(*percent);
            if yes * 100 >= needed {
                (Outcome::Adopted, Vec::new())
            } else {
                (Outcome::Blocked, objecting.clone())
            }
        }
    };
    let matches_documented = matches!(
        (outcome, decision.documented),
        (Outcome::Adopted, DocumentedOutcome::Adopted)
            | (
                Outcome::Blocked | Outcome::NoDecision,
                DocumentedOutcome::NotAdopted
            )
    );
    DecisionResult {
        id: decision.id.clone(),
        body: decision.body.clone(),
        date: decision.date,
        subject: decision.subject.clone(),
        cites: decision.cites.clone(),
        rule: rule.map(|r| r.id.clone()),
        rule_text: rule.map(|r| r.text.clone()),
        supported: supporting,
        outcome,
        blocked_by,
        abstained,
        absent,
        undocumented,
        non_voting,
        documented: decision.documented,
        matches_documented,
        sources: decision.sources.clone(),
    }
}
