//! The gazetteer: places, regions and countries with a name index.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use casus_core::{Location, LocationSource, Precision};

use crate::fold::{key, push_key, strip_article};
use crate::{Error, Result};

static PLACES_TSV: &str = include_str!("../../../data/gazetteer/places.tsv");
static ADMIN1_TSV: &str = include_str!("../../../data/gazetteer/admin1.tsv");
static COUNTRIES_TSV: &str = include_str!("../../../data/gazetteer/countries.tsv");

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
    places: Vec<Place>,
    index: FxMap<Box<str>, Vec<PlaceId>>,
    countries: FxMap<&'static str, PlaceId>,
    longest_key_words: usize,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary (GeoNames cities of 5000+, regions and
    /// countries), parsed on first use.
    ///
    /// # Panics
    ///
    /// Never in practice: the embedded files are checked by this crate's tests.
    #[must_use]
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Gazetteer::parse(PLACES_TSV, ADMIN1_TSV, COUNTRIES_TSV).expect("invariant: the embedded gazetteer parses")
        })
    }

    /// Builds a gazetteer from the three TSV files of `data/gazetteer/` (see their headers
    /// for the columns).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] for a line with too few columns or a bad number.
    pub fn parse(places_tsv: &'static str, admin1_tsv: &'static str, countries_tsv: &'static str) -> Result<Gazetteer> {
        let mut g = Gazetteer {
            places: Vec::with_capacity(80_000),
            index: FxMap::default(),
            countries: FxMap::default(),
            longest_key_words: 1,
        };
        g.index.reserve(300_000);
        let mut capitals = Vec::new();
        for (line, cols) in rows(countries_tsv) {
            let f = Fields::new("countries.tsv", line, &cols, 9)?;
            let id = g.push(
                Place {
                    geonameid: Some(f.num("geonameid", 4)?),
                    name: cols[2],
                    country_iso3: cols[1],
                    admin1: None,
                    admin1_code: None,
                    lat: f.num("lat", 6)?,
                    lon: f.num("lon", 7)?,
                    population: f.num("population", 8)?,
                    kind: PlaceKind::Country,
                    is_capital: false,
                    alternate_count: 0,
                },
                &[],
                cols[3],
            );
            g.countries.insert(cols[1], id);
            if !cols[5].is_empty() {
                capitals.push(f.num::<u32>("capital_geonameid", 5)?);
            }
        }
        for (line, cols) in rows(admin1_tsv) {
            let f = Fields::new("admin1.tsv", line, &cols, 8)?;
            let code = cols[0].split_once('.').map_or("", |(_, c)| c);
            g.push(
                Place {
                    geonameid: None,
                    name: cols[1],
                    country_iso3: cols[4],
                    admin1: Some(cols[1]),
                    admin1_code: Some(code),
                    lat: f.num("lat", 5)?,
                    lon: f.num("lon", 6)?,
                    population: f.num("population", 7)?,
                    kind: PlaceKind::Admin1,
                    is_capital: false,
                    alternate_count: 0,
                },
                &[cols[2]],
                cols[3],
            );
        }
        for (line, cols) in rows(places_tsv) {
            let f = Fields::new("places.tsv", line, &cols, 11)?;
            g.push(
                Place {
                    geonameid: Some(f.num("geonameid", 0)?),
                    name: cols[1],
                    country_iso3: cols[4],
                    admin1: (!cols[6].is_empty()).then_some(cols[6]),
                    admin1_code: (!cols[5].is_empty()).then_some(cols[5]),
                    lat: f.num("lat", 7)?,
                    lon: f.num("lon", 8)?,
                    population: f.num("population", 9)?,
                    kind: PlaceKind::City,
                    is_capital: cols[10] == "PPLC",
                    alternate_count: 0,
                },
                &[cols[2]],
                cols[3],
            );
        }
        for ids in g.index.values_mut() {
            ids.shrink_to_fit();
        }
        Ok(g)
    }

    fn push(&mut self, mut place: Place, extra_names: &[&str], alternates: &str) -> PlaceId {
        place.alternate_count =
            u16::try_from(alternates.split('|').filter(|a| !a.is_empty()).count()).unwrap_or(u16::MAX);
        let id = PlaceId(u32::try_from(self.places.len()).unwrap_or(u32::MAX));
        let names = std::iter::once(place.name)
            .chain(extra_names.iter().copied())
            .chain(alternates.split('|').filter(|a| !a.is_empty()));
        let mut k = String::new();
        for name in names {
            k.clear();
            push_key(name, &mut k);
            if k.is_empty() {
                continue;
            }
            self.longest_key_words = self.longest_key_words.max(k.split(' ').count());
            if let Some(stripped) = strip_article(&k) {
                add(&mut self.index, stripped, id);
            }
            add(&mut self.index, &k, id);
        }
        self.places.push(place);
        id
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
        if let Some(ids) = self.index.get(k) {
            return ids;
        }
        strip_article(k).and_then(|s| self.index.get(s)).map_or(&[], Vec::as_slice)
    }

    /// The place with this id.
    ///
    /// # Panics
    ///
    /// If `id` comes from another gazetteer and is out of range.
    #[must_use]
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.as_usize()]
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
        self.places.is_empty()
    }

    /// Number of distinct name keys in the index.
    #[must_use]
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// The most words any indexed name has.
    pub(crate) fn longest_key_words(&self) -> usize {
        self.longest_key_words
    }
}

fn add(index: &mut FxMap<Box<str>, Vec<PlaceId>>, k: &str, id: PlaceId) {
    if let Some(ids) = index.get_mut(k) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    } else {
        index.insert(k.into(), vec![id]);
    }
}

/// Non-comment lines split at tabs, with 1-based line numbers.
fn rows(tsv: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

struct Fields<'c> {
    file: &'static str,
    line: usize,
    cols: &'c [&'static str],
}

impl<'c> Fields<'c> {
    fn new(file: &'static str, line: usize, cols: &'c [&'static str], want: usize) -> Result<Self> {
        if cols.len() < want {
            return Err(Error::Parse { file, line, message: format!("{} columns, expected {want}", cols.len()) });
        }
        Ok(Fields { file, line, cols })
    }

    fn num<T: std::str::FromStr>(&self, what: &str, i: usize) -> Result<T> {
        self.cols[i].parse().map_err(|_| Error::Parse {
            file: self.file,
            line: self.line,
            message: format!("bad {what} {:?}", self.cols[i]),
        })
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
    fn bad_rows_are_errors() {
        let err = Gazetteer::parse("1\tX\tX\t\tSYR\t\t\tnorth\t1\t1\tP\n", "", "").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("places.tsv:1: bad lat \"north\""));
        let err = Gazetteer::parse("", "", "SY\tSYR\n").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("countries.tsv:1: 2 columns, expected 9"));
    }
}
