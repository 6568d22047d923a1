//! `casus check`: load and validate everything, report every problem.

use std::io::Write;

use super::{Exit, Inputs, report};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(inputs: &Inputs, _args: Args) -> Exit {
    let (workspace, problems, _base) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    // Overlays apply to packs, so they are checked only once the packs are valid.
    let (overlays, overlay_problems) = if problems.packs.is_empty() {
        match inputs.overlay_problems() {
            Ok(found) => found,
            Err(exit) => return exit,
        }
    } else {
        (0, Vec::new())
    };
    if problems.is_empty() && overlay_problems.is_empty() {
        let warnings: Vec<miette::Report> = casus::coverage::warnings(&workspace)
            .into_iter()
            .map(miette::Report::new)
            .collect();
        if !warnings.is_empty() {
            report(&warnings);
        }
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let packs = workspace.packs.len();
        let scenarios = workspace.scenarios.len();
        let _ = writeln!(
            std::io::stdout(),
            "ok: {packs} rule pack{}, {overlays} overlay{} and {scenarios} scenario{} are valid",
            plural(packs),
            plural(overlays),
            plural(scenarios),
        );
        Exit::Success
    } else {
        let mut reports = problems.into_reports();
        reports.extend(overlay_problems);
        report(&reports);
        Exit::InvalidInput
    }
}
