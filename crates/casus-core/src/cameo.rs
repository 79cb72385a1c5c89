//! CAMEO 1.1b3 event codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Plover};

mod table;

/// One of the 311 CAMEO 1.1b3 event codes (`"01"`, `"072"`, `"0211"`), or a code a
/// dictionary defines outside the codebook ([`CameoCode::custom`]).
///
/// The code is validated at parse time (`FromStr` accepts the codebook only) and carries its
/// codebook facts: name, Goldstein value, root and quad class. It is `Copy` and one `u16` wide.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode(u16);

/// The GDELT/ICEWS quad class of an event code, from its root:
/// 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict,
/// 14–20 material conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// Roots 01–05.
    VerbalCooperation = 1,
    /// Roots 06–08.
    MaterialCooperation = 2,
    /// Roots 09–13.
    VerbalConflict = 3,
    /// Roots 14–20.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The class number, 1–4.
    #[must_use]
    pub fn as_u8(self) -> u8 {
        self as u8
    }

    /// The quad class of a root number 1–20; `None` outside that range.
    #[must_use]
    pub fn of_root(root: u8) -> Option<QuadClass> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=8 => Some(QuadClass::MaterialCooperation),
            9..=13 => Some(QuadClass::VerbalConflict),
            14..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

impl CameoCode {
    /// Every code in the codebook, in code order.
    pub fn all() -> impl Iterator<Item = CameoCode> {
        (0..table::CODES.len()).filter_map(|i| u16::try_from(i).ok().map(CameoCode))
    }

    fn entry(self) -> &'static (&'static str, f32, &'static str) {
        match table::CODES.get(usize::from(self.0)) {
            Some(e) => e,
            None => custom::entry(usize::from(self.0) - table::CODES.len()),
        }
    }

    /// A code a dictionary defines outside the CAMEO codebook (PETRARCH validation files
    /// use WEIS-era codes such as `"212"` or `"174K"`): 1 to 6 ASCII letters, digits or
    /// `+`. A CAMEO code is returned as such. Dictionary-defined codes have no Goldstein value
    /// (0.0), no PLOVER type, and the name `"dictionary-defined code"`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCameoCode`] when the text is not of that form.
    pub fn custom(code: &str) -> Result<CameoCode, Error> {
        let code = code.trim();
        if let Ok(c) = code.parse() {
            return Ok(c);
        }
        let well_formed = (1..=6).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+');
        if !well_formed {
            return Err(Error::UnknownCameoCode { code: code.to_owned() });
        }
        let i = custom::intern(code).ok_or_else(|| Error::UnknownCameoCode { code: code.to_owned() })?;
        u16::try_from(table::CODES.len() + i)
            .map(CameoCode)
            .map_err(|_| Error::UnknownCameoCode { code: code.to_owned() })
    }

    /// Whether the code is dictionary-defined, not from the CAMEO codebook.
    #[must_use]
    pub fn is_custom(self) -> bool {
        usize::from(self.0) >= table::CODES.len()
    }

    /// The code as written: `"072"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.entry().0
    }

    /// The codebook name: `"Provide military aid"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    /// The Goldstein conflict–cooperation value, −10 to +10.
    #[must_use]
    pub fn goldstein(self) -> f32 {
        self.entry().1
    }

    /// The root code (`"07"` for `"072"`; a root is its own root).
    #[must_use]
    pub fn root(self) -> CameoCode {
        // (Codebook codes read it from a table made on first use: this is asked often.)
        static ROOTS: std::sync::OnceLock<Vec<CameoCode>> = std::sync::OnceLock::new();
        if !self.is_custom() {
            let roots = ROOTS.get_or_init(|| {
                (0..table::CODES.len())
                    .filter_map(|i| u16::try_from(i).ok())
                    .map(|i| CameoCode(i).root_of_text())
                    .collect()
            });
            if let Some(&root) = roots.get(usize::from(self.0)) {
                return root;
            }
        }
        self.root_of_text()
    }

    /// [`CameoCode::root`], found from the code's text.
    fn root_of_text(self) -> CameoCode {
        let root = &self.as_str()[..2];
        root.parse().unwrap_or(self)
    }

    /// The root as a number, 1–20.
    #[must_use]
    pub fn root_number(self) -> u8 {
        self.as_str()[..2].parse().unwrap_or(0)
    }

    /// The code one level up (`"0211"` → `"021"` → `"02"`), or `None` for a root.
    #[must_use]
    pub fn parent(self) -> Option<CameoCode> {
        let s = self.as_str();
        (s.len() > 2).then(|| s[..s.len() - 1].parse().ok()).flatten()
    }

    /// 1 for a root, 2 for a three-digit code, 3 for a four-digit code.
    #[must_use]
    pub fn level(self) -> u8 {
        match self.as_str().len() {
            2 => 1,
            3 => 2,
            _ => 3,
        }
    }

    /// The quad class of the code's root.
    #[must_use]
    pub fn quad_class(self) -> QuadClass {
        QuadClass::of_root(self.root_number()).unwrap_or(QuadClass::VerbalCooperation)
    }

    /// The PLOVER event type and mode for this code.
    #[must_use]
    pub fn plover(self) -> Plover {
        Plover::of(self)
    }

    /// The CAMEO 03 code for expressing intent to do `self` ("pledged to provide military
    /// aid": 072 → 0332), or `None` when the action has no intent counterpart. Conflictual
    /// actions map to threats instead (see [`CameoCode::threat_of`]).
    #[must_use]
    pub fn intent_of(self) -> Option<CameoCode> {
        let s = self.as_str();
        let to = match s {
            "045" => "039",
            _ if s.starts_with("04") => "036",
            "057" => "037",
            _ if s.starts_with("05") => "032",
            "060" | "06" => "031",
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ if s.starts_with("07") => "033",
            "083" => "034",
            "0831" => "0341",
            "0832" => "0342",
            "0833" => "0343",
            "0834" => "0344",
            "082" => "0352",
            "085" => "0354",
            _ if s.starts_with("081") => "0351",
            _ if s.starts_with("084") => "0353",
            _ if s.starts_with("086") => "0355",
            _ if s.starts_with("087") => "0356",
            _ if s.starts_with("08") => "035",
            _ => return self.threat_of(),
        };
        to.parse().ok()
    }

    /// The CAMEO 10 code for demanding that someone do `self` ("ordered France to pull its
    /// troops out": 0874 → 106), or `None` where CAMEO has none (demands to use force).
    /// CAMEO's demands mirror its appeals (`0253` ↔ `1053`), apart from ceasefires and
    /// withdrawals, which have demand codes of their own.
    #[must_use]
    pub fn demand_of(self) -> Option<CameoCode> {
        let to = match self.as_str() {
            "0871" => "107".to_owned(),
            "0872" | "0873" | "0874" => "106".to_owned(),
            _ => match self.appeal_of()?.as_str() {
                "020" => "100".to_owned(),
                "026" | "027" => "108".to_owned(),
                "028" => "105".to_owned(),
                a => format!("10{}", &a[2..]),
            },
        };
        to.parse().ok()
    }

    /// The CAMEO 02 code for appealing to someone to do `self` ("urged Kenya to release the
    /// detainees": 0841 → 0253), or `None` where CAMEO has none.
    #[must_use]
    pub fn appeal_of(self) -> Option<CameoCode> {
        let s = self.as_str();
        let to = match s {
            "045" | "046" => "028",
            _ if s.starts_with("04") => "026",
            "057" => "027",
            _ if s.starts_with("05") => "022",
            "061" => "0211",
            "062" => "0212",
            "063" => "0213",
            "064" => "0214",
            "071" => "0231",
            "072" => "0232",
            "073" => "0233",
            "074" => "0234",
            _ if s.starts_with("07") => "023",
            "0831" => "0241",
            "0832" => "0242",
            "0833" => "0243",
            "0834" => "0244",
            _ if s.starts_with("083") => "024",
            "081" | "0811" | "0812" | "0813" | "0814" => "0251",
            "082" => "0252",
            "085" => "0254",
            _ if s.starts_with("084") => "0253",
            _ if s.starts_with("086") => "0255",
            _ if s.starts_with("087") => "0256",
            _ if s.starts_with("06") || s.starts_with("08") || s.starts_with("09") => "020",
            _ => return None,
        };
        to.parse().ok()
    }

    /// The CAMEO 12 code for refusing to do `self` ("refused to release the prisoners":
    /// 0841 → 1243).
    #[must_use]
    pub fn refusal_of(self) -> Option<CameoCode> {
        let s = self.as_str();
        let to = match s {
            "045" => "126",
            _ if s.starts_with("04") => "125",
            "057" => "127",
            "061" => "1211",
            "062" => "1212",
            _ if s.starts_with("06") => "121",
            "071" => "1221",
            "072" => "1222",
            "073" => "1223",
            "074" => "1224",
            _ if s.starts_with("07") => "122",
            "0831" => "1231",
            "0832" => "1232",
            "0833" => "1233",
            "0834" => "1234",
            _ if s.starts_with("083") => "123",
            "082" => "1242",
            "085" => "1244",
            _ if s.starts_with("081") => "1241",
            _ if s.starts_with("084") => "1243",
            _ if s.starts_with("086") => "1245",
            _ if s.starts_with("087") => "1246",
            _ if s.starts_with("08") => "124",
            _ if s.starts_with("01") || s.starts_with("02") || s.starts_with("03") || s.starts_with("05") => "120",
            _ => return None,
        };
        to.parse().ok()
    }

    /// The CAMEO 13 code for threatening to do `self` ("threatened to impose sanctions":
    /// 163 → 1312), or `None` for cooperative actions.
    #[must_use]
    pub fn threat_of(self) -> Option<CameoCode> {
        let s = self.as_str();
        let to = match s {
            "161" => "1313",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            _ if s.starts_with("162") => "1311",
            _ if s.starts_with("166") => "136",
            _ if s.starts_with("16") => "131",
            "172" => "132",
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            "175" => "137",
            _ if s.starts_with("17") => "130",
            _ if s.starts_with("14") => "133",
            _ if s.starts_with("15") => "138",
            _ if s.starts_with("18") => "1383",
            "191" => "1381",
            "192" => "1382",
            "190" | "19" => "138",
            _ if s.starts_with("19") => "1384",
            _ if s.starts_with("204") => "1385",
            _ if s.starts_with("20") => "1383",
            _ if s.starts_with("12") => "130",
            _ => return None,
        };
        to.parse().ok()
    }

    /// Whether `self` is `other` or one of its descendants (`"0721"` is within `"07"`).
    #[must_use]
    pub fn is_within(self, other: CameoCode) -> bool {
        self.as_str().starts_with(other.as_str())
    }
}

impl FromStr for CameoCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        table::CODES
            .binary_search_by(|(code, _, _)| (*code).cmp(s))
            .ok()
            .and_then(|i| u16::try_from(i).ok())
            .map(CameoCode)
            .ok_or_else(|| Error::UnknownCameoCode { code: s.to_owned() })
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl Serialize for CameoCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CameoCode {
    /// Accepts CAMEO codes and dictionary-defined ones (see [`CameoCode::custom`]), so that
    /// events casus wrote read back.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CameoCode::custom(&s).map_err(serde::de::Error::custom)
    }
}

/// The process-wide table of dictionary-defined codes: interned once, never removed (a
/// dictionary defines a few dozen at most).
mod custom {
    use std::sync::RwLock;

    static CODES: RwLock<Vec<&'static (&'static str, f32, &'static str)>> = RwLock::new(Vec::new());

    /// At most this many distinct dictionary-defined codes per process.
    const MAX: usize = 4096;

    pub(super) fn intern(code: &str) -> Option<usize> {
        if let Some(i) = CODES.read().ok()?.iter().position(|e| e.0 == code) {
            return Some(i);
        }
        let mut w = CODES.write().ok()?;
        if let Some(i) = w.iter().position(|e| e.0 == code) {
            return Some(i);
        }
        if w.len() >= MAX {
            return None;
        }
        let name: &'static str = Box::leak(code.to_owned().into_boxed_str());
        w.push(Box::leak(Box::new((name, 0.0, "dictionary-defined code"))));
        Some(w.len() - 1)
    }

    pub(super) fn entry(i: usize) -> &'static (&'static str, f32, &'static str) {
        static UNKNOWN: (&str, f32, &str) = ("---", 0.0, "dictionary-defined code");
        CODES.read().ok().and_then(|v| v.get(i).copied()).unwrap_or(&UNKNOWN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CameoCode {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn table_is_sorted_and_complete() {
        assert_eq!(table::CODES.len(), 311);
        assert!(table::CODES.windows(2).all(|w| w[0].0 < w[1].0));
        for root in 1..=20 {
            let r = code(&format!("{root:02}"));
            assert_eq!(r.level(), 1);
            assert_eq!(r.root(), r);
        }
    }

    #[test]
    fn every_code_has_the_root_its_text_names() {
        for (text, ..) in table::CODES {
            let c = code(text);
            assert_eq!(c.root(), c.root_of_text(), "{text}");
            assert_eq!(c.root().as_str(), &text[..2], "{text}");
        }
    }

    #[test]
    fn dictionary_defined_codes() {
        let c = CameoCode::custom("174K").unwrap_or_else(|e| panic!("{e}"));
        assert!(c.is_custom());
        assert_eq!(c.as_str(), "174K");
        assert_eq!(c.goldstein(), 0.0);
        assert_eq!(CameoCode::custom("174K").ok(), Some(c));
        assert_eq!(c.parent(), Some(code("174")));
        assert!(!CameoCode::custom("072").unwrap_or_else(|e| panic!("{e}")).is_custom());
        assert!(CameoCode::custom("a b").is_err());
        assert!(CameoCode::custom("---").is_err());
        assert!("174K".parse::<CameoCode>().is_err(), "FromStr stays strict");
        let back: CameoCode = serde_json::from_str("\"174K\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, c);
    }

    #[test]
    fn facts_of_known_codes() {
        let c = code("163");
        assert_eq!(c.name(), "Impose embargo, boycott, or sanctions");
        assert_eq!(c.root().as_str(), "16");
        assert_eq!(c.quad_class(), QuadClass::MaterialConflict);
        assert!((c.goldstein() - (-8.0)).abs() < f32::EPSILON);
        assert_eq!(code("0211").parent(), Some(code("021")));
        assert_eq!(code("021").parent(), Some(code("02")));
        assert_eq!(code("02").parent(), None);
        assert!(code("0211").is_within(code("02")));
        assert!(!code("0211").is_within(code("03")));
    }

    #[test]
    fn quad_classes_follow_gdelt_convention() {
        for (root, quad) in [(1, 1), (5, 1), (6, 2), (8, 2), (9, 3), (13, 3), (14, 4), (20, 4)] {
            assert_eq!(code(&format!("{root:02}")).quad_class().as_u8(), quad);
        }
    }

    #[test]
    fn intent_refusal_and_threat_counterparts() {
        assert_eq!(code("072").intent_of(), Some(code("0332")));
        assert_eq!(code("046").intent_of(), Some(code("036")));
        assert_eq!(code("0841").intent_of(), Some(code("0353")));
        assert_eq!(code("190").intent_of(), Some(code("138")));
        assert_eq!(code("0841").refusal_of(), Some(code("1243")));
        assert_eq!(code("046").refusal_of(), Some(code("125")));
        assert_eq!(code("163").threat_of(), Some(code("1312")));
        assert_eq!(code("195").threat_of(), Some(code("1384")));
        assert_eq!(code("072").threat_of(), None);
        // Every mapping lands on a real code of the right root.
        for c in CameoCode::all() {
            assert!(c.intent_of().is_none_or(|x| matches!(x.root_number(), 3 | 13)));
            assert!(c.refusal_of().is_none_or(|x| x.root_number() == 12));
            assert!(c.threat_of().is_none_or(|x| x.root_number() == 13));
        }
    }

    #[test]
    fn demand_and_appeal_counterparts() {
        assert_eq!(code("0874").demand_of(), Some(code("106")));
        assert_eq!(code("085").demand_of(), Some(code("1054")));
        assert_eq!(code("0841").demand_of(), Some(code("1053")));
        assert_eq!(code("0841").appeal_of(), Some(code("0253")));
        assert_eq!(code("074").appeal_of(), Some(code("0234")));
        assert_eq!(code("190").demand_of(), None);
        for c in CameoCode::all() {
            assert!(c.demand_of().is_none_or(|x| x.root_number() == 10), "{c}");
            assert!(c.appeal_of().is_none_or(|x| x.root_number() == 2), "{c}");
        }
    }

    #[test]
    fn rejects_unknown_codes() {
        for bad in ["", "0", "21", "999", "07a", "0722x"] {
            assert!(bad.parse::<CameoCode>().is_err(), "{bad}");
        }
    }

    /// Our table against the shared codebook, when it is present beside the repository.
    #[test]
    fn matches_shared_codebook() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance/cameo/cameo-codes.tsv");
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let mut n = 0;
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let c = code(f[0]);
            assert_eq!(c.root().as_str(), f[1]);
            assert_eq!(c.level().to_string(), f[2]);
            assert_eq!(format!("{:.1}", c.goldstein()), format!("{:.1}", f[3].parse::<f32>().unwrap_or(99.0)));
            assert_eq!(c.quad_class().as_u8().to_string(), f[4]);
            assert_eq!(c.name(), f[5].trim());
            n += 1;
        }
        assert_eq!(n, 311);
    }
}
