//! The versioned schema: migrations applied in order, tracked by `PRAGMA user_version`.

use rusqlite::Connection;

use crate::{Error, Result};

/// Migration `i` (0-based) brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: everything.
    r"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id              TEXT PRIMARY KEY,
    date            TEXT,
    title           TEXT,
    source          TEXT,
    url             TEXT,
    content_hash    TEXT NOT NULL,
    lexicon_version TEXT,
    n_sentences     INTEGER NOT NULL,
    n_events        INTEGER NOT NULL,
    ingested_at     INTEGER NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sentences (
    doc_id     TEXT NOT NULL REFERENCES documents(id),
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents(id),
    sentence     INTEGER NOT NULL,
    date         TEXT,
    source       TEXT NOT NULL,
    target       TEXT,
    source_text  TEXT NOT NULL,
    target_text  TEXT,
    verb_text    TEXT NOT NULL,
    code         TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    plover_type  TEXT,
    plover_mode  TEXT,
    negated      INTEGER NOT NULL,
    rule         TEXT NOT NULL,
    source_start INTEGER NOT NULL,
    source_end   INTEGER NOT NULL,
    target_start INTEGER,
    target_end   INTEGER,
    verb_start   INTEGER NOT NULL,
    verb_end     INTEGER NOT NULL,
    country      TEXT,
    admin1       TEXT,
    lat          REAL,
    lon          REAL,
    geonameid    INTEGER
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root ON events(root, date);
CREATE INDEX events_doc ON events(doc_id, sentence);
",
    // 2: the place's name and the stated date expression.
    r"
ALTER TABLE events ADD COLUMN place TEXT;
ALTER TABLE events ADD COLUMN date_raw TEXT;
",
    // 3: a cheaper write path. Sentences get integer ids, in insertion order, that events
    // point to (appending instead of inserting into a tree keyed by document id), and the
    // two indexes no query needs go: root filters use events_code through a code range,
    // and nothing looks events up by document.
    r"
CREATE TABLE sentences_v3 (
    id         INTEGER PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(id),
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER
);
INSERT INTO sentences_v3 (doc_id, idx, text, span_start, span_end)
    SELECT doc_id, idx, text, span_start, span_end FROM sentences;
CREATE INDEX sentences_v3_key ON sentences_v3(doc_id, idx);
ALTER TABLE events ADD COLUMN sentence_id INTEGER;
UPDATE events SET sentence_id =
    (SELECT s.id FROM sentences_v3 s WHERE s.doc_id = events.doc_id AND s.idx = events.sentence);
DROP INDEX sentences_v3_key;
DROP TABLE sentences;
ALTER TABLE sentences_v3 RENAME TO sentences;
DROP INDEX events_root;
DROP INDEX events_doc;
",
];

/// The schema version this build writes.
pub(crate) const VERSION: i64 = 3;

/// The events table's secondary indexes, (name, `CREATE INDEX` target), as the current
/// schema defines them. A bulk load drops them and builds them again at its end
/// ([`drop_event_indexes`], [`create_event_indexes`]); a store opened without them (a
/// bulk load that was killed) gets them back on open.
pub(crate) const EVENT_INDEXES: &[(&str, &str)] = &[
    ("events_date", "events(date)"),
    ("events_source", "events(source)"),
    ("events_target", "events(target)"),
    ("events_code", "events(code)"),
];

/// Creates every index of [`EVENT_INDEXES`] that is missing.
pub(crate) fn create_event_indexes(conn: &Connection) -> Result<()> {
    for (name, on) in EVENT_INDEXES {
        conn.execute_batch(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"))?;
    }
    Ok(())
}

/// Drops the indexes of [`EVENT_INDEXES`].
pub(crate) fn drop_event_indexes(conn: &Connection) -> Result<()> {
    for (name, _) in EVENT_INDEXES {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    Ok(())
}

/// Whether every index of [`EVENT_INDEXES`] exists.
pub(crate) fn has_event_indexes(conn: &Connection) -> Result<bool> {
    let mut st = conn.prepare_cached("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1")?;
    for (name, _) in EVENT_INDEXES {
        if st.query_row([name], |r| r.get::<_, i64>(0))? == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Applies every migration the database has not seen, each in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > VERSION {
        return Err(Error::SchemaTooNew { found: current, supported: VERSION });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(current).unwrap_or(0)) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap_or(VERSION))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_reach_the_current_version_and_are_idempotent() {
        let mut c = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        migrate(&mut c).unwrap_or_else(|e| panic!("{e}"));
        migrate(&mut c).unwrap_or_else(|e| panic!("{e}"));
        let v: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or_default();
        assert_eq!(v, VERSION);
        assert_eq!(MIGRATIONS.len(), usize::try_from(VERSION).unwrap_or(0));
        assert!(has_event_indexes(&c).unwrap_or(false));
    }

    #[test]
    fn event_indexes_drop_and_come_back() {
        let mut c = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        migrate(&mut c).unwrap_or_else(|e| panic!("{e}"));
        drop_event_indexes(&c).unwrap_or_else(|e| panic!("{e}"));
        assert!(!has_event_indexes(&c).unwrap_or(true));
        create_event_indexes(&c).unwrap_or_else(|e| panic!("{e}"));
        create_event_indexes(&c).unwrap_or_else(|e| panic!("{e}"));
        assert!(has_event_indexes(&c).unwrap_or(false));
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut c = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        c.pragma_update(None, "user_version", 99).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(migrate(&mut c), Err(Error::SchemaTooNew { found: 99, .. })));
    }
}
