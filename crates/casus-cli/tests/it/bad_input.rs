//! Bad input is reported with file and line, skipped, and the run goes on.

use crate::{casus, events, tempdir};

#[test]
fn bad_files_are_skipped_and_reported() {
    let d = tempdir("bad-files");
    std::fs::write(d.join("good.txt"), "The United States imposed sanctions on Iran.\n").unwrap_or_default();
    std::fs::write(d.join("empty.txt"), "").unwrap_or_default();
    std::fs::write(d.join("latin1.txt"), b"Rebels\nattacked the caf\xe9.\n").unwrap_or_default();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02ELF\x00").unwrap_or_default();
    let missing = d.join("missing.txt");
    let out = casus(&["code", d.to_str().unwrap_or_default(), missing.to_str().unwrap_or_default()], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("latin1.txt:2: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("binary.txt: binary file"), "{stderr}");
    assert!(stderr.contains("missing.txt: no such file or directory"), "{stderr}");
    assert!(stderr.contains("1 documents") && stderr.contains("4 skipped"), "{stderr}");
    assert_eq!(events(&out).len(), 1);
}

#[test]
fn malformed_json_lines_are_skipped_with_line_numbers() {
    let d = tempdir("bad-jsonl");
    let path = d.join("corpus.jsonl");
    let mut data = Vec::new();
    data.extend_from_slice(
        b"{\"id\":\"a\",\"date\":\"2019-03-02\",\"text\":\"The United States imposed sanctions on Iran.\"}\n",
    );
    data.extend_from_slice(b"{\"id\":\"b\",\"text\":\n");
    data.extend_from_slice(b"[1,2,3]\n");
    data.extend_from_slice(b"{\"id\":\"c\",\"text\":\"Rebels \xff attacked.\"}\n");
    data.extend_from_slice(b"{\"id\":\"d\",\"title\":\"no text\"}\n");
    data.extend_from_slice(b"{\"id\":\"e\",\"text\":\"Russia condemned the attack.\"}\n");
    std::fs::write(&path, data).unwrap_or_default();
    let out = casus(&["code", path.to_str().unwrap_or_default()], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for line in [2, 3, 4, 5] {
        assert!(stderr.contains(&format!("corpus.jsonl:{line}:")), "line {line} not reported: {stderr}");
    }
    assert!(stderr.contains("2 documents") && stderr.contains("4 skipped"), "{stderr}");
    let evs = events(&out);
    assert!(evs.iter().any(|e| e["doc"] == "a" && e["date"] == "2019-03-02"), "{evs:?}");
}

#[test]
fn nothing_readable_exits_nonzero() {
    let d = tempdir("nothing");
    std::fs::write(d.join("empty.txt"), "  \n").unwrap_or_default();
    let out = casus(&["code", d.join("empty.txt").to_str().unwrap_or_default()], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = casus(&["code", "/nonexistent/casus/path"], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn arbitrary_bytes_on_stdin_never_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..20 {
        let mut bytes = Vec::new();
        for _ in 0..(round * 97 % 3000) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push((seed & 0xff) as u8);
        }
        let out = casus(&["code", "-"], &bytes);
        assert!(out.status.code().is_some_and(|c| c <= 1), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn bad_date_flag_is_an_error() {
    let out = casus(&["code", "--date", "2013-13-45", "-"], b"Rebels attacked.");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date"));
}
