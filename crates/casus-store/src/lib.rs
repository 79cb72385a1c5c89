//! The casus event store: coded documents and their events in one SQLite file, with
//! deduplicated views, queries, aggregates and exports.
//!
//! # Overview
//!
//! - [`Store`]: opens a store (WAL, `synchronous=NORMAL`, versioned schema), inserts
//!   batches of [`DocumentRecord`]s in one transaction each, and skips documents already
//!   stored ([`Store::document_lookup`], [`Store::has_document`]). A bulk load drops the
//!   event indexes and builds them once at its end ([`Store::defer_indexes`],
//!   [`Store::build_indexes`]).
//! - [`Filter`]: which events to select: actors by code prefix ([`ActorRole`]), code,
//!   root, quad class, dates, place, words of the sentence, a limit.
//! - [`Store::query`] returns [`StoredEvent`]s; [`Store::daily`] the Phoenix one-a-day
//!   view ([`DailyEvent`]); [`Store::clusters`] reports of the same event across documents
//!   ([`Cluster`], with GDELT's NumMentions, NumSources and NumArticles);
//!   [`Store::aggregate`] counts per [`Period`] and [`GroupBy`] key ([`AggregateRow`]).
//! - [`Store::export`] writes GDELT 2.0, Phoenix, ICEWS, PLOVER, CSV, JSON Lines or
//!   Parquet ([`ExportFormat`]).
//!
//! # Tables
//!
//! `documents` (one row per document: id, date, title, source, url, content hash, lexicon
//! version, sentence and event counts, ingestion time), `sentences` (the sentences that
//! produced events, with their spans), `events` (every field of [`casus_core::Event`], the
//! derived root, quad class, Goldstein value and PLOVER type and mode, and place columns
//! `country`, `admin1`, `lat`, `lon`, `geonameid`, NULL until events are geocoded) and
//! `meta` (`lexicon_version`, `casus_version`, `schema_version`). `PRAGMA user_version`
//! holds the schema version; migrations run on open.
//!
//! # Example
//!
//! ```
//! use casus_core::{Event, EventSpans, Span};
//! use casus_store::{ActorRole, DocumentMeta, DocumentRecord, Filter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let event = Event {
//!     doc: "d1".into(),
//!     sentence: 0,
//!     date: "2013-06-05".parse().ok(),
//!     source: "USA".parse()?,
//!     target: Some("IRN".parse()?),
//!     source_text: "The United States".into(),
//!     target_text: Some("Iran".into()),
//!     verb_text: "imposed sanctions on".into(),
//!     code: "163".parse()?,
//!     negated: false,
//!     text: "The United States imposed sanctions on Iran.".into(),
//!     spans: EventSpans { source: Span::new(0, 17), target: Some(Span::new(39, 43)), verb: Span::new(18, 38) },
//!     rule: "163:impose sanction on +".into(),
//!     date_raw: None,
//!     location: None,
//! };
//! let doc = DocumentRecord {
//!     meta: DocumentMeta { id: "d1".into(), ..DocumentMeta::default() },
//!     n_sentences: 1,
//!     events: vec![event.clone()],
//!     ..DocumentRecord::default()
//! };
//! store.insert_batch(&[doc])?;
//! let found = store.query(&Filter::new().actor("IRN".parse()?, ActorRole::Target))?;
//! assert_eq!(found[0].event, event);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod aggregate;
mod dedup;
mod error;
mod export;
mod filter;
mod record;
mod schema;
mod store;

pub use aggregate::{AggregateRow, GroupBy, Period};
pub use dedup::{Cluster, DailyEvent};
pub use error::{Error, Result};
pub use export::{ColumnKind, ExportFormat, COLUMNS, GDELT_COLUMNS, ICEWS_COLUMNS, PHOENIX_COLUMNS};
pub use filter::{ActorRole, Filter};
pub use record::{content_hash, DocumentMeta, DocumentRecord, Location, StoredEvent};
pub use store::{BatchSummary, DocumentLookup, Store};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod contract {
    #[test]
    fn public_types_are_send() {
        fn send<T: Send>() {}
        fn send_sync<T: Send + Sync>() {}
        send::<super::Store>();
        send::<super::DocumentLookup>();
        send_sync::<super::Error>();
        send_sync::<super::StoredEvent>();
        send_sync::<super::DocumentRecord>();
    }
}
