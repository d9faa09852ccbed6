#!/usr/bin/env bash
# Installs what building and testing need, once; safe to run again.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target add wasm32-unknown-unknown >/dev/null

# wasm-bindgen's CLI must match the wasm-bindgen crate exactly (see Cargo.lock).
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "Installing wasm-bindgen-cli $want (a few minutes, once)…"
  cargo install wasm-bindgen-cli --version "$want"
fi

# Node tools: wasm-opt (npm's binaryen; Debian's is too old), Playwright, axe.
if [ ! -d node_modules/binaryen ] || [ package.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then
  echo "Installing Chromium from Debian…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli >/dev/null
fi
