//! Embeds every file under `data/lexicon/` into the crate, and compiles them into the
//! packed [`Dictionary`] that `Dictionary::embedded()` reads at start-up. The parsing and
//! compiling code is the crate's own (`src/format.rs`, `src/compile.rs`, ...), included
//! here by path since a build script cannot use its own crate.

#![allow(dead_code, missing_docs)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[path = "src/compile.rs"]
mod compile;
#[path = "src/entry.rs"]
mod entry;
#[path = "src/error.rs"]
mod error;
#[path = "src/format.rs"]
mod format;
#[path = "src/packed.rs"]
mod packed;

use compile::Dictionary;
use error::{Diagnostic, Origin, Severity};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, root, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("tsv" | "txt")) {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../data/lexicon");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code = String::from("/// Files of the embedded lexicon: `(path under data/lexicon, contents)`.\npub(crate) static FILES: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            path.canonicalize().unwrap_or(path.clone()).display().to_string()
        );
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let out = out_dir.join("embedded_files.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }

    // The compiled lexicon, exactly as `Dictionary::compile(&[embedded().entries])`.
    for f in ["compile.rs", "entry.rs", "error.rs", "format.rs", "packed.rs"] {
        println!("cargo:rerun-if-changed={}", manifest.join("src").join(f).display());
    }
    let mut entries = entry::Entries::default();
    let mut diags = Vec::new();
    for (rel, path) in &files {
        let parse = match format::FileKind::of_path(rel) {
            Some(format::FileKind::Actors) => format::parse_actors,
            Some(format::FileKind::Agents) => format::parse_agents,
            Some(format::FileKind::Verbs) => format::parse_verbs,
            None => continue,
        };
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let file: Arc<str> = Arc::from(format!("embedded:{rel}"));
        parse(&text, &file, &mut entries, &mut diags);
    }
    let dict = Dictionary::compile(&[entries]);
    let out = out_dir.join("embedded-dictionary.bin");
    if let Err(e) = std::fs::write(&out, dict.to_bytes()) {
        panic!("cannot write {}: {e}", out.display());
    }
}
