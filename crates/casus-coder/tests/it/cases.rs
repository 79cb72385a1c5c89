//! Hard constructions, one behaviour per test, with the embedded lexicon.

use casus_coder::CoderOptions;

use crate::{code, code_with, triples};

fn has(c: &casus_coder::Coded, src: &str, tgt: &str, root: &str) -> bool {
    triples(c).iter().any(|(s, t, k)| s == src && t == tgt && k.starts_with(root))
}

#[test]
fn passive_voice_swaps_roles() {
    let c = code("Economic sanctions were imposed on Syria by the United States.", Some("2013-06-05"));
    assert!(has(&c, "USA", "SYR", "163"), "{:?}", triples(&c));
}

#[test]
fn compound_subjects_give_one_event_each() {
    let c = code("Saudi Arabia, Qatar and Turkey condemned Israel.", Some("2014-01-01"));
    for s in ["SAU", "QAT", "TUR"] {
        assert!(has(&c, s, "ISR", "11"), "{s}: {:?}", triples(&c));
    }
}

#[test]
fn negation_is_marked_and_dropped_by_default() {
    let c = code("Turkish troops did not attack Kurdish rebels.", None);
    assert!(c.events.is_empty(), "{:?}", triples(&c));
    let c = code_with(
        "Turkish troops did not attack Kurdish rebels.",
        CoderOptions { keep_negated: true, ..CoderOptions::default() },
    );
    assert!(c.events.iter().all(|e| e.negated) && !c.events.is_empty());
}

#[test]
fn reported_speech_codes_the_embedded_event() {
    let c = code("Russia said Ukrainian forces shelled Donetsk rebels.", Some("2015-01-01"));
    assert!(has(&c, "UKRMIL", "UKRREB", "19"), "{:?}", triples(&c));
}

#[test]
fn pronouns_resolve_to_the_last_fitting_actor() {
    let c = code("Iran backs the Houthi rebels. It has sent them weapons.", Some("2016-01-01"));
    assert!(triples(&c).iter().any(|(s, _, k)| s == "IRN" && k.starts_with("07")), "{:?}", triples(&c));
}

#[test]
fn capitals_stand_for_their_country() {
    let c = code("Moscow condemned the air strikes by NATO.", None);
    assert!(triples(&c).iter().any(|(s, _, _)| s == "RUS"), "{:?}", triples(&c));
}

#[test]
fn infinitives_of_intent_are_not_events() {
    let c = code("Syrian rebels vowed to attack the airport.", None);
    assert!(!triples(&c).iter().any(|(_, _, k)| k.starts_with("19")), "{:?}", triples(&c));
}

#[test]
fn questions_and_hypotheticals_are_not_events() {
    let c = code("Would Israel attack Iran?", None);
    assert!(c.events.is_empty(), "{:?}", triples(&c));
    let c = code("Israel could attack Iran, analysts said.", None);
    assert!(!triples(&c).iter().any(|(s, t, _)| s == "ISR" && t == "IRN"), "{:?}", triples(&c));
}

#[test]
fn leaders_code_by_date() {
    let c = code("Putin condemned the attack on Ukraine.", Some("2015-03-01"));
    assert!(triples(&c).iter().any(|(s, _, _)| s == "RUSGOV"), "{:?}", triples(&c));
}
