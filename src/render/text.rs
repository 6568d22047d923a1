//! The plain-text report: the evaluation laid out actor by actor, readable in a terminal.

use std::fmt::Write;

use crate::eval::{ConditionTrace, Evaluation, ReadingResult, Truth};
use crate::membership::MemberStatus;
use crate::model::{ClauseStatus, Status};

pub fn mark(value: Truth) -> &'static str {
    match value {
        Truth::True => "✓",
        Truth::False => "✗",
        Truth::Unknown => "?",
    }
}

fn status_mark(status: ClauseStatus) -> &'static str {
    match status {
        ClauseStatus::Triggered => "✓",
        ClauseStatus::NotTriggered => "✗",
        ClauseStatus::Undetermined => "?",
        ClauseStatus::Overridden => "↷",
        ClauseStatus::NotInForce => "·",
    }
}

pub fn status_note(status: Status) -> &'static str {
    match status {
        Status::Sourced => "",
        Status::Assumption => " [assumption]",
        Status::Unverified => " [unverified]",
    }
}

pub fn evaluations(evaluations: &[Evaluation]) -> String {
    let mut out = String::new();
    for (index, evaluation) in evaluations.iter().enumerate() {
        if index > 0 {
            out.push_str("\n\n");
        }
        scenario(&mut out, evaluation);
    }
    out
}

// Writing to a String cannot fail, so the `fmt::Result`s below are safely ignored.
fn scenario(out: &mut String, e: &Evaluation) {
    let _ = writeln!(out, "{} — {}", e.id, e.title);
    let kind = if e.hypothetical {
        "HYPOTHETICAL: a what-if, not a documented case"
    } else {
        "historical case"
    };
    let _ = writeln!(out, "date {} · treaty {} · {kind}", e.date, e.treaty);
    let _ = writeln!(out);
    for line in wrap(&e.summary, 92) {
        let _ = writeln!(out, "  {line}");
    }

    let _ = writeln!(out, "\nArticles in force on {}", e.date);
    for v in &e.versions {
        let texts: Vec<String> = v
            .in_force
            .iter()
            .map(|f| format!("{} text ({})", f.version, f.clause))
            .collect();
        let texts = if texts.is_empty() {
            "not in force".to_string()
        } else {
            texts.join(", ")
        };
        let _ = writeln!(out, "  {:<6} {} — {texts}", v.article, v.title);
    }

    let _ = writeln!(out, "\nParties on {}", e.date);
    members_table(out, &e.members, "  ", false);

    if !e.requests.is_empty() {
        let _ = writeln!(out, "\nRequests");
        for r in &e.requests {
            let cited = r
                .cites
                .as_deref()
                .map_or("no article documented".to_string(), |a| {
                    format!("cites {a}")
                });
            let _ = writeln!(
                out,
                "  {} {} → {}: {} ({cited}) [{}]",
                r.date,
                r.by,
                r.to,
                r.summary,
                r.sources.join(", ")
            );
        }
    }
    for figure in &e.figures {
        let _ = writeln!(
            out,
            "\nFigure: {} (sources disagree; every version kept)",
            figure.what
        );
        for v in &figure.versions {
            let about = if v.approximate { "about " } else { "" };
            let note = dash_note(v.note.as_deref());
            let _ = writeln!(
                out,
                "  {about}{} {}{}{note} [{}]",
                v.value,
                v.unit,
                status_note(v.status),
                v.sources.join(", ")
            );
        }
    }

    if !e.responses.is_empty() {
        let _ = writeln!(out, "\nDocumented responses");
    }
    for r in &e.responses {
        let dates = match (r.from, r.to) {
            (Some(from), Some(to)) if from == to => format!(" on {from}"),
            (Some(from), Some(to)) => format!(" {from} to {to}"),
            (Some(from), None) => format!(" from {from}"),
            (None, Some(to)) => format!(" until {to}"),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            out,
            "  {} {}: {}{dates} [{}]",
            r.id,
            r.actors.join(", "),
            r.action,
            r.sources.join(", ")
        );
        for line in wrap(&r.summary, 86) {
            let _ = writeln!(out, "      {line}");
        }
        for size in &r.size {
            let about = if size.approximate { "about " } else { "" };
            let _ = writeln!(
                out,
                "      size: {about}{} {}{}{} [{}]",
                size.value,
                size.unit,
                status_note(size.status),
                dash_note(size.note.as_deref()),
                size.sources.join(", ")
            );
        }
    }

    for reading in &e.readings {
        self::reading(out, e, reading);
    }
}

pub fn members_table(
    out: &mut String,
    members: &[MemberStatus],
    indent: &str,
    with_alternatives: bool,
) {
    for m in members {
        let flags = match (m.bound, m.votes) {
            (true, true) => "bound, votes",
            (true, false) => "bound",
            (false, true) => "votes",
            (false, false) => "not bound",
        };
        let _ = writeln!(
            out,
            "{indent}{} {:<12} {:<10} since {} ({flags}) — {} [{}]",
            m.state,
            m.name,
            m.status,
            m.since,
            m.event,
            m.sources.join(", ")
        );
        for alt in m.alternatives.iter().filter(|_| with_alternatives) {
            let note = dash_note(alt.note.as_deref());
            let _ = writeln!(
                out,
                "{indent}    other sources date this {}{note} [{}]",
                alt.date,
                alt.sources.join(", ")
            );
        }
    }
}

fn reading(out: &mut String, e: &Evaluation, r: &ReadingResult) {
    let _ = writeln!(out, "\n══ Reading `{}`{}", r.name, status_note(r.status));
    if let Some(summary) = &r.summary {
        for line in wrap(summary, 90) {
            let _ = writeln!(out, "   {line}");
        }
        let _ = writeln!(out, "   sources: {}", r.sources.join(", "));
    }
    if e.hypothetical {
        let _ = writeln!(out, "   (hypothetical scenario)");
    }

    let _ = writeln!(out, "\n  Clauses");
    for c in &r.clauses {
        let _ = write!(
            out,
            "  {} {:<16} {:<5} {}",
            status_mark(c.status),
            c.id,
            c.version,
            c.status.label()
        );
        if let Some(by) = &c.overridden_by {
            let _ = write!(out, " by {by}");
        }
        let _ = writeln!(out);
        if let Some(trace) = &c.conditions {
            match c.status {
                ClauseStatus::Triggered => {
                    for child in top_level(trace) {
                        condition_tree(out, child, "      ");
                    }
                }
                ClauseStatus::NotTriggered | ClauseStatus::Undetermined => {
                    let _ = writeln!(out, "      because:");
                    for failing in trace.failing() {
                        condition_line(out, failing, "      ");
                    }
                    if !c.missing_facts.is_empty() {
                        let _ =
                            writeln!(out, "      missing facts: {}", c.missing_facts.join(", "));
                    }
                }
                _ => {}
            }
        }
    }

    let _ = writeln!(out, "\n  Basis");
    for c in &r.basis.cited_by_requesters {
        let article = c.article.as_deref().unwrap_or("no article documented");
        let _ = writeln!(out, "    cited by {} in {}: {article}", c.by, c.record);
    }
    for c in &r.basis.cited_by_bodies {
        let article = c.article.as_deref().unwrap_or("no article cited");
        let _ = writeln!(out, "    cited by {} in {}: {article}", c.by, c.record);
    }
    if r.basis.applicable.is_empty() {
        let _ = writeln!(out, "    applicable under the rules: no clause triggered");
    } else {
        let applicable: Vec<String> = r
            .basis
            .applicable
            .iter()
            .map(|c| format!("{} ({})", c.article.as_deref().unwrap_or("?"), c.record))
            .collect();
        let _ = writeln!(
            out,
            "    applicable under the rules: {}",
            applicable.join(", ")
        );
    }

    for article in &r.basis.cited_not_applicable {
        let _ = writeln!(
            out,
            "    ! {article} was cited, but no clause of {article} is triggered under the rules in this reading"
        );
    }

    let _ = writeln!(out, "\n  Duties and documented responses");
    if r.duties.is_empty() {
        let _ = writeln!(out, "    no duty arises and no member acted");
    }
    let mut previous: Option<&str> = None;
    for d in &r.duties {
        if previous != Some(d.bearer.as_str()) {
            let name = e
                .members
                .iter()
                .find(|m| m.state == d.bearer)
                .map(|m| m.name.as_str())
                .or_else(|| e.bodies.get(&d.bearer).map(String::as_str))
                .unwrap_or("");
            let _ = writeln!(out, "    {} {name}", d.bearer);
            previous = Some(d.bearer.as_str());
        }
        let source = d.clause.as_ref().map_or("no duty".to_string(), |_| d.key());
        let responses = if d.responses.is_empty() {
            String::new()
        } else {
            format!(" [{}]", d.responses.join(", "))
        };
        let _ = writeln!(
            out,
            "      {:<24} {:<22} {}{responses}",
            source,
            d.content,
            d.compliance.label().to_uppercase(),
        );
        let due = d
            .due_by
            .map(|due| format!(" (due by {due})"))
            .unwrap_or_default();
        let _ = writeln!(out, "        {}{due}", d.reason);
    }

    if !r.decisions.is_empty() {
        let _ = writeln!(out, "\n  Collective decisions");
    }
    for d in &r.decisions {
        let rule = d.rule.as_deref().unwrap_or("no decision rule in force");
        let _ = writeln!(out, "    {} {} {}: {}", d.date, d.body, d.id, d.subject);
        let mut outcome = format!("      under {rule}: {}", d.outcome.label().to_uppercase());
        if !d.blocked_by.is_empty() {
            let _ = write!(outcome, " by {}", d.blocked_by.join(", "));
        }
        let documented = match d.documented {
            crate::model::DocumentedOutcome::Adopted => "adopted",
            crate::model::DocumentedOutcome::NotAdopted => "not adopted",
        };
        let agreement = if d.matches_documented {
            "agrees"
        } else {
            "DIFFERS"
        };
        let _ = writeln!(
            out,
            "{outcome}; sources: {documented} ({agreement}) [{}]",
            d.sources.join(", ")
        );
        if let Some(cites) = &d.cites {
            let _ = writeln!(out, "      the body cited {cites}");
        }
        for (label, states) in [
            ("absent (decision stands, absence flagged)", &d.absent),
            ("abstained", &d.abstained),
            ("position not documented", &d.undocumented),
            ("recorded but not voting on that date", &d.non_voting),
        ] {
            if !states.is_empty() {
                let _ = writeln!(out, "      {label}: {}", states.join(", "));
            }
        }
    }

    if r.conflicts.is_empty() {
        let _ = writeln!(out, "\n  Conflicts: none");
    } else {
        let _ = writeln!(
            out,
            "\n  !! CONFLICTS: clauses that apply together contradict each other"
        );
        for c in &r.conflicts {
            let _ = writeln!(
                out,
                "    {}: {} obliges `{}` while {} prohibits it",
                c.bearer, c.obligation, c.content, c.prohibition
            );
        }
    }
}

/// A node and, below it, every sub-condition: the whole reasoning for a verdict.
pub fn condition_tree(out: &mut String, trace: &ConditionTrace, indent: &str) {
    condition_line(out, trace, indent);
    let deeper = format!("{indent}    ");
    for child in &trace.children {
        condition_tree(out, child, &deeper);
    }
}

fn top_level(trace: &ConditionTrace) -> Vec<&ConditionTrace> {
    if trace.children.is_empty() || trace.test != "all of these hold" {
        vec![trace]
    } else {
        trace.children.iter().collect()
    }
}

pub fn condition_line(out: &mut String, trace: &ConditionTrace, indent: &str) {
    let _ = writeln!(out, "{indent}{} {}", mark(trace.value), trace.test);
    for fact in &trace.facts {
        let value = fact
            .value
            .as_ref()
            .map_or("not given".to_string(), |v| v.to_string());
        let sources = if fact.sources.is_empty() {
            String::new()
        } else {
            format!(" [{}]", fact.sources.join(", "))
        };
        let _ = writeln!(
            out,
            "{indent}    {} = {value}{}{sources}",
            fact.name,
            status_note(fact.status)
        );
    }
    for membership in &trace.membership {
        let _ = writeln!(out, "{indent}    {membership}");
    }
}

/// ` — note`, or nothing.
fn dash_note(note: Option<&str>) -> String {
    note.map(|n| format!(" — {n}")).unwrap_or_default()
}

/// Greedy word wrap; long words stay whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
