//! `casus sweep SCENARIO --vary FACT…`: a decision table over every combination of values.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use casus::sweep;

use super::{Exit, Inputs, emit, error};

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
    let selected = match inputs.select(&args.scenario) {
        Ok(selected) => selected,
        Err(exit) => return exit,
    };
    let (scenario, pack) = (&selected.scenario, &selected.pack);
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
