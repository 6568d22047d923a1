//! Loads and validates a set of rule packs and scenarios together, collecting every
//! diagnostic from both stages so one run reports all problems.

use std::collections::BTreeMap;

use crate::load::{self, Loaded};
use crate::model::{Scenario, WhatIf};
use crate::source::FileSet;
use crate::suggest;
use crate::validate::{self, Pack, Problem, ValidationError};

/// Packs by treaty id, and the scenarios that validated against them.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub packs: BTreeMap<String, Pack>,
    pub scenarios: Vec<Loaded<Scenario>>,
}

impl Workspace {
    pub fn pack_for(&self, scenario: &Scenario) -> Option<&Pack> {
        self.packs.get(&scenario.treaty)
    }

    pub fn scenario(&self, id: &str) -> Option<&Loaded<Scenario>> {
        self.scenarios.iter().find(|s| s.value.id == id)
    }
}

/// Loads and validates the packs only.
pub fn load_packs(
    rules: &FileSet,
    root: &str,
) -> Result<BTreeMap<String, Pack>, Vec<miette::Report>> {
    let raw = load::load_packs(rules, root).map_err(into_reports)?;
    let mut packs = BTreeMap::new();
    let mut reports = Vec::new();
    for pack in raw {
        let id = pack.manifest.value.id.clone();
        let file = pack.manifest.file.clone();
        match validate::validate_pack(pack) {
            Ok(pack) => {
                if packs.insert(id.clone(), pack).is_some() {
                    reports.push(miette::Report::new(ValidationError {
                        problem: Problem::DuplicateId {
                            kind: "treaty",
                            id: id.clone(),
                        },
                        src: file.named(),
                        span: file.locate(&id),
                        label: "another pack has this id".into(),
                        help: Some("each pack folder needs its own treaty id".into()),
                    }));
                }
            }
            Err(errors) => reports.extend(into_reports(errors)),
        }
    }
    if reports.is_empty() {
        Ok(packs)
    } else {
        Err(reports)
    }
}

/// Problems found while loading, kept by where they belong so a command can decide
/// which of them stop it.
#[derive(Debug, Default)]
pub struct Problems {
    /// Problems in the rule packs: every evaluation depends on them.
    pub packs: Vec<miette::Report>,
    /// Problems per scenario file, with the scenario id when the file parsed far enough.
    pub scenarios: Vec<ScenarioProblems>,
}

#[derive(Debug)]
pub struct ScenarioProblems {
    pub path: String,
    pub id: Option<String>,
    pub reports: Vec<miette::Report>,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.packs.is_empty() && self.scenarios.is_empty()
    }

    /// Every report, packs first, then scenarios in path order.
    pub fn into_reports(self) -> Vec<miette::Report> {
        let mut all = self.packs;
        for scenario in self.scenarios {
            all.extend(scenario.reports);
        }
        all
    }
}

/// Loads and validates packs and scenarios. The workspace holds everything that is valid;
/// the problems hold everything that is not.
pub fn load_workspace(
    rules: &FileSet,
    rules_root: &str,
    scenarios: &FileSet,
) -> (Workspace, Problems) {
    with_packs(load_packs(rules, rules_root), scenarios)
}

/// Loads and validates scenarios against packs loaded already (or the problems that stopped them).
pub fn with_packs(
    packs: Result<BTreeMap<String, Pack>, Vec<miette::Report>>,
    scenarios: &FileSet,
) -> (Workspace, Problems) {
    let mut problems = Problems::default();
    let packs = match packs {
        Ok(packs) => packs,
        Err(reports) => {
            problems.packs = reports;
            BTreeMap::new()
        }
    };
    let pack_problems = !problems.packs.is_empty();
    let mut parsed = Vec::new();
    let mut whatifs = Vec::new();
    for file in &scenarios.files {
        let result = if file.path.ends_with(".whatif.ron") {
            load::parse::<WhatIf>(file).map(|value| {
                whatifs.push(Loaded {
                    file: file.clone(),
                    value,
                })
            })
        } else {
            load::parse::<Scenario>(file).map(|value| {
                parsed.push(Loaded {
                    file: file.clone(),
                    value,
                })
            })
        };
        if let Err(error) = result {
            problems.scenarios.push(ScenarioProblems {
                path: file.path.clone(),
                id: None,
                reports: vec![miette::Report::new(error)],
            });
        }
    }
    materialise_whatifs(&mut parsed, whatifs, &mut problems);
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut valid = Vec::new();
    for scenario in parsed {
        let mut errors = Vec::new();
        if let Some(first) = ids.insert(scenario.value.id.clone(), scenario.file.path.clone()) {
            errors.push(ValidationError {
                problem: Problem::DuplicateId {
                    kind: "scenario",
                    id: scenario.value.id.clone(),
                },
                src: scenario.file.named(),
                span: scenario.file.locate(&scenario.value.id),
                label: format!("also the id of `{first}`"),
                help: Some("scenario ids are unique across the scenarios folder".into()),
            });
        }
        match packs.get(&scenario.value.treaty) {
            Some(pack) => validate::validate_scenario(pack, &scenario, &mut errors),
            // Without valid packs a scenario cannot be checked; the packs' own errors say why.
            None if pack_problems => {}
            None => errors.push(ValidationError {
                problem: Problem::UnknownTreaty(scenario.value.treaty.clone()),
                src: scenario.file.named(),
                span: scenario.file.locate(&scenario.value.treaty),
                label: "no rule pack has this id".into(),
                help: Some(suggest::did_you_mean(
                    &scenario.value.treaty,
                    packs.keys().map(String::as_str),
                )),
            }),
        }
        if errors.is_empty() {
            valid.push(scenario);
        } else {
            problems.scenarios.push(ScenarioProblems {
                path: scenario.file.path.clone(),
                id: Some(scenario.value.id.clone()),
                reports: into_reports(errors),
            });
        }
    }
    valid.sort_by(|a, b| a.value.id.cmp(&b.value.id));
    (
        Workspace {
            packs,
            scenarios: valid,
        },
        problems,
    )
}

/// Turns saved what-ifs into scenarios, resolving `extends` chains and reporting unknown
/// bases and cycles. A what-if is checked like any scenario afterwards, located in its own file.
fn materialise_whatifs(
    scenarios: &mut Vec<Loaded<Scenario>>,
    mut pending: Vec<Loaded<WhatIf>>,
    problems: &mut Problems,
) {
    loop {
        let before = pending.len();
        let mut waiting = Vec::new();
        for whatif in pending {
            match scenarios
                .iter()
                .find(|s| s.value.id == whatif.value.extends)
            {
                Some(base) => {
                    let value = whatif.value.materialise(&base.value);
                    scenarios.push(Loaded {
                        file: whatif.file,
                        value,
                    });
                }
                None => waiting.push(whatif),
            }
        }
        pending = waiting;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    // What is left extends nothing known, or extends itself through others.
    let pending_ids: Vec<String> = pending.iter().map(|w| w.value.id.clone()).collect();
    for whatif in pending {
        let target = &whatif.value.extends;
        let cyclic = pending_ids.contains(target);
        let problem = if cyclic {
            Problem::Other(format!(
                "`{}` extends itself through `{target}`: what-ifs form a cycle",
                whatif.value.id
            ))
        } else {
            Problem::UnknownScenario(target.clone())
        };
        let help = if cyclic {
            "make `extends` name a scenario that does not, in turn, extend this what-if".to_string()
        } else {
            suggest::did_you_mean(target, scenarios.iter().map(|s| s.value.id.as_str()))
        };
        problems.scenarios.push(ScenarioProblems {
            path: whatif.file.path.clone(),
            id: Some(whatif.value.id.clone()),
            reports: vec![miette::Report::new(ValidationError {
                problem,
                src: whatif.file.named(),
                span: whatif.file.locate_field("extends", target),
                label: "the scenario this what-if extends".into(),
                help: Some(help),
            })],
        });
    }
}

fn into_reports<E: miette::Diagnostic + Send + Sync + 'static>(
    errors: Vec<E>,
) -> Vec<miette::Report> {
    errors.into_iter().map(miette::Report::new).collect()
}

/// Rule packs as a command uses them, and, when an overlay was applied, the packs before it.
pub struct Rules {
    pub packs: Result<BTreeMap<String, Pack>, Vec<miette::Report>>,
    pub base: Option<BTreeMap<String, Pack>>,
}

/// The packs in `files` under `root`; when `root` holds an overlay, that overlay applied to the
/// packs in `builtin`.
pub fn load_rules(files: &FileSet, root: &str, builtin: &FileSet) -> Rules {
    let root = root.trim_end_matches('/');
    if !crate::overlay::is_overlay(files, root) {
        return Rules {
            packs: load_packs(files, root),
            base: None,
        };
    }
    let base = match load_packs(builtin, "rules") {
        Ok(base) => base,
        Err(reports) => {
            return Rules {
                packs: Err(reports),
                base: None,
            };
        }
    };
    let packs = crate::overlay::load(files, root)
        .map_err(into_reports)
        .and_then(|raw| {
            let treaty = raw.manifest.value.extends.clone();
            crate::overlay::apply(&base, raw).map(|pack| {
                let mut packs = base.clone();
                packs.insert(treaty, pack);
                packs
            })
        });
    Rules {
        packs,
        base: Some(base),
    }
}
