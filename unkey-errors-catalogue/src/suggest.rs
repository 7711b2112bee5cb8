//! "Did you mean" hints: the known names closest to a misspelled one.

/// How many suggestions a hint offers at most.
const MAX_SUGGESTIONS: usize = 3;

/// The candidates close enough to `input` to be a plausible misspelling of it, best first.
///
/// Closeness is the optimal-string-alignment distance (Levenshtein, plus a swap of two
/// neighbours as one edit), which needs no allocation per pair, unlike full Damerau-Levenshtein.
/// A candidate is plausible when the distance is at most a third of the longer string's length,
/// and at least 1 edit is allowed; so `titel` suggests `title`, while `x` suggests nothing.
/// Candidates more than twice as far as the best one are dropped, so one clear winner is not
/// buried among names that merely share a long prefix (as all codes of a category do).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let allowed = (input.len().max(candidate.len()) / 3).max(1);
            // The distance is at least the difference in length; skip the quadratic work then.
            if input.len().abs_diff(candidate.len()) > allowed {
                return None;
            }
            let distance = strsim::osa_distance(input, candidate);
            (distance > 0 && distance <= allowed).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored.dedup_by_key(|(_, candidate)| *candidate);
    let best = scored.first().map_or(0, |&(distance, _)| distance);
    scored
        .into_iter()
        .take_while(|&(distance, _)| distance <= 2 * best)
        .take(MAX_SUGGESTIONS)
        .map(|(_, candidate)| candidate)
        .collect()
}

/// `did you mean `a`?` or `did you mean `a`, `b` or `c`?`, or `None` without suggestions.
pub fn did_you_mean(suggestions: &[&str]) -> Option<String> {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [init @ .., last] => Some(format!("did you mean {} or {last}?", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_plausible_names_only() {
        let fields = ["status", "title", "description", "detail"];
        assert_eq!(closest("titel", fields), ["title"]);
        assert_eq!(closest("detial", fields), ["detail"]);
        assert!(closest("xyz", fields).is_empty());
        assert!(
            closest("title", fields).is_empty(),
            "an exact match is no suggestion"
        );
    }

    #[test]
    fn drops_names_much_further_than_the_best() {
        let codes = [
            "err:a:auth:forbidden",
            "err:a:auth:key_disabled",
            "err:a:auth:disabled",
        ];
        assert_eq!(
            closest("err:a:auth:forbiden", codes),
            ["err:a:auth:forbidden"]
        );
    }

    #[test]
    fn orders_by_distance_and_caps_the_count() {
        let codes = [
            "err:a:b:cat",
            "err:a:b:car",
            "err:a:b:cap",
            "err:a:b:cab",
            "err:a:b:ca",
        ];
        let found = closest("err:a:b:cat_", codes);
        assert_eq!(found.len(), MAX_SUGGESTIONS);
        assert_eq!(found[0], "err:a:b:cat");
    }

    #[test]
    fn phrases_the_hint() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(did_you_mean(&["a"]).unwrap(), "did you mean `a`?");
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).unwrap(),
            "did you mean `a`, `b` or `c`?"
        );
    }
}
