//! Engine mechanisms the shipped cases do not exercise: conflicts, overrides, missing facts.
//! Each test adds to an in-memory copy of the shipped pack or scenario.

use casus::eval::{self, Evaluation};
use casus::model::{Bearer, Clause, ClauseStatus, Condition, Duty, DutyKind, Term, Validity};

use crate::support;

fn extra_clause(id: &str, duties: Vec<Duty>, overrides: Vec<String>) -> Clause {
    Clause {
        id: id.into(),
        paragraph: Some("test".into()),
        version: "test".into(),
        valid: Validity {
            from: support::day("1994-04-20"),
            to: None,
        },
        text: "a clause added by a test".into(),
        text_sources: Vec::new(),
        text_status: Default::default(),
        notes: Vec::new(),
        condition: Condition::Always,
        duties,
        overrides,
        origin: None,
    }
}

fn evaluate_with(clause: Clause) -> Evaluation {
    let workspace = support::shipped();
    let mut pack = workspace.packs.get("cst").expect("pack").clone();
    let article = pack
        .files
        .articles
        .iter_mut()
        .find(|a| a.value.id == "art4")
        .expect("art4");
    article.value.clauses.push(clause);
    let scenario = &workspace.scenario("armenia-2022").expect("scenario").value;
    eval::evaluate(&pack, scenario)
}

#[test]
fn an_obligation_and_a_prohibition_of_the_same_content_conflict_loudly() {
    let forbid = Duty {
        id: "forbid".into(),
        kind: DutyKind::Prohibition,
        bearer: Bearer::EachMemberExcept(Term::Fact("victim".into())),
        content: "military_assistance".into(),
        timing: None,
    };
    let evaluation = evaluate_with(extra_clause("test.forbid", vec![forbid], Vec::new()));
    let conflicts = &evaluation.readings[0].conflicts;
    let bearers: Vec<&str> = conflicts.iter().map(|c| c.bearer.as_str()).collect();
    assert_eq!(bearers, ["BLR", "KAZ", "KGZ", "RUS", "TJK"]);
    assert!(
        conflicts
            .iter()
            .all(|c| c.obligation == "cst.art4.2010" && c.prohibition == "test.forbid")
    );
    let report = casus::render::text::evaluations(&[evaluation]);
    assert!(report.contains("!! CONFLICTS"));
}

#[test]
fn an_exception_overrides_the_clause_it_names() {
    let evaluation = evaluate_with(extra_clause(
        "test.exception",
        Vec::new(),
        vec!["cst.art4.2010".into()],
    ));
    let reading = &evaluation.readings[0];
    let article_4 = reading
        .clauses
        .iter()
        .find(|c| c.id == "cst.art4.2010")
        .expect("clause");
    assert_eq!(article_4.status, ClauseStatus::Overridden);
    assert_eq!(article_4.overridden_by.as_deref(), Some("test.exception"));
    assert!(
        reading
            .duties
            .iter()
            .all(|d| d.clause.as_deref() != Some("cst.art4.2010"))
    );
}

#[test]
fn a_missing_fact_leaves_a_clause_undetermined_and_names_the_fact() {
    let workspace = support::shipped();
    let mut scenario = workspace
        .scenario("armenia-2022")
        .expect("scenario")
        .value
        .clone();
    scenario.facts.remove("territory.recognised");
    let evaluation = eval::evaluate(workspace.pack_for(&scenario).expect("pack"), &scenario);
    let article_4 = evaluation.readings[0]
        .clauses
        .iter()
        .find(|c| c.id == "cst.art4.2010")
        .expect("clause");
    assert_eq!(article_4.status, ClauseStatus::Undetermined);
    assert_eq!(article_4.missing_facts, ["territory.recognised"]);
    assert!(
        evaluation.readings[0]
            .duties
            .iter()
            .all(|d| d.clause.as_deref() != Some("cst.art4.2010"))
    );
}

#[test]
fn a_false_conjunct_decides_even_when_another_fact_is_missing() {
    let workspace = support::shipped();
    let mut scenario = workspace
        .scenario("armenia-2022")
        .expect("scenario")
        .value
        .clone();
    scenario.facts.remove("territory.recognised");
    scenario.facts.get_mut("request.made").expect("fact").value = casus::model::Value::Bool(false);
    let evaluation = eval::evaluate(workspace.pack_for(&scenario).expect("pack"), &scenario);
    let article_4 = evaluation.readings[0]
        .clauses
        .iter()
        .find(|c| c.id == "cst.art4.2010")
        .expect("clause");
    assert_eq!(article_4.status, ClauseStatus::NotTriggered);
    assert!(article_4.missing_facts.is_empty());
}
