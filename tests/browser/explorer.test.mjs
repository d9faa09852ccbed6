// "What happens to my data" in a real browser: switching views, the seven
// questions for each kind of data, links back to the notice's wording, the
// `view="explorer"` attribute and the contact details under "What you can do".
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoPageErrors, focusedId, inViewport, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

const QUESTIONS = [
  "What it includes",
  "Why we use it",
  "The law that lets us use it",
  "Who may see it",
  "When it may be shared without asking you",
  "How long we keep it",
  "What you can do",
];

function viewButton(page, label, n = 0) {
  return widget(page, n).locator("button.pn-view-button", { hasText: label });
}

/** Which view is pressed and which panels are rendered. */
function viewState(page, n = 0) {
  return widget(page, n).evaluate((host) => {
    const root = host.shadowRoot;
    return {
      pressed: Array.from(root.querySelectorAll(".pn-view-button"))
        .filter((b) => b.getAttribute("aria-pressed") === "true")
        .map((b) => b.textContent.trim()),
      notice: root.querySelector(".pn-notice").checkVisibility(),
      explorer: root.querySelector(".pn-explorer").checkVisibility(),
    };
  });
}

test("switches between the notice and what happens to my data", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  assert.deepEqual(await viewState(page), { pressed: ["The notice"], notice: true, explorer: false });
  assert.equal(await viewButton(page, "What happens to my data").getAttribute("aria-pressed"), "false");

  await viewButton(page, "What happens to my data").click();
  assert.deepEqual(await viewState(page), { pressed: ["What happens to my data"], notice: false, explorer: true });
  const w = widget(page);
  assert.equal((await w.locator(".pn-explorer > h3").textContent()).trim(), "What happens to my data");
  assert.ok((await w.locator(".pn-explorer .pn-section").count()) > 0, "there are kinds of data to choose");

  // With the keyboard too.
  await viewButton(page, "The notice").focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await viewState(page), { pressed: ["The notice"], notice: true, explorer: false });
  assertNoPageErrors(errors);
});

test("answers the seven questions about a kind of data", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await viewButton(page, "What happens to my data").click();
  const items = await w.evaluate((host) =>
    Array.from(host.shadowRoot.querySelectorAll(".pn-explorer .pn-section")).map((s) => {
      const button = s.querySelector(".pn-disclosure-button");
      return {
        heading: button.parentElement.tagName,
        id: button.id,
        expanded: button.getAttribute("aria-expanded"),
        controls: button.getAttribute("aria-controls"),
      };
    })
  );
  assert.ok(items.length >= 3, `${items.length} kinds of data`);
  for (const item of items) {
    assert.equal(item.heading, "H4", "kinds of data are headings one level below the explorer's heading");
    assert.match(item.id, /^pn-x-[a-z0-9-]+-button$/);
    assert.equal(item.expanded, "false", `${item.id} starts closed`);
    assert.equal(item.controls, item.id.replace(/-button$/, "-panel"));
  }

  const first = w.locator(`#${items[0].id}`);
  const panel = w.locator(`#${items[0].controls}`);
  assert.equal(await panel.locator(".pn-question").first().isVisible(), false, "closed: the questions are hidden");
  await first.focus();
  await page.keyboard.press("Enter");
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.equal(await panel.getAttribute("hidden"), null);

  // The questions are terms of a list, not headings (at heading-level 5 they were levels 7 and 8).
  const questions = panel.locator("dl.pn-answers > dt.pn-question");
  assert.deepEqual((await questions.allTextContents()).map((q) => q.trim()), QUESTIONS);
  for (let i = 0; i < QUESTIONS.length; i++) {
    assert.ok(await questions.nth(i).isVisible(), `"${QUESTIONS[i]}" is visible`);
  }
  assert.equal(await panel.locator(".pn-question:is(h1, h2, h3, h4, h5, h6, [role=heading])").count(), 0);
  // Each question has an answer, or says the notice does not say.
  const answers = await panel.evaluate((panel) =>
    Array.from(panel.querySelectorAll("dt.pn-question"), (q) => {
      const dd = q.nextElementSibling;
      return {
        question: q.textContent,
        answered: !!dd.querySelector("p[data-passage]") && dd.querySelector("p[data-passage]").textContent.trim().length > 0,
        notStated: !!dd.querySelector("p.pn-not-stated"),
      };
    })
  );
  for (const a of answers) assert.notEqual(a.answered, a.notStated, `"${a.question}": an answer, or "does not say"`);
  // Where the notice says it: said once for the kind, one list of its sections, each once.
  assert.equal(await panel.getByText("Where the notice says this").count(), 1, "said once a kind");
  const sources = await panel.locator("ul.pn-source-list a.pn-section-link[data-section]").evaluateAll((links) => links.map((a) => a.dataset.section));
  assert.ok(sources.length > 0, "links to at least one section");
  assert.equal(new Set(sources).size, sources.length, "each section once");
  assert.equal(await panel.getByRole("list", { name: "Where the notice says this" }).count(), 1, "the list is named by its label");
  assert.ok(answers.some((a) => !a.notStated), "at least one question is answered");

  await page.keyboard.press("Space");
  assert.equal(await first.getAttribute("aria-expanded"), "false", "Space closes it again");
  assert.equal(await panel.getAttribute("hidden"), "until-found");
});

test("takes you from an answer to the wording it comes from", async (t) => {
  const { page, errors } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await viewButton(page, "What happens to my data").click();
  await w.locator(".pn-explorer .pn-disclosure-button").first().click();
  const link = w.locator(".pn-explorer .pn-panel:not([hidden]) ul.pn-source-list a.pn-section-link").first();
  const sectionId = await link.getAttribute("data-section");
  assert.ok(sectionId, "the link names a section");
  assert.equal(await link.getAttribute("href"), `#${sectionId}`, "it is a real link, a deep link to the section");

  await link.click();
  assert.deepEqual(await viewState(page), { pressed: ["The notice"], notice: true, explorer: false }, "back in the notice view");
  const button = w.locator(`#pn-s-${sectionId}-button`);
  assert.equal(await button.getAttribute("aria-expanded"), "true", "the section is open");
  assert.equal(await w.locator(`#pn-s-${sectionId}-panel`).getAttribute("hidden"), null);
  assert.equal(await focusedId(page), `pn-s-${sectionId}-button`, "its button has focus");
  assert.ok(await inViewport(button), "it is scrolled into view");
  assert.equal(new URL(page.url()).hash, `#${sectionId}`, "the address is the section's deep link");
  assertNoPageErrors(errors);
});

test("starts in what happens to my data when the page asks for it", async (t) => {
  const { page, errors, consoleMessages } = await suite.open(t, "notices/afc-family-hub.html");
  await page.evaluate(() => {
    const el = document.createElement("privacy-notice");
    el.setAttribute("notice", "afc-family-hub");
    el.setAttribute("heading-level", "2");
    el.setAttribute("view", "explorer");
    document.querySelector("main").append(el);
  });
  await waitForWidgets(page);
  assert.deepEqual(await viewState(page, 1), { pressed: ["What happens to my data"], notice: false, explorer: true });
  assert.deepEqual(await viewState(page, 0), { pressed: ["The notice"], notice: true, explorer: false }, "the other widget is not changed");
  // The notice is one click away.
  await viewButton(page, "The notice", 1).click();
  assert.deepEqual(await viewState(page, 1), { pressed: ["The notice"], notice: true, explorer: false });
  assertNoPageErrors(errors);
  assert.deepEqual(consoleMessages.filter((m) => m.type === "warning" || m.type === "error"), []);
});

test("shows how to contact the Data Protection Officer under what you can do", async (t) => {
  const { page } = await suite.open(t, "notices/afc-early-help.html");
  const w = widget(page);
  await viewButton(page, "What happens to my data").click();
  const firstButton = w.locator(".pn-explorer .pn-disclosure-button").first();
  await firstButton.click();
  const panel = w.locator(`#${await firstButton.getAttribute("aria-controls")}`);
  const contacts = await panel.evaluate((panel) => {
    const question = Array.from(panel.querySelectorAll("dt.pn-question")).find((q) => q.textContent === "What you can do");
    const list = question && question.nextElementSibling.querySelector("ul.pn-contacts");
    if (!list) return null;
    return Array.from(list.querySelectorAll("a")).map((a) => ({ href: a.getAttribute("href"), text: a.textContent }));
  });
  assert.ok(contacts, "a list of contacts follows “What you can do”");
  const dpo = contacts.find((c) => c.href.startsWith("mailto:"));
  assert.deepEqual(dpo, { href: "mailto:dpo@achievingforchildren.org.uk", text: "dpo@achievingforchildren.org.uk" });
  assert.ok(await panel.locator('ul.pn-contacts a[href^="mailto:"]').isVisible(), "the email link is visible");
  assert.ok(
    contacts.some((c) => /^https:\/\/(www\.)?ico\.org\.uk\//.test(c.href)),
    `there is a link to complain to the ICO: ${JSON.stringify(contacts)}`
  );
});

test("says when a notice gives no email for the Data Protection Officer", async (t) => {
  // afc-family-hub's source hides the email, and it extends no other notice.
  const { page } = await suite.open(t, "notices/afc-family-hub.html");
  const w = widget(page);
  await viewButton(page, "What happens to my data").click();
  await w.locator(".pn-explorer .pn-disclosure-button").first().click();
  const list = w.locator(".pn-explorer .pn-panel:not([hidden]) ul.pn-contacts");
  assert.equal(await list.locator('a[href^="mailto:"]').count(), 0, "no made-up email address");
  assert.match(await list.textContent(), /does not give an email address for the Data Protection Officer/);
});

test("with heading-level 5 no heading passes level 6", async (t) => {
  const { page, errors } = await suite.openMarkup(t, `<privacy-notice notice="afc-early-help" heading-level="5" view="explorer"><a href="/">Our notice</a></privacy-notice>`);
  await waitForWidgets(page);
  const w = widget(page);
  await w.locator(".pn-explorer .pn-disclosure-button").first().click();
  const levels = await w.evaluate((host) =>
    Array.from(host.shadowRoot.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]"), (h) => Number(h.getAttribute("aria-level") || h.tagName.slice(1)))
  );
  assert.ok(levels.length > 5, `${levels.length} headings`);
  assert.ok(Math.max(...levels) <= 6, `levels ${[...new Set(levels)].join(", ")}`);
  assert.equal(await w.locator(".pn-title").evaluate((h) => h.tagName), "H5");
  assertNoPageErrors(errors);
});
