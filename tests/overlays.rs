//! Overlay packs: variants applied with `--rules`, compared by `diff` and `whatif`.

use crate::support;

#[test]
fn diff_against_the_qualified_majority_overlay_lists_exactly_what_it_changes() {
    let output = support::casus(
        &support::root(),
        &[
            "diff",
            "--base",
            "rules",
            "--rules",
            "rules/variants/qualified-majority",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(support::stdout(&output));
}

#[test]
fn diff_against_the_claimed_territory_overlay() {
    let output = support::casus(
        &support::root(),
        &[
            "diff",
            "--base",
            "rules",
            "--rules",
            "rules/variants/claimed-territory",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(support::stdout(&output));
}

#[test]
fn whatif_with_an_overlay_compares_against_the_pack_before_it() {
    let output = support::casus(
        &support::root(),
        &[
            "whatif",
            "crrf-2009",
            "--rules",
            "rules/variants/qualified-majority",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(support::stdout(&output));
}

fn overlay_check(overlay: &str) -> String {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("variant");
    std::fs::create_dir_all(&dir).expect("overlay folder");
    std::fs::write(dir.join("overlay.ron"), overlay).expect("write overlay");
    let output = support::casus(temp.path(), &["eval", "armenia-2022", "--rules", "variant"]);
    format!(
        "exit code: {:?}\n{}",
        output.status.code(),
        support::stderr(&output)
    )
}

#[test]
fn an_overlay_of_an_unknown_pack_is_invalid_input() {
    let snapshot = overlay_check(
        r#"(id: "x", extends: "csto", summary: "targets nothing", sources: [], remove: ["cst.art4.2010"])"#,
    );
    assert!(snapshot.starts_with("exit code: Some(2)"));
    insta::assert_snapshot!(snapshot);
}

#[test]
fn an_overlay_that_changes_nothing_is_invalid_input() {
    let snapshot =
        overlay_check(r#"(id: "empty", extends: "cst", summary: "changes nothing", sources: [])"#);
    assert!(snapshot.starts_with("exit code: Some(2)"));
    insta::assert_snapshot!(snapshot);
}
