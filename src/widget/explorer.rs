//! "What happens to my data": each kind of data the notice names, as a
//! disclosure answering the same questions, each answer linked to the
//! wording it comes from. A question the notice does not answer says so.

use web_sys::{Document, Element};

use super::disclosure::Disclosure;
use super::dom::{append, append_text, element, heading, set, text_element};
use super::notice_view::section_link;
use super::strings;
use super::wording::{PASSAGE, linked_paragraph};
use privacy_notice_core::model::{ExplorerItem, Notice, Question};
use privacy_notice_core::render;

/// The explorer's (empty) container; [`render_into`] fills it when the
/// explorer is first shown, so a page that never opens it pays nothing.
pub fn container(doc: &Document, notice: &Notice) -> Element {
    let panel = element(doc, "section", "pn-explorer");
    set(&panel, "aria-label", &strings::explorer(&notice.title));
    panel
}

/// Fills the explorer's container: a disclosure per kind of data.
pub fn render_into(
    doc: &Document,
    panel: &Element,
    notice: &Notice,
    parent: Option<&Notice>,
    level: u8,
) -> Vec<Disclosure> {
    let title = heading(doc, level + 1, "");
    title.set_text_content(Some(strings::WHAT_HAPPENS));
    append(
        panel,
        &[&title, &text_element(doc, "p", "", strings::EXPLORER_INTRO)],
    );

    let section_heading = |id: &str| {
        notice
            .section(id)
            .or_else(|| parent.and_then(|p| p.section(id)))
            .map_or(id.to_string(), |s| s.heading.to_string())
    };
    let mut disclosures = Vec::new();
    for item in notice.explorer.iter() {
        let wrapper = element(doc, "div", "pn-section");
        let label = text_element(doc, "span", "", &item.label);
        let dom_id = format!("pn-x-{}", item.id);
        let (disclosure, h) = Disclosure::new(doc, level + 2, &item.id, &dom_id, &label);
        // Questions as terms, not headings: with heading-level 5 they were
        // levels 7 and 8, which screen readers handle badly.
        let answers = element(doc, "dl", "pn-answers");
        for question in Question::ALL {
            let dd = element(doc, "dd", "");
            append(&dd, &[&answer(doc, item, question)]);
            if question == Question::YourRights {
                append(&dd, &[&contacts(doc, notice, parent)]);
            }
            append(
                &answers,
                &[
                    &text_element(doc, "dt", "pn-question", question.asked()),
                    &dd,
                ],
            );
        }
        append(&disclosure.panel, &[&answers]);
        let link = |id: &str| section_link(doc, id, &section_heading(id));
        for part in sources(doc, item, &Question::ALL, &dom_id, &link) {
            append(&disclosure.panel, &[&part]);
        }
        append(&wrapper, &[&h, &disclosure.panel]);
        append(panel, &[&wrapper]);
        disclosures.push(disclosure);
    }
    disclosures
}

/// The answer to `question` about `item`, or that the notice does not say.
/// The answer carries `data-passage`, its number, for search results.
pub fn answer(doc: &Document, item: &ExplorerItem, question: Question) -> Element {
    match item.answers.iter().position(|a| a.question == question) {
        Some(n) => {
            let text = linked_paragraph(doc, &item.answers[n].text);
            set(&text, PASSAGE, &n.to_string());
            text
        }
        None => text_element(doc, "p", "pn-not-stated", strings::NOT_STATED),
    }
}

/// "Where the notice says this" and one list of the sections the answers
/// to `questions` come from (each made by `link(section_id)`); none if
/// no answer names one. `dom_id` names the label, for the list.
pub fn sources(
    doc: &Document,
    item: &ExplorerItem,
    questions: &[Question],
    dom_id: &str,
    link: &dyn Fn(&str) -> Element,
) -> Vec<Element> {
    let ids = render::sources(item, questions);
    if ids.is_empty() {
        return Vec::new();
    }
    let label = text_element(doc, "p", "pn-sources", strings::WHERE_IT_SAYS);
    let label_id = format!("{dom_id}-sources");
    set(&label, "id", &label_id);
    let list = element(doc, "ul", "pn-source-list");
    set(&list, "aria-labelledby", &label_id);
    for id in ids {
        let li = element(doc, "li", "");
        append(&li, &[&link(id)]);
        append(&list, &[&li]);
    }
    vec![label, list]
}

/// How to use your rights and complain (the core's `render::contacts`).
fn contacts(doc: &Document, notice: &Notice, parent: Option<&Notice>) -> Element {
    let list = element(doc, "ul", "pn-contacts");
    for line in render::contacts(notice, parent) {
        let li = element(doc, "li", "");
        match line.link {
            Some((shown, href)) => {
                append_text(doc, &li, line.before);
                let a = text_element(doc, "a", "", shown);
                set(&a, "href", &href);
                append(&li, &[&a]);
            }
            None => append_text(doc, &li, line.otherwise),
        }
        append(&list, &[&li]);
    }
    list
}
