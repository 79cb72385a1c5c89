//! Tokens with byte spans into the document text.

use casus_core::Span;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter: "rebels", "U.S.", "al-Qaeda", "'s", "n't".
    Word,
    /// Starts with a digit: "94,000", "1.5", "18-day".
    Number,
    /// Anything else: punctuation and symbols.
    Punct,
}

/// A token: a slice of the document text with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, exactly as in the document.
    pub text: &'a str,
    /// Byte span in the document text (`&doc.text[span.range()] == text`).
    pub span: Span,
    /// The token's kind.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// Whether the first character is upper case.
    #[must_use]
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a word.
    #[must_use]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Abbreviations whose period belongs to the token (lower case, without the period).
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "fr", "st", "mt", "ft", "sr", "jr", "no", "nos", "vs", "etc", "inc", "ltd", "co",
    "corp", "bros", "dept", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "pres",
    "amb", "brig", "supt", "insp", "hon", "messrs", "mme", "mlle",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{00AD}'
}

/// Splits `text` (which starts at byte `offset` of the document) into tokens whose spans
/// are document offsets.
///
/// Rules: hyphenated words are one token ("al-Qaeda", "pro-regime"); the possessive "'s"
/// and the clitic "n't" are tokens of their own; abbreviations keep their period ("Mr.",
/// "U.S."); numbers keep their separators ("94,000", "1.5").
#[must_use]
pub fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                    continue;
                }
                let next_is_word = j + 1 < n && is_word_char(chars[j + 1].1);
                if (cj == '-' || cj == '\u{2011}') && next_is_word {
                    j += 1;
                } else if (cj == '.' || cj == ',')
                    && next_is_word
                    && chars[j - 1].1.is_ascii_digit()
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 1; // 94,000 and 1.5
                } else if cj == '.' && next_is_word && chars[j - 1].1.is_alphabetic() && is_initialism(&chars, i, j) {
                    j += 1; // U.S, U.N
                } else if is_apostrophe(cj) && next_is_word && !is_clitic_at(&chars, j) {
                    j += 1; // d'Ivoire, O'Brien
                } else {
                    break;
                }
            }
            // n't: split "didn't" into "did" + "n't".
            let word_end = end_of(j);
            let word = &text[start..word_end];
            if j >= i + 4
                && word.len() > 3
                && is_apostrophe(chars[j - 2].1)
                && chars[j - 3].1.eq_ignore_ascii_case(&'n')
                && chars[j - 1].1.eq_ignore_ascii_case(&'t')
            {
                let split = chars[j - 3].0;
                push(&mut out, text, offset, start, split);
                push(&mut out, text, offset, split, word_end);
                i = j;
                continue;
            }
            // A period that belongs to the word: initials (U.S.), abbreviations (Mr.), single capitals (W.).
            let mut tok_end = word_end;
            if j < n && chars[j].1 == '.' {
                let lower = word.to_ascii_lowercase();
                let is_abbrev = ABBREVIATIONS.contains(&lower.as_str())
                    || word.contains('.')
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
                if is_abbrev {
                    tok_end = end_of(j + 1);
                    j += 1;
                    // "U.S.-brokered", "U.N.-backed": one hyphenated word.
                    if j + 1 < n && matches!(chars[j].1, '-' | '\u{2011}') && is_word_char(chars[j + 1].1) {
                        j += 1;
                        while j < n
                            && (is_word_char(chars[j].1)
                                || (matches!(chars[j].1, '-' | '\u{2011}')
                                    && j + 1 < n
                                    && is_word_char(chars[j + 1].1)))
                        {
                            j += 1;
                        }
                        tok_end = end_of(j);
                    }
                }
            }
            push(&mut out, text, offset, start, tok_end);
            i = j;
            continue;
        }
        if is_apostrophe(c) && is_clitic_at(&chars, i) {
            // 's 're 've 'll 'd 'm, or a plural possessive apostrophe.
            let mut j = i + 1;
            while j < n && chars[j].1.is_alphabetic() {
                j += 1;
            }
            push(&mut out, text, offset, start, end_of(j));
            i = j;
            continue;
        }
        // Punctuation: runs of the same character form one token ("--", "...", "//").
        let mut j = i + 1;
        if matches!(c, '-' | '.' | '/' | '=' | '*' | '_' | '\u{2014}' | '\u{2013}') {
            while j < n && chars[j].1 == c {
                j += 1;
            }
        }
        push(&mut out, text, offset, start, end_of(j));
        i = j;
    }
    out
}

/// Whether `chars[j]` is an apostrophe starting a clitic ('s, 're, 've, 'll, 'd, 'm)
/// followed by a non-letter, or a possessive apostrophe after a plural (rebels').
fn is_clitic_at(chars: &[(usize, char)], j: usize) -> bool {
    if !chars.get(j).is_some_and(|&(_, c)| is_apostrophe(c)) {
        return false;
    }
    if j == 0 || !chars[j - 1].1.is_alphanumeric() {
        return false;
    }
    let mut k = j + 1;
    let mut suffix = String::new();
    while k < chars.len() && chars[k].1.is_alphabetic() && suffix.len() < 3 {
        suffix.extend(chars[k].1.to_lowercase());
        k += 1;
    }
    let ends = k >= chars.len() || !chars[k].1.is_alphabetic();
    if suffix.is_empty() {
        // rebels' — a possessive after a plural s.
        return chars[j - 1].1 == 's';
    }
    ends && matches!(suffix.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m")
}

/// Whether the letters from `i` to the period at `j` look like an initialism (U.S, U.N, E.U):
/// single letters separated by periods.
fn is_initialism(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let seg_start = (i..j).rev().find(|&k| chars[k].1 == '.').map_or(i, |k| k + 1);
    j - seg_start == 1 && chars.get(j + 2).is_none_or(|&(_, c)| c == '.' || !is_word_char(c))
}

fn push<'a>(out: &mut Vec<Token<'a>>, text: &'a str, offset: usize, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let t = &text[start..end];
    let first = t.chars().next().unwrap_or(' ');
    let kind = if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphabetic() || is_apostrophe(first) && t.len() > 1 {
        TokenKind::Word
    } else {
        TokenKind::Punct
    };
    out.push(Token { text: t, span: Span::new(offset + start, offset + end), kind });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0).iter().map(|t| t.text).collect()
    }

    const CASES: &[(&str, &[&str])] = &[
        ("Syria's army didn't fire.", &["Syria", "'s", "army", "did", "n't", "fire", "."]),
        ("The U.S. and U.N. met Mr. Al Assad.", &["The", "U.S.", "and", "U.N.", "met", "Mr.", "Al", "Assad", "."]),
        ("al-Qaeda's pro-regime fighters", &["al-Qaeda", "'s", "pro-regime", "fighters"]),
        ("more than 94,000 people, 1.5 million", &["more", "than", "94,000", "people", ",", "1.5", "million"]),
        ("Côte d'Ivoire's rebels' leader", &["Côte", "d'Ivoire", "'s", "rebels", "'", "leader"]),
        ("GAZIANTEP, TURKEY // Assad", &["GAZIANTEP", ",", "TURKEY", "//", "Assad"]),
        ("\"until liberation\".", &["\"", "until", "liberation", "\"", "."]),
        ("George W. Bush", &["George", "W.", "Bush"]),
        ("an 18-day battle", &["an", "18-day", "battle"]),
        ("they're here", &["they", "'re", "here"]),
        ("BEIRUT, June 5 (AP) --", &["BEIRUT", ",", "June", "5", "(", "AP", ")", "--"]),
    ];

    #[test]
    fn table() {
        for (input, want) in CASES {
            assert_eq!(texts(input), *want, "{input}");
        }
    }

    #[test]
    fn spans_are_document_offsets() {
        let doc = "xx Rebels fought.";
        for t in tokenize(&doc[3..], 3) {
            assert_eq!(&doc[t.span.range()], t.text);
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_slice_back_and_are_ordered(s in "\\PC{0,200}", off in 0usize..3) {
            let doc = format!("{}{}", " ".repeat(off), s);
            let toks = tokenize(&doc[off..], off);
            let mut last = 0;
            for t in &toks {
                proptest::prop_assert_eq!(doc.get(t.span.range()), Some(t.text));
                proptest::prop_assert!(t.span.start >= last);
                proptest::prop_assert!(!t.text.is_empty());
                last = t.span.end;
            }
        }
    }
}
