// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on every demo page in
// www/, read from disk so new pages are covered without editing this file,
// in every state of the widgets on it: as loaded, with all sections open, in
// "What happens to my data" with the first kind of data open, and with
// search results. Any violation fails, listing its rule, impact and targets.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { NOTICE_IDS, ROOT, allPages, search, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The indexes of the widgets on the page that show a notice (not an error). */
function workingWidgets(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("privacy-notice")).flatMap((host, n) =>
      host.shadowRoot && host.shadowRoot.querySelector(".pn-section") ? [n] : []
    )
  );
}

const STATES = {
  "as loaded": async () => {},
  "with all sections open": async (page, n) => {
    const toggle = widget(page, n).locator("button.pn-toggle-all");
    await toggle.click();
    assert.equal((await toggle.textContent()).trim(), "Hide all sections");
  },
  "in what happens to my data with a kind of data open": async (page, n) => {
    const w = widget(page, n);
    await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
    const first = w.locator(".pn-explorer .pn-disclosure-button").first();
    await first.click();
    assert.equal(await first.getAttribute("aria-expanded"), "true");
  },
  "with search results": async (page, n) => {
    await search(page, n, "share");
    assert.ok((await widget(page, n).locator("ol.pn-result-list > li").count()) > 0, "the search has results");
  },
};

/** A readable list of axe violations. */
function describe(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.map((node) => `      ${JSON.stringify(node.target)}\n        ${(node.failureSummary || "").replace(/\n/g, "\n        ")}`);
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${targets.join("\n")}`;
    })
    .join("\n");
}

/** Does the page, as written on disk, have a widget that shows a notice? */
function hasNotice(pagePath) {
  const html = readFileSync(path.join(ROOT, "www", pagePath), "utf8");
  const ids = Array.from(html.matchAll(/<privacy-notice\b[^>]*\bnotice="([^"]*)"/g), (m) => m[1]);
  return ids.some((id) => NOTICE_IDS.includes(id));
}

for (const pagePath of [...allPages(), "404.html"]) {
  const states = hasNotice(pagePath) ? Object.keys(STATES) : ["as loaded"];
  for (const state of states) {
    test(`has no accessibility problems: ${pagePath} ${state}`, async (t) => {
      const { page } = await suite.open(t, pagePath);
      const widgets = await workingWidgets(page);
      if (state !== "as loaded") assert.ok(widgets.length > 0, "the page has a working widget");
      for (const n of widgets) await STATES[state](page, n);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.ok(results.passes.length > 0, "axe ran its rules");
      if (results.violations.length) {
        const report = describe(results.violations);
        console.log(`axe violations on ${pagePath} ${state}:\n${report}`);
        assert.fail(`${results.violations.length} accessibility rule(s) failed on ${pagePath} ${state}:\n${report}`);
      }
    });
  }
}

/** The contrast of an element's text on the widget's background, from their computed colours (rgb() or color(srgb …)). */
function contrasts(page, selectors) {
  return widget(page).evaluate((host, selectors) => {
    const channels = (value) => {
      const numbers = (value.match(/[\d.]+/g) || []).map(Number);
      return value.startsWith("color(") ? numbers.slice(0, 3).map((n) => n * 255) : numbers.slice(0, 3);
    };
    const luminance = (value) =>
      channels(value)
        .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const root = host.shadowRoot;
    const background = luminance(getComputedStyle(root.querySelector(".pn")).backgroundColor);
    return Object.fromEntries(
      selectors.map((selector) => {
        const text = luminance(getComputedStyle(root.querySelector(selector)).color);
        return [selector, (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05)];
      })
    );
  }, selectors);
}

/** Muted text: the facts under the title, the search hint, and "Where the notice says this". */
const MUTED = [".pn-facts", ".pn-hint", ".pn-explorer .pn-sources"];

async function assertReadableInEveryState(page, what) {
  for (const [state, enter] of Object.entries(STATES)) {
    if (state !== "as loaded") await enter(page, 0);
    if (state === "with all sections open") await widget(page).locator("button.pn-toggle-all").click(); // closed again for the next state
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.equal(results.violations.length, 0, `${what}, ${state}:\n${describe(results.violations)}`);
  }
  for (const [selector, ratio] of Object.entries(await contrasts(page, MUTED))) {
    assert.ok(ratio >= 4.5, `${what}: ${selector} is ${ratio.toFixed(2)}:1`);
  }
}

test("a reader who asked for a dark colour scheme gets a dark widget, readable in every state", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html", { context: { colorScheme: "dark" } });
  const dark = await widget(page).evaluate((host) => getComputedStyle(host.shadowRoot.querySelector(".pn")).backgroundColor);
  assert.equal(dark, "rgb(22, 22, 22)", "the widget is dark");
  await assertReadableInEveryState(page, "dark colour scheme");
});

test("a dark host page that sets the four colours keeps muted text readable", async (t) => {
  const { page } = await suite.openMarkup(
    t,
    `<div style="background:#121212;color:#e0e0e0;padding:1em">
       <privacy-notice notice="afc-early-help" style="--pn-text:#e0e0e0;--pn-background:#121212;--pn-accent:#8ab4f8;--pn-font:Georgia, serif"><a href="/" style="color:#8ab4f8">Our notice</a></privacy-notice>
     </div>`
  );
  await waitForWidgets(page);
  await assertReadableInEveryState(page, "dark host");
  // The host's colours are used (not the dark scheme's own).
  const background = await widget(page).evaluate((host) => getComputedStyle(host.shadowRoot.querySelector(".pn")).backgroundColor);
  assert.equal(background, "rgb(18, 18, 18)");
});
