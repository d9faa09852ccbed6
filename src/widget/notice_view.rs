//! The notice view: title and facts about the notice, the "In short"
//! overview, and every section as an accordion item showing the plain
//! summary first, then the publisher's wording.

use web_sys::{Document, Element};

use super::disclosure::Disclosure;
use super::dom::{append, append_text, element, heading, set, text_element};
use super::strings;
use super::wording::{ABOUT_PASSAGE, PASSAGE, SUMMARY_PASSAGE, linked_paragraph, render_body};
use crate::bundled::glossary;
use privacy_notice_core::model::{Notice, shown_sections};
use privacy_notice_core::render;
use privacy_notice_core::text::readability::sentences;

/// The title and the facts a reader (and a printed copy) needs: who
/// publishes it, when it was updated, where it comes from. Returns the
/// header and its list of facts.
pub fn header(
    doc: &Document,
    notice: &Notice,
    parent: Option<&Notice>,
    level: u8,
) -> (Element, Element) {
    let header = element(doc, "header", "pn-header");
    let title = heading(doc, level, "pn-title");
    set(&title, "part", "title");
    title.set_text_content(Some(&notice.title));
    let facts = element(doc, "dl", "pn-facts");
    set(&facts, PASSAGE, ABOUT_PASSAGE);
    for (term, value, link) in render::facts(notice, parent) {
        let dd = element(doc, "dd", "");
        match link {
            Some(href) => {
                // Printed with its address: its text is not the address.
                let a = text_element(doc, "a", "pn-print-address", value);
                set(&a, "href", href);
                append(&dd, &[&a]);
            }
            None => append_text(doc, &dd, value),
        }
        append(&facts, &[&text_element(doc, "dt", "", term), &dd]);
    }
    append(&header, &[&title, &facts]);
    (header, facts)
}

/// The overview and the accordion of sections, with the "Show all" button.
pub fn sections(
    doc: &Document,
    notice: &Notice,
    parent: Option<&Notice>,
    level: u8,
    ids: &mut u32,
) -> (Element, Vec<Disclosure>, Element) {
    let panel = element(doc, "div", "pn-notice");
    let overview = element(doc, "section", "pn-overview");
    let overview_heading = heading(doc, level + 1, "pn-overview-heading");
    overview_heading.set_text_content(Some(strings::IN_SHORT));
    let overview_list = element(doc, "ul", "");
    // Each section's name, then its first plain sentence as the link: the
    // section buttons below carry the names, so a keyboard or screen-reader
    // user tabbing through hears each name once, not twice.
    for section in notice.sections.iter() {
        let li = element(doc, "li", "");
        let first = sentences(&section.summary).next().unwrap_or_default();
        append(
            &li,
            &[
                &text_element(doc, "strong", "", &section.heading),
                &text_element(doc, "span", "", ": "),
                &section_link(doc, &section.id, first),
            ],
        );
        append(&overview_list, &[&li]);
    }
    set(&overview, "aria-label", &strings::overview(&notice.title));
    append(&overview, &[&overview_heading, &overview_list]);

    let controls = element(doc, "div", "pn-controls");
    let toggle_all = text_element(doc, "button", "pn-toggle-all", strings::toggle_all(false));
    set(&toggle_all, "type", "button");
    append(&controls, &[&toggle_all]);
    append(&panel, &[&overview, &controls]);

    let mut disclosures = Vec::new();
    for shown in shown_sections(notice, parent) {
        let section = shown.section;
        let label = element(doc, "span", "");
        append_text(doc, &label, &section.heading);
        if let Some(from) = shown.inherited_from {
            // Seen after the heading; heard once, as the button's
            // description (the note in its panel), not in its name.
            let tag = text_element(doc, "span", "pn-tag", &strings::inherited_tag(from));
            set(&tag, "aria-hidden", "true");
            append(&label, &[&tag]);
        }
        let item = element(doc, "div", "pn-section");
        set(&item, "part", "section");
        let dom_id = format!("pn-s-{}", section.id);
        let (disclosure, h) = Disclosure::new(doc, level + 1, &section.id, &dom_id, &label);
        if let Some(from) = shown.inherited_from {
            let note = text_element(doc, "p", "pn-inherited", &strings::inherited_note(from));
            let note_id = format!("{dom_id}-from");
            set(&note, "id", &note_id);
            set(&disclosure.button, "aria-describedby", &note_id);
            append(&disclosure.panel, &[&note]);
        }
        let summary = element(doc, "div", "pn-summary");
        let summary_text = linked_paragraph(doc, section.summary.trim());
        set(&summary_text, PASSAGE, SUMMARY_PASSAGE);
        append(
            &summary,
            &[
                &text_element(doc, "p", "pn-label", strings::IN_SHORT),
                &summary_text,
            ],
        );
        let original = element(doc, "div", "pn-original");
        append(
            &original,
            &[&text_element(
                doc,
                "p",
                "pn-label",
                strings::WHAT_THE_NOTICE_SAYS,
            )],
        );
        render_body(doc, &original, &section.body, glossary(), ids);
        append(&disclosure.panel, &[&summary, &original]);
        append(&item, &[&h, &disclosure.panel]);
        append(&panel, &[&item]);
        disclosures.push(disclosure);
    }
    (panel, disclosures, toggle_all)
}

/// A link that opens a section of this widget (handled by the widget, so
/// a second widget on the page does not react), and is a deep link too.
pub fn section_link(doc: &Document, id: &str, text: &str) -> Element {
    let a = text_element(doc, "a", "pn-section-link", text);
    set(&a, "href", &format!("#{id}"));
    set(&a, "data-section", id);
    a
}
