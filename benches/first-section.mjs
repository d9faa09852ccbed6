// Page load: how long until the first section of a notice is usable, with
// the widget (www/notices/<id>.html) against a plain HTML page of the same
// notice's wording. Budget: the widget within 2× the plain page. A
// benchmark, not a test. Run after scripts/build.sh and a release build of
// the CLI: node benches/first-section.mjs [notice-id]
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { OPEN_SHADOW_ROOTS } from "../tests/browser/support.mjs";

const id = process.argv[2] ?? "afc-early-help";
const RUNS = Number(process.env.RUNS ?? 15);

const notice = JSON.parse(execFileSync("target/release/notice", ["export", "--notice", id, "--json"]));
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const plain =
  `<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>${escape(notice.title)}</title><h1>${escape(notice.title)}</h1>` +
  notice.sections.map((s) => `<h2 id="${s.id}">${escape(s.heading)}</h2><p>${escape(s.summary)}</p><pre>${escape(s.body)}</pre>`).join("");

// The same demo page with the notice as static HTML (`notice export --html`)
// in place of the widget, and no script: what the widget adds to that page.
const samePage = readFileSync(`www/notices/${id}.html`, "utf8")
  .replace(/<script src="[^"]*privacy-notice\.js"[^>]*><\/script>/, "")
  .replace(/<privacy-notice[\s\S]*<\/privacy-notice>/, execFileSync("target/release/notice", ["export", "--notice", id, "--html"], { encoding: "utf8" }));

const server = spawn("node", ["scripts/serve.mjs", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const origin = await new Promise((resolve) => server.stdout.on("data", (d) => {
  const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d));
  if (m) resolve(m[0]);
}));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

/** Milliseconds from navigation start until `ready` holds in the page (cold cache). */
async function time(url, ready) {
  const context = await browser.newContext();
  // The widget's shadow root is closed to the page; open it to see when it is ready.
  await context.addInitScript(OPEN_SHADOW_ROOTS);
  const page = await context.newPage();
  await page.route(`${origin}/plain.html`, (route) => route.fulfill({ contentType: "text/html", body: plain }));
  await page.route(`${origin}/notices/static.html`, (route) => route.fulfill({ contentType: "text/html", body: samePage }));
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(ready, null, { polling: "raf" });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const plainTimes = [];
  const widgetTimes = [];
  const staticTimes = [];
  for (let i = 0; i < RUNS; i++) {
    plainTimes.push(await time(`${origin}/plain.html`, () => document.querySelector("h2") !== null));
    staticTimes.push(await time(`${origin}/notices/static.html`, () => document.querySelector("article section") !== null));
    widgetTimes.push(
      await time(`${origin}/notices/${id}.html`, () =>
        document.querySelector("privacy-notice")?.shadowRoot?.querySelector(".pn-disclosure-button") != null)
    );
  }
  const [p, w] = [median(plainTimes), median(widgetTimes)];
  // Each pair ran back to back: their ratio is steadier on a noisy machine.
  const pairs = median(widgetTimes.map((t, i) => t / plainTimes[i]));
  console.log(`first section usable, ${id}, median of ${RUNS} cold loads on 127.0.0.1:`);
  console.log(`  plain HTML page: ${p.toFixed(1)} ms`);
  console.log(`  widget page:     ${w.toFixed(1)} ms  (${(w / p).toFixed(2)}× the plain page; budget 2×)`);
  console.log(`  median of the ${RUNS} pairs' ratios: ${pairs.toFixed(2)}×`);
  const s = median(staticTimes);
  console.log(`  the same demo page with the notice as static HTML (notice export --html): ${s.toFixed(1)} ms; the widget page is ${(w / s).toFixed(2)}× that`);
} finally {
  await browser.close();
  server.kill();
}
