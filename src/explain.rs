//! Explain stage: turns an evaluation's trace into a tree in the order a student follows it:
//! date and texts, parties, clauses with their conditions, duties, responses, decisions.
//! Every line is built from the evaluation itself, so the explanation cannot drift from the rules.

use serde::Serialize;

use crate::eval::{ConditionTrace, Evaluation, ReadingResult, Truth};
use crate::model::{ClauseStatus, Status};

/// One line of the explanation, with its ✓/✗ mark and sources, and the lines below it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds: Option<Truth>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    fn new(text: impl Into<String>) -> Node {
        Node {
            text: text.into(),
            holds: None,
            sources: Vec::new(),
            children: Vec::new(),
        }
    }

    fn cited(mut self, sources: &[String]) -> Node {
        self.sources = sources.to_vec();
        self
    }

    fn marked(mut self, holds: Truth) -> Node {
        self.holds = Some(holds);
        self
    }

    fn with(mut self, children: Vec<Node>) -> Node {
        self.children = children;
        self
    }
}

fn flag(status: Status) -> &'static str {
    match status {
        Status::Sourced => "",
        Status::Assumption => " (assumption)",
        Status::Unverified => " (unverified)",
    }
}

/// The explanation of one reading of an evaluation.
pub fn explain(e: &Evaluation, r: &ReadingResult) -> Node {
    let mut title = format!(
        "{} — {}, reading `{}`{}",
        e.id,
        e.title,
        r.name,
        flag(r.status)
    );
    if e.hypothetical {
        title.push_str(" — HYPOTHETICAL, not a documented case");
    }
    let mut root = Node::new(title).cited(&r.sources);
    if let Some(summary) = &r.summary {
        root.children
            .push(Node::new(format!("This reading: {summary}")).cited(&r.sources));
    }
    root.children.push(texts_in_force(e, r));
    root.children.push(parties(e));
    root.children.push(clauses(r));
    root.children.push(duties(e, r));
    root.children.push(responses(e, r));
    root.children.push(decisions(r));
    root
}

fn texts_in_force(e: &Evaluation, r: &ReadingResult) -> Node {
    let children = e
        .versions
        .iter()
        .map(|article| {
            let versions = r
                .clauses
                .iter()
                .filter(|c| c.article == article.article)
                .map(|c| {
                    let until = c
                        .valid
                        .to
                        .map(|to| format!(" until {to}"))
                        .unwrap_or_default();
                    let applies = if c.status == ClauseStatus::NotInForce {
                        "not in force"
                    } else {
                        "in force"
                    };
                    Node::new(format!(
                        "{} ({} text, from {}{until}): {applies}",
                        c.id, c.version, c.valid.from
                    ))
                })
                .collect();
            Node::new(format!("{}: {}", article.article, article.title)).with(versions)
        })
        .collect();
    Node::new(format!(
        "1. The date is {}. These texts apply on it:",
        e.date
    ))
    .with(children)
}

fn parties(e: &Evaluation) -> Node {
    let children = e
        .members
        .iter()
        .map(|m| {
            let effect = if m.bound {
                "bound by the treaty"
            } else {
                "not bound"
            };
            Node::new(format!(
                "{} {}: {} since {} ({}), so {effect}",
                m.state, m.name, m.status, m.since, m.event
            ))
            .cited(&m.sources)
            .marked(if m.bound { Truth::True } else { Truth::False })
        })
        .collect();
    Node::new(format!(
        "2. Who is a party on {}, from the parties timeline:",
        e.date
    ))
    .with(children)
}

fn condition(trace: &ConditionTrace) -> Node {
    let mut children: Vec<Node> = trace
        .facts
        .iter()
        .map(|fact| {
            let value = fact.value.as_ref().map_or(
                "not given by this scenario".to_string(),
                ToString::to_string,
            );
            let note = fact
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            Node::new(format!(
                "fact `{}` = {value}{}{note}",
                fact.name,
                flag(fact.status)
            ))
            .cited(&fact.sources)
        })
        .collect();
    children.extend(
        trace
            .membership
            .iter()
            .map(|m| Node::new(format!("timeline: {m}"))),
    );
    children.extend(trace.children.iter().map(condition));
    Node::new(trace.test.clone())
        .marked(trace.value)
        .with(children)
}

fn clauses(r: &ReadingResult) -> Node {
    let children =
        r.clauses
            .iter()
            .filter(|c| c.status != ClauseStatus::NotInForce)
            .map(|c| {
                let mut lines = vec![Node::new(format!("“{}”", c.text)).cited(&c.text_sources)];
                lines.extend(c.notes.iter().map(|n| {
                    Node::new(format!("reading of the text{}: {}", flag(n.status), n.text))
                        .cited(&n.sources)
                }));
                let mark = match c.status {
                    ClauseStatus::Triggered => Truth::True,
                    ClauseStatus::Undetermined => Truth::Unknown,
                    _ => Truth::False,
                };
                if let Some(trace) = &c.conditions {
                    match c.status {
                        ClauseStatus::Triggered => lines
                            .push(Node::new("it applies because:").with(vec![condition(trace)])),
                        ClauseStatus::NotTriggered | ClauseStatus::Undetermined => {
                            let why = trace.failing().into_iter().map(condition).collect();
                            let head = if c.status == ClauseStatus::Undetermined {
                                format!(
                                    "it cannot be decided; facts missing: {}",
                                    c.missing_facts.join(", ")
                                )
                            } else {
                                "it does not apply, because:".to_string()
                            };
                            lines.push(Node::new(head).with(why));
                        }
                        _ => {}
                    }
                }
                if let Some(by) = &c.overridden_by {
                    lines.push(Node::new(format!("it is displaced by the exception {by}")));
                }
                Node::new(format!(
                    "{} ({} text): {}",
                    c.id,
                    c.version,
                    c.status.label()
                ))
                .marked(mark)
                .with(lines)
            })
            .collect();
    Node::new("3. Each clause in force, its text, and its conditions:").with(children)
}

fn bearer_name(e: &Evaluation, bearer: &str) -> String {
    e.members
        .iter()
        .find(|m| m.state == bearer)
        .map(|m| m.name.clone())
        .or_else(|| e.bodies.get(bearer).cloned())
        .unwrap_or_default()
}

fn duties(e: &Evaluation, r: &ReadingResult) -> Node {
    let mut bearers: Vec<&str> = r
        .duties
        .iter()
        .filter(|d| d.clause.is_some())
        .map(|d| d.bearer.as_str())
        .collect();
    bearers.dedup();
    let children: Vec<Node> = bearers
        .into_iter()
        .map(|bearer| {
            let lines = r
                .duties
                .iter()
                .filter(|d| d.bearer == bearer && d.clause.is_some())
                .map(|d| {
                    let kind = match d.kind {
                        Some(crate::model::DutyKind::Prohibition) => "must not",
                        _ => "must",
                    };
                    let due = d
                        .due_by
                        .map(|due| format!(", by {due}"))
                        .unwrap_or_default();
                    Node::new(format!("{kind} `{}` ({}{due})", d.content, d.key()))
                })
                .collect();
            Node::new(format!("{bearer} {}", bearer_name(e, bearer))).with(lines)
        })
        .collect();
    let head = if children.is_empty() {
        "4. No duty follows."
    } else {
        "4. The duties that follow, per bearer:"
    };
    Node::new(head).with(children)
}

fn responses(e: &Evaluation, r: &ReadingResult) -> Node {
    let children = r
        .duties
        .iter()
        .map(|d| {
            let what = d
                .clause
                .as_ref()
                .map_or(format!("no duty to `{}`", d.content), |_| d.key());
            let evidence = d
                .responses
                .iter()
                .filter_map(|id| e.responses.iter().find(|x| &x.id == id))
                .map(|x| {
                    Node::new(format!("{}: {} — {}", x.id, x.action, x.summary)).cited(&x.sources)
                })
                .collect();
            let mark = match d.compliance {
                crate::model::Compliance::Fulfilled => Truth::True,
                crate::model::Compliance::PartlyFulfilled
                | crate::model::Compliance::ActedWithoutFormalDuty => Truth::Unknown,
                _ => Truth::False,
            };
            Node::new(format!(
                "{} {what}: {} — {}",
                d.bearer,
                d.compliance.label(),
                d.reason
            ))
            .marked(mark)
            .with(evidence)
        })
        .collect();
    Node::new("5. Each duty against the documented responses:").with(children)
}

fn decisions(r: &ReadingResult) -> Node {
    let children: Vec<Node> = r
        .decisions
        .iter()
        .map(|d| {
            let mut lines = Vec::new();
            if let (Some(rule), Some(text)) = (&d.rule, &d.rule_text) {
                lines.push(Node::new(format!("rule {rule}: {text}")));
            }
            for (label, states) in [
                ("supported", &d.supported),
                ("objected", &d.blocked_by),
                ("abstained", &d.abstained),
                ("absent", &d.absent),
                ("position not documented", &d.undocumented),
                ("recorded, but not voting on that date", &d.non_voting),
            ] {
                if !states.is_empty() {
                    lines.push(Node::new(format!("{label}: {}", states.join(", "))));
                }
            }
            let documented = match d.documented {
                crate::model::DocumentedOutcome::Adopted => "adopted",
                crate::model::DocumentedOutcome::NotAdopted => "not adopted",
            };
            let agreement = if d.matches_documented {
                "as the sources say"
            } else {
                "unlike the sources, which say"
            };
            let outcome = d.outcome.label();
            let mark = if d.matches_documented {
                Truth::True
            } else {
                Truth::False
            };
            Node::new(format!(
                "{} {} on {}, {}: {outcome} under the rule, {agreement} {documented}",
                d.body, d.id, d.date, d.subject
            ))
            .cited(&d.sources)
            .marked(mark)
            .with(lines)
        })
        .collect();
    let head = if children.is_empty() {
        "6. No collective decision is documented."
    } else {
        "6. The collective decisions under the decision rule:"
    };
    Node::new(head).with(children)
}

/// The tree as indented text with ✓/✗ marks and sources in brackets.
pub fn render_text(node: &Node) -> String {
    let mut out = String::new();
    text_lines(node, "", "", &mut out);
    out
}

fn mark(holds: Option<Truth>) -> &'static str {
    match holds {
        Some(Truth::True) => "✓ ",
        Some(Truth::False) => "✗ ",
        Some(Truth::Unknown) => "? ",
        None => "",
    }
}

fn text_lines(node: &Node, first: &str, rest: &str, out: &mut String) {
    let sources = if node.sources.is_empty() {
        String::new()
    } else {
        format!(" [{}]", node.sources.join(", "))
    };
    out.push_str(&format!(
        "{first}{}{}{sources}\n",
        mark(node.holds),
        node.text
    ));
    let count = node.children.len();
    for (index, child) in node.children.iter().enumerate() {
        let last = index + 1 == count;
        let (branch, continuation) = if last {
            ("└─ ", "   ")
        } else {
            ("├─ ", "│  ")
        };
        text_lines(
            child,
            &format!("{rest}{branch}"),
            &format!("{rest}{continuation}"),
            out,
        );
    }
}

/// The tree as a Markdown page: nested lists under a heading.
pub fn render_markdown(node: &Node) -> String {
    let mut out = format!("# {}{}\n\n", mark(node.holds), node.text);
    for child in &node.children {
        out.push_str(&format!("## {}\n\n", child.text));
        for grandchild in &child.children {
            markdown_lines(grandchild, 0, &mut out);
        }
        out.push('\n');
    }
    out
}

fn markdown_lines(node: &Node, depth: usize, out: &mut String) {
    let sources = if node.sources.is_empty() {
        String::new()
    } else {
        format!(
            " *({})*",
            node.sources
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    out.push_str(&format!(
        "{}- {}{}{sources}\n",
        "  ".repeat(depth),
        mark(node.holds),
        node.text.replace('\n', " ")
    ));
    for child in &node.children {
        markdown_lines(child, depth + 1, out);
    }
}
