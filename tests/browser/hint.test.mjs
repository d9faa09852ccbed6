// <privacy-notice-hint> beside a form field: "Why we ask for this" opens
// the plain answers for one kind of data, its links open the section in the
// page's widget, it does not make the form jump when it starts, it reads
// at 320 px, it is axe-clean open and closed, and a wrong kind gets the
// error box.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { assertNoPageErrors, focusedId, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();
const FORM = "early-help-request.html";

const hint = (page, n = 0) => page.locator("privacy-notice-hint").nth(n);

/** Waits until every hint has its button or its error box. */
function waitForHints(page) {
  return page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("privacy-notice-hint")).every(
        (el) => el.shadowRoot && el.shadowRoot.querySelector(".pn-hint-button, [role=alert]")
      ),
    null,
    { timeout: 20_000, polling: 50 }
  );
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a hint opens the plain answers for its kind of data, by mouse or keyboard", async (t) => {
  const { page, errors } = await suite.open(t, FORM);
  await waitForHints(page);
  assert.ok((await page.locator("privacy-notice-hint").count()) >= 2, "the form has hints on at least two fields");
  const h = hint(page);
  const button = h.locator("button.pn-hint-button");
  assert.equal((await button.textContent()).trim(), "Why we ask for this");
  // Its name names the kind of data, with no stray space before the colon.
  const name = await button.evaluate((b) => b.getAttribute("aria-label"));
  assert.match(name, /^Why we ask for this: \S/);
  assert.equal(await page.getByRole("button", { name, exact: true }).count(), 1, "the accessibility tree has that name");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await h.locator("#pn-hint-panel").isVisible(), false, "closed at first");
  assert.deepEqual(await axe(page), [], "axe-clean, closed");

  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await h.locator("#pn-hint-panel").isVisible(), true);
  assert.deepEqual(await h.locator("dt").allTextContents(), ["What it includes", "Why we use it", "Who may see it", "How long we keep it"]);
  const answers = await h.locator("dd > p:first-child").allTextContents();
  assert.ok(answers.every((a) => a.trim().length > 10), `each question has an answer: ${JSON.stringify(answers)}`);
  assert.deepEqual(await axe(page), [], "axe-clean, open");

  await button.focus();
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "false", "Enter closes it");
  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "true", "Space opens it");
  assertNoPageErrors(errors);
});

test("'Where the notice says this' opens that section in the page's widget", async (t) => {
  const { page, errors } = await suite.open(t, FORM);
  await waitForHints(page);
  const h = hint(page);
  await h.locator("button.pn-hint-button").click();
  const link = h.locator("ul.pn-source-list a").first();
  const section = await link.getAttribute("data-section");
  assert.ok(section, "the answer links to a section");
  await link.click();
  const w = widget(page);
  assert.equal(await w.locator(`#pn-s-${section}-button`).getAttribute("aria-expanded"), "true", "the section is open");
  assert.equal(await focusedId(page), `pn-s-${section}-button`, "and focused");
  assertNoPageErrors(errors);
});

test("the form does not jump when a hint starts", async (t) => {
  const { page } = await suite.open(t, null);
  // Hold the Wasm back so the page can be measured before the hints start.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(suite.url(FORM), { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => customElements.get("privacy-notice-hint"));
  const below = () => page.locator("#school").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await below();
  release();
  await waitForHints(page);
  await waitForWidgets(page);
  assert.ok(Math.abs((await below()) - before) < 1, `the school field stays where it was (${before} then ${await below()})`);
});

test("at 320 px, an open hint fits the screen", async (t) => {
  const { page } = await suite.open(t, FORM, { context: { viewport: { width: 320, height: 640 } } });
  await waitForHints(page);
  for (let n = 0; n < (await page.locator("privacy-notice-hint").count()); n++) {
    await hint(page, n).locator("button.pn-hint-button").click();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
  await hint(page).scrollIntoViewIfNeeded();
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/hints-320.png`, fullPage: false });
});

/** `markup` in a form on a page of its own (no demo chrome), its hints started. */
async function bare(t, markup) {
  const opened = await suite.openMarkup(t, `<form><label for="f">Phone</label><input id="f">${markup}</form>`);
  await waitForHints(opened.page);
  return opened;
}

test("a kind the notice does not have gets the error box and a warning naming the kinds", async (t) => {
  const { page, consoleMessages } = await bare(t, `<privacy-notice-hint notice="afc-early-help" kind="shoe-size"><a href="/privacy">Why we ask for this</a></privacy-notice-hint>`);
  assert.ok(await hint(page).locator("[role=alert]").isVisible(), "the error box");
  const warnings = consoleMessages.filter((m) => m.type === "warning").map((m) => m.text);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /^<privacy-notice-hint>: kind="shoe-size" is not a kind of data in "afc-early-help"\. Use one of: contact-details, /);
});

test("a hint on a page with no widget downloads no more than a widget page, and its links do not point at nothing", async (t) => {
  const { page, errors, requests } = await bare(t, `<privacy-notice-hint notice="afc-early-help" kind="contact-details"></privacy-notice-hint>`);
  await hint(page).locator("button.pn-hint-button").click();
  assert.equal(await hint(page).locator("a[href^='#']").count(), 0, "no in-page links when there is no notice on the page");
  const ours = requests.filter((u) => u.includes("/dist/")).map((u) => new URL(u).pathname.replace(/\.[0-9a-f]{12}\./, ".").replace(/notices-[0-9a-f]{12}/, "notices"));
  assert.deepEqual(ours.sort(), ["/dist/notices/afc-early-help.json", "/dist/notices/afc-standard.json", "/dist/privacy-notice.js", "/dist/privacy-notice.wasm"]);
  assertNoPageErrors(errors);
});
