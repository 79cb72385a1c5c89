//! Loaders for the field's standard TABARI/PETRARCH dictionary formats: CAMEO verb
//! dictionaries (PETRARCH-2 `CAMEO.2.0.txt` and the older PETRARCH-1
//! `CAMEO.verbpatterns.*.txt`), Phoenix actor, agent and discard files, and
//! `PETR_config.ini`.
//!
//! Every file is parsed into the same [`Entries`] as the casus lexicon format, so the
//! standard dictionaries compile into the same matchers ([`crate::Dictionary`]).
//!
//! # Common conventions
//!
//! - Comments: a `#` anywhere on a line starts a comment (as in PETRARCH's reader),
//!   except inside `[...]` (TABARI's discard code `[###]`), and XML-style `<!-- ... -->`
//!   comments may span lines. Verb files also accept the old KEDS `;` comments.
//! - Names and nouns: `_` joins the words of a phrase and is read as a space; a trailing
//!   `_` (TABARI's "whole word" marker) is dropped. TABARI word stems (a name without the
//!   trailing `_`, such as `ARGENTIN`) are read as whole words.
//! - Severity: a [`Severity::Error`] means a line could not be read as the format at all
//!   (an unclosed `[`, a verb line without a verb, a synset without a name). Lines that are well
//!   formed but cannot be used, and that PETRARCH itself skips or mis-reads (a code that
//!   is not a CAMEO code, an undefined synset, an agent without a code, a malformed date),
//!   are skipped with a [`Severity::Warning`] naming the reason, so the standard files load
//!   with warnings only. Unsupported constructs that are frequent (verb transformations
//!   `~`, compound actors `%`, reverse-only codes `[:b]`) are counted in one warning per
//!   file, at the first such line.
//!
//! See [`parse_petrarch_actors`], [`parse_petrarch_agents`], [`parse_petrarch_verbs`],
//! [`parse_petrarch_discards`] and [`parse_petrarch_config`] for each format.

mod actors;
mod agents;
mod config;
mod discards;
mod verbs;

use std::path::Path;
use std::sync::Arc;

use casus_core::Date;

pub use actors::parse_petrarch_actors;
pub use agents::parse_petrarch_agents;
pub use config::{load_petrarch_config, parse_petrarch_config, PetrarchConfig};
pub use discards::parse_petrarch_discards;
pub use verbs::parse_petrarch_verbs;

use crate::entry::Entries;
use crate::load::{read_text, Loaded};
use crate::{Diagnostic, Error, Origin, Severity};

/// The kind of a PETRARCH dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PetrarchKind {
    /// A verb dictionary (`CAMEO.2.0.txt`, `CAMEO.verbpatterns.*.txt`, `*.verbs.txt`).
    Verbs,
    /// An actor dictionary (`Phoenix.*.actors.txt`).
    Actors,
    /// An agent dictionary (`Phoenix.agents.txt`).
    Agents,
    /// A discard list (`Phoenix.discards.txt`).
    Discards,
}

impl PetrarchKind {
    /// The parser for this kind.
    fn parser(self) -> fn(&str, &Arc<str>, &mut Entries, &mut Vec<Diagnostic>) {
        match self {
            PetrarchKind::Verbs => parse_petrarch_verbs,
            PetrarchKind::Actors => parse_petrarch_actors,
            PetrarchKind::Agents => parse_petrarch_agents,
            PetrarchKind::Discards => parse_petrarch_discards,
        }
    }
}

impl PetrarchKind {
    /// Guesses the kind of a TABARI/PETRARCH dictionary from its file name
    /// (`Phoenix.Countries.actors.txt`, `Phoenix.agents.txt`, `CAMEO.2.0.txt`, `*.discards.txt`).
    #[must_use]
    pub fn of_path(path: &Path) -> Option<PetrarchKind> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.contains("actor") {
            Some(PetrarchKind::Actors)
        } else if name.contains("agent") {
            Some(PetrarchKind::Agents)
        } else if name.contains("discard") {
            Some(PetrarchKind::Discards)
        } else if name.contains("verb") || name.starts_with("cameo") {
            Some(PetrarchKind::Verbs)
        } else {
            None
        }
    }
}

/// Loads one PETRARCH dictionary file as the given kind.
///
/// # Errors
///
/// Fails when the file cannot be read or is not UTF-8. Problems inside the file are
/// reported in [`Loaded::diagnostics`].
pub fn load_petrarch_file(path: &Path, kind: PetrarchKind) -> Result<Loaded, Error> {
    let mut l = Loaded::default();
    let text = read_text(path)?;
    l.add_parsed(&path.display().to_string(), &text, kind.parser());
    l.entries.petrarch = true;
    Ok(l)
}

/// Loads the dictionaries named by `PETR_config.ini` in `dir` (paths relative to `dir`):
/// the verb file, every actor file, the agent file and the discard file, in that order.
/// The issue file is not loaded (issue coding has no casus equivalent); a warning says so.
///
/// # Errors
///
/// Fails when `PETR_config.ini` or a file it names cannot be read or is not UTF-8.
pub fn load_petrarch_dir(dir: &Path) -> Result<Loaded, Error> {
    let config_path = dir.join("PETR_config.ini");
    let config_text = read_text(&config_path)?;
    let config = parse_petrarch_config(&config_text);
    let config_name: Arc<str> = Arc::from(config_path.display().to_string());
    let mut l = Loaded::default();
    for (line, message) in &config.problems {
        l.diagnostics.push(Diagnostic {
            origin: Origin { file: config_name.clone(), line: *line },
            severity: Severity::Warning,
            message: message.clone(),
        });
    }
    let mut files: Vec<(&str, PetrarchKind)> = Vec::new();
    if let Some(v) = &config.verbfile {
        files.push((v, PetrarchKind::Verbs));
    }
    for a in &config.actorfiles {
        files.push((a, PetrarchKind::Actors));
    }
    if let Some(a) = &config.agentfile {
        files.push((a, PetrarchKind::Agents));
    }
    if let Some(d) = &config.discardfile {
        files.push((d, PetrarchKind::Discards));
    }
    for (name, kind) in files {
        let path = dir.join(name);
        let text = read_text(&path)?;
        l.add_parsed(&path.display().to_string(), &text, kind.parser());
    }
    l.entries.petrarch = true;
    if let Some(issues) = &config.issuefile {
        l.diagnostics.push(Diagnostic {
            origin: Origin { file: config_name, line: config.issuefile_line },
            severity: Severity::Warning,
            message: format!("issue file {issues:?} not loaded: casus does not code issues"),
        });
    }
    Ok(l)
}

/// Collects diagnostics for one file.
pub(crate) struct Sink<'a> {
    file: Arc<str>,
    diags: &'a mut Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(file: &Arc<str>, diags: &'a mut Vec<Diagnostic>) -> Self {
        Sink { file: file.clone(), diags }
    }

    pub(crate) fn origin(&self, line: usize) -> Origin {
        Origin { file: self.file.clone(), line }
    }

    pub(crate) fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic { origin: self.origin(line), severity: Severity::Error, message: message.into() });
    }

    pub(crate) fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic { origin: self.origin(line), severity: Severity::Warning, message: message.into() });
    }

    /// The file's base name (for rule ids).
    pub(crate) fn base_name(&self) -> &str {
        self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file)
    }
}

/// A construct counted once per file: how many, and the first line.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    count: usize,
    first: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, line: usize) {
        if self.count == 0 {
            self.first = line;
        }
        self.count += 1;
    }

    /// Emits one warning, `message` followed by the count, if anything was counted.
    pub(crate) fn report(&self, sink: &mut Sink<'_>, message: &str) {
        if self.count > 0 {
            sink.warn(self.first, format!("{message} ({} line(s) in this file, the first here)", self.count));
        }
    }
}

/// A non-blank line with its comments removed, trimmed.
#[derive(Debug)]
pub(crate) struct Line {
    /// 1-based line number.
    pub no: usize,
    /// The text.
    pub text: String,
}

/// The non-blank lines of a PETRARCH file with comments removed: `<!-- ... -->` (also over
/// several lines; a line starting with `<!` is a comment), everything from `#`, and with
/// `semicolon`, everything from `;`.
pub(crate) fn clean_lines(text: &str, semicolon: bool) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_xml = false;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if in_xml {
            if raw.contains("-->") {
                in_xml = false;
            }
            continue;
        }
        let t = raw.trim_start();
        if t.starts_with("<!") {
            in_xml = !t.contains("-->");
            continue;
        }
        let mut s = raw.to_owned();
        if let Some(a) = s.find("<!--") {
            match s[a..].find("-->") {
                Some(b) => s.replace_range(a..a + b + 3, " "),
                None => {
                    s.truncate(a);
                    in_xml = true;
                }
            }
        }
        if let Some(h) = comment_start(&s, semicolon) {
            s.truncate(h);
        }
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        out.push(Line { no, text: trimmed.to_owned() });
    }
    out
}

/// Where a `#` (or with `semicolon`, a `;`) comment starts: anywhere on the line, as in
/// PETRARCH, except inside `[...]` (TABARI's discard code `[###]` is a code, not a
/// comment).
fn comment_start(s: &str, semicolon: bool) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return Some(i),
            ';' if depth == 0 && semicolon => return Some(i),
            _ => {}
        }
    }
    None
}

/// Reads a phrase written with `_` and spaces as words separated by single spaces;
/// a trailing `_` and surrounding blanks are dropped.
pub(crate) fn phrase_text(s: &str) -> String {
    s.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses a TABARI date: `YYMMDD` (years 00–30 are 20xx, 31–99 are 19xx, as in PETRARCH)
/// or `YYYYMMDD`. Like PETRARCH, a 7-digit date is read from its first six digits and a
/// longer one from its first eight; the second value is a warning saying so.
pub(crate) fn parse_date(s: &str) -> Result<(Date, Option<String>), String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date {s:?} is not YYMMDD or YYYYMMDD"));
    }
    let num = |a: usize, b: usize| -> u32 { s[a..b].parse().unwrap_or(0) };
    let (year, month, day, used) = match s.len() {
        0..=5 => return Err(format!("date {s:?} is not YYMMDD or YYYYMMDD")),
        6 | 7 => {
            let yy = num(0, 2);
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (year, num(2, 4), num(4, 6), 6)
        }
        _ => (num(0, 4), num(4, 6), num(6, 8), 8),
    };
    let year = i32::try_from(year).unwrap_or(0);
    let date = Date::from_ymd(year, month, day).ok_or_else(|| format!("date {s:?} does not exist"))?;
    let note = (s.len() != used).then(|| {
        format!(
            "malformed date {s:?} read from its first {used} digits as {year:04}-{month:02}-{day:02}, as PETRARCH does"
        )
    });
    Ok((date, note))
}

/// The matching tokens of one dictionary word or phrase: tokenized like text, lower
/// case. They match the text's words as written, as in PETRARCH ("RESOLUTION" is not
/// "resolutions").
pub(crate) fn word_tokens(w: &str) -> Vec<String> {
    crate::compile::name_key(&w.replace('_', " "))
}

#[cfg(test)]
#[allow(clippy::print_stderr)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::Instant;

    fn shared() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/petrarch2")
    }

    #[test]
    fn clean_lines_strip_comments() {
        let text = "<!-- head -->\nA # c\n<!--\ninside\n-->\nB <!-- x --> C\n\n  D ; e\n<! -- odd -->\nE [###] #x";
        let lines = clean_lines(text, true);
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(got, [(2, "A"), (6, "B   C"), (8, "D"), (10, "E [###]")]);
        let lines = clean_lines("X ; y", false);
        assert_eq!(lines[0].text, "X ; y");
    }

    #[test]
    fn dates() {
        let d = |s: &str| parse_date(s).unwrap_or_else(|e| panic!("{e}")).0;
        assert_eq!(d("011222"), Date::from_ymd(2001, 12, 22).unwrap_or_else(|| panic!()));
        assert_eq!(d("300101").year(), 2030);
        assert_eq!(d("310101").year(), 1931);
        assert_eq!(d("19270101").year(), 1927);
        assert!(parse_date("9008223").is_ok_and(|(_, n)| n.is_some()));
        assert!(parse_date("910231").is_err());
        assert!(parse_date("12345").is_err());
        assert!(parse_date("9x0101").is_err());
    }

    #[test]
    fn phrase_text_and_tokens() {
        assert_eq!(phrase_text("AFGHAN_NATIONAL_ARMY_ "), "AFGHAN NATIONAL ARMY");
        assert_eq!(word_tokens("PRIME_MINISTERS"), ["prime", "ministers"]);
    }

    proptest::proptest! {
        /// No input makes a parser panic, and every diagnostic points at a line of it.
        #[test]
        fn parsers_never_panic(text in "([-+*$%^&~!=_#;<>{}()\\[\\]:/ \t\n]|[A-Z0-9]{1,8}|<!--|-->|---){0,60}") {
            let lines = text.lines().count().max(1);
            for kind in [PetrarchKind::Verbs, PetrarchKind::Actors, PetrarchKind::Agents, PetrarchKind::Discards] {
                let mut e = Entries::default();
                let mut d = Vec::new();
                (kind.parser())(&text, &Arc::from("fuzz"), &mut e, &mut d);
                for x in &d {
                    proptest::prop_assert!(x.origin.line >= 1 && x.origin.line <= lines, "{x}");
                }
            }
            let _ = parse_petrarch_config(&text);
        }
    }

    /// Loads every standard dictionary and the validation dictionaries: no errors.
    #[test]
    fn standard_files_load_without_errors() {
        let root = shared();
        if !root.is_dir() {
            eprintln!("skipped: {} not found", root.display());
            return;
        }
        let mut paths: Vec<(PathBuf, Option<PetrarchKind>)> = Vec::new();
        let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("dictionaries"))
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for p in names {
            let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let kind = if n.ends_with(".actors.txt") {
                Some(PetrarchKind::Actors)
            } else if n.contains("agents") {
                Some(PetrarchKind::Agents)
            } else if n.contains("discards") {
                Some(PetrarchKind::Discards)
            } else if n.starts_with("CAMEO") {
                Some(PetrarchKind::Verbs)
            } else {
                None
            };
            paths.push((p, kind));
        }
        for (n, k) in [
            ("verbs", PetrarchKind::Verbs),
            ("actors", PetrarchKind::Actors),
            ("agents", PetrarchKind::Agents),
            ("discards", PetrarchKind::Discards),
        ] {
            paths.push((root.join(format!("PETR.Validate.{n}.txt")), Some(k)));
        }
        let mut errors = Vec::new();
        for (p, kind) in &paths {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let Some(kind) = kind else {
                if name == "PETR_config.ini" {
                    let c = load_petrarch_config(p).unwrap_or_else(|e| panic!("{e}"));
                    assert_eq!(c.verbfile.as_deref(), Some("CAMEO.2.0.txt"));
                    assert_eq!(c.actorfiles.len(), 3);
                    assert!(c.problems.is_empty(), "{:?}", c.problems);
                    eprintln!("{name}: config {c:?}");
                } else {
                    eprintln!("{name}: not a dictionary kind casus loads (skipped)");
                }
                continue;
            };
            let l = load_petrarch_file(p, *kind).unwrap_or_else(|e| panic!("{e}"));
            let warnings = l.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
            eprintln!(
                "{name}: {} actors, {} agents, {} patterns, {} discards, {warnings} warnings",
                l.entries.actors.len(),
                l.entries.agents.len(),
                l.entries.patterns.len(),
                l.entries.discards.len(),
            );
            let show = std::env::var_os("CASUS_SHOW_WARNINGS").is_some();
            for d in &l.diagnostics {
                if d.severity == Severity::Error {
                    errors.push(d.to_string());
                } else if show {
                    eprintln!("  {d}");
                }
            }
            match kind {
                PetrarchKind::Actors => assert!(!l.entries.actors.is_empty(), "{name}"),
                PetrarchKind::Agents => assert!(!l.entries.agents.is_empty(), "{name}"),
                PetrarchKind::Verbs => assert!(!l.entries.patterns.is_empty(), "{name}"),
                PetrarchKind::Discards => assert!(!l.entries.discards.is_empty(), "{name}"),
            }
        }
        assert!(errors.is_empty(), "{} errors:\n{}", errors.len(), errors.join("\n"));
    }

    /// The configured production set loads through `load_petrarch_dir`, fast enough.
    #[test]
    fn production_set_loads_quickly() {
        let dir = shared().join("dictionaries");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let t = Instant::now();
        let l = load_petrarch_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let load = t.elapsed();
        let t = Instant::now();
        let dict = crate::Dictionary::compile(&[l.entries]);
        let compile = t.elapsed();
        eprintln!(
            "load_petrarch_dir: {} files, {} actors, {} agents, {} patterns in {load:?}; compile {compile:?}",
            l.files.len(),
            dict.actors().len(),
            dict.agents().len(),
            dict.patterns().len()
        );
        assert_eq!(l.files.len(), 6);
        assert!(l.diagnostics.iter().all(|d| d.severity != Severity::Error));
        assert!(load.as_secs_f64() < 5.0, "loading took {load:?}");
    }
}
