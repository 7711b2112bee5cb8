//! The `#[unkey(…)]` attributes: `catalogue`, `crate`, `surface` and `skip` on the type,
//! `code`, `detail` and `header` on a variant or struct, `errors` on a field.

use syn::parse::ParseStream;
use syn::{Attribute, LitStr};

use super::Errors;

/// What the type's own `#[unkey(…)]` says: where its codes and the runtime come from, the
/// surface it answers on, and the impls it writes itself.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    /// `catalogue = path::to::module`: the module where `catalogue!` was invoked.
    pub(crate) catalogue: Option<syn::Path>,
    /// `crate = path`: the `unkey-errors` crate, when the dependency is renamed.
    pub(crate) runtime: Option<syn::Path>,
    /// `surface = "gateway"`: the system that answers with the type's errors (default: the API).
    pub(crate) surface: Option<syn::Ident>,
    /// `skip(IntoResponse, IntoResponses, Status)`: the impls the derive leaves to the type.
    pub(crate) skip: Skip,
}

/// The impls a type writes itself, so the derive must not: `#[unkey(skip(…))]`.
#[derive(Default, Clone, Copy)]
pub(crate) struct Skip {
    /// `IntoResponse` (axum), written by hand.
    pub(crate) into_response: bool,
    /// `IntoResponses` (utoipa), written by hand.
    pub(crate) into_responses: bool,
    /// `From<Self> for tonic::Status` (tonic), written by hand.
    pub(crate) status: bool,
}

/// The impls `skip(…)` can name, as the traits are named.
const SKIPPABLE: [&str; 3] = ["IntoResponse", "IntoResponses", "Status"];

/// The values of `surface = "…"`, and the `unkey_errors::Surface` variant each names.
const SURFACES: [(&str, &str); 2] = [("api", "Api"), ("gateway", "Gateway")];

/// Which `#[unkey(…)]` attribute is being read, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// On an enum: `catalogue`, `crate`, `surface` and `skip`.
    Enum,
    /// On a variant: `code`, `detail` and `header`.
    Variant,
    /// On a struct, which is both the type and its one item: all seven keys.
    Struct,
}

/// The keys of an item (a variant, or a struct as its one item).
const ITEM_KEYS: [&str; 3] = ["code", "detail", "header"];

/// The keys of a type (an enum, or a struct as the type).
const CONTAINER_KEYS: [&str; 4] = ["catalogue", "crate", "surface", "skip"];

impl Site {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Site::Enum => &CONTAINER_KEYS,
            Site::Variant => &ITEM_KEYS,
            Site::Struct => &[
                "code",
                "detail",
                "header",
                "catalogue",
                "crate",
                "surface",
                "skip",
            ],
        }
    }

    fn allows(self, key: &str) -> bool {
        self.keys().contains(&key)
    }
}

/// What a variant's (or a struct's) `#[unkey(…)]` says.
#[derive(Default)]
pub(crate) struct Attrs<'a> {
    /// The first `#[unkey]` attribute, to span "missing code" errors on.
    pub(crate) attribute: Option<&'a Attribute>,
    /// `code = "err:…"`.
    pub(crate) code: Option<LitStr>,
    /// `detail = "The API {api_id} was not found."`.
    pub(crate) detail: Option<LitStr>,
    /// Each `header = "retry-after: {seconds}"`, in order.
    pub(crate) headers: Vec<LitStr>,
    /// The attribute had an error of its own, already reported: a missing `code` is then most
    /// likely that error's consequence, not a second mistake.
    pub(crate) malformed: bool,
}

/// Reads the `#[unkey(…)]` attribute of a type or variant at `site`. For an enum the item
/// attributes stay empty; for a variant the container attributes do.
pub(crate) fn read<'a>(
    attrs: &'a [Attribute],
    site: Site,
    errors: &mut Errors,
) -> (Attrs<'a>, ContainerAttrs) {
    let mut found = Attrs::default();
    let mut container = ContainerAttrs::default();
    for attribute in attrs.iter().filter(|a| a.path().is_ident("unkey")) {
        if found.attribute.is_some() {
            errors.spanned(
                attribute,
                format_args!(
                    "duplicate `#[unkey(…)]` attribute; put {} in one attribute",
                    listing(site.keys(), "and")
                ),
            );
            continue;
        }
        found.attribute = Some(attribute);
        let parsed = attribute.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map_or_else(String::new, ToString::to_string);
            if !site.allows(&key) {
                misplaced_or_unknown(&meta.path, &key, site, errors);
                found.malformed = true;
                // Skip the value, if any, so the rest of the attribute is still read.
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                } else if meta.input.peek(syn::token::Paren) {
                    let _group: proc_macro2::Group = meta.input.parse()?;
                }
                return Ok(());
            }
            match key.as_str() {
                "surface" => {
                    let value: LitStr = meta.value()?.parse()?;
                    read_surface(&meta.path, &value, &mut container, errors);
                }
                "catalogue" | "crate" => {
                    let path = path_value(meta.value()?)?;
                    let slot = if key == "catalogue" {
                        &mut container.catalogue
                    } else {
                        &mut container.runtime
                    };
                    if slot.is_some() {
                        errors.spanned(&meta.path, format_args!("duplicate `{key}`"));
                    } else {
                        *slot = Some(path);
                    }
                }
                "skip" => meta.parse_nested_meta(|inner| {
                    read_skip(&inner.path, &mut container.skip, errors);
                    Ok(())
                })?,
                "header" => found.headers.push(meta.value()?.parse()?),
                _ => {
                    let slot = if key == "code" {
                        &mut found.code
                    } else {
                        &mut found.detail
                    };
                    let value: LitStr = meta.value()?.parse()?;
                    if slot.is_some() {
                        errors.spanned(&meta.path, format_args!("duplicate `{key}`"));
                    } else {
                        *slot = Some(value);
                    }
                }
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
            found.malformed = true;
        }
    }
    (found, container)
}

/// The error for a key that does not belong at `site`: where it goes instead, or the keys
/// that do, with the closest suggested.
fn misplaced_or_unknown(path: &syn::Path, key: &str, site: Site, errors: &mut Errors) {
    if site == Site::Variant && CONTAINER_KEYS.contains(&key) {
        errors.spanned(
            path,
            format_args!("`{key}` goes on the enum, not on a variant: it applies to all of them"),
        );
    } else if site == Site::Enum && ITEM_KEYS.contains(&key) {
        errors.spanned(
            path,
            format_args!(
                "`{key}` goes on each variant of an enum, not on the enum itself; \
                 the enum takes {}",
                listing(&CONTAINER_KEYS, "and")
            ),
        );
    } else {
        unknown_key(path, site.keys(), errors);
    }
}

/// `surface = "api"` or `"gateway"`.
fn read_surface(
    key: &syn::Path,
    value: &LitStr,
    container: &mut ContainerAttrs,
    errors: &mut Errors,
) {
    let text = value.value();
    match SURFACES.iter().find(|(name, _)| *name == text) {
        _ if container.surface.is_some() => errors.spanned(key, "duplicate `surface`"),
        Some((_, variant)) => {
            container.surface = Some(syn::Ident::new(variant, value.span()));
        }
        None => {
            let names: Vec<&str> = SURFACES.iter().map(|(name, _)| *name).collect();
            let hint = unkey_errors_catalogue::did_you_mean(&unkey_errors_catalogue::closest(
                &text,
                names.iter().copied(),
            ));
            errors.spanned(
                value,
                format_args!(
                    "unknown surface `{text}`; {}",
                    hint.unwrap_or_else(|| format!("expected {}", listing(&names, "or")))
                ),
            );
        }
    }
}

/// One trait named in `skip(…)`.
fn read_skip(path: &syn::Path, skip: &mut Skip, errors: &mut Errors) {
    let name = path
        .get_ident()
        .map_or_else(String::new, ToString::to_string);
    let slot = match name.as_str() {
        "IntoResponse" => &mut skip.into_response,
        "IntoResponses" => &mut skip.into_responses,
        "Status" => &mut skip.status,
        _ => {
            let hint = unkey_errors_catalogue::did_you_mean(&unkey_errors_catalogue::closest(
                &name,
                SKIPPABLE.iter().copied(),
            ));
            errors.spanned(
                path,
                format_args!(
                    "`skip` names the impls the type writes itself: {}, not `{name}`{}",
                    listing(&SKIPPABLE, "or"),
                    hint.map(|hint| format!("; {hint}")).unwrap_or_default()
                ),
            );
            return;
        }
    };
    if *slot {
        errors.spanned(path, format_args!("`{name}` is already skipped"));
    }
    *slot = true;
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`" (with `and` or `or`).
fn listing(keys: &[&str], last: &str) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((final_key, init)) if !init.is_empty() => {
            format!("{} {last} {final_key}", init.join(", "))
        }
        _ => quoted.concat(),
    }
}

/// `path::to::item`, or the same path in a string (`"path::to::item"`, serde's spelling).
fn path_value(input: ParseStream<'_>) -> syn::Result<syn::Path> {
    if input.peek(LitStr) {
        let text: LitStr = input.parse()?;
        text.parse()
    } else {
        input.call(syn::Path::parse_mod_style)
    }
}

/// Whether a field is marked `#[unkey(errors)]`: it holds the request's validation errors.
/// The attribute, when it is, for errors about the mark.
pub(crate) fn field_is_errors_list<'a>(
    attrs: &'a [Attribute],
    errors: &mut Errors,
) -> Option<&'a Attribute> {
    let mut marked = None;
    for attribute in attrs.iter().filter(|a| a.path().is_ident("unkey")) {
        let parsed = attribute.parse_nested_meta(|meta| {
            if meta.path.is_ident("errors") {
                if marked.is_some() {
                    errors.spanned(&meta.path, "duplicate `errors`");
                }
                marked = Some(attribute);
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
    let expected = listing(known, "or");
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
