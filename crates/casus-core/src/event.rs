//! Coded events.

use serde::{Deserialize, Serialize};

use crate::{ActorCode, CameoCode, Date, Location, Plover, Span};

/// Byte spans of an event's parts in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EventSpans {
    /// The source actor's words.
    pub source: Span,
    /// The target actor's words, if there is a target.
    pub target: Option<Span>,
    /// The verb (or event noun) that triggered the event.
    pub verb: Span,
}

/// One coded event: who did what to whom, with its provenance.
///
/// Serialized to JSON with the fields `doc, sentence, date, source, target, source_text,
/// target_text, verb_text, code, root, quad_class, goldstein, plover, negated, text, spans,
/// rule`, and `date_raw` and `location` when known (see `docs/formats/events.md`); `root`, `quad_class`, `goldstein` and `plover` are
/// derived from `code`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Document id (file stem or JSON Lines `id`).
    pub doc: String,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// Event date (publication date unless the sentence states another).
    pub date: Option<Date>,
    /// Source actor.
    pub source: ActorCode,
    /// Target actor, if any.
    pub target: Option<ActorCode>,
    /// Source actor as written.
    pub source_text: String,
    /// Target actor as written.
    pub target_text: Option<String>,
    /// Verb phrase as written.
    pub verb_text: String,
    /// CAMEO event code.
    pub code: CameoCode,
    /// Whether the sentence negates the event ("did not attack").
    pub negated: bool,
    /// The sentence text.
    pub text: String,
    /// Byte spans into the document text.
    pub spans: EventSpans,
    /// Id of the lexicon entry that produced the event.
    pub rule: String,
    /// The date expression the event's date comes from, when the sentence states one
    /// ("yesterday", "on June 4").
    pub date_raw: Option<String>,
    /// Where the event happened, when known.
    pub location: Option<Location>,
}

#[derive(Serialize, Deserialize)]
struct Wire<'a> {
    doc: std::borrow::Cow<'a, str>,
    sentence: usize,
    date: Option<Date>,
    source: ActorCode,
    target: Option<ActorCode>,
    source_text: std::borrow::Cow<'a, str>,
    target_text: Option<std::borrow::Cow<'a, str>>,
    verb_text: std::borrow::Cow<'a, str>,
    code: CameoCode,
    #[serde(skip_deserializing)]
    root: Option<CameoCode>,
    #[serde(skip_deserializing)]
    quad_class: u8,
    #[serde(skip_deserializing)]
    goldstein: f32,
    #[serde(skip_deserializing)]
    plover: Option<Plover>,
    negated: bool,
    text: std::borrow::Cow<'a, str>,
    spans: EventSpans,
    rule: std::borrow::Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date_raw: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Wire {
            doc: self.doc.as_str().into(),
            sentence: self.sentence,
            date: self.date,
            source: self.source,
            target: self.target,
            source_text: self.source_text.as_str().into(),
            target_text: self.target_text.as_deref().map(Into::into),
            verb_text: self.verb_text.as_str().into(),
            code: self.code,
            root: Some(self.code.root()),
            quad_class: self.code.quad_class().as_u8(),
            goldstein: self.code.goldstein(),
            plover: Some(self.code.plover()),
            negated: self.negated,
            text: self.text.as_str().into(),
            spans: self.spans,
            rule: self.rule.as_str().into(),
            date_raw: self.date_raw.as_deref().map(Into::into),
            location: self.location.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = Wire::deserialize(d)?;
        Ok(Event {
            doc: w.doc.into_owned(),
            sentence: w.sentence,
            date: w.date,
            source: w.source,
            target: w.target,
            source_text: w.source_text.into_owned(),
            target_text: w.target_text.map(std::borrow::Cow::into_owned),
            verb_text: w.verb_text.into_owned(),
            code: w.code,
            negated: w.negated,
            text: w.text.into_owned(),
            spans: w.spans,
            rule: w.rule.into_owned(),
            date_raw: w.date_raw.map(std::borrow::Cow::into_owned),
            location: w.location,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Event {
        Event {
            doc: "qusayr".into(),
            sentence: 3,
            date: "2013-06-05".parse().ok(),
            source: "SAU".parse().unwrap_or_else(|e| panic!("{e}")),
            target: "SYRREB".parse().ok(),
            source_text: "Saudi Arabia".into(),
            target_text: Some("them".into()),
            verb_text: "providing".into(),
            code: "072".parse().unwrap_or_else(|e| panic!("{e}")),
            negated: false,
            text: "Saudi Arabia ... providing them with arms.".into(),
            spans: EventSpans { source: Span::new(0, 12), target: Some(Span::new(30, 34)), verb: Span::new(20, 29) },
            rule: "072:provide + with * &ARMS".into(),
            date_raw: None,
            location: None,
        }
    }

    #[test]
    fn json_has_the_documented_fields() {
        let v = serde_json::to_value(sample()).unwrap_or_default();
        let keys: Vec<&str> = v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        for k in [
            "doc",
            "sentence",
            "date",
            "source",
            "target",
            "source_text",
            "target_text",
            "verb_text",
            "code",
            "root",
            "quad_class",
            "goldstein",
            "plover",
            "negated",
            "text",
            "spans",
            "rule",
        ] {
            assert!(keys.contains(&k), "missing {k}");
        }
        assert_eq!(v["code"], "072");
        assert_eq!(v["root"], "07");
        assert_eq!(v["quad_class"], 2);
        assert_eq!(v["plover"]["type"], "AID");
        assert_eq!(v["spans"]["verb"], serde_json::json!([20, 29]));
    }

    #[test]
    fn json_round_trips() {
        let e = sample();
        let json = serde_json::to_string(&e).unwrap_or_default();
        let back: Event = serde_json::from_str(&json).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(back, e);
    }
}
