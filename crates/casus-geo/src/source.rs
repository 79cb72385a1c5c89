//! The gazetteer's source files (`data/gazetteer/*.tsv`) → places and a name index, and the
//! packed form of both that the build script compiles into the binary.
//!
//! This module is also compiled into `build.rs` (by `#[path]`), so it uses nothing of the
//! crate but `fold`, and only `std` and `casus_frozen` besides.

use std::collections::HashMap;

use crate::fold::{push_key, strip_article};

/// A place as read from the files; strings borrow from them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawPlace<'a> {
    pub geonameid: Option<u32>,
    pub name: &'a str,
    pub country_iso3: &'a str,
    pub admin1: Option<&'a str>,
    pub admin1_code: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// 0 city, 1 first-level region, 2 country.
    pub kind: u8,
    pub is_capital: bool,
    pub alternate_count: u16,
}

/// A bad line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// Everything the three files hold: places (countries first, then regions, then cities)
/// and the name index, its keys in first-seen order.
#[derive(Debug, Default)]
pub(crate) struct Source<'a> {
    pub places: Vec<RawPlace<'a>>,
    pub countries: usize,
    pub keys: Vec<String>,
    pub postings: Vec<Vec<u32>>,
    pub longest_key_words: usize,
    key_index: HashMap<String, usize>,
}

/// Size of a packed place record.
pub(crate) const RECORD: usize = 64;

impl<'a> Source<'a> {
    /// Reads the three TSV files of `data/gazetteer/` (see their headers for the columns).
    pub(crate) fn parse(places_tsv: &'a str, admin1_tsv: &'a str, countries_tsv: &'a str) -> Result<Self, SourceError> {
        let mut g = Source { longest_key_words: 1, ..Source::default() };
        for (line, cols) in rows(countries_tsv) {
            let f = Fields::new("countries.tsv", line, &cols, 9)?;
            g.push(
                RawPlace {
                    geonameid: Some(f.num("geonameid", 4)?),
                    name: cols[2],
                    country_iso3: cols[1],
                    admin1: None,
                    admin1_code: None,
                    lat: f.num("lat", 6)?,
                    lon: f.num("lon", 7)?,
                    population: f.num("population", 8)?,
                    kind: 2,
                    is_capital: false,
                    alternate_count: 0,
                },
                &[],
                cols[3],
            );
            if !cols[5].is_empty() {
                f.num::<u32>("capital_geonameid", 5)?;
            }
        }
        g.countries = g.places.len();
        for (line, cols) in rows(admin1_tsv) {
            let f = Fields::new("admin1.tsv", line, &cols, 8)?;
            let code = cols[0].split_once('.').map_or("", |(_, c)| c);
            g.push(
                RawPlace {
                    geonameid: None,
                    name: cols[1],
                    country_iso3: cols[4],
                    admin1: Some(cols[1]),
                    admin1_code: Some(code),
                    lat: f.num("lat", 5)?,
                    lon: f.num("lon", 6)?,
                    population: f.num("population", 7)?,
                    kind: 1,
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
                RawPlace {
                    geonameid: Some(f.num("geonameid", 0)?),
                    name: cols[1],
                    country_iso3: cols[4],
                    admin1: (!cols[6].is_empty()).then_some(cols[6]),
                    admin1_code: (!cols[5].is_empty()).then_some(cols[5]),
                    lat: f.num("lat", 7)?,
                    lon: f.num("lon", 8)?,
                    population: f.num("population", 9)?,
                    kind: 0,
                    is_capital: cols[10] == "PPLC",
                    alternate_count: 0,
                },
                &[cols[2]],
                cols[3],
            );
        }
        Ok(g)
    }

    fn push(&mut self, mut place: RawPlace<'a>, extra_names: &[&str], alternates: &str) {
        place.alternate_count =
            u16::try_from(alternates.split('|').filter(|a| !a.is_empty()).count()).unwrap_or(u16::MAX);
        let id = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
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
                self.add(stripped, id);
            }
            let whole = k.clone();
            self.add(&whole, id);
        }
        self.places.push(place);
    }

    fn add(&mut self, k: &str, id: u32) {
        if let Some(&i) = self.key_index.get(k) {
            if !self.postings[i].contains(&id) {
                self.postings[i].push(id);
            }
        } else {
            self.key_index.insert(k.to_owned(), self.keys.len());
            self.keys.push(k.to_owned());
            self.postings.push(vec![id]);
        }
    }

    /// The name index as a frozen map (key → offset of its postings in `postings`: a count,
    /// then that many place ids) and the postings.
    pub(crate) fn index(&self) -> Result<(String, Vec<u8>, Vec<u32>), casus_frozen::Error> {
        let mut flat = Vec::with_capacity(self.postings.len() * 3);
        let mut values = Vec::with_capacity(self.keys.len());
        for ids in &self.postings {
            values.push(u32::try_from(flat.len()).map_err(|_| casus_frozen::Error::TooLarge)?);
            flat.push(u32::try_from(ids.len()).map_err(|_| casus_frozen::Error::TooLarge)?);
            flat.extend_from_slice(ids);
        }
        let (keys, table) = casus_frozen::build(self.keys.iter().zip(values))?;
        Ok((keys, table, flat))
    }

    /// The places as fixed-size records whose strings point into a string table: the
    /// records and the table.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn pack_places(&self) -> (Vec<u8>, String) {
        let mut strings = String::new();
        let mut seen: HashMap<&str, (u32, u32)> = HashMap::new();
        let mut records = Vec::with_capacity(self.places.len() * RECORD);
        for p in &self.places {
            let mut string = |s: &'a str| -> (u32, u32) {
                *seen.entry(s).or_insert_with(|| {
                    let at = (u32::try_from(strings.len()).unwrap_or(u32::MAX), u32::try_from(s.len()).unwrap_or(0));
                    strings.push_str(s);
                    at
                })
            };
            let mut r = [0u8; RECORD];
            let flags = p.kind
                | if p.is_capital { 4 } else { 0 }
                | if p.geonameid.is_some() { 8 } else { 0 }
                | if p.admin1.is_some() { 16 } else { 0 }
                | if p.admin1_code.is_some() { 32 } else { 0 };
            let fields = [
                string(p.name),
                string(p.country_iso3),
                string(p.admin1.unwrap_or("")),
                string(p.admin1_code.unwrap_or("")),
            ];
            for (i, (off, len)) in fields.iter().enumerate() {
                r[8 * i..8 * i + 4].copy_from_slice(&off.to_le_bytes());
                r[8 * i + 4..8 * i + 8].copy_from_slice(&len.to_le_bytes());
            }
            r[32..40].copy_from_slice(&p.lat.to_le_bytes());
            r[40..48].copy_from_slice(&p.lon.to_le_bytes());
            r[48..56].copy_from_slice(&p.population.to_le_bytes());
            r[56..60].copy_from_slice(&p.geonameid.unwrap_or(0).to_le_bytes());
            r[60..62].copy_from_slice(&p.alternate_count.to_le_bytes());
            r[62] = flags;
            records.extend_from_slice(&r);
        }
        (records, strings)
    }
}

/// Reads back a record written by [`Source::pack_places`]; `None` when the record is
/// short or its strings fall outside `strings`.
pub(crate) fn unpack_place<'s>(r: &[u8], strings: &'s str) -> Option<RawPlace<'s>> {
    let r: &[u8; RECORD] = r.try_into().ok()?;
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    let u64_at = |i: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&r[i..i + 8]);
        u64::from_le_bytes(b)
    };
    let string = |i: usize| {
        let off = u32_at(8 * i) as usize;
        strings.get(off..off + u32_at(8 * i + 4) as usize)
    };
    let flags = r[62];
    Some(RawPlace {
        geonameid: (flags & 8 != 0).then(|| u32_at(56)),
        name: string(0)?,
        country_iso3: string(1)?,
        admin1: if flags & 16 != 0 { Some(string(2)?) } else { None },
        admin1_code: if flags & 32 != 0 { Some(string(3)?) } else { None },
        lat: f64::from_bits(u64_at(32)),
        lon: f64::from_bits(u64_at(40)),
        population: u64_at(48),
        kind: flags & 3,
        is_capital: flags & 4 != 0,
        alternate_count: u16::from_le_bytes([r[60], r[61]]),
    })
}

/// Non-comment lines split at tabs, with 1-based line numbers.
fn rows(tsv: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

struct Fields<'c, 'a> {
    file: &'static str,
    line: usize,
    cols: &'c [&'a str],
}

impl<'c, 'a> Fields<'c, 'a> {
    fn new(file: &'static str, line: usize, cols: &'c [&'a str], want: usize) -> Result<Self, SourceError> {
        if cols.len() < want {
            return Err(SourceError { file, line, message: format!("{} columns, expected {want}", cols.len()) });
        }
        Ok(Fields { file, line, cols })
    }

    fn num<T: std::str::FromStr>(&self, what: &str, i: usize) -> Result<T, SourceError> {
        self.cols[i].parse().map_err(|_| SourceError {
            file: self.file,
            line: self.line,
            message: format!("bad {what} {:?}", self.cols[i]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_places_read_back_the_same() {
        let countries = "SY\tSYR\tSyria\tSyrian Arab Republic\t163843\t170654\t35\t38\t22933531\n";
        let admin1 = "SY.11\tHoms\tHoms\tHims|Homs Governorate\tSYR\t34.6\t37.8\t1803000\n";
        let places = "170592\tAl Quşayr\tAl Qusayr\tQusayr|al-Qusayr\tSYR\t11\tHoms\t34.50\t36.58\t30000\tPPL\n";
        let src = Source::parse(places, admin1, countries).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(src.places.len(), 3);
        assert!(src.keys.contains(&"qusayr".to_owned()));
        let (records, strings) = src.pack_places();
        for (r, p) in records.chunks_exact(RECORD).zip(&src.places) {
            assert_eq!(unpack_place(r, &strings).as_ref(), Some(p));
        }
        assert_eq!(unpack_place(&records[..10], &strings), None);
    }
}
