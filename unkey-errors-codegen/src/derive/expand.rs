//! The `UnkeyError` impl of a validated input, and the framework impls the runtime's macros
//! add for the features it was built with.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::punctuated::Punctuated;
use syn::{DeriveInput, GenericParam, LitStr, Member, Token};

use super::ast::{Container, Field, Input, Item, Style};
use super::header;
use super::template::{self, tuple_binding};

pub(crate) fn expand(
    input: &DeriveInput,
    parsed: &Input<'_>,
    container: &Container,
) -> TokenStream {
    let Container {
        catalogue, runtime, ..
    } = container;
    let surface = surface(container);
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input);
    let items: Vec<&Item<'_>> = match parsed {
        Input::Struct(item) => vec![item],
        Input::Enum(variants) => variants.iter().collect(),
    };
    let code_arms = items.iter().map(|item| {
        let pattern = pattern(item, &[]);
        let code =
            code_lookup(item, container, ident).unwrap_or_else(|| quote!(::core::unreachable!()));
        quote!(#pattern => #code,)
    });
    let detail_arms = items.iter().map(|item| match &item.attrs.detail {
        Some(detail) => detail_arm(item, detail),
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => #runtime::public_detail(self),)
        }
    });
    let validation_errors = validation_errors(&items, runtime);
    let headers = headers(&items);
    // The codes again, for the framework impls: looked up without the checks, which `code`
    // already makes once.
    let codes = items.iter().filter_map(|item| code_value(item, container));
    let framework_impls = framework_impls(input, container, codes.collect());
    // An enum without variants (an error that cannot happen, as `Infallible`): matching on
    // `&Self` with no arms is not exhaustive, matching on `Self` is.
    let scrutinee = if items.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    quote! {
        #framework_impls

        impl #impl_generics #runtime::UnkeyError for #ident #ty_generics #where_clause {
            type Code = #catalogue::Code;

            fn code(&self) -> Self::Code {
                match #scrutinee {
                    #(#code_arms)*
                }
            }

            fn detail(&self) -> ::std::borrow::Cow<'_, str> {
                match #scrutinee {
                    #(#detail_arms)*
                }
            }

            #validation_errors

            #headers

            #surface
        }
    }
}

/// `IntoResponse`, `IntoResponses` and `From<Self> for tonic::Status` through the runtime's macros, which add each only when
/// its feature is on (the derive cannot see the runtime's features), except those the type
/// writes itself (`skip`). `codes` are the codes of the type's items, for `IntoResponses`.
pub(crate) fn framework_impls(
    input: &DeriveInput,
    container: &Container,
    codes: Vec<TokenStream>,
) -> TokenStream {
    let runtime = &container.runtime;
    let ident = &input.ident;
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input);
    let predicates = where_clause.as_ref().map(|clause| &clause.predicates);
    let params = impl_params(&input.generics);
    let into_response = (!container.skip.into_response).then(|| {
        quote! {
            #runtime::__into_response!([#params] #ident #ty_generics, [#predicates]);
        }
    });
    let into_responses = (!container.skip.into_responses).then(|| {
        let surface = surface_value(container);
        quote! {
            #runtime::__into_responses!(
                [#params] #ident #ty_generics, [#predicates], #surface, [#(#codes),*]
            );
        }
    });
    let into_status = (!container.skip.status).then(|| {
        quote! {
            #runtime::__into_status!([#params] #ident #ty_generics, [#predicates]);
        }
    });
    quote!(#into_response #into_responses #into_status)
}

/// The type's generic parameters as an impl declares them: without their defaults, which
/// only a type's definition may have (`enum E<T = String>` is implemented as `impl<T> … E<T>`).
fn impl_params(generics: &syn::Generics) -> Punctuated<GenericParam, Token![,]> {
    let mut params = generics.params.clone();
    for param in &mut params {
        match param {
            GenericParam::Type(param) => param.default = None,
            GenericParam::Const(param) => param.default = None,
            GenericParam::Lifetime(_) => {}
        }
    }
    params
}

/// `fn surface`, for a type that answers on another surface than the API (the default).
pub(crate) fn surface(container: &Container) -> TokenStream {
    let Some(surface) = &container.surface else {
        return TokenStream::new();
    };
    let runtime = &container.runtime;
    quote! {
        fn surface(&self) -> #runtime::Surface {
            #runtime::Surface::#surface
        }
    }
}

/// `<runtime>::Surface::<Variant>`: the surface the type answers on, as a value.
fn surface_value(container: &Container) -> TokenStream {
    let runtime = &container.runtime;
    match &container.surface {
        Some(surface) => quote!(#runtime::Surface::#surface),
        None => quote!(#runtime::Surface::Api),
    }
}

/// The impls' `where` clause: the type's own, and for a generic type `Self: Display`, since
/// its `Display` (from thiserror) may carry bounds that the impls then inherit.
pub(crate) fn where_clause(input: &DeriveInput) -> Option<syn::WhereClause> {
    let mut where_clause = input.generics.where_clause.clone();
    if !input.generics.params.is_empty() {
        where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Display));
    }
    where_clause
}

/// `<catalogue>::__unkey_code!("err:…" (<catalogue>) (<runtime>) { "err:…" Type api errors })`:
/// the item's code, looked up by the macro the catalogue's expansion generated and checked
/// against the code's facts there. It gives the variant, or compile errors on the code string:
/// for a code the catalogue lacks, one the type's surface never sends, or one whose body has no
/// `errors` array for an item with an `#[unkey(errors)]` field. A deprecated code warns there.
pub(crate) fn code_lookup(
    item: &Item<'_>,
    container: &Container,
    ty: &Ident,
) -> Option<TokenStream> {
    let code = plain_code(item)?;
    let Container {
        catalogue, runtime, ..
    } = container;
    let surface = format_ident!(
        "{}",
        if container.is_gateway() {
            "gateway"
        } else {
            "api"
        }
    );
    let errors = item.errors_list().map(|_| quote!(errors));
    Some(quote! {
        #catalogue::__unkey_code!(#code (#catalogue) (#runtime) { #code #ty #surface #errors })
    })
}

/// `<catalogue>::__unkey_code!("err:…" (<catalogue>) (<runtime>))`: the item's code, unchecked.
fn code_value(item: &Item<'_>, container: &Container) -> Option<TokenStream> {
    let code = plain_code(item)?;
    let Container {
        catalogue, runtime, ..
    } = container;
    Some(quote!(#catalogue::__unkey_code!(#code (#catalogue) (#runtime))))
}

/// The item's code as a plain string literal: the lookup macro matches its arms' literals token
/// for token, so a raw string `r"…"` would match no arm. It keeps the user's span, for errors.
fn plain_code(item: &Item<'_>) -> Option<LitStr> {
    let code = item.attrs.code.as_ref()?;
    Some(LitStr::new(&code.value(), code.span()))
}

/// `Self::Variant { a, .. }`, `Self::Variant(_, __field1)` or `Self { .. }`, binding `bound`.
fn pattern(item: &Item<'_>, bound: &[Member]) -> TokenStream {
    let path = if item.is_variant {
        let variant = item.ident;
        quote!(Self::#variant)
    } else {
        quote!(Self)
    };
    match item.style {
        Style::Unit => path,
        Style::Named => {
            let names = item
                .fields
                .iter()
                .filter(|f| bound.contains(&f.member))
                .map(|f| &f.original.ident);
            quote!(#path { #(#names,)* .. })
        }
        Style::Unnamed => {
            let slots = item.fields.iter().map(|field| binding(field, bound));
            quote!(#path(#(#slots),*))
        }
    }
}

/// A tuple field's slot in a pattern: its binding when used, `_` otherwise.
fn binding(field: &Field<'_>, bound: &[Member]) -> TokenStream {
    match &field.member {
        Member::Unnamed(index) if bound.contains(&field.member) => {
            let name = Ident::new(&tuple_binding(index.index), Span::call_site());
            quote!(#name)
        }
        _ => quote!(_),
    }
}

fn detail_arm(item: &Item<'_>, detail: &LitStr) -> TokenStream {
    let Ok(parsed) = template::parse(&detail.value(), "detail template") else {
        return quote!(_ => ::core::unreachable!(),);
    };
    let pattern = pattern(item, &parsed.members);
    let format = LitStr::new(&parsed.format, detail.span());
    quote! {
        #pattern => ::std::borrow::Cow::Owned(::std::format!(#format)),
    }
}

/// `validation_errors`, when some item has an `#[unkey(errors)]` field.
fn validation_errors(items: &[&Item<'_>], runtime: &syn::Path) -> TokenStream {
    if !items.iter().any(|item| item.errors_list().is_some()) {
        return TokenStream::new();
    }
    let arms = items.iter().map(|item| match item.errors_list() {
        Some(field) => {
            let bound = [field.member.clone()];
            let pattern = pattern(item, &bound);
            let name = match &field.member {
                Member::Named(ident) => quote!(#ident),
                Member::Unnamed(index) => {
                    let name = format_ident!("{}", tuple_binding(index.index));
                    quote!(#name)
                }
            };
            quote! {
                #pattern => ::core::convert::AsRef::<[#runtime::ValidationError]>::as_ref(#name),
            }
        }
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => &[],)
        }
    });
    quote! {
        fn validation_errors(&self) -> &[#runtime::ValidationError] {
            match self {
                #(#arms)*
            }
        }
    }
}

/// `headers`, when some item has a `header = "…"`: each item's headers in the order written,
/// a literal value borrowed, a template formatted.
fn headers(items: &[&Item<'_>]) -> TokenStream {
    if items.iter().all(|item| item.attrs.headers.is_empty()) {
        return TokenStream::new();
    }
    let arms = items.iter().map(|item| {
        let parsed: Vec<(header::Header, Span)> = item
            .attrs
            .headers
            .iter()
            .filter_map(|text| Some((header::parse(&text.value()).ok()?, text.span())))
            .collect();
        if parsed.is_empty() {
            let pattern = pattern(item, &[]);
            return quote!(#pattern => ::std::vec::Vec::new(),);
        }
        let mut bound: Vec<Member> = Vec::new();
        for (header, _) in &parsed {
            for member in &header.value.members {
                if !bound.contains(member) {
                    bound.push(member.clone());
                }
            }
        }
        let pattern = pattern(item, &bound);
        let pairs = parsed.iter().map(|(header, span)| {
            let name = &header.name;
            let value = if header.value.members.is_empty() {
                let literal = &header.value.literal;
                quote!(::std::borrow::Cow::Borrowed(#literal))
            } else {
                let format = LitStr::new(&header.value.format, *span);
                quote!(::std::borrow::Cow::Owned(::std::format!(#format)))
            };
            quote!((#name, #value))
        });
        quote!(#pattern => ::std::vec![#(#pairs),*],)
    });
    quote! {
        fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::borrow::Cow<'static, str>)> {
            match self {
                #(#arms)*
            }
        }
    }
}
