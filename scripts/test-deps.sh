#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: pyarrow, for the test that reads
# `casus export --format parquet` back (crates/casus-cli/tests/it/store.rs).
# Idempotent and quiet. pyarrow goes into a venv under .cache/ (git-ignored); the test
# finds it there. When it cannot be installed, that one test skips with a message.
set -uo pipefail
cd "$(dirname "$0")/.."

if python3 -c 'import pyarrow' 2>/dev/null; then
    exit 0
fi
venv=.cache/venv
if ! "$venv/bin/python" -c 'import pyarrow' 2>/dev/null; then
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv" >/dev/null 2>&1 || {
            echo "test-deps: cannot create $venv; the pyarrow test will be skipped" >&2
            exit 0
        }
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check pyarrow >/dev/null 2>&1 || {
        echo "test-deps: cannot install pyarrow; the pyarrow test will be skipped" >&2
        exit 0
    }
fi
