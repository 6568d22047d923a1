//! Overlay packs: variants that remove, replace or add clauses and decision rules of a pack,
//! as OpenFisca's reforms do. The merged pack is validated like any other.

use std::collections::BTreeMap;

use crate::load::{self, LoadError, Loaded};
use crate::model::{Article, Decisions, Overlay, Source};
use crate::source::FileSet;
use crate::suggest;
use crate::validate::{self, Pack, Problem, ValidationError};

/// The files of an overlay folder, parsed.
#[derive(Debug, Clone)]
pub struct RawOverlay {
    pub dir: String,
    pub manifest: Loaded<Overlay>,
    pub sources: Option<Loaded<BTreeMap<String, Source>>>,
    pub decisions: Option<Loaded<Decisions>>,
    pub articles: Vec<Loaded<Article>>,
}

/// Whether `files` hold an overlay at their root folder `dir`.
pub fn is_overlay(files: &FileSet, dir: &str) -> bool {
    files.get(&format!("{dir}/overlay.ron")).is_some()
}

/// Parses the overlay in folder `dir`, collecting every problem.
pub fn load(files: &FileSet, dir: &str) -> Result<RawOverlay, Vec<LoadError>> {
    let mut errors = Vec::new();
    let manifest = optional::<Overlay>(files, &format!("{dir}/overlay.ron"), &mut errors);
    let sources = optional(files, &format!("{dir}/sources.ron"), &mut errors);
    let decisions = optional(files, &format!("{dir}/decision.ron"), &mut errors);
    let mut articles = Vec::new();
    for file in &files.under(&format!("{dir}/clauses")).files {
        match load::parse::<Article>(file) {
            Ok(value) => articles.push(Loaded {
                file: file.clone(),
                value,
            }),
            Err(e) => errors.push(e),
        }
    }
    for file in &files.files {
        let rest = file
            .path
            .strip_prefix(&format!("{dir}/"))
            .unwrap_or(&file.path);
        let known = matches!(rest, "overlay.ron" | "sources.ron" | "decision.ron")
            || rest
                .strip_prefix("clauses/")
                .is_some_and(|name| !name.contains('/'));
        if !known {
            errors.push(LoadError::UnexpectedFile {
                path: file.path.clone(),
                help: "an overlay folder holds overlay.ron and, optionally, sources.ron, decision.ron and clauses/*.ron".into(),
            });
        }
    }
    match manifest {
        Some(manifest) if errors.is_empty() => Ok(RawOverlay {
            dir: dir.to_string(),
            manifest,
            sources,
            decisions,
            articles,
        }),
        _ => Err(errors),
    }
}

/// The file at `path`, parsed, if it exists; a parse error is collected.
fn optional<T: serde::de::DeserializeOwned>(
    files: &FileSet,
    path: &str,
    errors: &mut Vec<LoadError>,
) -> Option<Loaded<T>> {
    let file = files.get(path)?;
    match load::parse(file) {
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

fn located(
    overlay: &RawOverlay,
    problem: Problem,
    token: &str,
    label: &str,
    help: Option<String>,
) -> miette::Report {
    let file = &overlay.manifest.file;
    miette::Report::new(ValidationError {
        problem,
        src: file.named(),
        span: file.locate(token),
        label: label.into(),
        help,
    })
}

/// The pack `overlay.extends` with the overlay applied, validated as a whole.
pub fn apply(
    packs: &BTreeMap<String, Pack>,
    overlay: RawOverlay,
) -> Result<Pack, Vec<miette::Report>> {
    let manifest = &overlay.manifest.value;
    let Some(base) = packs.get(&manifest.extends) else {
        return Err(vec![located(
            &overlay,
            Problem::UnknownTreaty(manifest.extends.clone()),
            &manifest.extends,
            "no rule pack has this id",
            Some(suggest::did_you_mean(
                &manifest.extends,
                packs.keys().map(String::as_str),
            )),
        )]);
    };
    let changes = manifest.remove.len()
        + overlay
            .articles
            .iter()
            .map(|a| a.value.clauses.len())
            .sum::<usize>()
        + overlay
            .decisions
            .as_ref()
            .map_or(0, |d| d.value.rules.len());
    if changes == 0 {
        return Err(vec![located(
            &overlay,
            Problem::Other(format!("overlay `{}` changes nothing", manifest.id)),
            &manifest.id,
            "no clause or rule to remove, replace or add",
            Some("list ids under `remove`, or add clauses/*.ron or decision.ron to the overlay folder".into()),
        )]);
    }
    let mut raw = base.files.clone();
    let mut reports = Vec::new();
    for id in &manifest.remove {
        let before = raw
            .articles
            .iter()
            .map(|a| a.value.clauses.len())
            .sum::<usize>()
            + raw.decisions.value.rules.len();
        for article in &mut raw.articles {
            article.value.clauses.retain(|c| &c.id != id);
        }
        raw.decisions.value.rules.retain(|r| &r.id != id);
        let after = raw
            .articles
            .iter()
            .map(|a| a.value.clauses.len())
            .sum::<usize>()
            + raw.decisions.value.rules.len();
        if before == after {
            let ids: Vec<String> = base
                .files
                .articles
                .iter()
                .flat_map(|a| a.value.clauses.iter().map(|c| c.id.clone()))
                .chain(
                    base.files
                        .decisions
                        .value
                        .rules
                        .iter()
                        .map(|r| r.id.clone()),
                )
                .collect();
            reports.push(located(
                &overlay,
                Problem::UnknownClause(id.clone()),
                id,
                "the pack has no clause or rule with this id",
                Some(suggest::did_you_mean(id, ids.iter().map(String::as_str))),
            ));
        }
    }
    if let Some(sources) = &overlay.sources {
        raw.sources.value.extend(sources.value.clone());
    }
    if let Some(decisions) = &overlay.decisions {
        raw.decisions
            .value
            .bodies
            .extend(decisions.value.bodies.clone());
        for rule in &decisions.value.rules {
            let mut rule = rule.clone();
            rule.origin = Some(decisions.file.clone());
            match raw
                .decisions
                .value
                .rules
                .iter_mut()
                .find(|r| r.id == rule.id)
            {
                Some(existing) => *existing = rule,
                None => raw.decisions.value.rules.push(rule),
            }
        }
    }
    for article in &overlay.articles {
        for clause in &article.value.clauses {
            let mut clause = clause.clone();
            clause.origin = Some(article.file.clone());
            let existing = raw
                .articles
                .iter_mut()
                .flat_map(|a| a.value.clauses.iter_mut())
                .find(|c| c.id == clause.id);
            match existing {
                Some(slot) => *slot = clause,
                None => match raw
                    .articles
                    .iter_mut()
                    .find(|a| a.value.id == article.value.id)
                {
                    Some(target) => target.value.clauses.push(clause),
                    None => raw.articles.push(Loaded {
                        file: article.file.clone(),
                        value: Article {
                            id: article.value.id.clone(),
                            title: article.value.title.clone(),
                            clauses: vec![clause],
                        },
                    }),
                },
            }
        }
    }
    if !reports.is_empty() {
        return Err(reports);
    }
    validate::validate_pack(raw)
        .map_err(|errors| errors.into_iter().map(miette::Report::new).collect())
}
