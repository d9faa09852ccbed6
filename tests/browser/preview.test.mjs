// preview.html: any notice the build has, named in the address
// (preview.html?notice=ID), shows in the widget; no id gets a message that
// says how to choose one, and an unknown id the widget's error box.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT, assertNoPageErrors, startSuite, widget } from "./support.mjs";

const suite = startSuite();

/** Every notice in dist/, with its title, as the build wrote them. */
function builtNotices() {
  const dist = path.join(ROOT, "dist");
  const folder = readdirSync(dist).find((name) => name.startsWith("notices-"));
  assert.ok(folder, "dist/ has a notices-<hash>/ folder");
  const ids = JSON.parse(readFileSync(path.join(dist, folder, "_ids.json"), "utf8"));
  return ids.map((id) => ({ id, title: JSON.parse(readFileSync(path.join(dist, folder, `${id}.json`), "utf8")).title }));
}

function noise(consoleMessages) {
  return consoleMessages.filter((m) => m.type === "error" || m.type === "warning");
}

// Every notice the build has, not a fixed list: a notice an author adds is previewed too.
for (const { id, title } of builtNotices()) {
  test(`previews ${id}, named in the address`, async (t) => {
    const { page, errors, consoleMessages } = await suite.open(t, `preview.html?notice=${id}`);
    assert.equal(await page.locator("privacy-notice").count(), 1, "the page has a widget");
    const w = widget(page);
    assert.equal(await w.getAttribute("notice"), id);
    const heading = w.locator("h2.pn-title");
    assert.equal(await heading.count(), 1, "the notice's title renders as the heading below the page's h1");
    assert.equal((await heading.textContent()).trim(), title);
    assert.ok(await heading.isVisible());
    assert.ok((await w.locator(".pn-notice .pn-section").count()) > 0, "its sections render");
    assert.equal(await page.locator("#notice-id").inputValue(), id, "the form shows the id");
    assert.match(await page.title(), new RegExp(`^Preview of “${id}”`));
    assertNoPageErrors(errors);
    assert.deepEqual(noise(consoleMessages), [], "no console errors or warnings (a CSP violation would be one)");
  });
}

test("says how to choose a notice when the address names none", async (t) => {
  for (const address of ["preview.html", "preview.html?notice=", "preview.html?notice=%20"]) {
    const { page, errors } = await suite.open(t, address);
    assert.equal(await page.locator("privacy-notice").count(), 0, `${address}: no widget`);
    assert.match(
      await page.locator("#preview-status").textContent(),
      /No notice chosen yet\. Type a notice id above, or add \?notice= and the id/,
      address
    );
    assert.ok(await page.getByLabel("Notice id").isVisible(), `${address}: a field to type the id in`);
    assertNoPageErrors(errors);
  }
});

test("chooses a notice with the form", async (t) => {
  const [{ id, title }] = builtNotices();
  const { page } = await suite.open(t, "preview.html");
  await page.getByLabel("Notice id").fill(id);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.waitForURL(`**/preview.html?notice=${id}`);
  assert.equal((await widget(page).locator("h2.pn-title").textContent()).trim(), title);
});

test("shows the widget's error box for an id the build does not have", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "preview.html?notice=no-such-notice");
  const alert = widget(page).locator("[role=alert]");
  assert.equal(await alert.count(), 1, "the widget shows its error box");
  assert.ok(await alert.isVisible());
  assert.match(await alert.textContent(), /Sorry, this privacy notice cannot be shown here/);
  assert.equal(await widget(page).locator(".pn-section").count(), 0, "no notice");
  assert.ok(await page.getByRole("link", { name: "Choose another notice to preview" }).isVisible(), "the fallback link shows");
  assert.match(await page.locator("#preview-status").textContent(), /id “no-such-notice”\. If it says it cannot show it, the id is wrong/);
  const warnings = consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>:")).map((m) => m.text);
  assert.equal(warnings.length, 1, `one warning from the widget: ${JSON.stringify(warnings)}`);
  assert.match(warnings[0], /there is no notice with id "no-such-notice"/);
  for (const { id } of builtNotices()) assert.ok(warnings[0].includes(id), `the warning lists ${id}`);
  assertNoPageErrors(errors);
});

test("treats the id in the address as text, not markup", async (t) => {
  const id = `"><img src=x id=injected>${"x".repeat(200)}`;
  const { page, errors } = await suite.open(t, `preview.html?notice=${encodeURIComponent(id)}`);
  assert.equal(await page.locator("#injected").count(), 0, "no element from the address");
  assert.equal(await widget(page).locator("[role=alert]").count(), 1, "the widget refuses the id");
  const status = await page.locator("#preview-status").textContent();
  assert.ok(status.includes(`“${id.slice(0, 100)}…”`), `the id is shown as text, cut at 100 characters: ${status}`);
  assertNoPageErrors(errors);
});
