//! `casus query`: events from a store, filtered; also the deduplicated views.
//!
//! Lines for `main.rs` (the lead adds them):
//!
//! ```text
//! mod query;                                  // with the other `mod` lines
//! /// Query an event store: filter events, or their one-a-day or cluster views.
//! Query(query::QueryArgs),                    // in `enum Command`
//! Command::Query(args) => query::run(&args),  // in `main`'s match
//! ```

use std::io::{IsTerminal as _, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use casus_core::{ActorCode, CameoCode, Date, QuadClass};
use casus_store::{ActorRole, Filter, Store, StoredEvent};

/// The filters shared by `query`, `aggregate` and `export`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct FilterArgs {
    /// Events with this actor (code prefix: SYR matches SYRMIL) as source or target.
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Events whose source matches this actor code prefix.
    #[arg(long, value_name = "CODE")]
    source: Option<String>,
    /// Events whose target matches this actor code prefix.
    #[arg(long, value_name = "CODE")]
    target: Option<String>,
    /// Events with this CAMEO code or one below it (19 matches 190–196).
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Events with this root code, 1–20.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=20))]
    root: Option<u8>,
    /// Events of this quad class, 1–4.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// First date, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Last date, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// Place: a country code (ISO3), or part of a province name.
    #[arg(long, value_name = "PLACE")]
    place: Option<String>,
    /// Words that must all occur in the sentence.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

impl FilterArgs {
    /// The store filter, or an error naming the bad flag.
    pub(crate) fn to_filter(&self) -> anyhow::Result<Filter> {
        let actor = |flag: &str, v: &str| -> anyhow::Result<ActorCode> {
            v.trim().to_uppercase().parse().with_context(|| format!("--{flag} {v:?}"))
        };
        let date = |flag: &str, v: &Option<String>| -> anyhow::Result<Option<Date>> {
            v.as_deref().map(|d| d.parse().with_context(|| format!("--{flag} {d:?}"))).transpose()
        };
        let mut f = Filter::new();
        if let Some(a) = &self.actor {
            f = f.actor(actor("actor", a)?, ActorRole::Either);
        }
        if let Some(a) = &self.source {
            f = f.actor(actor("source", a)?, ActorRole::Source);
        }
        if let Some(a) = &self.target {
            f = f.actor(actor("target", a)?, ActorRole::Target);
        }
        f.code = self
            .code
            .as_deref()
            .map(|c| c.parse::<CameoCode>().with_context(|| format!("--code {c:?}")))
            .transpose()?;
        f.root = self.root;
        f.quad_class = self.quad.and_then(|q| {
            QuadClass::of_root(match q {
                1 => 1,
                2 => 6,
                3 => 9,
                _ => 14,
            })
        });
        f.date_from = date("from", &self.from)?;
        f.date_to = date("to", &self.to)?;
        f.place = self.place.clone();
        f.text = self.text.as_deref().map(|t| t.split_whitespace().map(str::to_owned).collect()).unwrap_or_default();
        f.limit = self.limit;
        Ok(f)
    }
}

/// Output format of `casus query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum QueryFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header.
    Csv,
}

/// Deduplicated views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Dedup {
    /// One row per (date, source, target, code), as the Phoenix data sets.
    Daily,
    /// Reports of the same event across documents (same dyad and 3-digit code, ±1 day).
    Clusters,
}

/// Arguments of `casus query`.
#[derive(Debug, clap::Args)]
pub(crate) struct QueryArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format (default: table on a terminal, JSON Lines otherwise).
    #[arg(long, value_enum)]
    format: Option<QueryFormat>,
    /// Query a deduplicated view instead of the events.
    #[arg(long, value_enum)]
    dedup: Option<Dedup>,
}

/// Opens an existing store (never creates one for a query).
pub(crate) fn open_existing(db: &PathBuf) -> anyhow::Result<Store> {
    anyhow::ensure!(db.exists(), "{}: no such event store", db.display());
    Store::open(db).with_context(|| format!("cannot open the store {}", db.display()))
}

/// One output row: the event plus the view's extra columns.
struct Row<'a> {
    e: &'a StoredEvent,
    extra: Vec<(&'static str, serde_json::Value)>,
}

fn json_row(r: &Row<'_>) -> serde_json::Value {
    let mut v = serde_json::to_value(&r.e.event).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("id".into(), r.e.id.into());
        for (k, x) in &r.extra {
            o.insert((*k).into(), x.clone());
        }
    }
    v
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

const BASE: [&str; 9] = ["id", "date", "source", "target", "code", "quad", "goldstein", "doc", "text"];

fn base_cells(e: &StoredEvent) -> Vec<String> {
    let ev = &e.event;
    vec![
        e.id.to_string(),
        ev.date.map(|d| d.to_string()).unwrap_or_default(),
        ev.source.to_string(),
        ev.target.map(|t| t.to_string()).unwrap_or_default(),
        ev.code.to_string(),
        ev.code.quad_class().as_u8().to_string(),
        ev.code.goldstein().to_string(),
        ev.doc.clone(),
        ev.text.replace(['\n', '\r', '\t'], " "),
    ]
}

fn extra_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => {
            a.iter().map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned)).collect::<Vec<_>>().join(";")
        }
        other => other.to_string(),
    }
}

fn write_rows(out: &mut dyn Write, rows: &[Row<'_>], format: QueryFormat) -> std::io::Result<()> {
    match format {
        QueryFormat::Jsonl => {
            for r in rows {
                writeln!(out, "{}", json_row(r))?;
            }
        }
        QueryFormat::Csv => {
            let mut header: Vec<&str> = BASE.to_vec();
            if let Some(r) = rows.first() {
                header.extend(r.extra.iter().map(|(k, _)| *k));
            }
            writeln!(out, "{}", header.join(","))?;
            for r in rows {
                let mut cells = base_cells(r.e);
                cells.extend(r.extra.iter().map(|(_, v)| extra_cell(v)));
                let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
                writeln!(out, "{}", cells.join(","))?;
            }
        }
        QueryFormat::Table => {
            let mut header: Vec<String> = BASE.iter().map(|s| (*s).to_owned()).collect();
            if let Some(r) = rows.first() {
                header.extend(r.extra.iter().map(|(k, _)| (*k).to_owned()));
            }
            let mut table: Vec<Vec<String>> = vec![header];
            for r in rows {
                let mut cells = base_cells(r.e);
                // Keep the sentence readable in a terminal.
                if let Some(t) = cells.get_mut(8) {
                    if t.chars().count() > 80 {
                        *t = format!("{}…", t.chars().take(79).collect::<String>());
                    }
                }
                cells.extend(r.extra.iter().map(|(_, v)| extra_cell(v)));
                table.push(cells);
            }
            crate::query::write_table(out, &table)?;
        }
    }
    Ok(())
}

/// Writes rows as left-aligned columns separated by two spaces.
pub(crate) fn write_table(out: &mut dyn Write, table: &[Vec<String>]) -> std::io::Result<()> {
    let cols = table.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for row in table {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    for row in table {
        let mut line = String::new();
        for (i, c) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(c);
            } else {
                line.push_str(c);
                line.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub(crate) fn run(args: &QueryArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter()?;
    let store = open_existing(&args.db)?;
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { QueryFormat::Table } else { QueryFormat::Jsonl });
    let mut out = crate::open_output(None)?;
    let n = match args.dedup {
        None => {
            let events = store.query(&filter)?;
            let rows: Vec<Row<'_>> = events.iter().map(|e| Row { e, extra: Vec::new() }).collect();
            write_rows(out.as_mut(), &rows, format)?;
            rows.len()
        }
        Some(Dedup::Daily) => {
            let daily = store.daily(&filter)?;
            let rows: Vec<Row<'_>> = daily
                .iter()
                .map(|d| Row {
                    e: &d.first,
                    extra: vec![
                        ("count", d.count.into()),
                        ("event_ids", d.event_ids.clone().into()),
                        ("docs", d.doc_ids.clone().into()),
                    ],
                })
                .collect();
            write_rows(out.as_mut(), &rows, format)?;
            rows.len()
        }
        Some(Dedup::Clusters) => {
            let clusters = store.clusters(&filter)?;
            let rows: Vec<Row<'_>> = clusters
                .iter()
                .map(|c| Row {
                    e: &c.first,
                    extra: vec![
                        ("last_date", c.dates.1.map(|d| d.to_string()).into()),
                        ("num_mentions", c.num_mentions.into()),
                        ("num_sources", c.num_sources.into()),
                        ("num_articles", c.num_articles.into()),
                        ("event_ids", c.event_ids.clone().into()),
                    ],
                })
                .collect();
            write_rows(out.as_mut(), &rows, format)?;
            rows.len()
        }
    };
    out.flush().context("cannot write output")?;
    let _ = writeln!(std::io::stderr().lock(), "casus: {n} rows");
    Ok(ExitCode::SUCCESS)
}
