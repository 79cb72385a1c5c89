//! Where an event happened: a place from the gazetteer, with its precision and where the
//! coder found it.

use serde::{Deserialize, Serialize};

/// How precise a [`Location`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A city, town or village.
    City,
    /// A first-level administrative division: province, governorate, state.
    Admin1,
    /// A whole country.
    Country,
}

/// Where in the article a [`Location`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    /// A place named in the event's own sentence.
    Sentence,
    /// The story's dateline ("BEIRUT, June 5 (AP) --").
    Dateline,
    /// Elsewhere in the article (its most frequent place).
    Article,
}

/// A geolocated place.
///
/// Serialized as `{"name","country","admin1","lat","lon","geonameid","precision","source"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name in the gazetteer ("Al Qusayr").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country ("SYR"; Kosovo is "XKX").
    pub country: String,
    /// Name of the first-level administrative division ("Homs"), if known.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id, when the place has one (regions do not).
    pub geonameid: Option<u32>,
    /// City, region or country.
    pub precision: Precision,
    /// Where the place was found.
    pub source: LocationSource,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_in_snake_case() {
        let loc = Location {
            name: "Al Qusayr".into(),
            country: "SYR".into(),
            admin1: Some("Homs".into()),
            lat: 34.5078,
            lon: 36.58029,
            geonameid: Some(173_322),
            precision: Precision::City,
            source: LocationSource::Sentence,
        };
        let json = serde_json::to_string(&loc).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"name":"Al Qusayr","country":"SYR","admin1":"Homs","lat":34.5078,"lon":36.58029,"geonameid":173322,"precision":"city","source":"sentence"}"#
        );
        let back: Location = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, loc);
    }
}
