//! The compile error for a code that is not in the derive's catalogue, or not a code at all.
//!
//! The derive cannot tell an unknown code from a known one: only the catalogue's own
//! expansion knows its codes. So the derive's expansion asks the lookup macro that
//! `catalogue!` generated, and that macro's last arm, reached by no code of the catalogue,
//! calls this with the code and every code of the catalogue, to suggest the closest.
//!
//! A derive looks each code up twice when a framework impl needs its codes too; only the
//! lookup that says how the code is used (the checked one, in `UnkeyError::code`) reports,
//! so the user sees one error per mistake.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{LitStr, Token};

/// `<code> (<catalogue path>) "<file>" [<every code>, …] { <use> }?`.
struct Input {
    code: LitStr,
    catalogue: TokenStream,
    file: LitStr,
    known: Vec<String>,
    /// Whether the lookup said how the code is used: the one lookup of a code that reports.
    checked: bool,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let code = input.parse()?;
        let catalogue;
        syn::parenthesized!(catalogue in input);
        let catalogue = catalogue.parse()?;
        let file = input.parse()?;
        let known;
        syn::bracketed!(known in input);
        let known = Punctuated::<LitStr, Token![,]>::parse_terminated(&known)?
            .iter()
            .map(LitStr::value)
            .collect();
        let checked = !input.is_empty();
        let _usage: TokenStream = input.parse()?;
        Ok(Input {
            code,
            catalogue,
            file,
            known,
            checked,
        })
    }
}

pub(crate) fn unknown_code(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<Input>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    if !input.checked {
        // The checked lookup of the same code reports it.
        return quote!(::core::unreachable!());
    }
    let text = input.code.value();
    let catalogue = input.catalogue.to_string().replace(' ', "");
    let reason = match unkey_errors_catalogue::Urn::parse(&text) {
        Err(malformed) => format!("malformed error code: {malformed}"),
        Ok(_) => format!(
            "unknown error code `{text}`: the catalogue `{}` (`{catalogue}::Code`) has no such entry",
            input.file.value()
        ),
    };
    let suggestions =
        unkey_errors_catalogue::closest(&text, input.known.iter().map(String::as_str));
    let message = match unkey_errors_catalogue::did_you_mean(&suggestions) {
        Some(hint) => format!("{reason}; {hint}"),
        None => format!(
            "{reason}; use one of its codes, or choose another catalogue with `#[unkey(catalogue = path::to::module)]`"
        ),
    };
    quote_spanned!(input.code.span()=> ::core::compile_error!(#message))
}
