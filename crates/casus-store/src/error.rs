//! The store's error type.

use std::path::PathBuf;

/// Everything that can go wrong in the event store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened or created.
    #[error("cannot open event store {}", .path.display())]
    Open {
        /// The database path.
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer casus whose schema this one does not know.
    #[error("event store schema version {found} is newer than this casus supports ({supported})")]
    SchemaTooNew {
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A SQLite statement failed.
    #[error("event store query failed")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored value could not be read back (a code or date that does not parse).
    #[error("bad stored value {value:?} in column {column}")]
    BadValue {
        /// The column.
        column: &'static str,
        /// The value as stored.
        value: String,
    },
    /// Writing an export failed.
    #[error("cannot write export")]
    Write(#[from] std::io::Error),
    /// Writing a Parquet file failed.
    #[error("cannot write parquet")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_name_the_value() {
        let e = Error::BadValue { column: "code", value: "999".into() };
        assert_eq!(e.to_string(), "bad stored value \"999\" in column code");
        let e = Error::SchemaTooNew { found: 9, supported: 1 };
        assert!(e.to_string().starts_with("event store schema version 9"));
    }
}
