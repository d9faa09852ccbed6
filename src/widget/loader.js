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

  /** The notice the element asks for, and the notice it extends (or null). */
  async function notices(el) {
    const id = (el.getAttribute("notice") || "").trim();
    if (!id) {
      throw new Error("the notice attribute is missing." + (await knownIds()) + " The fallback link is shown instead.");
    }
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) {
      throw new Error("there is no notice with id \"" + id.slice(0, 100) + "\": ids are lower-case letters, digits and hyphens." + (await knownIds()));
    }
    const notice = await bundled(id, "");
    const parent = typeof notice.extends === "string" ? await bundled(notice.extends, " (which \"" + id + "\" extends)") : null;
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
    console.warn("<privacy-notice>: " + problem);
    const root = el.shadowRoot;
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
    message.textContent = fullText(el)
      ? "Sorry, the interactive version of this privacy notice cannot be shown here. The full notice is below."
      : "Sorry, this privacy notice cannot be shown here. You can still read it using the link below.";
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
          "), so families without the widget read other words. Replace it with the output of `notice export --notice " + notice.id + " --html`."
      );
    }
  }

  class PrivacyNotice extends HTMLElement {
    // A getter, not a class field: esbuild would lower a field to helpers in the page's globals.
    static get observedAttributes() {
      return ["notice", "heading-level", "open", "view"];
    }

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

    /** Frees the mounted widget: its view, state and listeners. */
    unmount() {
      this.renders = (this.renders || 0) + 1;
      if (this.mounted) {
        this.mounted.free();
        this.mounted = null;
      }
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
            this.mounted = privacyNoticeWasm.mount(this, root, notice, parent);
            checkFullText(this, notice);
          } catch (error) {
            showProblem(this, reason(error));
          }
        },
        (error) => {
          if (render === this.renders) showProblem(this, reason(error));
        }
      );
    }
  }

  if (!customElements.get("privacy-notice")) {
    customElements.define("privacy-notice", PrivacyNotice);
  }
}
