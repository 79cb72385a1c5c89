//! The columns of the CSV and Parquet exports: one list, typed.

use std::io::Write;

use casus_core::Date;

use crate::{Filter, Result, Store, StoredEvent};

/// The type of an export column (its Parquet physical and logical type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// 64-bit integer.
    Int64,
    /// 32-bit integer.
    Int32,
    /// Double.
    Double,
    /// Boolean (`true`/`false` in CSV).
    Bool,
    /// UTF-8 string.
    Utf8,
    /// Calendar date: `YYYY-MM-DD` in CSV, Parquet `DATE` (days since 1970-01-01).
    Date,
}

/// Every column of the CSV and Parquet exports, in order, with its type and whether it
/// may be empty (null).
pub const COLUMNS: &[(&str, ColumnKind, bool)] = &[
    ("id", ColumnKind::Int64, false),
    ("doc", ColumnKind::Utf8, false),
    ("sentence", ColumnKind::Int32, false),
    ("date", ColumnKind::Date, true),
    ("source", ColumnKind::Utf8, false),
    ("target", ColumnKind::Utf8, true),
    ("source_text", ColumnKind::Utf8, false),
    ("target_text", ColumnKind::Utf8, true),
    ("verb_text", ColumnKind::Utf8, false),
    ("code", ColumnKind::Utf8, false),
    ("root", ColumnKind::Utf8, false),
    ("quad_class", ColumnKind::Int32, false),
    ("goldstein", ColumnKind::Double, false),
    ("plover_type", ColumnKind::Utf8, true),
    ("plover_mode", ColumnKind::Utf8, true),
    ("negated", ColumnKind::Bool, false),
    ("rule", ColumnKind::Utf8, false),
    ("text", ColumnKind::Utf8, false),
    ("source_start", ColumnKind::Int64, false),
    ("source_end", ColumnKind::Int64, false),
    ("target_start", ColumnKind::Int64, true),
    ("target_end", ColumnKind::Int64, true),
    ("verb_start", ColumnKind::Int64, false),
    ("verb_end", ColumnKind::Int64, false),
    ("country", ColumnKind::Utf8, true),
    ("admin1", ColumnKind::Utf8, true),
    ("lat", ColumnKind::Double, true),
    ("lon", ColumnKind::Double, true),
    ("geonameid", ColumnKind::Int64, true),
    ("doc_source", ColumnKind::Utf8, true),
    ("url", ColumnKind::Utf8, true),
    ("ingested_at", ColumnKind::Int64, false),
];

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(bool),
    Text(Option<String>),
    Day(Option<Date>),
}

fn int(n: usize) -> Cell {
    Cell::Int(Some(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn text(s: &str) -> Cell {
    Cell::Text(Some(s.to_owned()))
}

/// The cells of one event, in [`COLUMNS`] order.
pub(crate) fn cells(s: &StoredEvent) -> Vec<Cell> {
    let e = &s.event;
    let p = e.code.plover();
    vec![
        Cell::Int(Some(s.id)),
        text(&e.doc),
        int(e.sentence),
        Cell::Day(e.date),
        text(e.source.as_str()),
        Cell::Text(e.target.map(|t| t.to_string())),
        text(&e.source_text),
        Cell::Text(e.target_text.clone()),
        text(&e.verb_text),
        text(e.code.as_str()),
        text(e.code.root().as_str()),
        Cell::Int(Some(i64::from(e.code.quad_class().as_u8()))),
        Cell::Float(Some(f64::from(e.code.goldstein()))),
        Cell::Text(p.event_type.map(|t| t.as_str().to_owned())),
        Cell::Text(p.mode.map(str::to_owned)),
        Cell::Bool(e.negated),
        text(&e.rule),
        text(&e.text),
        int(e.spans.source.start),
        int(e.spans.source.end),
        Cell::Int(e.spans.target.and_then(|t| i64::try_from(t.start).ok())),
        Cell::Int(e.spans.target.and_then(|t| i64::try_from(t.end).ok())),
        int(e.spans.verb.start),
        int(e.spans.verb.end),
        Cell::Text(s.location.country.clone()),
        Cell::Text(s.location.admin1.clone()),
        Cell::Float(s.location.lat),
        Cell::Float(s.location.lon),
        Cell::Int(s.location.geonameid),
        Cell::Text(s.doc_source.clone()),
        Cell::Text(s.url.clone()),
        Cell::Int(Some(s.ingested_at)),
    ]
}

fn csv_field(out: &mut dyn Write, s: &str) -> std::io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", s.replace('"', "\"\""))
    } else {
        out.write_all(s.as_bytes())
    }
}

pub(crate) fn csv(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    writeln!(out, "{}", header.join(","))?;
    let mut n = 0;
    store.for_each(filter, |e| {
        for (i, c) in cells(&e).iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            match c {
                Cell::Int(Some(v)) => write!(out, "{v}")?,
                Cell::Float(Some(v)) => write!(out, "{v}")?,
                Cell::Bool(b) => write!(out, "{b}")?,
                Cell::Text(Some(s)) => csv_field(out, s)?,
                Cell::Day(Some(d)) => write!(out, "{d}")?,
                Cell::Int(None) | Cell::Float(None) | Cell::Text(None) | Cell::Day(None) => {}
            }
        }
        out.write_all(b"\n")?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}
