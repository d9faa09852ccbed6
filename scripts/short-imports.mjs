// Renames wasm-bindgen's imports (`__wbg_setAttribute_1a2b3c4d5e6f7a8b`:
// a name and a 16-hex-digit hash each) to short names (`_0`, `_1`, …) in
// the Wasm's import section and in the glue that defines them. The hashes
// do not compress: renaming 69 of them measured 1,690 B brotli off each
// page (Wasm -868, loader -822).
// Fails loudly, changing nothing, if the glue does not define each import
// exactly once (a wasm-bindgen whose glue looks different).
//
// Usage: node scripts/short-imports.mjs WASM GLUE_JS   (both rewritten in place)
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("Usage: node scripts/short-imports.mjs WASM GLUE_JS");
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);
const HASHED = /_[0-9a-f]{16}$/;

/** The import section with hashed names renamed; `renames` collects old → new. */
function renameImports(payload, renames) {
  let at = 0;
  let count;
  [count, at] = readLeb(payload, at);
  const parts = [leb(count)];
  for (let i = 0; i < count; i++) {
    let length;
    [length, at] = readLeb(payload, at);
    const module = payload.subarray(at, at + length).toString();
    at += length;
    [length, at] = readLeb(payload, at);
    const field = payload.subarray(at, at + length).toString();
    at += length;
    // The import's description (kind and type) is copied as it is: find its end.
    const start = at;
    const kind = payload[at++];
    const skipLimits = () => {
      let flags;
      [flags, at] = readLeb(payload, at);
      [, at] = readLeb(payload, at);
      if (flags & 1) [, at] = readLeb(payload, at);
    };
    if (kind === 0) [, at] = readLeb(payload, at);
    else if (kind === 1) {
      at++;
      skipLimits();
    } else if (kind === 2) skipLimits();
    else if (kind === 3) at += 2;
    else if (kind === 4) {
      at++;
      [, at] = readLeb(payload, at);
    } else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
    let short = field;
    if (HASHED.test(field)) {
      short = renames.get(field) ?? `_${renames.size.toString(36)}`;
      renames.set(field, short);
    }
    parts.push(name(module), name(short), payload.subarray(start, at));
  }
  if (at !== payload.length) throw new Error("the import section has bytes after its imports");
  return Buffer.concat(parts);
}

const renames = new Map();
const sections = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at++];
  let size;
  [size, at] = readLeb(wasm, at);
  let payload = wasm.subarray(at, at + size);
  at += size;
  if (id === 2) payload = renameImports(payload, renames);
  sections.push(Buffer.from([id]), leb(payload.length), payload);
}

for (const [old, short] of renames) {
  const uses = glue.split(old).length - 1;
  if (uses !== 1) {
    console.error(`short-imports: the glue names ${old} ${uses} times, not once; nothing was renamed.`);
    process.exit(1);
  }
  glue = glue.replace(old, short);
}
writeFileSync(wasmPath, Buffer.concat(sections));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renames.size} imports renamed`);
