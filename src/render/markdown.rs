//! The Markdown report: the same evaluation as a page for a course handout or a wiki.

use std::fmt::Write;

use crate::eval::{Evaluation, ReadingResult};
use crate::model::Compliance;
use crate::render::text::{mark, status_note};

pub fn evaluations(evaluations: &[Evaluation]) -> String {
    let mut out = String::new();
    if evaluations.len() > 1 {
        casebook(&mut out, evaluations);
    }
    for e in evaluations {
        scenario(&mut out, e);
    }
    if evaluations.len() > 1 {
        footnotes(&mut out, evaluations);
    }
    out
}

/// One row per scenario and reading: the overview a course or a review starts from.
fn casebook(out: &mut String, evaluations: &[Evaluation]) {
    let _ = writeln!(
        out,
        "# Casebook\n\n| scenario | reading | date | kind | article cited | applicable under the rules | decisions | fulfilled | partly | unfulfilled | no response | without duty | violated |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    for e in evaluations {
        for r in &e.readings {
            let join = |items: Vec<String>| {
                let mut items = items;
                items.sort();
                items.dedup();
                if items.is_empty() {
                    "—".to_string()
                } else {
                    items.join(", ")
                }
            };
            let cited = join(
                r.basis
                    .cited_by_requesters
                    .iter()
                    .chain(&r.basis.cited_by_bodies)
                    .filter_map(|c| c.article.clone())
                    .collect(),
            );
            let applicable = join(
                r.basis
                    .applicable
                    .iter()
                    .filter_map(|c| c.article.clone())
                    .collect(),
            );
            let decisions = join(
                r.decisions
                    .iter()
                    .map(|d| {
                        let mut text = d.outcome.label().to_string();
                        if !d.blocked_by.is_empty() {
                            text.push_str(&format!(" by {}", d.blocked_by.join(", ")));
                        }
                        text
                    })
                    .collect(),
            );
            let count =
                |label: Compliance| r.duties.iter().filter(|d| d.compliance == label).count();
            let kind = if e.hypothetical {
                "hypothetical"
            } else {
                "historical"
            };
            let _ = writeln!(
                out,
                "| [{id}](#{id}){footnote} | `{}` | {} | {kind} | {cited} | {applicable} | {decisions} | {} | {} | {} | {} | {} | {} |",
                r.name,
                e.date,
                count(Compliance::Fulfilled),
                count(Compliance::PartlyFulfilled),
                count(Compliance::Unfulfilled),
                count(Compliance::NoDocumentedResponse),
                count(Compliance::ActedWithoutFormalDuty),
                count(Compliance::ProhibitionViolated),
                id = e.id,
                footnote = format_args!("[^{}]", e.id),
            );
        }
    }
    let _ = writeln!(
        out,
        "\nCounts are of duties per bearer; \"without duty\" counts actions no triggered clause required.\n"
    );
}

/// The sources of every scenario, as Markdown footnotes.
fn footnotes(out: &mut String, evaluations: &[Evaluation]) {
    let _ = writeln!(out, "\n---\n");
    for e in evaluations {
        let entries: Vec<String> = e
            .bibliography
            .iter()
            .map(|(id, source)| {
                let link = match (&source.url, &source.seed) {
                    (Some(url), _) => format!("<{url}>"),
                    (None, Some(seed)) => format!("seed `{seed}`"),
                    (None, None) => String::new(),
                };
                format!("`{id}`: {} {link}", cell(&source.title))
            })
            .collect();
        let _ = writeln!(out, "[^{}]: {}", e.id, entries.join("; "));
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

// Writing to a String cannot fail, so the `fmt::Result`s below are safely ignored.
fn scenario(out: &mut String, e: &Evaluation) {
    let _ = writeln!(
        out,
        "<a id=\"{}\"></a>\n\n# {}: {}\n",
        e.id,
        e.id,
        cell(&e.title)
    );
    if e.hypothetical {
        let _ = writeln!(
            out,
            "> **Hypothetical scenario**: a what-if, not a documented case.\n"
        );
    }
    let _ = writeln!(
        out,
        "*Date* {} · *treaty* `{}`\n\n{}\n",
        e.date, e.treaty, e.summary
    );
    let _ = writeln!(
        out,
        "## Articles in force on {}\n\n| article | title | version |\n|---|---|---|",
        e.date
    );
    for v in &e.versions {
        let texts: Vec<String> = v
            .in_force
            .iter()
            .map(|f| format!("{} (`{}`)", f.version, f.clause))
            .collect();
        let version = if texts.is_empty() {
            "not in force".to_string()
        } else {
            texts.join(", ")
        };
        let _ = writeln!(out, "| `{}` | {} | {version} |", v.article, cell(&v.title));
    }
    let _ = writeln!(
        out,
        "\n## Parties on {}\n\n| state | status | since | event | sources |\n|---|---|---|---|---|",
        e.date
    );
    for m in &e.members {
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {} |",
            m.name,
            m.state,
            m.status,
            m.since,
            cell(&m.event),
            m.sources.join(", ")
        );
    }
    if !e.responses.is_empty() {
        let _ = writeln!(
            out,
            "\n## Documented responses\n\n| id | actors | action | dates | size | what happened | sources |\n|---|---|---|---|---|---|---|"
        );
    }
    for r in &e.responses {
        let dates = [r.from.map(|d| d.to_string()), r.to.map(|d| d.to_string())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" to ");
        let size = r
            .size
            .iter()
            .map(|a| {
                format!(
                    "{}{} {}{}",
                    if a.approximate { "about " } else { "" },
                    a.value,
                    a.unit,
                    status_note(a.status)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {dates} | {} | {} | {} |",
            r.id,
            r.actors.join(", "),
            r.action,
            cell(&size),
            cell(&r.summary),
            r.sources.join(", ")
        );
    }
    for r in &e.readings {
        reading(out, r);
    }
    out.push('\n');
}

fn reading(out: &mut String, r: &ReadingResult) {
    let _ = writeln!(out, "\n## Reading `{}`{}\n", r.name, status_note(r.status));
    if let Some(summary) = &r.summary {
        let _ = writeln!(out, "{summary} (sources: {})\n", r.sources.join(", "));
    }
    let _ = writeln!(
        out,
        "### Clauses\n\n| | clause | version | status | why |\n|---|---|---|---|---|"
    );
    for c in &r.clauses {
        let why = c
            .conditions
            .as_ref()
            .map(|t| {
                let nodes = if c.status == crate::model::ClauseStatus::Triggered {
                    vec![t]
                } else {
                    t.failing()
                };
                nodes
                    .iter()
                    .map(|n| format!("{} {}", mark(n.value), cell(&n.test)))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {why} |",
            mark_status(c.status),
            c.id,
            c.version,
            c.status.label()
        );
    }
    for article in &r.basis.cited_not_applicable {
        let _ = writeln!(
            out,
            "\n> **{article} was cited**, but no clause of {article} is triggered under the rules in this reading."
        );
    }
    let _ = writeln!(
        out,
        "\n### Duties and documented responses\n\n| bearer | duty | content | compliance | responses | why |\n|---|---|---|---|---|---|"
    );
    for d in &r.duties {
        let duty = if d.clause.is_some() {
            format!("`{}`", d.key())
        } else {
            "no duty".into()
        };
        let _ = writeln!(
            out,
            "| {} | {duty} | `{}` | **{}** | {} | {} |",
            d.bearer,
            d.content,
            d.compliance.label(),
            d.responses.join(", "),
            cell(&d.reason)
        );
    }
    if !r.decisions.is_empty() {
        let _ = writeln!(
            out,
            "\n### Collective decisions\n\n| date | body | subject | rule | outcome | sources say |\n|---|---|---|---|---|---|"
        );
        for d in &r.decisions {
            let mut outcome = d.outcome.label().to_string();
            if !d.blocked_by.is_empty() {
                outcome.push_str(&format!(" by {}", d.blocked_by.join(", ")));
            }
            if !d.absent.is_empty() {
                outcome.push_str(&format!("; absent: {}", d.absent.join(", ")));
            }
            let documented = match d.documented {
                crate::model::DocumentedOutcome::Adopted => "adopted",
                crate::model::DocumentedOutcome::NotAdopted => "not adopted",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {outcome} | {documented} |",
                d.date,
                d.body,
                cell(&d.subject),
                d.rule.as_deref().unwrap_or("none")
            );
        }
    }
    if !r.conflicts.is_empty() {
        let _ = writeln!(out, "\n### ⚠ Conflicts\n");
        for c in &r.conflicts {
            let _ = writeln!(
                out,
                "- {}: `{}` obliges `{}` while `{}` prohibits it",
                c.bearer, c.obligation, c.content, c.prohibition
            );
        }
    }
}

fn mark_status(status: crate::model::ClauseStatus) -> &'static str {
    use crate::model::ClauseStatus as S;
    match status {
        S::Triggered => "✓",
        S::NotTriggered => "✗",
        S::Undetermined => "?",
        S::Overridden => "↷",
        S::NotInForce => "·",
    }
}
