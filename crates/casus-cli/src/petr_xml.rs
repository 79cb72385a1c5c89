//! PETRARCH's XML formats: the input `<Sentences><Sentence date id source><Text><Parse>`
//! and the unit-test records (`<Validation><Environment>...<Sentences>` with
//! `<EventCoding>` and `<Config>` elements).

use std::path::Path;

use anyhow::Context as _;
use casus_core::Date;

/// Expected coding of a test record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expected {
    /// These (source, target, code) triples.
    Events(Vec<(String, String, String)>),
    /// No events at all.
    NoEvents,
    /// The record is meant to raise this error in PETRARCH (`dateline`, `storydiscard`, ...).
    Error(String),
}

/// One sentence of PETRARCH XML (input or test record).
#[derive(Debug, Clone)]
pub(crate) struct PetrSentence {
    pub id: String,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub category: String,
    /// `sentence="true"`: the record takes part in validation.
    pub eligible: bool,
    pub text: String,
    /// The record's Penn Treebank parse: casus parses the text itself (kept for reports).
    #[allow(dead_code)]
    pub parse: Option<String>,
    pub expected: Expected,
}

/// An item of a records file, in order.
#[derive(Debug, Clone)]
pub(crate) enum RecordItem {
    /// `<Config option value>` switch that applies to the following records.
    Config(String, String),
    /// A sentence.
    Sentence(Box<PetrSentence>),
}

/// The `<Environment>` block of a records file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Environment {
    pub verbfile: Option<String>,
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    pub include: Vec<String>,
    pub configs: Vec<(String, String)>,
}

fn date_of(s: &str) -> Option<Date> {
    casus_text::parse_loose_date(s)
}

fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<String>()
}

fn clean_code(s: &str) -> String {
    s.trim().to_owned()
}

fn sentence(node: roxmltree::Node<'_, '_>) -> PetrSentence {
    let mut events = Vec::new();
    let mut expected = None;
    let mut text = String::new();
    let mut parse = None;
    for c in node.children().filter(roxmltree::Node::is_element) {
        match c.tag_name().name() {
            "EventCoding" => {
                if let Some(e) = c.attribute("error") {
                    expected = Some(Expected::Error(e.to_owned()));
                } else if c.attribute("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                    expected = Some(Expected::NoEvents);
                } else {
                    events.push((
                        clean_code(c.attribute("sourcecode").unwrap_or("")),
                        clean_code(c.attribute("targetcode").unwrap_or("")),
                        clean_code(c.attribute("eventcode").unwrap_or("")),
                    ));
                }
            }
            "Text" => text = text_of(c),
            "Parse" => parse = Some(text_of(c)),
            _ => {}
        }
    }
    // Hard-wrapped record text: one sentence, so join its lines.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    PetrSentence {
        id: node.attribute("id").unwrap_or("").to_owned(),
        date: node.attribute("date").and_then(date_of),
        source: node.attribute("source").map(str::to_owned),
        category: node.attribute("category").unwrap_or("").to_owned(),
        eligible: node
            .attribute("sentence")
            .or_else(|| node.attribute("valid"))
            .is_none_or(|v| v.eq_ignore_ascii_case("true")),
        text,
        parse,
        expected: expected.unwrap_or(Expected::Events(events)),
    }
}

/// Reads a PETRARCH XML file: its environment (for records files) and its items.
pub(crate) fn read(path: &Path) -> anyhow::Result<(Environment, Vec<RecordItem>)> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(raw).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!("{}:{line}: invalid UTF-8", path.display())
    })?;
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(&text, opts)
        .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), e.pos().row))?;
    let mut env = Environment::default();
    let mut items = Vec::new();
    for node in doc.root().descendants().filter(roxmltree::Node::is_element) {
        match node.tag_name().name() {
            "Environment" => {
                for c in node.children().filter(roxmltree::Node::is_element) {
                    let v = text_of(c).trim().to_owned();
                    match c.tag_name().name() {
                        "Verbfile" => env.verbfile = Some(v),
                        "Actorfile" => {
                            env.actorfiles.extend(v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()))
                        }
                        "Agentfile" => env.agentfile = Some(v),
                        "Discardfile" => env.discardfile = Some(v),
                        "Include" => env.include = v.split_whitespace().map(str::to_owned).collect(),
                        "Config" => env.configs.push((
                            c.attribute("option").unwrap_or("").to_owned(),
                            c.attribute("value").unwrap_or("").to_owned(),
                        )),
                        _ => {}
                    }
                }
            }
            "Config" if node.parent().is_some_and(|p| p.tag_name().name() != "Environment") => {
                items.push(RecordItem::Config(
                    node.attribute("option").unwrap_or("").to_owned(),
                    node.attribute("value").unwrap_or("").to_owned(),
                ));
            }
            "Sentence" => items.push(RecordItem::Sentence(Box::new(sentence(node)))),
            _ => {}
        }
    }
    Ok((env, items))
}
