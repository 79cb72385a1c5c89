//! PLOVER event types and modes, mapped from CAMEO codes.
//!
//! The mapping follows the published CAMEO→PLOVER crosswalk (PLOVER draft 0.8,
//! September 2021): the same event types and modes, written here as our own table.
//! PLOVER has no category for plain statements (CAMEO 01); those codes map to no type,
//! except 016 (deny: REJECT), 018 (empathy: SUPPORT) and 019 (accord: AGREE). CAMEO 02
//! (appeal) maps to REQUEST like 10 (demand).

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::CameoCode;

/// A PLOVER event type (2021 names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Concede,
}

impl PloverType {
    /// The upper-case PLOVER name: `"ASSAULT"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
            PloverType::Concede => "CONCEDE",
        }
    }
}

/// The PLOVER coding of an event: type and mode (mode may be absent).
///
/// Serialized as `{"type": "ASSAULT", "mode": "heavy-weapons"}`; both are `null` for
/// CAMEO codes PLOVER does not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plover {
    /// The event type, `None` for CAMEO statements PLOVER does not code.
    pub event_type: Option<PloverType>,
    /// The mode, e.g. `"heavy-weapons"`, `"arrest"`.
    pub mode: Option<&'static str>,
}

impl Serialize for Plover {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Plover", 2)?;
        st.serialize_field("type", &self.event_type.map(PloverType::as_str))?;
        st.serialize_field("mode", &self.mode)?;
        st.end()
    }
}

impl Plover {
    /// The PLOVER coding of a CAMEO code.
    #[must_use]
    pub fn of(code: CameoCode) -> Plover {
        use PloverType as T;
        let s = code.as_str();
        let (t, mode): (Option<T>, Option<&'static str>) = match s {
            "016" => (Some(T::Reject), None),
            "018" => (Some(T::Support), None),
            "019" => (Some(T::Agree), None),
            _ if s.starts_with("01") => (None, None),
            _ if s.starts_with("02") => (Some(T::Request), request_mode(s)),
            _ if s.starts_with("03") => (Some(T::Agree), None),
            "041" => (Some(T::Consult), Some("phone")),
            "042" | "043" => (Some(T::Consult), Some("visit")),
            "044" => (Some(T::Consult), Some("third-party")),
            _ if s.starts_with("04") => (Some(T::Consult), None),
            _ if s.starts_with("05") => (Some(T::Support), None),
            _ if s.starts_with("06") => (Some(T::Cooperate), None),
            _ if s.starts_with("07") => (Some(T::Aid), None),
            "0841" => (Some(T::Retreat), Some("release")),
            "0842" => (Some(T::Retreat), Some("return")),
            "085" => (Some(T::Retreat), Some("ease")),
            "086" | "0861" | "0862" | "0863" => (Some(T::Retreat), Some("access")),
            "087" | "0873" | "0874" => (Some(T::Retreat), Some("disarm")),
            "0871" => (Some(T::Retreat), Some("ceasefire")),
            "0872" => (Some(T::Retreat), Some("withdraw")),
            "084" | "0813" | "0814" => (Some(T::Retreat), None),
            _ if s.starts_with("08") => (Some(T::Concede), None),
            _ if s.starts_with("09") => (Some(T::Accuse), Some("investigate")),
            _ if s.starts_with("10") => (Some(T::Request), request_mode(s)),
            "112" | "113" | "110" | "111" | "116" => (Some(T::Accuse), Some("disapprove")),
            _ if s.starts_with("11") => (Some(T::Accuse), Some("allege")),
            _ if s.starts_with("12") => (Some(T::Reject), reject_mode(s)),
            _ if s.starts_with("13") => (Some(T::Threaten), threaten_mode(s)),
            _ if s.starts_with("14") => (Some(T::Protest), protest_mode(s)),
            "151" | "153" => (Some(T::Mobilize), Some("police")),
            "152" | "154" => (Some(T::Mobilize), Some("troops")),
            _ if s.starts_with("15") => (Some(T::Mobilize), None),
            "161" | "164" | "165" => (Some(T::Sanction), Some("withdraw")),
            "162" | "1621" | "1622" | "1623" => (Some(T::Sanction), Some("discontinue")),
            "163" => (Some(T::Coerce), Some("restrict")),
            "166" | "1661" | "1662" | "1663" => (Some(T::Sanction), Some("expel")),
            _ if s.starts_with("16") => (Some(T::Sanction), None),
            "171" | "1711" => (Some(T::Coerce), Some("seize")),
            "1712" => (Some(T::Assault), Some("seize")),
            "172" | "1721" => (Some(T::Coerce), Some("restrict")),
            "1722" => (Some(T::Coerce), Some("ban")),
            "1723" => (Some(T::Coerce), Some("curfew")),
            "1724" => (Some(T::Coerce), Some("martial-law")),
            "173" => (Some(T::Coerce), Some("arrest")),
            "174" => (Some(T::Coerce), Some("deport")),
            "175" => (Some(T::Assault), None),
            _ if s.starts_with("17") => (Some(T::Coerce), None),
            "181" | "184" => (Some(T::Assault), Some("abduct")),
            "182" => (Some(T::Assault), Some("beat")),
            "1821" => (Some(T::Assault), Some("sexual")),
            "1822" => (Some(T::Assault), Some("torture")),
            "183" | "1831" => (Some(T::Assault), Some("suicide-attack")),
            "1832" | "1833" => (Some(T::Assault), Some("explosives")),
            "185" | "186" => (Some(T::Assault), Some("assassinate")),
            _ if s.starts_with("18") => (Some(T::Assault), None),
            "191" => (Some(T::Coerce), Some("restrict")),
            "192" => (Some(T::Coerce), Some("seize")),
            "193" => (Some(T::Assault), Some("firearms")),
            "194" | "195" => (Some(T::Assault), Some("heavy-weapons")),
            _ if s.starts_with("19") => (Some(T::Assault), None),
            "200" | "202" => (Some(T::Assault), Some("massacre")),
            "201" | "203" => (Some(T::Assault), Some("cleansing")),
            "204" | "2041" | "2042" => (Some(T::Assault), Some("unconventional")),
            _ => (Some(T::Assault), None),
        };
        Plover { event_type: t, mode }
    }
}

fn request_mode(s: &str) -> Option<&'static str> {
    // CAMEO 02x (appeal) and 10x (demand) share their third digit's meaning.
    match &s[2..] {
        "" | "0" => None,
        x if x.starts_with('1') || x.starts_with('2') || x.starts_with('3') => Some("assist"),
        x if x.starts_with('4') => Some("change"),
        "5" => Some("change"),
        x if x.starts_with('5') => Some("yield"),
        _ => Some("meet"),
    }
}

fn reject_mode(s: &str) -> Option<&'static str> {
    match s {
        "120" => None,
        "124" | "1241" | "1242" => Some("change"),
        _ if s.starts_with("121") || s.starts_with("122") => Some("assist"),
        _ if s.starts_with("123") => Some("change"),
        "125" | "126" | "127" => Some("meet"),
        _ => Some("yield"),
    }
}

fn threaten_mode(s: &str) -> Option<&'static str> {
    match s {
        "130" | "131" => None,
        "1311" | "1313" | "133" | "134" | "135" | "139" => Some("relations"),
        "1312" | "1323" | "1324" | "1381" => Some("restrict"),
        "132" | "1322" => Some("ban"),
        "1321" => Some("political"),
        "136" => Some("expel"),
        "1382" => Some("territory"),
        _ => Some("violence"),
    }
}

fn protest_mode(s: &str) -> Option<&'static str> {
    match s.get(..3) {
        Some("141") => Some("demo"),
        Some("142") => Some("hunger"),
        Some("143") => Some("boycott"),
        Some("144") => Some("obstruct"),
        Some("145") => Some("riot"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of the published crosswalk, when present beside the repository, agrees
    /// with our table on type and mode.
    #[test]
    fn agrees_with_published_crosswalk() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance/plover/CAMEO2PLOVER-2021.txt");
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let mut checked = 0;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((code, rest)) = line.split_once(':') else {
                continue;
            };
            let Ok(code) = code.trim().parse::<CameoCode>() else {
                continue;
            };
            // Root lines name only a heading. In the 175 lines the published table puts a
            // context ("pro_autocracy") in the mode column; PLOVER has no such mode.
            if code.level() == 1 || code.as_str() == "175" {
                continue;
            }
            let mut parts = rest.split(',').map(str::trim);
            let ty = parts.next().unwrap_or("");
            let mode = parts.next().unwrap_or("");
            let ours = code.plover();
            assert_eq!(ours.event_type.map(PloverType::as_str), Some(ty), "type of {code}");
            assert_eq!(ours.mode.unwrap_or(""), mode, "mode of {code}");
            checked += 1;
        }
        assert!(checked > 250, "only {checked} lines checked");
    }

    #[test]
    fn every_code_maps_without_panicking() {
        for code in CameoCode::all() {
            let p = code.plover();
            if code.root_number() >= 2 {
                assert!(p.event_type.is_some(), "{code}");
            }
        }
    }
}
