//! YAML text to a tree of [`Node`]s. The only module that touches `serde_yaml`.
//!
//! `serde_yaml` is unmaintained upstream; keeping it behind this one small module means
//! swapping it for another YAML parser touches nothing else.
//!
//! The tree keeps every key of a mapping in file order, duplicates included, so that
//! validation can report a duplicate code instead of silently keeping the last one.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

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

/// What the error for a document that holds more values than [`parse`] allows says.
pub(crate) const EXPANSION_LIMIT: &str = "the document expands to more values than its text \
    holds (the expansion limit)";

/// Parses one YAML document. An empty document is [`Node::Null`].
///
/// Every value takes at least a byte of the text, unless an alias (`*name`) repeats one: the
/// tree may hold at most as many values as the text has bytes (and a little more), so a few
/// kilobytes of aliases to a long list cannot make it billions of values. The parser's own
/// guard counts only the aliases, not what each one repeats.
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    let budget = Cell::new(text.len() + 1024);
    Seed(&budget)
        .deserialize(serde_yaml::Deserializer::from_str(text))
        .map_err(|error| {
            let position = error.location().map_or(Position::START, |location| {
                position_of(text, location.index())
            });
            let mut message = error.to_string();
            // Our own error, which the parser prefixes with where in the tree it stood
            // (`a3[0][2]: `): said plainly. Its position is that of the values repeated.
            if message.contains(EXPANSION_LIMIT) {
                message = EXPANSION_LIMIT.to_owned();
            }
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

/// Reads one value into a [`Node`], counting it against the values left in the budget.
#[derive(Clone, Copy)]
struct Seed<'b>(&'b Cell<usize>);

impl Seed<'_> {
    /// `node`, counted; an error once the budget is spent.
    fn count<E: de::Error>(self, node: Node) -> Result<Node, E> {
        match self.0.get().checked_sub(1) {
            Some(left) => {
                self.0.set(left);
                Ok(node)
            }
            None => Err(E::custom(EXPANSION_LIMIT)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        self.count(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        self.count(Node::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        self.count(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        self.count(Node::Integer(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        self.count(Node::Integer(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        self.count(Node::Integer(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        self.count(i128::try_from(v).map_or(Node::Float(v as f64), Node::Integer))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        self.count(Node::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        self.count(Node::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        self.count(Node::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        self.count(Node::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry_seed(self, self)? {
            pairs.push(pair);
        }
        self.count(Node::Mapping(pairs))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        // serde_yaml hands `!tag value` to visit_enum; read and drop the value.
        let (_tag, variant): (de::IgnoredAny, A::Variant) = data.variant()?;
        de::VariantAccess::newtype_variant::<de::IgnoredAny>(variant)?;
        self.count(Node::Tagged)
    }
}
