//! Sweeps: the decision table, checked row by row against a direct evaluation.

use casus::{eval, sweep, whatif};

use crate::support;

const EIGHT_FACTS: [&str; 8] = [
    "territory.recognised",
    "request.made",
    "threat.to_stability",
    "threat.to_security_or_sovereignty",
    "grouping.against_party",
    "attacker.kind",
    "threat.kind",
    "request.seeks",
];

#[test]
fn an_eight_fact_sweep_agrees_with_direct_evaluation_row_by_row() {
    let workspace = support::shipped();
    let scenario = &workspace.scenario("armenia-2022").expect("scenario").value;
    let pack = workspace.pack_for(scenario).expect("pack");
    let vary: Vec<String> = EIGHT_FACTS.iter().map(|f| f.to_string()).collect();
    let plan = sweep::plan(pack, scenario, None, &vary).expect("a valid plan");
    assert_eq!(plan.combinations, 2 * 2 * 2 * 2 * 2 * 5 * 3 * 3);
    let table = sweep::run(pack, scenario, &plan, &|| {});
    assert_eq!(table.rows.len() as u64, plan.combinations);
    for row in &table.rows {
        let assignments: Vec<_> = vary
            .iter()
            .cloned()
            .zip(row.values.iter().cloned())
            .collect();
        let direct = eval::evaluate(
            pack,
            &whatif::apply(scenario, Some(&table.reading), &assignments),
        );
        let reading = direct
            .readings
            .iter()
            .find(|r| r.name == table.reading)
            .expect("reading");
        for (clause, status) in table.clauses.iter().zip(&row.statuses) {
            let expected = reading
                .clauses
                .iter()
                .find(|c| &c.id == clause)
                .map(|c| c.status);
            assert_eq!(expected, Some(*status), "{clause} for {:?}", row.values);
        }
    }
}

#[test]
fn a_small_sweep_as_text_and_csv() {
    let args = [
        "sweep",
        "armenia-2022",
        "--vary",
        "territory.recognised",
        "request.made",
        "request.seeks",
    ];
    let text = support::casus(&support::root(), &args);
    assert_eq!(text.status.code(), Some(0));
    insta::assert_snapshot!(support::stdout(&text));
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let csv = support::stdout(&support::casus(&support::root(), &csv_args));
    assert_eq!(csv.lines().count(), 1 + 12);
}

#[test]
fn a_sweep_past_the_limit_is_refused() {
    let output = support::casus(&support::root(), &["sweep", "armenia-2022"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(support::stderr(&output));
}
