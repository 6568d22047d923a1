//! Membership on both sides of every timeline event, and the dated answers the issue names.

use casus::membership::status_on;

use crate::support;

#[test]
fn every_event_sets_its_status_on_its_day_and_not_the_day_before() {
    let pack = support::pack();
    for event in &pack.files.parties.value.events {
        for state in &event.states {
            let on = status_on(&pack, state, event.date).map(|s| s.status);
            assert_eq!(
                on.as_deref(),
                Some(event.status.as_str()),
                "{state} on {}",
                event.date
            );
            let before = status_on(&pack, state, event.date.plus_days(-1)).map(|s| s.status);
            assert_ne!(
                before.as_deref(),
                Some(event.status.as_str()),
                "{state} on the day before {}",
                event.date
            );
        }
    }
}

fn status(state: &str, date: &str) -> Option<(String, bool)> {
    status_on(&support::pack(), state, support::day(date)).map(|s| (s.status, s.bound))
}

#[test]
fn uzbekistan_is_a_member_in_2008_and_suspended_in_2013() {
    assert_eq!(status("UZB", "2008-01-01"), Some(("party".into(), true)));
    assert_eq!(
        status("UZB", "2013-01-01"),
        Some(("suspended".into(), false))
    );
}

#[test]
fn azerbaijan_and_georgia_are_parties_in_1998_and_outside_in_2008() {
    for state in ["AZE", "GEO"] {
        assert_eq!(status(state, "1998-01-01"), Some(("party".into(), true)));
        assert_eq!(status(state, "2008-08-08"), Some(("outside".into(), false)));
    }
}

#[test]
fn armenias_frozen_participation_still_binds() {
    assert_eq!(status("ARM", "2024-02-21"), Some(("party".into(), true)));
    assert_eq!(status("ARM", "2024-02-22"), Some(("frozen".into(), true)));
}

#[test]
fn a_state_never_in_the_timeline_has_no_status() {
    assert_eq!(status("UKR", "2022-01-01"), None);
}
