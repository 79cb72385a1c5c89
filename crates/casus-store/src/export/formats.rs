//! GDELT, Phoenix, ICEWS and PLOVER layouts.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

use casus_core::{ActorCode, Date};

use crate::record::civil;
use crate::{Filter, Result, Store, StoredEvent};

/// The 61 columns of the GDELT 2.0 Event table, in order. casus fills them so:
///
/// - `GlobalEventID`: the store's event id. `Day` `YYYYMMDD`, `MonthYear` `YYYYMM`, `Year`,
///   `FractionDate` `YYYY.FFFF` with FFFF = (month × 30 + day) / 365 as GDELT computes it.
///   Undated events leave these empty.
/// - Actor fields (for Actor1 = source, Actor2 = target): `Code` the CAMEO actor code,
///   `Name` the words as written, upper-cased, `CountryCode` its country segment,
///   `KnownGroupCode` the segment after `IGO`/`NGO`, `EthnicCode` empty,
///   `Religion1Code`/`Religion2Code` religion segments (`CHR`, `MUS`, `JEW`, `BUD`, `HIN`),
///   `Type1Code`–`Type3Code` the other role segments (`GOV`, `MIL`, `REB`, ...).
/// - `IsRootEvent` 1 for events of the document's first coded sentence (GDELT: the lead
///   paragraph), else 0. `EventCode`, `EventBaseCode` (three-digit prefix),
///   `EventRootCode`, `QuadClass`, `GoldsteinScale`.
/// - `NumMentions`, `NumSources`, `NumArticles`: of the event's cluster
///   ([`Store::clusters`](crate::Store::clusters), over the same filter). `AvgTone` empty:
///   casus scores no tone.
/// - Geo blocks (`Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID`):
///   Actor1Geo and Actor2Geo are empty with type 0; ActionGeo holds the event's place when
///   known (type 1 for a country alone, 4 for a located place), else type 0.
/// - `DATEADDED` the ingestion time `YYYYMMDDHHMMSS` (UTC); `SOURCEURL` the document URL,
///   or its id when it has none.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 26 columns of the Phoenix export. Rows are one-a-day groups
/// ([`Store::daily`](crate::Store::daily)): `EventID` is the group's first event id,
/// `SentenceID` `DOC_SENTENCE` of that event, `URLs` and `NewsSources` the group's distinct
/// URLs and document sources joined by `;`. Actors split into `Full` (the code),
/// `Entity` (country, or `IGO`/`NGO` with its group), `Role` (the first role segment)
/// and `Attribute` (the rest). `QuadClass` uses Phoenix's five classes: 0 neutral
/// (roots 01–02), then 1–4 as in CAMEO. `Issues` is empty.
pub const PHOENIX_COLUMNS: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

/// The 20 columns of the ICEWS export. `Source Name`/`Target Name` are the words as
/// written; `Sectors` the actor's role segments as ICEWS sector names joined by `,`;
/// `Country` its country segment (a CAMEO code, not a name); `Event Text` the CAMEO
/// code's name; `Intensity` its Goldstein value; `Story ID` the document id;
/// `Sentence Number` 1-based; `Publisher` the document source.
pub const ICEWS_COLUMNS: [&str; 20] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
];

const RELIGIONS: &[&str] = &["CHR", "MUS", "JEW", "BUD", "HIN"];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// GDELT's actor fields: code, name, country, known group, ethnic, religion ×2, type ×3.
fn gdelt_actor(code: Option<ActorCode>, name: Option<&str>) -> [String; 10] {
    let Some(code) = code else {
        return Default::default();
    };
    let segs: Vec<&str> = code.segments().collect();
    let known = segs
        .iter()
        .position(|s| *s == "IGO" || *s == "NGO")
        .and_then(|i| segs.get(i + 1))
        .filter(|s| !casus_core::is_role(s))
        .map(|s| (*s).to_owned())
        .unwrap_or_default();
    let religions: Vec<&str> = segs.iter().copied().filter(|s| RELIGIONS.contains(s)).collect();
    let types: Vec<&str> = code.roles().filter(|s| !RELIGIONS.contains(s)).collect();
    [
        code.to_string(),
        clean(&name.unwrap_or("").to_uppercase()),
        code.country().unwrap_or("").to_owned(),
        known,
        String::new(),
        religions.first().map(|s| (*s).to_owned()).unwrap_or_default(),
        religions.get(1).map(|s| (*s).to_owned()).unwrap_or_default(),
        types.first().map(|s| (*s).to_owned()).unwrap_or_default(),
        types.get(1).map(|s| (*s).to_owned()).unwrap_or_default(),
        types.get(2).map(|s| (*s).to_owned()).unwrap_or_default(),
    ]
}

fn fraction_date(d: Date) -> String {
    let f = f64::from(d.month() * 30 + d.day()) / 365.0;
    format!("{:.4}", f64::from(d.year()) + f)
}

pub(crate) fn gdelt_row(e: &StoredEvent, counts: (usize, usize, usize)) -> Vec<String> {
    let ev = &e.event;
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.push(e.id.to_string());
    match ev.date {
        Some(d) => {
            row.push(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
            row.push(format!("{:04}{:02}", d.year(), d.month()));
            row.push(d.year().to_string());
            row.push(fraction_date(d));
        }
        None => row.extend(std::iter::repeat_n(String::new(), 4)),
    }
    row.extend(gdelt_actor(Some(ev.source), Some(&ev.source_text)));
    row.extend(gdelt_actor(ev.target, ev.target_text.as_deref()));
    let code = ev.code.as_str();
    row.push(u8::from(ev.sentence == 0).to_string());
    row.push(code.to_owned());
    row.push(code.get(..3).unwrap_or(code).to_owned());
    row.push(ev.code.root().as_str().to_owned());
    row.push(ev.code.quad_class().as_u8().to_string());
    row.push(ev.code.goldstein().to_string());
    row.push(counts.0.to_string());
    row.push(counts.1.to_string());
    row.push(counts.2.to_string());
    row.push(String::new()); // AvgTone
    for _ in 0..2 {
        row.push("0".into());
        row.extend(std::iter::repeat_n(String::new(), 7));
    }
    let loc = &e.location;
    // GDELT geo types: 1 country, 4 world city, 5 world first-level division.
    let geo_type = if loc.geonameid.is_some() {
        "4"
    } else if loc.admin1.is_some() {
        "5"
    } else if loc.country.is_some() {
        "1"
    } else {
        "0"
    };
    row.push(geo_type.into());
    let full: Vec<&str> =
        [loc.name.as_deref(), loc.admin1.as_deref(), loc.country.as_deref()].into_iter().flatten().collect();
    let mut full = full;
    full.dedup();
    row.push(clean(&full.join(", ")));
    row.push(opt(loc.country.as_deref()));
    row.push(clean(loc.admin1.as_deref().unwrap_or("")));
    row.push(String::new());
    row.push(opt(loc.lat));
    row.push(opt(loc.lon));
    row.push(opt(loc.geonameid));
    let (d, h, m, s) = civil(e.ingested_at);
    row.push(match d {
        Some(d) => format!("{:04}{:02}{:02}{h:02}{m:02}{s:02}", d.year(), d.month(), d.day()),
        None => String::new(),
    });
    row.push(clean(e.url.as_deref().unwrap_or(&ev.doc)));
    row
}

pub(crate) fn gdelt(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let all = Filter { limit: None, ..filter.clone() };
    let mut counts: HashMap<i64, (usize, usize, usize)> = HashMap::new();
    for c in store.clusters(&all)? {
        for id in &c.event_ids {
            counts.insert(*id, (c.num_mentions, c.num_sources, c.num_articles));
        }
    }
    let mut n = 0;
    store.for_each(filter, |e| {
        let c = counts.get(&e.id).copied().unwrap_or((1, 1, 1));
        writeln!(out, "{}", gdelt_row(&e, c).join("\t"))?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Phoenix's entity, role and attribute of an actor code.
fn phoenix_actor(code: Option<ActorCode>) -> [String; 4] {
    let Some(code) = code else {
        return Default::default();
    };
    let segs: Vec<&str> = code.segments().collect();
    let (entity, rest) = if code.is_organisation() {
        let n = if segs.get(1).is_some_and(|s| !casus_core::is_role(s)) { 2 } else { 1 };
        (segs[..n.min(segs.len())].concat(), &segs[n.min(segs.len())..])
    } else if code.has_country() {
        (segs[0].to_owned(), &segs[1..])
    } else {
        (String::new(), &segs[..])
    };
    let role = rest.first().map(|s| (*s).to_owned()).unwrap_or_default();
    let attr = rest.get(1..).map(<[&str]>::concat).unwrap_or_default();
    [code.to_string(), entity, role, attr]
}

pub(crate) fn phoenix(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    writeln!(out, "{}", PHOENIX_COLUMNS.join("\t"))?;
    let rows = store.daily(filter)?;
    for r in &rows {
        let e = &r.first.event;
        let mut row: Vec<String> = Vec::with_capacity(26);
        row.push(r.first.id.to_string());
        match e.date {
            Some(d) => {
                row.push(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
                row.push(d.year().to_string());
                row.push(d.month().to_string());
                row.push(d.day().to_string());
            }
            None => row.extend(std::iter::repeat_n(String::new(), 4)),
        }
        row.extend(phoenix_actor(Some(e.source)));
        row.extend(phoenix_actor(e.target));
        row.push(e.code.as_str().to_owned());
        row.push(e.code.root().as_str().to_owned());
        let root = e.code.root_number();
        row.push(if root <= 2 { 0 } else { e.code.quad_class().as_u8() }.to_string());
        row.push(e.code.goldstein().to_string());
        row.push(String::new());
        let loc = &r.first.location;
        row.push(opt(loc.lat));
        row.push(opt(loc.lon));
        row.push(clean(loc.name.as_deref().unwrap_or("")));
        row.push(clean(loc.admin1.as_deref().unwrap_or("")));
        row.push(opt(loc.country.as_deref()));
        row.push(clean(&format!("{}_{}", e.doc, e.sentence)));
        row.push(clean(&r.urls.join(";")));
        row.push(clean(&r.sources.join(";")));
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(rows.len())
}

fn sector(role: &str) -> &str {
    match role {
        "GOV" => "Government",
        "MIL" => "Military",
        "REB" => "Rebels",
        "OPP" => "Opposition",
        "PTY" => "Political Parties",
        "COP" => "Police",
        "JUD" => "Judicial",
        "SPY" => "Intelligence",
        "MED" => "Media",
        "EDU" => "Education",
        "BUS" => "Business",
        "CRM" => "Criminal",
        "CVL" => "Civilian",
        "REF" => "Refugees",
        "HLH" => "Health",
        "NGO" => "Nongovernmental Organization",
        "IGO" => "Intergovernmental Organization",
        "UAF" => "Unidentified Armed Forces",
        "INS" => "Insurgents",
        "LEG" => "Legislative",
        "LAB" => "Labor",
        "AGR" => "Agriculture",
        "REL" | "CHR" | "MUS" | "JEW" | "BUD" | "HIN" => "Religious",
        "ELI" => "Elites",
        "MOD" => "Moderate",
        "RAD" => "Radical",
        "SEP" => "Separatists",
        "ENV" => "Environmental",
        "HRI" => "Human Rights",
        "DEV" => "Development",
        "IMG" => "Immigrants",
        "SET" => "Settlers",
        other => other,
    }
}

fn sectors(code: ActorCode) -> String {
    let mut v: Vec<&str> = Vec::new();
    for r in code.roles() {
        let s = sector(r);
        if !v.contains(&s) {
            v.push(s);
        }
    }
    v.join(",")
}

pub(crate) fn icews(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    writeln!(out, "{}", ICEWS_COLUMNS.join("\t"))?;
    let mut n = 0;
    store.for_each(filter, |s| {
        let e = &s.event;
        let loc = &s.location;
        let row = [
            s.id.to_string(),
            opt(e.date),
            clean(&e.source_text),
            sectors(e.source),
            e.source.country().unwrap_or("").to_owned(),
            e.code.name().to_owned(),
            e.code.as_str().to_owned(),
            e.code.goldstein().to_string(),
            clean(e.target_text.as_deref().unwrap_or("")),
            e.target.map(sectors).unwrap_or_default(),
            e.target.and_then(|t| t.country().map(str::to_owned)).unwrap_or_default(),
            clean(&e.doc),
            (e.sentence + 1).to_string(),
            clean(s.doc_source.as_deref().unwrap_or("")),
            clean(if loc.geonameid.is_some() { loc.name.as_deref().unwrap_or("") } else { "" }),
            String::new(),
            clean(loc.admin1.as_deref().unwrap_or("")),
            opt(loc.country.as_deref()),
            opt(loc.lat),
            opt(loc.lon),
        ];
        writeln!(out, "{}", row.join("\t"))?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Splits an actor code into PLOVER's actor (country or organisation), agent (first
/// role) and other (remaining segments).
fn plover_actor(code: Option<ActorCode>) -> (String, String, String) {
    let [_, entity, role, attr] = phoenix_actor(code);
    (entity, role, attr)
}

/// PLOVER JSON Lines, one object per event that PLOVER codes (CAMEO 01x statements other
/// than 016, 018 and 019 have no PLOVER type and are left out). Fields, following the
/// PLOVER manual's interchange format as far as we know it: `id`, `date`, `event`,
/// `mode`, `context` (empty: casus codes no context), `source`, `src_actor`, `src_agent`,
/// `src_other`, `target`, `tgt_actor`, `tgt_agent`, `tgt_other`, `text`, then casus
/// provenance: `cameo`, `goldstein`, `doc`, `sentence`, `url`, `publisher`, and the place
/// (`country`, `admin1`, `lat`, `lon`, `geonameid`), null when unknown.
pub(crate) fn plover(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let mut n = 0;
    let mut line = String::new();
    store.for_each(filter, |s| {
        let e = &s.event;
        let p = e.code.plover();
        let Some(ty) = p.event_type else {
            return Ok(());
        };
        let (sa, sg, so) = plover_actor(Some(e.source));
        let (ta, tg, to) = plover_actor(e.target);
        let v = serde_json::json!({
            "id": s.id.to_string(),
            "date": e.date.map(|d| d.to_string()),
            "event": ty.as_str(),
            "mode": p.mode.unwrap_or(""),
            "context": "",
            "source": e.source.as_str(),
            "src_actor": sa,
            "src_agent": sg,
            "src_other": so,
            "target": e.target.map(|t| t.to_string()),
            "tgt_actor": ta,
            "tgt_agent": tg,
            "tgt_other": to,
            "text": e.text,
            "cameo": e.code.as_str(),
            "goldstein": e.code.goldstein(),
            "doc": e.doc,
            "sentence": e.sentence,
            "url": s.url,
            "publisher": s.doc_source,
            "location_name": s.location.name,
            "country": s.location.country,
            "admin1": s.location.admin1,
            "lat": s.location.lat,
            "lon": s.location.lon,
            "geonameid": s.location.geonameid,
        });
        line.clear();
        let _ = write!(line, "{v}");
        writeln!(out, "{line}")?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> ActorCode {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn column_counts_match_the_formats() {
        assert_eq!(GDELT_COLUMNS.len(), 61);
        assert_eq!(PHOENIX_COLUMNS.len(), 26);
        assert_eq!(ICEWS_COLUMNS.len(), 20);
    }

    #[test]
    fn gdelt_actor_fields() {
        let f = gdelt_actor(Some(a("SYRGOVMIL")), Some("Syrian troops"));
        assert_eq!(f[0], "SYRGOVMIL");
        assert_eq!(f[1], "SYRIAN TROOPS");
        assert_eq!(f[2], "SYR");
        assert_eq!((f[7].as_str(), f[8].as_str()), ("GOV", "MIL"));
        let f = gdelt_actor(Some(a("IGOUNO")), None);
        assert_eq!((f[2].as_str(), f[3].as_str(), f[7].as_str()), ("", "UNO", "IGO"));
        let f = gdelt_actor(Some(a("IRNMUS")), None);
        assert_eq!(f[5], "MUS");
    }

    #[test]
    fn fraction_date_follows_gdelt() {
        let d = Date::from_ymd(2013, 6, 5).unwrap_or_else(|| panic!("date"));
        assert_eq!(fraction_date(d), "2013.5068");
    }

    #[test]
    fn phoenix_actor_parts() {
        assert_eq!(
            phoenix_actor(Some(a("SYRGOVMIL"))),
            ["SYRGOVMIL".to_owned(), "SYR".into(), "GOV".into(), "MIL".into()]
        );
        assert_eq!(phoenix_actor(Some(a("IGOUNO")))[1], "IGOUNO");
        assert_eq!(phoenix_actor(Some(a("REB")))[2], "REB");
    }
}
