// form.js: checks the demo "Request Early Help" form in the browser.
//
// GOV.UK-style errors: an error summary at the top (focused, with a link to
// each problem) and a message above each field, tied to it with
// aria-describedby and aria-invalid. A valid form is never sent anywhere:
// the page shows a "Demo: nothing was sent" panel instead.
//
// An external file, so it runs under the page's strict Content-Security-Policy.
(function () {
  "use strict";

  var form = document.getElementById("early-help-form");
  if (!form) return;

  var summary = document.getElementById("error-summary");
  var summaryList = document.getElementById("error-summary-list");
  var confirmation = document.getElementById("confirmation");
  var formStart = document.getElementById("form-start");
  var startAgain = document.getElementById("start-again");
  var originalTitle = document.title;

  function byId(id) {
    return document.getElementById(id);
  }

  function value(id) {
    return byId(id).value.trim();
  }

  // Remember each control's own aria-describedby (its hint), so errors can
  // be added to it and taken away again.
  Array.prototype.forEach.call(
    form.querySelectorAll("input, textarea, fieldset"),
    function (el) {
      el.setAttribute("data-describedby", el.getAttribute("aria-describedby") || "");
    }
  );

  // ---- The checks, in the order the fields appear on the page. ----
  // Each returns null when the answer is fine, or
  // { message, invalid: [ids of controls to mark], link: id to focus }.

  function single(id, test) {
    return function () {
      var message = test(value(id));
      return message ? { message: message, invalid: [id], link: id } : null;
    };
  }

  function checkPhone(v) {
    if (!v) return "Enter your phone number";
    var digits = v.replace(/[\s()\-]/g, "");
    if (!/^\+?[0-9]{10,15}$/.test(digits)) {
      return "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";
    }
    return null;
  }

  function checkEmail(v) {
    if (!v) return null; // optional
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
      return "Enter an email address in the correct format, like name@example.com";
    }
    return null;
  }

  function checkPostcode(v) {
    if (!v) return "Enter your postcode";
    var compact = v.replace(/\s+/g, "").toUpperCase();
    if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) {
      return "Enter a full UK postcode, like TW9 1AB";
    }
    return null;
  }

  function checkDateOfBirth() {
    var parts = [
      { id: "child-dob-day", name: "day", v: value("child-dob-day") },
      { id: "child-dob-month", name: "month", v: value("child-dob-month") },
      { id: "child-dob-year", name: "year", v: value("child-dob-year") },
    ];
    var missing = parts.filter(function (p) { return !p.v; });
    if (missing.length === 3) {
      return { message: "Enter your child\u2019s date of birth", invalid: parts.map(function (p) { return p.id; }), link: "child-dob-day" };
    }
    if (missing.length) {
      var names = missing.map(function (p) { return p.name; });
      return {
        message: "Your child\u2019s date of birth must include a " + names.join(" and a "),
        invalid: missing.map(function (p) { return p.id; }),
        link: missing[0].id,
      };
    }
    var all = parts.map(function (p) { return p.id; });
    var notReal = { message: "Your child\u2019s date of birth must be a real date", invalid: all, link: "child-dob-day" };
    if (!parts.every(function (p) { return /^[0-9]+$/.test(p.v); })) return notReal;
    var day = Number(parts[0].v);
    var month = Number(parts[1].v);
    var year = Number(parts[2].v);
    if (parts[2].v.length !== 4) {
      return { message: "The year must include 4 numbers", invalid: ["child-dob-year"], link: "child-dob-year" };
    }
    var date = new Date(year, month - 1, day);
    if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return notReal;
    if (date.getTime() > Date.now()) {
      return { message: "Your child\u2019s date of birth must be today or in the past", invalid: all, link: "child-dob-day" };
    }
    return null;
  }

  function checkConsent() {
    return byId("consent").checked
      ? null
      : { message: "Select if you agree to share this information with the Early Help Hub", invalid: ["consent"], link: "consent" };
  }

  // key: names the error message's id; describe: the element whose
  // aria-describedby gets the error; before: the element the message goes
  // in front of; group: the .form-group that gets the red bar.
  var checks = [
    { key: "full-name", check: single("full-name", function (v) { return v ? null : "Enter your full name"; }) },
    { key: "phone", check: single("phone", checkPhone) },
    { key: "email", check: single("email", checkEmail) },
    { key: "address-line-1", check: single("address-line-1", function (v) { return v ? null : "Enter address line 1, usually the building and street"; }) },
    { key: "town", check: single("town", function (v) { return v ? null : "Enter your town or city"; }) },
    { key: "postcode", check: single("postcode", checkPostcode) },
    { key: "child-name", check: single("child-name", function (v) { return v ? null : "Enter your child\u2019s full name"; }) },
    { key: "child-dob", check: checkDateOfBirth, describe: "child-dob", before: ".date-input", group: "child-dob-group" },
    { key: "help-needed", check: single("help-needed", function (v) { return v ? null : "Tell us what help your family needs"; }) },
    { key: "consent", check: checkConsent, before: ".checkbox", group: "consent-group" },
  ];

  function groupOf(check) {
    if (check.group) return byId(check.group);
    return byId(check.key).closest(".form-group");
  }

  function placeBefore(check) {
    var group = groupOf(check);
    if (check.before) return group.querySelector(check.before);
    return byId(check.key);
  }

  function clearErrors() {
    checks.forEach(function (check) {
      var old = byId(check.key + "-error");
      if (old) old.remove();
      groupOf(check).classList.remove("form-group--error");
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-describedby]"), function (el) {
      el.removeAttribute("aria-invalid");
      setDescribedBy(el, el.getAttribute("data-describedby"));
    });
    summaryList.replaceChildren();
    summary.hidden = true;
    document.title = originalTitle;
  }

  function setDescribedBy(el, ids) {
    ids = ids.trim();
    if (ids) el.setAttribute("aria-describedby", ids);
    else el.removeAttribute("aria-describedby");
  }

  function showError(check, error) {
    var id = check.key + "-error";

    var message = document.createElement("p");
    message.className = "error-message";
    message.id = id;
    var prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = "Error: ";
    message.append(prefix, error.message);
    var before = placeBefore(check);
    before.parentNode.insertBefore(message, before);
    groupOf(check).classList.add("form-group--error");

    // The fieldset (date of birth) or the control itself is described by the error.
    var described = byId(check.describe || check.key);
    setDescribedBy(described, described.getAttribute("data-describedby") + " " + id);
    error.invalid.forEach(function (controlId) {
      byId(controlId).setAttribute("aria-invalid", "true");
    });

    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + error.link;
    link.textContent = error.message;
    item.append(link);
    summaryList.append(item);
  }

  // Summary links move focus to the field and bring its label (or legend)
  // into view, without changing the address (no #hash for the widget to follow).
  summaryList.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link) return;
    var control = byId(link.getAttribute("href").slice(1));
    if (!control) return;
    event.preventDefault();
    var fieldset = control.closest("fieldset#child-dob");
    var label = fieldset ? fieldset.querySelector("legend") : form.querySelector('label[for="' + control.id + '"]');
    control.focus({ preventScroll: true });
    (label || control).scrollIntoView({ block: "start" });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var errors = 0;
    checks.forEach(function (check) {
      var error = check.check();
      if (error) {
        showError(check, error);
        errors += 1;
      }
    });
    if (errors) {
      document.title = "Error: " + originalTitle;
      summary.hidden = false;
      summary.focus();
      return;
    }
    // Valid: show the demo confirmation. Nothing is sent anywhere.
    form.hidden = true;
    formStart.hidden = true;
    confirmation.hidden = false;
    confirmation.focus();
  });

  startAgain.addEventListener("click", function () {
    form.reset();
    clearErrors();
    confirmation.hidden = true;
    formStart.hidden = false;
    form.hidden = false;
    byId("full-name").focus();
  });
})();
