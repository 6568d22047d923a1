//! The `casus` command: parse arguments, run, exit with a documented code.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::run(cli::Cli::parse()).into()
}
