//! Gazetteer and place resolution for casus: finds place names in tokenized sentences,
//! resolves them to GeoNames places with the article's countries as context, and turns
//! them into event [`Location`](casus_core::Location)s.
//!
//! # Overview
//!
//! - [`Gazetteer`]: the embedded GeoNames cities of 5000+ people, first-level regions and
//!   countries; [`Gazetteer::lookup`] ignores case, diacritics, punctuation and a leading
//!   Arabic article.
//! - [`Toponyms`]: recognizes place [`Mention`]s in a sentence's [`Word`]s: longest
//!   gazetteer match over capitalized words, a stoplist, and [`Cue`]s ("in", "the town of",
//!   "province").
//! - [`Gazetteer::resolve`]: picks one place per mention, preferring the article's
//!   countries ([`Context`]), then regions shared with the other places, then population.
//!
//! # Example
//!
//! ```
//! use casus_core::{Precision, Span};
//! use casus_geo::{Context, Gazetteer, Toponyms, Word};
//!
//! let text = "Rebels fought near the town of Qusayr.";
//! let words = Word::split(text);
//! let toponyms = Toponyms::embedded();
//! let mentions = toponyms.find(&words);
//! assert_eq!(mentions.len(), 1);
//! assert_eq!(mentions[0].span, Span::new(31, 37));
//!
//! let mut context = Context::new();
//! context.add("SYR", 12);
//! let places = Gazetteer::embedded().resolve(&mentions, &context);
//! assert_eq!(places[0].location.country, "SYR");
//! assert_eq!(places[0].location.precision, Precision::City);
//! ```

mod error;
mod fold;
mod gazetteer;
mod resolve;
mod source;
mod toponym;

pub use error::{Error, Result};
pub use fold::key;
pub use gazetteer::{Gazetteer, Place, PlaceId, PlaceKind};
pub use resolve::{Context, ResolvedPlace};
pub use toponym::{Cue, Mention, Toponyms, Word};

#[cfg(test)]
mod contract {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<super::Gazetteer>();
        assert_send_sync::<super::Toponyms<'static>>();
        assert_send_sync::<super::Mention>();
        assert_send_sync::<super::Error>();
    }
}
