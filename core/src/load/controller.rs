//! A notice's `[controller]`: who is responsible for the data and how to
//! reach them. Each contact detail must be one the wording states.

use std::borrow::Cow;

use super::facts::Wording;
use super::report::{Report, Table, text};
use crate::model::Controller;
use crate::rules::{self, is_contact, is_email, is_https_url};

const CONTROLLER_KEYS: &[&str] = &[
    "name",
    "ico_registration",
    "contact",
    "dpo_email",
    "complaints_email",
    "ico_complaints_url",
];

/// The line of each contact detail the controller gives, for the check
/// that the wording states it.
#[derive(Clone, Debug, Default)]
pub struct ControllerLines {
    pub ico_registration: Option<usize>,
    pub contact: Option<usize>,
    pub dpo_email: Option<usize>,
    pub complaints_email: Option<usize>,
    pub ico_complaints_url: Option<usize>,
}

/// The `[controller]` table of a notice (`raw`), with its lines.
pub(super) fn read_controller(
    report: &mut Report,
    raw: &Table<'_>,
) -> (Controller, ControllerLines) {
    let fix = "add [controller] with at least `name = \"…\"`";
    let Some((c, line)) = report.table(raw, "controller", fix) else {
        if report.key_line(raw, "controller").is_none() {
            report.error(
                None,
                "controller",
                "missing the [controller] table".into(),
                fix,
            );
        }
        return Default::default();
    };
    report.unknown_keys(c, "controller.", CONTROLLER_KEYS);
    let name = report.text(c, "name", "controller.name");
    let name = report.required(
        name,
        report.key_line(c, "name").or(Some(line)),
        "controller.name",
        "add the organisation's name under [controller]",
    );
    let mut contact = |key: &str| (read_contact(report, c, key), report.key_line(c, key));
    let (ico_registration, ico_registration_line) = contact("ico_registration");
    let (contact_page, contact_line) = contact("contact");
    let (dpo_email, dpo_email_line) = contact("dpo_email");
    let (complaints_email, complaints_email_line) = contact("complaints_email");
    let (ico_complaints_url, ico_complaints_url_line) = contact("ico_complaints_url");
    let controller = Controller {
        name: text(name),
        ico_registration,
        contact: contact_page,
        dpo_email,
        complaints_email,
        ico_complaints_url,
    };
    let lines = ControllerLines {
        ico_registration: ico_registration_line,
        contact: contact_line,
        dpo_email: dpo_email_line,
        complaints_email: complaints_email_line,
        ico_complaints_url: ico_complaints_url_line,
    };
    (controller, lines)
}

/// The contact detail `key` of the controller table `c`, trimmed, if it
/// is given and is what its key says (an email, a web address…).
fn read_contact(report: &mut Report, c: &Table<'_>, key: &str) -> Option<Cow<'static, str>> {
    let field = format!("controller.{key}");
    let value = report.text(c, key, &field)?.trim().to_string();
    let valid = match key {
        "dpo_email" | "complaints_email" => is_email(&value),
        "ico_complaints_url" => is_https_url(&value),
        "contact" => is_contact(&value),
        _ => true,
    };
    if !valid {
        let (message, fix) = if key.ends_with("_email") {
            (
                rules::not_an_email(&value),
                "write the email address alone, as the notice states it: `name@example.org` (no `mailto:`)",
            )
        } else {
            (
                rules::not_https(&value),
                "give the web address as the notice states it, starting https://",
            )
        };
        report.error(report.key_line(c, key), &field, message, fix);
        return None;
    }
    Some(text(value))
}

/// Reports each contact detail of `controller` that the wording does not state.
pub(super) fn check_contacts(
    controller: &Controller,
    lines: &ControllerLines,
    wording: &Wording,
    found: &mut Report,
) {
    let c = controller;
    for (key, value, line) in [
        (
            "ico_registration",
            &c.ico_registration,
            lines.ico_registration,
        ),
        ("contact", &c.contact, lines.contact),
        ("dpo_email", &c.dpo_email, lines.dpo_email),
        (
            "complaints_email",
            &c.complaints_email,
            lines.complaints_email,
        ),
        (
            "ico_complaints_url",
            &c.ico_complaints_url,
            lines.ico_complaints_url,
        ),
    ] {
        if let Some(value) = value
            && !wording.has_words(value)
        {
            found.error(
                line,
                &format!("controller.{key}"),
                format!("\"{value}\" is not stated in the notice's wording"),
                "give only contact details the notice itself states, exactly as it states them; otherwise leave the field out",
            );
        }
    }
}
