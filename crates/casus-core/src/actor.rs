//! CAMEO actor codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

const MAX_LEN: usize = 24;

/// The CAMEO role segments (agents) casus knows, in no particular order.
///
/// A code whose first segment is one of these has no country: `REB`, `GOVMIL`.
pub const ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "REF", "HLH", "NGO",
    "IGO", "UAF", "INS", "LEG", "LAB", "AGR", "REL", "ELI", "MOD", "RAD", "SEP", "ENV", "HRI", "DEV", "IMG", "SET",
    "ATH", "CHR", "MUS", "JEW", "BUD", "HIN", "CON", "ALL",
];

/// A CAMEO actor code: one or more 3-character segments, upper-case letters, digits or `-`
/// (`SYR`, `SYRMIL`, `IGOUNO`, `USAGOV`, `---REB`).
///
/// Stored inline (no allocation) and `Copy`; at most 8 segments.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode {
    bytes: [u8; MAX_LEN],
    len: u8,
}

impl ActorCode {
    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Invariant: only ASCII bytes are ever stored (checked in `from_str`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// The 3-character segments in order.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        let s = self.as_str();
        (0..s.len() / 3).map(move |i| &s[i * 3..i * 3 + 3])
    }

    /// The country (or region) segment: the first segment unless it is a role, `IGO`,
    /// `NGO` or `---`.
    #[must_use]
    pub fn country(&self) -> Option<&str> {
        let first = self.segments().next()?;
        (!is_role(first) && first != "---").then_some(first)
    }

    /// Whether the code starts with a country or region segment.
    #[must_use]
    pub fn has_country(&self) -> bool {
        self.country().is_some()
    }

    /// Whether the code is an international or non-governmental organisation or an
    /// international militarized group (`IGO...`, `NGO...`, `IMG...`): codes that never take
    /// a country in front.
    #[must_use]
    pub fn is_organisation(&self) -> bool {
        let s = self.as_str();
        s.starts_with("IGO") || s.starts_with("NGO") || s.starts_with("IMG")
    }

    /// The role segments after the country (for `SYRGOVMIL`: `GOV`, `MIL`).
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.segments().filter(|s| is_role(s))
    }

    /// This code with `other` appended (`SYR` + `MIL` → `SYRMIL`); `None` if too long.
    #[must_use]
    pub fn join(&self, other: &ActorCode) -> Option<ActorCode> {
        let mut s = String::with_capacity(usize::from(self.len + other.len));
        s.push_str(self.as_str());
        s.push_str(other.as_str());
        s.parse().ok()
    }

    /// The code with its first segment replaced by `country` when it has none
    /// (`REB` in a Syrian context → `SYRREB`).
    #[must_use]
    pub fn with_country(&self, country: &str) -> ActorCode {
        if self.has_country() || self.is_organisation() {
            return *self;
        }
        let rest = self.as_str().strip_prefix("---").unwrap_or(self.as_str());
        format!("{country}{rest}").parse().unwrap_or(*self)
    }
}

/// [`ROLES`] as a bit per three-letter segment (`AAA` = 0, `AAB` = 1, ...), made at compile
/// time (which also checks that every role is three capital letters).
const ROLE_BITS: [u64; 26 * 26 * 26 / 64 + 1] = {
    let mut bits = [0u64; 26 * 26 * 26 / 64 + 1];
    let mut i = 0;
    while i < ROLES.len() {
        let b = ROLES[i].as_bytes();
        assert!(b.len() == 3, "a role is three capital letters");
        let k = letter_index(b[0], b[1], b[2]);
        assert!(k < 26 * 26 * 26, "a role is three capital letters");
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// The index of three capital letters among all such triples (`AAA` = 0); past them if
/// the bytes are not capital letters.
const fn letter_index(a: u8, b: u8, c: u8) -> usize {
    if a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase() {
        ((a - b'A') as usize * 26 + (b - b'A') as usize) * 26 + (c - b'A') as usize
    } else {
        usize::MAX
    }
}

/// Whether `segment` is a known role segment.
#[must_use]
pub fn is_role(segment: &str) -> bool {
    match *segment.as_bytes() {
        [a, b, c] => {
            let k = letter_index(a, b, c);
            ROLE_BITS.get(k / 64).is_some_and(|bits| bits >> (k % 64) & 1 != 0)
        }
        _ => false,
    }
}

impl FromStr for ActorCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = |reason| Error::InvalidActorCode { code: s.to_owned(), reason };
        if s.is_empty() {
            return Err(bad("empty"));
        }
        if s.len() % 3 != 0 {
            return Err(bad("length is not a multiple of 3"));
        }
        if s.len() > MAX_LEN {
            return Err(bad("longer than 8 segments"));
        }
        if !s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-') {
            return Err(bad("only upper-case letters, digits and '-' are allowed"));
        }
        let mut bytes = [0u8; MAX_LEN];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Ok(ActorCode { bytes, len: u8::try_from(s.len()).map_err(|_| bad("too long"))? })
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActorCode({})", self.as_str())
    }
}

impl Serialize for ActorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> ActorCode {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn segments_country_roles() {
        let c = a("SYRGOVMIL");
        assert_eq!(c.segments().collect::<Vec<_>>(), ["SYR", "GOV", "MIL"]);
        assert_eq!(c.country(), Some("SYR"));
        assert_eq!(c.roles().collect::<Vec<_>>(), ["GOV", "MIL"]);
        assert_eq!(a("REB").country(), None);
        assert_eq!(a("IGOUNO").country(), None);
        assert!(a("IGOUNO").is_organisation());
    }

    #[test]
    fn roles_are_known_and_nothing_else() {
        for r in ROLES {
            assert!(is_role(r), "{r}");
        }
        for s in ["SYR", "USA", "---", "GO", "GOVM", "gov", "G0V", "", "AAA", "ZZZ", "UNO"] {
            assert_eq!(is_role(s), ROLES.contains(&s), "{s}");
        }
    }

    #[test]
    fn join_and_with_country() {
        assert_eq!(a("SYR").join(&a("MIL")), Some(a("SYRMIL")));
        assert_eq!(a("REB").with_country("SYR"), a("SYRREB"));
        assert_eq!(a("---REB").with_country("SYR"), a("SYRREB"));
        assert_eq!(a("TURREB").with_country("SYR"), a("TURREB"));
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "SY", "syr", "SYRM", "SYR MIL", "ÄÄÄ", "SYRSYRSYRSYRSYRSYRSYRSYRSYR"] {
            assert!(bad.parse::<ActorCode>().is_err(), "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics_and_round_trips(s in "\\PC{0,30}") {
            if let Ok(c) = s.parse::<ActorCode>() {
                proptest::prop_assert_eq!(c.as_str(), s.as_str());
            }
        }
    }
}
