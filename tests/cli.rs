//! The binary as a user meets it: exit codes, formats, `--out`, and the done-when checks.

use crate::support;

#[test]
fn eval_armenia_2022_shows_the_unfulfilled_assistance_duties() {
    let output = support::casus(&support::root(), &["eval", "armenia-2022"]);
    assert_eq!(output.status.code(), Some(0));
    let report = support::stdout(&output);
    assert!(report.contains("✓ cst.art4.2010"));
    for state in ["BLR", "KAZ", "KGZ", "RUS", "TJK"] {
        assert!(
            report.contains(&format!("    {state} ")),
            "{state} is listed"
        );
    }
    assert!(!report.contains("military_assistance    FULFILLED"));
    assert!(report.contains("BLOCKED by ARM"));
}

#[test]
fn members_at_dates() {
    let at = |date: &str| {
        support::stdout(&support::casus(
            &support::root(),
            &["members", "--at", date],
        ))
    };
    assert!(at("2008-01-01").contains("UZB Uzbekistan   party"));
    assert!(at("2013-01-01").contains("UZB Uzbekistan   suspended"));
    let y1998 = at("1998-01-01");
    assert!(y1998.contains("AZE Azerbaijan   party"));
    assert!(y1998.contains("GEO Georgia      party"));
}

#[test]
fn unknown_scenario_is_invalid_input_with_a_suggestion() {
    let output = support::casus(&support::root(), &["eval", "armenia-2021x"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(support::stderr(&output));
}

#[test]
fn impossible_date_argument_is_invalid_input() {
    let output = support::casus(&support::root(), &["members", "--at", "2022-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(support::stderr(&output));
}

#[test]
fn missing_rules_folder_is_invalid_input() {
    let output = support::casus(&support::root(), &["check", "--rules", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn check_passes_on_the_shipped_pack_and_warns_about_coverage() {
    let output = support::casus(&support::root(), &["check"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stderr(&output)
    );
    insta::assert_snapshot!(support::stderr(&output));
}

#[test]
fn the_casebook_table_has_a_row_per_scenario_and_reading() {
    let output = support::casus(&support::root(), &["eval", "--all", "--format", "markdown"]);
    assert_eq!(output.status.code(), Some(0));
    let report = support::stdout(&output);
    let rows = report
        .lines()
        .take_while(|l| !l.starts_with("Counts"))
        .filter(|l| l.starts_with("| ["))
        .count();
    let workspace = support::shipped();
    let expected: usize = workspace
        .scenarios
        .iter()
        .map(|s| s.value.readings.len().max(1))
        .sum();
    assert_eq!(rows, expected);
}

#[test]
fn markdown_report_renders() {
    let output = support::casus(
        &support::root(),
        &["eval", "kazakhstan-2022", "--format", "markdown"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(support::stdout(&output).contains("\n# kazakhstan-2022: "));
}

#[test]
fn out_writes_the_whole_report_and_a_failed_run_keeps_the_old_file() {
    let temp = tempfile::tempdir().expect("temp dir");
    let target = temp.path().join("report.json");
    let target_arg = target.to_str().expect("utf-8 path");
    let ok = support::casus(
        &support::root(),
        &["eval", "--all", "--format", "json", "--out", target_arg],
    );
    assert_eq!(ok.status.code(), Some(0));
    let written = std::fs::read_to_string(&target).expect("report written");
    assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());

    let failed = support::casus(
        &support::root(),
        &["eval", "no-such-scenario", "--out", target_arg],
    );
    assert_eq!(failed.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&target).expect("old report kept"),
        written
    );
}

#[test]
fn help_documents_the_exit_codes() {
    let output = support::casus(&support::root(), &["--help"]);
    assert!(support::stdout(&output).contains("2  invalid input"));
}

#[test]
fn explain_one_reading_in_each_format() {
    let run = |format: &str| {
        support::casus(
            &support::root(),
            &[
                "explain",
                "kazakhstan-2022",
                "--reading",
                "independent-observers",
                "--format",
                format,
            ],
        )
    };
    let text = run("text");
    assert_eq!(text.status.code(), Some(0));
    assert!(support::stdout(&text).starts_with("kazakhstan-2022"));
    assert!(!support::stdout(&text).contains("government-and-council"));
    let json: serde_json::Value = serde_json::from_slice(&run("json").stdout).expect("json");
    assert_eq!(json["explanations"].as_array().map(Vec::len), Some(1));
    assert!(support::stdout(&run("markdown")).starts_with("# kazakhstan-2022"));
}

#[test]
fn explain_an_unknown_reading_is_invalid_input() {
    let output = support::casus(
        &support::root(),
        &["explain", "kazakhstan-2022", "--reading", "observers"],
    );
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(support::stderr(&output));
}

#[test]
fn pivots_of_armenia_2020_include_recognised_territory_for_article_4() {
    let output = support::casus(&support::root(), &["pivots", "armenia-2020"]);
    assert_eq!(output.status.code(), Some(0));
    let text = support::stdout(&output);
    let claim = text
        .split("reading `article-4-claim`")
        .nth(1)
        .expect("the reading is listed");
    assert!(claim.contains("territory.recognised (now false)"));
    assert!(claim.contains("clause cst.art4.2010 not triggered → triggered"));
    insta::assert_snapshot!(text);
}

#[test]
fn whatif_armenia_2021_had_armenia_sought_military_assistance() {
    let output = support::casus(
        &support::root(),
        &[
            "whatif",
            "armenia-2021",
            "--set",
            "request.seeks=military_assistance",
            "--reading",
            "armenian-territory",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(support::stdout(&output));
}

#[test]
fn whatif_checks_values_against_the_vocabulary() {
    let output = support::casus(
        &support::root(),
        &[
            "whatif",
            "armenia-2021",
            "--set",
            "request.seeks=militar",
            "--set",
            "territory.recognized=true",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(support::stderr(&output));
}

#[test]
fn stats_keep_historical_and_hypothetical_apart_beside_published_figures() {
    let output = support::casus(&support::root(), &["stats"]);
    assert_eq!(output.status.code(), Some(0));
    let text = support::stdout(&output);
    assert!(text.contains("74.5%") && text.contains("41.0%") && text.contains("22.0%"));
    insta::assert_snapshot!(text);
}

#[test]
fn eval_by_path_finds_a_saved_whatifs_base_and_prefers_an_edited_copy() {
    let temp = tempfile::tempdir().expect("temp dir");
    let whatif = support::root().join("scenarios/armenia-2021-article-4.whatif.ron");
    let output = support::casus(temp.path(), &["eval", whatif.to_str().expect("utf-8 path")]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stderr(&output)
    );
    assert!(support::stdout(&output).contains("HYPOTHETICAL"));

    let text = std::fs::read_to_string(support::root().join("scenarios/armenia-2022.ron"))
        .expect("scenario");
    let copy = temp.path().join("my-armenia.ron");
    std::fs::write(
        &copy,
        text.replace(
            "title: \"Azerbaijani attack",
            "title: \"EDITED Azerbaijani attack",
        ),
    )
    .expect("write copy");
    let output = support::casus(temp.path(), &["eval", "my-armenia.ron"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stderr(&output)
    );
    assert!(support::stdout(&output).starts_with("armenia-2022 — EDITED"));
}
