//! Errors of the load stage: files that cannot be read, parsed, or placed in a pack.

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
pub enum LoadError {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(casus::load::read))]
    Read { path: String, reason: String },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(Box<SyntaxError>),

    #[error("rule pack `{dir}` has no `{file}`")]
    #[diagnostic(
        code(casus::load::missing_pack_file),
        help(
            "every pack folder holds pack.ron, sources.ron, states.ron, vocabulary.ron, parties.ron, actions.ron, decision.ron and clauses/*.ron"
        )
    )]
    MissingPackFile { dir: String, file: String },

    #[error("`{path}` is not a file a rule pack uses")]
    #[diagnostic(code(casus::load::unexpected_file))]
    UnexpectedFile {
        path: String,
        #[help]
        help: String,
    },

    #[error("no rule pack found in `{dir}`")]
    #[diagnostic(
        code(casus::load::no_pack),
        help("pass a folder that holds `pack.ron`, or a folder of such folders")
    )]
    NoPack { dir: String },

    #[error("no scenario found in `{dir}`")]
    #[diagnostic(code(casus::load::no_scenario), help("scenario files end in `.ron`"))]
    NoScenario { dir: String },
}

/// A file that is not valid RON, or does not have the shape of its model.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(casus::load::syntax))]
pub struct SyntaxError {
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}
