//! Rules are data: editing a copied rule file changes a verdict of the same, unrebuilt binary.

use crate::support;

fn article_4_status(dir: &std::path::Path) -> String {
    let output = support::casus(
        dir,
        &[
            "eval",
            "armenia-2022",
            "--rules",
            "rules",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stderr(&output)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json report");
    report["scenarios"][0]["readings"][0]["clauses"]
        .as_array()
        .expect("clauses")
        .iter()
        .find(|c| c["id"] == "cst.art4.2010")
        .map(|c| c["status"].as_str().unwrap_or_default().to_string())
        .expect("article 4 is reported")
}

#[test]
fn editing_one_condition_changes_the_verdict_without_recompiling() {
    let temp = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::root().join("rules"), &temp.path().join("rules"));
    assert_eq!(article_4_status(temp.path()), "triggered");

    // Require a request for consultations only: Armenia's request for military aid no longer qualifies.
    let file = temp.path().join("rules/cst/clauses/article-4.ron");
    let text = std::fs::read_to_string(&file).expect("read rule file");
    let edited = text.replace(
        r#"In(Fact("request.seeks"), [Enum("assistance"), Enum("military_assistance")])"#,
        r#"In(Fact("request.seeks"), [Enum("consultations")])"#,
    );
    assert_ne!(text, edited, "the condition to edit is in the rule file");
    std::fs::write(&file, edited).expect("write rule file");

    assert_eq!(article_4_status(temp.path()), "not_triggered");
}

#[test]
fn casus_test_passes_on_the_shipped_pack() {
    let output = support::casus(&support::root(), &["test"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stdout(&output)
    );
}

#[test]
fn casus_test_shows_every_verdict_a_rule_change_moves() {
    let temp = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::root().join("rules"), &temp.path().join("rules"));
    let file = temp.path().join("rules/cst/clauses/article-4.ron");
    // A maintainer narrows Article 4 (2010) to requests for consultations only.
    let text = std::fs::read_to_string(&file).expect("read rule file");
    let edited = text.replace(
        r#"In(Fact("request.seeks"), [Enum("assistance"), Enum("military_assistance")])"#,
        r#"In(Fact("request.seeks"), [Enum("consultations")])"#,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).expect("write rule file");

    let scenarios = support::root().join("scenarios");
    let output = support::casus(
        temp.path(),
        &[
            "test",
            "--rules",
            "rules",
            "--scenarios",
            scenarios.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(support::stdout(&output));
}

#[test]
fn diff_lists_exactly_the_verdicts_a_rule_change_moves() {
    let temp = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::root().join("rules"), &temp.path().join("base"));
    support::copy_dir(&support::root().join("rules"), &temp.path().join("changed"));
    // Drop the members' reading that Article 4 covers only internationally recognised territory.
    let file = temp.path().join("changed/cst/clauses/article-4.ron");
    let text = std::fs::read_to_string(&file).expect("read rule file");
    let edited = text.replace(r#"Fact("territory.recognised"),"#, "");
    assert_ne!(text, edited);
    std::fs::write(&file, edited).expect("write rule file");
    let scenarios = support::root().join("scenarios");
    let scenarios = scenarios.to_str().expect("utf-8 path");

    let same = support::casus(
        temp.path(),
        &[
            "diff",
            "--base",
            "base",
            "--rules",
            "base",
            "--scenarios",
            scenarios,
        ],
    );
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(support::stdout(&same), "no verdict changed\n");

    let moved = support::casus(
        temp.path(),
        &[
            "diff",
            "--base",
            "base",
            "--rules",
            "changed",
            "--scenarios",
            scenarios,
        ],
    );
    assert_eq!(moved.status.code(), Some(1));
    insta::assert_snapshot!(support::stdout(&moved));

    let json = support::casus(
        temp.path(),
        &[
            "diff",
            "--base",
            "base",
            "--rules",
            "changed",
            "--scenarios",
            scenarios,
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json diff");
    let changes = report["changes"].as_array().expect("changes");
    let text_rows = support::stdout(&moved)
        .lines()
        .filter(|l| l.starts_with("  "))
        .count();
    assert_eq!(changes.len(), text_rows);
}
