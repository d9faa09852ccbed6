// What a host page's script and form see of <privacy-notice>: the `notice`
// property, search(), openSection(), showAll(), the privacy-notice-* events,
// the `form-field` record of the notice shown, and a council's own notice
// from `src` (good and bad files). Never what a family typed.
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, assertNoPageErrors, search, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

/** Records every privacy-notice-* event on the document, with its detail. */
function recordEvents(page) {
  return page.addInitScript(() => {
    window.__events = [];
    for (const name of ["ready", "error", "toggle", "view", "search"]) {
      document.addEventListener("privacy-notice-" + name, (e) =>
        window.__events.push({ name, detail: e.detail, composed: e.composed, bubbles: e.bubbles, target: e.target.localName })
      );
    }
  });
}

/**
 * The property names a type in dist/privacy-notice.d.ts declares: an
 * interface's by its name, or an event's detail by the event's name.
 */
function declared(name) {
  const types = readFileSync(path.join(ROOT, "dist", "privacy-notice.d.ts"), "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const body = name.startsWith("privacy-notice-")
    ? types.match(new RegExp(`"${name}": CustomEvent<\\{([^}]*)\\}>`))?.[1]
    : types.match(new RegExp(`interface ${name} \\{([^}]*)\\}`))?.[1];
  assert.ok(body, `${name} is declared in privacy-notice.d.ts`);
  return Array.from(body.matchAll(/(?:^|[;{\n])\s*(?:readonly\s+)?(\w+)\??:/g), (m) => m[1]).sort();
}

const events = (page, name) => page.evaluate((name) => window.__events.filter((e) => !name || e.name === name), name);

test("says when it is ready, and what notice it shows", async (t) => {
  const { page, errors } = await suite.open(t, null);
  await recordEvents(page);
  await page.goto(suite.url("notices/afc-early-help.html"));
  await waitForWidgets(page);
  const notice = await widget(page).evaluate((el) => el.notice);
  assert.equal(notice.id, "afc-early-help");
  assert.equal(notice.title, "Privacy notice for Early Help Hub");
  assert.ok("version" in notice && "lastUpdated" in notice, "version and lastUpdated are there (null when the notice does not say)");
  assert.match(notice.contentHash, /^[0-9a-f]{12}$/, "a content hash");
  const ready = await events(page, "ready");
  assert.equal(ready.length, 1, "one ready event");
  assert.deepEqual(ready[0].detail, notice, "its detail is el.notice");
  assert.ok(ready[0].bubbles && ready[0].composed, "it bubbles out of the shadow root");
  assert.equal(ready[0].target, "privacy-notice");
  assertNoPageErrors(errors);
});

test("search() gives the hits the search box shows, without being typed", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const hits = await widget(page).evaluate((el) => el.search("who will see this", { limit: 3 }));
  assert.ok(hits.length > 0 && hits.length <= 3, `one to three hits: ${JSON.stringify(hits)}`);
  const hitKeys = declared("PrivacyNoticeHit");
  assert.ok(hitKeys.includes("leadsTo") && hitKeys.includes("section"), `the declared keys were read: ${hitKeys}`);
  for (const hit of hits) {
    assert.deepEqual(Object.keys(hit).sort(), hitKeys, "a hit has exactly the keys privacy-notice.d.ts declares");
    assert.ok(typeof hit.heading === "string" && hit.heading && typeof hit.text === "string" && hit.text);
    assert.ok(typeof hit.score === "number" && hit.score > 0);
    assert.ok(hit.section === null || typeof hit.section === "string");
  }
  await search(page, 0, "who will see this");
  const shown = await widget(page).evaluate((el) =>
    Array.from(el.shadowRoot.querySelectorAll("ol.pn-result-list > li > :first-child")).map((a) => a.textContent)
  );
  assert.deepEqual(hits.map((h) => h.heading), shown.slice(0, hits.length), "the same hits, in the same order");
  const tooLong = await widget(page).evaluate((el) => {
    try {
      el.search("word ".repeat(201));
      return null;
    } catch (error) {
      return error.message;
    }
  });
  assert.match(tooLong ?? "", /too long|shorter|words/i, "a question over 1,000 characters is refused with a message");
  // A family's long message is searched, by the words that carry its ask.
  const story =
    "My daughter is 14 and things have been hard at home since her dad left and she stopped going to school most days, " +
    "the school sent a referral and I am scared of what happens next and who gets told, can the police see it?";
  const fromStory = await widget(page).evaluate((el, story) => el.search(story).map((h) => h.text), story);
  assert.ok(story.length > 200 && fromStory.length > 0, "a long message is answered, not refused");
  assertNoPageErrors(errors);
});

test("every hit says where it leads: a section, a kind of data and its question, a definition or the facts", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  const asks = ["how long do you keep my information", "who will see this", "what does safeguarding mean", "when was this updated", "can I say no"];
  const hits = (await w.evaluate((el, asks) => asks.flatMap((ask) => el.search(ask, { limit: 50 })), asks));
  const seen = new Set(hits.map((h) => h.leadsTo));
  for (const kind of ["section", "explorer", "glossary", "about"]) assert.ok(seen.has(kind), `some hit leads to ${kind}: ${[...seen]}`);
  const questions = ["includes", "why", "lawful_basis", "who_sees", "shared_without_asking", "kept_for", "your_rights"];
  for (const hit of hits) {
    const where = JSON.stringify(hit);
    if (hit.leadsTo === "section") {
      assert.ok(typeof hit.section === "string" && hit.kind === null && hit.question === null && hit.from.length === 0, where);
      assert.equal(await w.evaluate((el, id) => el.openSection(id), hit.section), true, `its section opens: ${where}`);
    } else if (hit.leadsTo === "explorer") {
      assert.ok(hit.section === null && typeof hit.kind === "string" && questions.includes(hit.question), where);
      assert.ok(Array.isArray(hit.from), where);
      for (const id of hit.from) assert.equal(await w.evaluate((el, id) => el.openSection(id), id), true, `the section it comes from opens: ${where}`);
    } else {
      assert.ok(hit.section === null && hit.kind === null && hit.question === null && hit.from.length === 0, where);
    }
  }
  assert.ok(hits.some((h) => h.leadsTo === "explorer" && h.from.length > 0), "an explorer answer names the sections it comes from");
  assertNoPageErrors(errors);
});

test("openSection() opens and scrolls without taking focus, unless asked", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await page.locator("h1").first().evaluate((h) => {
    h.tabIndex = -1;
    h.focus();
  });
  const opened = await w.evaluate((el) => el.openSection("who-we-share-with"));
  assert.equal(opened, true);
  assert.equal(await w.locator("#pn-s-who-we-share-with-button").getAttribute("aria-expanded"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.localName), "h1", "focus stays where the page had it");
  await w.evaluate((el) => el.openSection("your-rights", { focus: true }));
  assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.id), "pn-s-your-rights-button", "focus moves when asked");
  assert.equal(await w.evaluate((el) => el.openSection("no-such-section")), false);
});

test("tells the page about toggles, views, searches and showAll(), never the words typed", async (t) => {
  const { page, errors } = await suite.open(t, null);
  await recordEvents(page);
  await page.goto(suite.url("notices/afc-early-help.html"));
  await waitForWidgets(page);
  const w = widget(page);
  await w.locator("#pn-s-introduction-button").click();
  assert.deepEqual((await events(page, "toggle")).map((e) => e.detail), [{ section: "introduction", open: true }]);

  await w.locator("#pn-s-introduction-button").click();
  assert.deepEqual((await events(page, "toggle")).at(-1).detail, { section: "introduction", open: false });

  await w.locator("button.pn-view-button", { hasText: "What happens to my data" }).click();
  await w.locator("button.pn-view-button", { hasText: "The notice" }).click();
  assert.deepEqual((await events(page, "view")).map((e) => e.detail), [{ view: "explorer" }, { view: "notice" }]);

  const secret = "my ex hits me zanzibarquokka";
  await search(page, 0, secret);
  const searches = await events(page, "search");
  assert.ok(searches.length >= 1, "a search event");
  for (const e of searches) {
    assert.deepEqual(Object.keys(e.detail), ["resultCount"]);
    assert.equal(typeof e.detail.resultCount, "number");
  }
  const sections = await w.evaluate((el) => el.shadowRoot.querySelectorAll(".pn-notice .pn-disclosure-button").length);
  const before = (await events(page, "toggle")).length;
  await w.evaluate((el) => el.showAll());
  assert.equal(
    await w.evaluate((el) => Array.from(el.shadowRoot.querySelectorAll(".pn-notice .pn-disclosure-button")).every((b) => b.getAttribute("aria-expanded") === "true")),
    true,
    "every section is open"
  );
  assert.equal((await events(page, "toggle")).length - before, sections, "one toggle event per section opened");

  for (const name of ["toggle", "view", "search"]) {
    const declaredKeys = declared("privacy-notice-" + name);
    assert.ok(declaredKeys.length > 0, `the ${name} event's detail is declared`);
    for (const e of await events(page, name)) {
      assert.deepEqual(Object.keys(e.detail).sort(), declaredKeys, `a ${name} event's detail has the keys privacy-notice.d.ts declares`);
    }
  }
  // Nothing a family typed reaches the page: not in any event, not in any property.
  const everything = JSON.stringify(await events(page)) + JSON.stringify(await w.evaluate((el) => ({ notice: el.notice, attributes: el.getAttributeNames().map((n) => el.getAttribute(n)) })));
  for (const word of secret.split(" ").filter((x) => x.length > 2)) {
    assert.ok(!everything.includes(word), `"${word}" is not handed to the page`);
  }
  assertNoPageErrors(errors);
});

test("the API says clearly when it is used before the widget has started", async (t) => {
  const { page } = await suite.open(t, null);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(suite.url("notices/afc-early-help.html"));
  await waitForWidgets(page);
  const message = await widget(page).evaluate((el) => {
    try {
      el.showAll();
      return null;
    } catch (error) {
      return error.message;
    }
  });
  assert.match(message ?? "", /has not started.*privacy-notice-ready/);
  assert.equal(await widget(page).evaluate((el) => el.notice), null);
});

test("an error is an event too, with the message", async (t) => {
  const { page } = await suite.open(t, null);
  await recordEvents(page);
  await page.goto(suite.url("unknown-notice.html"));
  await waitForWidgets(page);
  const errorEvents = await events(page, "error");
  assert.ok(errorEvents.length >= 1, "an error event");
  assert.ok(errorEvents.every((e) => typeof e.detail.message === "string" && e.detail.message.length > 0 && e.bubbles && e.composed));
  assert.equal((await events(page, "ready")).length, 0, "and no ready event");
});

/** A page of the test's own `markup`, its widgets rendered. */
async function formPage(t, markup, options = {}) {
  const opened = await suite.openMarkup(t, markup, options);
  await waitForWidgets(opened.page);
  return opened;
}

test("form-field records in the form which notice, and which wording, the family had beside them", async (t) => {
  const { page, errors } = await formPage(
    t,
    `<form id="referral"><label>Name <input name="name" value="A"></label>
       <privacy-notice notice="afc-early-help" form-field="privacy_notice"><a href="/">Our notice</a></privacy-notice></form>
     <form id="other"></form>
     <privacy-notice notice="afc-family-hub" form="other" form-field="notice_shown"><a href="/">Our notice</a></privacy-notice>`
  );
  const sent = await page.evaluate(() => ({
    referral: Object.fromEntries(new FormData(document.getElementById("referral"))),
    other: Object.fromEntries(new FormData(document.getElementById("other"))),
    hashes: Array.from(document.querySelectorAll("privacy-notice")).map((el) => el.notice.contentHash),
  }));
  // afc-early-help extends afc-standard: the family saw its sections too.
  assert.match(sent.referral.privacy_notice, /^afc-early-help@[0-9a-f]{12} afc-standard@[0-9a-f]{12}$/);
  assert.ok(sent.referral.privacy_notice.startsWith(`afc-early-help@${sent.hashes[0]} `));
  assert.equal(sent.referral.name, "A", "the form's own fields are untouched");
  assert.equal(sent.other.notice_shown, `afc-family-hub@${sent.hashes[1]}`, "form=\"ID\" reaches a form the element is not in");
  assert.equal(Object.keys(sent.referral).length, 2, "one record, no more");
  assertNoPageErrors(errors);
});

test("form-field records nothing when no notice could be shown", async (t) => {
  const { page } = await formPage(
    t,
    `<form id="referral"><privacy-notice notice="no-such-notice" form-field="privacy_notice"><a href="/">Our notice</a></privacy-notice></form>`
  );
  const sent = await page.evaluate(() => Object.fromEntries(new FormData(document.getElementById("referral"))));
  assert.deepEqual(sent, {});
});

test("src shows a council's own notice, with search and deep links", async (t) => {
  const { page, errors } = await suite.open(t, "own-notice.html");
  const w = widget(page);
  assert.match(await w.locator(".pn-title").textContent(), /made-up example/);
  assert.equal(await w.evaluate((el) => el.notice.id), "example-council");
  await search(page, 0, "how long do you keep it");
  const first = await w.locator("ol.pn-result-list > li").first().textContent();
  assert.match(first, /6 years/, "the search works on it");
  assertNoPageErrors(errors);
});

/** The widget with `src` pointing at a file the test serves. */
async function ownNotice(t, body, status = 200) {
  const { page, errors, consoleMessages } = await formPage(t, `<privacy-notice src="own/notice.json"><a href="/privacy">Read our privacy notice</a></privacy-notice>`, {
    route: (page) =>
      page.route("**/own/notice.json", (route) =>
        route.fulfill({ status, contentType: "application/json", body: typeof body === "string" ? body : JSON.stringify(body) })
      ),
  });
  const w = widget(page);
  const shown = await w.evaluate((el) => ({
    alert: el.shadowRoot.querySelector("[role=alert]")?.textContent ?? null,
    fallback: el.shadowRoot.querySelector("[role=alert] + slot")?.assignedNodes().some((n) => n.textContent.includes("Read our privacy notice")) ?? false,
  }));
  const warnings = consoleMessages.filter((m) => m.type === "warning").map((m) => m.text);
  return { shown, warnings, errors };
}

for (const [name, body, status, expected] of [
  ["a missing file", "not here", 404, /own\/notice\.json \(the element's src\) was not found \(HTTP 404\)/],
  ["a file that is not JSON", "<html>oops</html>", 200, /is not JSON/],
  ["a file over 1 MB", JSON.stringify({ id: "x", padding: "x".repeat(1_100_000) }), 200, /over the 1000000/],
  ["a notice without a title", { id: "x", language: "en-GB", source: "s", controller: { name: "c" }, sections: [], explorer: [] }, 200, /title is missing or is not text/],
  [
    "a section body that is not text",
    { id: "x", title: "t", language: "en-GB", source: "s", controller: { name: "c" }, sections: [{ id: "a", heading: "h", summary: "s", body: 3 }], explorer: [] },
    200,
    /sections\[0\]\.body is missing or is not text/,
  ],
  [
    "an answer from a section the notice does not have",
    {
      id: "x", title: "t", language: "en-GB", source: "s", controller: { name: "c" }, content_hash: "0123456789ab",
      sections: [{ id: "a", heading: "h", summary: "s", body: "b" }],
      explorer: [{ id: "k", label: "l", answers: [{ question: "why", text: "t", from: ["nope"] }] }],
    },
    200,
    /section "nope", which the notice does not have/,
  ],
]) {
  test(`src: ${name} gets the error box, the fallback link and one clear warning`, async (t) => {
    const { shown, warnings, errors } = await ownNotice(t, body, status);
    assert.ok(shown.alert, "the error box is shown");
    assert.ok(shown.fallback, "with the host's fallback link");
    const ours = warnings.filter((w) => w.startsWith("<privacy-notice>"));
    assert.equal(ours.length, 1, `one warning: ${JSON.stringify(warnings)}`);
    assert.match(ours[0], expected);
    assertNoPageErrors(errors);
  });
}

test("form-field fills the form's own field of that name rather than adding a second", async (t) => {
  const { page, errors } = await formPage(
    t,
    `<form id="referral"><input type="hidden" name="privacy_notice" value="">
       <privacy-notice notice="afc-early-help" form-field="privacy_notice"><a href="/">Our notice</a></privacy-notice></form>`
  );
  const sent = await page.evaluate(() => new FormData(document.getElementById("referral")).getAll("privacy_notice"));
  assert.equal(sent.length, 1, `one record: ${JSON.stringify(sent)}`);
  assert.match(sent[0], /^afc-early-help@[0-9a-f]{12} afc-standard@[0-9a-f]{12}$/);
  assertNoPageErrors(errors);
});

test("the export's hidden input records the notice without the widget, and the widget keeps it single", async (t) => {
  const fragment = execFileSync(path.join(ROOT, "target/release/notice"), ["export", "--notice", "afc-early-help", "--html", "--form-field", "privacy_notice"], { encoding: "utf8" });
  const markup = `<form id="referral"><privacy-notice notice="afc-early-help" form-field="privacy_notice">${fragment}</privacy-notice></form>`;
  // Without JavaScript: the pasted input alone.
  const bare = await suite.openMarkup(t, markup, { context: { javaScriptEnabled: false } });
  const without = await bare.page.evaluate(() => new FormData(document.getElementById("referral")).getAll("privacy_notice"));
  assert.equal(without.length, 1);
  assert.match(without[0], /^afc-early-help@[0-9a-f]{12} afc-standard@[0-9a-f]{12}$/);
  // With the widget: still one record, the same.
  const { page } = await formPage(t, markup);
  const withWidget = await page.evaluate(() => new FormData(document.getElementById("referral")).getAll("privacy_notice"));
  assert.deepEqual(withWidget, without);
});
