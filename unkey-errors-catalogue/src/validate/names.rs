//! The Rust names codes become: no two codes may share a variant.

use super::*;

/// The public associated constants of the generated `Code`, which a variant of the same name
/// would hide (variants are CamelCase without `_`, so only these two can collide), with what
/// each is.
const ASSOCIATED: [(&str, &str); 2] = [
    ("ALL", "the list of every code"),
    ("DOMAIN", "the catalogue's error domain"),
];

/// Two codes must not produce the same Rust variant name (`a_b:c` and `a:b_c` both give `ABC`).
pub(super) fn check_variant_names(
    entries: &[Entry],
    outline: &Outline,
    errors_place: Place,
    report: &mut Report<'_>,
) {
    let mut names: HashMap<String, &Entry> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let name = entry.variant_name();
        if let Some((_, what)) = ASSOCIATED.iter().find(|(item, _)| *item == name) {
            report.error(
                outline.key(errors_place, entry.code.as_str(), 0).key,
                format!(
                    "`{}` becomes the Rust variant `{name}`, which would hide `Code::{name}`, {what}",
                    entry.code
                ),
                Some("rename one of its parts".to_owned()),
            );
        }
        if let Some(first) = names.insert(name, entry) {
            let at = outline.key(errors_place, entry.code.as_str(), 0).key;
            report.error(
                at,
                format!(
                    "`{}` and `{}` both become the Rust variant `{}`",
                    first.code,
                    entry.code,
                    entry.variant_name()
                ),
                Some("rename one of the two codes so their parts differ by more than where `_` and `:` stand".to_owned()),
            );
        }
    }
}
