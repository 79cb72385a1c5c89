//! Matching keys: case, diacritics and punctuation folded away ("Al Quşayr", "al-Qusayr"
//! and "AL QUSAYR" all become `al qusayr`).

use std::sync::OnceLock;

static FOLD_TSV: &str = include_str!("../../../data/gazetteer/fold.tsv");

/// The Unicode blocks the fold table covers: Latin-1 Supplement to Latin Extended-B, and
/// Latin Extended Additional.
const RANGES: [(u32, u32); 2] = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)];

/// ASCII replacements for the Latin letters with diacritics, indexed by code point within
/// [`RANGES`] (empty when the letter has none).
struct FoldTable {
    blocks: [Vec<&'static str>; 2],
}

fn table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut blocks = RANGES.map(|(lo, hi)| vec![""; (hi - lo + 1) as usize]);
        for line in FOLD_TSV.lines().filter(|l| !l.starts_with('#')) {
            let Some((from, to)) = line.split_once('\t') else {
                continue;
            };
            let mut chars = from.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            let cp = u32::from(c);
            for (block, &(lo, hi)) in blocks.iter_mut().zip(RANGES.iter()) {
                if (lo..=hi).contains(&cp) {
                    block[(cp - lo) as usize] = to;
                }
            }
        }
        FoldTable { blocks }
    })
}

/// Apostrophes, ayn and hamza signs: dropped, so "Sana'a" matches "Sanaa".
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{B4}' | '\u{2BB}'..='\u{2BF}' | '\u{2C8}')
}

/// Appends the matching key of `text` to `out`, separated from what `out` already holds
/// by one space. Letters and digits are kept (folded to lower-case ASCII where the fold
/// table knows them), apostrophes and periods are dropped ("U.S." → `us`), and every other
/// character separates words.
pub(crate) fn push_key(text: &str, out: &mut String) {
    let table = table();
    let mut pending_space = !out.is_empty();
    for c in text.chars() {
        if c == '.' || is_apostrophe(c) || ('\u{300}'..='\u{36F}').contains(&c) {
            continue;
        }
        if !c.is_alphanumeric() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let cp = u32::from(c);
        let folded = RANGES
            .iter()
            .zip(table.blocks.iter())
            .find(|((lo, hi), _)| (*lo..=*hi).contains(&cp))
            .map_or("", |((lo, _), block)| block[(cp - lo) as usize]);
        if folded.is_empty() {
            out.extend(c.to_lowercase());
        } else {
            out.extend(folded.chars().map(|f| f.to_ascii_lowercase()));
        }
    }
}

/// The matching key of `text`.
#[must_use]
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_key(text, &mut out);
    out
}

/// Arabic definite articles, as they appear at the start of a key ("al qusayr",
/// "ar raqqah", "el quseir").
const ARTICLES: &[&str] =
    &["al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "ez", "es", "et"];

/// The key without a leading Arabic article: `al qusayr` → `qusayr`; `None` when there is
/// none or the rest would be shorter than three characters.
pub(crate) fn strip_article(key: &str) -> Option<&str> {
    let (first, rest) = key.split_once(' ')?;
    (ARTICLES.contains(&first) && rest.len() >= 3).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str)] = &[
        ("Al Quşayr", "al qusayr"),
        ("al-Qusayr", "al qusayr"),
        ("AL QUSAYR", "al qusayr"),
        ("Sana'a", "sanaa"),
        ("Ṣanʿāʾ", "sana"),
        ("U.S.", "us"),
        ("Deir ez-Zor", "deir ez zor"),
        ("Düsseldorf", "dusseldorf"),
        ("Łódź", "lodz"),
        ("  São  Paulo ", "sao paulo"),
        ("Côte d'Ivoire", "cote divoire"),
    ];

    #[test]
    fn keys() {
        for (text, want) in CASES {
            assert_eq!(key(text), *want, "{text}");
        }
    }

    #[test]
    fn push_key_joins_words() {
        let mut k = String::new();
        push_key("Ras", &mut k);
        push_key("al-Ain", &mut k);
        assert_eq!(k, "ras al ain");
    }

    #[test]
    fn articles() {
        assert_eq!(strip_article("al qusayr"), Some("qusayr"));
        assert_eq!(strip_article("ar raqqah"), Some("raqqah"));
        assert_eq!(strip_article("qusayr"), None);
        assert_eq!(strip_article("al ab"), None);
        assert_eq!(strip_article("san jose"), None);
    }
}
