//! `<privacy-notice-hint notice="ID" kind="KIND">`, beside a form field: a
//! disclosure button "Why we ask for this" that shows the explorer's plain
//! answers for that kind of data (what it includes, why we use it, who may
//! see it, how long we keep it), each with links to where the notice says
//! it. No headings: a hint sits inside a form and must not add to the
//! page's outline. The loader makes a link open the section in the page's
//! `<privacy-notice>`; with none on the page, links lead to the notice's
//! own address, when it states one.

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use super::dom::{append, append_text, element, on, set, text_element, toggle_controlled};
use super::explorer::{answer, sources};
use super::page::Page;
use super::strings;
use privacy_notice_core::model::Question;
use privacy_notice_core::rules;

/// The questions a hint answers, in order.
const HINT_QUESTIONS: [Question; 4] = [
    Question::Includes,
    Question::Why,
    Question::WhoSees,
    Question::KeptFor,
];

/// A hint on the page; dropping it (`free()`) removes its listener.
#[wasm_bindgen]
pub struct MountedHint {
    _click: EventListener,
}

/// Renders the hint for `host`'s `kind` into `root`. An unknown kind is an
/// error naming the kinds there are; the loader shows its error box.
#[wasm_bindgen]
pub fn mount_hint(
    host: HtmlElement,
    root: ShadowRoot,
    notice: JsValue,
    parent: JsValue,
) -> Result<MountedHint, JsError> {
    let page = Page::from_js(notice, parent).map_err(|m| JsError::new(&m))?;
    let notice = page.notice();
    let kind = host.get_attribute("kind").unwrap_or_default();
    let Some(item) = notice.explorer.iter().find(|e| e.id == kind.trim()) else {
        let kinds = notice.explorer.iter().map(|e| &*e.id);
        return Err(JsError::new(&strings::unknown_kind(
            &kind, &notice.id, kinds,
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

    let container = element(&doc, "div", "pn pn-field-hint");
    set(&container, "lang", &notice.language);
    set(&container, "dir", notice.direction());
    let button = element(&doc, "button", "pn-hint-button");
    set(&button, "type", "button");
    set(&button, "aria-expanded", "false");
    set(&button, "aria-controls", "pn-hint-panel");
    append_text(&doc, &button, strings::WHY_WE_ASK);
    // The kind of data in its name, for a screen reader going from button
    // to button; it starts with the visible words (WCAG 2.5.3). A hidden
    // span would be read with a space before its colon.
    set(&button, "aria-label", &strings::hint_button(&item.label));
    let panel = element(&doc, "div", "pn-hint-panel");
    set(&panel, "id", "pn-hint-panel");
    set(&panel, "hidden", "");
    // A source links to the page's widget, else to the notice's address.
    let link = |id: &str| {
        let heading = page.section(id).map_or(id, |s| &s.heading);
        let href = match (on_page, &notice.source_url) {
            (true, _) => Some(format!("#{id}")),
            (false, Some(url)) if rules::is_https_url(url) => Some(url.to_string()),
            (false, _) => None,
        };
        match href {
            Some(href) => {
                let a = text_element(&doc, "a", "", heading);
                set(&a, "href", &href);
                set(&a, "data-section", id);
                a
            }
            None => text_element(&doc, "span", "", heading),
        }
    };
    let answers = element(&doc, "dl", "");
    for question in HINT_QUESTIONS {
        let dd = element(&doc, "dd", "");
        append(&dd, &[&answer(&doc, item, question)]);
        append(
            &answers,
            &[&text_element(&doc, "dt", "", question.asked()), &dd],
        );
    }
    append(&panel, &[&answers]);
    for part in sources(&doc, item, &HINT_QUESTIONS, "pn-hint", &link) {
        append(&panel, &[&part]);
    }
    append(&container, &[&button, &panel]);
    root.append_child(&container)
        .expect_throw("append the hint");

    let toggle = button.clone();
    let click = on(&button, "click", move |_| toggle_controlled(&toggle));
    Ok(MountedHint { _click: click })
}
