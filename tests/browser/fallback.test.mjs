// The recommended embed: the whole notice inside the element, as
// `notice export --html` prints it (www/full-text-fallback.html). When
// JavaScript is unavailable, or the Wasm cannot load, families read the
// full notice; once the widget starts, it takes the notice's place and
// nothing is shown or read twice. axe-core in each state.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { ROOT, assertNoPageErrors, inViewport, startSuite, widget } from "./support.mjs";

const suite = startSuite();

const PAGE = "full-text-fallback.html";
const FULL_TEXT_MESSAGE = "Sorry, the interactive version of this privacy notice cannot be shown here. The full notice is below.";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A notice as the build wrote its chunk in dist/ (not as the page has it). */
function chunk(id) {
  const dist = path.join(ROOT, "dist");
  const dir = readdirSync(dist).find((f) => f.startsWith("notices-"));
  return JSON.parse(readFileSync(path.join(dist, dir, `${id}.json`), "utf8"));
}

/** The notice on the page and the headings every view of it must have: its
 * title, and each section's heading (an inherited one names its notice). */
function expected() {
  const notice = chunk("afc-early-help");
  const parent = chunk(notice.extends);
  const own = notice.sections.map((s) => s.heading);
  const ids = new Set(notice.sections.map((s) => s.id));
  const inheritedSections = parent.sections.filter((s) => !ids.has(s.id));
  const inherited = inheritedSections.map((s) => `${s.heading} (from “${parent.title}”)`);
  return {
    notice,
    headings: [...own, ...inherited],
    // The widget shows "(from …)" too, but says it once, as the button's description, not in every heading's name.
    widgetHeadings: [...own, ...inheritedSections.map((s) => s.heading)],
    ids: [...ids, ...inheritedSections.map((s) => s.id)],
  };
}

/** How many headings, rendered and in the accessibility tree, have exactly this name. */
function headingCount(page, name) {
  return page.getByRole("heading", { name, exact: true }).count();
}

async function assertAxeClean(page, state) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(results.passes.length > 0, "axe ran its rules");
  const report = results.violations.map((v) => `  ${v.id} (${v.impact}): ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`).join("\n");
  assert.equal(results.violations.length, 0, `accessibility problems ${state}:\n${report}`);
}

// No test may hang the run: a minute each (the Wasm compiles in seconds).
const LIMIT = { timeout: 60_000 };

test("without JavaScript the page shows the whole notice, and section links work", LIMIT, async (t) => {
  const { notice, headings, ids } = expected();
  const { page } = await suite.open(t, PAGE, { context: { javaScriptEnabled: false }, wait: false });
  assert.ok(await page.getByRole("heading", { name: notice.title, exact: true }).isVisible(), "the title is visible");
  for (const name of headings) {
    const heading = page.getByRole("heading", { name, exact: true });
    assert.equal(await heading.count(), 1, `one heading "${name}"`);
    assert.ok(await heading.isVisible(), `"${name}" is visible`);
  }
  for (const id of ids) assert.ok(await page.locator(`privacy-notice section#${id}`).isVisible(), `section #${id}`);
  // The wording of the notice's own sections reads on the page.
  const text = (await page.locator("privacy-notice").innerText()).replace(/\s+/g, " ");
  for (const section of notice.sections) {
    const first = section.body.trim().split("\n\n")[0].replace(/\s+/g, " ").replace(/^- /, "");
    assert.ok(text.includes(first), `the wording of #${section.id}`);
  }

  // axe runs as JavaScript, so it checks the same page with its one script
  // (the widget's) blocked instead: the element stays undefined and its
  // content renders exactly as without JavaScript.
  const { page: scriptless } = await suite.open(t, PAGE, {
    route: (page) => page.route("**/privacy-notice.js", (route) => route.abort()),
    wait: false,
  });
  assert.equal(await scriptless.evaluate(() => customElements.get("privacy-notice")), undefined, "the widget is not defined");
  assert.ok(await scriptless.getByRole("heading", { name: notice.title, exact: true }).isVisible());
  await assertAxeClean(scriptless, "without the widget's script");

  const { page: linked } = await suite.open(t, `${PAGE}#your-rights`, { context: { javaScriptEnabled: false }, wait: false });
  assert.ok(await inViewport(linked.locator("section#your-rights h3")), "a #section-id link scrolls to the section");
});

test("when the Wasm cannot load, the error box shows with the whole notice below it", LIMIT, async (t) => {
  const { notice, headings } = expected();
  const { page, errors, consoleMessages } = await suite.open(t, PAGE, {
    route: (page) => page.route("**/*.wasm", (route) => route.abort()),
  });
  const alert = widget(page).locator("[role=alert]");
  assert.equal((await alert.textContent()).trim(), FULL_TEXT_MESSAGE, "the alert says the full notice is below, and says only that");
  assert.ok(await alert.isVisible());
  const title = page.getByRole("heading", { name: notice.title, exact: true });
  assert.ok(await title.isVisible(), "the title is visible");
  assert.ok((await alert.boundingBox()).y + (await alert.boundingBox()).height <= (await title.boundingBox()).y, "the notice is below the alert");
  for (const name of headings) {
    assert.equal(await headingCount(page, name), 1, `one heading "${name}"`);
    assert.ok(await page.getByRole("heading", { name, exact: true }).isVisible(), `"${name}" is visible`);
  }
  await assertAxeClean(page, "with the Wasm blocked");
  const warnings = consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>:"));
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assertNoPageErrors(errors);
});

test("once the widget starts, each heading is shown and read once", LIMIT, async (t) => {
  const { notice, widgetHeadings: headings } = expected();
  const { page, errors, consoleMessages } = await suite.open(t, PAGE);
  assert.ok(await widget(page).locator(".pn-section").first().isVisible(), "the widget has started");
  assert.equal(await page.locator("privacy-notice > article").isVisible(), false, "the pasted notice is not rendered");
  assert.equal(await headingCount(page, notice.title), 1, "the title once");
  for (const name of headings) assert.equal(await headingCount(page, name), 1, `one heading "${name}"`);
  // The accessibility tree a screen reader reads has each heading once too.
  const tree = await page.locator("body").ariaSnapshot();
  for (const name of [notice.title, ...headings]) {
    const lines = tree.split("\n").filter((line) => line.trim().startsWith(`- heading ${JSON.stringify(name)}`));
    assert.equal(lines.length, 1, `"${name}" in the accessibility tree:\n${lines.join("\n")}`);
  }
  await assertAxeClean(page, "with the widget started");

  // The pasted notice is the one the widget shows: same content hash as its chunk.
  const pasted = await page.locator("privacy-notice > article").getAttribute("data-content-hash");
  assert.equal(pasted, notice.content_hash, "the page's export and dist/'s chunk carry one content hash");
  assert.deepEqual(consoleMessages.filter((m) => m.type === "warning"), [], "no warnings");
  assertNoPageErrors(errors);
});

test("warns when the pasted notice is not the notice shown", LIMIT, async (t) => {
  const { notice } = expected();
  const { page, consoleMessages } = await suite.open(t, PAGE, {
    route: (page) =>
      page.route(`**/${PAGE}`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/data-content-hash="[0-9a-f]+"/, 'data-content-hash="000000000000"');
        await route.fulfill({ response, body });
      }),
  });
  assert.ok(await widget(page).locator(".pn-section").first().isVisible(), "the widget still starts");
  const warnings = consoleMessages.filter((m) => m.type === "warning").map((m) => m.text);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /content hash 000000000000/);
  assert.ok(warnings[0].includes(notice.content_hash), warnings[0]);
  assert.ok(warnings[0].includes("notice export --notice afc-early-help --html"), warnings[0]);
});
