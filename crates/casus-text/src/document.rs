//! Documents and their readers.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use casus_core::{Date, Span};
use serde_json::{Map, Value};

use crate::clean::{classify_paragraph, is_byline_sentence, Boilerplate, BoilerplateKind};
use crate::dateline::{self, Dateline};
use crate::sentence::{split_sentences, Sentence};
use crate::Error;

/// A news document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Document id: a file stem or the JSON Lines `id`.
    pub id: String,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Title, if known.
    pub title: Option<String>,
    /// The text. Every span casus reports is a byte range into it.
    pub text: String,
    /// Other fields of a JSON Lines record (`source`, `url`, ...), kept as they were.
    pub metadata: Map<String, Value>,
    /// Span of the title inside `text`, for plain-text articles whose first line is the title.
    title_span: Option<Span>,
}

/// The result of the text stage on one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// What was left out, and why.
    pub boilerplate: Vec<Boilerplate>,
    /// The story's dateline, if it has one.
    pub dateline: Option<Dateline>,
    /// The sentences to code, in order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// A document whose whole text is body (no title detection).
    #[must_use]
    pub fn from_body(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), date: None, title: None, text: text.into(), metadata: Map::new(), title_span: None }
    }

    /// A document from plain text. The first line is the title when a blank line follows it.
    #[must_use]
    pub fn from_plain(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let mut title = None;
        let mut title_span = None;
        let first_end = text.find('\n').unwrap_or(text.len());
        let first = text[..first_end].trim_end_matches('\r');
        let rest = &text[first_end..];
        // A blank line follows, and then more text: a lone line is a story, not a title.
        let blank_follows = rest.strip_prefix('\n').is_some_and(|r| {
            let mut lines = r.splitn(2, '\n');
            let blank = lines.next().unwrap_or("").trim().is_empty();
            blank && lines.next().is_some_and(|more| !more.trim().is_empty())
        });
        if blank_follows && !first.trim().is_empty() && first.len() < 400 {
            let lead = first.len() - first.trim_start().len();
            title = Some(first.trim().to_owned());
            title_span = Some(Span::new(lead, lead + first.trim().len()));
        }
        Document { id: id.into(), date: None, title, text, metadata: Map::new(), title_span }
    }

    /// A document from one JSON Lines record: `{"id", "date", "title", "text", ...}`.
    /// Other fields are kept in [`Document::metadata`]. `fallback_id` is used when the
    /// record has no `id`.
    ///
    /// # Errors
    ///
    /// Returns a message when the record is not a JSON object or has no string `text`.
    pub fn from_json_record(record: &str, fallback_id: &str) -> Result<Document, String> {
        let value: Value = serde_json::from_str(record).map_err(|e| format!("invalid JSON: {e}"))?;
        let Value::Object(mut map) = value else {
            return Err("record is not a JSON object".into());
        };
        let text = match map.remove("text").or_else(|| map.remove("body")).or_else(|| map.remove("content")) {
            Some(Value::String(s)) => s,
            Some(_) => return Err("field \"text\" is not a string".into()),
            None => return Err("record has no \"text\" field".into()),
        };
        let id = match map.remove("id") {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            _ => fallback_id.to_owned(),
        };
        let title = match map.remove("title") {
            Some(Value::String(s)) => Some(s),
            _ => None,
        };
        let date = match map.get("date").or_else(|| map.get("publication_date")) {
            Some(Value::String(s)) => parse_loose_date(s),
            _ => None,
        };
        if date.is_some() {
            map.remove("date");
        }
        Ok(Document { id, date, title, text, metadata: map, title_span: None })
    }

    /// Runs the text stage: paragraphs, boilerplate, dateline, sentences.
    #[must_use]
    pub fn analyze(&self) -> Analysis {
        let mut a = Analysis { paragraphs: paragraphs(&self.text), ..Analysis::default() };
        for (pi, &p) in a.paragraphs.iter().enumerate() {
            if self.title_span.is_some_and(|t| t.start == p.start) {
                a.boilerplate.push(Boilerplate { kind: BoilerplateKind::Title, span: p });
                continue;
            }
            let ptext = &self.text[p.range()];
            if let Some(kind) = classify_paragraph(ptext) {
                a.boilerplate.push(Boilerplate { kind, span: p });
                continue;
            }
            let mut body = p;
            if a.dateline.is_none() {
                if let Some(d) = dateline::find(ptext, p.start) {
                    body = Span::new(d.span.end, p.end);
                    a.dateline = Some(d);
                }
            }
            for s in split_sentences(&self.text[body.range()], body.start) {
                if is_byline_sentence(&self.text[s.range()]) {
                    a.boilerplate.push(Boilerplate { kind: BoilerplateKind::Byline, span: s });
                } else {
                    a.sentences.push(Sentence { span: s, paragraph: pi });
                }
            }
        }
        a
    }
}

/// Parses `YYYY-MM-DD`, an ISO date-time starting with it, or `YYYYMMDD`.
#[must_use]
pub fn parse_loose_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(|p| p.parse().ok()) {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]).parse().ok();
    }
    None
}

/// Paragraphs: split at blank lines, and at single line breaks unless the line before ends
/// mid-sentence and the next starts in lower case (hard-wrapped prose).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0usize;
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let line_start = pos;
        pos += line.len();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, prev_end));
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let this_start = line_start + lead;
        let this_end = this_start + trimmed.len();
        if let Some(s) = start {
            let before = &text[s..prev_end];
            // Hard-wrapped prose: a long line ending mid-sentence, continued in lower case.
            let last_line = before.rsplit('\n').next().unwrap_or(before);
            let continues = last_line.len() >= 25
                && before.ends_with(|c: char| c.is_alphanumeric() || c == ',')
                && trimmed.starts_with(|c: char| c.is_lowercase())
                && !trimmed.contains('@');
            if !continues {
                out.push(Span::new(s, prev_end));
                start = Some(this_start);
            }
        } else {
            start = Some(this_start);
        }
        prev_end = this_end;
    }
    if let Some(s) = start {
        out.push(Span::new(s, prev_end));
    }
    out
}

/// Reads documents from a JSON Lines stream, one record per line.
///
/// Bad lines (invalid UTF-8, invalid JSON, no `text`, longer than the limit) are returned
/// as [`Error`]s naming the file and line; the reader then goes on with the next line.
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    path: PathBuf,
    stem: String,
    line: usize,
    max_line: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Default longest line accepted: 64 MiB.
    pub const DEFAULT_MAX_LINE: usize = 64 << 20;

    /// A reader over `reader`, reporting errors against `path`.
    pub fn new(reader: R, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref().to_path_buf();
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "stdin".into());
        JsonLines { reader, path, stem, line: 0, max_line: Self::DEFAULT_MAX_LINE, buf: Vec::new() }
    }

    /// Sets the longest line accepted, in bytes.
    #[must_use]
    pub fn max_line(mut self, bytes: usize) -> Self {
        self.max_line = bytes;
        self
    }

    /// Reads one line into `buf`, keeping at most `max_line + 1` bytes; returns
    /// `Ok(None)` at end of input, `Ok(Some(too_long))` otherwise.
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut any = false;
        let mut too_long = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(any.then_some(too_long));
            }
            any = true;
            let (take, done) = match memchr_newline(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = (self.max_line + 1).saturating_sub(self.buf.len());
            if take > room {
                too_long = true;
            }
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            self.reader.consume(take);
            if done {
                return Ok(Some(too_long));
            }
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let too_long = match self.read_line() {
                Ok(None) => return None,
                Ok(Some(t)) => t,
                Err(source) => return Some(Err(Error::Read { path: self.path.clone(), source })),
            };
            self.line += 1;
            let bad = |message: String| Error::BadRecord { path: self.path.clone(), line: self.line, message };
            if too_long {
                return Some(Err(bad(format!("line longer than {} bytes, skipped", self.max_line))));
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t.trim(),
                Err(e) => {
                    return Some(Err(Error::InvalidUtf8 {
                        path: self.path.clone(),
                        line: self.line,
                        offset: e.valid_up_to(),
                    }))
                }
            };
            if text.is_empty() {
                continue;
            }
            let fallback = format!("{}:{}", self.stem, self.line);
            return Some(Document::from_json_record(text, &fallback).map_err(bad));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_title_and_paragraphs() {
        let doc = Document::from_plain("d", "Rebels advance\n\nRebels shelled Homs. Talks stalled.\nAid arrived.\n");
        assert_eq!(doc.title.as_deref(), Some("Rebels advance"));
        let a = doc.analyze();
        let s: Vec<&str> = a.sentences.iter().map(|s| s.text(&doc.text)).collect();
        assert_eq!(s, ["Rebels shelled Homs.", "Talks stalled.", "Aid arrived."]);
        assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Title);
    }

    #[test]
    fn a_lone_line_is_not_a_title() {
        let doc = Document::from_plain("d", "Rebels shelled Homs.\n");
        assert_eq!(doc.title, None);
        assert_eq!(doc.analyze().sentences.len(), 1);
        let doc = Document::from_plain("d", "Rebels shelled Homs.\n\n\n");
        assert_eq!(doc.title, None);
    }

    #[test]
    fn no_title_without_blank_line() {
        let doc = Document::from_plain("d", "Rebels shelled Homs.\nTalks stalled.");
        assert_eq!(doc.title, None);
        assert_eq!(doc.analyze().sentences.len(), 2);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let doc = Document::from_plain("d", "The rebels said on Monday that\nthey would fight on.");
        assert_eq!(doc.analyze().sentences.len(), 1);
    }

    #[test]
    fn boilerplate_and_dateline_are_removed() {
        let text = "Title here\n\nSoldiers stand in the main square of the town on Wednesday. AFP\nPowered by automated translation\n\nGAZIANTEP, TURKEY // Regime forces recaptured the town.\nJane Doe reports from Gaziantep\njdoe@example.com\n";
        let doc = Document::from_plain("d", text);
        let a = doc.analyze();
        let s: Vec<&str> = a.sentences.iter().map(|s| s.text(&doc.text)).collect();
        assert_eq!(s, ["Regime forces recaptured the town."]);
        assert_eq!(a.dateline.map(|d| d.place), Some("GAZIANTEP".to_owned()));
        let kinds: Vec<&str> = a.boilerplate.iter().map(|b| b.kind.as_str()).collect();
        assert_eq!(kinds, ["title", "caption", "powered-by", "byline", "email"]);
    }

    #[test]
    fn json_lines_report_bad_lines_and_go_on() {
        let input: &[u8] = b"{\"id\":\"a\",\"date\":\"2013-06-05\",\"text\":\"Rebels fought.\",\"url\":\"u\"}\nnot json\n\n{\"id\":\"c\"}\n\xff\xfe\n{\"text\":\"Talks.\"}\n";
        let items: Vec<_> = JsonLines::new(input, "corpus.jsonl").collect();
        assert_eq!(items.len(), 5);
        let a = items[0].as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.id, "a");
        assert_eq!(a.date.map(|d| d.to_string()), Some("2013-06-05".into()));
        assert_eq!(a.metadata["url"], "u");
        let msgs: Vec<String> = items.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        assert!(msgs[0].starts_with("corpus.jsonl:2: invalid JSON"), "{}", msgs[0]);
        assert!(msgs[1].starts_with("corpus.jsonl:4: record has no \"text\""), "{}", msgs[1]);
        assert!(msgs[2].starts_with("corpus.jsonl:5: invalid UTF-8"), "{}", msgs[2]);
        let last = items[4].as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(last.id, "corpus:6");
    }

    #[test]
    fn json_lines_skip_huge_lines() {
        let mut input = b"{\"text\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'a', 1000));
        input.extend_from_slice(b"\"}\n{\"id\":\"ok\",\"text\":\"Fine.\"}\n");
        let items: Vec<_> = JsonLines::new(&input[..], "c.jsonl").max_line(100).collect();
        assert!(items[0].is_err());
        assert_eq!(items[1].as_ref().map(|d| d.id.as_str()).ok(), Some("ok"));
    }

    proptest::proptest! {
        #[test]
        fn analysis_never_panics_and_spans_slice(s in "\\PC{0,400}") {
            let doc = Document::from_plain("p", s);
            let a = doc.analyze();
            for sent in &a.sentences {
                proptest::prop_assert!(doc.text.get(sent.span.range()).is_some());
                for t in crate::tokenize(sent.text(&doc.text), sent.span.start) {
                    proptest::prop_assert_eq!(&doc.text[t.span.range()], t.text);
                }
            }
        }
    }
}
