// A good guest over time: attribute changes re-render the widget, a
// removed widget stops reacting and frees what it held (its listeners, its
// notice, a pending search), so a page that adds and removes widgets does
// not grow.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoPageErrors, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

test("changing notice, heading-level, open or view re-renders the widget", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const rendered = (check) => page.waitForFunction(check, null, { timeout: 10_000 });
  await w.evaluate((el) => el.setAttribute("notice", "afc-family-hub"));
  await rendered(() => document.querySelector("privacy-notice").notice?.id === "afc-family-hub");
  assert.match(await w.locator(".pn-title").textContent(), /Family Hub/);

  await w.evaluate((el) => el.setAttribute("heading-level", "4"));
  await rendered(() => document.querySelector("privacy-notice").shadowRoot.querySelector("h4.pn-title"));

  await w.evaluate((el) => el.setAttribute("open", "your-rights"));
  await rendered(() => document.querySelector("privacy-notice").shadowRoot.querySelector("#pn-s-your-rights-button[aria-expanded=true]"));

  await w.evaluate((el) => el.setAttribute("view", "explorer"));
  await rendered(() => document.querySelector("privacy-notice").shadowRoot.querySelector(".pn-view-button[aria-pressed=true]")?.textContent === "What happens to my data");
  assert.equal(await w.locator(".pn-title").count(), 1, "one widget, not two");
  assertNoPageErrors(errors);
});

test("a removed widget stops following the page's links, and a search it had pending never runs", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await w.locator("#pn-search-input").fill("school");
  // Removed within the search's 200 ms pause: the pending search is cancelled.
  const removed = await page.evaluate(() => {
    const el = document.querySelector("privacy-notice");
    el.remove();
    window.__removed = el;
    location.hash = "#your-rights";
    return el.shadowRoot.querySelectorAll(".pn-section").length;
  });
  assert.equal(removed, 0, "its shadow root is emptied");
  await page.waitForTimeout(500);
  assertNoPageErrors(errors);
  // Put back, it renders again and follows the address.
  await page.evaluate(() => document.querySelector("main").append(window.__removed));
  await waitForWidgets(page);
  assert.equal(await w.locator("#pn-s-your-rights-button").getAttribute("aria-expanded"), "true");
  assertNoPageErrors(errors);
});

/** The Wasm's linear memory, in bytes (found through the DevTools protocol: the page cannot reach it). */
async function wasmMemory(page, cdp) {
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  return result.value;
}

test("adding and removing widgets many times does not grow memory", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const cdp = await page.context().newCDPSession(page);
  const cycle = (n) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement("privacy-notice");
        el.setAttribute("notice", i % 2 ? "afc-early-help" : "afc-family-hub");
        await new Promise((resolve) => {
          el.addEventListener("privacy-notice-ready", resolve, { once: true });
          document.body.append(el);
        });
        el.search("who can see my file"); // builds the search index too
        el.remove();
      }
    }, n);
  await cycle(20);
  const before = await wasmMemory(page, cdp);
  await cycle(150);
  const after = await wasmMemory(page, cdp);
  assert.ok(after - before <= 1 << 20, `the Wasm's memory grew by ${after - before} bytes over 150 widgets (from ${before})`);
  assertNoPageErrors(errors);
});

test("a brand accent too faint for text is not used for text, with one warning", async (t) => {
  const { page, consoleMessages, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const colour = () => w.locator(".pn-disclosure-button").first().evaluate((b) => getComputedStyle(b).color);
  const rerender = async (accent) => {
    await w.evaluate((el, accent) => {
      el.style.setProperty("--pn-accent", accent);
      el.setAttribute("heading-level", el.getAttribute("heading-level") === "3" ? "2" : "3");
    }, accent);
    await page.waitForFunction(() => document.querySelector("privacy-notice").notice);
  };
  await rerender("#0b5394");
  assert.equal(await colour(), "rgb(11, 83, 148)", "a dark brand colour is used");
  await rerender("#f9b233");
  assert.equal(await colour(), "rgb(11, 12, 12)", "a light one (about 1.9:1) gives way to the text colour");
  await rerender("#ffdd00");
  const warnings = consoleMessages.filter((m) => m.type === "warning" && m.text.includes("--pn-accent"));
  assert.equal(warnings.length, 1, "one warning, however many times");
  assertNoPageErrors(errors);
});

test("fetches a notice and the notice it extends at once, not one after the other", async (t) => {
  const { page } = await suite.open(t, null);
  const seen = [];
  page.on("request", (r) => seen.push(`start ${r.url().split("/").pop()}`));
  page.on("requestfinished", (r) => seen.push(`end ${r.url().split("/").pop()}`));
  await page.goto(suite.url("notices/afc-early-help.html"));
  await waitForWidgets(page);
  const at = (event) => seen.indexOf(event);
  assert.ok(at("start afc-standard.json") >= 0 && at("start afc-early-help.json") >= 0, JSON.stringify(seen));
  assert.ok(at("start afc-standard.json") < at("end afc-early-help.json"), `the parent is asked for before the notice arrives: ${JSON.stringify(seen)}`);
});
