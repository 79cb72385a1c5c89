//! PETRARCH verb dictionaries: PETRARCH-2 (`CAMEO.2.0.txt`) and PETRARCH-1
//! (`CAMEO.verbpatterns.*.txt`, `PETR.Validate.verbs.txt`).

use std::collections::HashMap;
use std::sync::Arc;

use casus_core::CameoCode;

use super::{clean_lines, word_tokens, Line, Sink, Tally};
use crate::entry::{Entries, Item, Pattern};
use crate::Diagnostic;

/// Tokens a pattern item may skip for TABARI's `^` ("skip a noun phrase").
const NP_SKIP: u8 = 6;

/// How many words may stand between pattern words written apart (`A B`, not `A_B`).
const WORD_SKIP: u8 = 6;
/// The most alternatives a phrase may expand to (synsets multiply).
const MAX_ALTERNATIVES: usize = 4096;

/// Parses a PETRARCH verb dictionary, PETRARCH-2 or PETRARCH-1 format (told apart by the
/// patterns: PETRARCH-2 marks prepositional phrases with `(...)`).
///
/// ```text
/// &CURRENCY                       synset: its + lines are the members
/// +DOLLAR
/// +SWISS_FRANC
///
/// ---  GRANT   [070]  ---          verb block: name and default code
/// GRANT                           a verb of the block (irregular forms in {...})
/// GIVE {GAVE GIVEN GIVING} [071]  a verb with its own code
/// +HAND_OVER                      multi-word verb: '+' marks the verb word
/// - * &CURRENCY (TO +)    [071]   a pattern: '*' is the verb position
/// - $ * ^ (TO +)          [:042]
/// ~ a (a b ATTACK) SAY = a b 015  a transformation (not supported)
/// ```
///
/// Every verb of a block and every pattern of the block give one [`Pattern`] per verb:
///
/// - The head is the verb word, lower case (a hyphenated verb such as `CO-OPERATE` is one
///   word, as in text). In a multi-word verb (`+CLEAR_UP`, `RE_+ARREST`) the words after
///   the verb word come first in [`Pattern::items`], the words before it last in
///   [`Pattern::before`].
/// - The verb alone codes as its own `[code]` or the block's; every pattern line codes as
///   its code. `---` (any run of `-`) is "no event": `code: None`.
/// - Pattern elements before `*` go to [`Pattern::before`] (text order, so the nearest is
///   last), those after it to [`Pattern::items`]. A pattern without `*` (PETRARCH-1) is
///   all before the verb. `$` → [`Item::Source`], `+` → [`Item::Target`], `^` ("skip a
///   noun phrase") → [`Item::Gap`] of 6 tokens. Words joined by `_`, and a PETRARCH-2
///   `{noun phrase}`, become one [`Item::Phrase`] of consecutive words; words separated
///   by spaces become separate phrases (the coder may skip a few modifiers before each).
///   PETRARCH-2 `(...)` prepositional phrases group their words without making them
///   optional. `A/B` is either word. Words match the text's words as written (PETRARCH
///   does not stem: `RESOLUTION` is not "resolutions").
/// - `&NAME` is replaced by the synset's members (phrase alternatives; a synset used next
///   to other words joined by `_` multiplies out). Synset names may contain `_`
///   (`&FIGHT_OF_WORDS`); the longest defined name wins. Synsets may contain synsets.
/// - Paired codes `[a:b]` (source→target `a`, reciprocal target→source `b`) code as `a`;
///   the pair is kept in the rule id. Reverse-only codes `[:b]` cannot be represented
///   (casus cannot swap source and target) and are skipped.
/// - The rule id is `FILE:LINE` of the pattern line (of the verb line for the verb
///   alone), followed by ` [a:b]` for paired codes: `CAMEO.2.0.txt:718 [042:043]`.
/// - Speech: the statement block is the block coded `010` (make statement) that holds
///   the verb SAY (`EXPLAIN_VERBAL` in the CAMEO files: SAY, TELL, ANNOUNCE, REPORT,
///   STATE, MENTION, ...). Its one-word verbs whose own code is absent, `010` or `---` are
///   reporting verbs: all their patterns get [`Pattern::speech`]. Other `010` blocks
///   (ESTIMATE, CIRCULATE, OBSERVE: "count", "spread", "see") and multi-word verbs
///   (TAKE_NOTE, whose head "take" is not a reporting verb) are not.
///
/// `%` (a compound actor) is the source before the verb, the target after it, with
/// [`Pattern::compound`] set.
///
/// Not supported, skipped with a warning: transformations (`~` lines), `%` beside `$` or
/// `+`, reverse-only codes, codes that are not CAMEO event codes (the validation
/// dictionary's WEIS codes such as `[345]`), undefined synsets; in PETRARCH-1 files
/// TABARI `{...}` is ignored. Irregular verb forms in `{...}` are not needed (casus
/// matches lemmas) and are ignored.
pub fn parse_petrarch_verbs(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink::new(file, diags);
    let lemmas = casus_text::Lexicon::embedded();
    let lines = clean_lines(text, true);
    let petrarch2 = lines.iter().any(|l| l.text.starts_with('-') && !l.text.starts_with("---") && l.text.contains('('));
    let synsets = collect_synsets(&lines, &mut sink);
    let cx = Cx { synsets: &synsets, petrarch2 };
    let mut tallies = Tallies::default();
    let mut block: Option<Block> = None;
    let mut in_synset = false;
    let base = sink.base_name().to_owned();
    for line in &lines {
        let t = line.text.as_str();
        if t.starts_with('&') {
            in_synset = true;
            continue;
        }
        if in_synset && t.starts_with('+') {
            continue;
        }
        in_synset = false;
        if t.starts_with("---") {
            if let Some(b) = block.take() {
                b.emit(&base, out, &mut sink, &mut tallies);
            }
            block = Some(Block::header(t, line.no));
        } else if t.starts_with('~') {
            tallies.transformations.add(line.no);
        } else if t.starts_with('-') {
            let b = block.get_or_insert_with(|| Block::implicit(line.no));
            match parse_pattern_line(t, &cx) {
                Ok((spec, notes)) => {
                    for n in notes {
                        sink.warn(line.no, n);
                    }
                    match check_code(&spec.code, line.no, &mut sink, &mut tallies) {
                        Some(code) => b.patterns.push(PatternSpec { code, line: line.no, ..spec }),
                        None => continue,
                    }
                }
                Err(Skip::Error(e)) => sink.error(line.no, e),
                Err(Skip::Warn(e)) => sink.warn(line.no, e),
                Err(Skip::Compound) => tallies.compound.add(line.no),
            }
        } else {
            let b = block.get_or_insert_with(|| Block::implicit(line.no));
            match parse_verb_line(t, lemmas) {
                Ok((verb, notes)) => {
                    for n in notes {
                        sink.warn(line.no, n);
                    }
                    if let Some(c) = &verb.code {
                        check_code(c, line.no, &mut sink, &mut tallies);
                    }
                    b.verbs.push(VerbSpec { line: line.no, ..verb });
                }
                Err(e) => sink.error(line.no, e),
            }
        }
    }
    if let Some(b) = block.take() {
        b.emit(&base, out, &mut sink, &mut tallies);
    }
    tallies.transformations.report(&mut sink, "verb transformations ('~') are not supported: skipped");
    tallies
        .compound
        .report(&mut sink, "patterns with a compound actor ('%') beside '$' or '+' are not supported: skipped");
    tallies
        .reverse
        .report(&mut sink, "reverse-only codes ('[:code]', target acts on source) cannot be represented: skipped");
}

/// Constructs counted once per file.
#[derive(Default)]
struct Tallies {
    transformations: Tally,
    compound: Tally,
    reverse: Tally,
}

/// What a pattern needs to be read.
struct Cx<'a> {
    synsets: &'a HashMap<String, Vec<Vec<String>>>,
    petrarch2: bool,
}

/// A `[code]` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EventCode {
    /// A usable code (`None` for `---`), with the pair as written for `[a:b]`.
    Code { code: Option<CameoCode>, pair: Option<String> },
    /// `[:b]`.
    ReverseOnly(String),
    /// Not a CAMEO event code.
    NotCameo(String),
}

/// The second code of a pair `a:b`.
fn reverse_of(pair: &Option<String>) -> Option<CameoCode> {
    pair.as_deref().and_then(|p| p.split_once(':')).and_then(|(_, b)| CameoCode::custom(b).ok())
}

impl EventCode {
    fn parse(raw: &str) -> EventCode {
        let raw = raw.trim();
        let (primary, pair) = match raw.split_once(':') {
            Some((a, _)) if a.trim().is_empty() => return EventCode::ReverseOnly(raw.to_owned()),
            Some((a, _)) => (a.trim(), Some(raw.to_owned())),
            None => (raw, None),
        };
        if primary.is_empty() || primary.bytes().all(|b| b == b'-') {
            return EventCode::Code { code: None, pair };
        }
        match CameoCode::custom(primary) {
            Ok(c) => EventCode::Code { code: Some(c), pair },
            Err(_) => EventCode::NotCameo(raw.to_owned()),
        }
    }

    /// Whether this is the statement code `010` (or `---`), for the speech rule.
    fn is_statement_or_none(&self) -> bool {
        match self {
            EventCode::Code { code: None, .. } => true,
            EventCode::Code { code: Some(c), .. } => c.as_str() == "010",
            _ => false,
        }
    }
}

/// Reports an unusable code (once per line); returns the code when usable.
fn check_code(code: &EventCode, line: usize, sink: &mut Sink<'_>, tallies: &mut Tallies) -> Option<EventCode> {
    match code {
        EventCode::Code { code: Some(c), .. } if c.is_custom() => {
            sink.warn(line, format!("[{c}] is not in the CAMEO codebook: coded as a dictionary-defined code"));
            Some(code.clone())
        }
        EventCode::Code { .. } => Some(code.clone()),
        EventCode::ReverseOnly(_) => {
            tallies.reverse.add(line);
            None
        }
        EventCode::NotCameo(raw) => {
            sink.warn(line, format!("[{raw}] is not a CAMEO event code: skipped"));
            None
        }
    }
}

/// A verb of a block.
#[derive(Debug)]
struct VerbSpec {
    line: usize,
    head: String,
    /// The form written, when it is not the base form.
    form: Option<String>,
    before: Vec<Item>,
    after: Vec<Item>,
    code: Option<EventCode>,
}

/// A pattern line.
#[derive(Debug)]
struct PatternSpec {
    line: usize,
    before: Vec<Item>,
    items: Vec<Item>,
    code: EventCode,
    /// `%`: the actor slot is a compound.
    compound: bool,
}

/// A verb block: `--- NAME [code] ---`, its verbs and its patterns.
struct Block {
    line: usize,
    code: EventCode,
    verbs: Vec<VerbSpec>,
    patterns: Vec<PatternSpec>,
}

impl Block {
    fn header(t: &str, line: usize) -> Block {
        let inner = t.trim_matches('-');
        let code = match (inner.find('['), inner.find(']')) {
            (Some(a), Some(b)) if a < b => EventCode::parse(&inner[a + 1..b]),
            _ => EventCode::Code { code: None, pair: None },
        };
        Block { line, code, verbs: Vec::new(), patterns: Vec::new() }
    }

    fn implicit(line: usize) -> Block {
        Block { line, code: EventCode::Code { code: None, pair: None }, verbs: Vec::new(), patterns: Vec::new() }
    }

    fn emit(self, base: &str, out: &mut Entries, sink: &mut Sink<'_>, tallies: &mut Tallies) {
        let id = |line: usize, pair: &Option<String>| match pair {
            Some(p) => format!("{base}:{line} [{p}]"),
            None => format!("{base}:{line}"),
        };
        let single = |v: &VerbSpec| v.before.is_empty() && v.after.is_empty();
        let statement_block = matches!(
            &self.code,
            EventCode::Code { code: Some(c), .. } if c.as_str() == "010"
        ) && self.verbs.iter().any(|v| v.head == "say" && single(v));
        if self.verbs.iter().any(|v| v.code.is_none()) {
            // The block's code applies to some verb: report it once, at the header.
            check_code(&self.code, self.line, sink, tallies);
        }
        for verb in &self.verbs {
            let own = verb.code.as_ref();
            let speech = statement_block && single(verb) && own.is_none_or(EventCode::is_statement_or_none);
            if let EventCode::Code { code, pair } = own.unwrap_or(&self.code) {
                out.patterns.push(Pattern {
                    code: *code,
                    head: verb.head.clone(),
                    noun_head: false,
                    before: verb.before.clone(),
                    items: verb.after.clone(),
                    speech,
                    reverse: reverse_of(pair),
                    compound: false,
                    form: verb.form.clone(),
                    id: id(verb.line, pair),
                    origin: sink.origin(verb.line),
                });
            }
            for p in &self.patterns {
                let EventCode::Code { code, pair } = &p.code else {
                    continue;
                };
                let mut before = p.before.clone();
                before.extend(verb.before.iter().cloned());
                let mut items = verb.after.clone();
                items.extend(p.items.iter().cloned());
                out.patterns.push(Pattern {
                    code: *code,
                    head: verb.head.clone(),
                    noun_head: false,
                    before,
                    items,
                    speech,
                    reverse: reverse_of(pair),
                    compound: p.compound,
                    form: verb.form.clone(),
                    id: id(p.line, pair),
                    origin: sink.origin(p.line),
                });
            }
        }
    }
}

/// Reads the synset definitions (`&NAME` then `+member` lines), expanding synsets used
/// inside synsets. Names are stored without `&` and without a trailing `_`.
fn collect_synsets(lines: &[Line], sink: &mut Sink<'_>) -> HashMap<String, Vec<Vec<String>>> {
    // name → (line, members as written)
    let mut raw: HashMap<String, (usize, Vec<(usize, String)>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in lines {
        let t = line.text.as_str();
        if let Some(def) = t.strip_prefix('&') {
            let mut words = def.split_whitespace();
            let name = words.next().unwrap_or("").trim_end_matches('_').to_owned();
            if words.next().is_some() {
                sink.warn(line.no, "text after the synset name ignored");
            }
            if name.is_empty() {
                sink.error(line.no, "synset without a name");
                current = None;
                continue;
            }
            if raw.insert(name.clone(), (line.no, Vec::new())).is_some() {
                sink.warn(line.no, format!("synset &{name} defined twice; the later definition wins"));
            } else {
                order.push(name.clone());
            }
            current = Some(name);
        } else if let (Some(name), Some(m)) = (&current, t.strip_prefix('+')) {
            if let Some(entry) = raw.get_mut(name) {
                entry.1.push((line.no, m.trim().to_owned()));
            }
        } else {
            current = None;
        }
    }
    let mut done: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for name in &order {
        let mut stack = Vec::new();
        resolve_synset(name, &raw, &mut done, &mut stack, sink);
    }
    done
}

type RawSynsets = HashMap<String, (usize, Vec<(usize, String)>)>;

fn resolve_synset(
    name: &str,
    raw: &RawSynsets,
    done: &mut HashMap<String, Vec<Vec<String>>>,
    stack: &mut Vec<String>,
    sink: &mut Sink<'_>,
) {
    if done.contains_key(name) || stack.iter().any(|s| s == name) {
        return;
    }
    let Some((def_line, members)) = raw.get(name) else {
        return;
    };
    stack.push(name.to_owned());
    let mut alts: Vec<Vec<String>> = Vec::new();
    for (line, m) in members {
        // Members may use other synsets: resolve those first.
        for part in m.split(|c: char| c == '_' || c.is_whitespace()) {
            if let Some(inner) = part.strip_prefix('&') {
                let inner = inner.trim_end_matches('_');
                if stack.iter().any(|s| s == inner) {
                    sink.warn(*line, format!("synset &{name} contains itself through &{inner}"));
                } else {
                    resolve_synset(inner, raw, done, stack, sink);
                }
            }
        }
        let parts: Vec<&str> = m.split(|c: char| c == '_' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
        match phrase_alternatives(&parts, done) {
            Ok(Some(a)) => {
                for x in a {
                    if !alts.contains(&x) {
                        alts.push(x);
                    }
                }
            }
            Ok(None) => sink.warn(*line, "empty synset member"),
            Err(e) => sink.warn(*line, format!("{e}: member of &{name} skipped")),
        }
    }
    stack.pop();
    if alts.is_empty() {
        sink.warn(*def_line, format!("synset &{name} has no usable members"));
    }
    done.insert(name.to_owned(), alts);
}

/// The alternatives of a run of consecutive words and synsets, or `None` if it has no
/// words.
fn phrase_alternatives(
    parts: &[&str],
    synsets: &HashMap<String, Vec<Vec<String>>>,
) -> Result<Option<Vec<Vec<String>>>, String> {
    let mut run: Option<Vec<Vec<String>>> = None;
    let mut i = 0;
    while i < parts.len() {
        let (alts, used) = word_or_synset(&parts[i..], synsets)?;
        i += used;
        if let Some(a) = alts {
            run = Some(match run {
                None => a,
                Some(r) => product(&r, &a)?,
            });
        }
    }
    Ok(run)
}

/// The alternatives of the word or synset at `parts[0]` and how many parts it used
/// (a synset name may span parts joined by `_`); `None` for a part with no word.
#[allow(clippy::type_complexity)]
fn word_or_synset(
    parts: &[&str],
    synsets: &HashMap<String, Vec<Vec<String>>>,
) -> Result<(Option<Vec<Vec<String>>>, usize), String> {
    let p = parts[0];
    if let Some(first) = p.strip_prefix('&') {
        let mut best: Option<(usize, &Vec<Vec<String>>)> = None;
        let mut name = first.to_owned();
        for (j, part) in parts.iter().enumerate() {
            if j > 0 {
                name.push('_');
                name.push_str(part);
            }
            if let Some(s) = synsets.get(name.trim_end_matches('_')) {
                best = Some((j + 1, s));
            }
        }
        return match best {
            Some((used, s)) if !s.is_empty() => Ok((Some(s.clone()), used)),
            Some(_) => Err(format!("synset {p} has no members")),
            None => Err(format!("undefined synset {p}")),
        };
    }
    let alts: Vec<Vec<String>> = p.split('/').map(word_tokens).filter(|t| !t.is_empty()).collect();
    Ok((if alts.is_empty() { None } else { Some(alts) }, 1))
}

fn product(a: &[Vec<String>], b: &[Vec<String>]) -> Result<Vec<Vec<String>>, String> {
    if a.len().saturating_mul(b.len()) > MAX_ALTERNATIVES {
        return Err(format!("phrase expands to more than {MAX_ALTERNATIVES} alternatives"));
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut v = x.clone();
            v.extend(y.iter().cloned());
            out.push(v);
        }
    }
    Ok(out)
}

/// Why a pattern line was not loaded.
#[derive(Debug)]
enum Skip {
    /// The line is not a pattern.
    Error(String),
    /// Understood, not usable.
    Warn(String),
    /// Uses `%` (counted per file).
    Compound,
}

/// An element of a pattern, in text order.
#[derive(Debug)]
enum Elem {
    Verb,
    Item(Item),
    Compound,
    /// The next element was joined to the previous one by `_` (no words between them).
    Glue,
}

/// Parses `- PRE * POST [code]`.
fn parse_pattern_line(t: &str, cx: &Cx<'_>) -> Result<(PatternSpec, Vec<String>), Skip> {
    let body = &t[1..];
    let Some(open) = body.rfind('[') else {
        return Err(Skip::Warn("pattern without a [code]: skipped (PETRARCH reads no code either)".into()));
    };
    let Some(close) = body[open..].find(']') else {
        return Err(Skip::Error(format!("unclosed '[' in {t:?}")));
    };
    let code = EventCode::parse(&body[open + 1..open + close]);
    let mut notes = Vec::new();
    let elems = parse_elems(&body[..open], cx, &mut notes)?;
    let verbs = elems.iter().filter(|e| matches!(e, Elem::Verb)).count();
    let compound = elems.iter().any(|e| matches!(e, Elem::Compound));
    if compound && elems.iter().any(|e| matches!(e, Elem::Item(Item::Source | Item::Target))) {
        return Err(Skip::Compound);
    }
    if verbs > 1 {
        return Err(Skip::Warn("pattern with more than one '*': skipped (PETRARCH cannot match it either)".into()));
    }
    if verbs == 0 {
        notes.push("pattern without '*': read as words before the verb, as PETRARCH-1 does".into());
    }
    let mut before = Vec::new();
    let mut items = Vec::new();
    let mut after_verb = false;
    // Words written apart may have other words between them, words joined by `_` may not
    // (TABARI and PETRARCH semantics): a gap goes between separate word items, and between
    // the verb and a word item.
    let mut prev_word = false;
    let mut glued = false;
    for e in elems {
        match e {
            Elem::Glue => {
                glued = true;
                continue;
            }
            Elem::Verb => {
                if prev_word && !glued && before.last().is_some_and(|l| matches!(l, Item::Phrase(_))) {
                    before.push(Item::Gap(WORD_SKIP));
                }
                after_verb = true;
                prev_word = true;
            }
            Elem::Item(i) => {
                let word = matches!(i, Item::Phrase(_));
                let list = if after_verb { &mut items } else { &mut before };
                if word
                    && prev_word
                    && !glued
                    && !list.last().is_some_and(|l| matches!(l, Item::Gap(_) | Item::Skip(_)))
                {
                    list.push(Item::Gap(WORD_SKIP));
                }
                prev_word = word;
                list.push(i);
            }
            // `%`: the source before the verb, the target after it, a compound either way.
            Elem::Compound => {
                let list = if after_verb { &mut items } else { &mut before };
                list.push(if after_verb { Item::Target } else { Item::Source });
                prev_word = false;
            }
        }
        glued = false;
    }
    Ok((PatternSpec { line: 0, before, items, code, compound }, notes))
}

/// The elements of a pattern text (without the leading `-` and the code).
fn parse_elems(text: &str, cx: &Cx<'_>, notes: &mut Vec<String>) -> Result<Vec<Elem>, Skip> {
    let mut spaced = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '{' | '}' | '(' | ')') {
            spaced.push(' ');
            spaced.push(c);
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    let mut elems = Vec::new();
    let mut depth = 0usize;
    // The words of an open PETRARCH-2 `{noun phrase}`.
    let mut brace: Option<Option<Vec<Vec<String>>>> = None;
    let flush = |run: &mut Option<Vec<Vec<String>>>, elems: &mut Vec<Elem>| {
        if let Some(alts) = run.take() {
            elems.push(Elem::Item(Item::Phrase(alts)));
        }
    };
    for tok in spaced.split_whitespace() {
        match tok {
            "(" => depth += 1,
            ")" => {
                if depth == 0 {
                    notes.push("stray ')' ignored".into());
                } else {
                    depth -= 1;
                }
            }
            "{" if cx.petrarch2 => {
                if brace.is_some() {
                    notes.push("nested '{' ignored".into());
                } else {
                    brace = Some(None);
                }
            }
            "}" if cx.petrarch2 => match brace.take() {
                Some(mut run) => flush(&mut run, &mut elems),
                None => notes.push("stray '}' ignored".into()),
            },
            "{" | "}" => {
                notes.push(format!("'{tok}' ignored (TABARI noun phrases are not read in PETRARCH-1 patterns)"))
            }
            _ => {
                let mut own: Option<Vec<Vec<String>>> = None;
                let run = match brace.as_mut() {
                    Some(r) => r,
                    None => &mut own,
                };
                let first = elems.len();
                atoms(tok, cx, run, &mut elems)?;
                flush(&mut own, &mut elems);
                // Elements of one token are joined: mark each after the first.
                let made: Vec<Elem> = elems.drain(first..).collect();
                for (k, e) in made.into_iter().enumerate() {
                    if k > 0 {
                        elems.push(Elem::Glue);
                    }
                    elems.push(e);
                }
            }
        }
    }
    if let Some(mut run) = brace.take() {
        notes.push("unclosed '{'".into());
        flush(&mut run, &mut elems);
    }
    if depth > 0 {
        notes.push("unclosed '('".into());
    }
    Ok(elems)
}

/// Reads one whitespace-separated token (parts joined by `_`) into `run` (consecutive
/// words) and `elems` (slots, which end the run).
fn atoms(tok: &str, cx: &Cx<'_>, run: &mut Option<Vec<Vec<String>>>, elems: &mut Vec<Elem>) -> Result<(), Skip> {
    // Split a verb marker glued to a word ("*SCEPTICAL") into its own part.
    let mut parts: Vec<&str> = Vec::new();
    for p in tok.split('_').filter(|p| !p.is_empty()) {
        if p.len() > 1 && p.starts_with('*') {
            parts.push("*");
            parts.push(&p[1..]);
        } else if p.len() > 1 && p.ends_with('*') {
            parts.push(&p[..p.len() - 1]);
            parts.push("*");
        } else {
            parts.push(p);
        }
    }
    let mut i = 0;
    while i < parts.len() {
        let slot = match parts[i] {
            "*" => Some(Elem::Verb),
            "+" => Some(Elem::Item(Item::Target)),
            "$" => Some(Elem::Item(Item::Source)),
            "^" => Some(Elem::Item(Item::Skip(NP_SKIP))),
            "%" => Some(Elem::Compound),
            _ => None,
        };
        if let Some(s) = slot {
            if let Some(alts) = run.take() {
                elems.push(Elem::Item(Item::Phrase(alts)));
            }
            elems.push(s);
            i += 1;
            continue;
        }
        let (alts, used) = word_or_synset(&parts[i..], cx.synsets)
            .map_err(|e| Skip::Warn(format!("{e}: pattern skipped, as PETRARCH does")))?;
        i += used;
        if let Some(a) = alts {
            *run = Some(match run.take() {
                None => a,
                Some(r) => product(&r, &a).map_err(|e| Skip::Warn(format!("{e}: pattern skipped")))?,
            });
        }
    }
    Ok(())
}

/// Parses a verb line: `SAY {SAID SAYING} [010]`, `+CLEAR_UP {...}`, `RE_+ARREST`.
fn parse_verb_line(t: &str, lemmas: &casus_text::Lexicon) -> Result<(VerbSpec, Vec<String>), String> {
    let mut notes = Vec::new();
    let mut s = t.to_owned();
    // Irregular forms: not needed, casus matches lemmas.
    if let Some(a) = s.find('{') {
        match s[a..].find('}') {
            Some(b) => s.replace_range(a..=a + b, " "),
            None => {
                notes.push("unclosed '{' in the verb forms".into());
                s.truncate(a);
            }
        }
    }
    let mut code = None;
    if let Some(a) = s.find('[') {
        let Some(b) = s[a..].find(']') else {
            return Err(format!("unclosed '[' in {t:?}"));
        };
        code = Some(EventCode::parse(&s[a + 1..a + b]));
        s.replace_range(a..=a + b, " ");
    }
    let parts: Vec<&str> = s.split(|c: char| c == '_' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(format!("verb line without a verb: {t:?}"));
    }
    let marked: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].starts_with('+')).collect();
    let vi = match marked.as_slice() {
        [] if parts.len() == 1 => 0,
        [] => {
            notes.push(format!("multi-word verb {:?} without '+': its first word is taken as the verb", s.trim()));
            0
        }
        [i] => *i,
        [i, ..] => {
            notes.push("several '+' in a multi-word verb: the first marks the verb".into());
            *i
        }
    };
    let mut verb_tokens = crate::compile::name_key(parts[vi].trim_start_matches('+'));
    let Some(head) = verb_tokens.pop() else {
        return Err(format!("verb line without a verb: {t:?}"));
    };
    if !head.chars().any(char::is_alphabetic) {
        return Err(format!("verb {head:?} is not a word"));
    }
    // An inflected form given as the verb ("SAID", "SAYS"): the text's forms of it are
    // matched through their lemma, so the head is the lemma.
    let (head, form) = if lemmas.verb_forms(&head).iter().any(|f| f.lemma == head && f.is_base()) {
        (head, None)
    } else {
        match lemmas.verb_lemma(&head) {
            Some(lemma) => (lemma.to_owned(), Some(head)),
            None => (head, None),
        }
    };
    let words =
        |ps: &[&str]| -> Vec<String> { ps.iter().flat_map(|p| word_tokens(p.trim_start_matches('+'))).collect() };
    let mut before_words = words(&parts[..vi]);
    before_words.extend(verb_tokens);
    let after_words = words(&parts[vi + 1..]);
    let phrase = |w: Vec<String>| {
        if w.is_empty() {
            Vec::new()
        } else {
            vec![Item::Phrase(vec![w])]
        }
    };
    Ok((VerbSpec { line: 0, head, form, before: phrase(before_words), after: phrase(after_words), code }, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn parse(text: &str) -> (Entries, Vec<Diagnostic>) {
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_petrarch_verbs(text, &Arc::from("dir/test.verbs.txt"), &mut e, &mut d);
        (e, d)
    }

    fn ph(words: &[&str]) -> Item {
        Item::Phrase(vec![words.iter().map(|w| (*w).to_owned()).collect()])
    }

    fn code(s: &str) -> Option<CameoCode> {
        Some(s.parse().unwrap_or_else(|e| panic!("{e}")))
    }

    const P2: &str = "\
# header
####### SYNONYM SETS #######

&CURRENCY
+DOLLAR
+SWISS_FRANC_

&MILITARY_
+ARMY
+ARMED_FORCES

&FIGHT_OF_WORDS
+ARGUMENT

####### VERB PATTERNS #######

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING} [071]
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
- * &CURRENCY (TO +)              [071]    # GIVE
- $ * (TO {BANNED PARTIES})       [1722]
- * (FROM ^) (TO +)               [042:043]
- * &FIGHT_OF_WORDS               [---]
- * AID/ASSISTANCE                [073]
- * (BEFORE COURT)                [:173]
- % * AID                         [030]
- * &NOPE                         [030]
- * SOMETHING                     [999]

---  EXPLAIN_VERBAL   [010]  ---
SAY  {SAYS SAID SAYING}
REPORT [---]
EXPRESS [110]
- * CONCERN                       [012]

---  ARREST   [---]  ---
RE_+ARREST
CO-OPERATE
- {&MILITARY PATROL} *            [173]

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) SAY = a b 112
";

    #[test]
    fn petrarch2_blocks_and_patterns() {
        let (e, d) = parse(P2);
        let errors: Vec<_> = d.iter().filter(|x| x.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:?}");
        // GRANT: bare + 7 usable patterns ([999] is a dictionary-defined code).
        let grant: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "grant").collect();
        assert_eq!(grant.len(), 8, "{grant:#?}\n{d:#?}");
        assert_eq!(grant[7].code.map(CameoCode::as_str), Some("999"));
        assert!(grant[7].code.is_some_and(CameoCode::is_custom));
        // `% * AID`: a compound source before the verb.
        assert!(grant[6].compound && grant[6].before == [Item::Source]);
        assert!(grant.iter().filter(|p| p.compound).count() == 1);
        assert_eq!(grant[0].code, code("070"));
        assert!(grant[0].items.is_empty() && grant[0].before.is_empty());
        assert_eq!(grant[0].id, "test.verbs.txt:18");
        let cur = grant[1];
        assert_eq!(cur.code, code("071"));
        assert_eq!(
            cur.items,
            [
                Item::Gap(WORD_SKIP),
                Item::Phrase(vec![vec!["dollar".into()], vec!["swiss".into(), "franc".into()]]),
                Item::Gap(WORD_SKIP),
                ph(&["to"]),
                Item::Target
            ]
        );
        assert_eq!(cur.id, "test.verbs.txt:21");
        assert_eq!(cur.origin.line, 21);
        let banned = grant[2];
        assert_eq!(banned.before, [Item::Source]);
        assert_eq!(banned.items, [Item::Gap(WORD_SKIP), ph(&["to"]), Item::Gap(WORD_SKIP), ph(&["banned", "parties"])]);
        let paired = grant[3];
        assert_eq!(paired.code, code("042"));
        assert_eq!(paired.id, "test.verbs.txt:23 [042:043]");
        assert_eq!(paired.items, [Item::Gap(WORD_SKIP), ph(&["from"]), Item::Skip(NP_SKIP), ph(&["to"]), Item::Target]);
        assert_eq!(grant[4].code, None);
        assert_eq!(grant[4].items, [Item::Gap(WORD_SKIP), ph(&["argument"])]);
        assert_eq!(
            grant[5].items,
            [Item::Gap(WORD_SKIP), Item::Phrase(vec![vec!["aid".into()], vec!["assistance".into()]])]
        );
        // The verb's own code; the multi-word verb's particle comes first.
        let give: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "give").collect();
        assert_eq!(give[0].code, code("071"));
        assert_eq!(give[1].code, code("071"));
        let hand: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "hand").collect();
        assert_eq!(hand[0].items, [ph(&["over"])]);
        assert_eq!(hand[0].code, code("070"));
        assert_eq!(hand[1].items[0], ph(&["over"]));
        assert_eq!(hand[1].items.len(), 6);

        // Speech: SAY and REPORT, not EXPRESS.
        let say: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "say").collect();
        assert_eq!(say.len(), 2);
        assert!(say.iter().all(|p| p.speech));
        assert_eq!(say[0].code, code("010"));
        assert_eq!(say[1].code, code("012"));
        let report: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "report").collect();
        assert!(report[0].speech && report[0].code.is_none());
        let express: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "express").collect();
        assert!(!express[0].speech && express[0].code == code("110"));

        // Multi-word verbs with the verb last; a noun phrase before the verb.
        let arrest: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "arrest").collect();
        assert_eq!(arrest[0].before, [ph(&["re"])]);
        assert_eq!(arrest[0].code, None);
        assert_eq!(arrest[1].code, code("173"));
        // Words written apart from the verb may have words between them.
        assert_eq!(arrest[1].before.len(), 3);
        assert_eq!(
            arrest[1].before[0],
            Item::Phrase(vec![
                vec!["army".into(), "patrol".into()],
                vec!["armed".into(), "forces".into(), "patrol".into()]
            ])
        );
        assert_eq!(arrest[1].before[1], Item::Gap(WORD_SKIP));
        assert_eq!(arrest[1].before[2], ph(&["re"]));
        // A hyphenated verb is one token, as in text.
        let coop: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "co-operate").collect();
        assert!(coop[0].before.is_empty());

        // Diagnostics: [:173] counted, &NOPE, [999], transformations counted.
        let msgs: Vec<(usize, &str)> = d.iter().map(|x| (x.origin.line, x.message.as_str())).collect();
        assert_eq!(d.len(), 4, "{msgs:?}");
        assert!(msgs.iter().any(|(l, m)| *l == 28 && m.contains("undefined synset &NOPE")));
        assert!(msgs.iter().any(|(l, m)| *l == 29 && m.contains("[999]")));
        assert!(msgs.iter().any(|(l, m)| *l == 42 && m.contains("transformations") && m.contains("2 line")));
        assert!(msgs.iter().any(|(l, m)| *l == 26 && m.contains("reverse-only")));
    }

    #[test]
    fn petrarch1_patterns() {
        let text = "<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON  [345]  ---\nABANDON    # pas\nKLM_NOP_+RST [002]\n- * NEW_&TIETYPES_RELATIONS [030]\n- * EFFORT  [080]  # pas\n- SUGGESTED_+ * DEMAND_&TIETYPES [111]\n- IN_*  [075]\n- TIVILIAN [202]\n- * FIRE TO_HIMSELF } [145]\n";
        let (e, d) = parse(text);
        assert!(d.iter().all(|x| x.severity == Severity::Warning), "{d:?}");
        let ab: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "abandon").collect();
        // The block code [345] is not CAMEO but kept as a dictionary-defined code: the
        // bare verb and six usable patterns.
        assert_eq!(ab.len(), 7, "{ab:?}");
        assert_eq!(ab[0].code.map(CameoCode::as_str), Some("345"));
        let ab = &ab[1..];
        assert_eq!(
            ab[0].items,
            [
                Item::Gap(WORD_SKIP),
                Item::Phrase(vec![
                    vec!["new".into(), "military".into(), "relations".into()],
                    vec!["new".into(), "economic".into(), "relations".into()]
                ])
            ]
        );
        assert_eq!(ab[2].before, [ph(&["suggested"]), Item::Target]);
        assert_eq!(ab[3].before, [ph(&["in"])]);
        assert_eq!(ab[4].before, [ph(&["tivilian"])]);
        assert!(ab[4].items.is_empty());
        let rst: Vec<&Pattern> = e.patterns.iter().filter(|p| p.head == "rst").collect();
        assert_eq!(rst.len(), 7);
        assert_eq!(rst[0].code.map(CameoCode::as_str), Some("002"));
        assert_eq!(rst[3].before, [ph(&["suggested"]), Item::Target, ph(&["klm", "nop"])]);
        let lines: Vec<usize> = d.iter().map(|x| x.origin.line).collect();
        // [345] at the header, [002] at its verb, no '*', the stray '}'.
        assert_eq!(lines, [8, 13, 14, 6], "{d:?}");
    }

    #[test]
    fn broken_lines_are_errors_not_panics() {
        let text = "--- X [010] ---\nX\n- * A\n- * B [01\n- * C * D [010]\n[\n- $\n&\n{}\n- * E [###] # c\n";
        let (e, d) = parse(text);
        assert!(e.patterns.iter().all(|p| p.head == "x"));
        let mut errs: Vec<(usize, Severity)> = d.iter().map(|x| (x.origin.line, x.severity)).collect();
        errs.sort();
        use Severity::{Error as E, Warning as W};
        assert_eq!(errs, [(3, W), (4, E), (5, W), (6, E), (7, W), (8, E), (9, E), (10, W)], "{d:?}");
        assert!(d.iter().any(|x| x.message.contains("[###]")));
    }

    #[test]
    fn speech_needs_the_say_block() {
        let text = "--- ESTIMATE [010] ---\nCOUNT\n--- EXPLAIN_VERBAL [010] ---\nSAY\n+TAKE_NOTE\nSTRESS\n";
        let (e, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let speech: Vec<(&str, bool)> = e.patterns.iter().map(|p| (p.head.as_str(), p.speech)).collect();
        assert_eq!(speech, [("count", false), ("say", true), ("take", false), ("stress", true)]);
    }

    #[test]
    fn event_codes() {
        assert_eq!(EventCode::parse("042:043"), EventCode::Code { code: code("042"), pair: Some("042:043".into()) });
        assert_eq!(EventCode::parse("--"), EventCode::Code { code: None, pair: None });
        assert_eq!(EventCode::parse(":173"), EventCode::ReverseOnly(":173".into()));
        assert_eq!(EventCode::parse("080!"), EventCode::NotCameo("080!".into()));
    }
}
