//! `casus aggregate`: event counts per period and key.
//!
//! Lines for `main.rs` (the lead adds them):
//!
//! ```text
//! mod aggregate;                                      // with the other `mod` lines
//! /// Count events in a store per day, week or month, by dyad, actor, root or quad class.
//! Aggregate(aggregate::AggregateArgs),                // in `enum Command`
//! Command::Aggregate(args) => aggregate::run(&args),  // in `main`'s match
//! ```

use std::io::{IsTerminal as _, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use casus_store::{AggregateRow, GroupBy, Period};

use crate::query::{open_existing, write_table, FilterArgs};

/// What to group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum By {
    /// Source and target (`SOURCE:TARGET`).
    Dyad,
    /// Source actor.
    Source,
    /// Target actor.
    Target,
    /// Root code.
    Root,
    /// Quad class.
    Quad,
}

/// The period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Per {
    /// Calendar day.
    Day,
    /// Week starting Monday (labelled by its Monday).
    Week,
    /// Calendar month.
    Month,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AggFormat {
    /// Aligned columns.
    Table,
    /// CSV with a header.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `casus aggregate`.
#[derive(Debug, clap::Args)]
pub(crate) struct AggregateArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// What to group by.
    #[arg(long, value_enum, default_value = "dyad")]
    by: By,
    /// The period.
    #[arg(long, value_enum, default_value = "month")]
    per: Per,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format (default: table on a terminal, JSON Lines otherwise).
    #[arg(long, value_enum)]
    format: Option<AggFormat>,
}

const HEADER: [&str; 9] = ["period", "key", "count", "goldstein_sum", "goldstein_mean", "q1", "q2", "q3", "q4"];

fn cells(r: &AggregateRow) -> Vec<String> {
    vec![
        r.period.clone(),
        r.key.clone(),
        r.count.to_string(),
        format!("{:.1}", r.goldstein_sum),
        format!("{:.2}", r.goldstein_mean),
        r.quad[0].to_string(),
        r.quad[1].to_string(),
        r.quad[2].to_string(),
        r.quad[3].to_string(),
    ]
}

pub(crate) fn run(args: &AggregateArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter()?;
    let store = open_existing(&args.db)?;
    let by = match args.by {
        By::Dyad => GroupBy::Dyad,
        By::Source => GroupBy::Source,
        By::Target => GroupBy::Target,
        By::Root => GroupBy::Root,
        By::Quad => GroupBy::Quad,
    };
    let per = match args.per {
        Per::Day => Period::Day,
        Per::Week => Period::Week,
        Per::Month => Period::Month,
    };
    let rows = store.aggregate(&filter, by, per)?;
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { AggFormat::Table } else { AggFormat::Jsonl });
    let mut out = crate::open_output(None)?;
    match format {
        AggFormat::Table => {
            let mut table = vec![HEADER.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
            table.extend(rows.iter().map(cells));
            write_table(out.as_mut(), &table)?;
        }
        AggFormat::Csv => {
            writeln!(out, "{}", HEADER.join(","))?;
            for r in &rows {
                writeln!(out, "{}", cells(r).join(","))?;
            }
        }
        AggFormat::Jsonl => {
            for r in &rows {
                let v = serde_json::json!({
                    "period": r.period,
                    "key": r.key,
                    "count": r.count,
                    "goldstein_sum": r.goldstein_sum,
                    "goldstein_mean": r.goldstein_mean,
                    "q1": r.quad[0],
                    "q2": r.quad[1],
                    "q3": r.quad[2],
                    "q4": r.quad[3],
                });
                writeln!(out, "{v}")?;
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(ExitCode::SUCCESS)
}
