//! Dates in news text, absolute ("June 4", "4 June 2013", "2013-06-04", "in 2013") and
//! relative to the publication date ("yesterday", "on Wednesday", "last week", "earlier
//! this month").
//!
//! Wired up in `lib.rs` with:
//!
//! ```text
//! mod dates;
//! pub use dates::{find_dates, parse_dateline_date, DateMention, DatePrecision};
//! ```
//!
//! News conventions: a bare weekday ("on Wednesday") is the most recent such day on or
//! before the publication date, so a story published on a Wednesday means that day; "last
//! Wednesday" is strictly before it. A day and month without a year ("June 4") is in the
//! publication year, or the year before if that would be after publication. Dates of
//! week, month or year precision are given as their first day ("last week": publication
//! − 7 days).

use casus_core::{Date, Span};

use crate::token::{tokenize, Token, TokenKind};

/// How precise a [`DateMention`]'s date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// A single day.
    Day,
    /// A week: the date is a day of it ("last week": publication − 7 days).
    Week,
    /// A month: the date is its first day.
    Month,
    /// A year: the date is January 1.
    Year,
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the document.
    pub span: Span,
    /// The expression as written ("on Wednesday", "June 4, 2013").
    pub raw: String,
    /// The date it denotes, when it can be resolved (relative expressions need the
    /// publication date).
    pub date: Option<Date>,
    /// How precise `date` is.
    pub precision: DatePrecision,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words before a bare month or year that make it a date ("in June", "since 2011").
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "during", "until", "till", "by", "early", "late", "mid", "of", "from", "before", "after", "through",
];

/// Month number (1–12) of a month name or abbreviation ("June", "Jun.", "Sept.").
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = MONTHS.iter().position(|m| *m == w);
    let abbrev = || {
        if w == "sept" {
            return Some(8);
        }
        (w.len() == 3).then(|| MONTHS.iter().position(|m| m.starts_with(w.as_str()))).flatten()
    };
    full.or_else(abbrev).and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    WEEKDAYS.iter().position(|d| *d == w).and_then(|i| u32::try_from(i).ok())
}

/// A day of the month: "4", "4th", "21st".
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year from 1000 to 2999.
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// `year-month-day`, or in the year before when that would be after `publication`.
fn day_in_year(month: u32, day: u32, year: Option<i32>, publication: Option<Date>) -> Option<Date> {
    if let Some(y) = year {
        return Date::from_ymd(y, month, day);
    }
    let p = publication?;
    match Date::from_ymd(p.year(), month, day) {
        Some(d) if d <= p => Some(d),
        _ => Date::from_ymd(p.year() - 1, month, day),
    }
}

/// The first day of `month` in the publication year, or the year before when that month
/// is after publication.
fn month_in_year(month: u32, year: Option<i32>, publication: Option<Date>) -> Option<Date> {
    if let Some(y) = year {
        return Date::from_ymd(y, month, 1);
    }
    let p = publication?;
    let y = if month > p.month() { p.year() - 1 } else { p.year() };
    Date::from_ymd(y, month, 1)
}

/// The most recent `weekday` on or before `p` (strictly before when `strict`).
fn weekday_before(p: Date, weekday: u32, strict: bool) -> Option<Date> {
    let mut back = i64::from((p.weekday() + 7 - weekday) % 7);
    if strict && back == 0 {
        back = 7;
    }
    p.add_days(-back)
}

fn first_of_month(d: Date) -> Option<Date> {
    Date::from_ymd(d.year(), d.month(), 1)
}

fn previous_month(d: Date) -> Option<Date> {
    if d.month() == 1 {
        Date::from_ymd(d.year() - 1, 12, 1)
    } else {
        Date::from_ymd(d.year(), d.month() - 1, 1)
    }
}

/// A match: how many tokens it spans, the date and its precision.
type Found = (usize, Option<Date>, DatePrecision);

struct Scanner<'t, 'a> {
    toks: &'t [Token<'a>],
    lower: Vec<String>,
    publication: Option<Date>,
}

impl Scanner<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// An absolute date starting at token `i`: "June 4", "June 4, 2013", "4 June 2013",
    /// "June 2013", "2013-06-04".
    fn absolute(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i)?;
        if t.kind == TokenKind::Number && t.text.len() == 10 {
            if let Ok(d) = t.text.parse::<Date>() {
                return Some((1, Some(d), DatePrecision::Day));
            }
        }
        if let Some(month) = month_of(t.text) {
            // "may" is a modal verb: only the capitalized month counts.
            if month == 5 && !t.is_capitalized() {
                return None;
            }
            if let Some(day) = day_of(self.text(i + 1)) {
                let (year, len) = if self.text(i + 2) == "," {
                    year_of(self.text(i + 3)).map_or((None, 2), |y| (Some(y), 4))
                } else {
                    year_of(self.text(i + 2)).map_or((None, 2), |y| (Some(y), 3))
                };
                let date = day_in_year(month, day, year, self.publication);
                return Some((len, date, DatePrecision::Day));
            }
            if let Some(year) = year_of(self.text(i + 1)) {
                return Some((2, Date::from_ymd(year, month, 1), DatePrecision::Month));
            }
            return None;
        }
        let day = day_of(t.text)?;
        let next = if self.word(i + 1) == "of" { i + 2 } else { i + 1 };
        let month = month_of(self.text(next))?;
        let year = year_of(self.text(next + 1));
        let len = next + 1 - i + usize::from(year.is_some());
        Some((len, day_in_year(month, day, year, self.publication), DatePrecision::Day))
    }

    /// A relative expression starting at token `i`.
    fn relative(&self, i: usize) -> Option<Found> {
        let p = self.publication;
        let day = |n: i64| p.and_then(|p| p.add_days(n));
        let w = self.word(i);
        let next = self.word(i + 1);
        match (w, next) {
            ("yesterday", _) => return Some((1, day(-1), DatePrecision::Day)),
            ("today" | "tonight", _) => return Some((1, day(0), DatePrecision::Day)),
            ("tomorrow", _) => return Some((1, day(1), DatePrecision::Day)),
            ("last", "night") => return Some((2, day(-1), DatePrecision::Day)),
            ("last" | "past", "week") => return Some((2, day(-7), DatePrecision::Week)),
            ("this", "week") => return Some((2, day(0), DatePrecision::Week)),
            ("next", "week") => return Some((2, day(7), DatePrecision::Week)),
            ("last", "month") => return Some((2, p.and_then(previous_month), DatePrecision::Month)),
            ("this", "month") => return Some((2, p.and_then(first_of_month), DatePrecision::Month)),
            ("last", "year") => {
                let d = p.and_then(|p| Date::from_ymd(p.year() - 1, 1, 1));
                return Some((2, d, DatePrecision::Year));
            }
            ("this", "year") => {
                let d = p.and_then(|p| Date::from_ymd(p.year(), 1, 1));
                return Some((2, d, DatePrecision::Year));
            }
            ("earlier" | "later", "this") => {
                return match self.word(i + 2) {
                    "month" => Some((3, p.and_then(first_of_month), DatePrecision::Month)),
                    "week" => Some((3, day(0), DatePrecision::Week)),
                    "year" => {
                        let d = p.and_then(|p| Date::from_ymd(p.year(), 1, 1));
                        Some((3, d, DatePrecision::Year))
                    }
                    _ => None,
                };
            }
            _ => {}
        }
        // "on Wednesday", "last Wednesday", "Wednesday".
        let (skip, strict) = match w {
            "on" => (1, false),
            "last" => (1, true),
            _ => (0, false),
        };
        if let Some(wd) = weekday_of(self.text(i + skip)) {
            if skip == 0 && !self.toks[i].is_capitalized() {
                return None;
            }
            let date = p.and_then(|p| weekday_before(p, wd, strict));
            return Some((skip + 1, date, DatePrecision::Day));
        }
        // "on June 4", "on 4 June".
        if w == "on" {
            if let Some((len, date, prec)) = self.absolute(i + 1) {
                return Some((len + 1, date, prec));
            }
        }
        // "last June": the most recent June before the publication month.
        if w == "last" {
            if let Some(month) = month_of(self.text(i + 1)) {
                let date = p.and_then(|p| {
                    let y = if month < p.month() { p.year() } else { p.year() - 1 };
                    Date::from_ymd(y, month, 1)
                });
                return Some((2, date, DatePrecision::Month));
            }
        }
        // "in June", "in 2013", "since March 2011" (the preposition is not part of it).
        if TIME_PREPOSITIONS.contains(&w) {
            let j = i + 1;
            if let Some(year) = year_of(self.text(j)) {
                return Some((2, Date::from_ymd(year, 1, 1), DatePrecision::Year));
            }
            if let Some(month) = month_of(self.text(j)) {
                if self.absolute(j).is_none() && self.toks.get(j).is_some_and(Token::is_capitalized) {
                    let date = month_in_year(month, None, p);
                    return Some((2, date, DatePrecision::Month));
                }
            }
        }
        None
    }
}

/// The relative words [`may_hold_date`] looks for.
const CUES: &[&[u8]] =
    &[b"yesterday", b"today", b"tonight", b"tomorrow", b"night", b"week", b"month", b"year", b"sept"];

/// The first two letters of every cue, month and weekday: a bit per second letter, by first
/// letter (all are lower-case ASCII letters, which the compiler checks).
const CUE_STARTS: [u32; 26] = {
    let mut starts = [0u32; 26];
    let mut i = 0;
    while i < CUES.len() + MONTHS.len() + WEEKDAYS.len() {
        let w = if i < CUES.len() {
            CUES[i]
        } else if i < CUES.len() + MONTHS.len() {
            MONTHS[i - CUES.len()].as_bytes()
        } else {
            WEEKDAYS[i - CUES.len() - MONTHS.len()].as_bytes()
        };
        assert!(w.len() >= 2 && w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase());
        starts[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
        i += 1;
    }
    starts
};

/// Whether a word starting with these two letters (either case) may be a cue, a month or a
/// weekday, or a three-letter abbreviation of a month.
fn starts_like_a_cue(a: u8, b: u8) -> bool {
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && CUE_STARTS.get(usize::from(a - b'a')).is_some_and(|s| s >> (b - b'a') & 1 != 0)
}

/// Whether `text` has a word that every date expression needs: a digit, a month, a
/// weekday, or one of the relative words ("yesterday", "week", ...). A cheap test that
/// spares most sentences the full scan.
fn may_hold_date(text: &str) -> bool {
    let mut buf = [0u8; 9];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // The next run of ASCII letters and digits.
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digit = false;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            digit |= bytes[i].is_ascii_digit();
            i += 1;
        }
        let word = &bytes[start..i];
        if digit {
            return true;
        }
        if word.len() < 3 || word.len() > buf.len() {
            continue;
        }
        // (Most words start otherwise than any cue, month or weekday does.)
        if !starts_like_a_cue(word[0], word[1]) {
            continue;
        }
        let w = &mut buf[..word.len()];
        w.copy_from_slice(word);
        w.make_ascii_lowercase();
        let w = &*w;
        let named =
            |names: &[&str]| names.iter().any(|n| n.as_bytes() == w || (w.len() == 3 && n.as_bytes().starts_with(w)));
        if CUES.contains(&w) || named(&MONTHS) || WEEKDAYS.iter().any(|d| d.as_bytes() == w) {
            return true;
        }
    }
    false
}

/// Finds the date expressions in `text`, which starts at document byte `offset`, resolving
/// relative ones against `publication`.
///
/// Prepositions are part of the expression ("on Wednesday", "in 2013"); the span covers
/// the whole expression. Expressions are returned left to right, without overlaps.
#[must_use]
pub fn find_dates(text: &str, offset: usize, publication: Option<Date>) -> Vec<DateMention> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    scan_dates(text, offset, &tokenize(text, offset), publication)
}

/// [`find_dates`] for a text already tokenized: `toks` must be [`tokenize`]`(text, offset)`.
#[must_use]
pub fn find_dates_in_tokens(
    text: &str,
    offset: usize,
    toks: &[Token<'_>],
    publication: Option<Date>,
) -> Vec<DateMention> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    scan_dates(text, offset, toks, publication)
}

/// [`find_dates`] past its prefilter.
fn scan_dates(text: &str, offset: usize, toks: &[Token<'_>], publication: Option<Date>) -> Vec<DateMention> {
    let scanner = Scanner { lower: toks.iter().map(|t| t.text.to_lowercase()).collect(), toks, publication };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = scanner.relative(i).or_else(|| scanner.absolute(i));
        match found {
            Some((len, date, precision)) if len > 0 => {
                let end = (i + len).min(toks.len());
                let span = toks[i].span.cover(toks[end - 1].span);
                let raw = text.get(span.start - offset..span.end - offset).unwrap_or_default().to_owned();
                out.push(DateMention { span, raw, date, precision });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Parses the date of a dateline ("June 5", "June 5, 2013", "Sept. 5", "5 June 2013"),
/// taking the year from `year_hint` when the text has none.
#[must_use]
pub fn parse_dateline_date(text: &str, year_hint: Option<i32>) -> Option<Date> {
    let toks = tokenize(text.trim(), 0);
    let scanner =
        Scanner { lower: toks.iter().map(|t| t.text.to_lowercase()).collect(), toks: &toks, publication: None };
    match scanner.absolute(0)? {
        (_, Some(d), DatePrecision::Day) => Some(d),
        (_, None, DatePrecision::Day) => {
            let month = month_of(toks.first()?.text).or_else(|| toks.get(1).and_then(|t| month_of(t.text)))?;
            let day = day_of(toks.first()?.text).or_else(|| day_of(toks.get(1)?.text))?;
            Date::from_ymd(year_hint?, month, day)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    /// Published on Wednesday 2013-06-05.
    const PUB: &str = "2013-06-05";

    /// (text, expected raw, expected date, precision) with publication [`PUB`].
    const CASES: &[(&str, &str, &str, DatePrecision)] = &[
        ("Rebels attacked yesterday.", "yesterday", "2013-06-04", DatePrecision::Day),
        ("Talks resume today.", "today", "2013-06-05", DatePrecision::Day),
        ("Shelling began last night.", "last night", "2013-06-04", DatePrecision::Day),
        // Same-day weekday: that day.
        ("The town fell on Wednesday.", "on Wednesday", "2013-06-05", DatePrecision::Day),
        ("The town fell on Monday.", "on Monday", "2013-06-03", DatePrecision::Day),
        ("The town fell on Thursday.", "on Thursday", "2013-05-30", DatePrecision::Day),
        ("Sunday's attack killed 4.", "Sunday", "2013-06-02", DatePrecision::Day),
        ("It ended last Wednesday.", "last Wednesday", "2013-05-29", DatePrecision::Day),
        ("Fighting erupted last week.", "last week", "2013-05-29", DatePrecision::Week),
        ("They met on June 4.", "on June 4", "2013-06-04", DatePrecision::Day),
        ("They met June 4.", "June 4", "2013-06-04", DatePrecision::Day),
        ("They met 4 June.", "4 June", "2013-06-04", DatePrecision::Day),
        ("They met on 4th June.", "on 4th June", "2013-06-04", DatePrecision::Day),
        // After publication: the year before.
        ("They met on June 9.", "on June 9", "2012-06-09", DatePrecision::Day),
        ("They met Dec. 24.", "Dec. 24", "2012-12-24", DatePrecision::Day),
        ("They met on June 9, 2011.", "on June 9, 2011", "2011-06-09", DatePrecision::Day),
        ("They met 9 June 2011.", "9 June 2011", "2011-06-09", DatePrecision::Day),
        ("Clashes began earlier this month.", "earlier this month", "2013-06-01", DatePrecision::Month),
        ("Clashes began last month.", "last month", "2013-05-01", DatePrecision::Month),
        ("The uprising began in 2011.", "in 2011", "2011-01-01", DatePrecision::Year),
        ("It began in March 2011.", "March 2011", "2011-03-01", DatePrecision::Month),
        ("It began in March.", "in March", "2013-03-01", DatePrecision::Month),
        ("It began in August.", "in August", "2012-08-01", DatePrecision::Month),
        ("Report of 2013-06-03 said.", "2013-06-03", "2013-06-03", DatePrecision::Day),
        ("It happened last year.", "last year", "2012-01-01", DatePrecision::Year),
    ];

    #[test]
    fn the_prefilter_passes_every_cue_month_and_weekday() {
        let cues = CUES.iter().filter_map(|c| std::str::from_utf8(c).ok());
        for w in cues.chain(MONTHS).chain(WEEKDAYS) {
            assert!(may_hold_date(&format!("It was {w} then.")), "{w}");
            assert!(may_hold_date(&w.to_uppercase()), "{w}");
        }
        for m in MONTHS {
            assert!(may_hold_date(&format!("on {}", &m[..3])), "{m}");
        }
    }

    #[test]
    fn dates_in_tokens_are_the_dates_in_text() {
        for (text, ..) in CASES {
            let toks = tokenize(text, 7);
            assert_eq!(find_dates_in_tokens(text, 7, &toks, date(PUB)), find_dates(text, 7, date(PUB)), "{text}");
        }
    }

    /// [`may_hold_date`] written plainly.
    fn may_hold_date_plain(text: &str) -> bool {
        text.as_bytes().split(|b| !b.is_ascii_alphanumeric()).any(|word| {
            let w = word.to_ascii_lowercase();
            word.iter().any(u8::is_ascii_digit)
                || (3..=9).contains(&w.len())
                    && (CUES.contains(&w.as_slice())
                        || MONTHS.iter().any(|n| n.as_bytes() == w || (w.len() == 3 && n.as_bytes().starts_with(&w)))
                        || WEEKDAYS.iter().any(|d| d.as_bytes() == w))
        })
    }

    proptest::proptest! {
        #[test]
        fn the_prefilter_is_the_plain_test(text in "([A-Za-z]{1,10}|[0-9]|[ ,.;é])*") {
            proptest::prop_assert_eq!(may_hold_date(&text), may_hold_date_plain(&text));
        }

        #[test]
        fn the_prefilter_is_the_plain_test_on_cue_like_words(text in "((yes|to|mo|tu|we|th|fr|sa|su|ja|fe|ma|ap|ju|au|se|oc|no|de|ni|ye|se)[a-z]{0,7}[ ,.]){0,6}") {
            proptest::prop_assert_eq!(may_hold_date(&text), may_hold_date_plain(&text));
        }
    }

    #[test]
    fn the_prefilter_passes_every_case() {
        for (text, ..) in CASES {
            assert!(may_hold_date(text), "{text}");
        }
        assert!(!may_hold_date("Rebels attacked the town and seized the airport."));
    }

    #[test]
    fn table() {
        let p = date(PUB);
        for &(text, raw, want, precision) in CASES {
            let found = find_dates(text, 0, p);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let m = &found[0];
            assert_eq!(m.raw, raw, "{text}");
            assert_eq!(&text[m.span.range()], raw, "{text}");
            assert_eq!(m.date, date(want), "{text}");
            assert_eq!(m.precision, precision, "{text}");
        }
    }

    #[test]
    fn not_dates() {
        let p = date(PUB);
        for text in
            ["The rebels may attack.", "More than 2013 people fled.", "They march on.", "Troops killed 4 people."]
        {
            assert_eq!(find_dates(text, 0, p), [], "{text}");
        }
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let found = find_dates("Rebels attacked yesterday, on June 4, 2013.", 0, None);
        let dates: Vec<Option<Date>> = found.iter().map(|m| m.date).collect();
        assert_eq!(dates, [None, date("2013-06-04")]);
    }

    #[test]
    fn spans_are_document_offsets() {
        let doc = "xxxx They met on Monday.";
        let found = find_dates(&doc[5..], 5, date(PUB));
        assert_eq!(found.len(), 1);
        assert_eq!(&doc[found[0].span.range()], "on Monday");
    }

    #[test]
    fn dateline_dates() {
        let cases: &[(&str, Option<i32>, Option<&str>)] = &[
            ("June 5", Some(2013), Some("2013-06-05")),
            ("June 5, 2013", None, Some("2013-06-05")),
            ("June 5, 2013", Some(2001), Some("2013-06-05")),
            ("Sept. 5", Some(2013), Some("2013-09-05")),
            ("5 June 2013", None, Some("2013-06-05")),
            ("June 5", None, None),
            ("Feb. 30", Some(2013), None),
            ("Homs", Some(2013), None),
        ];
        for &(text, hint, want) in cases {
            assert_eq!(parse_dateline_date(text, hint), want.and_then(date), "{text}");
        }
    }
}
