//! `casus validate`: run PETRARCH unit-test records and report pass/fail, per category and
//! overall, with triple precision and recall.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use casus_coder::{Coder, CoderOptions};
use casus_dict::{Dictionary, Entries, PetrarchKind, Severity};
use casus_text::Document;

use crate::petr_xml::{self, Expected, RecordItem};

/// Arguments of `casus validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct ValidateArgs {
    /// A PETRARCH unit-test records file (e.g. PETR.UnitTest.records.xml).
    records: PathBuf,
    /// Print passing records too.
    #[arg(short, long)]
    verbose: bool,
    /// Only these categories (default: the file's `<Include>` list).
    #[arg(long, value_delimiter = ',')]
    category: Vec<String>,
}

type Triple = (String, String, String);

fn load(dir: &Path, name: &str, kind: PetrarchKind, entries: &mut Entries, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = dir.join(name);
    let loaded =
        casus_dict::load_petrarch_file(&path, kind).with_context(|| format!("cannot load {}", path.display()))?;
    for d in loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        writeln!(err, "casus: {d}")?;
    }
    entries.extend(loaded.entries);
    Ok(())
}

pub(crate) fn run(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let (env, items) = petr_xml::read(&args.records)?;
    let dir = args.records.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut err = std::io::stderr().lock();
    let mut entries = Entries::default();
    if let Some(v) = &env.verbfile {
        load(&dir, v, PetrarchKind::Verbs, &mut entries, &mut err)?;
    }
    for a in &env.actorfiles {
        load(&dir, a, PetrarchKind::Actors, &mut entries, &mut err)?;
    }
    if let Some(a) = &env.agentfile {
        load(&dir, a, PetrarchKind::Agents, &mut entries, &mut err)?;
    }
    if let Some(d) = &env.discardfile {
        load(&dir, d, PetrarchKind::Discards, &mut entries, &mut err)?;
    }
    let dict = Arc::new(Dictionary::compile(&[entries]));
    let include: BTreeSet<String> = if args.category.is_empty() {
        env.include.iter().cloned().collect()
    } else {
        args.category.iter().cloned().collect()
    };

    let mut require_dyad = true;
    for (k, v) in &env.configs {
        if k == "require_dyad" {
            require_dyad = v.eq_ignore_ascii_case("true");
        }
    }
    let mut out = crate::open_output(None)?;
    let mut per_cat: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut tp, mut n_expected, mut n_produced) = (0usize, 0usize, 0usize);
    let (mut passed, mut failed) = (0usize, 0usize);
    let (mut noevents_total, mut noevents_clean) = (0usize, 0usize);
    for item in &items {
        let rec = match item {
            RecordItem::Config(k, v) => {
                if k == "require_dyad" {
                    require_dyad = v.eq_ignore_ascii_case("true");
                }
                continue;
            }
            RecordItem::Sentence(rec) => rec,
        };
        if !rec.eligible || !(include.contains(&rec.category) || include.contains("valid") && include.is_empty()) {
            continue;
        }
        if !include.contains(&rec.category) {
            continue;
        }
        let coder = Coder::new(dict.clone()).with_options(CoderOptions { require_dyad, ..CoderOptions::default() });
        // PETRARCH refuses a record whose parse tree is unbalanced (`bad_input_parse`) and
        // codes nothing of it. It codes the parse's words: where a record's parse was
        // edited and no longer says what its text says, casus codes the parse's words too
        // (never its tree).
        let bad_parse = rec.parse.as_deref().is_some_and(|p| !balanced(p));
        let text = rec.parse.as_deref().filter(|_| !bad_parse).and_then(|p| edited_words(&rec.text, p));
        let mut doc = Document::from_body(rec.id.clone(), text.unwrap_or_else(|| rec.text.clone()));
        doc.date = rec.date;
        let coded = if bad_parse { casus_coder::Coded::default() } else { coder.code(&doc) };
        let produced: BTreeSet<Triple> = coded
            .events
            .iter()
            .map(|e| {
                (e.source.to_string(), e.target.map_or_else(|| "---".to_owned(), |t| t.to_string()), e.code.to_string())
            })
            .collect();
        let (ok, expected): (bool, BTreeSet<Triple>) = match &rec.expected {
            Expected::Events(ev) => {
                let exp: BTreeSet<Triple> = ev.iter().cloned().collect();
                (exp == produced, exp)
            }
            Expected::NoEvents => {
                noevents_total += 1;
                if produced.is_empty() {
                    noevents_clean += 1;
                }
                (produced.is_empty(), BTreeSet::new())
            }
            // PETRARCH reports these as input errors; casus codes what it can and reads
            // them as "no events expected".
            Expected::Error(_) => (produced.is_empty(), BTreeSet::new()),
        };
        tp += expected.intersection(&produced).count();
        n_expected += expected.len();
        n_produced += produced.len();
        let cat = per_cat.entry(rec.category.clone()).or_default();
        if ok {
            passed += 1;
            cat.0 += 1;
        } else {
            failed += 1;
            cat.1 += 1;
        }
        if !ok || args.verbose {
            writeln!(out, "{} {} [{}]: {}", if ok { "PASS" } else { "FAIL" }, rec.id, rec.category, rec.text)?;
            if !ok {
                writeln!(out, "    expected: {}", fmt_set(&expected, &rec.expected))?;
                writeln!(out, "    produced: {}", fmt_set(&produced, &Expected::Events(Vec::new())))?;
            }
        }
    }
    writeln!(out, "\ncategory      passed  failed")?;
    for (cat, (p, f)) in &per_cat {
        writeln!(out, "{cat:<12} {p:>7} {f:>7}")?;
    }
    let precision = if n_produced == 0 { 0.0 } else { tp as f64 / n_produced as f64 };
    let recall = if n_expected == 0 { 0.0 } else { tp as f64 / n_expected as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    writeln!(
        out,
        "triples: precision {:.3}, recall {:.3}, F1 {:.3} ({tp} of {n_expected} expected, {n_produced} produced)",
        precision, recall, f1
    )?;
    writeln!(out, "noevents records: {noevents_clean} of {noevents_total} produced nothing")?;
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.flush()?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The words of a Penn Treebank parse as a sentence, when they are not the words of `text`
/// (letters compared, so tokenization such as "is n't" does not count).
fn edited_words(text: &str, parse: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    // Leaves are `(TAG word)`: a word right before a ')' that follows a blank.
    for chunk in parse.split(')') {
        let Some(open) = chunk.rfind('(') else { continue };
        let mut parts = chunk[open + 1..].split_whitespace();
        if let (Some(_tag), Some(word), None) = (parts.next(), parts.next(), parts.next()) {
            words.push(match word {
                "-LRB-" => "(",
                "-RRB-" => ")",
                "``" | "''" => "\"",
                w => w,
            });
        }
    }
    if words.is_empty() {
        return None;
    }
    let letters =
        |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    let joined = words.join(" ");
    if letters(&joined) == letters(text) {
        return None;
    }
    let glued = joined
        .replace(" n't", "n't")
        .replace(" 's", "'s")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace("( ", "(")
        .replace(" )", ")");
    Some(glued)
}

/// Whether a Penn Treebank parse has its brackets balanced.
fn balanced(parse: &str) -> bool {
    let mut depth = 0usize;
    for c in parse.chars() {
        match c {
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

fn fmt_set(set: &BTreeSet<Triple>, expected: &Expected) -> String {
    match expected {
        Expected::NoEvents => "no events".into(),
        Expected::Error(e) => format!("error {e:?} (no events)"),
        Expected::Events(_) if set.is_empty() => "nothing".into(),
        Expected::Events(_) => set.iter().map(|(s, t, c)| format!("{s}>{t}:{c}")).collect::<Vec<_>>().join(" "),
    }
}
