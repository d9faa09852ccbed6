// Times the search core compiled to Wasm, in Chromium: the five bundled
// notices and 100 synthetic ones, on the family questions of both question
// files. A benchmark, not a test. Run after scripts/build.sh (it reads the
// notices' chunks from dist/): node benches/wasm-search.mjs (builds a Wasm
// with the `wasm-bench` feature; the widget's build has none of it).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { chromium } from "playwright-core";

const REPEATS = 20;
const SYNTHETIC = 100;
const out = "target/bench-wasm";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
run("cargo", ["build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", "wasm", "--no-default-features", "--features", "wasm-bench"]);
run("wasm-bindgen", ["target/wasm32-unknown-unknown/wasm/privacy_notice.wasm", "--out-dir", out, "--target", "no-modules", "--no-typescript"]);

// `notice` and `ask` of each [[q]] (the files are simple enough for a regular expression).
const questions = ["tests/public_questions.toml", "tests/search_questions.toml"]
  .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/notice = "([^"]*)"\s*\nask = "([^"]*)"/g)])
  .map(([, notice, ask]) => `${notice}\t${ask}`)
  .join("\n");

const data = `dist/${readdirSync("dist").find((f) => f.startsWith("notices-"))}`;
const chunks = readdirSync(data)
  .filter((f) => f.endsWith(".json") && f !== "_ids.json")
  .map((f) => JSON.parse(readFileSync(`${data}/${f}`, "utf8")));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  const files = {
    "/": ["text/html", "<!doctype html><title>bench</title><script src=\"/glue.js\"></script>"],
    "/glue.js": ["text/javascript", readFileSync(`${out}/privacy_notice.js`)],
    "/bench.wasm": ["application/wasm", readFileSync(`${out}/privacy_notice_bg.wasm`)],
  };
  await page.route("http://bench.localhost/**", (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ["text/plain", ""];
    route.fulfill({ contentType, body });
  });
  await page.goto("http://bench.localhost/");
  const result = await page.evaluate(
    async ([chunks, questions, repeats, synthetic]) => {
      await wasm_bindgen({ module_or_path: "/bench.wasm" });
      return JSON.parse(wasm_bindgen.bench_search(chunks, questions, repeats, synthetic));
    },
    [chunks, questions, REPEATS, SYNTHETIC]
  );
  const version = browser.version();
  for (const [name, r] of Object.entries(result)) {
    console.log(
      `wasm in Chromium ${version}, ${r.notices} notices (${name}): ${r.passages} passages, ${r.terms} terms, ` +
        `${r.questions} questions × ${REPEATS}: median ${r.median_us} µs, p95 ${r.p95_us} µs per query`
    );
  }
} finally {
  await browser.close();
}
