//! `casus code`: documents in, events out.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use casus_coder::{Coded, Coder, CoderOptions};
use casus_core::Date;
use casus_dict::{Dictionary, Severity};

use crate::input::{self, InputFormat, Item};
use crate::output::{self, Format};

/// Arguments of `casus code`.
#[derive(Debug, clap::Args)]
pub(crate) struct CodeArgs {
    /// Files, directories (searched for .txt and .jsonl) or `-` for stdin.
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Write events to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// How to read inputs.
    #[arg(long, value_enum, default_value = "auto")]
    input: InputFormat,
    /// Publication date for documents that have none (plain text), YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Print, per sentence, tokens, actors, verbs and why each event was or was not made.
    #[arg(long)]
    explain: bool,
    /// Keep events the sentence negates (marked "negated": true).
    #[arg(long)]
    keep_negated: bool,
    /// Drop events that have no target actor.
    #[arg(long)]
    require_dyad: bool,
    /// Do not geolocate events (no `location` field; a little faster).
    #[arg(long)]
    no_geo: bool,
    /// Coder threads (default: every core). Output keeps the input order.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// A lexicon file or directory in the casus format, layered over the default
    /// (repeatable; later ones win).
    #[arg(long, value_name = "PATH")]
    lexicon: Vec<PathBuf>,
    /// Do not load the embedded default lexicon (use only --lexicon / PETRARCH dictionaries).
    #[arg(long)]
    no_default_lexicon: bool,
    /// A directory of TABARI/PETRARCH dictionaries with its PETR_config.ini (the files it
    /// names are loaded); replaces the embedded lexicon unless --lexicon layers more.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,
    /// A PETRARCH verb dictionary (CAMEO.2.0.txt format); repeatable.
    #[arg(long, value_name = "FILE")]
    verbs: Vec<PathBuf>,
    /// A PETRARCH actor dictionary (Phoenix.*.actors.txt format); repeatable.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// A PETRARCH agent dictionary (Phoenix.agents.txt format); repeatable.
    #[arg(long, value_name = "FILE")]
    agents: Vec<PathBuf>,
    /// A PETRARCH discard file; repeatable.
    #[arg(long, value_name = "FILE")]
    discards: Vec<PathBuf>,
}

impl CodeArgs {
    /// Loads the PETRARCH dictionaries named by --dict/--verbs/--actors/--agents/--discards
    /// as one layer, reporting broken entries; `None` when none is named.
    fn petrarch_layer(&self) -> anyhow::Result<Option<casus_dict::Entries>> {
        use casus_dict::PetrarchKind as K;
        let mut loaded = Vec::new();
        if let Some(dir) = &self.dict {
            loaded.push(casus_dict::load_petrarch_dir(dir).with_context(|| format!("cannot load {}", dir.display()))?);
        }
        for (files, kind) in [
            (&self.verbs, K::Verbs),
            (&self.actors, K::Actors),
            (&self.agents, K::Agents),
            (&self.discards, K::Discards),
        ] {
            for f in files {
                loaded.push(
                    casus_dict::load_petrarch_file(f, kind).with_context(|| format!("cannot load {}", f.display()))?,
                );
            }
        }
        if loaded.is_empty() {
            return Ok(None);
        }
        let mut entries = casus_dict::Entries::default();
        for l in loaded {
            report_errors(&l)?;
            entries.extend(l.entries);
        }
        Ok(Some(entries))
    }
}

/// Prints a loaded dictionary's broken entries (file:line) on stderr.
pub(crate) fn report_errors(loaded: &casus_dict::Loaded) -> std::io::Result<()> {
    let mut err = std::io::stderr().lock();
    for d in loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        writeln!(err, "casus: {d}")?;
    }
    Ok(())
}

/// Compiles a PETRARCH layer, which replaces the embedded lexicon, with the `--lexicon`
/// files layered over it.
pub(crate) fn compile_over_petrarch(
    layer: casus_dict::Entries,
    lexicons: &[PathBuf],
) -> anyhow::Result<Arc<Dictionary>> {
    let mut layers = vec![layer];
    for p in lexicons {
        layers.push(casus_dict::load_path(p).with_context(|| format!("cannot load lexicon {}", p.display()))?.entries);
    }
    Ok(Arc::new(Dictionary::compile(&layers)))
}

pub(crate) fn build_dictionary(lexicons: &[PathBuf], no_default: bool) -> anyhow::Result<Arc<Dictionary>> {
    if lexicons.is_empty() && !no_default {
        // Compiled at build time: no parsing at start-up.
        return Ok(Dictionary::embedded());
    }
    let mut layers = Vec::new();
    if !no_default {
        layers.push(casus_dict::embedded().entries);
    }
    let mut err = std::io::stderr().lock();
    for p in lexicons {
        let loaded = casus_dict::load_path(p).with_context(|| format!("cannot load lexicon {}", p.display()))?;
        let errors = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        for d in loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            let _ = writeln!(err, "casus: {d}");
        }
        if errors > 0 {
            let _ = writeln!(err, "casus: {}: {errors} broken entries skipped", p.display());
        }
        layers.push(loaded.entries);
    }
    Ok(Arc::new(Dictionary::compile(&layers)))
}

pub(crate) fn run(args: &CodeArgs) -> anyhow::Result<ExitCode> {
    let default_date: Option<Date> = match &args.date {
        Some(d) => Some(d.parse().with_context(|| format!("--date {d:?}"))?),
        None => None,
    };
    let petrarch = args.petrarch_layer()?;
    let dict = match petrarch {
        None => build_dictionary(&args.lexicon, args.no_default_lexicon)?,
        Some(layer) => compile_over_petrarch(layer, &args.lexicon)?,
    };
    let options = CoderOptions {
        keep_negated: args.keep_negated,
        require_dyad: args.require_dyad,
        explain: args.explain,
        no_geo: args.no_geo,
    };
    let coder = Coder::new(dict).with_options(options);

    let mut problems = Vec::new();
    let files = input::expand(&args.inputs, &mut problems);
    let mut err = std::io::stderr().lock();
    for p in &problems {
        writeln!(err, "casus: {p}")?;
    }
    let mut skipped = problems.len();
    let mut out = crate::open_output(args.output.as_ref())?;
    let mut explain_out: Option<Box<dyn Write>> = if args.explain {
        if args.output.is_some() {
            Some(crate::open_output(None)?)
        } else {
            None
        }
    } else {
        None
    };
    if args.format == Format::Tsv && !args.explain {
        writeln!(out, "{}", output::TSV_HEADER)?;
    }
    let (mut docs, mut sentences, mut events) = (0usize, 0usize, 0usize);
    let mut io_error: Option<std::io::Error> = None;
    // Documents are coded in batches on every core (not with --explain, which reports as it
    // goes), and written in input order.
    let jobs = if args.explain {
        1
    } else {
        args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get)).max(1)
    };
    let pool = (jobs > 1).then(|| Pool::new(&coder, jobs));
    let mut batch: Vec<casus_text::Document> = Vec::new();
    let mut batch_bytes = 0usize;
    for path in &files {
        input::read(path, args.input, &mut |item| {
            if io_error.is_some() {
                return;
            }
            match item {
                Item::Skip(msg) => {
                    skipped += 1;
                    let _ = writeln!(err, "casus: {msg}");
                }
                Item::Doc(mut doc) if pool.is_some() => {
                    if doc.date.is_none() {
                        doc.date = default_date;
                    }
                    batch_bytes += doc.text.len();
                    batch.push(doc);
                    if batch.len() >= 64 * jobs || batch_bytes >= 8 << 20 {
                        batch_bytes = 0;
                        let counts = (&mut docs, &mut sentences, &mut events);
                        if let Some(pool) = &pool {
                            if let Err(e) = flush_batch(pool, &mut batch, out.as_mut(), args.format, counts) {
                                io_error = Some(e);
                            }
                        }
                    }
                }
                Item::Doc(mut doc) => {
                    if doc.date.is_none() {
                        doc.date = default_date;
                    }
                    let coded = coder.code(&doc);
                    docs += 1;
                    sentences += coded.sentences;
                    events += coded.events.len();
                    let r = if args.explain {
                        let target: &mut dyn Write = match explain_out.as_mut() {
                            Some(w) => w.as_mut(),
                            None => out.as_mut(),
                        };
                        write_explain(target, &doc, &coded).and_then(|()| {
                            if args.output.is_some() {
                                write_events(out.as_mut(), &coded, args.format)
                            } else {
                                Ok(())
                            }
                        })
                    } else {
                        write_events(out.as_mut(), &coded, args.format)
                    };
                    if let Err(e) = r {
                        io_error = Some(e);
                    }
                }
            }
        });
        if let Some(e) = io_error.take() {
            return Err(e).context("cannot write output");
        }
    }
    if let Some(pool) = pool {
        if !batch.is_empty() {
            let counts = (&mut docs, &mut sentences, &mut events);
            flush_batch(&pool, &mut batch, out.as_mut(), args.format, counts).context("cannot write output")?;
        }
        pool.finish();
    }
    out.flush().context("cannot write output")?;
    if let Some(w) = explain_out.as_mut() {
        w.flush()?;
    }
    writeln!(err, "casus: {docs} documents, {sentences} sentences, {events} events; {skipped} skipped")?;
    Ok(if docs == 0 && (skipped > 0 || files.is_empty()) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Coder threads that live for the whole run (so each keeps its word cache warm), one job
/// channel and one result channel each: part `k` of a batch goes to thread `k`, and results
/// are read back in that order, so output keeps the input order.
struct Pool {
    jobs: Vec<std::sync::mpsc::Sender<Vec<casus_text::Document>>>,
    results: Vec<std::sync::mpsc::Receiver<std::thread::Result<Vec<Coded>>>>,
    handles: Vec<std::thread::JoinHandle<()>>,
}

impl Pool {
    fn new(coder: &Coder, n: usize) -> Pool {
        let mut pool = Pool { jobs: Vec::new(), results: Vec::new(), handles: Vec::new() };
        for _ in 0..n {
            let (job_tx, job_rx) = std::sync::mpsc::channel::<Vec<casus_text::Document>>();
            let (res_tx, res_rx) = std::sync::mpsc::channel();
            let coder = coder.clone();
            pool.handles.push(std::thread::spawn(move || {
                for docs in job_rx {
                    let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        docs.iter().map(|d| coder.code(d)).collect::<Vec<_>>()
                    }));
                    if res_tx.send(coded).is_err() {
                        break;
                    }
                }
            }));
            pool.jobs.push(job_tx);
            pool.results.push(res_rx);
        }
        pool
    }

    /// Codes the documents, each thread a contiguous share; results in the documents' order.
    fn code(&self, docs: &mut Vec<casus_text::Document>) -> Vec<Coded> {
        let share = docs.len().div_ceil(self.jobs.len().max(1)).max(1);
        let mut sent = 0;
        while !docs.is_empty() {
            let rest = docs.split_off(share.min(docs.len()));
            let part = std::mem::replace(docs, rest);
            // A thread that died already reported its panic below; its share is lost only
            // after that panic has been passed on.
            let _ = self.jobs[sent].send(part);
            sent += 1;
        }
        let mut out = Vec::new();
        for rx in &self.results[..sent] {
            match rx.recv() {
                Ok(Ok(coded)) => out.extend(coded),
                // A coder panic is a bug: pass it on rather than lose documents silently.
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => std::panic::resume_unwind(Box::new("a coder thread ended unexpectedly")),
            }
        }
        out
    }

    fn finish(self) {
        drop(self.jobs);
        for h in self.handles {
            let _ = h.join();
        }
    }
}

/// Codes a batch of documents and writes their events in order; counts documents,
/// sentences and events.
fn flush_batch(
    pool: &Pool,
    batch: &mut Vec<casus_text::Document>,
    out: &mut dyn Write,
    format: Format,
    (docs, sentences, events): (&mut usize, &mut usize, &mut usize),
) -> std::io::Result<()> {
    for c in &pool.code(batch) {
        *docs += 1;
        *sentences += c.sentences;
        *events += c.events.len();
        write_events(out, c, format)?;
    }
    batch.clear();
    Ok(())
}

fn write_events(out: &mut dyn Write, coded: &Coded, format: Format) -> std::io::Result<()> {
    for e in &coded.events {
        output::write_event(out, e, format)?;
    }
    Ok(())
}

fn write_explain(out: &mut dyn Write, doc: &casus_text::Document, coded: &Coded) -> std::io::Result<()> {
    writeln!(out, "# document {} (date {})", doc.id, doc.date.map_or_else(|| "unknown".into(), |d| d.to_string()))?;
    for b in &coded.analysis.boilerplate {
        let text = doc.text.get(b.span.range()).unwrap_or("");
        writeln!(out, "  removed {}: {:?}", b.kind.as_str(), truncate(text, 80))?;
    }
    if let Some(d) = &coded.analysis.dateline {
        writeln!(
            out,
            "  dateline: place {:?}{}{}",
            d.place,
            d.region.as_ref().map(|r| format!(", region {r:?}")).unwrap_or_default(),
            d.agency.as_ref().map(|a| format!(", agency {a:?}")).unwrap_or_default()
        )?;
    }
    if let Some(c) = &coded.main_country {
        writeln!(out, "  main country (for bare agents): {c}")?;
    }
    for r in &coded.reports {
        writeln!(out, "\n## sentence {} [{}..{}]", r.sentence, r.span.start, r.span.end)?;
        writeln!(out, "{}", r.text)?;
        let toks: Vec<String> = r
            .tokens
            .iter()
            .map(|t| match &t.lemma {
                Some(l) if l != &t.text.to_lowercase() => format!("{}<{l}>", t.text),
                Some(_) => format!("{}<v>", t.text),
                None => t.text.clone(),
            })
            .collect();
        writeln!(out, "tokens: {}", toks.join(" "))?;
        for a in &r.actors {
            writeln!(out, "actor: {:?} → {}   [{}]", a.text, a.codes.join(", "), a.how.join("; "))?;
        }
        for n in &r.notes {
            writeln!(out, "verb: {n}")?;
        }
        for e in coded.events.iter().filter(|e| e.sentence == r.sentence) {
            writeln!(
                out,
                "event: {} → {} {} {} ({}; {:?} {:?} {:?}){}",
                e.source,
                e.target.map_or_else(|| "-".into(), |t| t.to_string()),
                e.code,
                e.code.name(),
                e.rule,
                e.source_text,
                e.verb_text,
                e.target_text.as_deref().unwrap_or(""),
                if e.negated { " NEGATED" } else { "" }
            )?;
        }
    }
    writeln!(out)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
