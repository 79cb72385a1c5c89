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

pub(crate) fn annotate<'a>(tokens: &[Token<'a>], dict: &Dictionary, lex: &Lexicon) -> Vec<Tok<'a>> {
    tokens
        .iter()
        .map(|t| {
            // Plain ASCII (most words) only needs lower-casing.
            let lower = if t.text.is_ascii() && !t.text.contains('`') {
                t.text.to_ascii_lowercase()
            } else {
                normalize(t.text)
            };
            let class = classify(&lower, t.kind == TokenKind::Number, t.kind == TokenKind::Punct);
            let word = dict.word(&lower).unwrap_or(NONE);
            let noun = lex.noun_singular(&lower).and_then(|s| dict.word(s)).unwrap_or(word);
            let (mut verb_lemma, mut verb) = (None, NONE);
            let (mut past, mut participle, mut gerund, mut third) = (false, false, false, false);
            if class == Class::Word {
                if let Some(lemma) = lex.verb_lemma(&lower) {
                    verb_lemma = Some(lemma);
                    verb = dict.word(lemma).unwrap_or(NONE);
                    for f in lex.verb_forms(&lower).iter().filter(|f| f.lemma == lemma) {
                        past |= f.is_past();
                        participle |= f.is_participle();
                        gerund |= f.is_gerund();
                        third |= f.is_third_person();
                    }
                }
            }
            let pos = if class == Class::Word { lex.pos_tags(&lower) } else { None };
            Tok {
                text: t.text,
                span: t.span,
                cap: t.is_capitalized(),
                pos,
                lower,
                class,
                word,
                noun,
                verb_lemma,
                verb,
                past,
                participle,
                gerund,
                third,
            }
        })
        .collect()
}
