//! Command-line interface: argument definitions, input selection (embedded or `--rules`/
//! `--scenarios` folders), dispatch to one module per subcommand, and exit codes.

mod check;
mod diff;
mod eval;
mod explain;
mod members;
mod pivots;
mod stats;
mod sweep;
mod test;
mod whatif;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use include_dir::{Dir, include_dir};

use std::collections::BTreeMap;

use casus::source::FileSet;
use casus::validate::Pack;
use casus::workspace::{self, Problems, Workspace};

static RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");
static SCENARIOS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scenarios");

const EXIT_CODES: &str = "Exit codes:
  0  success
  1  other failure (for example, an output file could not be written;
     for `casus test`, an expectation that does not hold;
     for `casus diff`, a verdict that changed)
  2  invalid input: a rule or scenario file, or an argument, is wrong";

const TEST_EXIT_CODES: &str = "Exit codes:
  0  every expectation holds
  1  an expectation does not hold
  2  invalid input: a rule or scenario file, or an argument, is wrong";

const DIFF_EXIT_CODES: &str = "Exit codes:
  0  no verdict changed
  1  at least one verdict changed
  2  invalid input: a rule or scenario file, or an argument, is wrong";

/// casus: what an alliance treaty required of each member, beside what each member did.
#[derive(Debug, Parser)]
#[command(name = "casus", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Rule packs to use instead of the ones built in: a pack folder, a folder of packs, or an
    /// overlay folder (applied to the built-in packs).
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Scenarios to use instead of the ones built in.
    #[arg(long, global = true, value_name = "DIR")]
    scenarios: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate scenarios: formal obligation beside documented response, actor by actor.
    #[command(after_help = EXIT_CODES)]
    Eval(eval::Args),
    /// Explain a scenario's verdicts step by step, from the evaluation's own trace.
    #[command(after_help = EXIT_CODES)]
    Explain(explain::Args),
    /// Load and validate every rule pack and scenario; report every problem found.
    #[command(after_help = EXIT_CODES)]
    Check(check::Args),
    /// List the parties to a treaty and their status on a date.
    #[command(after_help = EXIT_CODES)]
    Members(members::Args),
    /// Re-evaluate a scenario with facts changed, and show what moves against the baseline.
    #[command(after_help = EXIT_CODES)]
    Whatif(whatif::Args),
    /// Find the single facts whose change would flip a clause status or a compliance label.
    #[command(after_help = EXIT_CODES)]
    Pivots(pivots::Args),
    /// Evaluate every combination of some facts' values and print the decision table.
    #[command(after_help = EXIT_CODES)]
    Sweep(sweep::Args),
    /// How often triggered duties were fulfilled over the casebook, beside published figures.
    #[command(after_help = EXIT_CODES)]
    Stats(stats::Args),
    /// Evaluate every scenario under two rule packs and list every verdict that changes.
    #[command(after_help = DIFF_EXIT_CODES)]
    Diff(diff::Args),
    /// Evaluate every scenario and compare the results with its expectations.
    #[command(after_help = TEST_EXIT_CODES)]
    Test(test::Args),
}

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Failure = 1,
    InvalidInput = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

pub fn run(cli: Cli) -> Exit {
    let inputs = Inputs {
        rules: cli.rules,
        scenarios: cli.scenarios,
    };
    match cli.command {
        Command::Eval(args) => eval::run(&inputs, args),
        Command::Check(args) => check::run(&inputs, args),
        Command::Explain(args) => explain::run(&inputs, args),
        Command::Members(args) => members::run(&inputs, args),
        Command::Test(args) => test::run(&inputs, args),
        Command::Diff(args) => diff::run(&inputs, args),
        Command::Pivots(args) => pivots::run(&inputs, args),
        Command::Whatif(args) => whatif::run(&inputs, args),
        Command::Sweep(args) => sweep::run(&inputs, args),
        Command::Stats(args) => stats::run(&inputs, args),
    }
}

/// Where rules and scenarios come from.
pub struct Inputs {
    rules: Option<PathBuf>,
    scenarios: Option<PathBuf>,
}

/// The scenario a single-scenario command works on.
struct Selected {
    scenario: casus::model::Scenario,
    pack: Pack,
    /// The pack before the overlay named by `--rules`, if one was.
    base_pack: Option<Pack>,
}

/// What a command works on: the valid workspace, the problems found, and, when `--rules`
/// named an overlay, the packs as they were before it.
type Loaded = (Workspace, Problems, Option<BTreeMap<String, Pack>>);

impl Inputs {
    /// The rule packs: the built-in ones, a folder of packs, or an overlay applied to the built-in ones.
    fn rules(&self) -> Result<workspace::Rules, Exit> {
        match &self.rules {
            Some(dir) => Ok(rules_in(dir)?),
            None => Ok(workspace::Rules {
                packs: workspace::load_packs(&builtin_rules(), "rules"),
                base: None,
            }),
        }
    }

    /// The overlays inside the rules folder, each applied to its packs: how many there are, and
    /// the problems found. For `casus check`.
    fn overlay_problems(&self) -> Result<(usize, Vec<miette::Report>), Exit> {
        let files = match &self.rules {
            Some(dir) => read_dir(dir)?,
            None => builtin_rules(),
        };
        let mut problems = Vec::new();
        let overlays: Vec<&str> = files
            .files
            .iter()
            .filter_map(|f| f.path.strip_suffix("/overlay.ron"))
            .collect();
        for dir in &overlays {
            if let Err(reports) = workspace::load_rules(&files.under(dir), dir, &files).packs {
                problems.extend(reports);
            }
        }
        Ok((overlays.len(), problems))
    }

    /// One valid scenario by id, with its pack (and the pack before an overlay, if any),
    /// after reporting whatever stops it: pack problems, its own problems, or an unknown id.
    fn select(&self, id: &str) -> Result<Selected, Exit> {
        let (workspace, mut problems, base) = self.workspace()?;
        if !problems.packs.is_empty() {
            report(&problems.into_reports());
            return Err(Exit::InvalidInput);
        }
        if let Some(index) = problems
            .scenarios
            .iter()
            .position(|p| p.id.as_deref() == Some(id))
        {
            report(&problems.scenarios.remove(index).reports);
            return Err(Exit::InvalidInput);
        }
        let found = workspace.scenario(id).and_then(|s| {
            workspace
                .pack_for(&s.value)
                .map(|pack| (s.value.clone(), pack.clone()))
        });
        let Some((scenario, pack)) = found else {
            let ids = workspace.scenarios.iter().map(|s| s.value.id.as_str());
            error(
                &format!("unknown scenario `{id}`"),
                Some(&casus::suggest::did_you_mean(id, ids)),
            );
            return Err(Exit::InvalidInput);
        };
        let base_pack = base.and_then(|mut b| b.remove(&scenario.treaty));
        Ok(Selected {
            scenario,
            pack,
            base_pack,
        })
    }

    fn workspace(&self) -> Result<Loaded, Exit> {
        let scenarios = self.scenarios()?;
        let rules = self.rules()?;
        let (workspace, problems) = workspace::with_packs(rules.packs, &scenarios);
        Ok((workspace, problems, rules.base))
    }

    fn scenarios(&self) -> Result<FileSet, Exit> {
        match &self.scenarios {
            Some(dir) => read_dir(dir),
            None => Ok(FileSet::embedded(&SCENARIOS, "scenarios")),
        }
    }
}

fn builtin_rules() -> FileSet {
    FileSet::embedded(&RULES, "rules")
}

/// The packs, or the overlay, in `dir`.
fn rules_in(dir: &Path) -> Result<workspace::Rules, Exit> {
    let files = read_dir(dir)?;
    Ok(workspace::load_rules(
        &files,
        &dir.display().to_string(),
        &builtin_rules(),
    ))
}

fn read_dir(dir: &Path) -> Result<FileSet, Exit> {
    if !dir.is_dir() {
        error(
            &format!("`{}` is not a folder", dir.display()),
            Some("pass the path of an existing folder"),
        );
        return Err(Exit::InvalidInput);
    }
    FileSet::read_dir(dir).map_err(|e| {
        error(&format!("cannot read `{}`: {e}", dir.display()), None);
        Exit::Failure
    })
}

/// Prints a one-line error (and optional help) to stderr.
fn error(message: &str, help: Option<&str>) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {message}");
    if let Some(help) = help {
        let _ = writeln!(stderr, "  help: {help}");
    }
}

/// Prints diagnostics to stderr, in colour only on a terminal.
fn report(reports: &[miette::Report]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = casus::render::diagnostics::render(reports, color);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes `text` to stdout, or atomically to `out`: a failed write leaves the old file intact.
fn emit(text: &str, out: Option<&Path>) -> Exit {
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (such as `| head`) is not an error worth reporting.
            let _ = stdout.write_all(text.as_bytes());
            Exit::Success
        }
        Some(path) => match write_atomically(path, text) {
            Ok(()) => Exit::Success,
            Err(e) => {
                error(&format!("cannot write `{}`: {e}", path.display()), None);
                Exit::Failure
            }
        },
    }
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
