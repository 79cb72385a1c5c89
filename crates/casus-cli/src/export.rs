//! `casus export`: a store's events in another data set's format.
//!
//! Lines for `main.rs` (the lead adds them):
//!
//! ```text
//! mod export;                                   // with the other `mod` lines
//! /// Export a store's events: GDELT, Phoenix, ICEWS, PLOVER, CSV, JSON Lines, Parquet.
//! Export(export::ExportArgs),                   // in `enum Command`
//! Command::Export(args) => export::run(&args),  // in `main`'s match
//! ```

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use casus_store::ExportFormat;

use crate::query::{open_existing, FilterArgs};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// GDELT 2.0 Event table: 61 tab-separated columns, no header.
    Gdelt,
    /// Phoenix: 26 tab-separated columns, one-a-day deduplicated.
    Phoenix,
    /// ICEWS: 20 tab-separated columns.
    Icews,
    /// PLOVER JSON Lines.
    Plover,
    /// CSV with a header, every column.
    Csv,
    /// casus event JSON Lines.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

/// Arguments of `casus export`.
#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// The format.
    #[arg(long, value_enum)]
    format: Format,
    /// The output file (`-` for stdout; not for parquet).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
}

pub(crate) fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter()?;
    let store = open_existing(&args.db)?;
    let format = match args.format {
        Format::Gdelt => ExportFormat::Gdelt,
        Format::Phoenix => ExportFormat::Phoenix,
        Format::Icews => ExportFormat::Icews,
        Format::Plover => ExportFormat::Plover,
        Format::Csv => ExportFormat::Csv,
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Parquet => ExportFormat::Parquet,
    };
    let n = if args.output.as_os_str() == "-" {
        anyhow::ensure!(format != ExportFormat::Parquet, "parquet needs a file: give -o FILE");
        let out = BufWriter::with_capacity(1 << 16, std::io::stdout());
        store.export(&filter, format, out)?
    } else {
        // Write beside the target and rename, so a failed export leaves no half file.
        let tmp = args.output.with_extension("casus-tmp");
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        let n = store
            .export(&filter, format, &mut out)
            .with_context(|| format!("cannot export to {}", args.output.display()));
        let n = match n.and_then(|n| out.flush().map(|()| n).map_err(Into::into)) {
            Ok(n) => n,
            Err(e) => {
                drop(out);
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        drop(out);
        std::fs::rename(&tmp, &args.output).with_context(|| format!("cannot write {}", args.output.display()))?;
        n
    };
    let _ = writeln!(std::io::stderr().lock(), "casus: exported {n} rows");
    Ok(ExitCode::SUCCESS)
}
