//! Clause version selection on both sides of the 2010 amendment's entry into force.

use casus::eval;
use casus::model::ClauseStatus;

use crate::support;

fn in_force(date: &str, article: &str) -> Vec<String> {
    let workspace = support::shipped();
    let mut scenario = workspace
        .scenario("armenia-2022")
        .expect("shipped")
        .value
        .clone();
    scenario.date = support::day(date);
    let pack = workspace.pack_for(&scenario).expect("pack");
    let evaluation = eval::evaluate(pack, &scenario);
    evaluation
        .versions
        .iter()
        .find(|v| v.article == article)
        .map(|v| v.in_force.iter().map(|f| f.clause.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn article_4_switches_text_on_19_december_2012() {
    assert_eq!(in_force("2012-12-18", "art4"), ["cst.art4.1992"]);
    assert_eq!(in_force("2012-12-19", "art4"), ["cst.art4.2010"]);
}

#[test]
fn article_2_switches_text_on_19_december_2012() {
    assert_eq!(in_force("2012-12-18", "art2"), ["cst.art2.1992"]);
    assert_eq!(in_force("2012-12-19", "art2"), ["cst.art2.2010"]);
}

#[test]
fn nothing_is_in_force_before_entry_into_force() {
    assert!(in_force("1994-04-19", "art4").is_empty());
    assert_eq!(in_force("1994-04-20", "art4"), ["cst.art4.1992"]);
}

#[test]
fn the_version_not_in_force_is_reported_as_such() {
    let workspace = support::shipped();
    let scenario = &workspace.scenario("armenia-2022").expect("shipped").value;
    let evaluation = eval::evaluate(workspace.pack_for(scenario).expect("pack"), scenario);
    let old = evaluation.readings[0]
        .clauses
        .iter()
        .find(|c| c.id == "cst.art4.1992")
        .expect("clause");
    assert_eq!(old.status, ClauseStatus::NotInForce);
}
