//! Load stage: files → model values, each kept with the file it came from so later
//! stages can point at the text.

pub mod error;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

pub use error::{LoadError, SyntaxError};

use crate::model::{
    Actions, Article, Decisions, FactDecl, Manifest, Parties, ReferenceFigure, Scenario, Source,
};
use crate::source::{FileSet, SourceFile};
use crate::suggest;

/// A model value and the file it was read from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: SourceFile,
    pub value: T,
}

/// The files of one rule pack, parsed but not yet cross-checked.
#[derive(Debug, Clone)]
pub struct RawPack {
    pub dir: String,
    pub manifest: Loaded<Manifest>,
    pub sources: Loaded<BTreeMap<String, Source>>,
    pub states: Loaded<BTreeMap<String, String>>,
    pub vocabulary: Loaded<BTreeMap<String, FactDecl>>,
    pub parties: Loaded<Parties>,
    pub actions: Loaded<Actions>,
    pub decisions: Loaded<Decisions>,
    pub articles: Vec<Loaded<Article>>,
    /// Published reference figures, when the pack has a `reference.ron`.
    pub reference: Option<Loaded<Vec<ReferenceFigure>>>,
}

const PACK_FILES: [&str; 7] = [
    "pack.ron",
    "sources.ron",
    "states.ron",
    "vocabulary.ron",
    "parties.ron",
    "actions.ron",
    "decision.ron",
];

/// Parses one RON file into `T`, translating parser errors into located diagnostics.
pub fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<T, LoadError> {
    if is_blank(&file.text) {
        return Err(LoadError::Syntax(Box::new(SyntaxError {
            message: "the file is empty".to_string(),
            src: file.named(),
            span: file.token_at(0),
            label: "nothing here".to_string(),
            help: Some(
                "a rule or scenario file holds one item in parentheses, `( … )`; see docs/format.md"
                    .to_string(),
            ),
        })));
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str::<T>(&file.text)
        .map_err(|error| syntax_error(file, &error))
}

fn syntax_error(file: &SourceFile, error: &ron::error::SpannedError) -> LoadError {
    use ron::error::Error as E;
    let start = file.offset(error.span.start.line, error.span.start.col);
    let mut span = file.token_at(start);
    let (message, label, help) = match &error.code {
        E::NoSuchStructField {
            expected, found, ..
        } => (
            format!("unknown field `{found}`"),
            "not a field here".to_string(),
            Some(suggest::did_you_mean(found, expected.iter().copied())),
        ),
        E::MissingStructField { field, .. } => {
            // ron points at the closing bracket of the item that lacks the field.
            span = file.token_at(start.saturating_sub(1).min(start));
            (
                format!("missing field `{field}`"),
                "this item ends without it".to_string(),
                Some(format!("add `{field}: …` to this item")),
            )
        }
        E::DuplicateStructField { field, .. } => (
            format!("field `{field}` is given twice"),
            "second occurrence".to_string(),
            Some("keep one of them".to_string()),
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            format!("unknown variant `{found}`"),
            "not allowed here".to_string(),
            Some(suggest::did_you_mean(found, expected.iter().copied())),
        ),
        E::InvalidValueForType { expected, found } => (
            format!("expected {expected}, found {found}"),
            "wrong type".to_string(),
            None,
        ),
        E::Message(message) => (message.clone(), "here".to_string(), None),
        E::Eof => (
            "the file ends too early".to_string(),
            "input stops here".to_string(),
            Some("a parenthesis, bracket or brace is not closed".to_string()),
        ),
        E::ExpectedDifferentStructName { found, .. } => (
            format!("this item cannot be named `{found}`"),
            "wrong name".to_string(),
            Some("remove the name before the opening parenthesis".to_string()),
        ),
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => (
            "expected an item in parentheses, `( … )`".to_string(),
            "here".to_string(),
            None,
        ),
        E::ExceededRecursionLimit => (
            "the item is nested too deeply".to_string(),
            "nesting goes past the limit here".to_string(),
            Some("conditions and values may nest at most 128 levels; split a deep condition into `All([…])` or `Any([…])` lists".to_string()),
        ),
        E::TrailingCharacters => (
            "unexpected text after the end of the value".to_string(),
            "here".to_string(),
            Some("the file holds one value; check for an extra closing bracket".to_string()),
        ),
        other => (
            lowercase_first(&other.to_string()),
            "here".to_string(),
            None,
        ),
    };
    LoadError::Syntax(Box::new(SyntaxError {
        message,
        src: file.named(),
        span,
        label,
        help,
    }))
}

/// Whether the text holds nothing but white space and comments.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with("//"))
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first
            .to_lowercase()
            .chain(chars)
            .collect::<String>()
            .trim_end_matches('.')
            .to_string(),
        None => String::new(),
    }
}

fn parse_loaded<T: DeserializeOwned>(
    file: &SourceFile,
    errors: &mut Vec<LoadError>,
) -> Option<Loaded<T>> {
    match parse(file) {
        Ok(value) => Some(Loaded {
            file: file.clone(),
            value,
        }),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// Finds every rule pack in `files` (a folder holding `pack.ron`) and parses it.
/// Collects every problem rather than stopping at the first.
pub fn load_packs(files: &FileSet, root: &str) -> Result<Vec<RawPack>, Vec<LoadError>> {
    let mut dirs: Vec<String> = files
        .files
        .iter()
        .filter_map(|f| f.path.strip_suffix("/pack.ron").map(str::to_string))
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(vec![LoadError::NoPack {
            dir: root.to_string(),
        }]);
    }
    // Overlay folders (holding overlay.ron) are variants, applied only when selected.
    let overlays: Vec<String> = files
        .files
        .iter()
        .filter_map(|f| f.path.strip_suffix("/overlay.ron").map(str::to_string))
        .collect();
    let mut errors = Vec::new();
    for file in &files.files {
        if overlays
            .iter()
            .any(|d| file.path.starts_with(&format!("{d}/")))
        {
            continue;
        }
        let owner = dirs
            .iter()
            .find(|d| file.path.starts_with(&format!("{d}/")));
        let expected = owner.is_some_and(|dir| {
            let rest = file.path.get(dir.len() + 1..).unwrap_or("");
            PACK_FILES.contains(&rest)
                || rest == "reference.ron"
                || rest
                    .strip_prefix("clauses/")
                    .is_some_and(|name| !name.contains('/'))
        });
        if !expected {
            errors.push(LoadError::UnexpectedFile {
                path: file.path.clone(),
                help: "a pack folder holds the files named in the format guide, with one file per article under `clauses/`".to_string(),
            });
        }
    }
    let mut packs = Vec::new();
    for dir in dirs {
        if let Some(pack) = load_pack(files, &dir, &mut errors) {
            packs.push(pack);
        }
    }
    if errors.is_empty() {
        Ok(packs)
    } else {
        Err(errors)
    }
}

fn load_pack(files: &FileSet, dir: &str, errors: &mut Vec<LoadError>) -> Option<RawPack> {
    let mut file = |name: &str| -> Option<SourceFile> {
        let path = format!("{dir}/{name}");
        let found = files.get(&path).cloned();
        if found.is_none() {
            errors.push(LoadError::MissingPackFile {
                dir: dir.to_string(),
                file: name.to_string(),
            });
        }
        found
    };
    let manifest = file("pack.ron");
    let sources = file("sources.ron");
    let states = file("states.ron");
    let vocabulary = file("vocabulary.ron");
    let parties = file("parties.ron");
    let actions = file("actions.ron");
    let decisions = file("decision.ron");
    let clause_files = files.under(&format!("{dir}/clauses"));

    let manifest = manifest.and_then(|f| parse_loaded(&f, errors));
    let sources = sources.and_then(|f| parse_loaded(&f, errors));
    let states = states.and_then(|f| parse_loaded(&f, errors));
    let vocabulary = vocabulary.and_then(|f| parse_loaded(&f, errors));
    let parties = parties.and_then(|f| parse_loaded(&f, errors));
    let actions = actions.and_then(|f| parse_loaded(&f, errors));
    let decisions = decisions.and_then(|f| parse_loaded(&f, errors));
    let reference = files
        .get(&format!("{dir}/reference.ron"))
        .cloned()
        .and_then(|f| parse_loaded(&f, errors));
    let articles: Vec<Loaded<Article>> = clause_files
        .files
        .iter()
        .filter_map(|f| parse_loaded(f, errors))
        .collect();
    if articles.len() != clause_files.files.len() {
        return None;
    }
    Some(RawPack {
        dir: dir.to_string(),
        manifest: manifest?,
        sources: sources?,
        states: states?,
        vocabulary: vocabulary?,
        parties: parties?,
        actions: actions?,
        decisions: decisions?,
        articles,
        reference,
    })
}

/// Parses every scenario file, collecting every syntax problem.
pub fn load_scenarios(files: &FileSet) -> (Vec<Loaded<Scenario>>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let scenarios = files
        .files
        .iter()
        .filter_map(|f| parse_loaded(f, &mut errors))
        .collect();
    (scenarios, errors)
}
