//! End-to-end coding throughput: text stage + coder with the embedded lexicon.
//!
//! The corpus is built from our own hand-written sentences (`tests/data/sentences.tsv`)
//! and example articles (`examples/*.txt`), grouped into 20-sentence documents and
//! repeated to `CASUS_BENCH_SENTENCES` sentences (default 5,000).
//! Run: `cargo bench -p casus-coder --bench pipeline`.

#![allow(missing_docs, clippy::print_stderr)]

use std::path::Path;

use casus_coder::Coder;
use casus_text::Document;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus(target: usize) -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sentences: Vec<String> = std::fs::read_to_string(root.join("tests/data/sentences.tsv"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2).map(str::to_owned))
        .collect();
    if let Ok(rd) = std::fs::read_dir(root.join("examples")) {
        for p in rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let doc = Document::from_plain("x", std::fs::read_to_string(&p).unwrap_or_default());
            let a = doc.analyze();
            sentences.extend(a.sentences.iter().map(|s| s.text(&doc.text).to_owned()));
        }
    }
    assert!(sentences.len() > 100, "bench corpus needs tests/data/sentences.tsv and examples/");
    let mut docs = Vec::new();
    let mut n = 0;
    let mut k = 0;
    while n < target {
        let text: Vec<&str> = (0..20).map(|i| sentences[(k + i) % sentences.len()].as_str()).collect();
        k += 20;
        n += 20;
        docs.push(Document::from_plain(format!("d{}", docs.len()), text.join(" ")));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let target: usize = std::env::var("CASUS_BENCH_SENTENCES").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000);
    let docs = corpus(target);
    let coder = Coder::embedded();
    let sentences: usize = docs.iter().map(|d| coder.code(d).sentences).sum();
    let events: usize = docs.iter().map(|d| coder.code(d).events.len()).sum();
    assert!(sentences >= target / 2 && events > 0, "bench corpus broken: {sentences} sentences, {events} events");
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(sentences as u64));
    g.sample_size(10);
    g.bench_function(format!("code_{sentences}_sentences"), |b| {
        b.iter(|| docs.iter().map(|d| coder.code(d).events.len()).sum::<usize>());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
