//! Every check of a derive input, each error spanned on the tokens that cause it.
//!
//! What depends on the catalogue (whether the code exists, whether the type's surface sends it,
//! whether its body has an `errors` array) is checked by the lookup macro the catalogue's
//! expansion generated, which the derive's expansion calls: see `checked_code` and
//! `unknown_code`.

use syn::{LitStr, Member};

use super::ast::{Container, Input, Item, Style};
use super::{Errors, header, template};

pub(crate) fn validate(input: &Input<'_>, container: &Container, errors: &mut Errors) {
    match input {
        Input::Struct(item) => validate_item(item, container, errors),
        Input::Enum(variants) => variants
            .iter()
            .for_each(|variant| validate_item(variant, container, errors)),
    }
}

fn validate_item(item: &Item<'_>, container: &Container, errors: &mut Errors) {
    let what = if item.is_variant { "variant" } else { "struct" };
    if item.attrs.code.is_none() && !item.attrs.malformed {
        let message = format!(
            "missing `#[unkey(code = \"err:…\")]` on {what} `{}`: every {what} needs its catalogue code",
            item.ident
        );
        match item.attrs.attribute {
            Some(attribute) => errors.spanned(attribute, message),
            None => errors.spanned(item.ident, message),
        }
    }
    if let Some(detail) = &item.attrs.detail {
        match template::parse(&detail.value(), "detail template") {
            Ok(parsed) => check_fields(item, detail, &parsed.members, "detail template", errors),
            Err(problem) => errors.spanned(detail, problem),
        }
    }
    for text in &item.attrs.headers {
        match header::parse(&text.value()) {
            Ok(parsed) => {
                let what = format!("value of the header `{}`", parsed.name);
                check_fields(item, text, &parsed.value.members, &what, errors);
            }
            Err(problem) => errors.spanned(text, problem),
        }
    }
    let mut lists = item.fields.iter().filter_map(|f| f.errors_list);
    match (lists.next(), lists.next()) {
        (_, Some(second)) => errors.spanned(
            second,
            "only one field can be `#[unkey(errors)]`: it is the response's whole `errors` array",
        ),
        (Some(first), None) if container.is_gateway() => errors.spanned(
            first,
            "the gateway's body has no `errors` array, so a type with `surface = \"gateway\"` \
             cannot mark a field `#[unkey(errors)]`",
        ),
        _ => {}
    }
}

/// Checks that each field a template (`what`, written as `text`) names is one of the item's.
fn check_fields(
    item: &Item<'_>,
    text: &LitStr,
    members: &[Member],
    what: &str,
    errors: &mut Errors,
) {
    for member in members {
        if item.fields.iter().any(|field| &field.member == member) {
            continue;
        }
        let named: Vec<String> = item.fields.iter().map(|f| member_name(&f.member)).collect();
        let hint = unkey_errors_catalogue::did_you_mean(&unkey_errors_catalogue::closest(
            &member_name(member),
            named.iter().map(String::as_str),
        ));
        let fields = match item.style {
            Style::Unit => "it has no fields".to_owned(),
            _ => format!(
                "its fields are {}",
                named
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut message = format!(
            "the {what} names `{{{}}}`, but `{}` has no such field ({fields})",
            member_name(member),
            item.ident
        );
        if let Some(hint) = hint {
            message.push_str("; ");
            message.push_str(&hint);
        }
        errors.spanned(text, message);
    }
}

fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}
