#!/usr/bin/env bash
# Runs every check casus has: formatting, lints, docs, all tests, the lexicon lint.
# This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "scripts/test.sh: cargo not found; install Rust from https://rustup.rs" >&2
  exit 2
fi

echo "== test dependencies (pyarrow for the Parquet read-back test)"
bash scripts/test-deps.sh || echo "scripts/test-deps.sh failed: the Parquet read-back test will say it skipped" >&2

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

echo "== cargo test"
mkdir -p target
set +e
cargo test --workspace 2>&1 | tee target/test-output.txt
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "== cargo test failed (exit $status)" >&2
  exit "$status"
fi

echo "== casus dict lint (embedded lexicon)"
cargo run --quiet --bin casus -- dict lint --strict >target/lint-output.txt || { cat target/lint-output.txt; exit 1; }
tail -n 1 target/lint-output.txt

passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' target/test-output.txt | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' target/test-output.txt | awk '{s+=$1} END {print s+0}')
echo "${passed} passed, ${failed} failed"
