#!/usr/bin/env bash
# The main job: installs what the build needs, builds dist/, and serves the
# demo pages on http://127.0.0.1:8080/ (set PORT to change). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cargo build --release --bin notice
exec node scripts/serve.mjs --port "${PORT:-8080}"
