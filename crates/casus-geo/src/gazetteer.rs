//! The gazetteer: places, regions and countries with a name index.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use casus_core::{Location, LocationSource, Precision};
use casus_frozen::FrozenMap;

use crate::fold::{key, strip_article};
use crate::source::{unpack_place, RawPlace, Source, RECORD};
use crate::{Error, Result};

/// The gazetteer as compiled by `build.rs`: packed places, their strings, the name index.
mod packed {
    include!(concat!(env!("OUT_DIR"), "/gazetteer-meta.rs"));
    pub(super) const COUNTRY_COUNT: usize = COUNTRIES;
    pub(super) const LONGEST: usize = LONGEST_KEY_WORDS;
    pub(super) static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer-places.bin"));
    pub(super) static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer-strings.txt"));
    pub(super) static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer-keys.txt"));
    pub(super) static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer-index.bin"));
    pub(super) static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer-postings.bin"));
}

/// Places decoded from the packed records per chunk of this many, on first use.
const CHUNK: usize = 256;

/// Index of a [`Place`] in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u32);

impl PlaceId {
    /// The index as a `usize`.
    #[must_use]
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A city, town or village (GeoNames feature class P).
    City,
    /// A first-level administrative division.
    Admin1,
    /// A country or territory.
    Country,
}

impl PlaceKind {
    /// The matching [`Precision`].
    #[must_use]
    pub fn precision(self) -> Precision {
        match self {
            PlaceKind::City => Precision::City,
            PlaceKind::Admin1 => Precision::Admin1,
            PlaceKind::Country => Precision::Country,
        }
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; regions have none in our sources.
    pub geonameid: Option<u32>,
    /// The name ("Al Quşayr").
    pub name: &'static str,
    /// ISO 3166-1 alpha-3 code of the country.
    pub country_iso3: &'static str,
    /// Name of the first-level division the place is in (its own name for a region).
    pub admin1: Option<&'static str>,
    /// GeoNames admin1 code within the country ("11"), if any.
    pub admin1_code: Option<&'static str>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (for regions, the sum of their cities of 5000+).
    pub population: u64,
    /// City, region or country.
    pub kind: PlaceKind,
    /// Whether the place is its country's capital.
    pub is_capital: bool,
    /// How many alternate names the gazetteer keeps for it: a rough measure of how well
    /// known it is (Geneva, Switzerland has dozens; Geneva, Illinois a few).
    pub alternate_count: u16,
}

impl Place {
    /// The place as an event [`Location`].
    #[must_use]
    pub fn to_location(&self, source: LocationSource) -> Location {
        Location {
            name: self.name.to_owned(),
            country: self.country_iso3.to_owned(),
            admin1: self.admin1.map(str::to_owned),
            lat: self.lat,
            lon: self.lon,
            geonameid: self.geonameid,
            precision: self.kind.precision(),
            source,
        }
    }
}

impl From<RawPlace<'static>> for Place {
    fn from(p: RawPlace<'static>) -> Place {
        Place {
            geonameid: p.geonameid,
            name: p.name,
            country_iso3: p.country_iso3,
            admin1: p.admin1,
            admin1_code: p.admin1_code,
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            kind: match p.kind {
                2 => PlaceKind::Country,
                1 => PlaceKind::Admin1,
                _ => PlaceKind::City,
            },
            is_capital: p.is_capital,
            alternate_count: p.alternate_count,
        }
    }
}

/// FxHash (from rustc): fast for the short keys of the name index.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Places, first-level regions and countries, with a case-, diacritics- and
/// punctuation-insensitive name index.
#[derive(Debug)]
pub struct Gazetteer {
    places: Places,
    /// The name index: a frozen map from name key to an offset in `postings`.
    keys: Cow<'static, str>,
    index: Cow<'static, [u8]>,
    /// Per key: the number of places, then their ids.
    postings: Vec<PlaceId>,
    countries: FxMap<&'static str, PlaceId>,
    longest_key_words: usize,
}

/// The places: decoded (from [`Gazetteer::parse`]) or packed records decoded a chunk at a
/// time on first use (the embedded gazetteer).
#[derive(Debug)]
enum Places {
    Decoded(Vec<Place>),
    Packed { records: &'static [u8], strings: &'static str, chunks: Box<[OnceLock<Box<[Place]>>]> },
}

impl Places {
    fn len(&self) -> usize {
        match self {
            Places::Decoded(v) => v.len(),
            Places::Packed { records, .. } => records.len() / RECORD,
        }
    }

    fn get(&self, i: usize) -> Option<&Place> {
        match self {
            Places::Decoded(v) => v.get(i),
            Places::Packed { records, strings, chunks } => {
                let chunk = chunks.get(i / CHUNK)?.get_or_init(|| {
                    let from = (i / CHUNK) * CHUNK * RECORD;
                    let to = records.len().min(from + CHUNK * RECORD);
                    records
                        .get(from..to)
                        .unwrap_or_default()
                        .chunks_exact(RECORD)
                        .map(|r| unpack_place(r, strings).map_or_else(Place::missing, Place::from))
                        .collect()
                });
                chunk.get(i % CHUNK)
            }
        }
    }
}

impl Place {
    /// Stands in for a record that does not decode (never, for the embedded data, which
    /// the crate's tests read in full).
    fn missing() -> Place {
        Place {
            geonameid: None,
            name: "",
            country_iso3: "",
            admin1: None,
            admin1_code: None,
            lat: 0.0,
            lon: 0.0,
            population: 0,
            kind: PlaceKind::City,
            is_capital: false,
            alternate_count: 0,
        }
    }
}

impl Gazetteer {
    /// The gazetteer compiled into the binary (GeoNames cities of 5000+, regions and
    /// countries): packed at build time, so this costs next to nothing; places are decoded
    /// on first use.
    ///
    /// # Panics
    ///
    /// Never in practice: the build script writes the tables and this crate's tests read
    /// them.
    #[must_use]
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let records = packed::PLACES;
            let n = records.len() / RECORD;
            let places = Places::Packed {
                records,
                strings: packed::STRINGS,
                chunks: (0..n.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect(),
            };
            let g = Gazetteer {
                places,
                keys: Cow::Borrowed(packed::KEYS),
                index: Cow::Borrowed(packed::INDEX),
                postings: casus_frozen::u32s_from_bytes(packed::POSTINGS).into_iter().map(PlaceId).collect(),
                countries: FxMap::default(),
                longest_key_words: packed::LONGEST,
            };
            assert!(g.map().is_some(), "invariant: the embedded gazetteer index is well-formed");
            g.with_countries(packed::COUNTRY_COUNT)
        })
    }

    /// Builds a gazetteer from the three TSV files of `data/gazetteer/` (see their headers
    /// for the columns).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] for a line with too few columns or a bad number.
    pub fn parse(places_tsv: &'static str, admin1_tsv: &'static str, countries_tsv: &'static str) -> Result<Gazetteer> {
        let src = Source::parse(places_tsv, admin1_tsv, countries_tsv).map_err(|e| Error::Parse {
            file: e.file,
            line: e.line,
            message: e.message,
        })?;
        let (keys, index, postings) = src.index().map_err(|e| Error::Parse {
            file: "places.tsv",
            line: 0,
            message: format!("cannot index names: {e}"),
        })?;
        let g = Gazetteer {
            places: Places::Decoded(src.places.iter().map(|&p| Place::from(p)).collect()),
            keys: Cow::Owned(keys),
            index: Cow::Owned(index),
            postings: postings.into_iter().map(PlaceId).collect(),
            countries: FxMap::default(),
            longest_key_words: src.longest_key_words,
        };
        Ok(g.with_countries(src.countries))
    }

    /// Indexes the first `n` places, the countries, by ISO code.
    fn with_countries(mut self, n: usize) -> Gazetteer {
        for i in 0..n {
            if let Some(p) = self.places.get(i) {
                let iso3 = p.country_iso3;
                self.countries.insert(iso3, PlaceId(u32::try_from(i).unwrap_or(u32::MAX)));
            }
        }
        self
    }

    fn map(&self) -> Option<FrozenMap<'_>> {
        FrozenMap::new(&self.keys, &self.index).ok()
    }

    /// The places whose name, ASCII name or an alternate name is `name`, ignoring case,
    /// diacritics, punctuation and a leading Arabic article ("Qusayr", "al-Qusayr" and
    /// "Al Quşayr" find the same places). Countries first, then regions, then cities.
    #[must_use]
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        self.lookup_key(&key(name))
    }

    /// Like [`lookup`](Self::lookup), for a key made by [`crate::fold::key`].
    pub(crate) fn lookup_key(&self, k: &str) -> &[PlaceId] {
        let Some(map) = self.map() else {
            return &[];
        };
        let at = map.get(k).or_else(|| strip_article(k).and_then(|s| map.get(s)));
        let Some(at) = at.map(|a| a as usize) else {
            return &[];
        };
        let n = self.postings.get(at).map_or(0, |c| c.as_usize());
        self.postings.get(at + 1..at + 1 + n).unwrap_or_default()
    }

    /// The place with this id.
    ///
    /// # Panics
    ///
    /// If `id` comes from another gazetteer and is out of range.
    #[must_use]
    pub fn place(&self, id: PlaceId) -> &Place {
        match self.places.get(id.as_usize()) {
            Some(p) => p,
            None => panic!("place id {} out of range ({} places)", id.0, self.places.len()),
        }
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    #[must_use]
    pub fn country(&self, iso3: &str) -> Option<PlaceId> {
        self.countries.get(iso3).copied()
    }

    /// Number of places (cities, regions and countries).
    #[must_use]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether the gazetteer has no places.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.places.len() == 0
    }

    /// Number of distinct name keys in the index.
    #[must_use]
    pub fn name_count(&self) -> usize {
        self.map().map_or(0, |m| m.len())
    }

    /// The most words any indexed name has.
    pub(crate) fn longest_key_words(&self) -> usize {
        self.longest_key_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(g: &Gazetteer, q: &str) -> Vec<(String, &'static str, PlaceKind)> {
        g.lookup(q)
            .iter()
            .map(|&id| {
                let p = g.place(id);
                (p.name.to_owned(), p.country_iso3, p.kind)
            })
            .collect()
    }

    #[test]
    fn embedded_parses_and_is_big() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 70_000, "{}", g.len());
        assert!(g.name_count() > 150_000, "{}", g.name_count());
    }

    #[test]
    fn qusayr_spellings_find_syria_and_egypt() {
        let g = Gazetteer::embedded();
        for q in ["Qusayr", "Al Qusayr", "al-Qusayr", "AL-QUSAYR", "Al Quşayr", "Qusair"] {
            let found = names(g, q);
            assert!(found.iter().any(|(_, c, k)| *c == "SYR" && *k == PlaceKind::City), "{q}: {found:?}");
        }
        let found = names(g, "Qusayr");
        assert!(found.iter().any(|(_, c, _)| *c == "EGY"), "{found:?}");
    }

    #[test]
    fn countries_regions_and_cities() {
        let g = Gazetteer::embedded();
        let syria = names(g, "Syria");
        assert_eq!(syria.first().map(|p| p.2), Some(PlaceKind::Country));
        assert!(names(g, "Syrian Arab Republic").iter().any(|p| p.1 == "SYR"));
        let homs = names(g, "Homs");
        assert!(homs.contains(&("Homs".into(), "SYR", PlaceKind::Admin1)));
        assert!(homs.contains(&("Homs".into(), "SYR", PlaceKind::City)));
        assert!(names(g, "Damascus Governorate").iter().any(|p| p.2 == PlaceKind::Admin1));
        assert!(names(g, "U.S.").iter().any(|p| p.1 == "USA"));
        assert!(g.lookup("Xyzzyville").is_empty());
    }

    #[test]
    fn capitals_and_locations() {
        let g = Gazetteer::embedded();
        let id = g
            .lookup("Damascus")
            .iter()
            .copied()
            .find(|&id| g.place(id).country_iso3 == "SYR" && g.place(id).kind == PlaceKind::City)
            .unwrap_or_else(|| panic!("no Damascus"));
        let p = g.place(id);
        assert!(p.is_capital);
        let loc = p.to_location(LocationSource::Sentence);
        assert_eq!(loc.precision, Precision::City);
        assert!((loc.lat - 33.5).abs() < 0.2 && (loc.lon - 36.3).abs() < 0.2);
    }

    #[test]
    fn embedded_tables_match_the_source_files() {
        let parsed = Gazetteer::parse(
            include_str!("../../../data/gazetteer/places.tsv"),
            include_str!("../../../data/gazetteer/admin1.tsv"),
            include_str!("../../../data/gazetteer/countries.tsv"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let g = Gazetteer::embedded();
        assert_eq!(g.len(), parsed.len());
        assert_eq!(g.name_count(), parsed.name_count());
        assert_eq!(g.longest_key_words(), parsed.longest_key_words());
        assert_eq!(g.countries, parsed.countries);
        for i in 0..g.len() {
            let id = PlaceId(u32::try_from(i).unwrap_or(u32::MAX));
            assert_eq!(g.place(id), parsed.place(id), "{i}");
        }
        let map = parsed.map().unwrap_or_else(|| panic!("no index"));
        for (k, _) in map.iter() {
            assert_eq!(g.lookup_key(k), parsed.lookup_key(k), "{k}");
        }
        assert!(g.map().is_some_and(|m| m.check().is_ok()));
    }

    #[test]
    fn bad_rows_are_errors() {
        let err = Gazetteer::parse("1\tX\tX\t\tSYR\t\t\tnorth\t1\t1\tP\n", "", "").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("places.tsv:1: bad lat \"north\""));
        let err = Gazetteer::parse("", "", "SY\tSYR\n").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("countries.tsv:1: 2 columns, expected 9"));
    }
}
