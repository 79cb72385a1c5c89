//! The real article in ../shared/examples/qusayr.txt (read from the shared folder, never
//! copied into the repository): the events a reader expects.

use casus_coder::Coder;
use casus_text::Document;

use crate::root;

#[test]
fn qusayr_expected_events() {
    let path = root().join("../shared/examples/qusayr.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not present", path.display());
        return;
    };
    let coded = Coder::embedded().code(&Document::from_plain("qusayr", text.clone()));
    let has = |src: &str, tgt: Option<&str>, root: &str| {
        coded.events.iter().any(|e| {
            e.source.as_str().starts_with(src)
                && match tgt {
                    Some(t) => e.target.is_some_and(|x| x.as_str().starts_with(t)),
                    None => true,
                }
                && e.code.as_str().starts_with(root)
        })
    };
    let listing: Vec<String> =
        coded.events.iter().map(|e| format!("{} {} {:?} {}", e.sentence, e.source, e.target, e.code)).collect();
    // Regime forces and Hezbollah recapture Qusayr: root 19.
    assert!(has("SYR", None, "19"), "no Syrian root-19 event: {listing:#?}");
    assert!(has("LBN", None, "19"), "no Hezbollah root-19 event: {listing:#?}");
    // Saudi Arabia, Qatar and Turkey give the rebels military and economic aid.
    for giver in ["SAU", "QAT", "TUR"] {
        assert!(has(giver, Some("SYRREB"), "072"), "no {giver} → SYRREB 072: {listing:#?}");
        assert!(has(giver, Some("SYRREB"), "071"), "no {giver} → SYRREB 071: {listing:#?}");
    }
    // The US and Europe impose sanctions on the Syrian government.
    assert!(has("USA", Some("SYRGOV"), "163"), "no USA → SYRGOV 163: {listing:#?}");
    assert!(has("EUR", Some("SYRGOV"), "163"), "no EUR → SYRGOV 163: {listing:#?}");
    // The recapture is placed in Al Qusayr, Homs, Syria (not the Egyptian Al Qusayr), with
    // coordinates, from the sentence.
    let recapture = coded
        .events
        .iter()
        .find(|e| e.code.root_number() == 19 && e.text.contains("recapture"))
        .unwrap_or_else(|| panic!("no recapture event: {listing:#?}"));
    let loc = recapture.location.as_ref().unwrap_or_else(|| panic!("recapture has no location"));
    assert_eq!(loc.country, "SYR", "{loc:?}");
    assert_eq!(loc.admin1.as_deref(), Some("Homs"), "{loc:?}");
    assert!(loc.name.contains("Qu"), "{loc:?}");
    assert!((loc.lat - 34.5).abs() < 0.3 && (loc.lon - 36.6).abs() < 0.3, "{loc:?}");
    // Dated from the article: "yesterday" against the publication date.
    let mut dated = Document::from_plain("qusayr", text.clone());
    dated.date = "2013-06-06".parse().ok();
    let coded_dated = Coder::embedded().code(&dated);
    let rec = coded_dated.events.iter().find(|e| e.code.root_number() == 19 && e.text.contains("recapture"));
    assert_eq!(rec.and_then(|e| e.date).map(|d| d.to_string()).as_deref(), Some("2013-06-05"));
    assert_eq!(rec.and_then(|e| e.date_raw.as_deref()), Some("yesterday"));
    // Every event carries its provenance and spans that slice the text.
    for e in &coded.events {
        assert_eq!(text.get(e.spans.verb.range()), Some(e.verb_text.as_str()));
        assert_eq!(text.get(e.spans.source.range()), Some(e.source_text.as_str()));
        assert!(!e.rule.is_empty());
    }
}
