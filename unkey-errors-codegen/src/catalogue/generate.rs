//! The tokens a validated catalogue expands to.
//!
//! Every accessor indexes one table (a `&'static [T]` associated constant) by the variant's
//! discriminant, instead of one `match` per method: the expansion stays linear in the number of
//! entries and cheap for rustc to check. `Debug` is written by hand for the same reason.
//!
//! The parts that grow with the catalogue (variants, tables, constants) are written as source
//! text and parsed once: inside a compiler, building them token by token would cross the
//! proc-macro bridge for every token. The fixed skeleton stays in `quote!`.

use std::fmt::{Debug, Write};
use std::path::Path;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use unkey_errors_catalogue::{Catalogue, Entry};

use super::docs;
use crate::idents;

/// The items `catalogue!` expands to for a validated `catalogue` read from `path` (which the
/// expansion tracks, so editing the file rebuilds the crate).
pub fn generate(catalogue: &Catalogue, path: &Path) -> TokenStream {
    let shown_as = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let code_enum = code_enum(catalogue, &shown_as);
    let code_impl = code_impl(catalogue);
    let trait_impls = trait_impls();
    let codes = codes_module(catalogue);
    let tracked = Literal::string(&path.to_string_lossy());
    quote! {
        #code_enum
        #code_impl
        #trait_impls
        #codes

        // Makes cargo rebuild this crate when the catalogue changes. In an unused private
        // function, the file's bytes reach neither the crate's metadata nor its object code
        // (a `const` would carry them into the .rmeta).
        #[allow(dead_code)]
        fn __unkey_errors_track_catalogue() {
            let _ = include_bytes!(#tracked);
        }
    }
}

/// Parses source text this module wrote. It is always valid Rust; were it not, the user would
/// see the compiler's message rather than a panic.
fn source(text: &str) -> TokenStream {
    text.parse().unwrap_or_else(|error: proc_macro2::LexError| {
        syn::Error::new(proc_macro2::Span::call_site(), error).to_compile_error()
    })
}

/// `#[doc = "…"]`, with the text escaped as a Rust string literal.
fn doc_attribute(out: &mut String, doc: &str) {
    let _ = write!(out, "#[doc = {doc:?}]");
}

fn code_enum(catalogue: &Catalogue, shown_as: &str) -> TokenStream {
    let doc = docs::enum_doc(catalogue, shown_as);
    let mut variants = String::with_capacity(catalogue.entries.len() * 160);
    for entry in &catalogue.entries {
        doc_attribute(&mut variants, &docs::variant_doc(entry));
        let _ = write!(variants, "{},", entry.variant_name());
    }
    let variants = source(&variants);
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            #variants
        }
    }
}

/// A `&'static [T]` table with one element per entry, in catalogue order. `Debug` writes
/// strings, integers and booleans as Rust literals.
fn table<T: Debug>(catalogue: &Catalogue, cell: impl Fn(&Entry) -> T) -> TokenStream {
    let mut text = String::with_capacity(catalogue.entries.len() * 48);
    text.push_str("&[");
    for entry in &catalogue.entries {
        let _ = write!(text, "{:?},", cell(entry));
    }
    text.push(']');
    source(&text)
}

fn code_impl(catalogue: &Catalogue) -> TokenStream {
    let all = table(catalogue, |e| {
        Verbatim(format!("Code::{}", e.variant_name()))
    });
    let urns = table(catalogue, |e| e.code.as_str().to_owned());
    let statuses = table(catalogue, |e| e.status);
    let titles = table(catalogue, |e| e.title.clone());
    let descriptions = table(catalogue, |e| e.description.clone());
    let docs_urls = table(catalogue, |e| catalogue.docs_url(e));
    let errors_arrays = table(catalogue, |e| e.errors_array);
    let urn_slots = urn_slots(catalogue);
    quote! {
        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = #all;

            const URNS: &'static [&'static str] = #urns;
            const STATUSES: &'static [u16] = #statuses;
            const TITLES: &'static [&'static str] = #titles;
            const DESCRIPTIONS: &'static [&'static str] = #descriptions;
            const DOCS_URLS: &'static [&'static str] = #docs_urls;
            const ERRORS_ARRAYS: &'static [bool] = #errors_arrays;
            /// A hash table from URN to index into `ALL`, so parsing costs one hash and about
            /// one comparison however many codes there are.
            const URN_SLOTS: &'static [u32] = #urn_slots;

            /// The URN, e.g. `err:unkey:authorization:forbidden`.
            pub const fn as_str(self) -> &'static str {
                Self::URNS[self as usize]
            }

            /// The HTTP status the API answers with.
            pub const fn status(self) -> u16 {
                Self::STATUSES[self as usize]
            }

            /// The response's `title`, e.g. `Forbidden`.
            pub const fn title(self) -> &'static str {
                Self::TITLES[self as usize]
            }

            /// One sentence saying what the error means.
            pub const fn description(self) -> &'static str {
                Self::DESCRIPTIONS[self as usize]
            }

            /// The URL of the code's docs page; also the response's `type`.
            pub const fn docs_url(self) -> &'static str {
                Self::DOCS_URLS[self as usize]
            }

            /// Whether the response body carries an `errors` array listing each problem with
            /// the request.
            pub const fn has_errors_array(self) -> bool {
                Self::ERRORS_ARRAYS[self as usize]
            }
        }

        impl ::core::str::FromStr for Code {
            type Err = ::unkey_errors::ParseCodeError;

            /// Parses a URN; an unknown one is an error suggesting the closest codes.
            fn from_str(urn: &str) -> ::core::result::Result<Self, Self::Err> {
                match ::unkey_errors::__private::find_urn(urn, Self::URNS, Self::URN_SLOTS) {
                    ::core::option::Option::Some(index) => ::core::result::Result::Ok(Self::ALL[index]),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        ::unkey_errors::ParseCodeError::unknown(urn, Self::URNS),
                    ),
                }
            }
        }
    }
}

/// The open-addressing table `find_urn` searches: twice as many slots as codes (a power of
/// two), each empty (0) or a code's index with a tag of its hash (`urn_table::slot_value`).
fn urn_slots(catalogue: &Catalogue) -> TokenStream {
    let slot_count = (catalogue.entries.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; slot_count];
    for (index, entry) in catalogue.entries.iter().enumerate() {
        let hash = crate::urn_table::hash(entry.code.as_str().as_bytes());
        let mut slot = crate::urn_table::first_slot(hash, slot_count);
        while slots[slot] != 0 {
            slot = (slot + 1) % slot_count;
        }
        slots[slot] = crate::urn_table::slot_value(hash, index);
    }
    let mut text = String::with_capacity(slot_count * 11);
    text.push_str("&[");
    for slot in slots {
        let _ = write!(text, "{slot},");
    }
    text.push(']');
    source(&text)
}

/// Text that a table writes as it is (a path), not as a string literal.
struct Verbatim(String);

impl Debug for Verbatim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The impls that are the same for every catalogue: they only call `Code`'s own methods.
fn trait_impls() -> TokenStream {
    quote! {
        impl ::unkey_errors::ErrorCode for Code {
            const ALL: &'static [Self] = Code::ALL;

            fn as_str(self) -> &'static str {
                Code::as_str(self)
            }

            fn status(self) -> u16 {
                Code::status(self)
            }

            fn title(self) -> &'static str {
                Code::title(self)
            }

            fn description(self) -> &'static str {
                Code::description(self)
            }

            fn docs_url(self) -> &'static str {
                Code::docs_url(self)
            }

            fn has_errors_array(self) -> bool {
                Code::has_errors_array(self)
            }
        }

        impl ::core::fmt::Debug for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple("Code").field(&self.as_str()).finish()
            }
        }

        /// Prints the URN.
        impl ::core::fmt::Display for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        /// Serializes as the URN string.
        impl ::unkey_errors::__private::serde::Serialize for Code {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::unkey_errors::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Deserializes from the URN string.
        impl<'de> ::unkey_errors::__private::serde::Deserialize<'de> for Code {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::unkey_errors::__private::serde::Deserializer<'de>,
            {
                ::unkey_errors::__private::deserialize_code(deserializer)
            }
        }
    }
}

/// `pub mod codes { pub mod <system> { pub mod <category> { pub const <SPECIFIC>: Code } } }`.
fn codes_module(catalogue: &Catalogue) -> TokenStream {
    let systems = unkey_errors_catalogue::group_by_system_and_category(&catalogue.entries);
    let systems = systems.into_iter().map(|(system, categories)| {
        let system_doc = format!("Codes of the `{system}` system: `err:{system}:*`.");
        let system_ident = idents::module(system);
        let categories = categories.into_iter().map(|(category, entries)| {
            let category_doc =
                format!("Codes of the `{category}` category: `err:{system}:{category}:*`.");
            let category_ident = idents::module(category);
            let mut constants = String::with_capacity(entries.len() * 400);
            for entry in entries {
                doc_attribute(&mut constants, &docs::constant_doc(catalogue, entry));
                let _ = write!(
                    constants,
                    "pub const {}: Code = Code::{};",
                    entry.constant_name(),
                    entry.variant_name()
                );
            }
            let constants = source(&constants);
            quote! {
                #[doc = #category_doc]
                pub mod #category_ident {
                    use super::super::super::Code;

                    #constants
                }
            }
        });
        quote! {
            #[doc = #system_doc]
            pub mod #system_ident {
                #(#categories)*
            }
        }
    });
    quote! {
        /// One constant per code, at a path mirroring its URN: `err:<system>:<category>:<specific>`
        /// is `codes::<system>::<category>::<SPECIFIC>`. Each constant's documentation is the
        /// code's whole docs page.
        pub mod codes {
            #(#systems)*
        }
    }
}
