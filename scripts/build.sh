#!/usr/bin/env bash
# Builds dist/ (or $DIST): the loader (privacy-notice.js), the Wasm engine
# (privacy-notice.<hash>.wasm: the UI, the search, the glossary and the
# concept map) and each notice as its own JSON chunk
# (notices-<hash>/<id>.json, exactly what `notice export --json` prints).
# Pipeline: cargo (wasm32, size profile) → wasm-bindgen → wasm-opt -Oz;
# the `notice` CLI checks and exports the notices.
#
#   EXTRA_NOTICES=DIR bash scripts/build.sh   also ships every DIR/*.toml (a
#                                             council's own notices) as a chunk
#   DIST=DIR bash scripts/build.sh            writes DIR instead of dist/
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${DIST:-dist}

cargo build --release --bin notice
# The same checker as `notice check` (and build/main.rs): a broken notice stops the build.
target/release/notice check > target/notice-check.txt || { cat target/notice-check.txt; exit 1; }

cargo build --lib --target wasm32-unknown-unknown --profile wasm --no-default-features
bindgen=target/bindgen
rm -rf "$bindgen" "$dist"
mkdir -p "$bindgen/notices" "$dist"
wasm-bindgen target/wasm32-unknown-unknown/wasm/privacy_notice.wasm \
  --out-dir "$bindgen" --target no-modules --no-modules-global privacyNoticeWasm --no-typescript

node scripts/short-imports.mjs "$bindgen/privacy_notice_bg.wasm" "$bindgen/privacy_notice.js"

# npm's binaryen: Debian's (108) breaks wasm-bindgen's externref table.
node_modules/.bin/wasm-opt "$bindgen/privacy_notice_bg.wasm" -o "$bindgen/optimised.wasm" -Oz --strip-debug --strip-producers \
  --converge --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue

hash=$(sha256sum "$bindgen/optimised.wasm" | cut -c1-12)
wasm="privacy-notice.$hash.wasm"
cp "$bindgen/optimised.wasm" "$dist/$wasm"

# One chunk per notice, compact JSON: the bundled notices, then any in
# $EXTRA_NOTICES, each checked as `notice check` does (a file with errors
# stops the build). _ids.json lists the ids (read only to say which ids
# exist when a page names one that does not; no id has a "_", so
# notice="…" never loads it as a notice).
n=0
for id in $(target/release/notice list | awk '{print $1}'); do
  n=$((n + 1))
  target/release/notice export --notice "$id" --json > "$bindgen/notices/$n.export"
done
if [ -n "${EXTRA_NOTICES:-}" ]; then
  shopt -s nullglob
  extra=("$EXTRA_NOTICES"/*.toml)
  [ ${#extra[@]} -gt 0 ] || { echo "EXTRA_NOTICES=$EXTRA_NOTICES has no .toml notice files." >&2; exit 1; }
  for file in "${extra[@]}"; do
    n=$((n + 1))
    target/release/notice export "$file" --json > "$bindgen/notices/$n.export"
  done
fi
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const ids = [];
  const extendsMap = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".export")).sort((a, b) => parseInt(a) - parseInt(b))) {
    const data = JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8"));
    if (ids.includes(data.id)) {
      console.error(`Two notices have the id "${data.id}" (one from EXTRA_NOTICES?): give each notice its own id.`);
      process.exit(1);
    }
    ids.push(data.id);
    if (typeof data.extends === "string") extendsMap[data.id] = data.extends;
    fs.writeFileSync(`${dir}/${data.id}.json`, JSON.stringify(data));
    fs.unlinkSync(`${dir}/${file}`);
  }
  fs.writeFileSync(`${dir}/_ids.json`, JSON.stringify(ids));
  // For the loader (see EXTENDS in loader.js); not a chunk.
  fs.writeFileSync(`${dir}/../extends.json`, JSON.stringify(extendsMap));
' "$bindgen/notices"
data="notices-$(cat "$bindgen"/notices/*.json | sha256sum | cut -c1-12)/"
cp -r "$bindgen/notices" "$dist/$data"

# The loader: wasm-bindgen's glue and src/widget/loader.js in one block, so
# nothing leaks into the host page's globals; minified.
{
  echo "{"
  cat "$bindgen/privacy_notice.js"
  sed "s/__WASM_FILE__/$wasm/; s#__DATA_DIR__#$data#; s#__EXTENDS__#$(cat "$bindgen/extends.json")#" src/widget/loader.js
  echo "}"
} > "$bindgen/loader.js"
node_modules/.bin/esbuild "$bindgen/loader.js" --minify --target=es2020 --log-level=warning \
  --banner:js="/* privacy-notice: an accessible privacy-notice widget. Source and licence: see its README. */" \
  --outfile="$dist/privacy-notice.js"

# Types for web teams' TypeScript (checked by tests/types).
cp src/widget/privacy-notice.d.ts "$dist/privacy-notice.d.ts"

echo "Built $dist/:"
node scripts/size.mjs --dist "$dist"
