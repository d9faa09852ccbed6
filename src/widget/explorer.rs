//! "What happens to my data": each kind of data the notice names, as a
//! disclosure answering the same questions, each answer linked to the
//! wording it comes from. A question the notice does not answer says so.

use web_sys::{Document, Element};

use super::disclosure::Disclosure;
use super::dom::{append, append_text, element, heading, set, text_element};
use super::notice_view::section_link;
use super::wording::{PASSAGE, linked_paragraph};
use privacy_notice_core::model::{ExplorerItem, Notice, Question};
use privacy_notice_core::render::{self, NOT_STATED, WHAT_HAPPENS, WHERE_IT_SAYS};

/// The explorer's (empty) container; [`render_into`] fills it when the
/// explorer is first shown, so a page that never opens it pays nothing.
pub fn container(doc: &Document, notice: &Notice) -> Element {
    let panel = element(doc, "section", "pn-explorer");
    set(
        &panel,
        "aria-label",
        &format!("{WHAT_HAPPENS}: {}", notice.title),
    );
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
    title.set_text_content(Some(WHAT_HAPPENS));
    let intro = "Choose a kind of information to see why we use it, who may see it, how long we keep it and what you can do.";
    append(panel, &[&title, &text_element(doc, "p", "", intro)]);

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
        let (disclosure, h) = Disclosure::new(
            doc,
            level + 2,
            &item.id,
            &format!("pn-x-{}", item.id),
            &label,
        );
        for question in Question::ALL {
            let q = heading(doc, level + 3, "pn-question");
            q.set_text_content(Some(question.asked()));
            append(&disclosure.panel, &[&q]);
            for part in answer(doc, item, question, &|id| {
                section_link(doc, id, &section_heading(id))
            }) {
                append(&disclosure.panel, &[&part]);
            }
            if question == Question::YourRights {
                append(&disclosure.panel, &[&contacts(doc, notice, parent)]);
            }
        }
        append(&wrapper, &[&h, &disclosure.panel]);
        append(panel, &[&wrapper]);
        disclosures.push(disclosure);
    }
    disclosures
}

/// The answer to `question` about `item`, with the sections it comes from
/// (each made by `link(section_id)`), or that the notice does not say. The
/// answer carries `data-passage`, its number, for search results.
pub fn answer(
    doc: &Document,
    item: &ExplorerItem,
    question: Question,
    link: &dyn Fn(&str) -> Element,
) -> Vec<Element> {
    let Some(n) = item.answers.iter().position(|a| a.question == question) else {
        return vec![text_element(doc, "p", "pn-not-stated", NOT_STATED)];
    };
    let answer = &item.answers[n];
    let text = linked_paragraph(doc, &answer.text);
    set(&text, PASSAGE, &n.to_string());
    let sources = element(doc, "p", "pn-sources");
    append_text(doc, &sources, WHERE_IT_SAYS);
    for (i, id) in answer.from.iter().enumerate() {
        if i > 0 {
            append_text(doc, &sources, ", ");
        }
        append(&sources, &[&link(id)]);
    }
    vec![text, sources]
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
