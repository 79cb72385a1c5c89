//! Token annotation: normalized form, class, dictionary word ids, verb readings.

use casus_core::Span;
use casus_dict::{normalize, Dictionary, WordId};
use casus_text::{Lexicon, Token, TokenKind};

use crate::words::{classify, Class};

/// No dictionary word.
pub(crate) const NONE: WordId = WordId::MAX;

/// A token with what the coder needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub text: &'a str,
    pub span: Span,
    pub lower: String,
    pub class: Class,
    pub cap: bool,
    /// Dictionary id of the surface form.
    pub word: WordId,
    /// Dictionary id of the noun lemma (singular).
    pub noun: WordId,
    /// Verb lemma, if the word is a verb form.
    pub verb_lemma: Option<&'static str>,
    /// Dictionary id of the verb lemma.
    pub verb: WordId,
    /// Tags of the word in the POS dictionary, most frequent first ("NNS VBZ").
    pub pos: Option<&'static str>,
    pub past: bool,
    pub participle: bool,
    pub gerund: bool,
    pub third: bool,
}

impl Tok<'_> {
    /// Whether the token matches a dictionary word id (surface, noun lemma or verb lemma).
    pub fn is(&self, id: WordId) -> bool {
        id != NONE && (self.word == id || self.noun == id || self.verb == id)
    }

    pub fn is_verb_form(&self) -> bool {
        self.verb_lemma.is_some()
    }

    /// A finite or participial verb form (not a bare base form).
    pub fn is_inflected_verb(&self) -> bool {
        self.past || self.participle || self.gerund || self.third
    }
}

/// What annotation finds for a lower-case word form: the same every time the form occurs.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    class: Class,
    word: WordId,
    noun: WordId,
    verb_lemma: Option<&'static str>,
    verb: WordId,
    pos: Option<&'static str>,
    past: bool,
    participle: bool,
    gerund: bool,
    third: bool,
}

impl WordInfo {
    /// Reads `form` as a form of the verb `lemma` (dictionary id `id`): tense and aspect flags.
    fn set_verb(&mut self, lex: &Lexicon, form: &str, lemma: &'static str, id: WordId) {
        self.verb_lemma = Some(lemma);
        self.verb = id;
        for f in lex.verb_forms(form).iter().filter(|f| f.lemma == lemma) {
            self.past |= f.is_past();
            self.participle |= f.is_participle();
            self.gerund |= f.is_gerund();
            self.third |= f.is_third_person();
        }
    }
}

fn word_info(lower: &str, kind: TokenKind, dict: &Dictionary, lex: &Lexicon) -> WordInfo {
    let class = classify(lower, kind == TokenKind::Number, kind == TokenKind::Punct);
    let word = dict.word(lower).unwrap_or(NONE);
    let noun = lex.noun_singular(lower).and_then(|s| dict.word(s)).unwrap_or(word);
    let mut info = WordInfo {
        class,
        word,
        noun,
        verb_lemma: None,
        verb: NONE,
        pos: None,
        past: false,
        participle: false,
        gerund: false,
        third: false,
    };
    if class == Class::Be {
        // "were optimistic about": patterns headed by the copula.
        info.verb = dict.word("be").unwrap_or(NONE);
    }
    if class == Class::Word {
        if let Some(lemma) = lex.verb_lemma(lower) {
            info.set_verb(lex, lower, lemma, dict.word(lemma).unwrap_or(NONE));
        }
        info.pos = lex.pos_tags(lower);
        // "would drastically scale back": an -ly word that is mainly an adverb is one.
        if lower.ends_with("ly") && info.verb_lemma.is_none() && info.pos.is_some_and(|p| p.starts_with("RB")) {
            info.class = Class::Adv;
        }
        // A verb the lemma tables lack but the dictionary lists as written ("overcome").
        if info.verb == NONE && word != NONE && !dict.verb_patterns(word).is_empty() {
            info.verb = word;
        }
        // A hyphenated verb the lemma tables lack ("test-fired") reads as its last part's
        // verb when the dictionary has the compound ("test-fire").
        if info.verb_lemma.is_none() {
            if let Some((prefix, last)) = lower.rsplit_once('-') {
                if let Some(lemma) = lex.verb_lemma(last).filter(|_| !prefix.is_empty()) {
                    if let Some(id) = dict.word(&format!("{prefix}-{lemma}")) {
                        info.set_verb(lex, last, lemma, id);
                    }
                }
            }
        }
    }
    info
}

/// Word forms seen by this thread, per dictionary: news repeats its words, and one lookup
/// here replaces half a dozen in the lexicon and the dictionary.
struct Cache {
    /// The dictionary the ids belong to ([`Dictionary::instance_id`]).
    dict: u64,
    words: rustc_hash::FxHashMap<Box<str>, [Option<WordInfo>; 3]>,
}

/// The cache is emptied when it grows past this many forms, so memory stays flat (about
/// 10 MB per thread at most) however large the vocabulary of a corpus.
const CACHE_MAX: usize = 50_000;

thread_local! {
    static CACHE: std::cell::RefCell<Cache> =
        std::cell::RefCell::new(Cache { dict: 0, words: rustc_hash::FxHashMap::default() });
}

pub(crate) fn annotate<'a>(tokens: &[Token<'a>], dict: &Dictionary, lex: &Lexicon) -> Vec<Tok<'a>> {
    let mut toks = annotate_words(tokens, dict, lex);
    if !dict.is_petrarch() {
        mark_plural_possessives(&mut toks);
        mark_scare_quotes(&mut toks);
        mark_fixed_phrases(&mut toks);
    }
    toks
}

/// Function words whose class a fixed phrase changes: "offered once again to mediate"
/// ("once" before "again" or "more" is an adverb, not the subordinator of "once the
/// fighting stops"); "the cartel leader known as Otoniel" ("as" after a verb of naming
/// introduces a name, not a clause like "as fighting raged").
fn mark_fixed_phrases(toks: &mut [Tok<'_>]) {
    for q in 1..toks.len() {
        let prev = toks[q - 1].lower.as_str();
        if prev == "once" && matches!(toks[q].lower.as_str(), "again" | "more") {
            toks[q - 1].class = Class::Adv;
            toks[q].class = Class::Adv;
        }
        let naming = matches!(
            prev,
            "known" | "dubbed" | "described" | "identified" | "named" | "nicknamed" | "designated" | "listed"
        );
        if naming && toks[q].lower == "as" && toks[q].class == Class::Sub {
            toks[q].class = Class::Prep;
        }
        // "would strike without further warning": a manner, no warning given.
        let without = prev == "without"
            || (q >= 2
                && toks[q - 2].lower == "without"
                && matches!(prev, "further" | "prior" | "any" | "advance" | "much" | "a"));
        if without && toks[q].lower == "warning" {
            toks[q].class = Class::Adv;
            toks[q].verb_lemma = None;
            toks[q].gerund = false;
        }
    }
}

/// "the authorities' crackdown", "unions' demands": an apostrophe right after a plural in
/// -s, before a space, is the possessive mark, not a quote.
fn mark_plural_possessives(toks: &mut [Tok<'_>]) {
    for q in 1..toks.len().saturating_sub(1) {
        let apostrophe = matches!(toks[q].text, "'" | "\u{2019}");
        if apostrophe
            && toks[q - 1].class == Class::Word
            && toks[q - 1].lower.ends_with('s')
            && toks[q].span.start == toks[q - 1].span.end
            && toks[q + 1].span.start > toks[q].span.end
            && matches!(toks[q + 1].class, Class::Word | Class::Number)
        {
            toks[q].class = Class::PossMark;
        }
    }
}

/// Quote marks around a few words inside a clause ("threatened to 'totally destroy'
/// Turkey's economy", "ordered a 'complete siege' of Gaza") quote a phrase, not speech:
/// they are read as adverbs, so the clause goes on through them.
fn mark_scare_quotes(toks: &mut [Tok<'_>]) {
    let n = toks.len();
    let mut q = 1;
    while q + 2 < n {
        let opens = toks[q].class == Class::Quote
            && toks[q].span.start > toks[q - 1].span.end
            && toks[q].span.end == toks[q + 1].span.start
            && matches!(
                toks[q - 1].class,
                Class::Word | Class::To | Class::Det | Class::Adv | Class::Prep | Class::PossPron
            );
        if !opens {
            q += 1;
            continue;
        }
        let close = (q + 2..n.min(q + 8)).find(|&k| toks[k].class == Class::Quote);
        let scare = close.is_some_and(|c| {
            toks[c].span.start == toks[c - 1].span.end
                && toks[q + 1..c].iter().all(|t| {
                    matches!(t.class, Class::Word | Class::Adv | Class::Det | Class::Conj | Class::Prep | Class::Number)
                })
                && toks.get(c + 1).is_some_and(|t| !matches!(t.class, Class::Comma | Class::End | Class::Break))
        });
        match close.filter(|_| scare) {
            Some(c) => {
                toks[q].class = Class::Adv;
                toks[c].class = Class::Adv;
                q = c + 1;
            }
            None => q += 1,
        }
    }
}

fn annotate_words<'a>(tokens: &[Token<'a>], dict: &Dictionary, lex: &Lexicon) -> Vec<Tok<'a>> {
    CACHE.with_borrow_mut(|cache| {
        let id = dict.instance_id();
        if cache.dict != id || cache.words.len() > CACHE_MAX {
            cache.dict = id;
            cache.words.clear();
        }
        tokens
            .iter()
            .map(|t| {
                // Plain ASCII (most words) only needs lower-casing.
                let lower = if t.text.is_ascii() && !t.text.contains('`') {
                    t.text.to_ascii_lowercase()
                } else {
                    normalize(t.text)
                };
                let k = t.kind as usize;
                let info = match cache.words.get(lower.as_str()).and_then(|e| e[k]) {
                    Some(i) => i,
                    None => {
                        let i = word_info(&lower, t.kind, dict, lex);
                        cache.words.entry(lower.as_str().into()).or_default()[k] = Some(i);
                        i
                    }
                };
                Tok {
                    text: t.text,
                    span: t.span,
                    cap: t.is_capitalized(),
                    pos: info.pos,
                    lower,
                    class: info.class,
                    word: info.word,
                    noun: info.noun,
                    verb_lemma: info.verb_lemma,
                    verb: info.verb,
                    past: info.past,
                    participle: info.participle,
                    gerund: info.gerund,
                    third: info.third,
                }
            })
            .collect()
    })
}
