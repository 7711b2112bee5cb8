//! Every check of a derive input, each error spanned on the tokens that cause it.

use syn::Member;

use super::ast::{Input, Item, Style};
use super::{Errors, template};

pub(crate) fn validate(input: &Input<'_>, errors: &mut Errors) {
    match input {
        Input::Struct(item) => validate_item(item, errors),
        Input::Enum(variants) => variants
            .iter()
            .for_each(|variant| validate_item(variant, errors)),
    }
}

fn validate_item(item: &Item<'_>, errors: &mut Errors) {
    let what = if item.is_variant { "variant" } else { "struct" };
    match &item.attrs.code {
        None if item.attrs.malformed => {}
        None => {
            let message = format!(
                "missing `#[unkey(code = \"err:…\")]` on {what} `{}`: every {what} needs its catalogue code",
                item.ident
            );
            match item.attrs.attribute {
                Some(attribute) => errors.spanned(attribute, message),
                None => errors.spanned(item.ident, message),
            }
        }
        // Whether the code exists, and is well formed, is checked by the catalogue's lookup
        // macro, which the expansion calls (see `unknown_code`): it knows the codes to suggest.
        Some(_) => {}
    }
    if let Some(detail) = &item.attrs.detail {
        check_template(item, detail, errors);
    }
    let mut lists = item.fields.iter().filter(|f| f.is_errors_list);
    if let (Some(_), Some(second)) = (lists.next(), lists.next()) {
        errors.spanned(
            &second.original.attrs[0],
            "only one field can be `#[unkey(errors)]`: it is the response's whole `errors` array",
        );
    }
}

fn check_template(item: &Item<'_>, detail: &syn::LitStr, errors: &mut Errors) {
    let parsed = match template::parse(&detail.value()) {
        Ok(parsed) => parsed,
        Err(problem) => {
            errors.spanned(detail, problem);
            return;
        }
    };
    for member in &parsed.members {
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
            "the detail template names `{{{}}}`, but `{}` has no such field ({fields})",
            member_name(member),
            item.ident
        );
        if let Some(hint) = hint {
            message.push_str("; ");
            message.push_str(&hint);
        }
        errors.spanned(detail, message);
    }
}

fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}
