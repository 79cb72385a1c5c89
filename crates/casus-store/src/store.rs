//! The SQLite event store: open, insert, look up, query.

use std::collections::HashSet;
use std::path::Path;

use casus_core::{Date, Event, EventSpans, Span};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::record::{DocumentRecord, Location, StoredEvent};
use crate::{schema, Error, Filter, Result};

/// The columns [`row_to_event`] reads, in order, over `events e`, `sentences s` and
/// `documents d`.
pub(crate) const EVENT_COLUMNS: &str = "e.id, e.doc_id, e.sentence, e.date, e.source, e.target, \
    e.source_text, e.target_text, e.verb_text, e.code, e.negated, s.text, e.rule, \
    e.source_start, e.source_end, e.target_start, e.target_end, e.verb_start, e.verb_end, \
    e.country, e.admin1, e.lat, e.lon, e.geonameid, d.source, d.url, d.ingested_at, e.place, e.date_raw";

/// The joins every event query uses.
pub(crate) const EVENT_FROM: &str = "events e \
    JOIN sentences s ON s.id = e.sentence_id \
    JOIN documents d ON d.id = e.doc_id";

/// What one [`Store::insert_batch`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Documents inserted.
    pub documents: usize,
    /// Events inserted.
    pub events: usize,
    /// Documents left out because their id was already stored.
    pub duplicates: usize,
    /// The ids of those documents, in batch order.
    pub duplicate_ids: Vec<String>,
}

/// Answers "is this document stored?" on a thread of its own while a [`Store`] writes:
/// through a read-only connection to the same file, so nothing is held in memory per
/// document; for an in-memory store, from the ids stored when it was made.
#[derive(Debug)]
pub struct DocumentLookup {
    inner: Lookup,
}

#[derive(Debug)]
enum Lookup {
    File(Connection),
    Snapshot(HashSet<String>),
}

impl DocumentLookup {
    /// Whether a document with this id is stored.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn contains(&self, id: &str) -> Result<bool> {
        match &self.inner {
            Lookup::File(conn) => {
                let mut st = conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
                Ok(st.exists([id])?)
            }
            Lookup::Snapshot(ids) => Ok(ids.contains(id)),
        }
    }
}

/// An event store in one SQLite file.
///
/// Opened in WAL mode with `synchronous=NORMAL`. A batch is one transaction, never stored
/// in part. A committed batch survives the process being killed (even `kill -9`); an
/// operating-system crash or power loss may lose the last batches committed, but leaves
/// the store consistent: an ingest run again puts them back.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// # Errors
    ///
    /// Fails when the file cannot be opened or is not a casus store, or was written by a
    /// newer casus ([`Error::SchemaTooNew`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|source| Error::Open { path: path.to_path_buf(), source })?;
        Store::setup(conn)
    }

    /// A store in memory, for tests and scratch work.
    ///
    /// # Errors
    ///
    /// Fails only when SQLite cannot allocate.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // The writer puts a document before its sentences and events, in one transaction:
        // checking each row's parent again would cost a lookup per row.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        // Checkpoint every 40 MB of WAL rather than 4 MB: pages written by several
        // batches are copied into the database once.
        conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        // A 4 MiB page cache (SQLite's default is 2 MiB) keeps more of the index pages an
        // incremental load writes to (13% less writer time at 1M sentences; 8 MiB saves
        // no more). It is full whatever the store's size: memory stays flat.
        conn.pragma_update(None, "cache_size", -4096)?;
        schema::migrate(&mut conn)?;
        // A bulk load killed before it rebuilt the indexes left them out.
        schema::create_event_indexes(&conn)?;
        let store = Store { conn };
        store.set_meta("casus_version", env!("CARGO_PKG_VERSION"))?;
        store.set_meta("schema_version", &schema::VERSION.to_string())?;
        Ok(store)
    }

    /// The underlying connection, for read-only SQL of your own.
    #[must_use]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Sets a `meta` key.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2) \
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// A `meta` value (`lexicon_version`, `casus_version`, `schema_version`).
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Whether a document with this id is stored.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn has_document(&self, id: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some())
    }

    /// A [`DocumentLookup`] for another thread, to skip documents already stored without
    /// holding every id in memory.
    ///
    /// # Errors
    ///
    /// Fails when the file cannot be opened again or SQLite fails.
    pub fn document_lookup(&self) -> Result<DocumentLookup> {
        let inner = match self.conn.path().filter(|p| !p.is_empty()) {
            Some(path) => {
                let path = std::path::PathBuf::from(path);
                let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = Connection::open_with_flags(&path, flags).map_err(|source| Error::Open { path, source })?;
                conn.busy_timeout(std::time::Duration::from_secs(30))?;
                // Lookups touch a few pages of one index: a small cache does.
                conn.pragma_update(None, "cache_size", -1024)?;
                Lookup::File(conn)
            }
            None => Lookup::Snapshot(self.document_ids()?),
        };
        Ok(DocumentLookup { inner })
    }

    /// Every stored document id.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn document_ids(&self) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let ids = st.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
        Ok(ids)
    }

    /// Number of documents stored.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn document_count(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?)
    }

    /// Number of events stored.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn event_count(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?)
    }

    /// Inserts documents with their sentences and events in one transaction: all of the
    /// batch is stored, or none of it. A document whose id is already stored is left out
    /// with its events and counted in [`BatchSummary::duplicates`].
    ///
    /// # Errors
    ///
    /// Fails when SQLite does; the transaction is then rolled back.
    pub fn insert_batch(&mut self, docs: &[DocumentRecord]) -> Result<BatchSummary> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        let mut summary = BatchSummary::default();
        let tx = self.conn.transaction()?;
        {
            let mut doc_st = tx.prepare_cached(
                "INSERT OR IGNORE INTO documents (id, date, title, source, url, content_hash, \
                 lexicon_version, n_sentences, n_events, ingested_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut sent_st = tx.prepare_cached(
                "INSERT INTO sentences (doc_id, idx, text, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut ev_st = tx.prepare_cached(
                "INSERT INTO events (doc_id, sentence, sentence_id, date, source, target, source_text, \
                 target_text, verb_text, code, root, quad_class, goldstein, plover_type, \
                 plover_mode, negated, rule, source_start, source_end, target_start, target_end, \
                 verb_start, verb_end, country, admin1, lat, lon, geonameid, place, date_raw) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
            )?;
            // (sentence index, sentence row id) of the current document.
            let mut sentence_ids: Vec<(usize, i64)> = Vec::new();
            for rec in docs {
                let m = &rec.meta;
                let date = m.date.map(DateText::new);
                let added = doc_st.execute(params![
                    m.id,
                    date.as_ref().map(DateText::as_str),
                    m.title,
                    m.source,
                    m.url,
                    m.content_hash,
                    m.lexicon_version,
                    to_i64(rec.n_sentences),
                    to_i64(rec.events.len()),
                    m.ingested_at.unwrap_or(now),
                ])?;
                if added == 0 {
                    summary.duplicates += 1;
                    summary.duplicate_ids.push(m.id.clone());
                    continue;
                }
                summary.documents += 1;
                sentence_ids.clear();
                for (k, e) in rec.events.iter().enumerate() {
                    let sentence_id = match sentence_ids.iter().find(|(i, _)| *i == e.sentence) {
                        Some(&(_, id)) => id,
                        None => {
                            let span = rec.sentence_spans.iter().find(|(i, _)| *i == e.sentence).map(|(_, s)| *s);
                            let id = sent_st.insert(params![
                                m.id,
                                to_i64(e.sentence),
                                e.text,
                                span.map(|s| to_i64(s.start)),
                                span.map(|s| to_i64(s.end)),
                            ])?;
                            sentence_ids.push((e.sentence, id));
                            id
                        }
                    };
                    let loc = match (rec.locations.get(k), e.location.as_ref()) {
                        (Some(l), _) if !l.is_unknown() => Place::from(l),
                        (_, Some(l)) => Place::from(l),
                        _ => Place::default(),
                    };
                    let p = e.code.plover();
                    let date = e.date.map(DateText::new);
                    ev_st.execute(params![
                        m.id,
                        to_i64(e.sentence),
                        sentence_id,
                        date.as_ref().map(DateText::as_str),
                        e.source.as_str(),
                        e.target.as_ref().map(casus_core::ActorCode::as_str),
                        e.source_text,
                        e.target_text,
                        e.verb_text,
                        e.code.as_str(),
                        e.code.root().as_str(),
                        e.code.quad_class().as_u8(),
                        f64::from(e.code.goldstein()),
                        p.event_type.map(casus_core::PloverType::as_str),
                        p.mode,
                        e.negated,
                        e.rule,
                        to_i64(e.spans.source.start),
                        to_i64(e.spans.source.end),
                        e.spans.target.map(|s| to_i64(s.start)),
                        e.spans.target.map(|s| to_i64(s.end)),
                        to_i64(e.spans.verb.start),
                        to_i64(e.spans.verb.end),
                        loc.country,
                        loc.admin1,
                        loc.lat,
                        loc.lon,
                        loc.geonameid,
                        loc.name,
                        e.date_raw,
                    ])?;
                    summary.events += 1;
                }
            }
        }
        tx.commit()?;
        Ok(summary)
    }

    /// Drops the events table's secondary indexes before a bulk load: each inserted event
    /// then costs an append instead of a search and a page write in every index.
    /// [`Store::build_indexes`] builds them again, sorting once; until then queries scan.
    /// A store opened without them (the load was killed) builds them on open.
    ///
    /// Worth it when the load adds about as many events as the store holds, or more.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn defer_indexes(&mut self) -> Result<()> {
        schema::drop_event_indexes(&self.conn)
    }

    /// Builds the indexes [`Store::defer_indexes`] dropped; does nothing when they exist.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn build_indexes(&mut self) -> Result<()> {
        schema::create_event_indexes(&self.conn)
    }

    /// Whether the events table has all its indexes (false during a bulk load).
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn has_indexes(&self) -> Result<bool> {
        schema::has_event_indexes(&self.conn)
    }

    /// The events `filter` selects, in insertion order.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does or a stored value does not parse.
    pub fn query(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::new();
        self.for_each(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each event `filter` selects, in insertion order, without holding
    /// them all in memory.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does, a stored value does not parse, or `f` fails.
    pub fn for_each(&self, filter: &Filter, mut f: impl FnMut(StoredEvent) -> Result<()>) -> Result<()> {
        let (where_sql, mut params) = filter.to_sql();
        let mut sql = format!("SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {where_sql} ORDER BY e.id");
        if let Some(n) = filter.limit {
            params.push(rusqlite::types::Value::Integer(to_i64(n)));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            f(row_to_event(row)?)?;
        }
        Ok(())
    }
}

/// A date as `YYYY-MM-DD` text, without allocating.
struct DateText {
    buf: [u8; 16],
    len: usize,
}

impl DateText {
    fn new(d: Date) -> DateText {
        let mut buf = [0u8; 16];
        match u32::try_from(d.year()) {
            Ok(y) if y <= 9999 => {
                let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
                let (m, day) = (d.month(), d.day());
                buf[..10].copy_from_slice(&[
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    b'-',
                    digit(m / 10),
                    digit(m),
                    b'-',
                    digit(day / 10),
                    digit(day),
                ]);
                DateText { buf, len: 10 }
            }
            _ => {
                use std::io::Write as _;
                let mut w = &mut buf[..];
                let _ = write!(w, "{d}");
                let len = 16 - w.len();
                DateText { buf, len }
            }
        }
    }

    fn as_str(&self) -> &str {
        // Invariant: `Date`'s Display writes ASCII only.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The place columns of an event, borrowed from a stored [`Location`] or from the coder's.
#[derive(Default)]
struct Place<'a> {
    name: Option<&'a str>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonameid: Option<i64>,
}

impl<'a> From<&'a Location> for Place<'a> {
    fn from(l: &'a Location) -> Self {
        Place {
            name: l.name.as_deref(),
            country: l.country.as_deref(),
            admin1: l.admin1.as_deref(),
            lat: l.lat,
            lon: l.lon,
            geonameid: l.geonameid,
        }
    }
}

impl<'a> From<&'a casus_core::Location> for Place<'a> {
    fn from(l: &'a casus_core::Location) -> Self {
        Place {
            name: Some(&l.name),
            country: Some(&l.country),
            admin1: l.admin1.as_deref(),
            lat: Some(l.lat),
            lon: Some(l.lon),
            geonameid: l.geonameid.map(i64::from),
        }
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

fn parse<T: std::str::FromStr>(column: &'static str, s: String) -> Result<T> {
    s.parse().map_err(|_| Error::BadValue { column, value: s })
}

/// Reads one row of [`EVENT_COLUMNS`].
pub(crate) fn row_to_event(r: &Row<'_>) -> Result<StoredEvent> {
    let date: Option<String> = r.get(3)?;
    let target: Option<String> = r.get(5)?;
    let target_start: Option<i64> = r.get(15)?;
    let target_end: Option<i64> = r.get(16)?;
    let event = Event {
        doc: r.get(1)?,
        sentence: to_usize(r.get(2)?),
        date: date.map(|d| parse("date", d)).transpose()?,
        source: parse("source", r.get(4)?)?,
        target: target.map(|t| parse("target", t)).transpose()?,
        source_text: r.get(6)?,
        target_text: r.get(7)?,
        verb_text: r.get(8)?,
        // Dictionary-defined codes (PETRARCH dictionaries outside the CAMEO codebook) read back too.
        code: {
            let s: String = r.get(9)?;
            casus_core::CameoCode::custom(&s).map_err(|_| Error::BadValue { column: "code", value: s })?
        },
        negated: r.get(10)?,
        text: r.get(11)?,
        rule: r.get(12)?,
        spans: EventSpans {
            source: Span::new(to_usize(r.get(13)?), to_usize(r.get(14)?)),
            target: target_start.zip(target_end).map(|(s, e)| Span::new(to_usize(s), to_usize(e))),
            verb: Span::new(to_usize(r.get(17)?), to_usize(r.get(18)?)),
        },
        date_raw: r.get(28)?,
        location: None,
    };
    Ok(StoredEvent {
        id: r.get(0)?,
        event,
        location: Location {
            name: r.get(27)?,
            country: r.get(19)?,
            admin1: r.get(20)?,
            lat: r.get(21)?,
            lon: r.get(22)?,
            geonameid: r.get(23)?,
        },
        doc_source: r.get(24)?,
        url: r.get(25)?,
        ingested_at: r.get(26)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_text_is_the_date_displayed() {
        for (y, m, d) in [(2013, 6, 5), (987, 12, 31), (1, 1, 1), (9999, 2, 28), (-44, 3, 15), (2024, 2, 29)] {
            let date = Date::from_ymd(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"));
            assert_eq!(DateText::new(date).as_str(), date.to_string());
        }
    }
}
