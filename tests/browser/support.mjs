// Shared set-up for the browser tests: starts the demo server
// (scripts/serve.mjs on a free port) and one headless Chromium per test file,
// and gives each test a fresh, isolated browser context and page.
//
// Use it from a test file like this:
//
//   import { before, after, test } from "node:test";
//   import { startSuite } from "./support.mjs";
//   const suite = startSuite(); // registers before/after hooks
//   test("…", async (t) => { const { page } = await suite.open(t, "notices/afc-early-help.html"); … });

import { after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * An init script that makes every shadow root open, so the tests can look
 * inside the widget (whose root is closed to the page's scripts). The
 * privacy tests run without it (`open(t, page, { closedShadow: true })`).
 */
export const OPEN_SHADOW_ROOTS = `(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
})()`;

/** How long to wait for the widget to render (Wasm compile on a slow machine). */
export const RENDER_TIMEOUT = 20_000;

/** The five notices and their demo pages. */
export const NOTICE_IDS = ["afc-standard", "afc-social-care", "afc-early-help", "afc-family-hub", "rbkc-wcc-children"];

/** Every demo page in www/ (top level and notices/), as paths relative to the site root. */
export function allPages() {
  const www = path.join(ROOT, "www");
  const top = readdirSync(www).filter((f) => f.endsWith(".html") && f !== "404.html");
  const notices = readdirSync(path.join(www, "notices"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => `notices/${f}`);
  return [...top.sort(), ...notices.sort()];
}

/** Starts scripts/serve.mjs on a free port; resolves with { origin, process }. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "--port", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs did not start within 10 s.\nstdout: ${out}\nstderr: ${err}`));
    }, 10_000);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/Serving the demo at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1], process: child });
      }
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with code ${code} before it was ready.\nstderr: ${err}`));
    });
  });
}

/**
 * Registers before/after hooks that start the server and Chromium for the
 * current test file, and returns helpers for the tests.
 */
export function startSuite() {
  const suite = {
    origin: "",
    browser: null,
    server: null,
    url(page) {
      return `${suite.origin}/${page.replace(/^\//, "")}`;
    },
    /**
     * A fresh context and page, with page errors and console messages
     * recorded. Closed when the test ends. Shadow roots are open unless
     * `options.closedShadow`. `options.route` runs before
     * navigation (to block requests); `options.wait` is false to skip
     * waiting for every widget to render.
     */
    async open(t, pagePath, options = {}) {
      const context = await suite.browser.newContext(options.context || {});
      if (!options.closedShadow) await context.addInitScript(OPEN_SHADOW_ROOTS);
      // Fail in seconds, not Playwright's default 30 s, when something never appears.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors = [];
      const consoleMessages = [];
      const requests = [];
      page.on("pageerror", (error) => errors.push(error));
      page.on("console", (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
      page.on("request", (request) => requests.push(request.url()));
      t.after(() => context.close());
      if (options.route) await options.route(page);
      if (pagePath !== null) {
        await page.goto(suite.url(pagePath), { waitUntil: "load" });
        if (options.wait !== false) await waitForWidgets(page);
      }
      return { context, page, errors, consoleMessages, requests };
    },
    /**
     * Opens a page of the test's own `markup` (inside <main>, with the
     * loader), served as markup-test.html; as `open`, without waiting for
     * widgets to render.
     */
    async openMarkup(t, markup, options = {}) {
      const opened = await suite.open(t, null, options);
      await opened.page.route("**/markup-test.html", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!DOCTYPE html><html lang="en-GB"><head><title>Test page</title><script src="dist/privacy-notice.js" defer></script></head><body><main>${markup}</main></body></html>`,
        })
      );
      await opened.page.goto(suite.url("markup-test.html"));
      return opened;
    },
  };

  before(async () => {
    if (!existsSync(path.join(ROOT, "dist", "privacy-notice.js"))) {
      throw new Error("dist/privacy-notice.js is missing: run `bash scripts/build.sh` first.");
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}; set CHROMIUM_PATH.`);
    }
    const server = await startServer();
    suite.server = server.process;
    suite.origin = server.origin;
    suite.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    if (suite.browser) await suite.browser.close().catch(() => {});
    if (suite.server && suite.server.exitCode === null) {
      const exited = new Promise((resolve) => suite.server.once("exit", resolve));
      suite.server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (suite.server.exitCode === null) suite.server.kill("SIGKILL");
    }
  });

  return suite;
}

/**
 * Waits until every <privacy-notice> on the page has rendered either its
 * notice (.pn-section) or its error message ([role=alert]).
 */
export async function waitForWidgets(page, timeout = RENDER_TIMEOUT) {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("privacy-notice")).every(
        (el) => el.shadowRoot && el.shadowRoot.querySelector(".pn-section, [role=alert]")
      ),
    null,
    { timeout, polling: 50 }
  );
}

/** The n-th widget on the page (0-based), as a locator. */
export function widget(page, n = 0) {
  return page.locator("privacy-notice").nth(n);
}

/** The id of the element focused inside the n-th widget's shadow root (or null). */
export function focusedId(page, n = 0) {
  return page.evaluate((n) => {
    const host = document.querySelectorAll("privacy-notice")[n];
    if (document.activeElement !== host) return null;
    const active = host.shadowRoot.activeElement;
    return active ? active.id || active.outerHTML.slice(0, 80) : null;
  }, n);
}

/**
 * True when the element's box comes inside the viewport within a few seconds
 * (the page may scroll smoothly).
 */
export async function inViewport(locator, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    const inside = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Within a pixel: scrolling to an element can leave it a fraction above the top (-0.25 px).
      return r.height > 0 && r.top > -1 && r.bottom < window.innerHeight + 1;
    });
    if (inside || Date.now() > end) return inside;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Types a search and waits for the results (debounced in the widget). */
export async function search(page, n, query) {
  const w = widget(page, n);
  const input = w.locator("#pn-search-input");
  await input.fill(query);
  await w.locator("#pn-results:not([hidden]) .pn-results-summary").waitFor({ state: "visible", timeout: 5000 });
  // The summary must be for this query, not an earlier one.
  await page.waitForFunction(
    ({ n, query }) => {
      const root = document.querySelectorAll("privacy-notice")[n].shadowRoot;
      const summary = root.querySelector(".pn-results-summary");
      return summary && summary.textContent.includes(`‘${query}’`);
    },
    { n, query },
    { timeout: 5000 }
  );
}

/** Fails with the page errors, if there were any. */
export function assertNoPageErrors(errors) {
  assert.deepEqual(
    errors.map((e) => String(e && e.stack ? e.stack : e)),
    [],
    "the page threw errors"
  );
}
