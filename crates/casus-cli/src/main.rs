//! `casus`: code news text into CAMEO and PLOVER political events.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc: coding allocates many small, short-lived strings and vectors per sentence.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod aggregate;
mod bench;
mod code;
mod dict;
mod export;
mod ingest;
mod input;
mod output;
mod petr_xml;
mod query;
mod validate;

/// casus: political event data from news text (CAMEO + PLOVER).
#[derive(Debug, Parser)]
#[command(name = "casus", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code documents into events (one JSON object per line).
    Code(code::CodeArgs),
    /// Code corpora into an event store (SQLite), skipping documents already stored.
    Ingest(ingest::IngestArgs),
    /// Query stored events (filters by actor, code, date, place, text).
    Query(query::QueryArgs),
    /// Aggregate stored events by dyad, actor, root or quad class per day, week or month.
    Aggregate(aggregate::AggregateArgs),
    /// Export stored events: GDELT, Phoenix, ICEWS, PLOVER, CSV, JSON Lines, Parquet.
    Export(export::ExportArgs),
    /// Measure coding (and ingest) throughput on a generated corpus.
    Bench(bench::BenchArgs),
    /// Run PETRARCH unit-test records (PETR.UnitTest.records.xml) and report pass/fail.
    Validate(validate::ValidateArgs),
    /// Dictionary tools: lint, stats.
    #[command(subcommand)]
    Dict(dict::DictCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Aggregate(args) => aggregate::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Dict(cmd) => dict::run(&cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "casus: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Where output goes: a file (`-o`) or stdout.
pub(crate) fn open_output(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    use anyhow::Context as _;
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => {
            let f = std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
            Box::new(BufWriter::new(f))
        }
        _ => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    })
}
