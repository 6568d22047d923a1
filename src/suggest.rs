//! "Did you mean" hints from edit distance, shared by every stage that names user input.

/// The closest candidate to `found`, if one is near enough to be a likely typo.
pub fn closest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (found.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| {
            (
                strsim::levenshtein(&found.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(distance, _)| *distance <= limit)
        .collect();
    near.sort();
    match near.as_slice() {
        // A tie is no hint: better to list what is allowed than to guess.
        [(best, _), (second, _), ..] if best == second => None,
        [(_, c), ..] => Some(c),
        [] => None,
    }
}

/// A help line: "did you mean `x`?" when something is close, else the list of what is allowed.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match closest(found, candidates.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<String> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
            if all.is_empty() {
                "none is declared".to_string()
            } else if all.len() > 12 {
                format!(
                    "expected one of {}, …",
                    all.iter().take(12).cloned().collect::<Vec<_>>().join(", ")
                )
            } else {
                format!("expected one of {}", all.join(", "))
            }
        }
    }
}
