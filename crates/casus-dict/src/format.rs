//! The casus lexicon format (`docs/formats/lexicon.md`): actor, agent and verb files.

use std::collections::HashMap;
use std::sync::Arc;

use casus_core::{ActorCode, CameoCode, Date};

use crate::entry::{ActorEntry, ActorKind, AgentEntry, DateRange, Entries, Item, Pattern};
use crate::{Diagnostic, Origin, Severity};

/// The kind of a lexicon file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `*.tsv` under `actors/`, or `*.actors.tsv`.
    Actors,
    /// `agents.tsv` or `*.agents.tsv`.
    Agents,
    /// `verbs.txt` or `*.verbs.txt`.
    Verbs,
}

impl FileKind {
    /// The kind of a file from its path under a lexicon directory.
    #[must_use]
    pub fn of_path(rel: &str) -> Option<FileKind> {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if name == "agents.tsv" || name.ends_with(".agents.tsv") {
            Some(FileKind::Agents)
        } else if name == "verbs.txt" || name.ends_with(".verbs.txt") {
            Some(FileKind::Verbs)
        } else if name.ends_with(".actors.tsv") || (rel.contains("actors/") && name.ends_with(".tsv")) {
            Some(FileKind::Actors)
        } else {
            None
        }
    }
}

/// Normalizes a word for matching: lower case, typographic apostrophes made plain.
#[must_use]
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => s.push('\''),
            '\u{00AD}' => {}
            '\u{2011}' | '\u{2010}' => s.push('-'),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// Strips a trailing `#` comment (a `#` at the start or after white space).
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    let b = line.as_bytes();
    for i in 1..b.len() {
        if b[i] == b'#' && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
            return &line[..i];
        }
    }
    line
}

fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect()
}

struct Sink<'a> {
    file: Arc<str>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    fn origin(&self, line: usize) -> Origin {
        Origin { file: self.file.clone(), line }
    }
    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic { origin: self.origin(line), severity: Severity::Error, message: message.into() });
    }
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic { origin: self.origin(line), severity: Severity::Warning, message: message.into() });
    }
}

/// Parses a date range `YYYY-MM-DD..YYYY-MM-DD` (either end may be empty).
///
/// # Errors
///
/// Returns a message when the text is not such a range or starts after it ends.
pub fn parse_date_range(s: &str) -> Result<DateRange, String> {
    let (a, b) = s.split_once("..").ok_or_else(|| format!("date range {s:?} has no '..'"))?;
    let parse = |t: &str| -> Result<Option<Date>, String> {
        let t = t.trim();
        if t.is_empty() {
            Ok(None)
        } else {
            t.parse().map(Some).map_err(|e: casus_core::Error| e.to_string())
        }
    };
    let r = DateRange { start: parse(a)?, end: parse(b)? };
    if let (Some(s0), Some(e0)) = (r.start, r.end) {
        if s0 > e0 {
            return Err(format!("date range {s:?} starts after it ends"));
        }
    }
    Ok(r)
}

/// Parses an actor file.
pub fn parse_actors(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink { file: file.clone(), diags };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let f = fields(line);
        if !(3..=4).contains(&f.len()) {
            sink.error(line_no, format!("expected CODE<TAB>KIND<TAB>NAMES[<TAB>DATES], found {} field(s)", f.len()));
            continue;
        }
        let code: ActorCode = match f[0].parse() {
            Ok(c) => c,
            Err(e) => {
                sink.error(line_no, e.to_string());
                continue;
            }
        };
        let Some(kind) = ActorKind::parse(f[1]) else {
            sink.error(line_no, format!("unknown actor kind {:?}", f[1]));
            continue;
        };
        let dates = match f.get(3).map(|d| parse_date_range(d)) {
            None => None,
            Some(Ok(r)) => Some(r),
            Some(Err(e)) => {
                sink.error(line_no, e);
                continue;
            }
        };
        for name in f[2].split('|').map(str::trim) {
            if name.is_empty() {
                sink.warn(line_no, "empty name between '|'");
                continue;
            }
            out.actors.push(ActorEntry { code, kind, name: name.to_owned(), dates, origin: sink.origin(line_no) });
        }
    }
}

/// Parses an agents file.
pub fn parse_agents(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink { file: file.clone(), diags };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let f = fields(line);
        if f.len() != 2 {
            sink.error(line_no, format!("expected ROLE<TAB>NOUNS, found {} field(s)", f.len()));
            continue;
        }
        let role: ActorCode = match f[0].parse() {
            Ok(c) => c,
            Err(e) => {
                sink.error(line_no, e.to_string());
                continue;
            }
        };
        for noun in f[1].split('|').map(str::trim).filter(|n| !n.is_empty()) {
            out.agents.push(AgentEntry {
                role,
                noun: noun.to_owned(),
                prefix: false,
                explicit_plural: false,
                origin: sink.origin(line_no),
            });
        }
    }
}

/// Parses a verb-pattern file.
pub fn parse_verbs(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink { file: file.clone(), diags };
    let lemmas = casus_text::Lexicon::embedded();
    // Synsets first, so patterns may use a synset defined further down.
    let mut synsets: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if let Some(def) = line.strip_prefix('&') {
            let Some((name, members)) = def.split_once('=') else {
                sink.error(i + 1, "synset definition needs '=': &NAME = a | b");
                continue;
            };
            let name = name.trim().to_owned();
            let phrases: Vec<Vec<String>> = members
                .split('|')
                .map(|m| m.split_whitespace().map(|w| lemma_of(lemmas, w)).collect::<Vec<_>>())
                .filter(|p: &Vec<String>| !p.is_empty())
                .collect();
            if phrases.is_empty() {
                sink.error(i + 1, format!("synset &{name} has no members"));
            }
            if synsets.insert(name.clone(), phrases).is_some() {
                sink.warn(i + 1, format!("synset &{name} defined twice; the later definition wins"));
            }
        }
    }
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('&') {
            continue;
        }
        let f = fields(line);
        if !(2..=3).contains(&f.len()) {
            sink.error(line_no, format!("expected CODE<TAB>PATTERN[<TAB>FLAGS], found {} field(s)", f.len()));
            continue;
        }
        let code = if f[0] == "---" {
            None
        } else {
            match f[0].parse::<CameoCode>() {
                Ok(c) => Some(c),
                Err(e) => {
                    sink.error(line_no, e.to_string());
                    continue;
                }
            }
        };
        let mut speech = false;
        if let Some(flags) = f.get(2) {
            for flag in flags.split(',').map(str::trim) {
                match flag {
                    "speech" => speech = true,
                    other => sink.warn(line_no, format!("unknown flag {other:?} ignored")),
                }
            }
        }
        match parse_pattern(f[1], &synsets, lemmas) {
            Ok((head, noun_head, items)) => out.patterns.push(Pattern {
                code,
                head,
                noun_head,
                before: Vec::new(),
                items,
                speech,
                reverse: None,
                compound: false,
                form: None,
                id: format!("{}:{}", f[0], f[1]),
                origin: sink.origin(line_no),
            }),
            Err(e) => sink.error(line_no, e),
        }
    }
}

/// The matching lemma of a pattern word: verbs stay, plural nouns become singular.
fn lemma_of(lemmas: &casus_text::Lexicon, w: &str) -> String {
    let n = normalize(w);
    lemmas.noun_singular(&n).map_or(n, str::to_owned)
}

type ParsedPattern = (String, bool, Vec<Item>);

fn parse_pattern(
    text: &str,
    synsets: &HashMap<String, Vec<Vec<String>>>,
    lemmas: &casus_text::Lexicon,
) -> Result<ParsedPattern, String> {
    let mut words = text.split_whitespace();
    let head_raw = words.next().ok_or("empty pattern")?;
    let (noun_head, head_word) = match head_raw.strip_prefix('~') {
        Some(h) => (true, h),
        None => (false, head_raw),
    };
    if head_word.is_empty() || !head_word.chars().any(char::is_alphabetic) {
        return Err(format!("pattern head {head_raw:?} is not a word"));
    }
    let head = normalize(head_word);
    let head = if noun_head { lemmas.noun_singular(&head).map_or(head, str::to_owned) } else { head };
    let mut items = Vec::new();
    for w in words {
        items.push(parse_item(w, synsets, lemmas)?);
    }
    Ok((head, noun_head, items))
}

fn parse_item(
    w: &str,
    synsets: &HashMap<String, Vec<Vec<String>>>,
    lemmas: &casus_text::Lexicon,
) -> Result<Item, String> {
    if let Some(inner) = w.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        let item = parse_item(inner, synsets, lemmas)?;
        return Ok(Item::Optional(Box::new(item)));
    }
    Ok(match w {
        "+" => Item::Target,
        "$" => Item::Source,
        "*" => Item::Gap(6),
        "**" => Item::Gap(12),
        _ if w.starts_with('&') => {
            let name = &w[1..];
            let set = synsets.get(name).ok_or_else(|| format!("undefined synset &{name}"))?;
            Item::Phrase(set.clone())
        }
        _ => {
            let alts: Vec<Vec<String>> =
                w.split('|').filter(|a| !a.is_empty()).map(|a| vec![lemma_of(lemmas, a)]).collect();
            if alts.is_empty() {
                return Err(format!("empty item {w:?}"));
            }
            Item::Phrase(alts)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> Arc<str> {
        Arc::from("test")
    }

    #[test]
    fn actors_with_dates_and_errors() {
        let text = "# header\nSYR\tcountry\tSyria | Syrian Arab Republic\nSYRGOV\tperson\tBashar al-Assad | Assad\t2000-07-17..2024-12-08\nsyr\tcountry\tX\nSYR\tplanet\tX\nSYR\tcountry\tX\t2020-01-01..2019-01-01\n";
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_actors(text, &file(), &mut e, &mut d);
        assert_eq!(e.actors.len(), 4);
        assert_eq!(e.actors[2].name, "Bashar al-Assad");
        assert!(e.actors[2].dates.is_some());
        let lines: Vec<usize> = d.iter().map(|x| x.origin.line).collect();
        assert_eq!(lines, [4, 5, 6]);
        assert!(d[2].message.contains("starts after it ends"), "{}", d[2]);
    }

    #[test]
    fn verb_patterns_and_synsets() {
        let text = "&ARMS = arms | weapon | military equipment\n072\tprovide + with * &ARMS\n163\timpose sanctions on +\n---\tsay\tspeech\n999\tfoo\n072\tgive + &NOPE\n190\t~recapture of +\n";
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_verbs(text, &file(), &mut e, &mut d);
        assert_eq!(e.patterns.len(), 4, "{d:?}");
        let p = &e.patterns[0];
        assert_eq!(p.head, "provide");
        assert_eq!(p.items.len(), 4);
        assert!(p.has_target_slot());
        assert_eq!(p.id, "072:provide + with * &ARMS");
        // "sanctions" is stored as its lemma.
        assert_eq!(e.patterns[1].items[0], Item::Phrase(vec![vec!["sanction".into()]]));
        assert!(e.patterns[2].speech && e.patterns[2].code.is_none());
        assert!(e.patterns[3].noun_head);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("unknown CAMEO"));
        assert!(d[1].message.contains("undefined synset &NOPE"));
    }
}
