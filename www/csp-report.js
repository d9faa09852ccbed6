// csp-report.js: lists Content-Security-Policy violations on csp-test.html.
//
// Loaded from <head> without defer, before the widget's script, so it is
// listening before anything else runs. Each violation is written into
// <ul id="csp-violations">, and document.body.dataset.cspViolations holds the
// count ("0" when there are none) for automated tests.
(function () {
  "use strict";

  var seen = [];
  var ready = false;

  function describe(event) {
    var parts = [
      (event.effectiveDirective || event.violatedDirective || "unknown directive") + " blocked",
      event.blockedURI ? "\u201c" + event.blockedURI + "\u201d" : "an unknown resource",
    ];
    if (event.sourceFile) {
      parts.push("in " + event.sourceFile + (event.lineNumber ? " line " + event.lineNumber : ""));
    }
    if (event.sample) {
      parts.push("(sample: " + event.sample + ")");
    }
    return parts.join(" ");
  }

  function appendItem(text) {
    var list = document.getElementById("csp-violations");
    if (!list) return;
    var item = document.createElement("li");
    item.textContent = text;
    list.append(item);
  }

  function update() {
    document.body.dataset.cspViolations = String(seen.length);
    var status = document.getElementById("csp-status");
    if (status) {
      status.textContent = seen.length === 0
        ? "No CSP violations so far."
        : seen.length === 1
          ? "1 CSP violation. It is listed below."
          : seen.length + " CSP violations. They are listed below.";
    }
  }

  // Capture phase on document: violations from inside shadow roots reach it too.
  document.addEventListener("securitypolicyviolation", function (event) {
    var text = describe(event);
    seen.push(text);
    if (ready) {
      appendItem(text);
      update();
    }
  }, true);

  function start() {
    ready = true;
    seen.forEach(appendItem);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
