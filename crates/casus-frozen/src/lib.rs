//! Frozen string-keyed hash tables: built once (in a build script, or at run time) into a
//! key text and a byte table, and read in place, so that a table compiled into the binary
//! costs nothing to load.
//!
//! casus embeds large word and place-name tables (lemmas, the gazetteer's name index, the
//! lexicon's vocabulary). Parsing them into `HashMap`s at start-up took most of the time
//! of a short run; a [`FrozenMap`] over `include_str!`/`include_bytes!` data is ready at
//! once and looks keys up as fast as a hash map.
//!
//! # Overview
//!
//! - [`build`]: keys and `u32` values → `(keys, table)`, to write to files or keep.
//! - [`FrozenMap::new`]: a view over `(keys, table)`; [`FrozenMap::get`] looks a key up,
//!   [`FrozenMap::key`] and [`FrozenMap::value`] read entry `i` (entries keep the order
//!   they were built in).
//!
//! # Example
//!
//! ```
//! let (keys, table) = casus_frozen::build([("troops", 7), ("rebels", 9)])?;
//! let map = casus_frozen::FrozenMap::new(&keys, &table)?;
//! assert_eq!(map.get("rebels"), Some(9));
//! assert_eq!(map.get("police"), None);
//! assert_eq!(map.key(0), "troops");
//! # Ok::<(), casus_frozen::Error>(())
//! ```
//!
//! # Layout
//!
//! The table is little-endian `u32` words: `n` (entries), `s` (slots, a power of two),
//! then `s` slots (entry index + 1, 0 for empty; linear probing), `n + 1` key offsets into
//! the key text, and `n` values. Entry `i`'s key is `keys[off[i]..off[i + 1]]`.

use std::fmt;

/// Why a table could not be built or read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The same key was given twice while building.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// More entries or key text than `u32` offsets can address.
    TooLarge,
    /// The table's size or offsets do not fit its header or key text.
    Corrupt,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::DuplicateKey { key } => write!(f, "duplicate key {key:?}"),
            Error::TooLarge => write!(f, "table too large for 32-bit offsets"),
            Error::Corrupt => write!(f, "frozen table does not match its header"),
        }
    }
}

impl std::error::Error for Error {}

const HEADER: usize = 2;

/// The hash of a key: FxHash over 8-byte words, the same on every platform.
#[must_use]
pub fn hash(key: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let b = key.as_bytes();
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 32)
}

/// Builds a table from `(key, value)` pairs; entry `i` is the `i`-th pair.
///
/// # Errors
///
/// [`Error::DuplicateKey`] when a key comes twice, [`Error::TooLarge`] past `u32` offsets.
pub fn build<K: AsRef<str>>(entries: impl IntoIterator<Item = (K, u32)>) -> Result<(String, Vec<u8>), Error> {
    let mut keys = String::new();
    let mut offsets = vec![0u32];
    let mut values = Vec::new();
    for (k, v) in entries {
        keys.push_str(k.as_ref());
        offsets.push(u32::try_from(keys.len()).map_err(|_| Error::TooLarge)?);
        values.push(v);
    }
    let n = values.len();
    let slots = (n * 2).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut table = vec![0u32; slots];
    for i in 0..n {
        let key = &keys[offsets[i] as usize..offsets[i + 1] as usize];
        let mut s = hash(key) as usize & mask;
        loop {
            match table[s] {
                0 => {
                    table[s] = u32::try_from(i + 1).map_err(|_| Error::TooLarge)?;
                    break;
                }
                j => {
                    let j = j as usize - 1;
                    if &keys[offsets[j] as usize..offsets[j + 1] as usize] == key {
                        return Err(Error::DuplicateKey { key: key.to_owned() });
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }
    let words = [u32::try_from(n).map_err(|_| Error::TooLarge)?, u32::try_from(slots).map_err(|_| Error::TooLarge)?];
    let mut bytes = Vec::with_capacity(4 * (HEADER + slots + 2 * n + 1));
    for w in words.iter().chain(&table).chain(&offsets).chain(&values) {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    Ok((keys, bytes))
}

/// A read-only view of a built table.
#[derive(Debug, Clone, Copy)]
pub struct FrozenMap<'a> {
    keys: &'a str,
    table: &'a [u8],
    len: usize,
    mask: usize,
}

impl<'a> FrozenMap<'a> {
    /// A view over what [`build`] returned. Only the header is checked (in constant
    /// time); a table whose offsets are wrong gives empty keys and missed look-ups, never
    /// a panic. [`FrozenMap::check`] checks every offset.
    ///
    /// # Errors
    ///
    /// [`Error::Corrupt`] when the table's size does not match its header.
    pub fn new(keys: &'a str, table: &'a [u8]) -> Result<Self, Error> {
        let word = |i: usize| table.get(4 * i..4 * i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let (Some(n), Some(slots)) = (word(0), word(1)) else {
            return Err(Error::Corrupt);
        };
        let (len, slots) = (n as usize, slots as usize);
        if !slots.is_power_of_two() || table.len() != 4 * (HEADER + slots + 2 * len + 1) {
            return Err(Error::Corrupt);
        }
        Ok(FrozenMap { keys, table, len, mask: slots - 1 })
    }

    /// Checks that every key offset lies inside the key text, on a character boundary, in
    /// order, and that every slot names an entry.
    ///
    /// # Errors
    ///
    /// [`Error::Corrupt`] otherwise.
    pub fn check(&self) -> Result<(), Error> {
        let mut prev = 0;
        for i in 0..=self.len {
            let off = self.offset(i);
            if off < prev || !self.keys.is_char_boundary(off) {
                return Err(Error::Corrupt);
            }
            prev = off;
        }
        let slots_ok = (0..=self.mask).all(|s| self.word(HEADER + s) as usize <= self.len);
        if prev != self.keys.len() || !slots_ok {
            return Err(Error::Corrupt);
        }
        Ok(())
    }

    #[inline]
    fn word(&self, i: usize) -> u32 {
        match self.table.get(4 * i..4 * i + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => 0,
        }
    }

    #[inline]
    fn offset(&self, i: usize) -> usize {
        self.word(HEADER + self.mask + 1 + i) as usize
    }

    /// The index of `key`'s entry.
    #[inline]
    #[must_use]
    pub fn find(&self, key: &str) -> Option<usize> {
        let mut s = hash(key) as usize & self.mask;
        loop {
            let e = self.word(HEADER + s) as usize;
            if e == 0 {
                return None;
            }
            if self.key(e - 1) == key {
                return Some(e - 1);
            }
            s = (s + 1) & self.mask;
        }
    }

    /// The value of `key`.
    #[inline]
    #[must_use]
    pub fn get(&self, key: &str) -> Option<u32> {
        self.find(key).map(|i| self.value(i))
    }

    /// Whether `key` is in the table.
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// Entry `i`'s key (empty when `i` is out of range).
    #[inline]
    #[must_use]
    pub fn key(&self, i: usize) -> &'a str {
        if i >= self.len {
            return "";
        }
        self.keys.get(self.offset(i)..self.offset(i + 1)).unwrap_or("")
    }

    /// Entry `i`'s value (0 when `i` is out of range).
    #[inline]
    #[must_use]
    pub fn value(&self, i: usize) -> u32 {
        if i >= self.len {
            return 0;
        }
        self.word(HEADER + self.mask + 1 + self.len + 1 + i)
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every `(key, value)`, in build order.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, u32)> + '_ {
        (0..self.len).map(|i| (self.key(i), self.value(i)))
    }
}

/// Encodes `u32`s as little-endian bytes (for tables stored next to a [`FrozenMap`]).
#[must_use]
pub fn u32s_to_bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// Decodes little-endian `u32`s; a trailing partial word is ignored.
#[must_use]
pub fn u32s_from_bytes(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let (keys, table) =
            build(words.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32 * 3))).unwrap_or_default();
        let map = FrozenMap::new(&keys, &table).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map.len(), 5000);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.find(w), Some(i));
            assert_eq!(map.get(w), Some(i as u32 * 3));
            assert_eq!(map.key(i), w);
        }
        for miss in ["", "w", "w5000", "x1", "w12345678901"] {
            assert_eq!(map.get(miss), None, "{miss}");
        }
        assert_eq!(map.iter().nth(2), Some(("w2", 6)));
    }

    #[test]
    fn empty_and_unicode_keys() {
        let (keys, table) = build([("", 1), ("ş", 2), ("al quşayr", 3)]).unwrap_or_default();
        let map = FrozenMap::new(&keys, &table).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map.get(""), Some(1));
        assert_eq!(map.get("al quşayr"), Some(3));
        let (keys, table) = build(Vec::<(&str, u32)>::new()).unwrap_or_default();
        assert!(FrozenMap::new(&keys, &table).is_ok_and(|m| m.is_empty() && m.get("a").is_none()));
    }

    #[test]
    fn duplicates_and_corrupt_tables_are_errors() {
        assert_eq!(build([("a", 1), ("a", 2)]), Err(Error::DuplicateKey { key: "a".into() }));
        let (keys, table) = build([("a", 1), ("bb", 2)]).unwrap_or_default();
        assert_eq!(FrozenMap::new(&keys, &table[..table.len() - 1]).err(), Some(Error::Corrupt));
        let short = FrozenMap::new("a", &table).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(short.check(), Err(Error::Corrupt));
        assert_eq!(short.get("bb"), None);
        assert!(FrozenMap::new(&keys, &table).is_ok_and(|m| m.check().is_ok()));
        assert_eq!(FrozenMap::new(&keys, &[]).err(), Some(Error::Corrupt));
    }
}
