// Searching a notice in a real browser: results as you type, the count in
// the live region, highlighted words, going to a result, no results,
// clearing with Escape, and forgiving typos.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoPageErrors, focusedId, inViewport, search, startSuite, widget } from "./support.mjs";

const suite = startSuite();

/** The results of the n-th widget, as the reader sees them. */
function results(page, n = 0) {
  return widget(page, n).evaluate((host) => {
    const root = host.shadowRoot;
    const box = root.querySelector("#pn-results");
    return {
      hidden: box.hidden,
      visible: box.checkVisibility(),
      summary: box.querySelector(".pn-results-summary")?.textContent ?? null,
      paragraphs: Array.from(box.querySelectorAll(":scope > p")).map((p) => p.textContent),
      items: Array.from(box.querySelectorAll("ol.pn-result-list > li")).map((li) => ({
        link: li.querySelector(":scope > a.pn-result-link")?.textContent ?? null,
        // A definition is shown whole, its term as the result's name, with no link.
        term: li.querySelector(":scope > strong")?.textContent ?? null,
        // Links in the results before this result's own (a plain answer's wording has one too).
        linksBefore: Array.from(box.querySelectorAll("ol.pn-result-list a")).indexOf(li.querySelector(":scope > a.pn-result-link")),
        section: li.querySelector(":scope > a.pn-result-link")?.getAttribute("data-section") ?? null,
        explorer: li.querySelector(":scope > a.pn-result-link")?.getAttribute("data-explorer") ?? null,
        passage: li.querySelector(":scope > a.pn-result-link")?.getAttribute("data-passage") ?? null,
        text: li.querySelector(":scope > p.pn-result-text")?.textContent ?? null,
        marks: Array.from(li.querySelectorAll("p.pn-result-text mark")).map((m) => m.textContent),
      })),
      live: root.querySelector("p[role=status][aria-live=polite]").textContent,
      input: root.querySelector("#pn-search-input").value,
    };
  });
}

test("finds passages as you type and says how many", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const input = w.locator("#pn-search-input");
  assert.equal(await w.locator("label[for=pn-search-input]").textContent(), "Search this notice");
  assert.equal(await input.getAttribute("type"), "search");
  assert.equal((await results(page)).visible, false, "no results before a search");

  await input.focus();
  await page.keyboard.type("school", { delay: 30 });
  // The summary for the whole word, not for a search made mid-word on a busy machine.
  await w.locator("#pn-results .pn-results-summary", { hasText: "‘school’" }).waitFor({ timeout: 5000 });
  const r = await results(page);
  assert.equal(r.visible, true);
  assert.ok(r.items.length > 0, "there are results");
  const expected = r.items.length === 1 ? "1 result for ‘school’" : `${r.items.length} results for ‘school’`;
  assert.equal(r.summary, expected, "the summary counts the results");
  assert.equal(r.live, expected, "the live region announces the count");
  // Heard once: the visible summary is not read again after the announcement.
  const tree = await w.locator("#pn-results").ariaSnapshot();
  assert.ok(!tree.includes(expected), `the count is not in the results' accessibility tree:\n${tree}`);
  for (const item of r.items) {
    assert.ok((item.link && item.link.trim()) || (item.term && item.term.trim()), "every result names where it is");
    assert.ok(item.section || item.explorer || /^What “?"?.+"?”? means$/.test(item.term ?? ""), `"${item.link ?? item.term}" links to a section or a kind of data, or is a definition shown whole`);
    assert.ok(item.text && item.text.trim(), "every result quotes a passage");
  }
  assert.ok(r.items.some((i) => i.marks.length > 0), "matched words are marked");
  assert.ok(
    r.items.some((i) => i.marks.some((m) => /school/i.test(m))),
    `the word itself is marked: ${JSON.stringify(r.items.map((i) => i.marks))}`
  );
  assert.equal(await focusedId(page), "pn-search-input", "focus stays in the search box");
  assertNoPageErrors(errors);
});

/** The element that has focus in the n-th widget: its passage, text and panel. */
function focused(page, n = 0) {
  return widget(page, n).evaluate((host) => {
    const el = host.shadowRoot.activeElement;
    return el
      ? {
          tag: el.localName,
          passage: el.getAttribute("data-passage"),
          text: el.textContent,
          panel: el.closest(".pn-panel")?.id ?? null,
        }
      : null;
  });
}

test("takes you to the passage a result comes from, in its section", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "school");
  const r = await results(page);
  const first = r.items.findIndex((i) => i.section && /^\d+$/.test(i.passage ?? ""));
  assert.ok(first >= 0, `a result from the notice's wording: ${JSON.stringify(r.items)}`);
  const { section: sectionId, passage } = r.items[first];

  // With the keyboard: Tab from the search box into the results, then Enter.
  await w.locator("#pn-search-input").focus();
  for (let i = 0; i <= r.items[first].linksBefore; i++) await page.keyboard.press("Tab");
  assert.equal(
    await w.evaluate((host) => host.shadowRoot.activeElement?.getAttribute("data-section")),
    sectionId,
    "Tab reaches the result"
  );
  await page.keyboard.press("Enter");
  const button = w.locator(`#pn-s-${sectionId}-button`);
  assert.equal(await button.getAttribute("aria-expanded"), "true", "the section is open");
  assert.equal(await w.locator(`#pn-s-${sectionId}-panel`).getAttribute("hidden"), null);
  const now = await focused(page);
  assert.equal(now?.panel, `pn-s-${sectionId}-panel`, "focus is in that section");
  assert.equal(now?.passage, passage, "on the passage that matched, not the top of the section");
  assert.ok(r.items[first].text.includes(now.text.trim().slice(0, 40)), `the focused passage is the one the result quoted: ${now.text}`);
  assert.ok(await inViewport(w.locator(`#pn-s-${sectionId}-panel [data-passage="${passage}"]`)), "it is scrolled into view");
  assertNoPageErrors(errors);
});

test("shows a list item with the sentence that leads into it", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "will the school be told");
  const r = await results(page);
  // The list items among the results, as the notice shows them.
  const items = [];
  for (const item of r.items.filter((i) => i.section && /^\d+$/.test(i.passage ?? ""))) {
    const el = w.locator(`#pn-s-${item.section}-panel [data-passage="${item.passage}"]`);
    // The item's own words, without the glossary's inline definitions.
    const own = await el.evaluate((e) => {
      const copy = e.cloneNode(true);
      copy.querySelectorAll(".pn-definition").forEach((d) => d.remove());
      return e.localName === "li" ? copy.textContent.replace(/\s+/g, " ").trim() : null;
    });
    if (own) items.push({ item, li: own });
  }
  assert.ok(items.length > 0, `a result is a list item: ${JSON.stringify(r.items)}`);
  for (const { item, li } of items) {
    const at = item.text.indexOf(li);
    assert.ok(at > 0, `"${item.text}" shows its lead-in before the item "${li}"`);
  }
  const texts = r.items.slice(0, 3).map((i) => i.text);
  assert.equal(new Set(texts).size, texts.length, `the top three are different passages: ${JSON.stringify(texts)}`);
});

test("takes you to the answer a result comes from, in its kind of data", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "school");
  const r = await results(page);
  const index = r.items.findIndex((i) => i.explorer);
  assert.ok(index >= 0, `a result from "What happens to my data": ${JSON.stringify(r.items.map((i) => i.link))}`);
  const { explorer: id, passage } = r.items[index];
  await w.locator("a.pn-result-link").nth(index).click();
  assert.equal(await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).getAttribute("aria-pressed"), "true");
  const button = w.locator(`#pn-x-${id}-button`);
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const now = await focused(page);
  assert.equal(now?.panel, `pn-x-${id}-panel`, "focus is in that kind of data");
  assert.equal(now?.passage, passage, "on the answer that matched");
  assert.ok(r.items[index].text.includes(now.text.trim().slice(0, 40)), "the answer the result quoted");
  assert.ok(await inViewport(w.locator(`#pn-x-${id}-panel [data-passage="${passage}"]`)));
});

test("takes questions about the notice itself to its facts", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "when was this notice last updated");
  const r = await results(page);
  const index = r.items.findIndex((i) => i.passage === "about");
  assert.ok(index >= 0, `an "About this notice" result: ${JSON.stringify(r.items)}`);
  assert.match(r.items[index].link, /About this notice/);
  await w.locator("a.pn-result-link").nth(index).click();
  const now = await focused(page);
  assert.equal(now?.tag, "dl", "the facts about the notice have focus");
  assert.match(now.text, /Last updated/);
  assertNoPageErrors(errors);
});

test("says when nothing matches and suggests what to try", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  await search(page, 0, "qwzxv");
  const r = await results(page);
  assert.equal(r.summary, "No results for ‘qwzxv’.");
  assert.equal(r.live, "No results for ‘qwzxv’.");
  assert.equal(r.items.length, 0);
  assert.equal(r.paragraphs.length, 2, "a summary and a help paragraph");
  assert.match(r.paragraphs[1], /Try other words/);
  assert.match(r.paragraphs[1], /Data Protection Officer \(dpo@achievingforchildren\.org\.uk\)/, "the DPO's email, which this notice states");
  assert.ok(await widget(page).locator("#pn-results > p").nth(1).isVisible(), "the help is visible");
});

test("clears the search with Escape", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "share");
  assert.ok((await results(page)).items.length > 0);
  await w.locator("#pn-search-input").focus();
  await page.keyboard.press("Escape");
  const r = await results(page);
  assert.equal(r.input, "", "the search box is empty");
  assert.equal(r.hidden, true, "the results are hidden");
  assert.equal(r.summary, null, "and removed");
  assert.equal(r.items.length, 0);
  assert.equal(r.live, "Search cleared.");
  assert.equal(await focusedId(page), "pn-search-input", "focus stays in the search box");
  // Nothing comes back later from a search that was still waiting.
  await page.waitForTimeout(400);
  assert.equal((await results(page)).hidden, true);
});

test("hides the results when the search box is emptied", async (t) => {
  const { page } = await suite.open(t, "notices/afc-standard.html");
  const w = widget(page);
  await search(page, 0, "rights");
  await w.locator("#pn-search-input").fill("");
  await page.waitForFunction(() => document.querySelector("privacy-notice").shadowRoot.querySelector("#pn-results").hidden, null, {
    timeout: 5000,
  });
  assert.equal((await results(page)).summary, null);
});

test("finds a passage about the police despite a typo", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  await search(page, 0, "polcie");
  const r = await results(page);
  assert.ok(r.items.length > 0, `results for a typo: ${r.summary}`);
  assert.ok(
    r.items.some((i) => /police/i.test(i.text)),
    `a passage mentions the police: ${JSON.stringify(r.items.map((i) => i.text))}`
  );
  assert.ok(
    r.items.some((i) => i.marks.some((m) => /police/i.test(m))),
    "the word the typo meant is marked"
  );
});

test("marks what was asked, not the story told around it", async (t) => {
  const { page } = await suite.open(t, "notices/afc-family-hub.html");
  await search(page, 0, "can i make the hub delete my details, we only went to one baby group");
  const marks = (await results(page)).items.flatMap((i) => i.marks);
  assert.ok(marks.some((m) => /delet|eras/i.test(m)), `what was asked is marked: ${JSON.stringify(marks)}`);
  const told = marks.filter((m) => /^(only|baby|babies|group|groups)$/i.test(m));
  assert.deepEqual(told, [], "the story's words are not marked");
});

test("a plain answer comes first, with the wording that answered beneath it, as one result", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await search(page, 0, "can I say no");
  const first = w.locator("ol.pn-result-list > li").first();
  const beneath = first.locator(".pn-result-wording");
  assert.equal(await beneath.count(), 1, "the first result has the wording beneath its plain answer");
  assert.match(await first.locator(":scope > p.pn-result-text").textContent(), /ask|choice|object|say no/i, "plain words first");
  assert.match(await beneath.locator("p.pn-result-text").textContent(), /object/i, "then the wording that answered");
  const wording = await beneath.locator("p.pn-result-text").textContent();
  const alone = await w.locator("ol.pn-result-list > li > p.pn-result-text").allTextContents();
  assert.ok(!alone.includes(wording), "the wording is not a rival result of its own");
  // Its link goes to the wording itself, with a way back to the results.
  const link = beneath.locator("a.pn-wording-link");
  const [section, passage] = [await link.getAttribute("data-section"), await link.getAttribute("data-passage")];
  assert.ok(section && /^\d+$/.test(passage), `the link names a passage of the wording: ${section} ${passage}`);
  await link.click();
  const target = w.locator(`#pn-s-${section}-panel [data-passage="${passage}"]`);
  assert.ok(await inViewport(target), "the wording is scrolled into view");
  assert.equal(await target.evaluate((el) => el.getRootNode().activeElement === el), true, "and focused");
  assert.equal(await w.getByRole("link", { name: "Back to results" }).count(), 1, "with a way back");
  assertNoPageErrors(errors);
});

test("a result's passage has a way back to the results, which stay as they were", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html", { context: { viewport: { width: 320, height: 640 } } });
  const w = widget(page);
  await search(page, 0, "who will see my information");
  const before = await results(page);
  const index = Math.min(2, before.items.length - 1);
  await w.locator("a.pn-result-link").nth(index).click();
  const back = w.getByRole("link", { name: "Back to results" });
  assert.equal(await back.count(), 1, "one way back");
  assert.ok(await inViewport(back), "beside the passage that was opened");
  await back.focus();
  await page.keyboard.press("Enter");
  const now = await w.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    return { result: a.matches("a.pn-result-link"), index: Array.from(el.shadowRoot.querySelectorAll("a.pn-result-link")).indexOf(a) };
  });
  assert.deepEqual(now, { result: true, index }, "focus is back on the result that was followed");
  assert.ok(await inViewport(w.locator("a.pn-result-link").nth(index)));
  assert.deepEqual(await results(page), before, "the results are as they were");
  assert.equal(await back.count(), 0, "the way back goes once used");
  assertNoPageErrors(errors);
});
