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

use crate::ingest::{pipeline, Counters, Messages};

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

/// A corpus of `n` sentences in documents of eight, dated over two years.
fn corpus(pool: &[String], n: usize) -> Vec<Document> {
    let base = casus_core::Date::from_ymd(2020, 1, 1).map_or(0, casus_core::Date::to_days);
    let mut docs = Vec::new();
    let mut k = 0usize;
    while k < n {
        let take = (n - k).min(8);
        let text: Vec<&str> = (0..take).map(|i| pool[(k + i * 7 + k / 8) % pool.len()].as_str()).collect();
        let i = docs.len();
        let mut d = Document::from_body(format!("bench-{i}"), text.join(" "));
        d.date = casus_core::Date::from_days(base + i64::try_from(i % 730).unwrap_or(0));
        d.metadata.insert("source".into(), format!("source-{}", i % 5).into());
        docs.push(d);
        k += take;
    }
    docs
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
    let docs = corpus(&pool, args.sentences.max(1));
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
    writeln!(
        out,
        "corpus: {} documents, {} sentences drawn from {} of our own; {jobs} threads",
        docs.len(),
        args.sentences,
        pool.len()
    )?;

    let next = AtomicUsize::new(0);
    let coded_sentences = AtomicUsize::new(0);
    let events = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(d) = docs.get(i) else { break };
                let c = coder.code(d);
                coded_sentences.fetch_add(c.sentences, Ordering::Relaxed);
                events.fetch_add(c.events.len(), Ordering::Relaxed);
            });
        }
    });
    let secs = start.elapsed().as_secs_f64().max(1e-6);
    let n = coded_sentences.load(Ordering::Relaxed) as f64;
    writeln!(
        out,
        "code: {n} sentences, {} events in {secs:.2}s: {:.0} sentences/s total, {:.0} per core",
        events.load(Ordering::Relaxed),
        n / secs,
        n / secs / jobs as f64
    )?;

    if args.db {
        let dir = std::env::temp_dir().join(format!("casus-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let corpus_path = dir.join("corpus.jsonl");
        {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&corpus_path)?);
            for d in &docs {
                let rec = serde_json::json!({
                    "id": d.id,
                    "date": d.date.map(|x| x.to_string()),
                    "source": d.metadata.get("source"),
                    "text": d.text,
                });
                writeln!(f, "{rec}")?;
            }
            f.flush()?;
        }
        let db = dir.join("bench.db");
        let mut store = casus_store::Store::open(&db)?;
        let counters = Counters::default();
        let msgs = Messages(None);
        let start = Instant::now();
        let totals = pipeline(
            std::slice::from_ref(&corpus_path),
            &mut store,
            &coder,
            jobs,
            256,
            None,
            "bench",
            &counters,
            &msgs,
            &|_, _| {},
        )?;
        let secs = start.elapsed().as_secs_f64().max(1e-6);
        let again = Instant::now();
        let _ = pipeline(
            std::slice::from_ref(&corpus_path),
            &mut store,
            &coder,
            jobs,
            256,
            None,
            "bench",
            &counters,
            &msgs,
            &|_, _| {},
        )?;
        let resecs = again.elapsed().as_secs_f64().max(1e-6);
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
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
    match peak_rss_kib() {
        Some(kib) => writeln!(out, "peak RSS: {:.1} MiB", kib as f64 / 1024.0)?,
        None => writeln!(out, "peak RSS: unknown (no /proc/self/status)")?,
    }
    Ok(ExitCode::SUCCESS)
}
