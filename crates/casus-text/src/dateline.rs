//! Datelines at the start of a story: "GAZIANTEP, TURKEY //", "DAMASCUS (Reuters) -",
//! "BEIRUT, June 5 (AP) --".

use casus_core::Span;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, separator included.
    pub span: Span,
    /// The place as written ("GAZIANTEP").
    pub place: String,
    /// Span of the place.
    pub place_span: Span,
    /// A second place part, usually the country or state ("TURKEY").
    pub region: Option<String>,
    /// A date as written ("June 5"), if the dateline has one.
    pub date_text: Option<String>,
    /// The wire agency ("Reuters", "AP"), if any.
    pub agency: Option<String>,
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Finds a dateline at the start of `p` (which starts at document byte `offset`).
pub(crate) fn find(p: &str, offset: usize) -> Option<Dateline> {
    let head = p.get(..p.len().min(120))?;
    // The separator ends the dateline.
    let (sep_at, sep_len) = ["//", " -- ", " \u{2014} ", " \u{2013} ", " - ", " \u{2014}", " --"]
        .iter()
        .filter_map(|s| head.find(s).map(|i| (i, s.len())))
        .min_by_key(|&(i, _)| i)?;
    let pre = head[..sep_at].trim_end();
    if pre.is_empty() || pre.len() > 80 {
        return None;
    }
    // Agency in parentheses at the end: "(Reuters)".
    let (pre, agency) = match pre.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((before, agency)) if agency.split_whitespace().count() <= 4 && !agency.is_empty() => {
            (before.trim_end(), Some(agency.trim().to_owned()))
        }
        _ => (pre, None),
    };
    let mut parts = pre.split(',').map(str::trim);
    let place = parts.next()?;
    if !is_place(place) {
        return None;
    }
    let all_caps = place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase);
    if !all_caps && agency.is_none() {
        return None;
    }
    let mut region = None;
    let mut date_text = None;
    for part in parts {
        if MONTHS.iter().any(|m| part.starts_with(m)) || is_short_date(part) {
            date_text = Some(part.to_owned());
        } else if region.is_none() && date_text.is_none() && is_place(part) {
            region = Some(part.to_owned());
        } else if date_text.is_some() && part.chars().all(|c| c.is_ascii_digit()) {
            // "June 5, 2013"
            if let Some(d) = date_text.as_mut() {
                d.push_str(", ");
                d.push_str(part);
            }
        } else {
            return None;
        }
    }
    let lead = p.len() - p.trim_start().len();
    let mut end = sep_at + sep_len;
    end += p[end..].len() - p[end..].trim_start().len();
    Some(Dateline {
        span: Span::new(offset + lead, offset + end),
        place: place.to_owned(),
        place_span: Span::new(offset + lead, offset + lead + place.len()),
        region,
        date_text,
        agency,
    })
}

/// A wire-style date without a period: "Jan 10", "Sept 3".
fn is_short_date(part: &str) -> bool {
    let mut w = part.split_whitespace();
    let (Some(month), Some(day), None) = (w.next(), w.next(), w.next()) else { return false };
    matches!(month, "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec")
        && day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
}

fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_styles() {
        let d =
            find("GAZIANTEP, TURKEY // Assad regime forces celebrated.", 10).unwrap_or_else(|| panic!("no dateline"));
        assert_eq!(d.place, "GAZIANTEP");
        assert_eq!(d.region.as_deref(), Some("TURKEY"));
        assert_eq!(d.span, Span::new(10, 10 + "GAZIANTEP, TURKEY // ".len()));
        assert_eq!(d.place_span, Span::new(10, 19));

        let d = find("DAMASCUS (Reuters) - Rebels shelled the city.", 0).unwrap_or_else(|| panic!("no dateline"));
        assert_eq!((d.place.as_str(), d.agency.as_deref()), ("DAMASCUS", Some("Reuters")));

        let d = find("BEIRUT, June 5 (AP) -- Talks stalled.", 0).unwrap_or_else(|| panic!("no dateline"));
        assert_eq!(d.date_text.as_deref(), Some("June 5"));
        assert_eq!(d.agency.as_deref(), Some("AP"));

        let d =
            find("LIMA, Jan 10 (Reuters) - Rebels rejected the demand.", 0).unwrap_or_else(|| panic!("no dateline"));
        assert_eq!((d.place.as_str(), d.date_text.as_deref()), ("LIMA", Some("Jan 10")));

        let d = find("Kyiv, Ukraine (AP) \u{2014} Drones hit the city.", 0).unwrap_or_else(|| panic!("no dateline"));
        assert_eq!(d.place, "Kyiv");
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for p in [
            "Rebels - backed by Turkey - shelled the city.",
            "The army, police and militias -- all of them -- fought.",
            "Efforts to find a diplomatic solution - already a forlorn prospect - stalled.",
        ] {
            assert_eq!(find(p, 0), None, "{p}");
        }
    }
}
