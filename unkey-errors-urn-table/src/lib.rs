//! The table behind `Code::from_str`: open addressing over a fixed, portable hash.
//!
//! `unkey-errors-codegen` builds the table when `catalogue!` expands, and `unkey-errors` probes
//! it when a string is parsed: the program only hashes the input and compares one or two
//! strings. The layout lives here, in one crate both depend on, so the two sides cannot differ.
//! Both sides must hash alike on every platform, so the hash reads fixed-width little-endian
//! words and never `usize`.

#![no_std]
#![warn(missing_docs)]

/// The hash of a URN: a multiply-rotate over 8-byte little-endian words (FxHash's scheme,
/// fixed to 64 bits). Cheap for short ASCII keys; the table's full comparison makes a
/// collision only a second probe.
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut state = bytes.len() as u64;
    let mut rest = bytes;
    while let Some((word, after)) = rest.split_first_chunk::<8>() {
        state = (state.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(K);
        rest = after;
    }
    // The last word: the final 8 bytes of the key (overlapping words already read), or, for a
    // key shorter than 8 bytes, its bytes padded with zeros.
    let last = match bytes.last_chunk::<8>() {
        Some(word) => u64::from_le_bytes(*word),
        None => rest
            .iter()
            .rev()
            .fold(0, |word, &byte| (word << 8) | u64::from(byte)),
    };
    state = (state.rotate_left(5) ^ last).wrapping_mul(K);
    state ^ (state >> 29)
}

/// The first slot to probe for `hash` in a table of `slot_count` (a power of two) slots.
pub fn first_slot(hash: u64, slot_count: usize) -> usize {
    // The multiply leaves its best bits at the top.
    (hash >> (64 - slot_count.trailing_zeros())) as usize
}

/// A slot's value for the code at `index` with hash `hash`: the hash's low 16 bits as a tag
/// (checked before comparing strings, so a miss rarely touches a string), then `index + 1`.
/// 0 is an empty slot. Catalogues hold at most 65,535 codes, so `index + 1` fits 16 bits.
pub fn slot_value(hash: u64, index: usize) -> u32 {
    ((hash as u32 & 0xFFFF) << 16) | ((index as u32 + 1) & 0xFFFF)
}

/// The tag `slot_value` stores for `hash`.
pub fn tag(hash: u64) -> u32 {
    hash as u32 & 0xFFFF
}
