//! `#[derive(UnkeyError)]`: map each variant of an error type to a catalogue code.
//!
//! The stages, one file each: `ast` (a typed view of the input, with its `#[unkey]` attributes
//! read by `attr`; `template` and `header` parse the values that are small languages of their
//! own), `valid` (every check, each error spanned on the offending tokens), `expand` (the
//! impls), and `fallback` (on error: the errors plus stub impls, so the user sees our errors
//! and not a cascade of "trait not implemented").
//!
//! What depends on the catalogue is not checked here: the derive's expansion looks each code up
//! with the macro that the catalogue's own `catalogue!` expansion generated, which carries each
//! code's facts. `checked_code` checks the use against them (the type's surface must send the
//! code; an `#[unkey(errors)]` field needs a code whose body has an `errors` array) and
//! `unknown_code` words the error for a code the catalogue lacks. So a code is checked against
//! exactly the `Code` it compiles to, for Unkey's catalogue or any other, and no derive ever
//! reads a catalogue file.

mod ast;
mod attr;
mod checked_code;
mod expand;
mod fallback;
mod header;
mod template;
mod unknown_code;
mod valid;

pub(crate) use checked_code::checked_code;
pub(crate) use unknown_code::unknown_code;

use proc_macro2::TokenStream;
use syn::DeriveInput;

/// Collects every error of one input before reporting, so three mistakes are three errors.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn spanned(
        &mut self,
        tokens: impl quote::ToTokens,
        message: impl std::fmt::Display,
    ) {
        self.push(syn::Error::new_spanned(tokens, message));
    }
}

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let (parsed, container) = ast::Input::from_syn(input, &mut errors);
    if let Some(parsed) = &parsed {
        valid::validate(parsed, &container, &mut errors);
    }
    let ty = &input.ident;
    let lookups: Vec<TokenStream> = match &parsed {
        Some(ast::Input::Struct(item)) => expand::code_lookup(item, &container, ty)
            .into_iter()
            .collect(),
        Some(ast::Input::Enum(variants)) => variants
            .iter()
            .filter_map(|variant| expand::code_lookup(variant, &container, ty))
            .collect(),
        None => Vec::new(),
    };
    match (parsed, errors.0) {
        (Some(parsed), None) => expand::expand(input, &parsed, &container),
        (_, Some(error)) => fallback::expand(input, error, &container, &lookups),
        (None, None) => fallback::expand(
            input,
            syn::Error::new_spanned(&input.ident, "UnkeyError cannot be derived for this type"),
            &container,
            &lookups,
        ),
    }
}
