// preview.js: shows the notice named in the address of preview.html
// (preview.html?notice=afc-early-help), so an author can see a notice they
// have just added without writing a demo page for it.
//
// An external file, so it runs under the demo's strict Content-Security-Policy.
// preview.html loads it with defer before the widget's script: deferred
// scripts run in order, so the element is on the page, with its notice,
// before <privacy-notice> is defined, and the loader fetches that notice
// from the start. The id is only ever set as an attribute or as text.
(function () {
  "use strict";

  var slot = document.getElementById("preview-slot");
  var status = document.getElementById("preview-status");
  var input = document.getElementById("notice-id");
  if (!slot || !status || !input) return;

  var id = (new URLSearchParams(window.location.search).get("notice") || "").trim();
  if (!id) {
    status.textContent =
      "No notice chosen yet. Type a notice id above, or add ?notice= and the id to this page\u2019s address.";
    return;
  }
  // A long address is not read back in full.
  var shown = id.length > 100 ? id.slice(0, 100) + "\u2026" : id;
  input.value = id;
  document.title = "Preview of \u201c" + shown + "\u201d \u2014 " + document.title;
  status.textContent =
    "The widget below shows the notice with id \u201c" + shown + "\u201d. If it says it cannot show it, " +
    "the id is wrong or the notice is not built yet: the browser console lists the ids this build has.";

  var widget = document.createElement("privacy-notice");
  widget.setAttribute("notice", id);
  widget.setAttribute("heading-level", "2");
  // The fallback the widget shows until it starts, and beside its error message.
  var fallback = document.createElement("a");
  fallback.href = "preview.html";
  fallback.textContent = "Choose another notice to preview";
  widget.append(fallback);
  slot.append(widget);
})();
