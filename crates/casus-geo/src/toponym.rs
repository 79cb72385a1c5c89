//! Toponym recognition: place names in a tokenized sentence.

use std::collections::HashSet;
use std::ops::Range;

use casus_core::Span;

use crate::fold::push_key;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

static COMMON_WORDS_TSV: &str = include_str!("../../../data/gazetteer/common-words.tsv");

/// The most words a place name may have in the text.
const MAX_WORDS: usize = 4;

/// Names that are usually people, months, days or common words in news text, never taken
/// for places unless a settlement cue says so ("the town of Hope"). Keys (lower case).
const STOPLIST: &[&str] = &[
    // people
    "assad",
    "al assad",
    "bashar",
    "obama",
    "kerry",
    "putin",
    "clinton",
    "bush",
    "hariri",
    "nasrallah",
    "mubarak",
    "morsi",
    "sisi",
    "erdogan",
    "maliki",
    "abbas",
    "khan",
    "ali",
    "hussein",
    "mohammed",
    "muhammad",
    "ahmed",
    "hassan",
    "omar",
    "salman",
    "victoria",
    "elizabeth",
    "francis",
    "george",
    "john",
    "james",
    "charles",
    "william",
    "mary",
    // common capitalized words
    "hope",
    "of",
    "the",
    "a",
    "an",
    "and",
    "in",
    "at",
    "on",
    "he",
    "she",
    "it",
    "we",
    "they",
    "said",
    "says",
    "police",
    "army",
    "president",
    "minister",
    "government",
    "state",
    "islamic",
    "islam",
    "allah",
    "god",
    "sunni",
    "shia",
    "arab",
    "kurd",
    "kurds",
    "union",
    "national",
    "republic",
    "north",
    "south",
    "east",
    "west",
    "central",
    "new",
    "saint",
    "san",
    "mr",
    "mrs",
    "gen",
    "president",
    "king",
    "queen",
    "prince",
    "media",
    "march",
    // months and days
    "january",
    "february",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
];

/// Names that are also people or common words: places only after a cue ("in Washington").
const NEEDS_CUE: &[&str] = &[
    "mobile",
    "washington",
    "jackson",
    "lincoln",
    "florence",
    "charlotte",
    "hamilton",
    "austin",
    "madison",
    "marion",
    "aurora",
    "regina",
    "esperanza",
    "paz",
    "salvador",
    "christchurch",
    "independence",
    "liberty",
    "union city",
    "opposition",
    "homeland",
    "troy",
    "phoenix",
    "orlando",
    "valencia",
];

/// Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Ras al Ain").
const CONNECTORS: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "de", "da", "do", "dos", "das", "del", "della",
    "di", "du", "des", "la", "le", "les", "of", "the", "and", "upon", "sur", "am", "bin", "ibn", "y", "en",
];

/// A word that makes a mention more likely to be a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// "in", "inside", "into", "across", "throughout".
    In,
    /// "near", "around".
    Near,
    /// "outside", "the outskirts of".
    Outside,
    /// "north of", "southwest of".
    DirectionOf,
    /// "the town of".
    Town,
    /// "the city of", "X city".
    City,
    /// "the village of".
    Village,
    /// "X province", "province of X", "governorate", "district", "countryside".
    Province,
    /// "X region", "the region of X".
    Region,
}

impl Cue {
    /// Whether the cue names a settlement: town, city or village.
    #[must_use]
    pub fn is_settlement(self) -> bool {
        matches!(self, Cue::Town | Cue::City | Cue::Village)
    }

    /// Whether the cue names a region: province or region.
    #[must_use]
    pub fn is_region(self) -> bool {
        matches!(self, Cue::Province | Cue::Region)
    }
}

/// A word of a tokenized sentence, as [`Toponyms::find`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word's text as in the document.
    pub text: &'a str,
    /// Its byte span in the document.
    pub span: Span,
    /// Whether the caller found it inside an actor phrase ("Assad", "Syrian army"): such
    /// words are taken for places only when they name a country.
    pub in_actor: bool,
}

impl<'a> Word<'a> {
    /// A word outside any actor phrase.
    #[must_use]
    pub fn new(text: &'a str, span: Span) -> Self {
        Word { text, span, in_actor: false }
    }

    /// Splits `text` into words and punctuation, for tests and callers without a
    /// tokenizer: letters and digits with inner hyphens, apostrophes and periods form a
    /// word ("al-Qusayr", "U.S"); any other non-space character is a word of its own.
    #[must_use]
    pub fn split(text: &'a str) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = start + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(i, d)) = chars.peek() {
                    let joins = matches!(d, '-' | '\'' | '\u{2019}' | '.')
                        && text[i + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || joins {
                        end = i + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            out.push(Word::new(&text[start..end], Span::new(start, end)));
        }
        out
    }
}

impl<'a> From<(&'a str, Span)> for Word<'a> {
    fn from((text, span): (&'a str, Span)) -> Self {
        Word::new(text, span)
    }
}

/// A place name found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span of the name in the document.
    pub span: Span,
    /// The words of the name, as indices into the words given to [`Toponyms::find`].
    pub words: Range<usize>,
    /// The places the name may be, in the gazetteer's order (countries, regions, cities).
    pub candidates: Vec<PlaceId>,
    /// The cue before or after the name, if any.
    pub cue: Option<Cue>,
}

/// Finds place names in tokenized sentences.
#[derive(Debug)]
pub struct Toponyms<'g> {
    gazetteer: &'g Gazetteer,
    stop: HashSet<&'static str>,
    needs_cue: HashSet<&'static str>,
}

impl Toponyms<'static> {
    /// The recognizer over [`Gazetteer::embedded`], built once per process.
    #[must_use]
    pub fn embedded() -> &'static Toponyms<'static> {
        static EMBEDDED: std::sync::LazyLock<Toponyms<'static>> =
            std::sync::LazyLock::new(|| Toponyms::new(Gazetteer::embedded()));
        &EMBEDDED
    }
}

impl<'g> Toponyms<'g> {
    /// A recognizer over `gazetteer`, with the built-in stoplist and the common-word list
    /// of `data/gazetteer/common-words.tsv`.
    #[must_use]
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        let needs_cue = NEEDS_CUE
            .iter()
            .copied()
            .chain(COMMON_WORDS_TSV.lines().filter(|l| !l.is_empty() && !l.starts_with('#')))
            .collect();
        Toponyms { gazetteer, stop: STOPLIST.iter().copied().collect(), needs_cue }
    }

    /// The gazetteer the recognizer looks names up in.
    #[must_use]
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The place mentions in `words` (one sentence), left to right, without overlaps.
    ///
    /// A mention is the longest run of up to four name-like words (capitalized, or an
    /// article such as "al-Qusayr"; lower-case connectors like "de" inside) that the
    /// gazetteer knows. Stoplisted names ("Assad", "May", "Police") need a settlement cue;
    /// names that are also common words ("Mobile", "Split") need any cue; all-capital
    /// words of up to three letters ("AP", "US") and words inside actor phrases count only
    /// as countries.
    #[must_use]
    pub fn find(&self, words: &[Word<'_>]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut key = String::with_capacity(32);
        let max = MAX_WORDS.min(self.gazetteer.longest_key_words().max(1));
        let mut i = 0;
        while i < words.len() {
            if !is_name_like(words[i].text) {
                i += 1;
                continue;
            }
            let mut found = None;
            let limit = (i + max).min(words.len());
            // The longest window that ends in a name-like word and has only name-like
            // words or connectors inside.
            let mut end = i + 1;
            while end < limit && (is_name_like(words[end].text) || is_connector(words[end].text)) {
                end += 1;
            }
            for j in (i + 1..=end).rev() {
                if !is_name_like(words[j - 1].text) {
                    continue;
                }
                key.clear();
                for w in &words[i..j] {
                    push_key(w.text, &mut key);
                }
                let ids = self.gazetteer.lookup_key(&key);
                if !ids.is_empty() {
                    if let Some(m) = self.accept(words, i..j, &key, ids) {
                        found = Some(m);
                        break;
                    }
                }
            }
            match found {
                Some(m) => {
                    i = m.words.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The mention for `words[range]` whose key `key` finds `ids`, unless a rule rejects it.
    fn accept(&self, words: &[Word<'_>], range: Range<usize>, key: &str, ids: &[PlaceId]) -> Option<Mention> {
        let g = self.gazetteer;
        let cue = cue(words, range.clone());
        let ws = &words[range.clone()];
        let short_caps = ws.len() == 1
            && ws[0].text.chars().filter(|c| c.is_alphabetic()).count() <= 3
            && !ws[0].text.chars().any(char::is_lowercase);
        let countries_only = short_caps || ws.iter().any(|w| w.in_actor);
        let mut candidates: Vec<PlaceId> = if countries_only {
            ids.iter().copied().filter(|&id| g.place(id).kind == PlaceKind::Country).collect()
        } else {
            ids.to_vec()
        };
        if candidates.is_empty() {
            return None;
        }
        let is_country = candidates.iter().any(|&id| g.place(id).kind == PlaceKind::Country);
        if self.stop.contains(key) && !cue.is_some_and(Cue::is_settlement) {
            return None;
        }
        if self.needs_cue.contains(key) && cue.is_none() && !is_country {
            return None;
        }
        if cue.is_some_and(Cue::is_settlement) {
            if candidates.iter().any(|&id| g.place(id).kind == PlaceKind::City) {
                candidates.retain(|&id| g.place(id).kind == PlaceKind::City);
            }
        } else if cue.is_some_and(Cue::is_region) && candidates.iter().any(|&id| g.place(id).kind == PlaceKind::Admin1)
        {
            candidates.retain(|&id| g.place(id).kind == PlaceKind::Admin1);
        }
        Some(Mention { span: ws[0].span.cover(ws[ws.len() - 1].span), words: range, candidates, cue })
    }
}

/// Whether a word can be part of a name: capitalized, or an article joined to a
/// capitalized word ("al-Qusayr", "ez-Zor").
fn is_name_like(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => text
            .split_once('-')
            .is_some_and(|(art, rest)| art.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)),
        _ => false,
    }
}

fn is_connector(text: &str) -> bool {
    CONNECTORS.contains(&text)
}

fn lower(words: &[Word<'_>], i: usize) -> String {
    words[i].text.to_lowercase()
}

/// The cue around `words[range]`: a region or settlement word right after ("Homs
/// province"), or words before ("the town of", "north of", "in northern").
fn cue(words: &[Word<'_>], range: Range<usize>) -> Option<Cue> {
    if range.end < words.len() {
        match lower(words, range.end).as_str() {
            "province" | "governorate" | "district" | "prefecture" | "oblast" | "county" | "countryside"
            | "provinces" => return Some(Cue::Province),
            "region" => return Some(Cue::Region),
            "city" => return Some(Cue::City),
            _ => {}
        }
    }
    let mut k = range.start;
    if k > 0 && lower(words, k - 1) == "the" {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let prev = lower(words, k - 1);
    if prev == "of" && k >= 2 {
        return match lower(words, k - 2).as_str() {
            "town" | "towns" => Some(Cue::Town),
            "city" | "cities" => Some(Cue::City),
            "village" | "villages" => Some(Cue::Village),
            "province" | "governorate" | "district" => Some(Cue::Province),
            "region" => Some(Cue::Region),
            "outskirts" => Some(Cue::Outside),
            d if is_direction(d) => Some(Cue::DirectionOf),
            _ => None,
        };
    }
    let (prev, k) = if is_direction_adjective(&prev) && k >= 2 { (lower(words, k - 2), k - 1) } else { (prev, k) };
    let _ = k;
    match prev.as_str() {
        "in" | "inside" | "into" | "across" | "throughout" => Some(Cue::In),
        "near" | "around" | "nearby" => Some(Cue::Near),
        "outside" => Some(Cue::Outside),
        _ => None,
    }
}

fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "km"
    )
}

fn is_direction_adjective(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "rural"
            | "restive"
            | "neighbouring"
            | "neighboring"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, Option<Cue>)> {
        let words = Word::split(text);
        Toponyms::embedded().find(&words).into_iter().map(|m| (text[m.span.range()].to_owned(), m.cue)).collect()
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn split_keeps_names_whole() {
        let w: Vec<&str> = Word::split("Rebels took al-Qusayr, U.S. said.").iter().map(|w| w.text).collect();
        assert_eq!(w, ["Rebels", "took", "al-Qusayr", ",", "U.S", ".", "said", "."]);
    }

    const CASES: &[(&str, &[&str])] = &[
        ("Fighting raged in Qusayr and Homs on Sunday.", &["Qusayr", "Homs"]),
        ("Rebels left al-Qusayr.", &["al-Qusayr"]),
        ("Shelling hit Deir ez-Zor overnight.", &["Deir ez-Zor"]),
        ("Talks in Rio de Janeiro ended.", &["Rio de Janeiro"]),
        ("Refugees fled to Lebanon and Jordan.", &["Lebanon", "Jordan"]),
        // Stoplisted: people, months, days, common words.
        ("Assad met Victoria in May.", &[]),
        ("Police said Hope was lost on Sunday.", &[]),
        ("Mobile phones were cut.", &[]),
        // A common word needs a cue; a settlement cue lifts the stoplist.
        ("Troops moved into Mobile.", &["Mobile"]),
        ("They reached the town of Hope.", &["Hope"]),
        // Short all-capital words count only as countries.
        ("BEIRUT (AP) -- The US said.", &["BEIRUT", "US"]),
    ];

    #[test]
    fn table() {
        for (text, want) in CASES {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn cues() {
        let cases: &[(&str, Option<Cue>)] = &[
            ("Clashes erupted in Homs.", Some(Cue::In)),
            ("Clashes erupted near Homs.", Some(Cue::Near)),
            ("Clashes erupted outside Homs.", Some(Cue::Outside)),
            ("Clashes erupted on the outskirts of Homs.", Some(Cue::Outside)),
            ("Clashes erupted north of Homs.", Some(Cue::DirectionOf)),
            ("Clashes erupted in the town of Qusayr.", Some(Cue::Town)),
            ("Clashes erupted in the city of Homs.", Some(Cue::City)),
            ("Clashes erupted in the village of Qusayr.", Some(Cue::Village)),
            ("Clashes erupted in Homs province.", Some(Cue::Province)),
            ("Clashes erupted in northern Homs.", Some(Cue::In)),
            ("Homs was shelled.", None),
        ];
        for (text, want) in cases {
            let got = mentions(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, *want, "{text}");
        }
    }

    #[test]
    fn region_cue_keeps_regions_only() {
        let g = Gazetteer::embedded();
        let words = Word::split("Clashes spread across Homs province.");
        let m = Toponyms::embedded().find(&words);
        assert_eq!(m.len(), 1);
        assert!(m[0].candidates.iter().all(|&id| g.place(id).kind == PlaceKind::Admin1));
    }

    #[test]
    fn actor_words_count_only_as_countries() {
        let text = "Syria and Damascus denied it.";
        let mut words = Word::split(text);
        for w in &mut words {
            w.in_actor = true;
        }
        let m = Toponyms::embedded().find(&words);
        let got: Vec<&str> = m.iter().map(|m| &text[m.span.range()]).collect();
        assert_eq!(got, ["Syria"]);
    }
}
