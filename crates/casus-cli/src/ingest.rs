//! `casus ingest`: code corpora into an event store, on every core, resumably.
//!
//! Lines for `main.rs` (the lead adds them):
//!
//! ```text
//! mod ingest;                                   // with the other `mod` lines
//! /// Code corpora into an event store (SQLite), skipping documents already stored.
//! Ingest(ingest::IngestArgs),                   // in `enum Command`
//! Command::Ingest(args) => ingest::run(&args),  // in `main`'s match
//! ```
//!
//! Pipeline: one reader thread (files in order, `.gz`/`.zst` decompressed, documents
//! already stored skipped before coding) → `-j` coder threads → the writer (this thread),
//! which inserts batches of `--batch` documents, each in one transaction. Killing the
//! process loses at most the batches not yet committed; a rerun codes exactly those.

use std::io::{BufRead, BufReader, IsTerminal as _, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use casus_coder::{Coded, Coder};
use casus_core::Date;
use casus_store::{content_hash, DocumentMeta, DocumentRecord, Store};
use casus_text::{Document, JsonLines};

/// Documents handed from the reader to a coder, and from a coder to the writer, at once.
const CHUNK: usize = 16;

/// Documents per transaction unless `--batch` says otherwise.
pub(crate) const DEFAULT_BATCH: usize = 256;

/// Arguments of `casus ingest`.
#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// Corpus files or directories: JSON Lines (.jsonl, .ndjson) or plain-text articles
    /// (.txt), optionally compressed (.gz, .zst).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The event store (created if missing).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Coder threads (default: every core).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_BATCH)]
    batch: usize,
    /// Publication date for documents that have none (plain text), YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// A lexicon file or directory layered over the default (repeatable).
    #[arg(long, value_name = "PATH")]
    lexicon: Vec<PathBuf>,
    /// A directory of PETRARCH dictionaries (with its PETR_config.ini) to code with instead of
    /// the embedded lexicon; `--lexicon` files layer over it.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,
}

/// Counters shared by the reader, the coders and the writer.
#[derive(Default)]
pub(crate) struct Counters {
    /// Input bytes read (compressed size for compressed files).
    pub(crate) bytes: AtomicU64,
    /// Documents sent to the coders.
    pub(crate) queued: AtomicUsize,
    /// Documents skipped because the store has them.
    pub(crate) present: AtomicUsize,
    /// Bad records and unreadable files.
    pub(crate) bad: AtomicUsize,
    /// Documents whose id appeared earlier in this run.
    pub(crate) duplicate: AtomicUsize,
}

/// Where messages go: above the progress bar, or straight to stderr.
#[derive(Clone)]
pub(crate) struct Messages(pub(crate) Option<indicatif::ProgressBar>);

impl Messages {
    /// Shows what the run is doing on the progress bar, if there is one.
    pub(crate) fn status(&self, msg: &str) {
        if let Some(pb) = &self.0 {
            pb.set_message(msg.to_owned());
        }
    }

    pub(crate) fn say(&self, msg: &str) {
        match &self.0 {
            Some(pb) => pb.println(format!("casus: {msg}")),
            None => {
                let _ = writeln!(std::io::stderr().lock(), "casus: {msg}");
            }
        }
    }
}

/// The files under `inputs` that ingest reads, sorted per directory.
pub(crate) fn corpus_files(inputs: &[PathBuf], msgs: &Messages, counters: &Counters) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, msgs: &Messages, counters: &Counters) {
        let rd = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                counters.bad.fetch_add(1, Ordering::Relaxed);
                msgs.say(&format!("{}: cannot read directory: {e}", dir.display()));
                return;
            }
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                walk(&p, out, msgs, counters);
            } else if kind(&p).is_some() {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            walk(p, &mut out, msgs, counters);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            counters.bad.fetch_add(1, Ordering::Relaxed);
            msgs.say(&format!("{}: no such file or directory", p.display()));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// (compression, is JSON Lines, stem) of a corpus file, or `None` when ingest skips it
/// in a directory walk.
fn kind(p: &Path) -> Option<(Compression, bool, String)> {
    let name = p.file_name()?.to_str()?;
    let (comp, rest) = if let Some(r) = name.strip_suffix(".gz") {
        (Compression::Gzip, r)
    } else if let Some(r) = name.strip_suffix(".zst") {
        (Compression::Zstd, r)
    } else {
        (Compression::None, name)
    };
    let (stem, ext) = rest.rsplit_once('.').unwrap_or((rest, ""));
    match ext {
        "jsonl" | "ndjson" => Some((comp, true, stem.to_owned())),
        "txt" | "text" | "json" => Some((comp, false, stem.to_owned())),
        _ => None,
    }
}

/// Counts the bytes read through it.
struct Counting<'a, R> {
    inner: R,
    bytes: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads every document of `path`, calling `f` with each one not in `skip`.
pub(crate) fn read_corpus_file(
    path: &Path,
    counters: &Counters,
    msgs: &Messages,
    skip: &dyn Fn(&str) -> bool,
    f: &mut dyn FnMut(Document),
) {
    let (comp, jsonl, stem) = kind(path).unwrap_or((Compression::None, false, String::new()));
    let stem = if stem.is_empty() {
        path.file_stem().map_or_else(|| "doc".to_owned(), |s| s.to_string_lossy().into_owned())
    } else {
        stem
    };
    // A plain-text article's id is its file stem: skip it without reading it.
    if !jsonl && skip(&stem) {
        counters.present.fetch_add(1, Ordering::Relaxed);
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        counters.bytes.fetch_add(len, Ordering::Relaxed);
        return;
    }
    let bad = |msg: String| {
        counters.bad.fetch_add(1, Ordering::Relaxed);
        msgs.say(&msg);
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return bad(format!("{}: cannot open: {e}", path.display())),
    };
    let raw = Counting { inner: file, bytes: &counters.bytes };
    let reader: Box<dyn BufRead + '_> = match comp {
        Compression::None => Box::new(BufReader::with_capacity(1 << 16, raw)),
        Compression::Gzip => {
            Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(BufReader::new(raw))))
        }
        Compression::Zstd => match zstd::stream::read::Decoder::new(raw) {
            Ok(d) => Box::new(BufReader::with_capacity(1 << 16, d)),
            Err(e) => return bad(format!("{}: cannot read zstd: {e}", path.display())),
        },
    };
    if jsonl {
        // Report errors against the name as given, with its line numbers.
        for r in JsonLines::new(reader, path) {
            match r {
                Ok(doc) if skip(&doc.id) => {
                    counters.present.fetch_add(1, Ordering::Relaxed);
                }
                Ok(doc) => f(doc),
                Err(e) => bad(e.to_string()),
            }
        }
    } else {
        match read_text(reader, path, stem) {
            Ok(doc) => f(doc),
            Err(msg) => bad(msg),
        }
    }
}

fn read_text(mut reader: Box<dyn BufRead + '_>, path: &Path, id: String) -> Result<Document, String> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("{}: empty file", path.display()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(format!("{}: binary file (contains NUL bytes), skipped", path.display()));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest.to_vec();
    }
    String::from_utf8(bytes).map(|text| Document::from_plain(id, text)).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{}:{line}: invalid UTF-8, file skipped", path.display())
    })
}

/// The store record of a coded document.
pub(crate) fn record(doc: &Document, coded: Coded, lexicon_version: &str) -> DocumentRecord {
    let meta_str = |k: &str| doc.metadata.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let mut spans: Vec<(usize, casus_core::Span)> = Vec::new();
    for e in &coded.events {
        if !spans.iter().any(|(i, _)| *i == e.sentence) {
            if let Some(s) = coded.analysis.sentences.get(e.sentence) {
                spans.push((e.sentence, s.span));
            }
        }
    }
    DocumentRecord {
        meta: DocumentMeta {
            id: doc.id.clone(),
            date: doc.date,
            title: doc.title.clone(),
            source: meta_str("source").or_else(|| meta_str("publisher")).or_else(|| meta_str("outlet")),
            url: meta_str("url").or_else(|| meta_str("link")),
            content_hash: content_hash(&doc.text),
            lexicon_version: Some(lexicon_version.to_owned()),
            ingested_at: None,
        },
        n_sentences: coded.sentences,
        events: coded.events,
        locations: Vec::new(),
        sentence_spans: spans,
    }
}

/// The fingerprint of the lexicon layers: the base layer's (the embedded lexicon or the
/// PETRARCH dictionaries), then each `--lexicon`'s.
fn lexicon_version(base: &str, lexicons: &[PathBuf]) -> anyhow::Result<String> {
    let mut v = base.to_owned();
    for p in lexicons {
        let l = casus_dict::load_path(p).with_context(|| format!("cannot load lexicon {}", p.display()))?;
        v.push_str(&format!("+{:016x}", l.fingerprint));
    }
    Ok(v)
}

/// What an ingest did.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Totals {
    pub(crate) documents: usize,
    pub(crate) sentences: usize,
    pub(crate) events: usize,
    /// Seconds the writer spent inserting.
    pub(crate) write_secs: f64,
    /// CPU seconds the writer thread spent inserting (0 where the OS does not say).
    pub(crate) write_cpu_secs: f64,
    /// Seconds spent building the indexes at the end of a bulk load.
    pub(crate) index_secs: f64,
}

/// CPU time of the calling thread in seconds, on Linux (`/proc/thread-self/schedstat`).
pub(crate) fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Whether this run should drop the store's event indexes and build them at its end
/// rather than keep them up to date: when it adds at least half as many documents as
/// the store holds, estimated from what has been read so far (`queued` new documents in
/// `read` of `total` input bytes). Building an index sorts every event once; keeping it up
/// to date costs a search and a page write per event, and more as the store grows.
fn bulk_pays(stored: usize, queued: usize, read: u64, total: u64) -> bool {
    if stored == 0 {
        return true;
    }
    if read == 0 {
        return false;
    }
    let expected = queued as f64 * (total.max(read) as f64 / read as f64);
    expected >= stored as f64 / 2.0
}

/// Inserts `pending` in one transaction and counts it into `totals`.
fn flush(
    store: &mut Store,
    pending: &mut Vec<DocumentRecord>,
    totals: &mut Totals,
    counters: &Counters,
    msgs: &Messages,
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let t = Instant::now();
    let cpu = thread_cpu_secs();
    let r = store.insert_batch(pending).context("cannot write to the store")?;
    totals.write_secs += t.elapsed().as_secs_f64();
    totals.write_cpu_secs += cpu.zip(thread_cpu_secs()).map_or(0.0, |(a, b)| b - a);
    totals.documents += r.documents;
    totals.events += r.events;
    totals.sentences += pending.iter().map(|d| d.n_sentences).sum::<usize>();
    counters.duplicate.fetch_add(r.duplicates, Ordering::Relaxed);
    for id in &r.duplicate_ids {
        msgs.say(&format!("duplicate document id {id:?}, skipped"));
    }
    pending.clear();
    Ok(())
}

/// Runs the reader → coders → writer pipeline over `files` into `store`.
///
/// When the run adds many documents compared to what the store holds (see
/// [`bulk_pays`]), the store's event indexes are dropped before the first batch and built
/// at the end; if the process dies in between, the next [`Store::open`] builds them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn pipeline(
    files: &[PathBuf],
    store: &mut Store,
    coder: &Coder,
    jobs: usize,
    batch: usize,
    default_date: Option<Date>,
    lexicon_version: &str,
    counters: &Counters,
    msgs: &Messages,
    progress: &dyn Fn(&Totals, &Counters),
) -> anyhow::Result<Totals> {
    let lookup = store.document_lookup()?;
    let stored = usize::try_from(store.document_count()?).unwrap_or(usize::MAX);
    let total_bytes: u64 = files.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    let (bytes0, queued0) = (counters.bytes.load(Ordering::Relaxed), counters.queued.load(Ordering::Relaxed));
    let mut totals = Totals::default();
    let batch = batch.max(1);
    let mut bulk = false;
    let written = std::thread::scope(|scope| -> anyhow::Result<()> {
        // Documents and records travel in chunks: a thread wakes once per chunk, not per
        // document. Few chunks are in flight, so memory stays flat.
        let (doc_tx, doc_rx) = mpsc::sync_channel::<Vec<Document>>(jobs * 2);
        let doc_rx = Arc::new(Mutex::new(doc_rx));
        let (rec_tx, rec_rx) = mpsc::sync_channel::<Vec<DocumentRecord>>(jobs * 2);
        scope.spawn(move || {
            // A document id seen again later in the corpus is caught here once its first
            // copy is committed, and by the store (a duplicate) before that.
            let skip = |id: &str| lookup.contains(id).unwrap_or(false);
            let mut chunk: Vec<Document> = Vec::with_capacity(CHUNK);
            for path in files {
                read_corpus_file(path, counters, msgs, &skip, &mut |mut doc| {
                    if doc.date.is_none() {
                        doc.date = default_date;
                    }
                    counters.queued.fetch_add(1, Ordering::Relaxed);
                    chunk.push(doc);
                    if chunk.len() >= CHUNK {
                        let _ = doc_tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)));
                    }
                });
            }
            if !chunk.is_empty() {
                let _ = doc_tx.send(chunk);
            }
        });
        for _ in 0..jobs {
            let rx = Arc::clone(&doc_rx);
            let tx = rec_tx.clone();
            scope.spawn(move || loop {
                let next = rx.lock().map(|r| r.recv());
                let Ok(Ok(docs)) = next else { break };
                let records = docs.iter().map(|doc| record(doc, coder.code(doc), lexicon_version)).collect();
                drop(docs);
                if tx.send(records).is_err() {
                    break;
                }
            });
        }
        // Only the coders hold the channels' ends now: if the writer fails, they stop, and
        // then the reader's sends fail too.
        drop(doc_rx);
        drop(rec_tx);
        let mut pending: Vec<DocumentRecord> = Vec::with_capacity(batch + CHUNK);
        let mut last_flush = Instant::now();
        let mut decided = false;
        let mut done = false;
        while !done {
            match rec_rx.recv_timeout(Duration::from_millis(500)) {
                Ok(mut records) => pending.append(&mut records),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => done = true,
            }
            if done || pending.len() >= batch || last_flush.elapsed() > Duration::from_secs(2) {
                if !decided && !pending.is_empty() {
                    decided = true;
                    let queued = counters.queued.load(Ordering::Relaxed) - queued0;
                    let read = counters.bytes.load(Ordering::Relaxed) - bytes0;
                    if bulk_pays(stored, queued, read, total_bytes) {
                        store.defer_indexes().context("cannot write to the store")?;
                        bulk = true;
                    }
                }
                flush(store, &mut pending, &mut totals, counters, msgs)?;
                last_flush = Instant::now();
            }
            progress(&totals, counters);
        }
        Ok(())
    });
    if bulk {
        msgs.status("building the store's indexes");
        let t = Instant::now();
        let built = store.build_indexes().context("cannot build the store's indexes");
        totals.index_secs = t.elapsed().as_secs_f64();
        written?;
        built?;
    } else {
        written?;
    }
    progress(&totals, counters);
    Ok(totals)
}

pub(crate) fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let default_date: Option<Date> = match &args.date {
        Some(d) => Some(d.parse().with_context(|| format!("--date {d:?}"))?),
        None => None,
    };
    let (coder, lexicon) = match &args.dict {
        Some(dir) => {
            let l = casus_dict::load_petrarch_dir(dir).with_context(|| format!("cannot load {}", dir.display()))?;
            crate::code::report_errors(&l)?;
            let version = lexicon_version(&format!("petrarch:{:016x}", l.fingerprint), &args.lexicon)?;
            (Coder::new(crate::code::compile_over_petrarch(l.entries, &args.lexicon)?), version)
        }
        None => {
            let coder = if args.lexicon.is_empty() {
                Coder::embedded()
            } else {
                Coder::new(crate::code::build_dictionary(&args.lexicon, false)?)
            };
            (coder, lexicon_version(&format!("{:016x}", casus_dict::embedded().fingerprint), &args.lexicon)?)
        }
    };
    let mut store = Store::open(&args.db).with_context(|| format!("cannot open the store {}", args.db.display()))?;
    if let Some(old) = store.meta("lexicon_version")? {
        if old != lexicon {
            let _ = writeln!(
                std::io::stderr().lock(),
                "casus: note: {} was coded with lexicon {old}; new documents use {lexicon}",
                args.db.display()
            );
        }
    }
    store.set_meta("lexicon_version", &lexicon)?;

    let counters = Counters::default();
    let tty = std::io::stderr().is_terminal();
    let pb = tty.then(|| {
        let pb = indicatif::ProgressBar::new(0);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {msg} ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        pb
    });
    let msgs = Messages(pb.clone());
    let files = corpus_files(&args.inputs, &msgs, &counters);
    let total_bytes: u64 = files.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    if let Some(pb) = &pb {
        pb.set_length(total_bytes);
    }
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1);
    let last_line = Mutex::new(Instant::now());
    let progress = |t: &Totals, c: &Counters| {
        let secs = start.elapsed().as_secs_f64().max(1e-3);
        let rate = t.documents as f64 / secs;
        let line = format!(
            "{} documents, {} events, {rate:.0} articles/s, {} already stored",
            t.documents,
            t.events,
            c.present.load(Ordering::Relaxed)
        );
        if let Some(pb) = &pb {
            pb.set_position(c.bytes.load(Ordering::Relaxed));
            pb.set_message(line);
        } else if let Ok(mut last) = last_line.lock() {
            if last.elapsed() >= Duration::from_secs(5) {
                *last = Instant::now();
                let _ = writeln!(std::io::stderr().lock(), "casus: ingest: {line}");
            }
        }
    };
    let totals =
        pipeline(&files, &mut store, &coder, jobs, args.batch, default_date, &lexicon, &counters, &msgs, &progress)?;
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let secs = start.elapsed().as_secs_f64();
    let bad = counters.bad.load(Ordering::Relaxed);
    let present = counters.present.load(Ordering::Relaxed);
    let duplicate = counters.duplicate.load(Ordering::Relaxed);
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "casus: ingested {} documents ({} sentences, {} events) in {secs:.1}s, {:.0} sentences/s; \
         {present} already stored, {duplicate} duplicate ids, {bad} skipped",
        totals.documents,
        totals.sentences,
        totals.events,
        totals.sentences as f64 / secs.max(1e-3),
    )?;
    writeln!(
        err,
        "casus: {}: {} documents, {} events",
        args.db.display(),
        store.document_count()?,
        store.event_count()?
    )?;
    let read_any = totals.documents + present + duplicate > 0;
    Ok(if !read_any && (bad > 0 || files.is_empty()) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_loads_pay_when_the_run_at_least_half_doubles_the_store() {
        // An empty store: always.
        assert!(bulk_pays(0, 0, 0, 0));
        // Nothing read yet: no estimate, keep the indexes.
        assert!(!bulk_pays(1000, 0, 0, 1 << 20));
        // 100 new documents in the first tenth of the input: about 1000 in all.
        assert!(bulk_pays(2000, 100, 100, 1000));
        assert!(!bulk_pays(2001, 100, 100, 1000));
        // A re-run that finds most documents stored expects few new ones.
        assert!(!bulk_pays(1000, 1, 500, 1000));
    }
}
