//! Loading dictionary files and directories.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use crate::compile::Dictionary;
use crate::entry::Entries;
use crate::format::{parse_actors, parse_agents, parse_verbs, FileKind};
use crate::{Diagnostic, Error};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

    /// The embedded lexicon compiled by `build.rs` (see `crate::packed`).
    pub(crate) static DICTIONARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded-dictionary.bin"));
}

impl Dictionary {
    /// The embedded default lexicon, compiled: the same dictionary as
    /// `Dictionary::compile(&[embedded().entries])`, but compiled when casus was built, so
    /// it is ready in a few milliseconds (read once per process, then shared).
    ///
    /// # Panics
    ///
    /// Never in practice: the bytes are written by this crate's build script and read
    /// back by its tests.
    #[must_use]
    pub fn embedded() -> Arc<Dictionary> {
        static EMBEDDED: LazyLock<Arc<Dictionary>> =
            LazyLock::new(|| match Dictionary::from_bytes(embedded::DICTIONARY) {
                Ok(d) => Arc::new(d),
                Err(e) => panic!("invariant: the packed embedded lexicon reads back: {}", e.0),
            });
        EMBEDDED.clone()
    }
}

/// The loaded entries of one or more files, with everything found wrong in them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The entries.
    pub entries: Entries,
    /// Problems, each with its file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, in order.
    pub files: Vec<String>,
    /// A fingerprint of the files' contents (FNV-1a, 64 bits), for provenance.
    pub fingerprint: u64,
}

impl Loaded {
    fn add_text(&mut self, name: &str, kind: FileKind, text: &str) {
        let parse = match kind {
            FileKind::Actors => parse_actors,
            FileKind::Agents => parse_agents,
            FileKind::Verbs => parse_verbs,
        };
        self.add_parsed(name, text, parse);
    }

    /// Parses `text` (the file `name`) with `parse` and records the file (for the other
    /// dictionary formats, such as PETRARCH's).
    pub(crate) fn add_parsed(
        &mut self,
        name: &str,
        text: &str,
        parse: fn(&str, &Arc<str>, &mut Entries, &mut Vec<Diagnostic>),
    ) {
        let file: Arc<str> = Arc::from(name);
        parse(text, &file, &mut self.entries, &mut self.diagnostics);
        self.files.push(name.to_owned());
        self.fingerprint = fnv1a(self.fingerprint ^ fnv1a(0, name.as_bytes()), text.as_bytes());
    }
}

fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = if seed == 0 { 0xcbf2_9ce4_8422_2325 } else { seed };
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The embedded default lexicon (`data/lexicon/` at build time).
#[must_use]
pub fn embedded() -> Loaded {
    let mut l = Loaded::default();
    for (rel, text) in embedded::FILES {
        if let Some(kind) = FileKind::of_path(rel) {
            l.add_text(&format!("embedded:{rel}"), kind, text);
        }
    }
    l
}

/// The names and sizes of the embedded lexicon files.
#[must_use]
pub fn embedded_files() -> Vec<(&'static str, usize)> {
    embedded::FILES.iter().map(|(n, t)| (*n, t.len())).collect()
}

/// The text of one embedded lexicon file by its path under `data/lexicon/`.
#[must_use]
pub fn embedded_file(rel: &str) -> Option<&'static str> {
    embedded::FILES.iter().find(|(n, _)| *n == rel).map(|(_, t)| *t)
}

/// Loads a lexicon-format file or directory. A directory is searched recursively for
/// `actors/*.tsv`, `*.actors.tsv`, `agents.tsv`, `*.agents.tsv`, `verbs.txt` and
/// `*.verbs.txt`.
///
/// # Errors
///
/// Fails when a path cannot be read, is not UTF-8, or is not a known kind of file.
/// Problems inside files are reported in [`Loaded::diagnostics`] and do not fail the load.
pub fn load_path(path: &Path) -> Result<Loaded, Error> {
    let mut l = Loaded::default();
    if path.is_dir() {
        let mut files = Vec::new();
        walk(path, path, &mut files)?;
        for (rel, p) in files {
            if let Some(kind) = FileKind::of_path(&rel) {
                let text = read_text(&p)?;
                l.add_text(&p.display().to_string(), kind, &text);
            }
        }
    } else {
        let name = path.display().to_string();
        let rel = name.replace('\\', "/");
        let kind = FileKind::of_path(&rel).ok_or_else(|| Error::UnknownKind { path: path.to_path_buf() })?;
        let text = read_text(path)?;
        l.add_text(&name, kind, &text);
    }
    Ok(l)
}

/// Loads one file as the given kind, whatever its name.
///
/// # Errors
///
/// Fails when the file cannot be read or is not UTF-8.
pub fn load_file_as(path: &Path, kind: FileKind) -> Result<Loaded, Error> {
    let mut l = Loaded::default();
    let text = read_text(path)?;
    l.add_text(&path.display().to_string(), kind, &text);
    Ok(l)
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), Error> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_path_buf(), source })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, root, out)?;
        } else {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
    Ok(())
}

/// Reads a file as UTF-8; ASCII control characters other than tab and newline (such as
/// stray 0x1A bytes) are replaced by spaces.
///
/// # Errors
///
/// Fails when the file cannot be read or is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::InvalidUtf8 { path: path.to_path_buf(), line }
    })?;
    Ok(text
        .chars()
        .map(|c| if c.is_ascii_control() && c != '\n' && c != '\t' && c != '\r' { ' ' } else { c })
        .collect())
}
