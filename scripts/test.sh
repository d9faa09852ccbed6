#!/usr/bin/env bash
# Every test: formatting and lints, Rust unit/data/CLI tests (fidelity,
# reading grade, checker fixtures, search recall), the Wasm build and its
# size budget, the search evaluation through the CLI, and the real-browser
# tests (Chromium + axe-core) against dist/ served on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

step() { printf '\n== %s\n' "$*"; }

step "Format and lints"
cargo fmt --check
cargo clippy --release --workspace --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "Rust tests"
cargo test --release --workspace

step "Notices"
cargo build --release --bin notice
target/release/notice check > target/notice-check.txt || { cat target/notice-check.txt; exit 1; }
tail -n 1 target/notice-check.txt

step "Search on the family questions (through the CLI)"
python3 tests/eval_search.py tests/public_questions.toml target/release/notice

# The brief allows 115 KB and 105 KB; these bars sit just above today's
# sizes, so any growth is a decision (raise them in the commit that needs it).
step "Wasm build and size budgets (101 KB brotli for all a page showing one notice downloads; 85 KB for the Wasm engine)"
bash scripts/build.sh
node scripts/size.mjs --budget 101000 --engine-budget 85000

step "A page's download does not grow with the notices in dist/ (100 more, added with EXTRA_NOTICES)"
node tests/scale/many-notices.mjs

step "Types for web teams (dist/privacy-notice.d.ts against tests/types/usage.ts)"
node_modules/.bin/tsc -p tests/types

step "Browser tests (Chromium, axe-core)"
node --test --test-concurrency=1 tests/browser/
