//! The `#[unkey(…)]` attributes: `code` and `detail` on a variant or struct, `errors` on a field.

use syn::{Attribute, LitStr};

use super::Errors;

/// What a variant's (or a struct's) `#[unkey(…)]` says.
#[derive(Default)]
pub(crate) struct Attrs<'a> {
    /// The first `#[unkey]` attribute, to span "missing code" errors on.
    pub(crate) attribute: Option<&'a Attribute>,
    /// `code = "err:…"`.
    pub(crate) code: Option<LitStr>,
    /// `detail = "The API {api_id} was not found."`.
    pub(crate) detail: Option<LitStr>,
    /// The attribute had an error of its own, already reported: a missing `code` is then most
    /// likely that error's consequence, not a second mistake.
    pub(crate) malformed: bool,
}

const ITEM_KEYS: &[&str] = &["code", "detail"];

pub(crate) fn item_attrs<'a>(attrs: &'a [Attribute], errors: &mut Errors) -> Attrs<'a> {
    let mut found = Attrs::default();
    for attribute in attrs.iter().filter(|a| a.path().is_ident("unkey")) {
        if found.attribute.is_some() {
            errors.spanned(
                attribute,
                "duplicate `#[unkey(…)]` attribute; put `code` and `detail` in one attribute",
            );
            continue;
        }
        found.attribute = Some(attribute);
        let parsed = attribute.parse_nested_meta(|meta| {
            let slot = if meta.path.is_ident("code") {
                &mut found.code
            } else if meta.path.is_ident("detail") {
                &mut found.detail
            } else {
                unknown_key(&meta.path, ITEM_KEYS, errors);
                found.malformed = true;
                // Skip the value, if any, so the rest of the attribute is still read.
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
                return Ok(());
            };
            let value: LitStr = meta.value()?.parse()?;
            if slot.is_some() {
                errors.spanned(
                    &meta.path,
                    format_args!(
                        "duplicate `{}`",
                        meta.path
                            .get_ident()
                            .map_or_else(String::new, ToString::to_string)
                    ),
                );
            } else {
                *slot = Some(value);
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
            found.malformed = true;
        }
    }
    found
}

/// Whether a field is marked `#[unkey(errors)]`: it holds the request's validation errors.
pub(crate) fn field_is_errors_list(attrs: &[Attribute], errors: &mut Errors) -> bool {
    let mut marked = false;
    for attribute in attrs.iter().filter(|a| a.path().is_ident("unkey")) {
        let parsed = attribute.parse_nested_meta(|meta| {
            if meta.path.is_ident("errors") {
                if marked {
                    errors.spanned(&meta.path, "duplicate `errors`");
                }
                marked = true;
            } else {
                unknown_key(&meta.path, &["errors"], errors);
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    marked
}

fn unknown_key(path: &syn::Path, known: &[&str], errors: &mut Errors) {
    let name = path
        .get_ident()
        .map_or_else(String::new, ToString::to_string);
    let expected = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    let hint = unkey_errors_catalogue::did_you_mean(&unkey_errors_catalogue::closest(
        &name,
        known.iter().copied(),
    ));
    let message = match hint {
        Some(hint) => format!("unknown key `{name}` in `#[unkey(…)]`; {hint}"),
        None => format!("unknown key `{name}` in `#[unkey(…)]`; expected {expected}"),
    };
    errors.spanned(path, message);
}
