//! `Serialize` and `Deserialize` for the envelope's objects, keeping members a newer server adds.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
#[cfg(feature = "serde_json")]
use serde::ser::SerializeMap;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(feature = "serde_json")]
use super::Extra;
use super::{ErrorBody, ErrorResponse, Meta, ValidationError};

/// A key of a wire object: the index of a known member, or another member's name.
enum Key {
    Known(usize),
    #[cfg(feature = "serde_json")]
    Unknown(String),
    #[cfg(not(feature = "serde_json"))]
    Unknown,
}

/// Reads a key, comparing it against the known member names without allocating; only an
/// unknown name that will be kept is copied.
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            #[cfg(feature = "serde_json")]
            None => Key::Unknown(name.to_owned()),
            #[cfg(not(feature = "serde_json"))]
            None => Key::Unknown,
        })
    }
}

/// `Serialize` and `Deserialize` for a wire object, written out rather than derived because a
/// derive with `#[serde(flatten)]` (the way to keep unknown members) serializes through a map
/// adapter and deserializes by buffering every member first.
///
/// Known members are listed with their position in the object; required ones must be present
/// once, optional ones (`Option` fields) may be absent or `null` and are not written when
/// `None`. With the `serde_json` feature, other members go to `extra`; without it they are
/// skipped. An object without extra members serializes as the derive did, as a struct.
macro_rules! wire_object {
    (
        $ty:ident, $expecting:literal,
        required { $($index:literal => $field:ident: $field_ty:ty = $name:literal,)* }
        optional { $($opt_index:literal => $opt:ident: $opt_ty:ty = $opt_name:literal,)* }
    ) => {
        impl $ty {
            /// The members this version knows, in the order they are written.
            const MEMBERS: &'static [&'static str] = &[$($name,)* $($opt_name,)*];
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let len = [$($name),*].len() $(+ usize::from(self.$opt.is_some()))*;
                #[cfg(feature = "serde_json")]
                if !self.extra.is_empty() {
                    let extra = || {
                        self.extra
                            .iter()
                            .filter(|(name, _)| !Self::MEMBERS.contains(&name.as_str()))
                    };
                    let mut map = serializer.serialize_map(Some(len + extra().count()))?;
                    $(map.serialize_entry($name, &self.$field)?;)*
                    $(
                        if let Some(value) = &self.$opt {
                            map.serialize_entry($opt_name, value)?;
                        }
                    )*
                    for (name, value) in extra() {
                        map.serialize_entry(name, value)?;
                    }
                    return map.end();
                }
                let mut object = serializer.serialize_struct(stringify!($ty), len)?;
                $(object.serialize_field($name, &self.$field)?;)*
                $(
                    match &self.$opt {
                        Some(value) => object.serialize_field($opt_name, value)?,
                        None => object.skip_field($opt_name)?,
                    }
                )*
                object.end()
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $field: Option<$field_ty> = None;)*
                        $(let mut $opt: Option<$opt_ty> = None;)*
                        #[cfg(feature = "serde_json")]
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key_seed(KeySeed($ty::MEMBERS))? {
                            match key {
                                $(
                                    Key::Known($index) => {
                                        if $field.is_some() {
                                            return Err(de::Error::duplicate_field($name));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                $(
                                    Key::Known($opt_index) => {
                                        if $opt.is_some() {
                                            return Err(de::Error::duplicate_field($opt_name));
                                        }
                                        $opt = Some(map.next_value()?);
                                    }
                                )*
                                #[cfg(feature = "serde_json")]
                                Key::Unknown(name) => {
                                    extra.insert(name, map.next_value()?);
                                }
                                #[cfg(not(feature = "serde_json"))]
                                Key::Unknown => {
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                                // `KeySeed` gives no other index; skipping is still no panic.
                                Key::Known(_) => {
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($ty {
                            $($field: $field.ok_or_else(|| de::Error::missing_field($name))?,)*
                            $($opt: $opt.flatten(),)*
                            #[cfg(feature = "serde_json")]
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

wire_object! {
    ErrorResponse, "an error response object with `meta` and `error`",
    required {
        0 => meta: Meta = "meta",
        1 => error: ErrorBody = "error",
    }
    optional {}
}

wire_object! {
    Meta, "the `meta` object of an error response",
    required {
        0 => request_id: Cow<'static, str> = "requestId",
    }
    optional {}
}

wire_object! {
    ErrorBody, "the `error` object of an error response",
    required {
        0 => detail: Cow<'static, str> = "detail",
        1 => status: u16 = "status",
        2 => title: Cow<'static, str> = "title",
        3 => type_url: Cow<'static, str> = "type",
    }
    optional {
        4 => errors: Option<Vec<ValidationError>> = "errors",
    }
}

wire_object! {
    ValidationError, "a validation error object",
    required {
        0 => location: Cow<'static, str> = "location",
        1 => message: Cow<'static, str> = "message",
    }
    optional {
        2 => fix: Option<Cow<'static, str>> = "fix",
    }
}
