//! The `#[unkey(…)]` attributes: `catalogue` and `crate` on the type, `code` and `detail` on a
//! variant or struct, `errors` on a field.

use syn::parse::ParseStream;
use syn::{Attribute, LitStr};

use super::Errors;

/// What the type's own `#[unkey(…)]` says: where its codes and the runtime come from.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    /// `catalogue = path::to::module`: the module where `catalogue!` was invoked.
    pub(crate) catalogue: Option<syn::Path>,
    /// `crate = path`: the `unkey-errors` crate, when the dependency is renamed.
    pub(crate) runtime: Option<syn::Path>,
    /// `surface = "gateway"`: the system that answers with the type's errors (default: the API).
    pub(crate) surface: Option<syn::Ident>,
}

/// The values of `surface = "…"`, and the `unkey_errors::Surface` variant each names.
const SURFACES: [(&str, &str); 2] = [("api", "Api"), ("gateway", "Gateway")];

/// Which `#[unkey(…)]` attribute is being read, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// On an enum: `catalogue`, `crate` and `surface`.
    Enum,
    /// On a variant: `code` and `detail`.
    Variant,
    /// On a struct, which is both the type and its one item: all four keys.
    Struct,
}

impl Site {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Site::Enum => &["catalogue", "crate", "surface"],
            Site::Variant => &["code", "detail"],
            Site::Struct => &["code", "detail", "catalogue", "crate", "surface"],
        }
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
            if site.keys().contains(&key.as_str()) && key == "surface" {
                let value: LitStr = meta.value()?.parse()?;
                let text = value.value();
                match SURFACES.iter().find(|(name, _)| *name == text) {
                    _ if container.surface.is_some() => {
                        errors.spanned(&meta.path, "duplicate `surface`");
                    }
                    Some((_, variant)) => {
                        container.surface = Some(syn::Ident::new(variant, value.span()));
                    }
                    None => {
                        let names: Vec<&str> = SURFACES.iter().map(|(name, _)| *name).collect();
                        let hint = unkey_errors_catalogue::did_you_mean(
                            &unkey_errors_catalogue::closest(&text, names.iter().copied()),
                        );
                        errors.spanned(
                            &value,
                            format_args!(
                                "unknown surface `{text}`; {}",
                                hint.unwrap_or_else(|| format!(
                                    "expected {}",
                                    listing(&names, "or")
                                ))
                            ),
                        );
                    }
                }
                return Ok(());
            }
            if site.keys().contains(&key.as_str()) && matches!(key.as_str(), "catalogue" | "crate")
            {
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
                return Ok(());
            }
            let slot = if site.keys().contains(&key.as_str()) && key == "code" {
                &mut found.code
            } else if site.keys().contains(&key.as_str()) && key == "detail" {
                &mut found.detail
            } else {
                if site == Site::Variant
                    && matches!(key.as_str(), "catalogue" | "crate" | "surface")
                {
                    errors.spanned(
                        &meta.path,
                        format_args!(
                            "`{key}` goes on the enum, not on a variant: it applies to all of them"
                        ),
                    );
                } else if site == Site::Enum && matches!(key.as_str(), "code" | "detail") {
                    errors.spanned(
                        &meta.path,
                        format_args!(
                            "`{key}` goes on each variant of an enum, not on the enum itself; \
                             the enum takes `catalogue`, `crate` and `surface`"
                        ),
                    );
                } else {
                    unknown_key(&meta.path, site.keys(), errors);
                }
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
    (found, container)
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
