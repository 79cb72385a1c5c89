//! PETRARCH/TABARI actor dictionaries (`Phoenix.*.actors.txt`).

use std::sync::Arc;

use casus_core::{ActorCode, Date};

use super::{clean_lines, parse_date, phrase_text, Sink};
use crate::entry::{ActorEntry, ActorKind, DateRange, Entries};
use crate::Diagnostic;

/// Parses a PETRARCH actor dictionary.
///
/// An actor is a primary name line, optional `+SYNONYM` lines and its codes:
///
/// ```text
/// AFGHANISTAN_  [AFG]
/// +AFGHAN_
/// HAMID_KARZAI_
/// +PRESIDENT_KARZAI_
///     [AFGELI 750101-000101]
///     [AFGGOV >011222]
///     [AFGELI]
/// ```
///
/// Codes follow the primary name on its line (`NAME [CODE]`, several allowed:
/// `NAME [IGOUNO 820101-911231] [ELI]`) or stand on lines of their own. Every name
/// (primary and synonyms) gives one [`ActorEntry`] per code, kind [`ActorKind::Other`],
/// in file order, with `_` read as a space and the trailing `_` dropped. Names keep the
/// file's capitals, so (by the casus capital rule) they match capitalized text.
///
/// Date restrictions, following PETRARCH-2's reader (`YYMMDD` or `YYYYMMDD`; two-digit
/// years 00–30 are 20xx, 31–99 19xx):
///
/// - `[CODE]`: no restriction: the default when no dated code of the name applies.
/// - `[CODE >d]`: from `d` on (inclusive).
/// - `[CODE <d]`: before `d` (the day before `d` is the last).
/// - `[CODE a-b]`: from `a` to `b`, both included, as PETRARCH's unit tests expect; a
///   hand-over date that ends one range and starts the next goes to the next one, and a
///   range inside another wins over it (the coder's choice).
/// - `[CODE d]` (no operator, rare): read as `>d`, with a warning (PETRARCH ignores the
///   date).
///
/// A `---STOP---` line ends the file. Problems are reported in `diags`; see the module
/// documentation for severities.
pub fn parse_petrarch_actors(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink::new(file, diags);
    let mut group = Group::default();
    for line in clean_lines(text, false) {
        let t = line.text.as_str();
        if t.contains("---STOP---") {
            break;
        }
        if t.starts_with('[') {
            if group.names.is_empty() {
                sink.warn(line.no, "code line before any actor name: skipped");
                continue;
            }
            parse_codes(t, line.no, &mut group.codes, &mut sink);
        } else if let Some(rest) = t.strip_prefix('+') {
            if group.names.is_empty() {
                sink.warn(line.no, "synonym line before any actor name: skipped");
                continue;
            }
            let (name, codes) = rest.split_once('[').map_or((rest, ""), |(n, _)| (n, &rest[n.len()..]));
            group.add_name(name, line.no, &mut sink);
            if !codes.is_empty() {
                parse_codes(codes, line.no, &mut group.codes, &mut sink);
            }
        } else {
            group.flush(out, &mut sink);
            let (name, codes) = t.split_once('[').map_or((t, ""), |(n, _)| (n, &t[n.len()..]));
            group.add_name(name, line.no, &mut sink);
            if !codes.is_empty() {
                parse_codes(codes, line.no, &mut group.codes, &mut sink);
            }
        }
    }
    group.flush(out, &mut sink);
}

/// The names and codes of the actor being read.
#[derive(Default)]
struct Group {
    names: Vec<(String, usize)>,
    codes: Vec<(ActorCode, Option<DateRange>)>,
}

impl Group {
    fn add_name(&mut self, raw: &str, line: usize, sink: &mut Sink<'_>) {
        let name = phrase_text(raw);
        if name.is_empty() {
            sink.warn(line, "empty actor name: skipped");
            // Keep a placeholder so the codes that follow still belong to this actor.
            self.names.push((String::new(), line));
        } else {
            self.names.push((name, line));
        }
    }

    fn flush(&mut self, out: &mut Entries, sink: &mut Sink<'_>) {
        let names = std::mem::take(&mut self.names);
        let codes = std::mem::take(&mut self.codes);
        let Some((first, first_line)) = names.first() else {
            return;
        };
        if codes.is_empty() {
            sink.warn(
                *first_line,
                format!("actor {first:?} has no usable code: skipped (PETRARCH cannot code it either)"),
            );
            return;
        }
        for (name, line) in names {
            if name.is_empty() {
                continue;
            }
            for &(code, dates) in &codes {
                out.actors.push(ActorEntry {
                    code,
                    kind: ActorKind::Other,
                    name: name.clone(),
                    dates,
                    origin: sink.origin(line),
                });
            }
        }
    }
}

/// Parses the `[...]` groups of `s` into codes.
fn parse_codes(s: &str, line: usize, out: &mut Vec<(ActorCode, Option<DateRange>)>, sink: &mut Sink<'_>) {
    let mut rest = s;
    loop {
        let Some(open) = rest.find('[') else {
            if !rest.trim().is_empty() {
                sink.warn(line, format!("text {:?} outside [...] ignored", rest.trim()));
            }
            return;
        };
        if !rest[..open].trim().is_empty() {
            sink.warn(line, format!("text {:?} outside [...] ignored", rest[..open].trim()));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            sink.error(line, format!("unclosed '[' in {:?}", s.trim()));
            return;
        };
        // `[ELR/GAL]`: a name that stands for several actors at once.
        let spec = after[..close].trim();
        let (codes, dates) = spec.split_once(char::is_whitespace).unwrap_or((spec, ""));
        for code in codes.split('/').filter(|c| !c.is_empty()) {
            match parse_code_spec(&format!("{code} {dates}")) {
                Ok((code, dates, notes)) => {
                    for n in notes {
                        sink.warn(line, n);
                    }
                    out.push((code, dates));
                }
                Err(e) => sink.warn(line, format!("{e}: code skipped")),
            }
        }
        rest = &after[close + 1..];
    }
}

type CodeSpec = (ActorCode, Option<DateRange>, Vec<String>);

/// Parses `CODE`, `CODE >d`, `CODE <d`, `CODE a-b` or `CODE d` (spaces anywhere in the
/// date part are ignored; a date glued to the code, `AFG950101-960101`, is split off).
fn parse_code_spec(spec: &str) -> Result<CodeSpec, String> {
    let spec = spec.trim();
    let (code_raw, date_raw): (&str, String) = match spec.split_once(char::is_whitespace) {
        Some((c, d)) => (c, d.split_whitespace().collect()),
        None => split_glued(spec),
    };
    if code_raw.is_empty() {
        return Err(format!("[{spec}] has no code"));
    }
    let mut notes = Vec::new();
    let upper = code_raw.to_ascii_uppercase();
    if upper != code_raw {
        notes.push(format!("actor code {code_raw:?} read as {upper:?}"));
    }
    let code: ActorCode = upper.parse().map_err(|e: casus_core::Error| format!("[{spec}]: {e}"))?;
    if date_raw.is_empty() {
        return Ok((code, None, notes));
    }
    let mut date = |s: &str| -> Result<Date, String> {
        let (d, note) = parse_date(s).map_err(|e| format!("[{spec}]: {e}"))?;
        if let Some(n) = note {
            notes.push(n);
        }
        Ok(d)
    };
    let day_before = |d: Date| d.add_days(-1).unwrap_or(d);
    let range = if let Some(d) = date_raw.strip_prefix('<') {
        DateRange { start: None, end: Some(day_before(date(d)?)) }
    } else if let Some(d) = date_raw.strip_prefix('>') {
        DateRange { start: Some(date(d)?), end: None }
    } else if let Some((a, b)) = date_raw.split_once('-') {
        let start = date(a)?;
        let end = date(b)?;
        if end < start {
            return Err(format!("[{spec}]: the range ends before it starts"));
        }
        // Both days included, as PETRARCH's unit tests expect ("upper bound of embedded
        // interval restriction", DATE-11).
        DateRange { start: Some(start), end: Some(end) }
    } else {
        let d = date(&date_raw)?;
        notes.push(format!("[{spec}]: a date without '<', '>' or '-' is read as '>{date_raw}' (from that date)"));
        DateRange { start: Some(d), end: None }
    };
    Ok((code, Some(range), notes))
}

/// Splits `AFG950101-960101` into `AFG` and the date part; anything else is all code.
fn split_glued(spec: &str) -> (&str, String) {
    let is_date = |s: &str| {
        s.bytes().filter(u8::is_ascii_digit).count() >= 6
            && s.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'<' || b == b'>')
            && !s.starts_with('-')
    };
    for (i, c) in spec.char_indices() {
        if (c.is_ascii_digit() || c == '<' || c == '>') && is_date(&spec[i..]) {
            return (&spec[..i], spec[i..].to_owned());
        }
    }
    (spec, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn parse(text: &str) -> (Entries, Vec<Diagnostic>) {
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_petrarch_actors(text, &Arc::from("test.actors.txt"), &mut e, &mut d);
        (e, d)
    }

    fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap_or_else(|| panic!("bad date"))
    }

    #[test]
    fn names_synonyms_and_codes() {
        let text = "# header\nAFGHANISTAN_  [AFG]\n+AFGHAN_ \n+KABUL # capital\n\nUNITED_NATIONS_ [IGOUNO]\n";
        let (e, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["AFGHANISTAN", "AFGHAN", "KABUL", "UNITED NATIONS"]);
        assert_eq!(e.actors[1].code.as_str(), "AFG");
        assert_eq!(e.actors[1].origin.line, 3);
        assert_eq!(e.actors[3].code.as_str(), "IGOUNO");
        assert!(e.actors.iter().all(|a| a.kind == ActorKind::Other && a.dates.is_none()));
    }

    #[test]
    fn date_restrictions() {
        let text = "HAMID_KARZAI_  # CountryInfo.txt\n+KARZAI_\n\t[AFGELI 750101-000101]\n\t[AFGGOV >011222]\n\t[AFGELI]\nGOLLUM\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\nX [XXX 20121204]\n";
        let (e, d) = parse(text);
        assert_eq!(e.actors.len(), 6 + 2 + 1);
        let k = &e.actors[..3];
        assert_eq!(k[0].code.as_str(), "AFGELI");
        assert_eq!(k[0].dates, Some(DateRange { start: Some(ymd(1975, 1, 1)), end: Some(ymd(2000, 1, 1)) }));
        assert_eq!(k[1].dates, Some(DateRange { start: Some(ymd(2001, 12, 22)), end: None }));
        assert_eq!(k[2].dates, None);
        assert_eq!(e.actors[3].name, "KARZAI");
        let g = &e.actors[6..8];
        assert_eq!(g[0].dates, Some(DateRange { start: None, end: Some(ymd(1995, 5, 31)) }));
        assert_eq!(g[1].dates.and_then(|r| r.start), Some(ymd(1995, 6, 1)));
        assert_eq!(g[1].dates.and_then(|r| r.end), Some(ymd(1999, 8, 15)));
        // The undated-operator form is read as "from" with a warning.
        assert_eq!(e.actors[8].dates.and_then(|r| r.start), Some(ymd(2012, 12, 4)));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn a_name_for_several_actors() {
        let (e, d) = parse("THE_SHIRE  [FRO/BIL/SAM]\nLORIEN [ELR/GAL 950101-991231]\n");
        assert!(d.is_empty(), "{d:?}");
        let codes: Vec<&str> = e.actors.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["FRO", "BIL", "SAM", "ELR", "GAL"]);
        assert!(e.actors[..3].iter().all(|a| a.name == "THE SHIRE" && a.origin.line == 1));
        assert!(e.actors[3].dates.is_some() && e.actors[3].dates == e.actors[4].dates);
    }

    #[test]
    fn several_codes_on_the_name_line() {
        let (e, d) = parse("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]\n+PEREZ_DE_CUELLAR_\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(e.actors.len(), 4);
        assert_eq!(e.actors[1].code.as_str(), "ELI");
        assert!(e.actors[1].dates.is_none());
        assert_eq!(e.actors[3].name, "PEREZ DE CUELLAR");
    }

    #[test]
    fn bad_codes_and_dates_are_diagnosed() {
        let text = "A [ITHTV]\nB [pse]\nC [XXX 910231-920101]\nD [XXX 920101-910101]\nE [AAA\nF\n+G\n[AFG950101-960101]\nI [III 040517-040517]\n---STOP---\nH [HHH]\n";
        let (e, d) = parse(text);
        let got: Vec<(&str, &str)> = e.actors.iter().map(|a| (a.name.as_str(), a.code.as_str())).collect();
        assert_eq!(got, [("B", "PSE"), ("F", "AFG"), ("G", "AFG"), ("I", "III")]);
        let one_day = e.actors[3].dates.unwrap_or_default();
        assert_eq!(one_day.start, Some(ymd(2004, 5, 17)));
        assert_eq!(one_day.end, Some(ymd(2004, 5, 17)));
        assert_eq!(e.actors[1].dates.and_then(|r| r.start), Some(ymd(1995, 1, 1)));
        let lines: Vec<(usize, Severity)> = d.iter().map(|x| (x.origin.line, x.severity)).collect();
        assert_eq!(
            lines,
            [
                (1, Severity::Warning), // invalid code
                (1, Severity::Warning), // A has no code
                (2, Severity::Warning), // lower case
                (3, Severity::Warning), // no such date
                (3, Severity::Warning),
                (4, Severity::Warning), // range backwards
                (4, Severity::Warning),
                (5, Severity::Error), // unclosed '['
                (5, Severity::Warning),
            ],
            "{d:?}"
        );
    }

    #[test]
    fn xml_comments_and_stray_lines() {
        let text = "<!-- head -->\n<!--\n# note\n-->\n+ORPHAN\n[ORP]\nISRAEL [ISR]\n";
        let (e, d) = parse(text);
        assert_eq!(e.actors.len(), 1);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].origin.line, 5);
    }
}
