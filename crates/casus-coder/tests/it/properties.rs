//! Properties that hold for any input.

use proptest::prelude::*;

use crate::code;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics_and_spans_slice(s in "\\PC{0,600}") {
        let c = code(&s, None);
        for e in &c.events {
            prop_assert!(s.get(e.spans.verb.range()).is_some());
            prop_assert!(s.get(e.spans.source.range()).is_some());
        }
    }

    #[test]
    fn news_like_text_never_panics(words in proptest::collection::vec(prop::sample::select(vec![
        "Syria", "rebels", "attacked", "the", "army", "and", "Turkey", ",", "said", "not", "them", "were",
        "by", "sanctions", "imposed", "on", "Iran", ".", "its", "they", "provided", "with", "arms", "\"",
        "Mr.", "U.S.", "'s", "who", "to", "fight", "recapture", "of", "Hezbollah", "-", "it",
    ]), 0..60)) {
        let text = words.join(" ");
        let _ = code(&text, Some("2015-01-01"));
    }
}
