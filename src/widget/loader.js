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
  /** A notice file larger than this is refused: notices are tens of KB. */
  const MAX_CHARS = 1000000;
  const script = document.currentScript;
  const base = script ? script.src : document.baseURI;
  const wasmUrl = new URL(WASM_FILE, base);
  const dataUrl = new URL(DATA_DIR, base);
  const reason = (error) => (error && error.message ? error.message : String(error));
  let started = null;
  let sheet = null;

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
              " can be loaded, and that the page's Content-Security-Policy allows script-src 'self' 'wasm-unsafe-eval'. The fallback link is shown instead."
          );
        }
      );
    }
    return started;
  }

  /** Each notice file is fetched and parsed once per page, whichever widgets show it. */
  const files = new Map();
  function fetchJson(url, missing) {
    if (!files.has(url.href)) {
      files.set(
        url.href,
        fetch(url).then(
          async (response) => {
            if (!response.ok) throw new Error(await missing(response.status));
            const text = await response.text();
            if (text.length > MAX_CHARS) {
              throw new Error(url.href + " is " + text.length + " characters, over the " + MAX_CHARS + " a notice may be. Check that it is the file `notice export --json` wrote.");
            }
            try {
              return JSON.parse(text);
            } catch (error) {
              throw new Error(url.href + " is not JSON (" + reason(error) + "). Check that it is the file `notice export --json` wrote.");
            }
          },
          (error) => {
            throw new Error(url.href + " could not be fetched (" + reason(error) + "). Check the address and that the page is online.");
          }
        )
      );
    }
    return files.get(url.href);
  }

  /** Only on error: the ids that exist, to say what to use instead. */
  async function knownIds() {
    try {
      const ids = await (await fetch(new URL("index.json", dataUrl))).json();
      return " Set notice=\"…\" to one of: " + ids.join(", ") + ".";
    } catch {
      return " `notice list` prints the ids.";
    }
  }

  /** A bundled notice's chunk, by id. */
  function bundled(id, usedBy) {
    return fetchJson(new URL(id + ".json", dataUrl), async (status) =>
      (status === 404 ? "there is no notice with id \"" + id + "\"" + usedBy + "." : "the notice \"" + id + "\" could not be loaded (HTTP " + status + ").") +
      (await knownIds()) + " The fallback link is shown instead."
    );
  }

  /** A council's own notice, from the element's `src`: what `notice export --json` wrote. */
  function own(src) {
    const url = new URL(src, document.baseURI);
    return fetchJson(url, async (status) =>
      url.href + (status === 404 ? " (the element's src) was not found (HTTP 404)." : " (the element's src) could not be loaded (HTTP " + status + ").") +
      " Check the address, and that the file is the one `notice export --json` wrote. The fallback link is shown instead."
    );
  }

  /** The notice the element asks for, and the notice it extends (or null). */
  async function notices(el) {
    const src = (el.getAttribute("src") || "").trim();
    if (src) {
      const notice = await own(src);
      const parent = notice && typeof notice.extends === "string" ? await bundled(notice.extends, " (which " + src + " extends)") : null;
      return [notice, parent];
    }
    const id = (el.getAttribute("notice") || "").trim();
    if (!id) {
      throw new Error("the notice attribute is missing (or set src to your own notice's JSON)." + (await knownIds()) + " The fallback link is shown instead.");
    }
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) {
      throw new Error("there is no notice with id \"" + id.slice(0, 100) + "\": ids are lower-case letters, digits and hyphens." + (await knownIds()));
    }
    const extending = (parentId) => bundled(parentId, " (which \"" + id + "\" extends)");
    const early = Object.hasOwn(EXTENDS, id) ? extending(EXTENDS[id]) : null;
    early?.catch(() => {}); // a failure is reported where it is awaited, if it is
    const notice = await bundled(id, "");
    const parentId = typeof notice.extends === "string" ? notice.extends : null;
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
    const root = el.shadowRoot;
    console.warn("<" + el.localName + ">: " + problem);
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
      if (!this.shadowRoot) this.attachShadow({ mode: "open" });
      this.render();
    }

    disconnectedCallback() {
      this.unmount();
      this.shadowRoot.replaceChildren(document.createElement("slot"));
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected && this.shadowRoot) this.render();
    }

    /** Frees what was mounted: its view, state and listeners. */
    unmount() {
      this.renders = (this.renders || 0) + 1;
      if (this.mounted) {
        this.mounted.free();
        this.mounted = null;
      }
    }

    fail(problem) {
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
      const root = this.shadowRoot;
      const render = this.renders;
      // Until the widget starts, the host's fallback (a link, or the whole
      // notice from `notice export --html`) shows through. Once it starts,
      // the shadow root has no slot: the fallback is neither shown nor read.
      if (!root.firstChild) root.append(document.createElement("slot"));
      Promise.all([start(), notices(this)]).then(
        ([, [notice, parent]]) => {
          if (render !== this.renders) return; // an attribute changed meanwhile
          root.replaceChildren();
          root.adoptedStyleSheets = [sheet];
          try {
            this.mounted = this.mount(root, notice, parent);
          } catch (error) {
            this.fail(reason(error));
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
      const limit = Math.max(1, Math.min(50, Math.floor(Number(options?.limit ?? 8)) || 8));
      return this.api().search(String(query), limit);
    }

    /** Opens a section and scrolls to it; moves focus only with `{ focus: true }`. False if there is no such section. */
    openSection(id, options) {
      return this.api().open_section(String(id), Boolean(options?.focus));
    }

    /** Opens every section. */
    showAll() {
      this.api().show_all();
    }

    api() {
      if (!this.mounted) throw new Error("<privacy-notice> has not started yet: wait for its privacy-notice-ready event.");
      return this.mounted;
    }

    /**
     * `form-field="NAME"`: a hidden input NAME in the element's form (or the
     * form its `form` attribute names) records the notice shown, as
     * `id@contentHash`, followed by ` id@contentHash` of the notice it
     * extends, whose sections the family saw too. No notice shown, no record.
     */
    record() {
      const name = (this.getAttribute("form-field") || "").trim();
      if (this.field && (!name || !this.shown)) {
        this.field.remove();
        this.field = null;
      }
      if (!name || !this.shown) return;
      if (!this.field) {
        this.field = document.createElement("input");
        this.field.type = "hidden";
      }
      this.field.name = name;
      const form = (this.getAttribute("form") || "").trim();
      if (form) this.field.setAttribute("form", form);
      else this.field.removeAttribute("form");
      this.field.value = this.shownRecord;
      if (!this.field.isConnected) this.append(this.field);
    }

    unmount() {
      super.unmount();
      this.shown = null;
    }

    mount(root, notice, parent) {
      return privacyNoticeWasm.mount(this, root, notice, parent, (name, a, b) =>
        tell(this, name, name === "toggle" ? { section: a, open: b } : name === "view" ? { view: a } : { resultCount: a })
      );
    }

    started(notice, parent) {
      this.shown = about(notice);
      this.shownRecord = [notice, parent].filter(Boolean).map((n) => n.id + "@" + n.content_hash).join(" ");
      checkFullText(this, notice);
      this.record();
      tell(this, "ready", this.shown);
    }

    /** The widget's one error box, and the event a host page can follow. */
    fail(problem) {
      super.fail(problem);
      this.record();
      tell(this, "error", { message: problem });
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
    connectedCallback() {
      if (!this.shadowRoot) {
        this.attachShadow({ mode: "open" });
        if (!hintSheet) {
          hintSheet = new CSSStyleSheet();
          hintSheet.replaceSync(":host{display:block;min-height:max(44px,2em)}");
        }
        this.shadowRoot.adoptedStyleSheets = [hintSheet];
        this.shadowRoot.addEventListener("click", (event) => {
          const link = event.target.closest && event.target.closest("a[data-section]");
          if (!link) return;
          for (const widget of document.querySelectorAll("privacy-notice")) {
            if (widget.notice && widget.openSection(link.dataset.section, { focus: true })) {
              event.preventDefault();
              return;
            }
          }
        });
      }
      super.connectedCallback();
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
