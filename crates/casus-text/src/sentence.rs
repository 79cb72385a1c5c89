//! Sentence splitting that keeps byte spans.

use casus_core::Span;

use crate::token::ABBREVIATIONS;

/// A sentence: a byte span of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the document text.
    pub span: Span,
    /// Index of the paragraph the sentence is in.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text.
    #[must_use]
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.span.range()).unwrap_or("")
    }
}

/// Titles and abbreviations that never end a sentence when followed by a capital.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "fr", "st", "mt", "no", "nos", "vs", "pres", "amb", "brig", "supt", "insp", "hon",
    "messrs", "mme", "mlle", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Words that typically start a sentence: after an ambiguous abbreviation ("the U.S. The
/// ..."), a following one of these makes the period a sentence end.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "Yet",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Some",
    "Many",
    "Most",
    "Both",
    "If",
    "When",
    "While",
    "Since",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "On",
    "Officials",
    "Now",
    "Still",
    "Also",
    "Asked",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}')
}

/// Splits `text` (starting at byte `offset` of the document) into sentence spans.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
/// white space and a capital letter, digit or opening quote, unless the period belongs to
/// a title or abbreviation ("Gen.", "Mr.", "Jan."), an initial ("George W. Bush"), or an
/// initialism followed by a word that does not start sentences ("U.S. officials").
/// Leading and trailing white space is not part of a sentence.
#[must_use]
pub fn split_sentences(text: &str, offset: usize) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0usize; // byte offset within text
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            i += 1;
            continue;
        }
        // Include repeated terminators and closing quotes/brackets.
        let mut j = i + 1;
        while j < n && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1)) {
            j += 1;
        }
        // Must be followed by white space (or the end).
        if j < n && !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < n && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= n {
            break;
        }
        let next = chars[k].1;
        let boundary = if next.is_lowercase() || !(next.is_uppercase() || next.is_numeric() || is_opener(next)) {
            false
        } else if c == '.' && j == i + 1 {
            period_ends_sentence(text, &chars, i, k)
        } else {
            true
        };
        if boundary {
            let end = if j < n { chars[j].0 } else { text.len() };
            push(&mut out, text, offset, start, end);
            start = chars[k].0;
        }
        i = k;
    }
    push(&mut out, text, offset, start, text.len());
    out
}

/// Whether the period at `chars[i]`, followed by the word at `chars[k]`, ends a sentence.
fn period_ends_sentence(text: &str, chars: &[(usize, char)], i: usize, k: usize) -> bool {
    // The word before the period (letters and inner periods).
    let mut b = i;
    while b > 0 && (chars[b - 1].1.is_alphanumeric() || chars[b - 1].1 == '.') {
        b -= 1;
    }
    let word = &text[chars[b].0..chars[i].0];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    let next_word: String = chars[k..].iter().map(|&(_, c)| c).take_while(|c| c.is_alphanumeric()).collect();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return match lower.as_str() {
            // "No. 5" but "Is it over? No. It is not."
            "no" | "nos" => !next_word.starts_with(|c: char| c.is_ascii_digit()),
            // "in Jan. 2013" but "... in Jan. The talks ..."
            m if m.len() <= 4 && MONTH_ABBREVIATIONS.contains(&m) => STARTERS.contains(&next_word.as_str()),
            // Titles: "Gen. Smith".
            _ => false,
        };
    }
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_capital {
        return false; // an initial: "George W. Bush"
    }
    if word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
        // U.S., U.N., Inc., etc.: an end only before a typical sentence starter.
        return STARTERS.contains(&next_word.as_str());
    }
    true
}

fn push(out: &mut Vec<Span>, text: &str, offset: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, 0).into_iter().map(|sp| &s[sp.range()]).collect()
    }

    const CASES: &[(&str, &[&str])] = &[
        ("Rebels shelled Homs. Talks stalled.", &["Rebels shelled Homs.", "Talks stalled."]),
        ("Gen. Smith met Mr. Jones. They talked.", &["Gen. Smith met Mr. Jones.", "They talked."]),
        ("U.S. officials met U.N. envoys in Jan. 2013.", &["U.S. officials met U.N. envoys in Jan. 2013."]),
        ("Sanctions hit the U.S. The talks failed.", &["Sanctions hit the U.S.", "The talks failed."]),
        ("George W. Bush spoke. He left.", &["George W. Bush spoke.", "He left."]),
        ("He said: \"We will fight.\" Then he left.", &["He said: \"We will fight.\"", "Then he left."]),
        (
            "\"Until liberation,\" the rebels said. Aid arrived.",
            &["\"Until liberation,\" the rebels said.", "Aid arrived."],
        ),
        ("Growth was 1.5 percent. Prices rose.", &["Growth was 1.5 percent.", "Prices rose."]),
        ("Is it over? No. It is not!", &["Is it over?", "No.", "It is not!"]),
        ("It was No. 5 on the list.", &["It was No. 5 on the list."]),
        ("the vote etc. and more", &["the vote etc. and more"]),
    ];

    #[test]
    fn table() {
        for (input, want) in CASES {
            assert_eq!(split(input), *want, "{input}");
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_are_in_bounds_ordered_and_trimmed(s in "\\PC{0,300}") {
            let mut last = 0;
            for sp in split_sentences(&s, 0) {
                let t = s.get(sp.range());
                proptest::prop_assert!(t.is_some());
                let t = t.unwrap_or_default();
                proptest::prop_assert_eq!(t, t.trim());
                proptest::prop_assert!(sp.start >= last);
                last = sp.end;
            }
        }
    }
}
