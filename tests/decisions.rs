//! Council decision outcomes under the consensus rule: adopted, blocked, abstention, absence.

use std::collections::BTreeMap;

use casus::eval::{Outcome, decision::decide};
use casus::model::{Decision, DocumentedOutcome, Position};

use crate::support;

fn decision(date: &str, positions: &[(&str, Position)]) -> Decision {
    Decision {
        id: "test".into(),
        body: "CSC".into(),
        date: support::day(date),
        subject: "a test decision".into(),
        cites: None,
        positions: positions
            .iter()
            .map(|(s, p)| (s.to_string(), *p))
            .collect::<BTreeMap<_, _>>(),
        documented: DocumentedOutcome::Adopted,
        sources: Vec::new(),
    }
}

const ALL_2020: [&str; 6] = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"];

fn everyone_but(date: &str, special: &[(&str, Position)]) -> Decision {
    let mut positions: Vec<(&str, Position)> = ALL_2020
        .iter()
        .filter(|s| !special.iter().any(|(t, _)| t == *s))
        .map(|s| (*s, Position::Supports))
        .collect();
    positions.extend_from_slice(special);
    decision(date, &positions)
}

#[test]
fn adopted_when_every_member_supports() {
    let result = decide(&support::pack(), &everyone_but("2020-06-01", &[]));
    assert_eq!(result.outcome, Outcome::Adopted);
    assert_eq!(result.rule.as_deref(), Some("csc.consensus.2010"));
}

#[test]
fn one_objection_blocks_and_names_the_objector() {
    let result = decide(
        &support::pack(),
        &everyone_but("2020-06-01", &[("BLR", Position::Objects)]),
    );
    assert_eq!(result.outcome, Outcome::Blocked);
    assert_eq!(result.blocked_by, ["BLR"]);
}

#[test]
fn abstention_blocks_before_december_2010_but_not_after() {
    let before = decide(
        &support::pack(),
        &everyone_but("2009-06-14", &[("BLR", Position::Abstains)]),
    );
    assert_eq!(before.outcome, Outcome::Blocked);
    assert_eq!(before.rule.as_deref(), Some("csc.consensus.1992"));
    let after = decide(
        &support::pack(),
        &everyone_but("2011-06-14", &[("BLR", Position::Abstains)]),
    );
    assert_eq!(after.outcome, Outcome::Adopted);
    assert_eq!(after.abstained, ["BLR"]);
}

#[test]
fn absence_does_not_block_but_is_flagged() {
    let result = decide(
        &support::pack(),
        &everyone_but("2023-11-23", &[("ARM", Position::Absent)]),
    );
    assert_eq!(result.outcome, Outcome::Adopted);
    assert_eq!(result.absent, ["ARM"]);
}

#[test]
fn positions_of_non_voting_states_are_set_apart() {
    let result = decide(
        &support::pack(),
        &everyone_but("2013-06-01", &[("UZB", Position::Objects)]),
    );
    assert_eq!(result.outcome, Outcome::Adopted);
    assert_eq!(result.non_voting, ["UZB"]);
}

#[test]
fn no_positions_means_no_decision() {
    let result = decide(&support::pack(), &decision("2021-05-14", &[]));
    assert_eq!(result.outcome, Outcome::NoDecision);
}
