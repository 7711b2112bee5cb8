//! A code the catalogue has, checked against how a derive uses it: the variant of `Code`, or
//! compile errors on the code string.
//!
//! Each arm of the lookup macro that `catalogue!` generated calls this with its code's variant
//! and facts (the surfaces that send it, whether its body has an `errors` array), and the
//! derive's expansion passes how the type uses the code (its surface, whether the item has an
//! `#[unkey(errors)]` field) with the code string itself, whose span the errors take. So the
//! facts come from the catalogue's one reading, and the errors land where the fix goes.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr};

/// `(<catalogue path>) <Variant> [<facts>] { "<code>" <Type> <api|gateway> <errors>? }?`.
struct Input {
    catalogue: TokenStream,
    variant: Ident,
    facts: Facts,
    usage: Option<Usage>,
}

/// What the catalogue says of a code: `api`, `gateway`, `errors_array`.
#[derive(Default)]
struct Facts {
    api: bool,
    gateway: bool,
    errors_array: bool,
}

/// How a derived type uses the code.
struct Usage {
    /// The code string as the user wrote it (as a plain string), for the errors' span.
    code: LitStr,
    /// The derived type's name.
    ty: Ident,
    /// Whether the type answers on the gateway (otherwise the API).
    gateway: bool,
    /// Whether the item has an `#[unkey(errors)]` field.
    errors: bool,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let catalogue;
        syn::parenthesized!(catalogue in input);
        let catalogue = catalogue.parse()?;
        let variant = input.parse()?;
        let listed;
        syn::bracketed!(listed in input);
        let mut facts = Facts::default();
        while !listed.is_empty() {
            let fact: Ident = listed.parse()?;
            match fact.to_string().as_str() {
                "api" => facts.api = true,
                "gateway" => facts.gateway = true,
                "errors_array" => facts.errors_array = true,
                _ => return Err(syn::Error::new(fact.span(), "unknown fact")),
            }
        }
        let usage = if input.is_empty() {
            None
        } else {
            let group;
            syn::braced!(group in input);
            let code = group.parse()?;
            let ty = group.parse()?;
            let surface: Ident = group.parse()?;
            let errors = group.parse::<Option<Ident>>()?.is_some();
            Some(Usage {
                code,
                ty,
                gateway: surface == "gateway",
                errors,
            })
        };
        Ok(Input {
            catalogue,
            variant,
            facts,
            usage,
        })
    }
}

pub(crate) fn checked_code(input: TokenStream) -> TokenStream {
    let Input {
        catalogue,
        variant,
        facts,
        usage,
    } = match syn::parse2::<Input>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let Some(usage) = usage else {
        return quote!(#catalogue::Code::#variant);
    };
    let span = usage.code.span();
    let errors = problems(&facts, &usage)
        .into_iter()
        .map(|message| quote_spanned!(span=> ::core::compile_error!(#message);));
    // The variant named with the string's span: a deprecated code's warning lands there.
    let variant = Ident::new(&variant.to_string(), span);
    let code = Ident::new("Code", Span::call_site());
    quote!({ #(#errors)* #catalogue::#code::#variant })
}

/// What is wrong with using a code with `facts` as `usage` does, one message per problem.
fn problems(facts: &Facts, usage: &Usage) -> Vec<String> {
    let Usage { code, ty, .. } = usage;
    let code = code.value();
    let mut problems = Vec::new();
    if usage.gateway && !facts.gateway {
        problems.push(format!(
            "`{code}` is never sent by the gateway (see its `surfaces` in the catalogue), but \
             `{ty}` answers on the gateway (`surface = \"gateway\"`); use a code the gateway \
             sends{}",
            if facts.api {
                ", or let the type answer on the API"
            } else {
                ""
            }
        ));
    }
    if !usage.gateway && !facts.api {
        problems.push(format!(
            "`{code}` is never sent by the API (see its `surfaces` in the catalogue), but \
             `{ty}` answers on the API; use a code the API sends{}",
            if facts.gateway {
                ", or mark the type `#[unkey(surface = \"gateway\")]`"
            } else {
                ""
            }
        ));
    }
    if usage.errors && !facts.errors_array {
        problems.push(format!(
            "`{code}` has no `errors` array (its catalogue entry does not set \
             `errors_array: true`), so `{ty}`'s field marked `#[unkey(errors)]` has nowhere to \
             go; use a code whose body lists the problems, or remove the mark"
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(gateway: bool, errors: bool) -> Usage {
        Usage {
            code: LitStr::new("err:a:b:c", Span::call_site()),
            ty: Ident::new("E", Span::call_site()),
            gateway,
            errors,
        }
    }

    #[test]
    fn a_use_the_facts_allow_is_no_problem() {
        let facts = Facts {
            api: true,
            gateway: true,
            errors_array: true,
        };
        for (gateway, errors) in [(false, false), (false, true), (true, false), (true, true)] {
            assert!(problems(&facts, &usage(gateway, errors)).is_empty());
        }
    }

    #[test]
    fn each_problem_is_one_message_with_a_way_out_only_where_there_is_one() {
        let gateway_only = Facts {
            gateway: true,
            ..Facts::default()
        };
        let found = problems(&gateway_only, &usage(false, true));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].ends_with("mark the type `#[unkey(surface = \"gateway\")]`"));
        assert!(found[1].starts_with("`err:a:b:c` has no `errors` array"));
        let api_only = Facts {
            api: true,
            ..Facts::default()
        };
        let found = problems(&api_only, &usage(true, false));
        assert_eq!(found.len(), 1);
        assert!(found[0].ends_with("or let the type answer on the API"));
    }
}
