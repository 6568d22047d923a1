//! Render stage: the only code that formats results for people or machines.

pub mod diagnostics;
pub mod json;
pub mod markdown;
pub mod text;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
}
