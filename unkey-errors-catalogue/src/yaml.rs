//! YAML text to a tree of [`Node`]s. The only module that touches `serde_yaml`.
//!
//! `serde_yaml` is unmaintained upstream; keeping it behind this one small module means
//! swapping it for another YAML parser touches nothing else.
//!
//! The tree keeps every key of a mapping in file order, duplicates included, so that
//! validation can report a duplicate code instead of silently keeping the last one.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::Position;

/// A YAML value, with mappings kept as ordered lists of pairs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Integer(i128),
    Float(f64),
    String(String),
    Sequence(Vec<Node>),
    Mapping(Vec<(Node, Node)>),
    /// A value with an explicit `!tag`, which catalogues do not use.
    Tagged,
}

impl Node {
    /// How the node's kind is named in error messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing (null)",
            Node::Bool(_) => "a boolean",
            Node::Integer(_) => "an integer",
            Node::Float(_) => "a number",
            Node::String(_) => "a string",
            Node::Sequence(_) => "a list",
            Node::Mapping(_) => "a mapping",
            Node::Tagged => "a tagged value",
        }
    }
}

/// A YAML syntax error: the parser's message and where it stopped.
pub(crate) struct SyntaxError {
    pub(crate) message: String,
    pub(crate) position: Position,
}

/// Parses one YAML document. An empty document is [`Node::Null`].
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    serde_yaml::from_str(text).map_err(|error| {
        let position = error.location().map_or(Position::START, |location| {
            position_of(text, location.index())
        });
        let mut message = error.to_string();
        // The position is reported on its own; drop the parser's copy of it.
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        SyntaxError { message, position }
    })
}

/// The line and column (from 1, in characters) of byte `index` of `text`, counting lines at
/// `\n` only, as every other stage does (the caller has normalized CR and CRLF). The parser's
/// own line count cannot be used: it also breaks lines at NEL, U+2028 and U+2029, so after
/// one of those in a title its lines no longer match the file's.
fn position_of(text: &str, index: usize) -> Position {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    let before = &text[..index];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Integer(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Integer(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Integer(v))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(i128::try_from(v).map_or(Node::Float(v as f64), Node::Integer))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(Node::Mapping(pairs))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        // serde_yaml hands `!tag value` to visit_enum; read and drop the value.
        let (_tag, variant): (de::IgnoredAny, A::Variant) = data.variant()?;
        de::VariantAccess::newtype_variant::<de::IgnoredAny>(variant)?;
        Ok(Node::Tagged)
    }
}
