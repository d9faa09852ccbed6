// A page pays only for the notices it shows: builds a second dist/ with
// 100 more notices (copies of the bundled notice files under new ids, added
// the way a council adds its own: EXTRA_NOTICES=DIR bash scripts/build.sh)
// and checks that the afc-early-help page downloads the same, within 1 KB
// brotli, as with the bundled notices alone. A size check, not a timing.
//
// Run after scripts/build.sh: node tests/scale/many-notices.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const EXTRA = 100;
const PAGE = "afc-early-help";
const dir = "target/many-notices";
const dist = "target/dist-many-notices";

const bundled = readdirSync("notices")
  .filter((f) => f.endsWith(".toml") && f !== "glossary.toml" && f !== "concepts.toml")
  .map((f) => readFileSync(`notices/${f}`, "utf8"));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (let i = 0; i < EXTRA; i++) {
  const copy = Math.floor(i / bundled.length);
  // A new id; a copy extends the bundled notice its original extends.
  const text = bundled[i % bundled.length].replace(/^id = "([^"]+)"/m, (_, id) => `id = "copy-${copy}-${id}"`);
  const id = /^id = "([^"]+)"/m.exec(text)[1];
  writeFileSync(`${dir}/${id}.toml`, text);
}

execFileSync("bash", ["scripts/build.sh"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DIST: dist, EXTRA_NOTICES: dir } });
const page = (d) => Number(execFileSync("node", ["scripts/size.mjs", "--dist", d, "--page-of", PAGE], { encoding: "utf8" }).trim());
const chunks = (d) => readdirSync(`${d}/${readdirSync(d).find((f) => f.startsWith("notices-"))}`).filter((f) => f.endsWith(".json") && f !== "_ids.json").length;

const [few, many] = [page("dist"), page(dist)];
console.log(`${PAGE} page, brotli: ${few} B with ${chunks("dist")} notices in dist/, ${many} B with ${chunks(dist)}`);
if (chunks(dist) !== chunks("dist") + EXTRA) {
  console.error(`many-notices: expected ${chunks("dist") + EXTRA} notices in ${dist}, found ${chunks(dist)}`);
  process.exit(1);
}
if (Math.abs(many - few) > 1000) {
  console.error(`many-notices: the ${PAGE} page grew by ${many - few} B with ${EXTRA} more notices in dist/ (allowed: 1,000)`);
  process.exit(1);
}
