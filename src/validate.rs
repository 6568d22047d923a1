//! Validate stage: checks that a pack's files and each scenario agree with each other
//! (declared facts, states, sources, types, ids, dates), collecting every problem.

pub mod error;

use std::collections::{BTreeMap, BTreeSet};

pub use error::{Problem, ValidationError};

use crate::load::{Loaded, RawPack};
use crate::model::{
    Bearer, Condition, FactDecl, FactType, Scenario, Source, Term, Validity, Value,
};
use crate::source::SourceFile;
use crate::suggest;

/// A rule pack whose files have been checked against each other.
#[derive(Debug, Clone)]
pub struct Pack {
    pub files: RawPack,
}

impl Pack {
    pub fn id(&self) -> &str {
        &self.files.manifest.value.id
    }
}

/// Collects problems with their locations.
struct Checker<'a> {
    file: &'a SourceFile,
    errors: &'a mut Vec<ValidationError>,
}

impl Checker<'_> {
    fn report(&mut self, problem: Problem, token: &str, label: &str, help: Option<String>) {
        self.report_at(problem, None, token, label, help);
    }

    /// Reports a problem at `token`, searching after `anchor` so the caret lands in the right item.
    fn report_at(
        &mut self,
        problem: Problem,
        anchor: Option<&str>,
        token: &str,
        label: &str,
        help: Option<String>,
    ) {
        let span = match anchor {
            Some(anchor) => self.file.locate_after(anchor, token),
            None => self.file.locate(token),
        };
        self.errors.push(ValidationError {
            problem,
            src: self.file.named(),
            span,
            label: label.to_string(),
            help,
        });
    }

    fn sources<'s>(
        &mut self,
        anchor: Option<&str>,
        cited: impl IntoIterator<Item = &'s String>,
        bibliography: &BTreeMap<String, Source>,
    ) {
        for id in cited {
            if !bibliography.contains_key(id) {
                let help = suggest::did_you_mean(id, bibliography.keys().map(String::as_str));
                self.report_at(
                    Problem::UnknownSource(id.clone()),
                    anchor,
                    id,
                    "not in the bibliography",
                    Some(format!("{help} (sources are declared in the bibliography)")),
                );
            }
        }
    }

    /// Every statement in a scenario must cite at least one bibliography entry.
    fn cited(&mut self, what: &str, token: &str, sources: &[String]) {
        if sources.is_empty() {
            self.report(
                Problem::Unsourced(what.to_string()),
                token,
                "no source",
                Some("add the bibliography ids of the sources that support it to `sources`".into()),
            );
        }
    }

    fn state(&mut self, anchor: Option<&str>, code: &str, states: &BTreeMap<String, String>) {
        if !states.contains_key(code) {
            self.report_at(
                Problem::UnknownState(code.to_string()),
                anchor,
                code,
                "not in the pack's states",
                Some(suggest::did_you_mean(
                    code,
                    states.keys().map(String::as_str),
                )),
            );
        }
    }

    fn validity(&mut self, id: &str, valid: &Validity) {
        if let (true, Some(to)) = (valid.is_empty(), valid.to) {
            self.report(
                Problem::EmptyValidity {
                    id: id.to_string(),
                    from: valid.from.to_string(),
                    to: to.to_string(),
                },
                id,
                "this version can never apply",
                Some("`to` is exclusive: make it later than `from`, or remove it if the text is still in force".to_string()),
            );
        }
    }
}

/// The type of a term as far as the checker can tell.
#[derive(Debug, Clone, PartialEq)]
enum TermType<'a> {
    Bool,
    /// An enum fact, with its allowed values.
    EnumFact(&'a str, &'a [String]),
    EnumLiteral(&'a str),
    Date,
    State,
    Number,
    Unknown,
}

impl TermType<'_> {
    fn name(&self) -> String {
        match self {
            TermType::Bool => "a bool".into(),
            TermType::EnumFact(fact, _) => format!("enum fact `{fact}`"),
            TermType::EnumLiteral(value) => format!("enum value `{value}`"),
            TermType::Date => "a date".into(),
            TermType::State => "a state".into(),
            TermType::Number => "a number".into(),
            TermType::Unknown => "an unknown value".into(),
        }
    }
}

struct ConditionChecker<'p, 'c, 'e> {
    check: &'c mut Checker<'e>,
    anchor: &'p str,
    vocabulary: &'p BTreeMap<String, FactDecl>,
    states: &'p BTreeMap<String, String>,
    statuses: Vec<&'p str>,
}

impl<'p> ConditionChecker<'p, '_, '_> {
    fn fact(&mut self, name: &'p str) -> Option<&'p FactDecl> {
        let found = self.vocabulary.get(name);
        if found.is_none() {
            let help = suggest::did_you_mean(name, self.vocabulary.keys().map(String::as_str));
            self.check.report_at(
                Problem::UnknownFact(name.to_string()),
                Some(self.anchor),
                name,
                "not declared in vocabulary.ron",
                Some(help),
            );
        }
        found
    }

    fn term(&mut self, term: &'p Term) -> TermType<'p> {
        match term {
            Term::Fact(name) => match self.fact(name).map(|d| &d.kind) {
                Some(FactType::Bool) => TermType::Bool,
                Some(FactType::Enum(values)) => TermType::EnumFact(name, values),
                Some(FactType::Date) => TermType::Date,
                Some(FactType::State) => TermType::State,
                Some(FactType::Number) => TermType::Number,
                None => TermType::Unknown,
            },
            Term::Bool(_) => TermType::Bool,
            Term::Enum(value) => TermType::EnumLiteral(value),
            Term::State(code) => {
                self.check.state(Some(self.anchor), code, self.states);
                TermType::State
            }
            Term::Date(_) | Term::ScenarioDate => TermType::Date,
            Term::Number(_) => TermType::Number,
            Term::DaysBetween(a, b) => {
                for side in [a, b] {
                    let found = self.term(side);
                    if !matches!(found, TermType::Date | TermType::Unknown) {
                        self.mismatch(&found, &TermType::Date, side);
                    }
                }
                TermType::Number
            }
        }
    }

    fn mismatch(&mut self, left: &TermType, right: &TermType, at: &Term) {
        let token = term_token(at);
        self.check.report_at(
            Problem::TypeMismatch {
                left: left.name(),
                right: right.name(),
            },
            Some(self.anchor),
            &token,
            "wrong type here",
            None,
        );
    }

    fn compatible(&mut self, left: &TermType<'p>, right: &TermType<'p>, at: &Term) {
        use TermType as T;
        match (left, right) {
            (T::Unknown, _) | (_, T::Unknown) => {}
            (T::EnumFact(fact, values), T::EnumLiteral(value))
            | (T::EnumLiteral(value), T::EnumFact(fact, values)) => {
                if !values.iter().any(|v| v == value) {
                    self.check.report_at(
                        Problem::UnknownEnumValue {
                            fact: fact.to_string(),
                            value: value.to_string(),
                        },
                        Some(self.anchor),
                        value,
                        "not one of the declared values",
                        Some(suggest::did_you_mean(
                            value,
                            values.iter().map(String::as_str),
                        )),
                    );
                }
            }
            (T::EnumFact(a, _), T::EnumFact(b, _)) if a == b => {}
            (a, b) if std::mem::discriminant(a) == std::mem::discriminant(b) => {
                if matches!(a, T::EnumFact(..)) {
                    self.mismatch(left, right, at);
                }
            }
            _ => self.mismatch(left, right, at),
        }
    }

    fn ordered(&mut self, a: &'p Term, b: &'p Term) {
        let left = self.term(a);
        let right = self.term(b);
        for (side, found) in [(a, &left), (b, &right)] {
            if !matches!(found, TermType::Date | TermType::Number | TermType::Unknown) {
                self.mismatch(found, &TermType::Number, side);
            }
        }
        self.compatible(&left, &right, b);
    }

    fn state_term(&mut self, term: &'p Term) {
        let found = self.term(term);
        if !matches!(found, TermType::State | TermType::Unknown) {
            self.mismatch(&found, &TermType::State, term);
        }
    }

    fn condition(&mut self, condition: &'p Condition) {
        match condition {
            Condition::Always => {}
            Condition::All(items) | Condition::Any(items) => {
                items.iter().for_each(|c| self.condition(c));
            }
            Condition::Not(inner) => self.condition(inner),
            Condition::Fact(name) => {
                if let Some(decl) = self.fact(name) {
                    if decl.kind != FactType::Bool {
                        self.check.report_at(
                            Problem::TypeMismatch {
                                left: format!("fact `{name}` ({})", decl.kind.name()),
                                right: "true".into(),
                            },
                            Some(self.anchor),
                            name,
                            "only a bool fact can stand alone as a condition",
                            Some(format!("compare it instead: `Equals(Fact(\"{name}\"), …)`")),
                        );
                    }
                }
            }
            Condition::Equals(a, b) => {
                let left = self.term(a);
                let right = self.term(b);
                self.compatible(&left, &right, b);
            }
            Condition::In(a, options) => {
                let left = self.term(a);
                for option in options {
                    let right = self.term(option);
                    self.compatible(&left, &right, option);
                }
            }
            Condition::Less(a, b)
            | Condition::AtMost(a, b)
            | Condition::Greater(a, b)
            | Condition::AtLeast(a, b) => self.ordered(a, b),
            Condition::IsMember(term) => self.state_term(term),
            Condition::HasStatus(term, statuses) => {
                self.state_term(term);
                for status in statuses {
                    if !self.statuses.contains(&status.as_str()) {
                        let help = suggest::did_you_mean(status, self.statuses.iter().copied());
                        self.check.report_at(
                            Problem::UnknownStatus(status.clone()),
                            Some(self.anchor),
                            status,
                            "not declared in parties.ron",
                            Some(help),
                        );
                    }
                }
            }
        }
    }
}

fn term_token(term: &Term) -> String {
    match term {
        Term::Fact(name) => name.clone(),
        Term::Enum(value) | Term::State(value) => value.clone(),
        Term::Date(day) => day.to_string(),
        Term::DaysBetween(a, _) => term_token(a),
        other => other.to_string(),
    }
}

/// Checks one pack's files against each other.
pub fn validate_pack(raw: RawPack) -> Result<Pack, Vec<ValidationError>> {
    let mut errors = Vec::new();
    let sources = &raw.sources.value;
    let states = &raw.states.value;
    let vocabulary = &raw.vocabulary.value;
    let parties = &raw.parties.value;
    let actions = &raw.actions.value;
    let decisions = &raw.decisions.value;

    {
        let mut check = Checker {
            file: &raw.manifest.file,
            errors: &mut errors,
        };
        check.sources(None, &raw.manifest.value.sources, sources);
    }
    {
        let mut check = Checker {
            file: &raw.states.file,
            errors: &mut errors,
        };
        for code in states.keys() {
            if !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
                check.report(
                    Problem::BadStateCode(code.clone()),
                    code,
                    "here",
                    Some("states are named by ISO 3166-1 alpha-3 codes, such as `ARM`".into()),
                );
            }
        }
    }
    {
        let mut check = Checker {
            file: &raw.vocabulary.file,
            errors: &mut errors,
        };
        for (name, decl) in vocabulary {
            if let Some(default) = &decl.default {
                let enum_ok = match (&decl.kind, default) {
                    (FactType::Enum(values), Value::Enum(v)) => values.contains(v),
                    _ => true,
                };
                if !decl.kind.admits(default) || !enum_ok {
                    check.report(
                        Problem::WrongType {
                            fact: name.clone(),
                            expected: decl.kind.name().into(),
                            found: format!("default `{default}`"),
                        },
                        name,
                        "the default does not fit the declared type",
                        Some(format!(
                            "write the default as `{}`",
                            example_value(&decl.kind)
                        )),
                    );
                }
            }
            if matches!(&decl.kind, FactType::Enum(values) if values.is_empty()) {
                check.report(
                    Problem::Other(format!("enum fact `{name}` declares no values")),
                    name,
                    "empty enum",
                    Some("list the values, such as `Enum([\"a\", \"b\"])`".into()),
                );
            }
        }
    }
    {
        let mut check = Checker {
            file: &raw.parties.file,
            errors: &mut errors,
        };
        let statuses: Vec<&str> = parties.statuses.keys().map(String::as_str).collect();
        for event in &parties.events {
            if !parties.statuses.contains_key(&event.status) {
                check.report(
                    Problem::UnknownStatus(event.status.clone()),
                    &event.status,
                    "not declared under `statuses`",
                    Some(suggest::did_you_mean(
                        &event.status,
                        statuses.iter().copied(),
                    )),
                );
            }
            for state in &event.states {
                check.state(None, state, states);
            }
            check.sources(Some(&event.event), &event.sources, sources);
            for alternative in &event.alternatives {
                check.sources(Some(&event.event), &alternative.sources, sources);
            }
        }
    }
    {
        let mut check = Checker {
            file: &raw.actions.file,
            errors: &mut errors,
        };
        for (kind, action) in &actions.kinds {
            for content in action.performs.keys() {
                if !actions.contents.contains_key(content) {
                    check.report_at(
                        Problem::UnknownContent(content.clone()),
                        Some(kind),
                        content,
                        "not declared under `contents`",
                        Some(suggest::did_you_mean(
                            content,
                            actions.contents.keys().map(String::as_str),
                        )),
                    );
                }
            }
        }
    }
    {
        let mut check = Checker {
            file: &raw.decisions.file,
            errors: &mut errors,
        };
        for body in decisions.bodies.values() {
            check.sources(None, &body.sources, sources);
        }
        let mut seen = BTreeSet::new();
        for rule in &decisions.rules {
            check.file = rule.origin.as_ref().unwrap_or(&raw.decisions.file);
            if !seen.insert(rule.id.as_str()) {
                check.report_at(
                    Problem::DuplicateId {
                        kind: "decision rule",
                        id: rule.id.clone(),
                    },
                    None,
                    &rule.id,
                    "first defined here",
                    Some("give each rule its own id".into()),
                );
            }
            for body in &rule.bodies {
                if !decisions.bodies.contains_key(body) {
                    check.report_at(
                        Problem::UnknownBody(body.clone()),
                        Some(&rule.id),
                        body,
                        "not declared under `bodies`",
                        Some(suggest::did_you_mean(
                            body,
                            decisions.bodies.keys().map(String::as_str),
                        )),
                    );
                }
            }
            // Two rules for one body on one day would make the outcome depend on file order.
            for other in decisions
                .rules
                .iter()
                .take_while(|r| !std::ptr::eq(*r, rule))
            {
                let shared = rule.bodies.iter().any(|b| other.bodies.contains(b));
                let later_start = rule.valid.from.max(other.valid.from);
                if shared && rule.valid.contains(later_start) && other.valid.contains(later_start) {
                    check.report(
                        Problem::OverlappingRules {
                            first: other.id.clone(),
                            second: rule.id.clone(),
                            day: later_start.to_string(),
                        },
                        &rule.id,
                        "overlaps an earlier rule",
                        Some(
                            "end the earlier rule (`to`, exclusive) on the day this one starts"
                                .into(),
                        ),
                    );
                }
            }
            check.validity(&rule.id, &rule.valid);
            check.sources(Some(&rule.id), &rule.sources, sources);
        }
    }

    if let Some(reference) = &raw.reference {
        let mut check = Checker {
            file: &reference.file,
            errors: &mut errors,
        };
        for figure in &reference.value {
            check.sources(None, &figure.sources, sources);
        }
    }
    let statuses: Vec<&str> = parties.statuses.keys().map(String::as_str).collect();
    let mut clause_ids: BTreeMap<&str, &SourceFile> = BTreeMap::new();
    let mut article_ids = BTreeSet::new();
    for article in &raw.articles {
        let file = &article.file;
        let mut check = Checker {
            file,
            errors: &mut errors,
        };
        if !article_ids.insert(article.value.id.as_str()) {
            check.report(
                Problem::DuplicateId {
                    kind: "article",
                    id: article.value.id.clone(),
                },
                &article.value.id,
                "already defined in another clause file",
                None,
            );
        }
        for clause in &article.value.clauses {
            // A clause from an overlay is located in the overlay's file.
            let clause_file: &SourceFile = clause.origin.as_ref().unwrap_or(file);
            check.file = clause_file;
            if clause_ids.insert(clause.id.as_str(), clause_file).is_some() {
                let nth = usize::from(check.file.find_quoted(&clause.id, 1).is_some());
                let span = check
                    .file
                    .find_quoted(&clause.id, nth)
                    .unwrap_or_else(|| check.file.locate(&clause.id));
                check.errors.push(ValidationError {
                    problem: Problem::DuplicateId {
                        kind: "clause id",
                        id: clause.id.clone(),
                    },
                    src: check.file.named(),
                    span,
                    label: "defined again here".into(),
                    help: Some(
                        "clause ids must be unique across the pack; give this version its own id"
                            .into(),
                    ),
                });
            }
            check.validity(&clause.id, &clause.valid);
            check.sources(Some(&clause.id), &clause.text_sources, sources);
            for note in &clause.notes {
                check.sources(Some(&clause.id), &note.sources, sources);
            }
            let mut conditions = ConditionChecker {
                check: &mut check,
                anchor: &clause.id,
                vocabulary,
                states,
                statuses: statuses.clone(),
            };
            conditions.condition(&clause.condition);
            let mut duty_ids = BTreeSet::new();
            for duty in &clause.duties {
                if !duty_ids.insert(duty.id.as_str()) {
                    conditions.check.report_at(
                        Problem::DuplicateId {
                            kind: "duty",
                            id: duty.id.clone(),
                        },
                        Some(&clause.id),
                        &duty.id,
                        "duty ids are unique within a clause",
                        None,
                    );
                }
                match &duty.bearer {
                    Bearer::AllMembers => {}
                    Bearer::EachMemberExcept(term) | Bearer::State(term) => {
                        conditions.state_term(term)
                    }
                    Bearer::Body(body) => {
                        if !decisions.bodies.contains_key(body) {
                            conditions.check.report_at(
                                Problem::UnknownBody(body.clone()),
                                Some(&clause.id),
                                body,
                                "not declared in decision.ron",
                                Some(suggest::did_you_mean(
                                    body,
                                    decisions.bodies.keys().map(String::as_str),
                                )),
                            );
                        }
                    }
                }
                if !actions.contents.contains_key(&duty.content) {
                    conditions.check.report_at(
                        Problem::UnknownContent(duty.content.clone()),
                        Some(&clause.id),
                        &duty.content,
                        "not declared in actions.ron",
                        Some(suggest::did_you_mean(
                            &duty.content,
                            actions.contents.keys().map(String::as_str),
                        )),
                    );
                }
                if let Some(timing) = &duty.timing {
                    let timings = &raw.manifest.value.timings;
                    if !timings.contains_key(&timing.within) {
                        conditions.check.report_at(
                            Problem::UnknownTiming(timing.within.clone()),
                            Some(&clause.id),
                            &timing.within,
                            "not declared in pack.ron",
                            Some(suggest::did_you_mean(
                                &timing.within,
                                timings.keys().map(String::as_str),
                            )),
                        );
                    }
                    if let Some(from) = &timing.from {
                        let found = conditions.term(from);
                        if !matches!(found, TermType::Date | TermType::Unknown) {
                            conditions.mismatch(&found, &TermType::Date, from);
                        }
                    }
                }
            }
        }
        // Versions of one article must not both apply on a day, or the date would not select one.
        for (index, first) in article.value.clauses.iter().enumerate() {
            for second in article.value.clauses.iter().skip(index + 1) {
                check.file = second.origin.as_ref().unwrap_or(file);
                if first.paragraph != second.paragraph {
                    continue;
                }
                let later_start = first.valid.from.max(second.valid.from);
                if first.valid.contains(later_start) && second.valid.contains(later_start) {
                    check.report(
                        Problem::OverlappingVersions {
                            article: article.value.id.clone(),
                            first: first.id.clone(),
                            second: second.id.clone(),
                            day: later_start.to_string(),
                        },
                        &second.id,
                        "overlaps an earlier version",
                        Some("end the earlier version (`to`, exclusive) on the day the later one starts, or give the clauses different `paragraph`s if they are separate provisions".into()),
                    );
                }
            }
        }
    }
    check_overrides(&raw, &clause_ids, &mut errors);

    if errors.is_empty() {
        Ok(Pack { files: raw })
    } else {
        Err(errors)
    }
}

fn check_overrides(
    raw: &RawPack,
    clause_ids: &BTreeMap<&str, &SourceFile>,
    errors: &mut Vec<ValidationError>,
) {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for article in &raw.articles {
        let mut check = Checker {
            file: &article.file,
            errors,
        };
        for clause in &article.value.clauses {
            check.file = clause.origin.as_ref().unwrap_or(&article.file);
            for target in &clause.overrides {
                if clause_ids.contains_key(target.as_str()) {
                    graph.entry(clause.id.as_str()).or_default().push(target);
                } else {
                    check.report_at(
                        Problem::UnknownClause(target.clone()),
                        Some(&clause.id),
                        target,
                        "no clause has this id",
                        Some(suggest::did_you_mean(target, clause_ids.keys().copied())),
                    );
                }
            }
        }
    }
    // Depth-first search for a path that returns to its start.
    for start in graph.keys().copied() {
        let mut stack = vec![(start, vec![start])];
        let mut visited = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(node).into_iter().flatten().copied() {
                if next == start {
                    let cycle = path
                        .iter()
                        .chain([&start])
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    if let Some(file) = clause_ids.get(start) {
                        let mut check = Checker { file, errors };
                        check.report(
                            Problem::OverrideCycle(cycle),
                            start,
                            "this clause overrides itself through others",
                            Some("an exception must not, through others, override the clause it is an exception to".into()),
                        );
                    }
                    return;
                }
                if visited.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
    }
}

/// Checks a scenario against its pack.
pub fn validate_scenario(
    pack: &Pack,
    loaded: &Loaded<Scenario>,
    errors: &mut Vec<ValidationError>,
) {
    let scenario = &loaded.value;
    let mut check = Checker {
        file: &loaded.file,
        errors,
    };
    let files = &pack.files;
    let states = &files.states.value;
    let vocabulary = &files.vocabulary.value;
    let bibliography = &scenario.bibliography;
    let bodies = &files.decisions.value.bodies;
    let articles: Vec<&str> = files.articles.iter().map(|a| a.value.id.as_str()).collect();

    for party in &scenario.parties {
        check.state(None, party, states);
    }
    let fact_set = |check: &mut Checker,
                    anchor: Option<&str>,
                    facts: &BTreeMap<String, crate::model::FactValue>| {
        for (name, fact) in facts {
            check.cited(&format!("fact `{name}`"), name, &fact.sources);
            check.sources(Some(name), &fact.sources, bibliography);
            let Some(decl) = vocabulary.get(name) else {
                check.report_at(
                    Problem::UnknownFact(name.clone()),
                    anchor,
                    name,
                    "not declared in the pack's vocabulary",
                    Some(suggest::did_you_mean(
                        name,
                        vocabulary.keys().map(String::as_str),
                    )),
                );
                continue;
            };
            let type_ok = decl.kind.admits(&fact.value);
            match (&decl.kind, &fact.value) {
                (FactType::State, Value::State(code)) => check.state(Some(name), code, states),
                (FactType::Enum(values), Value::Enum(value)) if !values.contains(value) => {
                    check.report_at(
                        Problem::UnknownEnumValue {
                            fact: name.clone(),
                            value: value.clone(),
                        },
                        Some(name),
                        value,
                        "not one of the declared values",
                        Some(suggest::did_you_mean(
                            value,
                            values.iter().map(String::as_str),
                        )),
                    );
                }
                _ => {}
            }
            if !type_ok {
                check.report_at(
                    Problem::WrongType {
                        fact: name.clone(),
                        expected: decl.kind.name().into(),
                        found: fact.value.type_name().into(),
                    },
                    anchor,
                    name,
                    "value of the wrong type",
                    Some(format!(
                        "write the value as `{}`",
                        example_value(&decl.kind)
                    )),
                );
            }
        }
    };
    fact_set(&mut check, None, &scenario.facts);
    let mut reading_names = BTreeSet::new();
    for reading in &scenario.readings {
        if !reading_names.insert(reading.name.as_str()) {
            check.report_at(
                Problem::DuplicateId {
                    kind: "reading",
                    id: reading.name.clone(),
                },
                None,
                &reading.name,
                "first defined here",
                None,
            );
        }
        check.cited(
            &format!("reading `{}`", reading.name),
            &reading.name,
            &reading.sources,
        );
        check.sources(Some(&reading.name), &reading.sources, bibliography);
        fact_set(&mut check, Some(&reading.name), &reading.facts);
        for (decision, positions) in &reading.positions {
            if !scenario.decisions.iter().any(|d| &d.id == decision) {
                check.report_at(
                    Problem::UnknownDecision(decision.clone()),
                    Some(&reading.name),
                    decision,
                    "no decision of this scenario has this id",
                    Some(suggest::did_you_mean(
                        decision,
                        scenario.decisions.iter().map(|d| d.id.as_str()),
                    )),
                );
            }
            for state in positions.keys() {
                check.state(Some(&reading.name), state, states);
            }
        }
    }
    let is_actor = |id: &str| states.contains_key(id) || bodies.contains_key(id);
    let actor_names = || states.keys().chain(bodies.keys()).map(String::as_str);
    let mut ids = BTreeSet::new();
    let mut unique = |check: &mut Checker, kind: &'static str, id: &str| {
        if !ids.insert(id.to_string()) {
            let span = check
                .file
                .find_quoted(id, 1)
                .unwrap_or_else(|| check.file.locate(id));
            check.errors.push(ValidationError {
                problem: Problem::DuplicateId { kind, id: id.to_string() },
                src: check.file.named(),
                span,
                label: "defined again here".into(),
                help: Some("ids of requests, decisions, responses and figures are unique within a scenario".into()),
            });
        }
    };
    let cited_article = |check: &mut Checker, anchor: &str, cites: &Option<String>| {
        if let Some(article) = cites {
            if !articles.contains(&article.as_str()) {
                check.report_at(
                    Problem::UnknownArticle(article.clone()),
                    Some(anchor),
                    article,
                    "no clause file declares this article",
                    Some(suggest::did_you_mean(article, articles.iter().copied())),
                );
            }
        }
    };
    for request in &scenario.requests {
        unique(&mut check, "request", &request.id);
        check.state(Some(&request.id), &request.by, states);
        if !is_actor(&request.to) {
            check.report_at(
                Problem::UnknownActor(request.to.clone()),
                Some(&request.id),
                &request.to,
                "neither a state nor a body of the pack",
                Some(suggest::did_you_mean(&request.to, actor_names())),
            );
        }
        cited_article(&mut check, &request.id, &request.cites);
        check.cited(
            &format!("request `{}`", request.id),
            &request.id,
            &request.sources,
        );
        check.sources(Some(&request.id), &request.sources, bibliography);
    }
    for decision in &scenario.decisions {
        unique(&mut check, "decision", &decision.id);
        if !bodies.contains_key(&decision.body) {
            check.report_at(
                Problem::UnknownBody(decision.body.clone()),
                Some(&decision.id),
                &decision.body,
                "not declared in the pack's decision.ron",
                Some(suggest::did_you_mean(
                    &decision.body,
                    bodies.keys().map(String::as_str),
                )),
            );
        }
        for state in decision.positions.keys() {
            check.state(Some(&decision.id), state, states);
        }
        cited_article(&mut check, &decision.id, &decision.cites);
        check.cited(
            &format!("decision `{}`", decision.id),
            &decision.id,
            &decision.sources,
        );
        check.sources(Some(&decision.id), &decision.sources, bibliography);
    }
    for response in &scenario.responses {
        unique(&mut check, "response", &response.id);
        for actor in &response.actors {
            if !is_actor(actor) {
                check.report_at(
                    Problem::UnknownActor(actor.clone()),
                    Some(&response.id),
                    actor,
                    "neither a state nor a body of the pack",
                    Some(suggest::did_you_mean(actor, actor_names())),
                );
            }
        }
        let kinds = &files.actions.value.kinds;
        if !kinds.contains_key(&response.action) {
            check.report_at(
                Problem::UnknownAction(response.action.clone()),
                Some(&response.id),
                &response.action,
                "not declared in the pack's actions.ron",
                Some(suggest::did_you_mean(
                    &response.action,
                    kinds.keys().map(String::as_str),
                )),
            );
        }
        if let (Some(from), Some(to)) = (response.from, response.to) {
            if to < from {
                check.report_at(
                    Problem::InvertedDates {
                        what: response.id.clone(),
                        from: from.to_string(),
                        to: to.to_string(),
                    },
                    None,
                    &response.id,
                    "dates in the wrong order",
                    None,
                );
            }
        }
        check.cited(
            &format!("response `{}`", response.id),
            &response.id,
            &response.sources,
        );
        check.sources(Some(&response.id), &response.sources, bibliography);
        for amount in &response.size {
            check.cited(
                &format!("a size of response `{}`", response.id),
                &response.id,
                &amount.sources,
            );
            check.sources(Some(&response.id), &amount.sources, bibliography);
        }
    }
    for figure in &scenario.figures {
        unique(&mut check, "figure", &figure.id);
        for version in &figure.versions {
            check.cited(
                &format!("a version of figure `{}`", figure.id),
                &figure.id,
                &version.sources,
            );
            check.sources(Some(&figure.id), &version.sources, bibliography);
        }
    }
    let clause_duties: BTreeMap<&str, Vec<&str>> = files
        .articles
        .iter()
        .flat_map(|a| &a.value.clauses)
        .map(|c| {
            (
                c.id.as_str(),
                c.duties.iter().map(|d| d.id.as_str()).collect(),
            )
        })
        .collect();
    let readings: Vec<&str> = if scenario.readings.is_empty() {
        vec![crate::eval::DOCUMENTED_READING]
    } else {
        scenario.readings.iter().map(|r| r.name.as_str()).collect()
    };
    let decision_ids: Vec<&str> = scenario.decisions.iter().map(|d| d.id.as_str()).collect();
    let expected_clause = |check: &mut Checker, clause: &str| {
        if !clause_duties.contains_key(clause) {
            check.report_at(
                Problem::UnknownClause(clause.to_string()),
                Some("expectations"),
                clause,
                "no clause of the pack has this id",
                Some(suggest::did_you_mean(clause, clause_duties.keys().copied())),
            );
        }
    };
    let expected_actor = |check: &mut Checker, bearer: &str| {
        if !is_actor(bearer) {
            check.report_at(
                Problem::UnknownActor(bearer.to_string()),
                Some("expectations"),
                bearer,
                "neither a state nor a body of the pack",
                Some(suggest::did_you_mean(bearer, actor_names())),
            );
        }
    };
    for expectation in &scenario.expectations {
        for id in expectation.decisions.keys() {
            if !decision_ids.contains(&id.as_str()) {
                check.report_at(
                    Problem::UnknownDecision(id.clone()),
                    Some("expectations"),
                    id,
                    "no decision of this scenario has this id",
                    Some(suggest::did_you_mean(id, decision_ids.iter().copied())),
                );
            }
        }
        for (bearer, clauses) in &expectation.reasons {
            expected_actor(&mut check, bearer);
            for clause in clauses {
                expected_clause(&mut check, clause);
            }
        }
        if !readings.contains(&expectation.reading.as_str()) {
            check.report_at(
                Problem::UnknownReading(expectation.reading.clone()),
                Some("expectations"),
                &expectation.reading,
                "this scenario has no such reading",
                Some(suggest::did_you_mean(
                    &expectation.reading,
                    readings.iter().copied(),
                )),
            );
        }
        for clause in expectation.clauses.keys() {
            expected_clause(&mut check, clause);
        }
        for (bearer, duties) in &expectation.compliance {
            expected_actor(&mut check, bearer);
            for key in duties.keys() {
                let known = key.split_once('/').is_some_and(|(clause, duty)| {
                    clause_duties.get(clause).is_some_and(|d| d.contains(&duty))
                }) || key
                    .strip_prefix(crate::eval::NO_DUTY_PREFIX)
                    .is_some_and(|c| files.actions.value.contents.contains_key(c));
                if !known {
                    let all: Vec<String> = clause_duties
                        .iter()
                        .flat_map(|(c, ds)| ds.iter().map(move |d| format!("{c}/{d}")))
                        .collect();
                    check.report_at(
                        Problem::UnknownDuty(key.clone()),
                        Some("expectations"),
                        key,
                        "write `clause-id/duty-id`",
                        Some(suggest::did_you_mean(key, all.iter().map(String::as_str))),
                    );
                }
            }
        }
    }
}

fn example_value(kind: &FactType) -> String {
    match kind {
        FactType::Bool => "Bool(true)".into(),
        FactType::Enum(values) => {
            format!("Enum(\"{}\")", values.first().map_or("…", String::as_str))
        }
        FactType::Date => "Date(\"2022-01-05\")".into(),
        FactType::State => "State(\"ARM\")".into(),
        FactType::Number => "Number(100)".into(),
    }
}
