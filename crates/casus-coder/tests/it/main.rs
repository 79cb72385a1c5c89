//! Integration tests of the coder with the embedded lexicon.
#![allow(clippy::print_stderr, clippy::unwrap_used)]

mod cases;
mod golden;
mod properties;
mod qusayr;
mod sentences;

use std::path::{Path, PathBuf};

use casus_coder::{Coded, Coder, CoderOptions};
use casus_text::Document;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Codes one text with the embedded lexicon.
pub fn code(text: &str, date: Option<&str>) -> Coded {
    let mut doc = Document::from_plain("t", text);
    doc.date = date.and_then(|d| d.parse().ok());
    Coder::embedded().code(&doc)
}

/// Codes with options.
pub fn code_with(text: &str, options: CoderOptions) -> Coded {
    Coder::embedded().with_options(options).code(&Document::from_plain("t", text))
}

/// `(source, target, code)` triples of a result.
pub fn triples(c: &Coded) -> Vec<(String, String, String)> {
    c.events
        .iter()
        .map(|e| (e.source.to_string(), e.target.map_or_else(|| "-".to_owned(), |t| t.to_string()), e.code.to_string()))
        .collect()
}
