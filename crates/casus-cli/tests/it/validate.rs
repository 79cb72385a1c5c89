//! The PETRARCH unit-test suite from ../shared, run by `casus validate`: the pass count may
//! only go up (ratchet in `tests/data/petrarch-ratchet.txt`).

use crate::{casus, root};

#[test]
fn petrarch_validation_ratchet() {
    let records = root().join("../shared/conformance/petrarch2/PETR.UnitTest.records.xml");
    if !records.exists() {
        eprintln!("skipped: {} not present", records.display());
        return;
    }
    let out = casus(&["validate", records.to_str().unwrap_or_default()], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    let passed: usize = last
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary: {last:?}\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(last.ends_with("failed"), "{last}");
    assert!(stdout.contains("noevents records:"), "{stdout}");
    let ratchet_path = root().join("tests/data/petrarch-ratchet.txt");
    let floor: usize = std::fs::read_to_string(&ratchet_path)
        .unwrap_or_default()
        .lines()
        .find(|l| !l.starts_with('#'))
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    eprintln!("PETRARCH validation: {last} (ratchet {floor})");
    assert!(passed >= floor, "validation fell to {passed} passed (ratchet {floor})");
    if passed > floor && std::env::var("RATCHET").is_ok_and(|v| v == "update") {
        let text = format!("# passing records of PETR.UnitTest.records.xml: may only go up\n{passed}\n");
        std::fs::write(&ratchet_path, text).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn phoenix_dictionaries_code_and_lint() {
    let dir = root().join("../shared/conformance/petrarch2/dictionaries");
    if !dir.exists() {
        eprintln!("skipped: {} not present", dir.display());
        return;
    }
    let out = casus(
        &["code", "--dict", dir.to_str().unwrap_or_default(), "-"],
        b"Russian troops attacked Ukrainian forces near Kharkiv.",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("1 documents"), "{stderr}");
    let out = casus(&["dict", "lint", dir.join("Phoenix.agents.txt").to_str().unwrap_or_default()], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().last().is_some_and(|l| l.starts_with("0 errors")), "{stdout}");
}

#[test]
fn petrarch_verb_files_named_like_ours_lint_as_petrarch() {
    // PETR.Validate.verbs.txt ends in ".verbs.txt" like our lexicon files, but is PETRARCH's
    // format: lint must read it as such (0 errors), and still read ours as ours.
    let file = root().join("../shared/conformance/petrarch2/PETR.Validate.verbs.txt");
    if !file.exists() {
        eprintln!("skipped: {} not present", file.display());
        return;
    }
    let out = casus(&["dict", "lint", file.to_str().unwrap_or_default()], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("0 errors") && !last.contains(" 0 patterns"), "{last}");
    let ours = root().join("data/lexicon/verbs.txt");
    let out = casus(&["dict", "lint", ours.to_str().unwrap_or_default()], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("0 errors, 0 warnings") && !last.contains(" 0 patterns"), "{last}");
}
