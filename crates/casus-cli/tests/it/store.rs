//! The event store: `casus ingest`, `query`, `aggregate`, `export` on generated corpora.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{casus, events, root, tempdir};

/// A JSON Lines corpus of `n` documents made from the example wire items, with unique ids,
/// dates a day apart, three news sources and URLs.
fn corpus(dir: &Path, name: &str, n: usize) -> PathBuf {
    let wire = std::fs::read_to_string(root().join("examples/wire.jsonl")).unwrap();
    let records: Vec<serde_json::Value> =
        wire.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let path = dir.join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let mut r = records[i % records.len()].clone();
        r["id"] = format!("gen-{i}").into();
        r["date"] = format!("2020-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28).into();
        r["source"] = ["Wire", "Daily", "Post"][i % 3].into();
        r["url"] = format!("https://news.example/{i}").into();
        writeln!(f, "{r}").unwrap();
    }
    f.flush().unwrap();
    path
}

/// A small verb lexicon of our own, so the tests code events whatever the embedded
/// lexicon holds.
const VERBS: &str = "163\timpose sanction on +\n190\tattack\n195\tshell\n190\tfire rocket at +\n112\taccuse\n111\tcondemn\n057\tsign * agreement with +\n042\tvisit\n173\tarrest\n036\tagree to talk with +\n043\tmeet\n";

/// Runs `casus ingest ARGS --lexicon <our verbs>`.
fn ingest(args: &[&str]) -> std::process::Output {
    let lex = lexicon();
    let mut all: Vec<&str> = vec!["ingest"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--lexicon", s(&lex)]);
    casus(&all, b"")
}

/// The directory holding [`VERBS`].
fn lexicon() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("casus-it-{}-store-lexicon", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let verbs = dir.join("verbs.txt");
    if std::fs::read_to_string(&verbs).ok().as_deref() != Some(VERBS) {
        let tmp = dir.join(format!("verbs.{:?}.tmp", std::thread::current().id()));
        std::fs::write(&tmp, VERBS).unwrap();
        std::fs::rename(&tmp, &verbs).unwrap();
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(out: &std::process::Output) {
    assert!(out.status.success(), "casus failed: {}", stderr(out));
}

/// The casus event JSON of every stored event, sorted (ids differ between runs).
fn all_events_sorted(db: &Path) -> Vec<String> {
    let out = casus(&["query", "--db", s(db), "--format", "jsonl"], b"");
    ok(&out);
    let mut lines: Vec<String> = events(&out)
        .into_iter()
        .map(|mut v| {
            v.as_object_mut().unwrap().remove("id");
            v.to_string()
        })
        .collect();
    lines.sort();
    lines
}

fn doc_count(db: &Path) -> usize {
    // The ingest summary's last line names the store's totals.
    let out = ingest(&["--db", s(db), "/nonexistent-casus-input"]);
    let err = stderr(&out);
    let line = err.lines().find(|l| l.contains("documents,") && l.contains(s(db))).unwrap();
    line.split(": ").nth(2).unwrap().split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn ingest_query_aggregate_and_every_export() {
    let dir = tempdir("store-e2e");
    let corpus = corpus(&dir, "corpus.jsonl", 60);
    // One bad record, counted and reported with its line.
    let mut bad = std::fs::OpenOptions::new().append(true).open(&corpus).unwrap();
    writeln!(bad, "{{not json").unwrap();
    let db = dir.join("events.db");
    let out = ingest(&[s(&corpus), "--db", s(&db), "-j", "2", "--batch", "7"]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("ingested 60 documents"), "{err}");
    assert!(err.contains("corpus.jsonl:61:"), "{err}");
    assert!(err.contains("1 skipped"), "{err}");

    let out = casus(&["query", "--db", s(&db)], b"");
    ok(&out);
    let all = events(&out);
    assert!(!all.is_empty(), "no events coded: {}", stderr(&out));
    for e in &all {
        assert!(e["id"].is_i64() && e["code"].is_string() && e["text"].is_string());
    }

    // Actor prefixes match longer codes; --limit caps.
    let first_source = all[0]["source"].as_str().unwrap()[..3].to_owned();
    let out = casus(&["query", "--db", s(&db), "--actor", &first_source], b"");
    ok(&out);
    let some = events(&out);
    assert!(!some.is_empty());
    assert!(some.iter().all(|e| {
        e["source"].as_str().unwrap().starts_with(&first_source)
            || e["target"].as_str().is_some_and(|t| t.starts_with(&first_source))
    }));
    let out = casus(&["query", "--db", s(&db), "--limit", "3", "--format", "csv"], b"");
    ok(&out);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);

    // Deduplicated views.
    let out = casus(&["query", "--db", s(&db), "--dedup", "daily"], b"");
    ok(&out);
    let daily = events(&out);
    assert!(!daily.is_empty() && daily.len() <= all.len());
    let counted: u64 = daily.iter().map(|d| d["count"].as_u64().unwrap()).sum();
    assert_eq!(counted, all.len() as u64);
    let out = casus(&["query", "--db", s(&db), "--dedup", "clusters"], b"");
    ok(&out);
    let clusters = events(&out);
    let mentions: u64 = clusters.iter().map(|c| c["num_mentions"].as_u64().unwrap()).sum();
    assert_eq!(mentions, all.len() as u64);

    // Aggregates add up to the events.
    let out = casus(&["aggregate", "--db", s(&db), "--by", "root", "--per", "week"], b"");
    ok(&out);
    let rows = events(&out);
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(total, all.len() as u64);
    let out = casus(&["aggregate", "--db", s(&db), "--by", "dyad", "--per", "month", "--format", "csv"], b"");
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("period,key,count,"));

    // Every export format.
    let export = |format: &str| -> Vec<u8> {
        let path = dir.join(format!("out.{format}"));
        let out = casus(&["export", "--db", s(&db), "--format", format, "-o", s(&path)], b"");
        ok(&out);
        std::fs::read(&path).unwrap()
    };
    let n = all.len();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    let gdelt = text(export("gdelt"));
    assert_eq!(gdelt.lines().count(), n);
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let phoenix = text(export("phoenix"));
    assert_eq!(phoenix.lines().count(), daily.len() + 1);
    assert!(phoenix.lines().all(|l| l.split('\t').count() == 26));
    let icews = text(export("icews"));
    assert_eq!(icews.lines().count(), n + 1);
    assert!(icews.lines().all(|l| l.split('\t').count() == 20));
    let plover = text(export("plover"));
    for l in plover.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["event"].is_string() && v["source"].is_string());
    }
    let csv = text(export("csv"));
    assert!(csv.starts_with("id,doc,sentence,date,source,target,"));
    let jsonl = text(export("jsonl"));
    assert_eq!(jsonl.lines().count(), n);
    let parquet = export("parquet");
    assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"));
}

#[test]
fn second_ingest_codes_nothing_and_is_much_faster() {
    let dir = tempdir("store-twice");
    let corpus = corpus(&dir, "corpus.jsonl", 400);
    let db = dir.join("events.db");
    let t = Instant::now();
    let first = ingest(&[s(&corpus), "--db", s(&db)]);
    let first_time = t.elapsed();
    ok(&first);
    assert!(stderr(&first).contains("ingested 400 documents"), "{}", stderr(&first));
    let before = all_events_sorted(&db);
    let t = Instant::now();
    let second = ingest(&[s(&corpus), "--db", s(&db)]);
    let second_time = t.elapsed();
    ok(&second);
    let err = stderr(&second);
    assert!(err.contains("ingested 0 documents"), "{err}");
    assert!(err.contains("400 already stored"), "{err}");
    assert_eq!(all_events_sorted(&db), before);
    eprintln!("ingest: first {first_time:?}, second {second_time:?}");
    assert!(second_time < first_time, "{second_time:?} vs {first_time:?}");
}

#[test]
fn killed_ingest_resumes_without_loss_or_doubles() {
    let dir = tempdir("store-kill");
    let n = 6000;
    let corpus = corpus(&dir, "corpus.jsonl", n);
    let clean = dir.join("clean.db");
    ok(&ingest(&[s(&corpus), "--db", s(&clean)]));

    let db = dir.join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["ingest", s(&corpus), "--db", s(&db), "--batch", "64", "--lexicon"])
        .arg(lexicon())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once batches are being written (the write-ahead log grows), in the middle
    // of a bulk load whose indexes are not built yet.
    let wal = dir.join("killed.db-wal");
    let t = Instant::now();
    let mut finished_early = false;
    while t.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            finished_early = true;
            break;
        }
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 1 << 20) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    let _ = child.wait();
    if finished_early {
        eprintln!("ingest finished before it was killed: the kill test resumes nothing");
    } else {
        eprintln!("killed after {:?} with {} of {n} documents stored", t.elapsed(), doc_count(&db));
    }
    let out = ingest(&[s(&corpus), "--db", s(&db)]);
    ok(&out);
    assert_eq!(doc_count(&db), n);
    assert_eq!(all_events_sorted(&db), all_events_sorted(&clean));
}

#[test]
fn a_document_twice_in_the_corpus_is_stored_once() {
    let dir = tempdir("store-dup");
    let corpus = corpus(&dir, "corpus.jsonl", 30);
    let text = std::fs::read_to_string(&corpus).unwrap();
    let first = text.lines().next().unwrap().to_owned();
    std::fs::write(&corpus, format!("{text}{first}\n")).unwrap();
    let db = dir.join("events.db");
    let out = ingest(&[s(&corpus), "--db", s(&db)]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("ingested 30 documents"), "{err}");
    // Caught by the writer (a duplicate id) or, once its first copy is committed, before
    // coding (already stored).
    assert!(
        err.contains("duplicate document id \"gen-0\"") && err.contains("1 duplicate ids")
            || err.contains("1 already stored"),
        "{err}"
    );
    let clean = dir.join("clean.db");
    let text = std::fs::read_to_string(&corpus).unwrap();
    let once: Vec<&str> = text.lines().take(30).collect();
    let once_path = dir.join("once.jsonl");
    std::fs::write(&once_path, once.join("\n") + "\n").unwrap();
    ok(&ingest(&[s(&once_path), "--db", s(&clean)]));
    assert_eq!(all_events_sorted(&db), all_events_sorted(&clean));
}

#[test]
fn bad_records_and_compressed_corpora() {
    let dir = tempdir("store-bad");
    let corpus = corpus(&dir, "a.jsonl", 12);
    let text = std::fs::read_to_string(&corpus).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(3, "{\"id\": \"no-text\"}");
    lines.insert(6, "[1, 2]");
    std::fs::write(dir.join("b.jsonl"), lines.join("\n") + "\n").unwrap();
    std::fs::remove_file(&corpus).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("article.txt"),
        "Talks\n\nThe United States imposed sanctions on Iran. Iran condemned the sanctions.\n",
    )
    .unwrap();
    let packed = corpus_gz_zst(&dir);
    let db = dir.join("events.db");
    let out = ingest(&[s(&dir), "/no/such/corpus.jsonl", "--db", s(&db), "--date", "2019-03-01"]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("b.jsonl:4:") && err.contains("b.jsonl:7:"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("/no/such/corpus.jsonl: no such file"), "{err}");
    assert!(err.contains("4 skipped"), "{err}");
    let expected = 12 + 1 + if packed { 10 } else { 0 };
    assert!(err.contains(&format!("ingested {expected} documents")), "{err}");
}

/// Writes `c.jsonl.gz` and `d.jsonl.zst` (5 documents each) with the system's gzip and
/// zstd; false when either tool is missing.
fn corpus_gz_zst(dir: &Path) -> bool {
    let sub = dir.join("packed");
    std::fs::create_dir_all(&sub).unwrap();
    for (name, tool, flags) in [("c", "gzip", &["-q", "-f"][..]), ("d", "zstd", &["-q", "-f", "--rm"][..])] {
        let p = corpus(&sub, &format!("{name}.jsonl"), 5);
        let text = std::fs::read_to_string(&p).unwrap().replace("gen-", &format!("{name}-"));
        std::fs::write(&p, text).unwrap();
        let st = Command::new(tool).args(flags).arg(&p).status();
        if !st.is_ok_and(|s| s.success()) {
            eprintln!("{tool} not available: compressed corpora not tested");
            let _ = std::fs::remove_dir_all(&sub);
            return false;
        }
    }
    true
}

/// The Python that has pyarrow: `.cache/venv` (made by scripts/test-deps.sh), else python3.
fn python_with_pyarrow() -> Option<PathBuf> {
    let venv = root().join(".cache/venv/bin/python");
    for py in [venv, PathBuf::from("python3")] {
        let ok = Command::new(&py)
            .args(["-c", "import pyarrow.parquet"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(py);
        }
    }
    None
}

#[test]
fn parquet_export_reads_back_with_pyarrow() {
    let Some(py) = python_with_pyarrow() else {
        eprintln!("SKIPPED parquet_export_reads_back_with_pyarrow: no python3 with pyarrow (run scripts/test-deps.sh)");
        return;
    };
    let dir = tempdir("store-parquet");
    let corpus = corpus(&dir, "corpus.jsonl", 30);
    let db = dir.join("events.db");
    ok(&ingest(&[s(&corpus), "--db", s(&db)]));
    let n = events(&casus(&["query", "--db", s(&db)], b"")).len();
    let pq = dir.join("events.parquet");
    ok(&casus(&["export", "--db", s(&db), "--format", "parquet", "-o", s(&pq)], b""));
    let script = r#"
import sys, pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
types = {f.name: str(f.type) for f in t.schema}
print(t.num_rows)
print(types["date"], types["sentence"], types["quad_class"], types["goldstein"], types["negated"], types["source"])
print(t.column("code")[0].as_py(), t.column("date")[0].as_py())
"#;
    let out = Command::new(py).args(["-c", script, s(&pq)]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    assert_eq!(lines.next().unwrap().parse::<usize>().unwrap(), n);
    assert_eq!(lines.next().unwrap(), "date32[day] int32 int32 double bool string");
    // Dates read back as dates (the corpus is from 2020; a sentence may state an earlier day).
    let first = lines.next().unwrap();
    let date = first.split_whitespace().nth(1).unwrap_or("");
    assert!(date.len() == 10 && (date.starts_with("2019-") || date.starts_with("2020-")), "{stdout}");
}

#[test]
fn ingest_codes_with_petrarch_dictionaries() {
    let dicts = root().join("../shared/conformance/petrarch2/dictionaries");
    if !dicts.exists() {
        eprintln!("skipped: {} not present", dicts.display());
        return;
    }
    let dir = tempdir("ingest-dict");
    let corpus = corpus(&dir, "c.jsonl", 12);
    let db = dir.join("p.db");
    let out = casus(&["ingest", s(&corpus), "--db", s(&db), "--dict", s(&dicts)], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let q = casus(&["query", "--db", s(&db), "--format", "jsonl"], b"");
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    assert!(!events(&q).is_empty(), "the Phoenix dictionaries code the wire items");
}
