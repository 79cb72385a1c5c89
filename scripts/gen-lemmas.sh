#!/usr/bin/env bash
# Regenerate data/lemmas/{verbs,nouns,pos}.tsv (English lemma / inflection / POS tables).
#
# Sources (all from package registries, installed under .cache/, which is gitignored):
#   - lemminflect (PyPI, pinned below) in the venv .cache/venv-lemmas: verb and noun
#     inflections from the NLM SPECIALIST Lexicon. Required.
#   - WordNet 3.0 verb.exc / noun.exc from Debian's wordnet-base: irregular forms.
#     Optional: installed with apt-get when missing and we are root; skipped otherwise.
#   - en-lexicon (npm, pinned below) in .cache/npm: word -> Penn tags for pos.tsv.
#     Optional: pos.tsv is left as it is when npm/node or the package is unavailable.
#
# Re-runnable; output is sorted and has no timestamps, so the same sources give the same bytes.
# Usage: scripts/gen-lemmas.sh   (from anywhere; paths are relative to the repo root)
set -euo pipefail

LEMMINFLECT_VERSION=0.2.3
EN_LEXICON_VERSION=1.0.11

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cache="$root/.cache"
venv="$cache/venv-lemmas"
out="$root/data/lemmas"
mkdir -p "$cache" "$out"

# 1. lemminflect in its own venv
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('lemminflect') != '$LEMMINFLECT_VERSION')" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "lemminflect==$LEMMINFLECT_VERSION"
fi

args=(--out "$out")

# 2. WordNet exception lists (optional)
wn_dir=/usr/share/wordnet
if [[ ! -f "$wn_dir/verb.exc" ]] && command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    echo "installing Debian wordnet-base for $wn_dir/{verb,noun}.exc" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wordnet-base >/dev/null 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wordnet-base >/dev/null 2>&1 || true
    fi
fi
if [[ -f "$wn_dir/verb.exc" && -f "$wn_dir/noun.exc" ]]; then
    wn_version="$(dpkg-query -W -f='${Version}' wordnet-base 2>/dev/null || echo unknown)"
    args+=(--wordnet-dir "$wn_dir" --wordnet-version "$wn_version")
else
    echo "warning: WordNet verb.exc/noun.exc not available; tables built from lemminflect only" >&2
fi

# 3. en-lexicon (optional) -> JSON dump for pos.tsv
npm_dir="$cache/npm"
lex_pkg="$npm_dir/node_modules/en-lexicon/package.json"
if command -v npm >/dev/null && command -v node >/dev/null; then
    have="$(node -p "require('$lex_pkg').version" 2>/dev/null || true)"
    if [[ "$have" != "$EN_LEXICON_VERSION" ]]; then
        mkdir -p "$npm_dir"
        npm install --prefix "$npm_dir" --no-save --no-package-lock --ignore-scripts \
            --no-audit --no-fund --loglevel=error "en-lexicon@$EN_LEXICON_VERSION" >&2 || true
    fi
    if [[ -f "$lex_pkg" ]]; then
        lex_json="$cache/en-lexicon-$EN_LEXICON_VERSION.json"
        (cd "$npm_dir" && node -e 'process.stdout.write(JSON.stringify(require("en-lexicon").lexicon))') > "$lex_json"
        args+=(--en-lexicon-json "$lex_json" --en-lexicon-pkg "$lex_pkg")
    else
        echo "warning: en-lexicon not installed; pos.tsv left as it is" >&2
    fi
else
    echo "warning: npm/node not found; pos.tsv left as it is" >&2
fi

# 4. generate
"$venv/bin/python" "$root/scripts/gen_lemmas.py" "${args[@]}"
