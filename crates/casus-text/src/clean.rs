//! Boilerplate detection: photo captions and credits, bylines, "Powered by" lines,
//! e-mail lines, copyright and navigation lines.

use casus_core::Span;

/// What kind of boilerplate a removed stretch of text was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// The title line of a plain-text article.
    Title,
    /// A photo caption ending in a credit ("... on Wednesday. AFP").
    Caption,
    /// A byline ("By Jane Doe", "Jane Doe reports from Kyiv").
    Byline,
    /// "Powered by ..." and similar syndication lines.
    PoweredBy,
    /// A line that is (mostly) an e-mail address.
    Email,
    /// Copyright notices.
    Copyright,
    /// "Share", "Read more", "Advertisement" and similar page furniture.
    Navigation,
}

impl BoilerplateKind {
    /// A lower-case name for reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Title => "title",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::PoweredBy => "powered-by",
            BoilerplateKind::Email => "email",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Navigation => "navigation",
        }
    }
}

/// A stretch of the document that was left out of coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boilerplate {
    /// What it was.
    pub kind: BoilerplateKind,
    /// Where it was.
    pub span: Span,
}

/// Photo and wire credits that end a caption.
const CREDITS: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "EPA",
    "Getty Images",
    "AFP/Getty Images",
    "Getty",
    "Anadolu",
    "Xinhua",
    "AP Photo",
    "Reuters/File",
    "EPA-EFE",
    "ANSA",
    "DPA",
    "Shutterstock",
    "Alamy",
    "SANA",
    "WAM",
    "Bloomberg",
    "NurPhoto",
    "SOPA Images",
    "UPI",
    "ZUMA",
    "Handout",
    "File photo",
    "courtesy",
];

const NAVIGATION: &[&str] = &[
    "share",
    "share this",
    "read more",
    "related",
    "advertisement",
    "subscribe",
    "sign up",
    "click here",
    "follow us",
    "print",
    "email",
    "comments",
    "more from",
    "most read",
    "top stories",
    "related articles",
    "related stories",
    "share this article",
    "continue reading",
];

/// Classifies a paragraph as boilerplate, or `None` for text to code.
pub(crate) fn classify_paragraph(p: &str) -> Option<BoilerplateKind> {
    let t = p.trim();
    let lower = t.to_lowercase();
    // (Only small counts matter: stop counting past 13.)
    let words = count_words(t, 13);
    if lower.starts_with("powered by ") || lower.starts_with("translated by ") || lower.starts_with("distributed by ") {
        return Some(BoilerplateKind::PoweredBy);
    }
    if t.starts_with('©') || lower.starts_with("copyright") || lower.contains("all rights reserved") {
        return Some(BoilerplateKind::Copyright);
    }
    if words <= 12 && t.split_whitespace().any(is_email) {
        return Some(BoilerplateKind::Email);
    }
    if is_byline(t) {
        return Some(BoilerplateKind::Byline);
    }
    let stripped = lower.trim_end_matches([':', '.', '>', ' ']);
    if words <= 4 && NAVIGATION.contains(&stripped) {
        return Some(BoilerplateKind::Navigation);
    }
    if is_caption(t, &lower) {
        return Some(BoilerplateKind::Caption);
    }
    None
}

/// Whether a sentence is a byline of the "Jane Doe reports from Kyiv" kind.
pub(crate) fn is_byline_sentence(s: &str) -> bool {
    // (Most sentences have more words: counted first, without keeping them.)
    if count_words(s, 11) > 10 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().take(11).collect();
    words.windows(2).take(4).any(|w| matches!(w[0], "reports" | "writes" | "reported") && matches!(w[1], "from" | "in"))
        && words.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        || is_byline(s)
}

/// How many words separated by white space `s` has, counted no further than `limit`
/// (`s.split_whitespace().take(limit).count()`).
fn count_words(s: &str, limit: usize) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().take(limit).count();
    }
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        // (The ASCII white space: the blank, \t, \n, \x0b, \x0c and \r.)
        let blank = b == b' ' || (9..=13).contains(&b);
        if !blank && !in_word {
            if n == limit {
                break;
            }
            n += 1;
        }
        in_word = !blank;
    }
    n
}

fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
    match w.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.contains('@'),
        None => false,
    }
}

fn is_byline(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !t.ends_with('.')
        && words.iter().take(2).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn is_caption(t: &str, lower: &str) -> bool {
    if ["photo:", "photograph:", "image:", "caption:", "file photo:", "pictured:", "(photo"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let body = t.trim_end_matches([')', ']', ' ', '.']);
    CREDITS.iter().any(|credit| {
        body.strip_suffix(credit).is_some_and(|before| {
            let before = before.trim_end();
            // The credit follows a finished sentence, a slash, a dash or a bracket: "... Wednesday. AFP"
            before.len() > 20
                && (before.ends_with(['.', '/', '|', '-', '(', '[', '\u{2014}'])
                    || before.ends_with("Photo:")
                    || before.ends_with("Photo by"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, Option<BoilerplateKind>)] = &[
        ("Powered by automated translation", Some(BoilerplateKind::PoweredBy)),
        (
            "Soldiers stand in front of the clock tower in the main square on Wednesday. AFP",
            Some(BoilerplateKind::Caption),
        ),
        ("Protesters gather outside parliament in Nairobi. Reuters/File", Some(BoilerplateKind::Caption)),
        ("By Jane Doe", Some(BoilerplateKind::Byline)),
        ("BY JOHN SMITH AND ALI HASSAN", Some(BoilerplateKind::Byline)),
        ("jdoe@example.org", Some(BoilerplateKind::Email)),
        ("Contact the author: j.doe@news.example.com", Some(BoilerplateKind::Email)),
        ("© 2024 Example News. All rights reserved.", Some(BoilerplateKind::Copyright)),
        ("Read more:", Some(BoilerplateKind::Navigation)),
        ("By Tuesday the rebels had withdrawn from the town.", None),
        ("The army said AFP reporters were not allowed into the town.", None),
        ("Rebels shelled the city, the AP reported.", None),
    ];

    #[test]
    fn table() {
        for (p, want) in CASES {
            assert_eq!(classify_paragraph(p), *want, "{p}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts(s in "[ a\t\n\x0b\x0c\r\u{a0}é.]{0,40}", limit in 0usize..15) {
            proptest::prop_assert_eq!(count_words(&s, limit), s.split_whitespace().take(limit).count());
        }
    }

    #[test]
    fn byline_sentences() {
        assert!(is_byline_sentence("Jane Doe reports from Gaziantep, Turkey"));
        assert!(!is_byline_sentence("The envoy reports from the talks were bleak and long, officials said on Monday."));
    }
}
