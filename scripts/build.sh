#!/usr/bin/env bash
# Builds dist/: the loader (privacy-notice.js) and the Wasm with every
# bundled notice and its search index (privacy-notice.<hash>.wasm).
# Pipeline: cargo (wasm32, size profile) → wasm-bindgen → wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --target wasm32-unknown-unknown --profile wasm --no-default-features
bindgen=target/bindgen
rm -rf "$bindgen" dist
mkdir -p "$bindgen" dist
wasm-bindgen target/wasm32-unknown-unknown/wasm/privacy_notice.wasm \
  --out-dir "$bindgen" --target no-modules --no-modules-global privacyNoticeWasm --no-typescript

# npm's binaryen: Debian's (108) breaks wasm-bindgen's externref table.
node_modules/.bin/wasm-opt "$bindgen/privacy_notice_bg.wasm" -o "$bindgen/optimised.wasm" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue

hash=$(sha256sum "$bindgen/optimised.wasm" | cut -c1-12)
wasm="privacy-notice.$hash.wasm"
cp "$bindgen/optimised.wasm" "dist/$wasm"
# The loader: wasm-bindgen's glue and src/widget/loader.js in one block, so
# nothing leaks into the host page's globals; minified.
{
  echo "{"
  cat "$bindgen/privacy_notice.js"
  sed "s/__WASM_FILE__/$wasm/" src/widget/loader.js
  echo "}"
} > "$bindgen/loader.js"
node_modules/.bin/esbuild "$bindgen/loader.js" --minify --target=es2020 --log-level=warning \
  --banner:js="/* privacy-notice: an accessible privacy-notice widget. Source and licence: see its README. */" \
  --outfile=dist/privacy-notice.js

echo "Built dist/:"
node scripts/size.mjs
