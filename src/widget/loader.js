// privacy-notice.js: defines <privacy-notice>. Built into dist/ after the
// wasm-bindgen glue (which defines `privacyNoticeWasm` inside this block, so
// nothing leaks into the host page's globals). A classic script: works with
// `defer`, no inline code, no eval, so it runs under a strict CSP.
{
  const WASM_FILE = "__WASM_FILE__";
  const script = document.currentScript;
  const wasmUrl = new URL(WASM_FILE, script ? script.src : document.baseURI);
  let started = null;
  let sheet = null;

  /** Loads the Wasm once for every widget on the page. */
  function start() {
    if (!started) {
      started = privacyNoticeWasm({ module_or_path: wasmUrl }).then(() => {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(privacyNoticeWasm.widget_css());
      });
    }
    return started;
  }

  let problemSheet = null;

  /**
   * The widget's one error box, for every problem (a bad attribute, or a
   * Wasm that cannot load): a message families can act on, above the host's
   * fallback link, and one console warning saying what to fix.
   */
  function showProblem(root, problem) {
    console.warn("<privacy-notice>: " + problem);
    if (!problemSheet) {
      problemSheet = new CSSStyleSheet();
      problemSheet.replaceSync(
        ".pn-error{display:block;border:3px solid #d4351c;padding:.75em;font-style:normal;text-transform:none;letter-spacing:normal;line-height:1.5}"
      );
    }
    root.adoptedStyleSheets = [problemSheet];
    const box = document.createElement("div");
    box.className = "pn pn-error";
    box.setAttribute("role", "alert");
    box.setAttribute("part", "root");
    const message = document.createElement("p");
    message.textContent = "Sorry, this privacy notice cannot be shown here. You can still read it using the link below.";
    box.append(message, document.createElement("slot"));
    root.replaceChildren(box);
  }

  const reason = (error) => (error && error.message ? error.message : String(error));

  class PrivacyNotice extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      // Until the widget starts, the host's fallback link shows through.
      root.append(document.createElement("slot"));
      start().then(
        () => {
          root.replaceChildren();
          root.adoptedStyleSheets = [sheet];
          try {
            privacyNoticeWasm.mount(this, root);
          } catch (error) {
            showProblem(root, reason(error));
          }
        },
        (error) =>
          showProblem(
            root,
            "the widget could not start (" + reason(error) + "). Check that " + wasmUrl.href +
              " can be loaded, and that the page's Content-Security-Policy allows script-src 'self' 'wasm-unsafe-eval'. The fallback link is shown instead."
          )
      );
    }
  }

  if (!customElements.get("privacy-notice")) {
    customElements.define("privacy-notice", PrivacyNotice);
  }
}
