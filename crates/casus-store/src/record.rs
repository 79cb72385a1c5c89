//! What goes into the store and what comes out of it.

use casus_core::{Date, Event, Span};

/// A document's metadata, as stored in the `documents` table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentMeta {
    /// Document id (file stem or JSON Lines `id`); the primary key.
    pub id: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Title.
    pub title: Option<String>,
    /// The news source (publisher, outlet) from the record's `source` field.
    pub source: Option<String>,
    /// The article URL.
    pub url: Option<String>,
    /// A hash of the document text, see [`content_hash`].
    pub content_hash: String,
    /// The fingerprint of the lexicon the document was coded with.
    pub lexicon_version: Option<String>,
    /// When the document was ingested, in seconds since 1970-01-01 UTC; `None` means now.
    pub ingested_at: Option<i64>,
}

/// Where an event happened. All fields are `NULL` until casus geocodes events; an unknown
/// place is compatible with every place when clustering.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Location {
    /// The place's name ("Al Qusayr").
    pub name: Option<String>,
    /// Country code (ISO 3166-1 alpha-3 or CAMEO country).
    pub country: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// Latitude, degrees.
    pub lat: Option<f64>,
    /// Longitude, degrees.
    pub lon: Option<f64>,
    /// GeoNames feature id.
    pub geonameid: Option<i64>,
}

impl From<&casus_core::Location> for Location {
    fn from(l: &casus_core::Location) -> Self {
        Location {
            name: Some(l.name.clone()),
            country: Some(l.country.clone()),
            admin1: l.admin1.clone(),
            lat: Some(l.lat),
            lon: Some(l.lon),
            geonameid: l.geonameid.map(i64::from),
        }
    }
}

impl Location {
    /// Whether nothing is known about the place.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        self.country.is_none() && self.admin1.is_none() && self.geonameid.is_none()
    }

    /// Whether two places may be the same: every field known on both sides agrees
    /// (GeoNames id, then country and first-level division).
    #[must_use]
    pub fn is_compatible(&self, other: &Location) -> bool {
        fn agree<T: PartialEq>(a: Option<&T>, b: Option<&T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.geonameid.as_ref(), other.geonameid.as_ref())
            && agree(self.country.as_ref(), other.country.as_ref())
            && agree(self.admin1.as_ref(), other.admin1.as_ref())
    }
}

/// One coded document, ready for [`Store::insert_batch`](crate::Store::insert_batch).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentRecord {
    /// The document.
    pub meta: DocumentMeta,
    /// Number of sentences coded.
    pub n_sentences: usize,
    /// The events, in order.
    pub events: Vec<Event>,
    /// The place of each event, parallel to `events`; missing entries are unknown places.
    pub locations: Vec<Location>,
    /// Byte spans of the sentences that produced events, by sentence index.
    pub sentence_spans: Vec<(usize, Span)>,
}

/// An event read back from the store, with its id, place and document facts.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// The store-wide event id (GDELT's GlobalEventID in exports).
    pub id: i64,
    /// The event as coded.
    pub event: Event,
    /// Where it happened, when known.
    pub location: Location,
    /// The document's news source.
    pub doc_source: Option<String>,
    /// The document's URL.
    pub url: Option<String>,
    /// When the document was ingested, seconds since 1970-01-01 UTC.
    pub ingested_at: i64,
}

/// FNV-1a (64 bits) of `text`, as 16 hex digits: the `content_hash` of a document.
#[must_use]
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Seconds since 1970-01-01 UTC → `(date, hour, minute, second)`.
pub(crate) fn civil(secs: i64) -> (Option<Date>, u32, u32, u32) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let h = u32::try_from(rem / 3600).unwrap_or(0);
    let m = u32::try_from(rem % 3600 / 60).unwrap_or(0);
    let s = u32::try_from(rem % 60).unwrap_or(0);
    (Date::from_days(days), h, m, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_places_are_compatible_with_everything() {
        let syr = Location { country: Some("SYR".into()), ..Location::default() };
        let homs = Location { country: Some("SYR".into()), admin1: Some("Homs".into()), ..Location::default() };
        let irq = Location { country: Some("IRQ".into()), ..Location::default() };
        assert!(Location::default().is_compatible(&syr));
        assert!(syr.is_compatible(&homs));
        assert!(!syr.is_compatible(&irq));
        assert!(Location::default().is_unknown());
    }

    #[test]
    fn hash_and_civil_time() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        let (d, h, m, s) = civil(1_370_390_400 + 3661);
        assert_eq!(d.map(|d| d.to_string()), Some("2013-06-05".into()));
        assert_eq!((h, m, s), (1, 1, 1));
    }
}
