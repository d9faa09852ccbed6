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

  /** Shown when the widget cannot start: a message above the host's fallback link. */
  function showFailure(root, error) {
    console.warn(
      "<privacy-notice>: the widget could not start (" + (error && error.message ? error.message : error) +
        "). Check that " + wasmUrl.href + " can be loaded, and that the page's Content-Security-Policy allows script-src 'self' 'wasm-unsafe-eval'. The fallback link is shown instead."
    );
    // The Wasm (and so the widget's stylesheet) is missing: a minimal sheet
    // styles the message like the widget's own error box.
    const failureSheet = new CSSStyleSheet();
    failureSheet.replaceSync(
      ".pn-error{display:block;border:3px solid #d4351c;padding:.75em;font-style:normal;text-transform:none;letter-spacing:normal;line-height:1.5}"
    );
    root.adoptedStyleSheets = [failureSheet];
    const box = document.createElement("div");
    box.className = "pn pn-error";
    box.setAttribute("role", "alert");
    box.setAttribute("part", "root");
    const message = document.createElement("p");
    message.textContent = "Sorry, this privacy notice cannot be shown here. You can still read it using the link below.";
    box.append(message, document.createElement("slot"));
    root.replaceChildren(box);
  }

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
          privacyNoticeWasm.mount(this, root);
        },
        (error) => showFailure(root, error)
      ).catch((error) => showFailure(root, error));
    }
  }

  if (!customElements.get("privacy-notice")) {
    customElements.define("privacy-notice", PrivacyNotice);
  }
}
