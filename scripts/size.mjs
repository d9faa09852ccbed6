// What a page downloads for the widget, raw and brotli (q11): the engine
// (loader + Wasm), each notice's chunk, and for each notice the page total
// (engine + its chunk + the chunk of the notice it extends). Nothing else in
// dist/ counts: a page fetches only its own notices.
// Usage: node scripts/size.mjs [--budget BYTES] [--engine-budget BYTES] [--dist DIR] [--page-of ID]
//   --budget: every notice's page total, brotli; --engine-budget: the Wasm alone;
//   --page-of: print only that notice's page total, brotli bytes (for scripts).
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const arg = (name, otherwise) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : otherwise;
};
const dist = arg("--dist", "dist");
const size = (path) => {
  const bytes = readFileSync(path);
  return { raw: bytes.length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const pageOf = arg("--page-of", null);
const row = (name, s) => pageOf || console.log(`  ${name.padEnd(40)} ${String(s.raw).padStart(8)} raw ${String(s.brotli).padStart(7)} brotli`);
const add = (...sizes) => sizes.reduce((a, s) => ({ raw: a.raw + s.raw, brotli: a.brotli + s.brotli }), { raw: 0, brotli: 0 });

const top = readdirSync(dist);
const wasm = top.find((f) => f.endsWith(".wasm"));
const dataDir = top.find((f) => f.startsWith("notices-"));
if (!wasm || !dataDir || !top.includes("privacy-notice.js")) {
  console.error(`size: ${dist}/ lacks the loader, the Wasm or the notices; run scripts/build.sh first`);
  process.exit(2);
}
const loader = size(`${dist}/privacy-notice.js`);
const engine = size(`${dist}/${wasm}`);
if (!pageOf) console.log("Engine (every page):");
row("privacy-notice.js", loader);
row(wasm, engine);
const chunks = new Map();
for (const file of readdirSync(`${dist}/${dataDir}`).filter((f) => f.endsWith(".json") && f !== "_ids.json")) {
  const path = `${dist}/${dataDir}/${file}`;
  chunks.set(file.replace(/\.json$/, ""), { ...size(path), extends: JSON.parse(readFileSync(path, "utf8")).extends });
}
if (!pageOf) console.log(`Notice chunks (${chunks.size}):`);
if (chunks.size <= 10) for (const [id, s] of chunks) row(`${dataDir}/${id}.json`, s);
if (!pageOf) console.log("What a page showing each notice downloads:");
// Every notice's page counts toward the budget; the first ten are listed.
let worst = 0;
let listed = 0;
for (const [id, chunk] of chunks) {
  const parent = chunk.extends ? chunks.get(chunk.extends) : null;
  const total = add(loader, engine, chunk, ...(parent ? [parent] : []));
  worst = Math.max(worst, total.brotli);
  if (id === pageOf) console.log(total.brotli);
  if (listed++ < 10) row(id + (parent ? ` (+ ${chunk.extends})` : ""), total);
}
if (pageOf && !chunks.has(pageOf)) {
  console.error(`size: ${dist}/${dataDir} has no notice "${pageOf}"`);
  process.exit(2);
}
const budget = Number(arg("--budget", 0));
const engineBudget = Number(arg("--engine-budget", 0));
let failed = false;
if (engineBudget && engine.brotli > engineBudget) {
  console.error(`size: the Wasm engine is over budget: ${engine.brotli} bytes brotli > ${engineBudget}. See what grew with: twiggy top target/bindgen/privacy_notice_bg.wasm`);
  failed = true;
}
if (budget && worst > budget) {
  console.error(`size: a page is over budget: ${worst} bytes brotli > ${budget}.`);
  failed = true;
}
if (failed) process.exit(1);
if (budget || engineBudget) console.log(`size: within budget (largest page ${worst} ≤ ${budget}; Wasm ${engine.brotli} ≤ ${engineBudget} bytes brotli)`);
