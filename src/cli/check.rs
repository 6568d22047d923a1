//! `casus check`: load and validate everything, report every problem.

use std::io::Write;

use casus::workspace;

use super::{Exit, Inputs, report};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(inputs: &Inputs, _args: Args) -> Exit {
    let ((rules, root), scenarios) = match (inputs.rules(), inputs.scenarios()) {
        (Ok(rules), Ok(scenarios)) => (rules, scenarios),
        (Err(exit), _) | (_, Err(exit)) => return exit,
    };
    let (workspace, problems) = workspace::load_workspace(&rules, &root, &scenarios);
    if problems.is_empty() {
        let warnings: Vec<miette::Report> = casus::coverage::warnings(&workspace)
            .into_iter()
            .map(miette::Report::new)
            .collect();
        if !warnings.is_empty() {
            report(&warnings);
        }
        let _ = writeln!(
            std::io::stdout(),
            "ok: {} rule pack{} and {} scenario{} are valid",
            workspace.packs.len(),
            if workspace.packs.len() == 1 { "" } else { "s" },
            workspace.scenarios.len(),
            if workspace.scenarios.len() == 1 {
                ""
            } else {
                "s"
            },
        );
        Exit::Success
    } else {
        report(&problems.into_reports());
        Exit::InvalidInput
    }
}
