//! `casus sweep SCENARIO --vary FACT…`: a decision table over every combination of values.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use casus::sweep;

use super::{Exit, Inputs, emit, error, report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id.
    #[arg(value_name = "SCENARIO")]
    scenario: String,
    /// The facts to vary (bool, enum or state); every such fact when left out.
    #[arg(long, value_name = "FACT", num_args = 1..)]
    vary: Vec<String>,
    /// The reading whose facts are varied (the first reading by default).
    #[arg(long, value_name = "NAME")]
    reading: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: SweepFormat,
    /// Write the table to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let (workspace, mut problems, _base) = match inputs.workspace() {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if !problems.packs.is_empty() {
        report(&problems.into_reports());
        return Exit::InvalidInput;
    }
    if let Some(index) = problems
        .scenarios
        .iter()
        .position(|p| p.id.as_deref() == Some(args.scenario.as_str()))
    {
        report(&problems.scenarios.remove(index).reports);
        return Exit::InvalidInput;
    }
    let Some((scenario, pack)) = workspace
        .scenario(&args.scenario)
        .and_then(|s| workspace.pack_for(&s.value).map(|p| (&s.value, p)))
    else {
        let help = casus::suggest::did_you_mean(
            &args.scenario,
            workspace.scenarios.iter().map(|s| s.value.id.as_str()),
        );
        error(
            &format!("unknown scenario `{}`", args.scenario),
            Some(&help),
        );
        return Exit::InvalidInput;
    };
    let plan = match sweep::plan(pack, scenario, args.reading.as_deref(), &args.vary) {
        Ok(plan) => plan,
        Err(e) => {
            error(&e.to_string(), e.help().as_deref());
            return Exit::InvalidInput;
        }
    };
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(plan.combinations);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} combinations ({eta})")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let table = sweep::run(pack, scenario, &plan, &|| bar.inc(1));
    bar.finish_and_clear();
    let output = match args.format {
        SweepFormat::Text => sweep::render_text(&table),
        SweepFormat::Csv => sweep::render_csv(&table),
        SweepFormat::Json => {
            let mut text = serde_json::to_string_pretty(&table).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    emit(&output, args.out.as_deref())
}
