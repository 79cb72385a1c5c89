//! Exports in the formats of other event data sets, and in casus's own.
//!
//! | format | rows | layout |
//! |---|---|---|
//! | [`ExportFormat::Gdelt`] | events | GDELT 2.0 Event table: 61 tab-separated columns, no header ([`GDELT_COLUMNS`]) |
//! | [`ExportFormat::Phoenix`] | one-a-day groups | Phoenix: 26 tab-separated columns with a header ([`PHOENIX_COLUMNS`]) |
//! | [`ExportFormat::Icews`] | events | ICEWS: 20 tab-separated columns with a header ([`ICEWS_COLUMNS`]) |
//! | [`ExportFormat::Plover`] | events PLOVER codes | one JSON object per line, PLOVER field names |
//! | [`ExportFormat::Csv`] | events | every column ([`COLUMNS`]) with a header, RFC 4180 quoting |
//! | [`ExportFormat::Jsonl`] | events | the casus event JSON (`docs/formats/events.md`) |
//! | [`ExportFormat::Parquet`] | events | the CSV columns, typed (see [`COLUMNS`]) |
//!
//! What casus does not know is left empty: tone, ethnicity, ADM2 codes and, until events
//! are geocoded, every place field (GDELT geo types are then `0`).

mod columns;
mod formats;
mod parquet;

use std::io::Write;

pub use columns::{ColumnKind, COLUMNS};
pub use formats::{GDELT_COLUMNS, ICEWS_COLUMNS, PHOENIX_COLUMNS};

use crate::{Filter, Result, Store};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportFormat {
    /// GDELT 2.0 Event table.
    Gdelt,
    /// Phoenix (one-a-day deduplicated).
    Phoenix,
    /// ICEWS.
    Icews,
    /// PLOVER JSON Lines.
    Plover,
    /// CSV with a header.
    Csv,
    /// casus event JSON Lines.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

impl Store {
    /// Writes the events `filter` selects to `out` in `format`; returns the number of rows.
    ///
    /// # Errors
    ///
    /// Fails when the query or a write fails.
    pub fn export<W: Write + Send>(&self, filter: &Filter, format: ExportFormat, mut out: W) -> Result<usize> {
        let n = match format {
            ExportFormat::Gdelt => formats::gdelt(self, filter, &mut out)?,
            ExportFormat::Phoenix => formats::phoenix(self, filter, &mut out)?,
            ExportFormat::Icews => formats::icews(self, filter, &mut out)?,
            ExportFormat::Plover => formats::plover(self, filter, &mut out)?,
            ExportFormat::Csv => columns::csv(self, filter, &mut out)?,
            ExportFormat::Jsonl => {
                let mut n = 0;
                self.for_each(filter, |e| {
                    serde_json::to_writer(&mut out, &e.event).map_err(std::io::Error::other)?;
                    out.write_all(b"\n")?;
                    n += 1;
                    Ok(())
                })?;
                n
            }
            ExportFormat::Parquet => return parquet::write(self, filter, out),
        };
        out.flush()?;
        Ok(n)
    }
}
