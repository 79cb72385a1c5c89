#!/usr/bin/env python3
"""Write data/lemmas/{verbs,nouns,pos}.tsv from registry packages.

Run through scripts/gen-lemmas.sh, which installs the sources and passes their locations:

  gen_lemmas.py --out data/lemmas [--wordnet-dir /usr/share/wordnet --wordnet-version V]
                [--en-lexicon-json F --en-lexicon-pkg package.json]

Sources:
  - lemminflect (PyPI, MIT): its inflection lookup table resources/infl_lu.csv.gz, extracted
    from the NLM SPECIALIST Lexicon. Read directly (not via getAllInflections) because the
    package's overrides file *replaces* forms (e.g. it drops "lain" for lie, "abdomens" for
    abdomen) and carries corpus noise ("sting" as VBG of sting); the raw table is the lexicon.
  - WordNet 3.0 verb.exc / noun.exc (Debian wordnet-base): irregular forms missing above.
  - en-lexicon (npm, MIT): word -> Penn tags, dumped to JSON by the shell script.

Output is sorted and contains no timestamps, so reruns give identical bytes.
"""
import argparse
import gzip
import importlib.metadata
import importlib.util
import json
import re
import sys
from pathlib import Path

VERB_TAGS = ["VB", "VBD", "VBN", "VBG", "VBZ"]  # output order; VBP is folded into VB
BAD = re.compile(r"[\s\d_]")  # spaces, digits, WordNet's "_" for multiword entries

# lemminflect hard-codes be and the modals (InflectionLUCodec.updateForAuxMod) instead of
# reading them from its table; same data here. be's VBP forms am/are differ from the base
# form, so they are written with tag VB (this table folds VBP into VB).
AUX = {
    "be": {"VB": ["be", "am", "are"], "VBD": ["was", "were"], "VBN": ["been"], "VBG": ["being"], "VBZ": ["is"]},
    "can": {"VB": ["can"], "VBD": ["could"]},
    "may": {"VB": ["may"], "VBD": ["might"]},
    "will": {"VB": ["will"], "VBD": ["would"]},
    "shall": {"VB": ["shall"], "VBD": ["should"]},
    "must": {"VB": ["must"], "VBD": ["must"]},
    "ought": {"VB": ["ought"], "VBD": ["ought"]},
}

# Regular verbs of news that the SPECIALIST table lacks ("protesters torched cars"), by
# hand: lemma, VBD/VBN, VBG, VBZ.
MANUAL_VERBS = [
    ("torch", "torched", "torching", "torches"),
    ("firebomb", "firebombed", "firebombing", "firebombs"),
    ("airdrop", "airdropped", "airdropping", "airdrops"),
    ("demine", "demined", "demining", "demines"),
    ("fete", "feted", "feting", "fetes"),
    ("defund", "defunded", "defunding", "defunds"),
    ("delist", "delisted", "delisting", "delists"),
    ("unban", "unbanned", "unbanning", "unbans"),
]

# Plural -> singular pairs no source has but the coder needs (brief: people -> person).
MANUAL_NOUNS = [("people", "person")]

# Spot checks: the script fails if any of these pairs is missing.
MUST_VERBS = [
    ("fought", "fight", {"VBD", "VBN"}), ("met", "meet", set()), ("shot", "shoot", set()),
    ("led", "lead", set()), ("took", "take", {"VBD"}), ("taken", "take", {"VBN"}),
    ("struck", "strike", set()), ("stricken", "strike", {"VBN"}), ("withdrew", "withdraw", {"VBD"}),
    ("withdrawn", "withdraw", {"VBN"}), ("began", "begin", {"VBD"}), ("begun", "begin", {"VBN"}),
    ("overran", "overrun", {"VBD"}), ("overrun", "overrun", {"VB", "VBN"}), ("left", "leave", set()),
    ("found", "find", set()), ("found", "found", {"VB"}), ("founded", "found", {"VBD", "VBN"}),
    ("are", "be", {"VB"}), ("was", "be", {"VBD"}), ("is", "be", {"VBZ"}),
]
MUST_NOUNS = [
    ("troops", "troop"), ("forces", "force"), ("militias", "militia"), ("people", "person"),
    ("authorities", "authority"), ("countries", "country"), ("allies", "ally"), ("men", "man"),
    ("women", "woman"), ("crises", "crisis"), ("analyses", "analysis"),
]


def ok(word):
    return bool(word) and not BAD.search(word)


def lemminflect_table():
    spec = importlib.util.find_spec("lemminflect")  # locate without importing (no numpy needed)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("lemminflect is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "infl_lu.csv.gz"
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(",")
            rows.append((parts[0], parts[1], [p.split("/") if p else [] for p in parts[2:]]))
    return rows, importlib.metadata.version("lemminflect")


def read_exc(path):
    """WordNet exception list: 'form lemma [lemma...]' per line."""
    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        for lemma in parts[1:]:
            pairs.append((parts[0].lower(), lemma.lower()))
    return pairs


def guess_verb_tags(form, lemma):
    """Tags for a WordNet verb.exc form, which comes without them."""
    if form.endswith("ing"):
        return {"VBG"}
    if (form.endswith("s") and not form.endswith("ss")) or form.endswith("sses"):
        return {"VBZ"}
    if re.search(r"(en|wn)$", form) and not re.search(r"(en|wn)$", lemma):
        return {"VBN"}
    return {"VBD", "VBN"}


def build_verbs(rows, wordnet_dir, stats):
    tags = {}  # (form, lemma) -> set of tags

    def add(form, lemma, tag):
        form, lemma = form.lower(), lemma.lower()
        if not ok(form) or not ok(lemma):
            stats["verb pairs dropped (space/digit/_)"] = stats.get("verb pairs dropped (space/digit/_)", 0) + 1
            return
        tags.setdefault((form, lemma), set()).add(tag)

    for lemma, cat, slots in rows:
        if cat != "verb":
            continue
        vbd, vbn, vbg, vbz = (slots + [[], [], [], []])[:4]
        # lemminflect leaves VBN empty when it equals VBD (regular verbs; see pennTagAlts).
        if not vbn:
            vbn = vbd
        else:
            # Where VBN is listed it sometimes lacks the regular -ed form that VBD has
            # (burn: VBD burned/burnt, VBN burnt). A regular -ed past is also a participle.
            vbn = vbn + [f for f in vbd if f.endswith("ed") and f not in vbn]
        add(lemma, lemma, "VB")
        for tag, forms in (("VBD", vbd), ("VBN", vbn), ("VBG", vbg), ("VBZ", vbz)):
            for form in forms:
                add(form, lemma, tag)
    for lemma, paradigm in AUX.items():
        for tag, forms in paradigm.items():
            for form in forms:
                add(form, lemma, tag)
    stats["verb pairs from lemminflect"] = len(tags)
    before = len(tags)
    for lemma, past, gerund, third in MANUAL_VERBS:
        if (lemma, lemma) in tags:
            continue
        add(lemma, lemma, "VB")
        add(past, lemma, "VBD")
        add(past, lemma, "VBN")
        add(gerund, lemma, "VBG")
        add(third, lemma, "VBZ")
    stats["verb pairs added by hand"] = len(tags) - before

    if wordnet_dir:
        added = 0
        for form, lemma in read_exc(Path(wordnet_dir) / "verb.exc"):
            if form == lemma or not ok(form) or not ok(lemma) or (form, lemma) in tags:
                continue
            tags[(form, lemma)] = guess_verb_tags(form, lemma)
            added += 1
        stats["verb pairs added from WordNet verb.exc"] = added

    lines = []
    for (form, lemma) in sorted(tags):
        t = ",".join(x for x in VERB_TAGS if x in tags[(form, lemma)])
        lines.append(f"{form}\t{lemma}\t{t}")
    return lines, tags


def build_nouns(rows, wordnet_dir, stats):
    pairs = set()
    for singular, cat, slots in rows:
        if cat != "noun":
            continue
        for plural in (slots[0] if slots else []):
            p, s = plural.lower(), singular.lower()
            if p != s and ok(p) and ok(s):
                pairs.add((p, s))
    stats["noun pairs from lemminflect"] = len(pairs)
    if wordnet_dir:
        before = len(pairs)
        for p, s in read_exc(Path(wordnet_dir) / "noun.exc"):
            if p != s and ok(p) and ok(s):
                pairs.add((p, s))
        stats["noun pairs added from WordNet noun.exc"] = len(pairs) - before
    before = len(pairs)
    pairs.update(MANUAL_NOUNS)
    stats["noun pairs added by hand"] = len(pairs) - before
    return [f"{p}\t{s}" for p, s in sorted(pairs)], pairs


def build_pos(lex_json, stats):
    lex = json.loads(Path(lex_json).read_text(encoding="utf-8"))
    out = {}
    for word, tagstr in lex.items():
        # lowercase single words only: capitalised entries are proper nouns, and
        # punctuation, emoji and multiword phrases are not words
        if not word or word != word.lower() or not word[0].isalpha() or re.search(r"\s", word):
            continue
        tags = []
        for t in tagstr.split("|"):
            if t and t not in tags:
                tags.append(t)
        if tags:
            out[word] = " ".join(tags)
    stats["pos words (lowercase)"] = len(out)
    return out


def write(path, header, lines):
    data = "".join(h + "\n" for h in header) + "".join(line + "\n" for line in lines)
    path.write_text(data, encoding="utf-8", newline="\n")
    print(f"wrote {path}: {len(lines)} entries, {len(data.encode('utf-8'))} bytes")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--wordnet-dir")
    ap.add_argument("--wordnet-version", default="unknown")
    ap.add_argument("--en-lexicon-json")
    ap.add_argument("--en-lexicon-pkg")
    ap.add_argument("--pos-max-bytes", type=int, default=3_000_000)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stats = {}

    rows, li_version = lemminflect_table()
    li = (f"lemminflect {li_version} (PyPI, MIT) inflection table, extracted from the NLM SPECIALIST "
          f"Lexicon (NLM open-source terms)")
    wn = (f"WordNet 3.0 %s (Debian wordnet-base {args.wordnet_version}; WordNet 3.0 Copyright 2006 by "
          f"Princeton University. All rights reserved; WordNet licence)")
    gen = "# Generated by scripts/gen-lemmas.sh (scripts/gen_lemmas.py); do not edit. Licences: data/ATTRIBUTION.md."

    verb_lines, verb_tags = build_verbs(rows, args.wordnet_dir, stats)
    src = li + ("; " + wn % "verb.exc for irregular forms missing there (tags guessed from spelling)"
                if args.wordnet_dir else "") + "; by hand: " + ", ".join(v[0] for v in MANUAL_VERBS)
    write(out / "verbs.tsv", [
        "# English verb forms: form<TAB>lemma<TAB>tags (VB,VBD,VBN,VBG,VBZ; VBP folded into VB, so am/are "
        "are VB of be), one line per (form, lemma), lowercase, sorted by form then lemma.",
        gen,
        "# Sources: " + src + ".",
    ], verb_lines)

    noun_lines, noun_pairs = build_nouns(rows, args.wordnet_dir, stats)
    src = li + ("; " + wn % "noun.exc" if args.wordnet_dir else "") + "; by hand: people -> person"
    write(out / "nouns.tsv", [
        "# English noun plurals: plural<TAB>singular, only where they differ (regular and irregular), "
        "lowercase, sorted; a plural with several singulars has one line each.",
        gen,
        "# Sources: " + src + ".",
    ], noun_lines)

    if args.en_lexicon_json:
        pkg = json.loads(Path(args.en_lexicon_pkg).read_text(encoding="utf-8"))
        if pkg.get("license") != "MIT":
            print(f"en-lexicon licence is {pkg.get('license')!r}, not MIT: pos.tsv not written")
        else:
            pos = build_pos(args.en_lexicon_json, stats)
            which = "every lowercase word"
            lines = [f"{w}\t{t}" for w, t in sorted(pos.items())]
            if sum(len(x.encode("utf-8")) + 1 for x in lines) > args.pos_max_bytes:
                which = "only lowercase words with at least one VB* tag (the full list exceeds 3 MB)"
                lines = [f"{w}\t{t}" for w, t in sorted(pos.items())
                         if any(x.startswith("VB") for x in t.split())]
            write(out / "pos.tsv", [
                f"# English word -> Penn POS tags: word<TAB>TAGS (space-separated, in the package's order); "
                f"{which} (no capitalised/proper nouns, phrases, punctuation or emoji), sorted.",
                gen,
                f"# Source: en-lexicon {pkg['version']} (npm, MIT, Copyright (c) 2017 Alex Corvi; "
                f"started from Eric Brill's tagger lexicon).",
            ], lines)

    # Spot checks
    missing = []
    for form, lemma, need in MUST_VERBS:
        have = verb_tags.get((form, lemma))
        if have is None or not need <= have:
            missing.append(f"verb {form}->{lemma} {sorted(need)} (have {sorted(have or [])})")
    for p, s in MUST_NOUNS:
        if (p, s) not in noun_pairs:
            missing.append(f"noun {p}->{s}")
    for k, v in stats.items():
        print(f"  {k}: {v}")
    if missing:
        sys.exit("missing expected entries:\n  " + "\n  ".join(missing))


if __name__ == "__main__":
    main()
