//! Store tests: insert → query round trips, deduplication, aggregates, exports.

use casus_core::{Date, Event, EventSpans, Span};
use proptest::prelude::*;

use crate::*;

fn must<T, E: std::fmt::Display>(r: std::result::Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn date(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn event(doc: &str, sentence: usize, d: &str, source: &str, target: Option<&str>, code: &str) -> Event {
    Event {
        doc: doc.into(),
        sentence,
        date: date(d),
        source: must(source.parse()),
        target: target.map(|t| must(t.parse())),
        source_text: source.to_lowercase(),
        target_text: target.map(str::to_lowercase),
        verb_text: "verb".into(),
        code: must(code.parse()),
        negated: false,
        text: format!("Sentence {sentence} of {doc}, with\ttab."),
        spans: EventSpans { source: Span::new(0, 3), target: target.map(|_| Span::new(10, 13)), verb: Span::new(4, 9) },
        date_raw: None,
        location: None,
        rule: format!("{code}:verb +"),
    }
}

fn doc(id: &str, source: Option<&str>, events: Vec<Event>) -> DocumentRecord {
    DocumentRecord {
        meta: DocumentMeta {
            id: id.into(),
            date: events.first().and_then(|e| e.date),
            source: source.map(str::to_owned),
            url: Some(format!("https://news.example/{id}")),
            content_hash: content_hash(id),
            lexicon_version: Some("test".into()),
            ingested_at: Some(1_370_390_400),
            ..DocumentMeta::default()
        },
        n_sentences: events.len() + 1,
        sentence_spans: events.iter().map(|e| (e.sentence, Span::new(0, 20))).collect(),
        events,
        locations: Vec::new(),
    }
}

fn sample_store() -> Store {
    let mut s = must(Store::open_in_memory());
    must(s.insert_batch(&[
        doc(
            "a",
            Some("Wire"),
            vec![
                event("a", 0, "2013-06-05", "SYRMIL", Some("SYRREB"), "190"),
                event("a", 1, "2013-06-05", "USA", Some("SYR"), "163"),
            ],
        ),
        doc("b", Some("Daily"), vec![event("b", 0, "2013-06-06", "SYRMIL", Some("SYRREB"), "195")]),
        doc(
            "c",
            Some("Wire"),
            vec![
                event("c", 0, "2013-06-05", "SYRMIL", Some("SYRREB"), "190"),
                event("c", 2, "2013-06-09", "SYRMIL", Some("SYRREB"), "190"),
            ],
        ),
    ]));
    s
}

#[test]
fn insert_then_query_returns_the_events() {
    let s = sample_store();
    assert_eq!(must(s.document_count()), 3);
    assert_eq!(must(s.event_count()), 5);
    let all = must(s.query(&Filter::new()));
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].event, event("a", 0, "2013-06-05", "SYRMIL", Some("SYRREB"), "190"));
    assert_eq!(all[0].doc_source.as_deref(), Some("Wire"));
    assert!(must(s.has_document("b")));
    assert!(!must(s.has_document("z")));
    assert_eq!(must(s.document_ids()).len(), 3);
}

#[test]
fn dictionary_defined_codes_read_back() {
    // PETRARCH dictionaries may code outside the CAMEO codebook (WEIS-era "174K").
    let mut s = must(Store::open_in_memory());
    let mut e = event("w", 0, "1992-01-02", "HOB", Some("GON"), "190");
    e.code = must(casus_core::CameoCode::custom("174K"));
    must(s.insert_batch(&[doc("w", None, vec![e.clone()])]));
    let all = must(s.query(&Filter::new()));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].event.code.as_str(), "174K");
    assert_eq!(all[0].event, e);
}

#[test]
fn duplicate_documents_are_left_out_of_a_batch() {
    let mut s = sample_store();
    let again = doc("a", None, vec![event("a", 0, "2013-06-05", "USA", None, "141")]);
    let r = must(s.insert_batch(&[again, doc("d", None, vec![])]));
    assert_eq!(r, BatchSummary { documents: 1, events: 0, duplicates: 1, duplicate_ids: vec!["a".into()] });
    assert_eq!(must(s.event_count()), 5);
    // A document twice in one batch is stored once.
    let twice = doc("e", None, vec![event("e", 0, "2013-06-05", "USA", None, "141")]);
    let r = must(s.insert_batch(&[twice.clone(), twice]));
    assert_eq!((r.documents, r.events, r.duplicates), (1, 1, 1));
    assert_eq!(must(s.event_count()), 6);
}

#[test]
fn events_of_one_sentence_share_its_row() {
    let mut s = must(Store::open_in_memory());
    let events = vec![
        event("a", 0, "2013-06-05", "USA", Some("IRN"), "163"),
        event("a", 0, "2013-06-05", "GBR", Some("IRN"), "163"),
        event("a", 3, "2013-06-05", "IRN", Some("USA"), "111"),
    ];
    must(s.insert_batch(&[doc("a", None, events)]));
    let n: i64 = must(s.connection().query_row("SELECT count(*) FROM sentences", [], |r| r.get(0)));
    assert_eq!(n, 2);
    let got: Vec<(usize, String)> =
        must(s.query(&Filter::new())).into_iter().map(|e| (e.event.sentence, e.event.text)).collect();
    assert_eq!(got[0], (0, "Sentence 0 of a, with\ttab.".to_owned()));
    assert_eq!(got[1], got[0]);
    assert_eq!(got[2], (3, "Sentence 3 of a, with\ttab.".to_owned()));
}

#[test]
fn deferred_indexes_are_built_again_and_on_reopen() {
    let dir = std::env::temp_dir().join(format!("casus-store-bulk-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bulk.db");
    let _ = std::fs::remove_file(&path);
    let syr = |s: &Store| must(s.query(&Filter::new().actor(must("SYR".parse()), ActorRole::Either))).len();
    {
        let mut s = must(Store::open(&path));
        assert!(must(s.has_indexes()));
        must(s.defer_indexes());
        assert!(!must(s.has_indexes()));
        must(s.insert_batch(&[doc("a", None, vec![event("a", 0, "2013-06-05", "SYRMIL", Some("SYRREB"), "190")])]));
        // Queries still answer, scanning.
        assert_eq!(syr(&s), 1);
        must(s.build_indexes());
        assert!(must(s.has_indexes()));
        // Killed during the next bulk load: the indexes are gone when the process dies.
        must(s.defer_indexes());
        must(s.insert_batch(&[doc("b", None, vec![event("b", 0, "2013-06-06", "SYRMIL", Some("SYRREB"), "195")])]));
    }
    let s = must(Store::open(&path));
    assert!(must(s.has_indexes()));
    assert_eq!(syr(&s), 2);
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn document_lookup_answers_from_another_thread() {
    let dir = std::env::temp_dir().join(format!("casus-store-lookup-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("lookup.db");
    let _ = std::fs::remove_file(&path);
    let mut s = must(Store::open(&path));
    must(s.insert_batch(&[doc("a", None, vec![])]));
    let lookup = must(s.document_lookup());
    let lookup = must(
        std::thread::spawn(move || {
            assert!(must(lookup.contains("a")));
            assert!(!must(lookup.contains("b")));
            lookup
        })
        .join()
        .map_err(|_| "lookup thread panicked"),
    );
    // It sees documents committed after it was made.
    must(s.insert_batch(&[doc("b", None, vec![])]));
    assert!(must(lookup.contains("b")));
    drop((s, lookup));
    let _ = std::fs::remove_dir_all(&dir);

    // An in-memory store answers from the ids it held when the lookup was made.
    let mem = sample_store();
    let lookup = must(mem.document_lookup());
    assert!(must(lookup.contains("c")));
    assert!(!must(lookup.contains("d")));
}

#[test]
fn filters_select_by_actor_prefix_code_dates_and_text() {
    let s = sample_store();
    let n = |f: Filter| must(s.query(&f)).len();
    let syr = must("SYR".parse());
    assert_eq!(n(Filter::new().actor(syr, ActorRole::Either)), 5);
    assert_eq!(n(Filter::new().actor(syr, ActorRole::Source)), 4);
    assert_eq!(n(Filter::new().actor(must("USA".parse()), ActorRole::Target)), 0);
    assert_eq!(n(Filter { code: Some(must("19".parse())), ..Filter::new() }), 4);
    assert_eq!(n(Filter { code: Some(must("195".parse())), ..Filter::new() }), 1);
    assert_eq!(n(Filter { root: Some(16), ..Filter::new() }), 1);
    assert_eq!(n(Filter { quad_class: Some(casus_core::QuadClass::MaterialConflict), ..Filter::new() }), 5);
    assert_eq!(n(Filter { date_from: date("2013-06-06"), date_to: date("2013-06-08"), ..Filter::new() }), 1);
    assert_eq!(n(Filter { text: vec!["of c".into()], ..Filter::new() }), 2);
    assert_eq!(n(Filter { text: vec!["%".into()], ..Filter::new() }), 0);
    assert_eq!(n(Filter { place: Some("SYR".into()), ..Filter::new() }), 0);
    assert_eq!(n(Filter { limit: Some(2), ..Filter::new() }), 2);
}

#[test]
fn one_a_day_merges_same_date_dyad_and_code() {
    let s = sample_store();
    let rows = must(s.daily(&Filter::new()));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].count, 2);
    assert_eq!(rows[0].doc_ids, ["a", "c"]);
    assert_eq!(rows[0].sources, ["Wire"]);
    assert_eq!(rows[0].event_ids.len(), 2);
}

#[test]
fn clusters_join_reports_within_a_day_with_the_same_base_code() {
    let s = sample_store();
    let cs = must(s.clusters(&Filter::new()));
    // a/0, c/0 (06-05, 190) and b/0 (06-06, 195) differ in base code:
    // 190 cluster {a0, c0}, 195 cluster {b0}, 163 {a1}, 190 on 06-09 {c2}.
    assert_eq!(cs.len(), 4);
    let big = &cs[0];
    assert_eq!((big.num_mentions, big.num_articles, big.num_sources), (2, 2, 1));
    assert_eq!(cs.iter().map(|c| c.num_mentions).sum::<usize>(), 5);
}

#[test]
fn clusters_respect_one_day_windows_and_places() {
    let mk = |id: &str, d: &str, country: Option<&str>| {
        let mut r = doc(id, Some(id), vec![event(id, 0, d, "ISR", Some("PSE"), "195")]);
        r.locations = vec![Location { country: country.map(str::to_owned), ..Location::default() }];
        r
    };
    let mut s = must(Store::open_in_memory());
    must(s.insert_batch(&[
        mk("p1", "2014-07-01", Some("PSE")),
        mk("p2", "2014-07-02", None),
        mk("p3", "2014-07-03", Some("PSE")),
        mk("p4", "2014-07-01", Some("ISR")),
    ]));
    let cs = must(s.clusters(&Filter::new()));
    let sizes: Vec<usize> = cs.iter().map(|c| c.num_mentions).collect();
    // p1+p2 (p2's unknown place is compatible); p4 has another place; p3 is two days
    // after p1's cluster started.
    assert_eq!(sizes, [2, 1, 1]);
    assert_eq!(cs[0].num_sources, 2);
}

#[test]
fn aggregates_count_per_period_and_key() {
    let s = sample_store();
    let rows = must(s.aggregate(&Filter::new(), GroupBy::Dyad, Period::Day));
    assert_eq!(rows[0].period, "2013-06-05");
    assert_eq!(rows[0].key, "SYRMIL:SYRREB");
    assert_eq!(rows[0].count, 2);
    assert_eq!(rows[0].quad, [0, 0, 0, 2]);
    assert!((rows[0].goldstein_mean - (-10.0)).abs() < 1e-9);
    let weeks = must(s.aggregate(&Filter::new(), GroupBy::Root, Period::Week));
    // 2013-06-05 is a Wednesday: its week starts Monday 2013-06-03.
    assert_eq!(weeks[0].period, "2013-06-03");
    assert_eq!(weeks.iter().map(|r| r.count).sum::<u64>(), 5);
    let months = must(s.aggregate(&Filter::new(), GroupBy::Quad, Period::Month));
    assert_eq!((months[0].period.as_str(), months[0].key.as_str(), months[0].count), ("2013-06", "4", 5));
}

#[test]
fn exports_have_their_column_counts() {
    let s = sample_store();
    let text = |f: ExportFormat| {
        let mut out = Vec::new();
        must(s.export(&Filter::new(), f, &mut out));
        String::from_utf8(out).unwrap_or_default()
    };
    let gdelt = text(ExportFormat::Gdelt);
    assert_eq!(gdelt.lines().count(), 5);
    for l in gdelt.lines() {
        assert_eq!(l.split('\t').count(), 61, "{l}");
    }
    let first: Vec<&str> = gdelt.lines().next().unwrap_or("").split('\t').collect();
    assert_eq!(&first[1..5], ["20130605", "201306", "2013", "2013.5068"]);
    assert_eq!((first[5], first[15], first[26]), ("SYRMIL", "SYRREB", "190"));
    assert_eq!((first[31], first[32], first[33]), ("2", "1", "2"));
    assert_eq!(first[59], "20130605000000");
    assert_eq!(first[60], "https://news.example/a");

    let phoenix = text(ExportFormat::Phoenix);
    assert_eq!(phoenix.lines().count(), 1 + 4);
    assert!(phoenix.lines().all(|l| l.split('\t').count() == 26));
    assert!(phoenix.contains("https://news.example/a;https://news.example/c"));

    let icews = text(ExportFormat::Icews);
    assert_eq!(icews.lines().count(), 6);
    assert!(icews.lines().all(|l| l.split('\t').count() == 20));
    assert!(icews.contains("\tMilitary\t"));

    let plover = text(ExportFormat::Plover);
    let v: serde_json::Value = must(serde_json::from_str(plover.lines().next().unwrap_or("")));
    assert_eq!(v["event"], "ASSAULT");
    assert_eq!(v["src_actor"], "SYR");
    assert_eq!(v["src_agent"], "MIL");

    let csv = text(ExportFormat::Csv);
    assert_eq!(csv.lines().count(), 6);
    assert!(csv.starts_with("id,doc,sentence,date,"));
    assert!(csv.contains("\"Sentence 0 of a, with\ttab.\""));

    let jsonl = text(ExportFormat::Jsonl);
    let back: Vec<Event> = jsonl.lines().map(|l| must(serde_json::from_str(l))).collect();
    assert_eq!(back.len(), 5);
    assert_eq!(back[4], event("c", 2, "2013-06-09", "SYRMIL", Some("SYRREB"), "190"));
}

#[test]
fn parquet_export_writes_a_parquet_file() {
    let s = sample_store();
    let mut out = Vec::new();
    assert_eq!(must(s.export(&Filter::new(), ExportFormat::Parquet, &mut out)), 5);
    assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
}

#[test]
fn store_reopens_on_disk() {
    let dir = std::env::temp_dir().join(format!("casus-store-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("t.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut s = must(Store::open(&path));
        must(s.insert_batch(&[doc("a", None, vec![event("a", 0, "2013-06-05", "USA", None, "141")])]));
        must(s.set_meta("lexicon_version", "abc"));
    }
    let s = must(Store::open(&path));
    assert_eq!(must(s.event_count()), 1);
    assert_eq!(must(s.meta("lexicon_version")).as_deref(), Some("abc"));
    assert_eq!(must(s.meta("schema_version")).as_deref(), Some("3"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn version_2_stores_migrate_keeping_every_event_and_sentence() {
    let dir = std::env::temp_dir().join(format!("casus-store-v2-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("v2.db");
    let _ = std::fs::remove_file(&path);
    {
        // A store as casus wrote it at schema version 2.
        let c = must(rusqlite::Connection::open(&path));
        for sql in &crate::schema::MIGRATIONS[..2] {
            must(c.execute_batch(sql));
        }
        must(c.pragma_update(None, "user_version", 2));
        must(c.execute_batch(
            "INSERT INTO documents (id, date, source, content_hash, n_sentences, n_events, ingested_at) VALUES
                 ('d1', '2013-06-05', 'Wire', 'h1', 3, 3, 1370390400),
                 ('d2', '2013-06-06', 'Daily', 'h2', 1, 1, 1370390400);
             INSERT INTO sentences (doc_id, idx, text, span_start, span_end) VALUES
                 ('d2', 0, 'Sentence zero of d2.', 0, 20),
                 ('d1', 0, 'Sentence zero of d1.', 0, 20),
                 ('d1', 2, 'Sentence two of d1.', 40, 59);
             INSERT INTO events (doc_id, sentence, date, source, target, source_text, target_text, verb_text,
                 code, root, quad_class, goldstein, negated, rule, source_start, source_end, target_start,
                 target_end, verb_start, verb_end, place, date_raw) VALUES
                 ('d1', 0, '2013-06-05', 'SYRMIL', 'SYRREB', 'army', 'rebels', 'shelled', '195', '19', 4, -10.0,
                  0, '195:shell', 0, 4, 13, 19, 5, 12, 'Homs', NULL),
                 ('d1', 2, '2013-06-05', 'USA', 'SYR', 'US', 'Syria', 'condemned', '111', '11', 3, -2.0,
                  0, '111:condemn', 40, 42, 53, 58, 43, 52, NULL, 'yesterday'),
                 ('d1', 2, '2013-06-05', 'USA', NULL, 'US', NULL, 'condemned', '111', '11', 3, -2.0,
                  1, '111:condemn', 40, 42, NULL, NULL, 43, 52, NULL, NULL),
                 ('d2', 0, '2013-06-06', 'RUS', 'UKR', 'Russia', 'Ukraine', 'attacked', '190', '19', 4, -10.0,
                  0, '190:attack', 0, 6, 16, 23, 7, 15, NULL, NULL);",
        ));
    }
    let mut s = must(Store::open(&path));
    assert_eq!(must(s.meta("schema_version")).as_deref(), Some("3"));
    let all = must(s.query(&Filter::new()));
    let got: Vec<(&str, usize, &str, Option<&str>)> = all
        .iter()
        .map(|e| (e.event.doc.as_str(), e.event.sentence, e.event.text.as_str(), e.location.name.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("d1", 0, "Sentence zero of d1.", Some("Homs")),
            ("d1", 2, "Sentence two of d1.", None),
            ("d1", 2, "Sentence two of d1.", None),
            ("d2", 0, "Sentence zero of d2.", None),
        ]
    );
    assert_eq!(all[1].event.date_raw.as_deref(), Some("yesterday"));
    assert_eq!(must(s.query(&Filter { root: Some(19), ..Filter::new() })).len(), 2);
    assert_eq!(must(s.query(&Filter { text: vec!["two".into()], ..Filter::new() })).len(), 2);
    // New documents go on after the migrated ones.
    must(s.insert_batch(&[doc("d3", None, vec![event("d3", 1, "2013-06-07", "USA", None, "141")])]));
    let d3 = must(s.query(&Filter { date_from: date("2013-06-07"), ..Filter::new() }));
    assert_eq!(d3.len(), 1);
    assert_eq!(d3[0].event.text, "Sentence 1 of d3, with\ttab.");
    let indexes: Vec<String> = must(
        must(s.connection().prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"))
            .query_map([], |r| r.get(0))
            .and_then(Iterator::collect),
    );
    assert!(!indexes.iter().any(|i| i == "events_root" || i == "events_doc"), "{indexes:?}");
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}

fn arb_event(doc: String) -> impl Strategy<Value = Event> {
    let codes: Vec<casus_core::CameoCode> = casus_core::CameoCode::all().collect();
    (
        0usize..20,
        proptest::option::of(0i64..20_000),
        "[A-Z]{3}([A-Z]{3}){0,2}",
        proptest::option::of("[A-Z]{3}([A-Z]{3})?"),
        "\\PC{0,20}",
        proptest::sample::select(codes),
        any::<bool>(),
        (0usize..1000, 0usize..1000, proptest::option::of(0usize..1000)),
    )
        .prop_map(move |(sentence, day, src, tgt, text, code, negated, (a, b, t))| Event {
            doc: doc.clone(),
            sentence,
            date: day.and_then(Date::from_days),
            source: src.parse().unwrap_or_else(|e| panic!("{e}")),
            target: tgt.and_then(|t| t.parse().ok()),
            source_text: text.chars().take(5).collect(),
            target_text: tgt_text(&text),
            verb_text: text.clone(),
            code,
            negated,
            // One text per sentence: the store keeps one row per sentence.
            text: format!("sentence {sentence}"),
            spans: EventSpans {
                source: Span::new(a, a + 3),
                target: t.map(|t| Span::new(t, t + 2)),
                verb: Span::new(b, b + 4),
            },
            date_raw: None,
            location: None,
            rule: format!("{code}:{text}"),
        })
}

fn tgt_text(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn insert_then_query_round_trips(
        docs in proptest::collection::vec(
            proptest::collection::vec(arb_event("x".into()), 0..6), 1..6)
    ) {
        let mut s = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let mut expected = Vec::new();
        let records: Vec<DocumentRecord> = docs
            .into_iter()
            .enumerate()
            .map(|(i, evs)| {
                let id = format!("doc{i}");
                let evs: Vec<Event> = evs.into_iter().map(|mut e| { e.doc = id.clone(); e }).collect();
                expected.extend(evs.iter().cloned());
                doc(&id, None, evs)
            })
            .collect();
        s.insert_batch(&records).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<Event> = s
            .query(&Filter::new())
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|e| e.event)
            .collect();
        prop_assert_eq!(got, expected);
    }
}
