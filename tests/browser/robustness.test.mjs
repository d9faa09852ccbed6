// The widget when things go wrong or the page is unusual: a wrong or missing
// notice id, Wasm that cannot load, two widgets on a page, a hostile host
// stylesheet, a strict Content Security Policy, and its privacy promises (no
// requests to other sites, no cookies, no storage, no globals).
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { OPEN_SHADOW_ROOTS, assertNoPageErrors, search, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

const FAILURE_MESSAGE = "Sorry, this privacy notice cannot be shown here. You can still read it using the link below.";

function widgetWarnings(consoleMessages) {
  return consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>:"));
}

/** What the n-th widget shows instead of a notice. */
function errorState(page, n) {
  return widget(page, n).evaluate((host) => {
    const root = host.shadowRoot;
    const alert = root.querySelector("[role=alert]");
    const link = host.querySelector(":scope > a");
    const linkBox = link ? link.getBoundingClientRect() : null;
    return {
      alert: !!alert,
      alertClass: alert ? alert.className : null,
      alertVisible: !!alert && alert.checkVisibility(),
      message: alert ? alert.querySelector("p")?.textContent : null,
      // The fallback shows after the alert, not in it: announced is the message alone.
      slotAfterAlert: !!(alert && alert.nextElementSibling && alert.nextElementSibling.localName === "slot"),
      slotInAlert: !!(alert && alert.querySelector("slot")),
      sections: root.querySelectorAll(".pn-section").length,
      linkHref: link ? link.getAttribute("href") : null,
      linkSlotted: !!(link && link.assignedSlot),
      linkBox: linkBox && { width: linkBox.width, height: linkBox.height },
    };
  });
}

async function assertFallback(page, n, hostLink) {
  const state = await errorState(page, n);
  assert.ok(state.alert, `widget ${n} shows an alert`);
  assert.ok(state.alertVisible, `widget ${n}'s alert is visible`);
  assert.equal(state.message, FAILURE_MESSAGE);
  assert.ok(state.slotAfterAlert && !state.slotInAlert, "a slot after the alert shows the fallback link");
  assert.equal(state.sections, 0, "no notice is shown");
  assert.equal(state.linkHref, hostLink);
  assert.ok(state.linkSlotted, "the fallback link is slotted");
  assert.ok(state.linkBox && state.linkBox.width > 0 && state.linkBox.height > 0, "the fallback link is visible");
  assert.ok(await widget(page, n).locator(":scope > a").isVisible(), "Playwright sees the fallback link too");
  return state;
}

test("explains a wrong or missing notice id and keeps the fallback link", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "unknown-notice.html");
  await page.waitForTimeout(200); // let any late warnings arrive
  const typo = await assertFallback(page, 0, "https://www.achievingforchildren.org.uk/");
  const missing = await assertFallback(page, 1, "https://www.rbkc.gov.uk/");
  for (const state of [typo, missing]) assert.match(state.alertClass, /\bpn-error\b/);

  const warnings = widgetWarnings(consoleMessages).map((m) => m.text);
  assert.equal(warnings.length, 2, `one warning per bad widget: ${JSON.stringify(warnings)}`);
  assert.equal(warnings.filter((w) => w.includes('"no-such-notice"')).length, 1, "one warning names the wrong id");
  assert.equal(warnings.filter((w) => /notice attribute is missing/.test(w)).length, 1, "one warning says the id is missing");
  for (const w of warnings) assert.match(w, /afc-early-help/, "the warning lists the ids that exist");
  // The wrong id's chunk is a 404, which the browser itself reports once.
  const others = consoleMessages.filter((m) => (m.type === "warning" || m.type === "error") && !warnings.includes(m.text));
  assert.deepEqual(others.map((m) => m.text.replace(/\d{3}.*$/, "")), ["Failed to load resource: the server responded with a status of "], "no other warnings or errors");
  assertNoPageErrors(errors);
});

test("shows the fallback link when the widget's Wasm cannot load", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "notices/afc-early-help.html", {
    route: (page) => page.route("**/*.wasm", (route) => route.abort()),
  });
  await page.waitForTimeout(200);
  await assertFallback(page, 0, "https://www.achievingforchildren.org.uk/");
  const warnings = widgetWarnings(consoleMessages);
  assert.equal(warnings.length, 1, `exactly one warning: ${JSON.stringify(consoleMessages)}`);
  assert.match(warnings[0].text, /could not start/);
  assertNoPageErrors(errors);
});

test("styles the Wasm failure message like the other error messages", async (t) => {
  // Same box as a wrong notice id: div.pn-error[role=alert] (red border).
  const { page } = await suite.open(t, "notices/afc-early-help.html", {
    route: (page) => page.route("**/*.wasm", (route) => route.abort()),
  });
  const state = await errorState(page, 0);
  assert.ok(state.alert);
  assert.match(state.alertClass || "", /\bpn-error\b/, "the failure box is a div.pn-error");
  const border = await widget(page).evaluate((host) => getComputedStyle(host.shadowRoot.querySelector("[role=alert]")).borderTopStyle);
  assert.notEqual(border, "none", "the failure box has a border like the other error messages");
});

test("shows one warning for each of several widgets when the Wasm cannot load", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "two-widgets.html", {
    route: (page) => page.route("**/*.wasm", (route) => route.abort()),
  });
  await page.waitForTimeout(200);
  await assertFallback(page, 0, "https://www.achievingforchildren.org.uk/");
  await assertFallback(page, 1, "https://www.achievingforchildren.org.uk/");
  assert.equal(widgetWarnings(consoleMessages).length, 2, "one warning per widget");
  assertNoPageErrors(errors);
});

test("runs two widgets on one page independently", async (t) => {
  const { page, errors } = await suite.open(t, "two-widgets.html");
  const [a, b] = [widget(page, 0), widget(page, 1)];
  assert.equal(await a.getAttribute("notice"), "afc-early-help");
  assert.equal(await b.getAttribute("notice"), "afc-family-hub");
  assert.notEqual(await a.locator(".pn-title").textContent(), await b.locator(".pn-title").textContent());
  const expanded = (w) => w.locator(".pn-notice .pn-disclosure-button[aria-expanded=true]").count();

  // Both notices have a "who-we-share-with" section: opening it in one leaves the other closed.
  await a.locator("#pn-s-who-we-share-with-button").click();
  assert.equal(await a.locator("#pn-s-who-we-share-with-button").getAttribute("aria-expanded"), "true");
  assert.equal(await b.locator("#pn-s-who-we-share-with-button").getAttribute("aria-expanded"), "false");
  assert.equal(await expanded(b), 0);

  // A link in one widget's "In short" opens only that widget's section.
  await a.locator('.pn-overview a[data-section="your-rights"]').click();
  assert.equal(await a.locator("#pn-s-your-rights-button").getAttribute("aria-expanded"), "true");
  assert.equal(await expanded(b), 0, "the other widget reacts to nothing");

  // "Show all sections" in the second widget leaves the first as it was.
  const before = await expanded(a);
  await b.locator("button.pn-toggle-all").click();
  assert.equal(await expanded(b), await b.locator(".pn-notice .pn-disclosure-button").count());
  assert.equal(await expanded(a), before);

  // Searching in one does not touch the other.
  await search(page, 0, "share");
  assert.equal(await b.locator("#pn-search-input").inputValue(), "");
  assert.equal(await b.locator("#pn-results").getAttribute("hidden"), "");
  assert.equal(await b.locator("p[role=status]").textContent(), "");

  // Nor does switching views.
  await b.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  assert.equal(await a.locator("button.pn-view-button", { hasText: "The notice" }).getAttribute("aria-pressed"), "true");
  assertNoPageErrors(errors);
});

test("looks and works the same under a hostile host stylesheet", async (t) => {
  const { page, errors } = await suite.open(t, "hostile-host.html");
  const w = widget(page);
  assert.ok((await w.locator(".pn-notice .pn-section").count()) > 5);

  const host = await w.evaluate((host) => {
    const r = host.getBoundingClientRect();
    return { display: getComputedStyle(host).display, width: r.width, height: r.height };
  });
  assert.equal(host.display, "block", "the host is a block despite `all: unset`");
  assert.ok(host.width > 200 && host.height > 200, `the widget has room: ${JSON.stringify(host)}`);

  const controls = [
    "#pn-search-input",
    "button.pn-view-button >> nth=0",
    "button.pn-view-button >> nth=1",
    "button.pn-toggle-all",
    ".pn-notice button.pn-disclosure-button >> nth=0",
    ".pn-notice button.pn-disclosure-button >> nth=-1",
  ];
  for (const selector of controls) {
    const box = await w.locator(selector).boundingBox();
    assert.ok(box && box.height >= 24 && box.width >= 24, `${selector} is visible: ${JSON.stringify(box)}`);
  }
  // Closed panels stay closed, though the page shows everything marked hidden.
  const panel = w.locator(".pn-notice .pn-panel").first();
  assert.equal(await panel.locator(".pn-summary").isVisible(), false, "a closed section's content is hidden");
  assert.equal(await w.locator("#pn-results").isVisible(), false, "the empty results box is hidden");
  assert.equal(await w.locator(".pn-explorer").isVisible(), false, "the other view is hidden");

  // The buttons work.
  const button = w.locator(".pn-notice button.pn-disclosure-button").first();
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.ok(await panel.locator(".pn-summary").isVisible(), "the section opens");
  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  assert.ok(await w.locator(".pn-explorer").isVisible());
  assertNoPageErrors(errors);
});

test("keeps its own text style under a hostile host stylesheet", async (t) => {
  // hostile.css sets inherited properties on <body>: italic, upper case,
  // letter and word spacing, a text indent, pre-line white space, justified
  // text, a wait cursor. They reach the shadow root through the host unless
  // the widget sets its own, and the widget should look as on other pages.
  const { page } = await suite.open(t, "hostile-host.html");
  const style = await widget(page).evaluate((host) => {
    const p = host.shadowRoot.querySelector(".pn-overview li") || host.shadowRoot.querySelector(".pn p");
    const s = getComputedStyle(p);
    const b = getComputedStyle(host.shadowRoot.querySelector(".pn-disclosure-button"));
    return {
      fontStyle: s.fontStyle,
      textTransform: s.textTransform,
      letterSpacing: s.letterSpacing,
      wordSpacing: s.wordSpacing,
      textIndent: s.textIndent,
      whiteSpace: s.whiteSpace === "normal" || s.whiteSpaceCollapse === "collapse" ? "normal" : s.whiteSpace,
      textAlign: s.textAlign,
      buttonCursor: b.cursor,
      lineHeightRatio: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
    };
  });
  assert.deepEqual(
    { ...style, lineHeightRatio: style.lineHeightRatio >= 1.4 },
    {
      fontStyle: "normal",
      textTransform: "none",
      letterSpacing: "normal",
      wordSpacing: "0px",
      textIndent: "0px",
      whiteSpace: "normal",
      textAlign: "start",
      buttonCursor: "pointer",
      lineHeightRatio: true,
    },
    "the host page's inherited text styles leak into the widget"
  );
});

test("works under a strict Content Security Policy with no violations", async (t) => {
  const context = await suite.browser.newContext();
  await context.addInitScript(OPEN_SHADOW_ROOTS);
  context.setDefaultTimeout(10_000);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  const consoleMessages = [];
  page.on("pageerror", (e) => errors.push(e));
  page.on("console", (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  const response = await page.goto(suite.url("csp-test.html"));
  const csp = response.headers()["content-security-policy"] || "";
  assert.match(csp, /default-src 'self'/, "the page is served with a strict CSP");
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, "without 'unsafe-inline' or 'unsafe-eval'");
  await waitForWidgets(page);

  const w = widget(page);
  assert.ok((await w.locator(".pn-notice .pn-section").count()) > 5, "the notice renders");
  assert.ok(await w.locator(".pn-title").isVisible());
  // Use it: styles must apply (adopted stylesheet, not inline styles) and nothing may be blocked.
  await w.locator("button.pn-toggle-all").click();
  const term = w.locator(".pn-term").first();
  assert.equal(await term.count(), 1, "the notice has a glossary term to open");
  await term.click();
  assert.equal(await term.getAttribute("aria-expanded"), "true", "the term's definition opens");
  assert.ok(await w.locator(`#${await term.getAttribute("aria-controls")}`).isVisible(), "and shows");
  await search(page, 0, "rights");
  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  await w.locator(".pn-explorer .pn-disclosure-button").first().click();
  const styled = await w.evaluate((host) => getComputedStyle(host.shadowRoot.querySelector(".pn-view-button")).borderTopWidth);
  assert.equal(styled, "2px", "the widget's stylesheet applies under the CSP");

  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.body.dataset.cspViolations), "0", "the page recorded no CSP violations");
  assert.equal(await page.locator("#csp-violations li").count(), 0);
  assert.deepEqual(
    consoleMessages.filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m.text)),
    [],
    "no console messages about the CSP"
  );
  assertNoPageErrors(errors);
});

test("sends nothing to other websites", async (t) => {
  const { page, requests } = await suite.open(t, "notices/afc-early-help.html");
  const loaded = requests.length;
  const w = widget(page);
  await w.locator("button.pn-toggle-all").click();
  const terms = w.locator(".pn-term");
  assert.ok((await terms.count()) >= 5, "the notice has glossary terms to open");
  for (let i = 0; i < 5; i++) await terms.nth(i).click();
  await search(page, 0, "school");
  const result = w.locator("a.pn-result-link[data-section]").first();
  assert.equal(await result.count(), 1, "the search has a result in the notice's wording to follow");
  const sectionId = await result.getAttribute("data-section");
  await result.click();
  assert.equal(new URL(page.url()).hash, `#${sectionId}`, "following the result gives its section's address");
  const inSection = await w.evaluate(
    (host, id) => !!host.shadowRoot.activeElement?.closest(".pn-section")?.querySelector(`#pn-s-${id}-button`),
    sectionId
  );
  assert.ok(inSection, "and moves focus into that section");
  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  const items = w.locator(".pn-explorer .pn-disclosure-button");
  assert.ok((await items.count()) > 0, "the explorer has kinds of data to open");
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).click();
  await w.locator(".pn-explorer a.pn-section-link").first().click();
  await page.waitForTimeout(300);

  const foreign = requests.filter((url) => !url.startsWith(suite.origin + "/"));
  assert.deepEqual(foreign, [], "every request stays on the page's own origin");
  const later = requests.slice(loaded).filter((url) => !url.endsWith("/favicon.svg"));
  assert.deepEqual(later, [], "using the widget makes no requests at all");
});

test("sets no cookies and stores nothing in the browser", async (t) => {
  const { context, page } = await suite.open(t, "early-help-request.html");
  const w = widget(page);
  await w.locator("button.pn-toggle-all").click();
  await search(page, 0, "keep");
  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  await w.locator(".pn-explorer .pn-disclosure-button").first().click();
  await page.goto(suite.url("notices/afc-early-help.html#your-rights"));
  await waitForWidgets(page);

  assert.deepEqual(await context.cookies(), [], "no cookies");
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: typeof caches === "undefined" ? [] : await caches.keys(),
  }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: "", indexedDB: [], caches: [] });
});

test("adds nothing to the page's globals", async (t) => {
  // index.html has no widget; a notice page has one. Their window objects
  // should have the same own properties, apart from the custom element.
  const { page: plain } = await suite.open(t, "index.html", { wait: false });
  const { page } = await suite.open(t, "notices/afc-standard.html");
  const names = (p) => p.evaluate(() => Object.getOwnPropertyNames(window));
  const base = new Set(await names(plain));
  const extra = (await names(page)).filter((name) => !base.has(name));
  assert.deepEqual(extra, [], "new globals");
  assert.ok(await page.evaluate(() => !!customElements.get("privacy-notice")));
});
