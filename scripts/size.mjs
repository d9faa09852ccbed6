// Reports what a page downloads for the widget (loader + Wasm), raw, gzip
// and brotli, and with --budget BYTES fails when the brotli total is over.
// Usage: node scripts/size.mjs [--budget 90000]
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const files = readdirSync("dist").filter((f) => f.endsWith(".js") || f.endsWith(".wasm")).sort();
if (files.length === 0) {
  console.error("size: dist/ is empty; run scripts/build.sh first");
  process.exit(2);
}
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const file of files) {
  const bytes = readFileSync(`dist/${file}`);
  const size = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += size[k];
  console.log(`  ${file.padEnd(34)} ${String(size.raw).padStart(7)} raw ${String(size.gzip).padStart(7)} gzip ${String(size.brotli).padStart(7)} brotli`);
}
console.log(`  ${"total".padEnd(34)} ${String(total.raw).padStart(7)} raw ${String(total.gzip).padStart(7)} gzip ${String(total.brotli).padStart(7)} brotli`);
const at = process.argv.indexOf("--budget");
if (at > 0) {
  const budget = Number(process.argv[at + 1]);
  if (total.brotli > budget) {
    console.error(`size: over budget: ${total.brotli} bytes brotli > ${budget}. See what grew with: twiggy top target/bindgen/privacy_notice_bg.wasm`);
    process.exit(1);
  }
  console.log(`size: within budget (${total.brotli} ≤ ${budget} bytes brotli)`);
}
