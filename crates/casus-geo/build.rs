//! Compiles the gazetteer (`data/gazetteer/*.tsv`) into packed place records, a string
//! table and a frozen name index, so that the binary does not parse 70,000 places at
//! start-up. The parsing code is the crate's own (`src/source.rs`, `src/fold.rs`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[path = "src/fold.rs"]
mod fold;
#[path = "src/source.rs"]
mod source;

fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data = manifest.join("../../data/gazetteer");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    for f in ["src/fold.rs", "src/source.rs", "../../data/gazetteer/fold.tsv"] {
        println!("cargo:rerun-if-changed={}", manifest.join(f).display());
    }
    let places = read(&data.join("places.tsv"));
    let admin1 = read(&data.join("admin1.tsv"));
    let countries = read(&data.join("countries.tsv"));
    let src = source::Source::parse(&places, &admin1, &countries)
        .unwrap_or_else(|e| panic!("data/gazetteer/{}:{}: {}", e.file, e.line, e.message));
    let (records, strings) = src.pack_places();
    let (keys, table, postings) = src.index().unwrap_or_else(|e| panic!("gazetteer name index: {e}"));
    write(&out.join("gazetteer-places.bin"), &records);
    write(&out.join("gazetteer-strings.txt"), strings.as_bytes());
    write(&out.join("gazetteer-keys.txt"), keys.as_bytes());
    write(&out.join("gazetteer-index.bin"), &table);
    write(&out.join("gazetteer-postings.bin"), &casus_frozen::u32s_to_bytes(&postings));
    let meta = format!(
        "/// Countries among the places (they come first).\nconst COUNTRIES: usize = {};\n/// The most words any indexed name has.\nconst LONGEST_KEY_WORDS: usize = {};\n",
        src.countries, src.longest_key_words
    );
    write(&out.join("gazetteer-meta.rs"), meta.as_bytes());
}
