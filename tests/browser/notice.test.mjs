// The notice view in a real browser: every demo notice renders, sections
// open and close with the keyboard, "Show all sections", deep links and the
// `open` attribute, find-in-page, inherited sections, print, a 320 px
// screen, visible focus and target sizes.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  NOTICE_IDS,
  ROOT,
  assertNoPageErrors,
  focusedId,
  inViewport,
  search,
  startSuite,
  waitForWidgets,
  widget,
} from "./support.mjs";

const suite = startSuite();

/** A notice's title, from its source file in notices/. */
function noticeTitle(id) {
  const source = readFileSync(path.join(ROOT, "notices", `${id}.toml`), "utf8");
  const match = source.match(/^title\s*=\s*"(.*)"\s*$/m);
  assert.ok(match, `notices/${id}.toml has a title`);
  return match[1];
}

/** The state of every section of the n-th widget's notice view. */
function sectionStates(page, n = 0) {
  return widget(page, n).evaluate((host) =>
    Array.from(host.shadowRoot.querySelectorAll(".pn-notice .pn-section")).map((section) => {
      const button = section.querySelector(".pn-disclosure-button");
      const panel = section.querySelector(".pn-panel");
      return {
        id: button.id,
        expanded: button.getAttribute("aria-expanded"),
        controls: button.getAttribute("aria-controls"),
        panelId: panel.id,
        hidden: panel.getAttribute("hidden"),
      };
    })
  );
}

/** Presses Tab until focus is on an element inside the n-th widget matching `selector`. */
async function tabTo(page, selector, n = 0, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const matches = await widget(page, n).evaluate((host, selector) => {
      const active = host.shadowRoot.activeElement;
      return document.activeElement === host && !!active && active.matches(selector);
    }, selector);
    if (matches) return;
  }
  assert.fail(`Tab never reached ${selector} in ${limit} presses`);
}

for (const id of NOTICE_IDS) {
  test(`renders the title and every section of ${id}`, async (t) => {
    const { page, errors, consoleMessages } = await suite.open(t, `notices/${id}.html`);
    const w = widget(page);
    const level = Number((await w.getAttribute("heading-level")) || 2);

    const title = w.locator(`h${level}.pn-title`);
    assert.equal(await title.count(), 1, `one h${level} title`);
    assert.equal((await title.textContent()).trim(), noticeTitle(id));
    assert.ok(await title.isVisible(), "the title is visible");

    const root = w.locator("div.pn[part=root]");
    assert.equal(await root.count(), 1);
    assert.ok(await root.getAttribute("lang"), "the widget's root has a lang");

    const facts = await w.locator("dl.pn-facts dt").allTextContents();
    for (const term of ["Published by", "Last updated", "Source"]) {
      assert.ok(facts.includes(term), `the facts include "${term}": ${facts.join(", ")}`);
    }

    const sections = await sectionStates(page);
    assert.ok(sections.length > 5, `more than 5 sections, got ${sections.length}`);
    for (const s of sections) {
      assert.match(s.id, /^pn-s-[a-z0-9-]+-button$/);
      assert.equal(s.controls, s.panelId, "the button controls its own panel");
      assert.equal(s.expanded, "false", `${s.id} starts closed`);
      assert.equal(s.hidden, "until-found", `${s.panelId} is hidden until found`);
    }
    // Section headings are one level below the title, and hold the buttons.
    assert.equal(await w.locator(`.pn-notice .pn-section > h${level + 1}.pn-disclosure-heading > button`).count(), sections.length);
    // Every section also has a link in "In short".
    assert.ok((await w.locator(".pn-overview a.pn-section-link[data-section]").count()) > 5);

    assertNoPageErrors(errors);
    const noise = consoleMessages.filter((m) => m.type === "error" || m.type === "warning");
    assert.deepEqual(noise, [], "no console errors or warnings");
  });
}

test("uses the heading level the page asks for", async (t) => {
  const { page } = await suite.open(t, "two-widgets.html");
  for (const n of [0, 1]) {
    const w = widget(page, n);
    assert.equal(await w.getAttribute("heading-level"), "3");
    assert.equal(await w.locator("h3.pn-title").count(), 1);
    assert.equal(await w.locator("h4.pn-overview-heading").count(), 1);
    const sections = await w.locator(".pn-notice .pn-section").count();
    assert.equal(await w.locator(".pn-notice .pn-section > h4 > button.pn-disclosure-button").count(), sections);
  }
});

test("opens and closes a section with the keyboard", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await tabTo(page, ".pn-notice .pn-disclosure-button");
  const first = await focusedId(page);
  const [firstState, secondState] = await sectionStates(page);
  assert.equal(first, firstState.id, "the first section button is the first one Tab reaches");
  const button = w.locator(`#${first}`);
  const panel = w.locator(`#${firstState.panelId}`);

  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true", "Enter opens the section");
  assert.equal(await panel.getAttribute("hidden"), null, "the open panel has no hidden attribute");
  assert.ok(await panel.locator(".pn-summary").isVisible(), "the summary shows");
  assert.ok(await panel.locator(".pn-original").isVisible(), "the notice's wording shows");
  assert.equal(await focusedId(page), first, "focus stays on the button");

  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "false", "Space closes the section");
  assert.equal(await panel.getAttribute("hidden"), "until-found");
  assert.equal(await panel.locator(".pn-summary").isVisible(), false, "the summary is hidden again");
  assert.equal(await focusedId(page), first, "focus stays on the button");

  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "true", "Space opens it again");
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "false", "Enter closes it again");

  // A closed section's content is skipped: Tab goes to the next section's button.
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), secondState.id, "Tab from a closed section goes to the next section");
  assertNoPageErrors(errors);
});

test("shows and hides all sections with one button", async (t) => {
  const { page } = await suite.open(t, "notices/afc-standard.html");
  const w = widget(page);
  const toggle = w.locator("button.pn-toggle-all");
  // Its name says what it does, and its state agrees: collapsed while it offers to show all.
  assert.equal((await toggle.textContent()).trim(), "Show all sections");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");

  await toggle.click();
  let states = await sectionStates(page);
  assert.ok(states.every((s) => s.expanded === "true" && s.hidden === null), "every section is open");
  assert.equal((await toggle.textContent()).trim(), "Hide all sections");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");

  // Closing one section makes the button offer to show all again.
  await w.locator(`#${states[2].id}`).click();
  // Its name says what it does, and its state agrees: collapsed while it offers to show all.
  assert.equal((await toggle.textContent()).trim(), "Show all sections");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");

  await toggle.click(); // shows all again
  await toggle.click(); // hides all
  states = await sectionStates(page);
  assert.ok(states.every((s) => s.expanded === "false" && s.hidden === "until-found"), "every section is closed");
  assert.equal((await toggle.textContent()).trim(), "Show all sections");

  // Opening every section one by one also changes the button.
  for (const s of states) await w.locator(`#${s.id}`).click();
  assert.equal((await toggle.textContent()).trim(), "Hide all sections");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
});

test("opens and focuses the section named in the address", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html#who-we-share-with");
  const w = widget(page);
  const button = w.locator("#pn-s-who-we-share-with-button");
  await page.waitForFunction(
    () => document.querySelector("privacy-notice").shadowRoot.activeElement?.id === "pn-s-who-we-share-with-button",
    null,
    { timeout: 5000 }
  );
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await w.locator("#pn-s-who-we-share-with-panel").getAttribute("hidden"), null);
  assert.ok(await inViewport(button), "the section is scrolled into view");
  const others = (await sectionStates(page)).filter((s) => s.id !== "pn-s-who-we-share-with-button");
  assert.ok(others.every((s) => s.expanded === "false"), "only that section opens");

  // A later change of the address (a link on the page) does the same.
  await page.evaluate(() => {
    location.hash = "your-rights";
  });
  await page.waitForFunction(
    () => document.querySelector("privacy-notice").shadowRoot.activeElement?.id === "pn-s-your-rights-button",
    null,
    { timeout: 5000 }
  );
  assert.equal(await w.locator("#pn-s-your-rights-button").getAttribute("aria-expanded"), "true");
  assert.ok(await inViewport(w.locator("#pn-s-your-rights-button")));
  assertNoPageErrors(errors);
});

test("opens the section named by the open attribute without moving focus", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "notices/afc-standard.html");
  await page.evaluate(() => {
    const el = document.createElement("privacy-notice");
    el.setAttribute("notice", "afc-standard");
    el.setAttribute("heading-level", "2");
    el.setAttribute("open", "your-rights");
    document.querySelector("main").append(el);
  });
  await waitForWidgets(page);
  const states = await sectionStates(page, 1);
  const rights = states.find((s) => s.id === "pn-s-your-rights-button");
  assert.ok(rights, "afc-standard has a your-rights section");
  assert.equal(rights.expanded, "true", "the open attribute opens the section");
  assert.equal(rights.hidden, null);
  assert.ok(states.filter((s) => s !== rights).every((s) => s.expanded === "false"), "the others stay closed");
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "focus is not moved");
  // The first widget on the page is not affected.
  assert.ok((await sectionStates(page, 0)).every((s) => s.expanded === "false"));
  assertNoPageErrors(errors);
  assert.deepEqual(consoleMessages.filter((m) => m.type === "warning" || m.type === "error"), []);
});

test("keeps closed sections findable with the browser's find in page", async (t) => {
  const { page } = await suite.open(t, "notices/afc-family-hub.html");
  const states = await sectionStates(page);
  assert.ok(states.every((s) => s.hidden === "until-found"), "closed panels use hidden=until-found, not display: none");
  // Chromium fires `beforematch` on a hidden=until-found panel when find in
  // page matches text in it, then removes the attribute; the button must follow.
  const target = states[3];
  await widget(page).evaluate((host, panelId) => {
    const panel = host.shadowRoot.getElementById(panelId);
    panel.dispatchEvent(new Event("beforematch"));
    panel.removeAttribute("hidden");
  }, target.panelId);
  const after = (await sectionStates(page))[3];
  assert.equal(after.expanded, "true", "the button says the section is open after find in page reveals it");
  // And the button still closes it.
  await widget(page).locator(`#${target.id}`).click();
  const closed = (await sectionStates(page))[3];
  assert.equal(closed.expanded, "false");
  assert.equal(closed.hidden, "until-found");
});

test("marks sections that come from the standard notice", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const tags = w.locator(".pn-notice .pn-disclosure-button .pn-tag");
  const count = await tags.count();
  assert.ok(count > 0, "afc-early-help shows sections from afc-standard");
  for (const text of await tags.allTextContents()) {
    assert.equal(text.trim(), "(from “Our standard privacy notice”)");
  }
  // Heard once: not in each button's name, but as its description.
  const button = w.locator(".pn-notice .pn-disclosure-button:has(.pn-tag)").first();
  const heading = await button.locator(".pn-tag").evaluate((tag) => tag.parentElement.firstChild.textContent);
  assert.equal(await page.getByRole("button", { name: heading, exact: true }).count(), 1, "the button's name is its heading alone");
  assert.match(await button.evaluate((b) => b.getRootNode().getElementById(b.getAttribute("aria-describedby")).textContent), /comes from “Our standard privacy notice”/);
  // Each marked section explains it in its panel, and only those do.
  const pairs = await w.evaluate((host) =>
    Array.from(host.shadowRoot.querySelectorAll(".pn-notice .pn-section")).map((s) => [
      !!s.querySelector(".pn-disclosure-button .pn-tag"),
      !!s.querySelector(".pn-panel p.pn-inherited"),
    ])
  );
  assert.ok(pairs.every(([tag, note]) => tag === note), "every tagged section, and only those, has p.pn-inherited");
  const facts = await w.evaluate((host) =>
    Array.from(host.shadowRoot.querySelectorAll(".pn-facts dt")).map((dt) => [dt.textContent, dt.nextElementSibling.textContent])
  );
  assert.deepEqual(facts.find(([term]) => term === "Read it with"), ["Read it with", "Our standard privacy notice"]);

  // The standard notice itself has no inherited sections.
  const standard = await suite.open(t, "notices/afc-standard.html");
  assert.equal(await widget(standard.page).locator(".pn-tag, .pn-inherited").count(), 0);
});

/** Every notice panel's print layout. */
function printLayout(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const panels = Array.from(root.querySelectorAll(".pn-notice .pn-panel")).map((panel) => {
      const style = getComputedStyle(panel);
      const original = panel.querySelector(".pn-original");
      return {
        id: panel.id,
        display: style.display,
        contentVisibility: style.contentVisibility,
        height: panel.getBoundingClientRect().height,
        originalHeight: original ? original.getBoundingClientRect().height : 0,
      };
    });
    // Rendered or not (a parent with display: none hides it too).
    const controls = Object.fromEntries(
      [".pn-search", "#pn-search-input", ".pn-view-button", ".pn-toggle-all"].map((sel) => [
        sel,
        root.querySelector(sel).checkVisibility(),
      ])
    );
    const notice = getComputedStyle(root.querySelector(".pn-notice")).display;
    // "What happens to my data", after the notice, every kind open.
    const kinds = Array.from(root.querySelectorAll(".pn-explorer .pn-panel"), (panel) => panel.checkVisibility() && panel.getBoundingClientRect().height > 0);
    const explorerAfterNotice = !!(root.querySelector(".pn-notice").compareDocumentPosition(root.querySelector(".pn-explorer")) & Node.DOCUMENT_POSITION_FOLLOWING);
    // A link's address is printed once: after its text only where the text is not the address.
    const links = Array.from(root.querySelectorAll("a[href]"), (a) => [a.textContent, getComputedStyle(a, "::after").content]);
    return { panels, controls, notice, kinds, explorerAfterNotice, links };
  });
}

function assertPrintsEverything(layout) {
  assert.ok(layout.panels.length > 5);
  assert.notEqual(layout.notice, "none", "the notice is printed");
  for (const p of layout.panels) {
    assert.notEqual(p.display, "none", `${p.id} is displayed`);
    assert.notEqual(p.contentVisibility, "hidden", `${p.id}'s content is rendered`);
    assert.ok(p.height > 0, `${p.id} has a height`);
    assert.ok(p.originalHeight > 0, `${p.id}'s wording has a height`);
  }
  for (const [sel, rendered] of Object.entries(layout.controls)) {
    assert.equal(rendered, false, `${sel} is not printed`);
  }
  assert.ok(layout.kinds.length >= 3 && layout.kinds.every(Boolean), `every kind of data is printed: ${JSON.stringify(layout.kinds)}`);
  assert.ok(layout.explorerAfterNotice, "after the notice");
  const addresses = layout.links.filter(([text]) => /@|^https:/.test(text));
  assert.ok(addresses.length > 0, "the notice links addresses");
  for (const [text, after] of addresses) {
    assert.ok(after === "none" || after === "normal", `"${text}" is printed once, not again as "${after}"`);
  }
}

test("prints every section with the controls left out", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  await page.emulateMedia({ media: "print" });
  assertPrintsEverything(await printLayout(page));

  // Also when the reader was looking at "What happens to my data".
  await page.emulateMedia({ media: "screen" });
  await widget(page).locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  await page.emulateMedia({ media: "print" });
  assertPrintsEverything(await printLayout(page));
});

/** How much wider than the viewport the page is. */
async function assertNoSideways(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.equal(innerWidth, 320);
  assert.ok(scrollWidth <= 320, `${what}: the page is ${scrollWidth}px wide on a 320px screen`);
}

for (const pagePath of ["notices/afc-early-help.html", "early-help-request.html"]) {
  test(`fits a 320 pixel wide screen without scrolling sideways (${pagePath})`, async (t) => {
    const { page } = await suite.open(t, pagePath, { context: { viewport: { width: 320, height: 800 } } });
    await assertNoSideways(page, "as loaded");
    const w = widget(page);
    await w.locator("button.pn-toggle-all").click();
    assert.ok((await sectionStates(page)).every((s) => s.expanded === "true"));
    await assertNoSideways(page, "all sections open");
    await search(page, 0, "share");
    await assertNoSideways(page, "search results");
    await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
    const items = w.locator(".pn-explorer .pn-disclosure-button");
    for (let i = 0; i < (await items.count()); i++) await items.nth(i).click();
    await assertNoSideways(page, "every kind of data open");
  });
}

test("shows where the keyboard focus is on every control", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await w.locator("button.pn-toggle-all").click(); // so links and terms in the panels are reachable too
  await search(page, 0, "share"); // and the result links
  await page.locator("h1").click(); // start from the page, before the widget
  await tabTo(page, "#pn-search-input");
  const seen = [];
  for (let i = 0; i < 600; i++) {
    const focus = await w.evaluate((host) => {
      if (document.activeElement !== host) return null;
      const el = host.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== "none";
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className} "${el.textContent.trim().slice(0, 40)}"`,
        visible: outline || shadow,
        focusVisible: el.matches(":focus-visible"),
      };
    });
    if (!focus) break;
    seen.push(focus);
    await page.keyboard.press("Tab");
  }
  assert.ok(seen.length > 30, `Tab went through ${seen.length} controls in the widget`);
  const invisible = seen.filter((f) => !f.visible || !f.focusVisible).map((f) => f.what);
  assert.deepEqual(invisible, [], "every focused control shows a focus outline");
  const kinds = new Set(seen.map((f) => f.what.split(/[#. ]/)[0]));
  for (const tag of ["input", "button", "a"]) assert.ok(kinds.has(tag), `focus reached a ${tag}`);
});

test("makes buttons and the search box at least 24 by 24 pixels", async (t) => {
  const { page } = await suite.open(t, "notices/afc-social-care.html");
  const w = widget(page);
  const measure = (selector) =>
    w.evaluate(
      (host, selector) =>
        Array.from(host.shadowRoot.querySelectorAll(selector)).map((el) => {
          const r = el.getBoundingClientRect();
          return { what: `${selector} "${el.textContent.trim().slice(0, 40)}"`, width: r.width, height: r.height };
        }),
      selector
    );
  const targets = [
    ...(await measure("button.pn-view-button")),
    ...(await measure("button.pn-toggle-all")),
    ...(await measure(".pn-notice button.pn-disclosure-button")),
    ...(await measure("#pn-search-input")),
  ];
  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  targets.push(...(await measure(".pn-explorer button.pn-disclosure-button")));
  assert.ok(targets.length > 10);
  const small = targets.filter((r) => r.width < 24 || r.height < 24);
  assert.deepEqual(small, [], "targets smaller than 24×24 px");
});

test("explains a term in the notice's wording when you choose it", async (t) => {
  const { page } = await suite.open(t, "notices/afc-standard.html");
  const w = widget(page);
  await w.locator("button.pn-toggle-all").click();
  const term = w.locator(".pn-original .pn-term").first();
  assert.ok((await w.locator(".pn-original .pn-term").count()) > 0, "the notice has glossary terms");
  const definition = w.locator(`#${await term.getAttribute("aria-controls")}`);
  assert.equal(await term.getAttribute("aria-expanded"), "false");
  assert.equal(await definition.isVisible(), false, "the definition starts hidden");
  assert.ok(await definition.evaluate((d) => d.classList.contains("pn-definition")));

  await term.focus();
  await page.keyboard.press("Enter");
  assert.equal(await term.getAttribute("aria-expanded"), "true");
  assert.ok(await definition.isVisible(), "the definition shows");
  const text = (await definition.textContent()).trim();
  assert.match(text, /^\(.+: .+\)$/, `the definition names the term and explains it: ${text}`);

  await page.keyboard.press("Space");
  assert.equal(await term.getAttribute("aria-expanded"), "false");
  assert.equal(await definition.isVisible(), false, "the definition hides again");
});

test("ignores links on the page to things that are not its sections", async (t) => {
  const { page, errors } = await suite.open(t, "early-help-request.html");
  // "Read how we use your information" links to #privacy-notice, the page's own element.
  await page.locator('#form-start a[href="#privacy-notice"]').click();
  assert.equal(new URL(page.url()).hash, "#privacy-notice");
  assert.ok((await sectionStates(page)).every((s) => s.expanded === "false"), "no section opens");
  assert.equal(await widget(page).locator("button.pn-view-button[aria-pressed=true]").textContent(), "The notice");
  // Nor does loading the page at the skip link's target.
  await page.goto(suite.url("early-help-request.html#main-content"));
  await waitForWidgets(page);
  assert.ok((await sectionStates(page)).every((s) => s.expanded === "false"));
  assertNoPageErrors(errors);
});

test("a long glossary term wraps as the words of its sentence, not as a block", async (t) => {
  const { page } = await suite.open(t, "notices/afc-standard.html", { context: { viewport: { width: 320, height: 640 } } });
  const w = widget(page);
  await w.locator("button.pn-toggle-all").click();
  const wrapped = await w.evaluate((host) => {
    const terms = Array.from(host.shadowRoot.querySelectorAll(".pn-original .pn-term"));
    // A term that takes more than one line box: a block would have one rectangle.
    return terms.map((term) => ({ text: term.textContent, lines: term.getClientRects().length, display: getComputedStyle(term).display })).filter((t) => t.text.length > 25);
  });
  assert.ok(wrapped.length > 0, "the notice has a long term");
  for (const term of wrapped) assert.equal(term.display, "inline", `"${term.text}" is inline`);
  assert.ok(wrapped.some((term) => term.lines > 1), `a long term wraps over lines: ${JSON.stringify(wrapped)}`);
});

test("tabbing through the notice, each section's name is heard once", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const headings = await w.locator(".pn-notice .pn-disclosure-button").allTextContents();
  const names = await w.evaluate((host) => Array.from(host.shadowRoot.querySelectorAll("a[href], button, input, [tabindex='0']"), (el) => el.getAttribute("aria-label") || el.textContent.trim()));
  for (const heading of headings) {
    assert.equal(names.filter((name) => name === heading.trim()).length, 1, `"${heading}" is the name of one control: ${JSON.stringify(names.filter((n) => n === heading.trim()))}`);
  }
  // "In short" still says what each section is about, and leads to it.
  const first = w.locator(".pn-overview li").first();
  assert.match(await first.innerText(), /^Introduction: \S/);
  assert.equal(await first.locator("a.pn-section-link").getAttribute("data-section"), "introduction");
});
