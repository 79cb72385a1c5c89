//! Golden files: every example in `examples/` → `tests/golden/<name>.events.jsonl`.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p casus-coder --test it golden`.

use std::io::BufReader;

use casus_coder::Coder;
use casus_text::{Document, JsonLines};

use crate::root;

fn documents(path: &std::path::Path) -> Vec<Document> {
    if path.extension().is_some_and(|e| e == "jsonl") {
        let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        JsonLines::new(BufReader::new(f), path).map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect()
    } else {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        vec![Document::from_plain(stem, text)]
    }
}

#[test]
fn examples_match_golden_files() {
    let examples = root().join("examples");
    let golden_dir = root().join("crates/casus-coder/tests/golden");
    let mut inputs: Vec<_> = std::fs::read_dir(&examples)
        .unwrap_or_else(|e| panic!("{}: {e}", examples.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "jsonl"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "expected example articles in examples/");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let coder = Coder::embedded();
    let mut failures = Vec::new();
    for input in inputs {
        let mut lines = String::new();
        for doc in documents(&input) {
            for e in coder.code(&doc).events {
                lines.push_str(&serde_json::to_string(&e).unwrap_or_default());
                lines.push('\n');
            }
        }
        let name = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let golden = golden_dir.join(format!("{name}.events.jsonl"));
        if update {
            std::fs::write(&golden, &lines).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != lines {
            let diff: Vec<String> = want
                .lines()
                .filter(|l| !lines.contains(*l))
                .map(|l| format!("- {}", &l[..l.len().min(160)]))
                .chain(lines.lines().filter(|l| !want.contains(*l)).map(|l| format!("+ {}", &l[..l.len().min(160)])))
                .collect();
            failures.push(format!(
                "{}: differs from {} (UPDATE_GOLDEN=1 to accept)\n{}",
                input.display(),
                golden.display(),
                diff.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
