//! Who is a party to the treaty, with which status, on a given day: read from the
//! pack's parties timeline alone.

use serde::Serialize;

use crate::model::{AlternativeDate, Day, PartyEvent};
use crate::validate::Pack;

/// A state's status on a day, and the timeline event that set it.
#[derive(Debug, Clone, Serialize)]
pub struct MemberStatus {
    pub state: String,
    pub name: String,
    pub status: String,
    /// Bears and is owed the treaty's duties.
    pub bound: bool,
    /// Votes in the pack's collective bodies.
    pub votes: bool,
    pub since: Day,
    pub event: String,
    pub sources: Vec<String>,
    /// Other dates sources give for the same event.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<AlternativeDate>,
}

/// Timeline events in date order; events on the same day keep their file order.
fn events_by_date(pack: &Pack) -> Vec<&PartyEvent> {
    let mut events: Vec<&PartyEvent> = pack.files.parties.value.events.iter().collect();
    events.sort_by_key(|e| e.date);
    events
}

/// The status of `state` on `day`, or `None` if no event concerns it by then.
pub fn status_on(pack: &Pack, state: &str, day: Day) -> Option<MemberStatus> {
    let event = events_by_date(pack)
        .into_iter()
        .take_while(|e| e.date <= day)
        .filter(|e| e.states.iter().any(|s| s == state))
        .last()?;
    let declared = pack.files.parties.value.statuses.get(&event.status);
    Some(MemberStatus {
        state: state.to_string(),
        name: pack
            .files
            .states
            .value
            .get(state)
            .cloned()
            .unwrap_or_else(|| state.to_string()),
        status: event.status.clone(),
        bound: declared.is_some_and(|s| s.bound),
        votes: declared.is_some_and(|s| s.votes),
        since: event.date,
        event: event.event.clone(),
        sources: event.sources.clone(),
        alternatives: event.alternatives.clone(),
    })
}

/// Every state the timeline mentions by `day`, sorted by state code.
pub fn roll(pack: &Pack, day: Day) -> Vec<MemberStatus> {
    let mut states: Vec<&str> = pack
        .files
        .parties
        .value
        .events
        .iter()
        .filter(|e| e.date <= day)
        .flat_map(|e| e.states.iter().map(String::as_str))
        .collect();
    states.sort_unstable();
    states.dedup();
    states
        .into_iter()
        .filter_map(|s| status_on(pack, s, day))
        .collect()
}

/// The states bound by the treaty on `day`, sorted by code.
pub fn bound_members(pack: &Pack, day: Day) -> Vec<MemberStatus> {
    roll(pack, day).into_iter().filter(|m| m.bound).collect()
}
