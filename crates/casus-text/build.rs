//! Compiles the lemma tables (`data/lemmas/*.tsv`) into frozen hash tables (see
//! `casus-frozen`), so that `Lexicon::embedded()` does not parse 120,000 lines at start-up.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Strings stored once each, in first-seen order: their text and `n + 1` offsets.
#[derive(Default)]
struct StringList {
    text: String,
    offsets: Vec<u32>,
    seen: HashMap<String, u32>,
}

impl StringList {
    fn intern(&mut self, s: &str) -> u32 {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        if let Some(&i) = self.seen.get(s) {
            return i;
        }
        let i = u32::try_from(self.offsets.len() - 1).unwrap_or(u32::MAX);
        self.text.push_str(s);
        self.offsets.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.seen.insert(s.to_owned(), i);
        i
    }
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn must<T>(r: Result<T, casus_frozen::Error>) -> T {
    r.unwrap_or_else(|e| panic!("lemma table: {e}"))
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data = manifest.join("../../data/lemmas");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();

    // Verbs: form → its readings, in file order: (lemma, tag bits) each.
    let verbs = read(&data.join("verbs.tsv"));
    let mut lemmas = StringList::default();
    let mut forms: Vec<&str> = Vec::new();
    let mut readings: HashMap<&str, Vec<(u32, u32)>> = HashMap::new();
    for line in lines(&verbs) {
        let mut f = line.split('\t');
        let (Some(form), Some(lemma), tags) = (f.next(), f.next(), f.next().unwrap_or("VB")) else {
            continue;
        };
        let mut bits = 0;
        for t in tags.split(',') {
            bits |= match t.trim() {
                "VB" | "VBP" => 1,
                "VBD" => 2,
                "VBN" => 4,
                "VBG" => 8,
                "VBZ" => 16,
                _ => 0,
            };
        }
        let r = readings.entry(form).or_default();
        if r.is_empty() {
            forms.push(form);
        }
        r.push((lemmas.intern(lemma), bits));
    }
    // Per form: the index of its first reading; readings are (lemma, bits) pairs.
    let mut flat = Vec::new();
    let mut firsts = Vec::new();
    for form in &forms {
        firsts.push(u32::try_from(flat.len() / 2).unwrap_or(u32::MAX));
        for &(l, b) in &readings[form] {
            flat.extend([l, b]);
        }
    }
    let (keys, table) = must(casus_frozen::build(forms.iter().copied().zip(firsts)));
    files.push(("verbs-keys.txt", keys.into_bytes()));
    files.push(("verbs-index.bin", table));
    files.push(("verbs-readings.bin", casus_frozen::u32s_to_bytes(&flat)));
    files.push(("verbs-lemmas.txt", lemmas.text.into_bytes()));
    files.push(("verbs-lemmas.bin", casus_frozen::u32s_to_bytes(&lemmas.offsets)));

    // Nouns: plural → the first singular given for it.
    let nouns = read(&data.join("nouns.tsv"));
    let mut singulars = StringList::default();
    let mut plurals: Vec<(&str, u32)> = Vec::new();
    let mut seen = HashMap::new();
    for line in lines(&nouns) {
        if let Some((plural, singular)) = line.split_once('\t') {
            let singular = singular.split('\t').next().unwrap_or(singular);
            if seen.insert(plural, ()).is_none() {
                plurals.push((plural, singulars.intern(singular)));
            }
        }
    }
    let (keys, table) = must(casus_frozen::build(plurals));
    files.push(("nouns-keys.txt", keys.into_bytes()));
    files.push(("nouns-index.bin", table));
    files.push(("nouns-singulars.txt", singulars.text.into_bytes()));
    files.push(("nouns-singulars.bin", casus_frozen::u32s_to_bytes(&singulars.offsets)));

    // Tag dictionary: word → its tags (a later line for the same word wins).
    let pos = read(&data.join("pos.tsv"));
    let mut tags = StringList::default();
    let mut words: Vec<(&str, u32)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for line in lines(&pos) {
        if let Some((word, t)) = line.split_once('\t') {
            let t = tags.intern(t);
            match at.get(word) {
                Some(&i) => words[i].1 = t,
                None => {
                    at.insert(word, words.len());
                    words.push((word, t));
                }
            }
        }
    }
    let (keys, table) = must(casus_frozen::build(words));
    files.push(("pos-keys.txt", keys.into_bytes()));
    files.push(("pos-index.bin", table));
    files.push(("pos-tags.txt", tags.text.into_bytes()));
    files.push(("pos-tags.bin", casus_frozen::u32s_to_bytes(&tags.offsets)));

    for (name, bytes) in files {
        let path = out.join(format!("lemmas-{name}"));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
