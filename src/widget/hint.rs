//! `<privacy-notice-hint notice="ID" kind="KIND">`, beside a form field: a
//! disclosure button "Why we ask for this" that shows the explorer's plain
//! answers for that kind of data (what it includes, why we use it, who may
//! see it, how long we keep it), each with links to where the notice says
//! it. No headings: a hint sits inside a form and must not add to the
//! page's outline. The loader makes a link open the section in the page's
//! `<privacy-notice>`; with none on the page, links lead to the notice's
//! own address, when it states one.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use super::dom::{append, append_text, element, on, set, text_element};
use super::page::Page;
use super::wording::linked_paragraph;
use privacy_notice_core::model::Question;
use privacy_notice_core::render::{NOT_STATED, WHERE_IT_SAYS};

/// The questions a hint answers, in order.
const HINT_QUESTIONS: [Question; 4] = [
    Question::Includes,
    Question::Why,
    Question::WhoSees,
    Question::KeptFor,
];

/// Renders the hint for `host`'s `kind` into `root`. An unknown kind is an
/// error naming the kinds there are; the loader shows its error box.
#[wasm_bindgen]
pub fn mount_hint(
    host: HtmlElement,
    root: ShadowRoot,
    notice: JsValue,
    parent: JsValue,
) -> Result<(), JsError> {
    let page = Page::from_js(notice, parent).map_err(|m| JsError::new(&m))?;
    let notice = page.notice();
    let kind = host.get_attribute("kind").unwrap_or_default();
    let Some(item) = notice.explorer.iter().find(|e| e.id == kind.trim()) else {
        let kinds: Vec<&str> = notice.explorer.iter().map(|e| e.id.as_ref()).collect();
        return Err(JsError::new(&format!(
            "kind=\"{}\" is not a kind of data in \"{}\". Use one of: {}.",
            kind.chars().take(100).collect::<String>(),
            notice.id,
            kinds.join(", ")
        )));
    };
    let doc = host
        .owner_document()
        .expect_throw("an element in a document");
    // Links open the page's widget when there is one (see the loader).
    let on_page = doc
        .query_selector("privacy-notice")
        .ok()
        .flatten()
        .is_some();

    let container = element(&doc, "div", "pn pn-hint");
    set(&container, "lang", &notice.language);
    set(&container, "dir", notice.direction());
    let button = element(&doc, "button", "pn-hint-button");
    set(&button, "type", "button");
    set(&button, "aria-expanded", "false");
    set(&button, "aria-controls", "pn-hint-panel");
    append_text(&doc, &button, "Why we ask for this");
    // The kind of data, for a screen reader going from button to button.
    append(
        &button,
        &[&text_element(
            &doc,
            "span",
            "pn-visually-hidden",
            &format!(": {}", item.label),
        )],
    );
    let panel = element(&doc, "dl", "pn-hint-panel");
    set(&panel, "id", "pn-hint-panel");
    set(&panel, "hidden", "");
    for question in HINT_QUESTIONS {
        let answer = item.answers.iter().find(|a| a.question == question);
        let dd = element(&doc, "dd", "");
        match answer {
            Some(answer) => {
                append(&dd, &[&linked_paragraph(&doc, &answer.text)]);
                let sources = element(&doc, "p", "pn-sources");
                append_text(&doc, &sources, WHERE_IT_SAYS);
                for (i, id) in answer.from.iter().enumerate() {
                    if i > 0 {
                        append_text(&doc, &sources, ", ");
                    }
                    let heading = page.section(id).map_or(id.as_ref(), |s| &s.heading);
                    let href = match (on_page, &notice.source_url) {
                        (true, _) => Some(format!("#{id}")),
                        (false, Some(url)) => Some(url.to_string()),
                        (false, None) => None,
                    };
                    match href {
                        Some(href) => {
                            let a = text_element(&doc, "a", "", heading);
                            set(&a, "href", &href);
                            set(&a, "data-section", id);
                            append(&sources, &[&a]);
                        }
                        None => append_text(&doc, &sources, heading),
                    }
                }
                append(&dd, &[&sources]);
            }
            None => append(&dd, &[&text_element(&doc, "p", "", NOT_STATED)]),
        }
        append(
            &panel,
            &[&text_element(&doc, "dt", "", question.asked()), &dd],
        );
    }
    append(&container, &[&button, &panel]);
    root.append_child(&container)
        .expect_throw("append the hint");

    let toggle = button.clone();
    on(&button, "click", move |_| {
        let open = toggle.get_attribute("aria-expanded").as_deref() != Some("true");
        set(
            &toggle,
            "aria-expanded",
            if open { "true" } else { "false" },
        );
        if open {
            panel.remove_attribute("hidden").ok();
        } else {
            set(&panel, "hidden", "");
        }
    });
    Ok(())
}
