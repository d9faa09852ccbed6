// The browser trusts no notice file: a `src=` file built from `notice
// export --json` the way a hostile web page would, and what a family types
// stays in the widget. Each test fails without its fix (issue: hardening,
// round two).
//
// Run: node --test --test-concurrency=1 tests/browser/   (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer, get } from "node:http";
import path from "node:path";
import { ROOT, assertNoPageErrors, startSuite, waitForWidgets, widget } from "./support.mjs";

const suite = startSuite();

/** A bundled notice as `notice export --json` prints it: what a council's `src=` file is. */
function exported(id) {
  return JSON.parse(execFileSync(path.join(ROOT, "target/release/notice"), ["export", "--notice", id, "--json"], { encoding: "utf8" }));
}

const FALLBACK = `<a href="/privacy">Read our privacy notice</a>`;

/**
 * A page with `<privacy-notice src="hostile/notice.json">`, the test's
 * `files` (name → JSON value or string) served under hostile/, and the
 * widget rendered (its notice or its error box).
 */
async function hostile(t, files, options = {}) {
  const opened = await suite.openMarkup(t, `<privacy-notice src="hostile/notice.json">${FALLBACK}</privacy-notice>`, {
    ...options,
    route: (page) =>
      page.route("**/hostile/*", (route) => {
        const name = new URL(route.request().url()).pathname.split("/").pop();
        if (!Object.hasOwn(files, name)) return route.fulfill({ status: 404, body: "not here" });
        const body = files[name];
        return route.fulfill({ contentType: "application/json", body: typeof body === "string" ? body : JSON.stringify(body) });
      }),
  });
  await waitForWidgets(opened.page);
  const state = await widget(opened.page).evaluate((el) => ({
    alert: el.shadowRoot.querySelector("[role=alert]")?.textContent ?? null,
    fallback: !!el.shadowRoot.querySelector("[role=alert] + slot"),
    sections: el.shadowRoot.querySelectorAll(".pn-section").length,
  }));
  const warnings = opened.consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>")).map((m) => m.text);
  return { ...opened, state, warnings };
}

/** Asserts the error box with its fallback, and one warning matching `expected`. */
function assertRefused({ state, warnings, errors }, expected) {
  assert.ok(state.alert, "the error box is shown");
  assert.ok(state.fallback, "with the host's fallback");
  assert.equal(state.sections, 0, "and no notice from the file");
  assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(warnings)}`);
  assert.match(warnings[0], expected);
  assertNoPageErrors(errors);
}

test("a javascript: link in a src= notice is refused, never a link", async (t) => {
  const notice = exported("afc-early-help");
  notice.controller.ico_complaints_url = "javascript:window.__pwn='x';void 0";
  const opened = await hostile(t, { "notice.json": notice });
  assertRefused(opened, /controller\.ico_complaints_url: "javascript:window\.__pwn='x';void 0" is not a valid https:\/\/ web address/);
  assert.equal(await opened.page.evaluate(() => window.__pwn), undefined);
});

test("the wording's addresses become links only as notice check allows", async (t) => {
  const notice = exported("afc-early-help");
  notice.sections[0].body +=
    '\n\nSee javascript:window.__pwn=1 or http://example.org or mailto:mailto:x@example.org or a@@example.org or https://example.org/a"><script>window.__pwn=2</script> or mailto:dpo@example.org.';
  const { page, state, errors } = await hostile(t, { "notice.json": notice });
  assert.equal(state.sections > 0, true, "the notice is shown");
  const w = widget(page);
  await w.locator(".pn-disclosure-button").first().click();
  const hrefs = await w.evaluate((el) => Array.from(el.shadowRoot.querySelectorAll(".pn-section")[0].querySelectorAll("a[href]"), (a) => a.getAttribute("href")));
  assert.deepEqual(hrefs.filter((h) => !h.startsWith("#")), ["https://example.org/a", "mailto:dpo@example.org"]);
  assert.equal(await page.evaluate(() => window.__pwn), undefined);
  assertNoPageErrors(errors);
});

test("any word of 256 bytes or more is searched past, never a trap", async (t) => {
  const notice = exported("afc-early-help");
  notice.sections[0].body += `\n\n${"a".repeat(700)} ${"é".repeat(128)} ${"中".repeat(100)}`;
  notice.title += ` ${"b".repeat(300)}`;
  const { page, state, errors } = await hostile(t, { "notice.json": notice });
  assert.ok(state.sections > 0, "the notice is shown");
  const hits = await page.evaluate(() => document.querySelector("privacy-notice").search("how long do you keep it"));
  assert.ok(hits.length > 0, "the search answers");
  assertNoPageErrors(errors);
});

for (const [name, extendsValue] of [
  ["a URL on another origin", "http://127.0.0.1:8811/cors/evil"],
  ["a protocol-relative URL", "//127.0.0.1:8811/cors/evil"],
  ["a path out of the notices folder", "../../x"],
]) {
  test(`extends as ${name} is refused, and nothing is fetched for it`, async (t) => {
    const notice = exported("afc-early-help");
    notice.extends = extendsValue;
    const opened = await hostile(t, { "notice.json": notice });
    assertRefused(opened, /extends ".*", which is not a notice id .*never by an address/);
    const foreign = opened.requests.filter((url) => /cors\/evil|\/x\.json/.test(url));
    assert.deepEqual(foreign, [], "no request for what it names");
  });
}

test("extends names a bundled notice, or a notice file beside the src file", async (t) => {
  const parent = exported("afc-standard");
  parent.id = "our-corporate-notice";
  const notice = exported("afc-early-help");
  notice.extends = "our-corporate-notice";
  const { page, state, errors, requests } = await hostile(t, { "notice.json": notice, "our-corporate-notice.json": parent });
  assert.ok(state.sections > 0 && !state.alert, "the notice and the one beside it are shown");
  assert.ok(requests.some((url) => url.endsWith("/hostile/our-corporate-notice.json")), "found beside the src file");
  assert.equal(await page.evaluate(() => document.querySelector("privacy-notice").notice.id), "afc-early-help");
  assertNoPageErrors(errors);
});

for (const [name, change, expected] of [
  ["a missing content_hash", (n) => delete n.content_hash, /content_hash is missing or is not the 12 hex digits/],
  ["a content_hash that is not 12 hex digits", (n) => (n.content_hash = 1), /content_hash is missing or is not the 12 hex digits/],
  ["a hostile id", (n) => (n.id = 'x" onmouseover="alert(1)'), /id: id "x" onmouseover="alert\(1\)" is not usable in a web link/],
  ["duplicate section ids", (n) => (n.sections[1].id = n.sections[0].id), /sections\[1\]\.id: duplicate section id/],
  ["a control character in the title", (n) => (n.title = "\u001b]0;PWNED\u0007 A notice"), /title: has an invisible control character \(U\+001B\)/],
]) {
  test(`src: ${name} is refused as notice check refuses it`, async (t) => {
    const notice = exported("afc-early-help");
    delete notice.extends;
    change(notice);
    assertRefused(await hostile(t, { "notice.json": notice }), expected);
  });
}

test("src: a notice extending a notice that extends another is refused", async (t) => {
  const parent = exported("afc-standard");
  parent.id = "middle";
  parent.extends = "afc-standard";
  const notice = exported("afc-early-help");
  notice.extends = "middle";
  assertRefused(await hostile(t, { "notice.json": notice, "middle.json": parent }), /"middle" itself extends another notice/);
});

test("src: the size cap counts bytes, not characters", async (t) => {
  const notice = exported("afc-early-help");
  notice.sections[0].body += "\n\n" + "€".repeat(400_000); // 1.2 MB, 0.4 M characters
  assertRefused(await hostile(t, { "notice.json": notice }), /bytes, over the 1000000 a notice may be/);
});

/**
 * A server on 127.0.0.1 that misbehaves: /endless streams a body that never
 * ends, with no Content-Length; /silent never answers. It serves the test
 * page itself (a page from elsewhere may not fetch from loopback) and
 * passes every other request to the demo server.
 */
async function misbehavingServer(t, src) {
  let sent = 0;
  const server = createServer((request, response) => {
    if (request.url === "/silent") return; // never answers
    if (request.url === "/page.html") {
      response.writeHead(200, { "Content-Type": "text/html" });
      return response.end(
        `<!DOCTYPE html><html lang="en-GB"><head><title>Test page</title><script src="dist/privacy-notice.js" defer></script></head><body><main><privacy-notice src="${src}">${FALLBACK}</privacy-notice></main></body></html>`
      );
    }
    if (request.url !== "/endless") {
      return get(suite.url(request.url), (upstream) => {
        response.writeHead(upstream.statusCode, upstream.headers);
        upstream.pipe(response);
      });
    }
    response.writeHead(200, { "Content-Type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 32);
    const write = () => {
      while (sent < 400 * 1024 * 1024 && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once("drain", write);
      }
      response.end();
    };
    response.write("{");
    write();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const opened = await suite.open(t, null);
  await opened.page.goto(`http://127.0.0.1:${server.address().port}/page.html`);
  await waitForWidgets(opened.page, 20_000);
  const warnings = opened.consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>")).map((m) => m.text);
  return { warnings, sent: () => sent };
}

test("src: a streamed body is refused as soon as it passes the cap, not downloaded whole", async (t) => {
  const { warnings, sent } = await misbehavingServer(t, "/endless");
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /more than 1000000 bytes, over the 1000000 a notice may be/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(sent() < 50 * 1024 * 1024, `stopped early: ${sent()} bytes sent of 400 MB`);
});

test("src: a server that never answers ends in the error box, with a warning", async (t) => {
  const { warnings } = await misbehavingServer(t, "/silent");
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /did not arrive within 10 seconds/);
});

test('notice="index" loads no file the build did not write as a notice', async (t) => {
  const opened = await suite.openMarkup(t, `<privacy-notice notice="index">${FALLBACK}</privacy-notice>`);
  await waitForWidgets(opened.page);
  const warnings = opened.consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>")).map((m) => m.text);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /there is no notice with id "index"/);
});

test("search() takes only a string", async (t) => {
  const opened = await suite.openMarkup(t, `<privacy-notice notice="afc-early-help">${FALLBACK}</privacy-notice>`);
  await waitForWidgets(opened.page);
  const thrown = await opened.page.evaluate(() =>
    [null, {}, 3, undefined].map((query) => {
      try {
        document.querySelector("privacy-notice").search(query);
        return "no error";
      } catch (error) {
        return error.name;
      }
    })
  );
  assert.deepEqual(thrown, ["TypeError", "TypeError", "TypeError", "TypeError"]);
});

test("what a family types stays in the widget: closed root, no typing events outside, no internal handle", async (t) => {
  // The test keeps the (closed) roots to type in them; the page cannot.
  const opened = await suite.openMarkup(t, `<privacy-notice notice="afc-early-help">${FALLBACK}</privacy-notice>`, {
    closedShadow: true,
    route: (page) =>
      page.addInitScript(() => {
        const attach = Element.prototype.attachShadow;
        const kept = [];
        Object.defineProperty(window, "__testRoots", { value: kept });
        Element.prototype.attachShadow = function (init) {
          const root = attach.call(this, init);
          kept.push(root);
          return root;
        };
        // What a session-replay script on the host page does.
        window.__seen = [];
        for (const type of ["input", "keydown", "keyup", "change", "beforeinput"]) {
          for (const capture of [true, false]) {
            document.addEventListener(type, (e) => window.__seen.push({ type, capture, value: e.composedPath()[0].value ?? null, target: e.composedPath()[0].localName }), capture);
          }
        }
      }),
  });
  const { page, errors } = opened;
  await page.waitForFunction(() => window.__testRoots[0]?.querySelector(".pn-section"), null, { timeout: 20_000 });
  await page.evaluate(() => window.__testRoots[0].querySelector("#pn-search-input").focus());
  await page.keyboard.type("my ex is violent");
  await page.waitForTimeout(400);
  const seen = await page.evaluate(() => ({
    shadowRoot: document.querySelector("privacy-notice").shadowRoot,
    mounted: "mounted" in document.querySelector("privacy-notice"),
    typed: window.__testRoots[0].querySelector("#pn-search-input").value,
    events: window.__seen,
  }));
  assert.equal(seen.typed, "my ex is violent", "the family's words are in the box");
  assert.equal(seen.shadowRoot, null, "el.shadowRoot is null");
  assert.equal(seen.mounted, false, "no internal handle on the element");
  assert.deepEqual(seen.events.filter((e) => !e.capture), [], "no typing event bubbles out of the widget");
  assert.ok(seen.events.every((e) => e.target === "privacy-notice" && e.value === null), `capture listeners see only the element: ${JSON.stringify(seen.events.slice(0, 3))}`);
  assertNoPageErrors(errors);
});

/**
 * An init script that wraps every function the Wasm imports so that, once
 * the test sets `window.__breakWasm`, the next call throws as a trap does
 * (a `WebAssembly.RuntimeError` from inside the Wasm's call stack).
 */
const BREAKABLE_WASM = () => {
  const wrap = (imports) => {
    for (const module of Object.values(imports || {})) {
      for (const [name, f] of Object.entries(module)) {
        if (typeof f !== "function") continue;
        module[name] = function (...args) {
          if (window.__breakWasm) {
            window.__breakWasm = false;
            throw new WebAssembly.RuntimeError("unreachable");
          }
          return f.apply(this, args);
        };
      }
    }
    return imports;
  };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (source, imports) => streaming(source, wrap(imports));
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (source, imports) => instantiate(source, wrap(imports));
};

test("a trap in the Wasm is shown as every widget's error box, with the fallback, and reported once", async (t) => {
  const opened = await suite.openMarkup(
    t,
    `<privacy-notice notice="afc-early-help">${FALLBACK}</privacy-notice><privacy-notice notice="afc-family-hub">${FALLBACK}</privacy-notice>`,
    { route: (page) => page.addInitScript(BREAKABLE_WASM) }
  );
  const { page } = opened;
  await waitForWidgets(page);
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("privacy-notice-error", (e) => window.__errors.push(e.detail.message));
    window.__breakWasm = true;
  });
  await widget(page, 0).locator(".pn-disclosure-button").first().click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll("privacy-notice")).every((el) => el.shadowRoot.querySelector("[role=alert]")));
  const state = await page.evaluate(() =>
    Array.from(document.querySelectorAll("privacy-notice"), (el) => ({
      fallback: !!el.shadowRoot.querySelector("[role=alert] + slot"),
      sections: el.shadowRoot.querySelectorAll(".pn-section").length,
    }))
  );
  assert.deepEqual(state, [{ fallback: true, sections: 0 }, { fallback: true, sections: 0 }]);
  const warnings = opened.consoleMessages.filter((m) => m.type === "warning" && m.text.startsWith("<privacy-notice>")).map((m) => m.text);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /the widget stopped \(unreachable\)/);
  assert.equal((await page.evaluate(() => window.__errors)).length, 2, "each element tells the page");
  const after = await page.evaluate(() => {
    try {
      document.querySelector("privacy-notice").search("keep");
      return "no error";
    } catch (error) {
      return error.message;
    }
  });
  assert.match(after, /has stopped/);
});

test("with closed roots, a deep link opens only the first widget that has the section", async (t) => {
  const { page, errors } = await suite.openMarkup(
    t,
    `<privacy-notice notice="afc-early-help">${FALLBACK}</privacy-notice><privacy-notice notice="afc-social-care">${FALLBACK}</privacy-notice>`,
    {
      closedShadow: true,
      route: (page) =>
        page.addInitScript(() => {
          // The test keeps the roots to look inside; the page cannot.
          const attach = Element.prototype.attachShadow;
          const kept = new Map();
          Object.defineProperty(window, "__testRoot", { value: (el) => kept.get(el) });
          Element.prototype.attachShadow = function (init) {
            const root = attach.call(this, init);
            kept.set(this, root);
            return root;
          };
        }),
    }
  );
  const opened = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll("privacy-notice"), (el) => window.__testRoot(el)?.querySelector("#pn-s-introduction-button")?.getAttribute("aria-expanded") ?? null)
    );
  await page.waitForFunction(() => Array.from(document.querySelectorAll("privacy-notice")).every((el) => window.__testRoot(el)?.querySelector(".pn-section")), null, { timeout: 20_000 });
  assert.deepEqual(await opened(), ["false", "false"]);
  await page.evaluate(() => (location.hash = "introduction"));
  await page.waitForFunction(() => window.__testRoot(document.querySelector("privacy-notice")).querySelector("#pn-s-introduction-button").getAttribute("aria-expanded") === "true");
  await page.waitForTimeout(200);
  assert.deepEqual(await opened(), ["true", "false"], "the first widget takes the link, the second does not");
  assertNoPageErrors(errors);
});

test("a src= notice's source_url makes its source a link, printed with its address", async (t) => {
  const notice = exported("afc-early-help");
  notice.source = "Example Council's website";
  notice.source_url = "https://www.example.org/privacy/early-help";
  const { page, state, errors } = await hostile(t, { "notice.json": notice });
  assert.ok(state.sections > 0);
  const source = await widget(page).evaluate((el) => {
    const dt = Array.from(el.shadowRoot.querySelectorAll(".pn-facts dt")).find((d) => d.textContent === "Source");
    const a = dt.nextElementSibling.querySelector("a");
    return a && { text: a.textContent, href: a.getAttribute("href") };
  });
  assert.deepEqual(source, { text: "Example Council's website", href: "https://www.example.org/privacy/early-help" });
  await page.emulateMedia({ media: "print" });
  const printed = await widget(page).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".pn-facts a"), "::after").content);
  assert.equal(printed, '" (https://www.example.org/privacy/early-help)"');
  assertNoPageErrors(errors);
});
