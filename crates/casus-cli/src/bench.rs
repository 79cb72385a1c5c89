//! `casus bench`: coding (and ingest) throughput on a corpus generated from our own
//! sentences, and peak memory.
//!
//! Lines for `main.rs` (the lead adds them):
//!
//! ```text
//! mod bench;                                  // with the other `mod` lines
//! /// Measure coding (and with --db ingest) speed and peak memory on a generated corpus.
//! Bench(bench::BenchArgs),                    // in `enum Command`
//! Command::Bench(args) => bench::run(&args),  // in `main`'s match
//! ```

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::Context as _;
use casus_coder::Coder;
use casus_text::Document;

use crate::ingest::{pipeline, Counters, Messages, DEFAULT_BATCH};

/// Arguments of `casus bench`.
#[derive(Debug, clap::Args)]
pub(crate) struct BenchArgs {
    /// Number of sentences in the generated corpus.
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    sentences: usize,
    /// Also ingest the corpus into a temporary event store.
    #[arg(long)]
    db: bool,
    /// Coder threads (default: every core).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// A lexicon file or directory layered over the default (repeatable).
    #[arg(long, value_name = "PATH")]
    lexicon: Vec<std::path::PathBuf>,
    /// Do not geolocate events (measures what geolocation costs).
    #[arg(long)]
    no_geo: bool,
}

/// Sentences of our own, used when the repository's examples are not at hand.
const BUILTIN: [&str; 50] = [
    "The United States imposed sanctions on Iran over its nuclear programme.",
    "Syrian troops shelled rebel positions near Homs on Tuesday.",
    "Saudi Arabia, Qatar and Turkey have backed the rebels, providing them with arms and cash.",
    "Russia and China vetoed the resolution at the United Nations Security Council.",
    "The European Union urged both sides to return to negotiations.",
    "Protesters marched through the capital demanding the resignation of the prime minister.",
    "Police arrested dozens of opposition activists in Caracas.",
    "Israel launched air strikes on targets in the Gaza Strip.",
    "Hamas fired rockets into southern Israel overnight.",
    "Egypt mediated a ceasefire between Israel and Hamas.",
    "The Ethiopian government signed a peace agreement with Tigrayan forces.",
    "Kenya offered to host talks between the warring parties.",
    "Ukrainian forces repelled an attack near Kharkiv.",
    "Russian missiles struck power stations across Ukraine.",
    "The African Union suspended Mali after the coup.",
    "France withdrew its troops from Mali.",
    "The junta expelled the French ambassador.",
    "Sudan's army accused the Rapid Support Forces of attacking civilians.",
    "The United Nations called for an immediate humanitarian pause.",
    "Japan and South Korea agreed to resume security talks.",
    "North Korea threatened to respond to the joint military exercises.",
    "China criticised the United States over arms sales to Taiwan.",
    "The Indian prime minister met the president of France in Paris.",
    "Pakistan accused India of violating the ceasefire in Kashmir.",
    "Turkey detained journalists accused of supporting the opposition.",
    "Iraq asked the United States to withdraw its forces.",
    "Iran seized an oil tanker in the Strait of Hormuz.",
    "Britain condemned the attack and summoned the Russian ambassador.",
    "Germany pledged humanitarian aid to the refugees.",
    "The World Bank approved a loan to Egypt.",
    "Colombian rebels released three hostages.",
    "The Peruvian government declared a state of emergency after the riots.",
    "Bolivian miners blocked roads to protest against the new law.",
    "Myanmar's military detained opposition leaders.",
    "Thailand and Cambodia exchanged fire along the border.",
    "Nigeria deployed troops to fight Boko Haram in the northeast.",
    "Somali forces killed militants in an attack on a base.",
    "Kenya praised the mediation efforts of the African Union.",
    "Venezuela rejected the demands of the opposition.",
    "Brazil and Argentina signed a trade agreement.",
    "The Yemeni government accused the Houthis of blocking aid convoys.",
    "Saudi-led coalition aircraft bombed Houthi positions near Hodeidah.",
    "Lebanon appealed for international assistance after the explosion.",
    "Jordan hosted talks between Israeli and Palestinian officials.",
    "Afghan officials said the Taliban attacked a checkpoint.",
    "Greece and Turkey agreed to reduce tensions in the Aegean.",
    "Serbia denied allegations that it had supported the militants.",
    "Armenia accused Azerbaijan of shelling villages.",
    "Azerbaijan demanded that Armenia withdraw its troops.",
    "The Congolese army fought M23 rebels near Goma.",
];

/// Our own sentences: the examples' sentences when present, else [`BUILTIN`].
fn sentences(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Ok(text) = std::fs::read_to_string(root.join("tests/data/sentences.tsv")) {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some(s) = line.split('\t').max_by_key(|f| f.len()) {
                if s.len() > 20 {
                    out.push(s.to_owned());
                }
            }
        }
    }
    if let Ok(rd) = std::fs::read_dir(root.join("examples")) {
        let mut paths: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let docs: Vec<Document> = match p.extension().and_then(|x| x.to_str()) {
                Some("txt") => vec![Document::from_plain("x", text)],
                Some("jsonl") => text.lines().filter_map(|l| Document::from_json_record(l, "x").ok()).collect(),
                _ => continue,
            };
            for d in docs {
                for s in d.analyze().sentences {
                    out.push(s.text(&d.text).to_owned());
                }
            }
        }
    }
    if out.len() < 20 {
        out = BUILTIN.iter().map(|s| (*s).to_owned()).collect();
    }
    out
}

/// Document `i` of a corpus of `n` sentences in documents of eight, dated over two years,
/// or `None` past its end. Documents are made on demand, so the corpus costs no memory.
fn corpus_doc(pool: &[String], n: usize, i: usize) -> Option<Document> {
    let k = i.checked_mul(8).filter(|&k| k < n)?;
    let base = casus_core::Date::from_ymd(2020, 1, 1).map_or(0, casus_core::Date::to_days);
    let take = (n - k).min(8);
    let text: Vec<&str> = (0..take).map(|j| pool[(k + j * 7 + k / 8) % pool.len()].as_str()).collect();
    let mut d = Document::from_body(format!("bench-{i}"), text.join(" "));
    d.date = casus_core::Date::from_days(base + i64::try_from(i % 730).unwrap_or(0));
    d.metadata.insert("source".into(), format!("source-{}", i % 5).into());
    Some(d)
}

/// Writes `docs` as a JSON Lines corpus.
fn write_corpus(path: &Path, docs: impl Iterator<Item = Document>) -> anyhow::Result<()> {
    let mut f = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    for d in docs {
        let rec = serde_json::json!({
            "id": d.id,
            "date": d.date.map(|x| x.to_string()),
            "source": d.metadata.get("source"),
            "text": d.text,
        });
        writeln!(f, "{rec}")?;
    }
    f.flush()?;
    Ok(())
}

/// CPU time (user + system) of this process so far, in seconds, on Linux.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Peak resident memory in KiB (`VmHWM`), on Linux.
pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub(crate) fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let root = std::env::current_dir()?;
    let pool = sentences(&root);
    let n = args.sentences.max(1);
    let n_docs = n.div_ceil(8);
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1);
    let coder = if args.lexicon.is_empty() {
        Coder::embedded()
    } else {
        Coder::new(crate::code::build_dictionary(&args.lexicon, false)?)
    }
    .with_options(casus_coder::CoderOptions { no_geo: args.no_geo, ..casus_coder::CoderOptions::default() });
    // Compile the lexicon before the clock starts.
    let _ = coder.code(&Document::from_body("warm", "Rebels attacked the town."));
    let mut out = std::io::stdout().lock();
    writeln!(out, "corpus: {n_docs} documents, {n} sentences drawn from {} of our own; {jobs} threads", pool.len())?;

    let next = AtomicUsize::new(0);
    let coded_sentences = AtomicUsize::new(0);
    let events = AtomicUsize::new(0);
    let code_cpu = cpu_secs();
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(d) = corpus_doc(&pool, n, i) else { break };
                let c = coder.code(&d);
                coded_sentences.fetch_add(c.sentences, Ordering::Relaxed);
                events.fetch_add(c.events.len(), Ordering::Relaxed);
            });
        }
    });
    let secs = start.elapsed().as_secs_f64().max(1e-6);
    let code_cpu = code_cpu.zip(cpu_secs()).map(|(a, b)| b - a);
    let coded = coded_sentences.load(Ordering::Relaxed) as f64;
    writeln!(
        out,
        "code: {coded} sentences, {} events in {secs:.2}s: {:.0} sentences/s total, {:.0} per core; CPU {}",
        events.load(Ordering::Relaxed),
        coded / secs,
        coded / secs / jobs as f64,
        code_cpu.map_or_else(|| "unknown".to_owned(), |c| format!("{c:.2}s ({:.1} cores busy)", c / secs)),
    )?;

    let rss = |stage: &str| peak_rss_kib().map(|k| format!("{stage} {:.1} MiB", k as f64 / 1024.0));
    let after_code = rss("after coding");
    if args.db {
        let dir = std::env::temp_dir().join(format!("casus-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let corpus_path = dir.join("corpus.jsonl");
        write_corpus(&corpus_path, (0..n_docs).filter_map(|i| corpus_doc(&pool, n, i)))?;
        // A fifth more documents, loaded into the full store: an incremental ingest, which
        // keeps the indexes up to date instead of building them.
        let more = (n / 5).max(8);
        let more_path = dir.join("more.jsonl");
        write_corpus(&more_path, (n_docs..).map_while(|i| corpus_doc(&pool, n + more, i)))?;
        let db = dir.join("bench.db");
        let mut store = casus_store::Store::open(&db)?;
        let counters = Counters::default();
        let msgs = Messages(None);
        let ingest = |store: &mut casus_store::Store, path: &std::path::PathBuf| {
            let start = Instant::now();
            let cpu = cpu_secs();
            let totals = pipeline(
                std::slice::from_ref(path),
                store,
                &coder,
                jobs,
                DEFAULT_BATCH,
                None,
                "bench",
                &counters,
                &msgs,
                &|_, _| {},
            )?;
            let cpu = cpu.zip(cpu_secs()).map(|(a, b)| b - a);
            anyhow::Ok((totals, start.elapsed().as_secs_f64().max(1e-6), cpu))
        };
        let (totals, secs, cpu) = ingest(&mut store, &corpus_path)?;
        let after_ingest = rss("after ingest");
        let (_, resecs, _) = ingest(&mut store, &corpus_path)?;
        writeln!(
            out,
            "ingest: {} documents, {} sentences, {} events in {secs:.2}s: {:.0} sentences/s, {:.0} documents/s; re-ingest (all skipped) {resecs:.2}s, {:.0}x faster",
            totals.documents,
            totals.sentences,
            totals.events,
            totals.sentences as f64 / secs,
            totals.documents as f64 / secs,
            secs / resecs
        )?;
        writeln!(
            out,
            "ingest: process CPU {}; writer {:.2}s CPU ({:.0} sentences per writer CPU second); indexes built in {:.2}s",
            cpu.map_or_else(|| "unknown".to_owned(), |c| format!("{c:.2}s ({:.1} cores busy)", c / secs)),
            totals.write_cpu_secs,
            totals.sentences as f64 / totals.write_cpu_secs.max(1e-6),
            totals.index_secs,
        )?;
        let (inc, incsecs, inccpu) = ingest(&mut store, &more_path)?;
        let after_incremental = rss("after the incremental ingest");
        writeln!(
            out,
            "incremental: {} documents, {} sentences into a store of {} in {incsecs:.2}s: {:.0} sentences/s; process CPU {}; writer {:.2}s CPU",
            inc.documents,
            inc.sentences,
            totals.documents,
            inc.sentences as f64 / incsecs,
            inccpu.map_or_else(|| "unknown".to_owned(), |c| format!("{c:.2}s")),
            inc.write_cpu_secs,
        )?;
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
        if let (Some(a), Some(b), Some(c)) = (after_code, after_ingest, after_incremental) {
            writeln!(out, "peak RSS {a}, {b}, {c}")?;
        }
    }
    match peak_rss_kib() {
        Some(kib) => writeln!(out, "peak RSS: {:.1} MiB", kib as f64 / 1024.0)?,
        None => writeln!(out, "peak RSS: unknown (no /proc/self/status)")?,
    }
    Ok(ExitCode::SUCCESS)
}
