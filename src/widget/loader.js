// privacy-notice.js: defines <privacy-notice>. Built into dist/ after the
// wasm-bindgen glue (which defines `privacyNoticeWasm` inside this block, so
// nothing leaks into the host page's globals). A classic script: works with
// `defer`, no inline code, no eval, so it runs under a strict CSP.
//
// The Wasm is the engine; each notice is its own JSON chunk in DATA_DIR
// (a folder named by a hash of all the chunks, so every file can be cached
// for ever). The loader reads the notice id from the element and fetches its
// chunk (and the one it extends) while the Wasm downloads and compiles.
{
  const WASM_FILE = "__WASM_FILE__";
  const DATA_DIR = "__DATA_DIR__";
  /**
   * Which bundled notice each bundled notice extends (only those that do),
   * so both files are fetched at once: fetched one after the other, the
   * second waited behind the Wasm's start on the main thread (30–40 ms
   * of the first section's time, measured).
   */
  const EXTENDS = __EXTENDS__;
  /**
   * A notice file larger than this many bytes is refused, by its
   * Content-Length or as soon as its body passes it: notices are tens of
   * KB. The same cap as `notice export` (`rules::MAX_NOTICE_JSON_BYTES`).
   */
  const MAX_BYTES = 1000000;
  /** A notice file that has not arrived after this long is given up. */
  const FETCH_TIMEOUT_MS = 10000;
  /** What an id is, as `notice check` says: lower-case letters, digits and hyphens. */
  const ID = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
  const script = document.currentScript;
  const base = script ? script.src : document.baseURI;
  const wasmUrl = new URL(WASM_FILE, base);
  const dataUrl = new URL(DATA_DIR, base);
  const reason = (error) => (error && error.message ? error.message : String(error));
  let started = null;
  let sheet = null;
  /**
   * Each element's shadow root (closed, so the page's scripts cannot read
   * what a family types in it) and the widget mounted in it: kept here,
   * not on the element, where the page could reach them.
   */
  const roots = new WeakMap();
  const mounts = new WeakMap();
  /** The elements on the page, for when the Wasm stops. */
  const elements = new Set();
  /** Events that carry what a family types or pastes: they stop at the widget's root. */
  const TYPED = ["beforeinput", "input", "change", "keydown", "keypress", "keyup", "compositionstart", "compositionupdate", "compositionend", "paste", "copy", "cut"];
  /** Why the Wasm stopped (a trap: a Rust panic aborts as one), once it has. */
  let stopped = null;

  /**
   * The Wasm has trapped: its state can no longer be trusted, so every
   * widget on the page shows its error box and its fallback (the pasted
   * notice, or the link), and the page is told once.
   */
  function trapped(why) {
    if (stopped) return;
    stopped = why;
    console.warn(
      "<privacy-notice>: the widget stopped (" + why + "), so every widget on this page shows its fallback. Please report this to the widget's maintainers with the page's address."
    );
    for (const el of elements) el.fail(null);
  }

  /** Whether `error` is a trap in the widget's Wasm (not the host page's). */
  const isTrap = (error) =>
    error instanceof WebAssembly.RuntimeError && String(error.stack).includes(wasmUrl.pathname);

  // A trap inside an event listener of the widget reaches no caller of ours.
  window.addEventListener("error", (event) => {
    if (isTrap(event.error)) {
      trapped(reason(event.error));
      event.preventDefault();
    }
  });

  /**
   * Deep links: `page.html#who-we-share-with` opens and focuses that
   * section in the first widget on the page that has it, and no other.
   * Here, not in each widget: a widget cannot see into another's closed root.
   * With `only`, just that widget (as it starts) may take it.
   */
  function followHash(only) {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {}
    if (!ID.test(id) || stopped) return;
    for (const el of document.querySelectorAll("privacy-notice")) {
      const mounted = mounts.get(el);
      if (mounted && guarded(() => mounted.has_section(id))) {
        if (!only || el === only) guarded(() => mounted.open_section(id, true));
        return;
      }
    }
  }
  window.addEventListener("hashchange", () => followHash(null));

  /** Calls into the Wasm; a trap stops every widget, and the caller hears a plain error. */
  function guarded(call) {
    if (stopped) throw new Error("the widget has stopped (" + stopped + ")");
    try {
      return call();
    } catch (error) {
      if (!isTrap(error)) throw error;
      trapped(reason(error));
      throw new Error("the widget has stopped (" + reason(error) + ")");
    }
  }

  /** Loads the Wasm once for every widget on the page. */
  function start() {
    if (!started) {
      started = privacyNoticeWasm({ module_or_path: wasmUrl }).then(
        () => {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(privacyNoticeWasm.widget_css());
        },
        (error) => {
          throw new Error(
            "the widget could not start (" + reason(error) + "). Check that " + wasmUrl.href +
              " can be loaded, and that the page's Content-Security-Policy allows script-src 'self' 'wasm-unsafe-eval'."
          );
        }
      );
    }
    return started;
  }

  /** Each notice file is fetched and parsed once per page, whichever widgets show it. */
  const files = new Map();
  function fetchJson(url, missing) {
    if (!files.has(url.href)) files.set(url.href, readJson(url, missing));
    return files.get(url.href);
  }

  /**
   * A notice file, parsed: refused when it does not answer within
   * FETCH_TIMEOUT_MS, or its size passes MAX_BYTES (by its Content-Length,
   * or as the body streams in: a huge file is never downloaded whole).
   * A failed response's error carries its HTTP `status`.
   */
  async function readJson(url, missing) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
    const tooBig = (size) =>
      new Error(url.href + " is " + size + " bytes, over the " + MAX_BYTES + " a notice may be. Check that it is the file `notice export --json` wrote.");
    try {
      const response = await fetch(url, { signal: abort.signal });
      if (!response.ok) {
        const error = new Error(await missing(response.status));
        error.status = response.status;
        throw error;
      }
      const declared = Number(response.headers.get("content-length"));
      if (declared > MAX_BYTES) throw tooBig(declared);
      const reader = response.body.getReader();
      const parts = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > MAX_BYTES) throw tooBig("more than " + MAX_BYTES);
        parts.push(value);
      }
      const bytes = new Uint8Array(size);
      parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
      try {
        return JSON.parse(new TextDecoder().decode(bytes));
      } catch (error) {
        throw new Error(url.href + " is not JSON (" + reason(error) + "). Check that it is the file `notice export --json` wrote.");
      }
    } catch (error) {
      if (abort.signal.aborted && !error.status) {
        throw new Error(url.href + " did not arrive within " + FETCH_TIMEOUT_MS / 1000 + " seconds. Check the address and that the server answers.");
      }
      if (error instanceof TypeError) {
        throw new Error(url.href + " could not be fetched (" + reason(error) + "). Check the address and that the page is online.");
      }
      throw error;
    } finally {
      clearTimeout(timer);
      abort.abort(); // stops a body that was refused mid-stream
    }
  }

  /** Only on error: the ids that exist, to say what to use instead. */
  async function knownIds() {
    try {
      const ids = await (await fetch(new URL("_ids.json", dataUrl))).json();
      return " Set notice=\"…\" to one of: " + ids.join(", ") + ".";
    } catch {
      return " `notice list` prints the ids.";
    }
  }

  /** A bundled notice's chunk, by id. */
  function bundled(id, usedBy) {
    return fetchJson(new URL(id + ".json", dataUrl), async (status) =>
      (status === 404 ? "there is no notice with id \"" + id + "\"" + usedBy + "." : "the notice \"" + id + "\" could not be loaded (HTTP " + status + ").") +
      (await knownIds())
    );
  }

  /** A council's own notice, from the element's `src`: what `notice export --json` wrote. */
  function own(url) {
    return fetchJson(url, async (status) =>
      url.href + (status === 404 ? " (the element's src) was not found (HTTP 404)." : " (the element's src) could not be loaded (HTTP " + status + ").") +
      " Check the address, and that the file is the one `notice export --json` wrote."
    );
  }

  /**
   * The notice a council's own notice (at `url`) extends: an id, never an
   * address, looked for among the bundled notices, then beside the file.
   */
  async function extended(id, url) {
    if (typeof id !== "string" || !ID.test(id)) {
      throw new Error(
        url.href + " extends \"" + String(id).slice(0, 100) + "\", which is not a notice id (lower-case letters, digits and hyphens): a notice extends another by its id, never by an address. Fix it, run `notice check`, and export it again."
      );
    }
    try {
      return await fetchJson(new URL(id + ".json", dataUrl), async () => "");
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    return fetchJson(new URL(id + ".json", url), async (status) =>
      url.href + " extends \"" + id + "\", which is " + (status === 404 ? "neither a bundled notice nor a file " + id + ".json beside it." : "beside it but could not be loaded (HTTP " + status + ").") + (await knownIds())
    );
  }

  /** The notice the element asks for, and the notice it extends (or null). */
  async function notices(el) {
    const src = (el.getAttribute("src") || "").trim();
    if (src) {
      const url = new URL(src, document.baseURI);
      const notice = await own(url);
      const parent = notice && notice.extends != null ? await extended(notice.extends, url) : null;
      return [notice, parent];
    }
    const id = (el.getAttribute("notice") || "").trim();
    if (!id) {
      throw new Error("the notice attribute is missing (or set src to your own notice's JSON)." + (await knownIds()));
    }
    if (!ID.test(id)) {
      throw new Error("there is no notice with id \"" + id.slice(0, 100) + "\": ids are lower-case letters, digits and hyphens." + (await knownIds()));
    }
    const extending = (parentId) => bundled(parentId, " (which \"" + id + "\" extends)");
    const early = Object.hasOwn(EXTENDS, id) ? extending(EXTENDS[id]) : null;
    early?.catch(() => {}); // a failure is reported where it is awaited, if it is
    const notice = await bundled(id, "");
    const parentId = typeof notice.extends === "string" && ID.test(notice.extends) ? notice.extends : null;
    const parent = parentId === null ? null : await (parentId === EXTENDS[id] ? early : extending(parentId));
    return [notice, parent];
  }

  let problemSheet = null;

  /** The whole notice a web team pasted inside the element (`notice export --html`), if any. */
  const fullText = (el) => el.querySelector(":scope > [data-content-hash]");

  /**
   * The widget's one error box, for every problem (a bad attribute, bad
   * data, or a Wasm that cannot load): a message families can act on, the
   * host's fallback (a link, or the whole notice) below it, and one console
   * warning saying what to fix. The fallback is outside the alert, so a
   * screen reader announces the message, not a whole notice.
   */
  function showProblem(el, problem) {
    const root = roots.get(el);
    if (problem !== null) console.warn("<" + el.localName + ">: " + problem + " " + shownInstead(el));
    if (!problemSheet) {
      problemSheet = new CSSStyleSheet();
      problemSheet.replaceSync(
        ".pn-error{display:block;border:3px solid #d4351c;padding:.75em;margin-bottom:1em;font-style:normal;text-transform:none;letter-spacing:normal;line-height:1.5}.pn-error p{margin:0}"
      );
    }
    root.adoptedStyleSheets = [problemSheet];
    const box = document.createElement("div");
    box.className = "pn pn-error";
    box.setAttribute("role", "alert");
    box.setAttribute("part", "root");
    const message = document.createElement("p");
    message.textContent = el.sorry;
    box.append(message);
    root.replaceChildren(box, document.createElement("slot"));
  }

  /** What families see below the error box, for the console warning. */
  function shownInstead(el) {
    if (fullText(el)) return "Families see the notice pasted inside the element instead.";
    if (el.querySelector("a[href]")) return "Families see the link inside the element instead.";
    return "Families see only the error message: put a link to the notice (or the notice itself, from `notice export --html`) inside the element.";
  }

  /** Pasted notice text that is not the notice shown (another notice, or an older export) gets a warning. */
  function checkFullText(el, notice) {
    const text = fullText(el);
    if (text && (text.dataset.notice !== notice.id || text.dataset.contentHash !== notice.content_hash)) {
      console.warn(
        "<privacy-notice>: the notice text inside the element (\"" + text.dataset.notice + "\", content hash " + text.dataset.contentHash +
          ") is not the notice shown (\"" + notice.id + "\", content hash " + notice.content_hash +
          "), so families without the widget read other words. Replace it with the output of `notice export " + (el.hasAttribute("src") ? "YOUR-NOTICE.toml" : "--notice " + notice.id) + " --html`."
      );
    }
  }

  let accentWarned = false;

  /**
   * A brand `--pn-accent` too faint for text on the widget's background
   * (under 4.5:1, WCAG 1.4.3) is not used for text: the widget uses its
   * text colour for links, headings and buttons instead, and warns once.
   */
  function keepAccentReadable(root) {
    if (!root) return;
    const box = root.querySelector(".pn");
    const probe = root.querySelector(".pn-disclosure-button, .pn-hint-button"); // accent text on the background
    if (!box || !probe) return;
    // Computed colours are rgb()/rgba(); a transparent background shows, most often, white.
    const rgb = (value) => {
      const [r, g, b, a] = (value.match(/[\d.]+/g) || []).map(Number);
      return a === 0 || b === undefined ? [255, 255, 255] : [r, g, b];
    };
    const luminance = (colour) =>
      colour
        .map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        })
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const [x, y] = [rgb(getComputedStyle(probe).color), rgb(getComputedStyle(box).backgroundColor)].map(luminance);
    if ((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) >= 4.5) return;
    box.style.setProperty("--pn-accent-color", "var(--pn-text-color)");
    if (!accentWarned) {
      accentWarned = true;
      console.warn(
        "<privacy-notice>: --pn-accent is under 4.5:1 against the background, too faint for text, so the widget uses its text colour for links, headings and buttons. Choose a darker (or, on a dark background, lighter) accent."
      );
    }
  }

  /** Dispatches a `privacy-notice-NAME` event from the element, out of its shadow root. */
  function tell(el, name, detail) {
    el.dispatchEvent(new CustomEvent("privacy-notice-" + name, { bubbles: true, composed: true, detail }));
  }

  /** What the host page may know of the notice shown (`el.notice`). */
  function about(notice) {
    return Object.freeze({
      id: notice.id,
      title: notice.title,
      version: notice.version ?? null,
      lastUpdated: notice.last_updated ?? null,
      contentHash: notice.content_hash ?? null,
    });
  }

  /**
   * What both elements share: a shadow root showing the host's fallback
   * content until the Wasm and the notice's data are in, a re-render when
   * an attribute changes, the error box, and freeing what was mounted.
   * Subclasses say how to `mount` and what to do once `started` or failed.
   */
  class NoticeElement extends HTMLElement {
    connectedCallback() {
      if (!roots.has(this)) roots.set(this, this.attachRoot());
      elements.add(this);
      this.render();
    }

    /**
     * A closed shadow root: the page's scripts cannot reach into it
     * (`el.shadowRoot` is null, and an event's `composedPath()` seen from
     * outside stops at the element). What a family types raises no event
     * outside the widget: typing, composing and clipboard events stop at
     * the root. (A page's own capture-phase listeners on the window or
     * document still run first: no embed can stop those.)
     */
    attachRoot() {
      const root = this.attachShadow({ mode: "closed" });
      for (const type of TYPED) root.addEventListener(type, (event) => event.stopPropagation());
      return root;
    }

    disconnectedCallback() {
      elements.delete(this);
      this.unmount();
      roots.get(this).replaceChildren(document.createElement("slot"));
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected && roots.has(this)) this.render();
    }

    /** Frees what was mounted: its view, state and listeners. */
    unmount() {
      this.renders = (this.renders || 0) + 1;
      const mounted = mounts.get(this);
      mounts.delete(this);
      if (mounted && !stopped) guarded(() => mounted.free());
    }

    /** The mounted widget, for the element's methods. */
    get widget() {
      if (stopped) throw new Error("<" + this.localName + "> has stopped: " + stopped);
      const mounted = mounts.get(this);
      if (!mounted) throw new Error("<" + this.localName + "> has not started yet: wait for its privacy-notice-ready event.");
      return mounted;
    }

    /** Shows the error box; `problem` is warned in the console (null: already reported). */
    fail(problem) {
      this.unmount();
      showProblem(this, problem);
    }

    /** What the error box tells families: the fallback below it is a link, or the whole notice. */
    get sorry() {
      return fullText(this)
        ? "Sorry, the interactive version of this privacy notice cannot be shown here. The full notice is below."
        : "Sorry, this privacy notice cannot be shown here. You can still read it using the link below.";
    }

    render() {
      this.unmount();
      const root = roots.get(this);
      const render = this.renders;
      // Until the widget starts, the host's fallback (a link, or the whole
      // notice from `notice export --html`) shows through. Once it starts,
      // the shadow root has no slot: the fallback is neither shown nor read.
      if (!root.firstChild) root.append(document.createElement("slot"));
      Promise.all([start(), notices(this)]).then(
        ([, [notice, parent]]) => {
          if (render !== this.renders) return; // an attribute changed meanwhile
          if (stopped) return this.fail(null);
          root.replaceChildren();
          root.adoptedStyleSheets = [sheet];
          try {
            mounts.set(this, guarded(() => this.mount(root, notice, parent)));
          } catch (error) {
            if (!stopped) this.fail(reason(error));
            return;
          }
          keepAccentReadable(root);
          this.started(notice, parent);
        },
        (error) => {
          if (render === this.renders) this.fail(reason(error));
        }
      );
    }

    started() {}
  }

  class PrivacyNotice extends NoticeElement {
    // A getter, not a class field: esbuild would lower a field to helpers in the page's globals.
    static get observedAttributes() {
      return ["notice", "src", "heading-level", "open", "view", "form-field", "form"];
    }

    /** `{ id, title, version, lastUpdated, contentHash }` once the widget has started, else null. */
    get notice() {
      return this.shown || null;
    }

    /** The hits the search box would show for the page's own `query` (`{ limit }`, default 8). */
    search(query, options) {
      if (typeof query !== "string") throw new TypeError("<privacy-notice>.search(query): query must be a string, not " + (query === null ? "null" : typeof query) + ".");
      const limit = Math.max(1, Math.min(50, Math.floor(Number(options?.limit ?? 8)) || 8));
      const widget = this.widget;
      return guarded(() => widget.search(query, limit));
    }

    /** Opens a section and scrolls to it; moves focus only with `{ focus: true }`. False if there is no such section. */
    openSection(id, options) {
      const widget = this.widget;
      return guarded(() => widget.open_section(String(id), Boolean(options?.focus)));
    }

    /** Opens every section. */
    showAll() {
      const widget = this.widget;
      guarded(() => widget.show_all());
    }

    /**
     * `form-field="NAME"`: a hidden input NAME in the element's form (or the
     * form its `form` attribute names) records the notice shown, as
     * `id@contentHash`, followed by ` id@contentHash` of the notice it
     * extends, whose sections the family saw too. If the form already has
     * a field of that name (the web team's own, or the one `notice export
     * --html --form-field NAME` pasted), the widget sets its value rather
     * than adding a second. No notice shown, no record of the widget's.
     */
    record() {
      const name = (this.getAttribute("form-field") || "").trim();
      if (this.field && (!name || !this.shown)) {
        this.field.remove();
        this.field = null;
      }
      if (!name || !this.shown) return;
      const formId = (this.getAttribute("form") || "").trim();
      const form = formId ? document.getElementById(formId) : this.closest("form");
      const theirs = form && form.elements ? Array.from(form.elements).find((el) => el.name === name && el !== this.field) : null;
      if (theirs) {
        if (this.field) this.field.remove();
        this.field = null;
        theirs.value = this.shownRecord;
        return;
      }
      if (!this.field) {
        this.field = document.createElement("input");
        this.field.type = "hidden";
      }
      this.field.name = name;
      if (formId) this.field.setAttribute("form", formId);
      else this.field.removeAttribute("form");
      this.field.value = this.shownRecord;
      if (!this.field.isConnected) this.append(this.field);
    }

    unmount() {
      super.unmount();
      this.shown = null;
    }

    mount(root, notice, parent) {
      return privacyNoticeWasm.mount(this, root, notice, parent, (name, detail) => tell(this, name, detail));
    }

    started(notice, parent) {
      this.shown = about(notice);
      this.shownRecord = [notice, parent].filter(Boolean).map((n) => n.id + "@" + n.content_hash).join(" ");
      checkFullText(this, notice);
      this.record();
      followHash(this);
      tell(this, "ready", this.shown);
    }

    /** The widget's one error box, and the event a host page can follow. */
    fail(problem) {
      super.fail(problem);
      this.record();
      tell(this, "error", { message: problem ?? "the widget stopped: " + stopped });
    }
  }

  let hintSheet = null;

  /**
   * `<privacy-notice-hint notice="ID" kind="KIND">` beside a form field:
   * "Why we ask for this", opening the explorer's plain answers for that
   * kind of data. It shares the page's one Wasm load and notice files.
   */
  class PrivacyNoticeHint extends NoticeElement {
    static get observedAttributes() {
      return ["notice", "src", "kind"];
    }

    /**
     * Until it starts, the hint keeps the height of its closed button: the
     * form does not jump. "Where the notice says this" opens the section in
     * the page's widget (the first that has it); else the link goes where
     * it points.
     */
    attachRoot() {
      const root = super.attachRoot();
      if (!hintSheet) {
        hintSheet = new CSSStyleSheet();
        hintSheet.replaceSync(":host{display:block;min-height:max(44px,2em)}");
      }
      root.adoptedStyleSheets = [hintSheet];
      root.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest("a[data-section]");
        if (!link) return;
        for (const widget of document.querySelectorAll("privacy-notice")) {
          if (widget.notice && widget.openSection(link.dataset.section, { focus: true })) {
            event.preventDefault();
            return;
          }
        }
      });
      return root;
    }

    mount(root, notice, parent) {
      return privacyNoticeWasm.mount_hint(this, root, notice, parent);
    }

    get sorry() {
      return "Sorry, “Why we ask for this” cannot be shown here.";
    }
  }

  if (!customElements.get("privacy-notice")) {
    customElements.define("privacy-notice", PrivacyNotice);
  }
  if (!customElements.get("privacy-notice-hint")) {
    customElements.define("privacy-notice-hint", PrivacyNoticeHint);
  }
}
