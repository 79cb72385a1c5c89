//! Reading inputs: files, directories and stdin, as plain text or JSON Lines.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use casus_text::{Document, JsonLines};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum InputFormat {
    /// By extension: .jsonl/.ndjson are JSON Lines, anything else plain text; stdin is
    /// JSON Lines when it starts with '{'.
    Auto,
    /// One article per file.
    Text,
    /// One JSON record per line: {"id","date","title","text",...}.
    Jsonl,
    /// PETRARCH's XML input: `<Sentences><Sentence date id source><Text>...</Text></Sentence>`.
    PetrXml,
}

/// One document, or a problem that skipped one.
pub(crate) enum Item {
    Doc(Document),
    Skip(String),
}

/// Expands directories (recursively, sorted) into files; `-` stays as stdin.
pub(crate) fn expand(paths: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, problems);
            files.sort();
            out.extend(files);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            problems.push(format!("{}: no such file or directory", p.display()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            for e in rd.filter_map(Result::ok) {
                let p = e.path();
                let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                if hidden {
                    continue;
                }
                if p.is_dir() {
                    walk(&p, out, problems);
                } else if matches!(
                    p.extension().and_then(|x| x.to_str()),
                    Some("txt" | "text" | "jsonl" | "ndjson" | "json" | "xml")
                ) {
                    out.push(p);
                }
            }
        }
        Err(e) => problems.push(format!("{}: cannot read directory: {e}", dir.display())),
    }
}

fn is_jsonl_path(p: &Path) -> bool {
    matches!(p.extension().and_then(|x| x.to_str()), Some("jsonl" | "ndjson"))
}

/// Reads every document of one input, calling `f` for each document or skip.
pub(crate) fn read(path: &Path, format: InputFormat, f: &mut dyn FnMut(Item)) {
    let display = if path.as_os_str() == "-" { PathBuf::from("<stdin>") } else { path.to_path_buf() };
    let xml = path.extension().is_some_and(|e| e == "xml");
    if format == InputFormat::PetrXml || (format == InputFormat::Auto && xml) {
        match crate::petr_xml::read(path) {
            Ok((_, items)) => {
                for item in items {
                    if let crate::petr_xml::RecordItem::Sentence(s) = item {
                        let mut doc = Document::from_body(s.id.clone(), s.text.clone());
                        doc.date = s.date;
                        if let Some(src) = &s.source {
                            doc.metadata.insert("source".into(), src.clone().into());
                        }
                        f(Item::Doc(doc));
                    }
                }
            }
            Err(e) => f(Item::Skip(format!("{e:#}"))),
        }
        return;
    }
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::with_capacity(1 << 16, std::io::stdin().lock()))
    } else {
        match std::fs::File::open(path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(e) => return f(Item::Skip(format!("{}: cannot open: {e}", display.display()))),
        }
    };
    let mut reader = reader;
    let jsonl = match format {
        InputFormat::Jsonl => true,
        InputFormat::Text | InputFormat::PetrXml => false,
        InputFormat::Auto if path.as_os_str() == "-" => {
            let head = reader.fill_buf().map(|b| b.iter().find(|c| !c.is_ascii_whitespace()).copied()).unwrap_or(None);
            head == Some(b'{')
        }
        InputFormat::Auto => is_jsonl_path(path),
    };
    if jsonl {
        for r in JsonLines::new(reader, &display) {
            f(match r {
                Ok(doc) => Item::Doc(doc),
                Err(e) => Item::Skip(e.to_string()),
            });
        }
    } else {
        f(read_text(reader, &display));
    }
}

fn read_text(mut reader: Box<dyn BufRead>, path: &Path) -> Item {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Item::Skip(format!("{}: cannot read: {e}", path.display()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Item::Skip(format!("{}: empty file", path.display()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Item::Skip(format!("{}: binary file (contains NUL bytes), skipped", path.display()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    match String::from_utf8(bytes) {
        Ok(text) => {
            let id = path.file_stem().map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned());
            Item::Doc(Document::from_plain(id, text))
        }
        Err(e) => {
            let upto = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
            Item::Skip(format!("{}:{line}: invalid UTF-8, file skipped", path.display()))
        }
    }
}
