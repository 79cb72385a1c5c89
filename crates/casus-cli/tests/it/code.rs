//! `casus code` end to end.

use crate::{casus, events, root, tempdir};

const FIELDS: &[&str] = &[
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
];

#[test]
fn events_have_every_field_and_spans_slice_the_document() {
    let d = tempdir("fields");
    let text = "Rebels advance\n\nDAMASCUS (Reuters) - The United States imposed sanctions on Iran on Monday. Syrian troops shelled the rebels.\n";
    let path = d.join("story.txt");
    std::fs::write(&path, text).unwrap_or_default();
    let out = casus(&["code", "--date", "2013-06-05", path.to_str().unwrap_or_default()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out);
    assert!(!evs.is_empty());
    for e in &evs {
        for f in FIELDS {
            assert!(e.get(f).is_some(), "missing {f} in {e}");
        }
        assert_eq!(e["doc"], "story");
        // "on Monday" in a story of Wednesday 2013-06-05 dates that sentence's events.
        if e["text"].as_str().unwrap_or("").contains("on Monday") {
            assert_eq!(e["date"], "2013-06-03");
            assert_eq!(e["date_raw"], "on Monday");
        } else {
            assert_eq!(e["date"], "2013-06-05");
        }
        for part in ["source", "verb"] {
            let s = e["spans"][part]
                .as_array()
                .map(|a| (a[0].as_u64().unwrap_or(0) as usize, a[1].as_u64().unwrap_or(0) as usize));
            let (a, b) = s.unwrap_or_default();
            let slice = &text[a..b];
            let want = if part == "source" { e["source_text"].as_str() } else { e["verb_text"].as_str() };
            assert_eq!(Some(slice), want, "{part} span of {e}");
        }
    }
    let sanction = evs.iter().find(|e| e["code"] == "163").unwrap_or_else(|| panic!("no 163 in {evs:?}"));
    assert_eq!((sanction["source"].as_str(), sanction["target"].as_str()), (Some("USA"), Some("IRN")));
    assert_eq!(sanction["root"], "16");
    assert_eq!(sanction["quad_class"], 4);
    assert_eq!(sanction["plover"]["type"], "COERCE");
}

#[test]
fn tsv_has_a_header_and_one_row_per_event() {
    let out = casus(&["code", "--format", "tsv", "-"], b"The United States imposed sanctions on Iran.");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("doc\tsentence\tdate\tsource\ttarget\tcode"), "{stdout}");
    assert!(lines.len() >= 2);
    assert!(lines[1].contains("\tUSA\tIRN\t163\t"), "{stdout}");
}

#[test]
fn explain_says_why() {
    let out = casus(&["code", "--explain", "-"], b"The army did not attack the rebels. Russia condemned Ukraine.");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("## sentence 0"), "{stdout}");
    assert!(stdout.contains("tokens:"), "{stdout}");
    assert!(stdout.contains("actor:"), "{stdout}");
    assert!(stdout.contains("negated"), "{stdout}");
}

#[test]
fn negated_events_are_dropped_unless_kept() {
    let text: &[u8] = b"Turkish troops did not attack Kurdish fighters.";
    let out = casus(&["code", "-"], text);
    assert!(events(&out).is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    let out = casus(&["code", "--keep-negated", "-"], text);
    let evs = events(&out);
    assert!(evs.iter().any(|e| e["negated"] == true), "{evs:?}");
}

#[test]
fn output_file_flag_writes_there() {
    let d = tempdir("outfile");
    let o = d.join("events.jsonl");
    let out =
        casus(&["code", "-o", o.to_str().unwrap_or_default(), "-"], b"The United States imposed sanctions on Iran.");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&o).unwrap_or_default();
    assert!(written.contains("\"code\":\"163\""), "{written}");
}

#[test]
fn user_lexicon_overrides_the_default() {
    let d = tempdir("lexicon");
    std::fs::create_dir_all(d.join("actors")).unwrap_or_default();
    std::fs::write(d.join("actors/mine.tsv"), "ARN\tcountry\tArnor\n").unwrap_or_default();
    std::fs::write(d.join("verbs.txt"), "# our own reading\n111\timpose sanction on +\n").unwrap_or_default();
    let out = casus(&["code", "--lexicon", d.to_str().unwrap_or_default(), "-"], b"Arnor imposed sanctions on Iran.");
    let evs = events(&out);
    assert!(
        evs.iter().any(|e| e["source"] == "ARN" && e["code"] == "111"),
        "{evs:?} {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn examples_directory_codes() {
    let out = casus(&["code", "examples"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(events(&out).len() >= 10, "too few events from examples/");
    assert!(root().join("examples").is_dir());
}

#[test]
fn parallel_coding_keeps_the_input_order() {
    // Many small documents so that the batch is split across threads.
    let mut corpus = String::new();
    for i in 0..300 {
        let text = if i % 2 == 0 {
            "Syrian troops shelled rebel positions near Homs."
        } else {
            "Kenya offered to host talks between the warring parties."
        };
        corpus.push_str(&format!("{{\"id\":\"d{i}\",\"date\":\"2013-06-05\",\"text\":\"{text}\"}}\n"));
    }
    let one = casus(&["code", "--no-geo", "-j", "1"], corpus.as_bytes());
    let four = casus(&["code", "--no-geo", "-j", "4"], corpus.as_bytes());
    assert!(one.status.success() && four.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout, "-j 4 must write the same events in the same order as -j 1");
    let docs: Vec<String> = events(&four).iter().map(|e| e["doc"].as_str().unwrap_or("").to_owned()).collect();
    assert_eq!(docs.first().map(String::as_str), Some("d0"));
    assert_eq!(docs.last().map(String::as_str), Some("d299"));
}
