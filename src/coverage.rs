//! Coverage of a pack by its casebook: clauses no scenario triggers, and scenario facts no
//! clause reads. These are warnings: they point at untested rules and unused data.

use std::collections::BTreeSet;
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::eval;
use crate::model::{Bearer, ClauseStatus, Term};
use crate::workspace::Workspace;

#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(casus::coverage), severity(Warning))]
pub struct CoverageWarning {
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// Every coverage warning for the workspace, in pack then scenario order.
pub fn warnings(workspace: &Workspace) -> Vec<CoverageWarning> {
    let mut warnings = Vec::new();
    for (treaty, pack) in &workspace.packs {
        let scenarios: Vec<_> = workspace
            .scenarios
            .iter()
            .filter(|s| &s.value.treaty == treaty)
            .collect();
        let mut triggered = BTreeSet::new();
        for scenario in &scenarios {
            for reading in eval::evaluate(pack, &scenario.value).readings {
                for clause in reading.clauses {
                    if clause.status == ClauseStatus::Triggered {
                        triggered.insert(clause.id);
                    }
                }
            }
        }
        let mut read = BTreeSet::new();
        for article in &pack.files.articles {
            for clause in &article.value.clauses {
                read.extend(clause.condition.facts().into_iter().map(str::to_string));
                let mut terms: Vec<&str> = Vec::new();
                for duty in &clause.duties {
                    if let Bearer::EachMemberExcept(term) | Bearer::State(term) = &duty.bearer {
                        term.collect_facts(&mut terms);
                    }
                    if let Some(Term::Fact(name)) =
                        duty.timing.as_ref().and_then(|t| t.from.as_ref())
                    {
                        terms.push(name);
                    }
                }
                read.extend(terms.into_iter().map(str::to_string));
                if !triggered.contains(&clause.id) {
                    warnings.push(CoverageWarning {
                        message: format!("no scenario triggers clause `{}`", clause.id),
                        src: article.file.named(),
                        span: article.file.locate(&clause.id),
                        label: "never triggered".into(),
                        help: Some("add a scenario, or a reading, in which it applies, so a change to it shows in the tests".into()),
                    });
                }
            }
        }
        for scenario in &scenarios {
            let given = scenario
                .value
                .facts
                .keys()
                .chain(scenario.value.readings.iter().flat_map(|r| r.facts.keys()));
            let mut seen = BTreeSet::new();
            for fact in given {
                if !read.contains(fact) && seen.insert(fact) {
                    warnings.push(CoverageWarning {
                        message: format!("no clause reads fact `{fact}`"),
                        src: scenario.file.named(),
                        span: scenario.file.locate(fact),
                        label: "given but never read".into(),
                        help: Some("remove it, or write the clause that should read it".into()),
                    });
                }
            }
        }
    }
    warnings
}
