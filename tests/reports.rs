//! Snapshots of the text and JSON report of every shipped scenario, and its expectations.

use casus::render::{json, text};
use casus::{eval, expect};

use crate::support;

#[test]
fn every_scenario_report_is_snapshotted() {
    let workspace = support::shipped();
    insta::glob!("../scenarios", "*.ron", |path| {
        let scenario = workspace
            .scenarios
            .iter()
            .find(|s| {
                s.file
                    .path
                    .ends_with(path.file_name().and_then(|n| n.to_str()).unwrap_or(""))
            })
            .expect("each scenario file loads");
        let pack = workspace
            .pack_for(&scenario.value)
            .expect("its pack exists");
        let evaluation = eval::evaluate(pack, &scenario.value);
        insta::assert_snapshot!("text", text::evaluations(std::slice::from_ref(&evaluation)));
        insta::assert_snapshot!("json", json::evaluations(std::slice::from_ref(&evaluation)));
    });
}

#[test]
fn every_scenario_meets_its_expectations() {
    let workspace = support::shipped();
    let mut failures = Vec::new();
    for scenario in &workspace.scenarios {
        let pack = workspace
            .pack_for(&scenario.value)
            .expect("its pack exists");
        let evaluation = eval::evaluate(pack, &scenario.value);
        for mismatch in expect::check(&scenario.value, &evaluation) {
            failures.push(format!("{}: {mismatch}", scenario.value.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn evaluation_is_deterministic() {
    let workspace = support::shipped();
    for scenario in &workspace.scenarios {
        let pack = workspace
            .pack_for(&scenario.value)
            .expect("its pack exists");
        let first = json::evaluations(&[eval::evaluate(pack, &scenario.value)]);
        let second = json::evaluations(&[eval::evaluate(pack, &scenario.value)]);
        assert_eq!(first, second);
    }
}

#[test]
fn every_scenario_explanation_is_snapshotted() {
    let workspace = support::shipped();
    insta::glob!("../scenarios", "*.ron", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let scenario = workspace
            .scenarios
            .iter()
            .find(|s| s.file.path.ends_with(name))
            .expect("scenario loads");
        let evaluation = eval::evaluate(
            workspace.pack_for(&scenario.value).expect("pack"),
            &scenario.value,
        );
        let text: Vec<String> = evaluation
            .readings
            .iter()
            .map(|r| casus::explain::render_text(&casus::explain::explain(&evaluation, r)))
            .collect();
        insta::assert_snapshot!("explain", text.join("\n"));
    });
}
