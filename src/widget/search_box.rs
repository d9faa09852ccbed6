//! The search box: a labelled input; as the user types (debounced) a list
//! of passages with the matched words in `<mark>`, each opening its
//! section. The count is announced by the widget's polite live region;
//! Escape clears.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element, Event, HtmlInputElement, KeyboardEvent};

use super::Widget;
use super::dom::{append, append_text, element, on, set, text_element};
use super::page::Page;
use super::strings;
use super::wording::{ABOUT_PASSAGE, PASSAGE, SUMMARY_PASSAGE};
use privacy_notice_core::search::{
    Corpus, MAX_QUESTION_CHARS, Passage, PassageKind, Place, check_query, highlight,
};
use privacy_notice_core::text::part;

/// How long to wait after the last key before searching, in milliseconds.
const DEBOUNCE_MS: u32 = 200;
/// How many passages to show.
const RESULT_LIMIT: usize = 8;

pub struct SearchBox {
    pub element: Element,
    input: HtmlInputElement,
    results: Element,
    /// What to try when nothing matches, with the DPO's email where stated.
    no_results_help: String,
}

impl SearchBox {
    pub fn new(doc: &Document, page: &Page) -> SearchBox {
        let notice = page.notice();
        let container = element(doc, "div", "pn-search");
        set(&container, "role", "search");
        // Named for the notice, so two widgets on a page have distinct landmarks.
        set(
            &container,
            "aria-label",
            &strings::search_landmark(&notice.title),
        );
        set(&container, "part", "search");
        let label = text_element(doc, "label", "pn-search-label", strings::SEARCH_LABEL);
        set(&label, "for", "pn-search-input");
        let hint = text_element(doc, "p", "pn-hint", strings::SEARCH_HINT);
        set(&hint, "id", "pn-search-hint");
        let input: HtmlInputElement = element_of(doc, "input");
        set(&input, "id", "pn-search-input");
        set(&input, "type", "search");
        set(&input, "autocomplete", "off");
        set(&input, "maxlength", &MAX_QUESTION_CHARS.to_string());
        set(&input, "aria-describedby", "pn-search-hint");
        set(&input, "aria-controls", "pn-results");
        let results = element(doc, "div", "pn-results");
        set(&results, "id", "pn-results");
        set(&results, "hidden", "");
        set(
            &results,
            "aria-label",
            &strings::results_region(&notice.title),
        );
        append(&container, &[&label, &hint, &input, &results]);
        let no_results_help = strings::no_results_help(page.contact(|c| &c.dpo_email));
        SearchBox {
            element: container,
            input,
            results,
            no_results_help,
        }
    }

    /// Searches as the user types, after a pause ([`DEBOUNCE_MS`]); Escape
    /// clears. The listeners, and a pending search, go with the widget.
    pub fn listen(self, widget: &Rc<Widget>) {
        let this = Rc::new(self);
        // The search waiting for the family to pause typing: replaced (so
        // cancelled) by the next key, and dropped with the listeners, so it
        // never runs on a widget that is gone.
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let on_input = {
            let (this, widget, pending) =
                (Rc::clone(&this), Rc::clone(widget), Rc::clone(&pending));
            move |_: &Event| {
                let (this, widget) = (Rc::clone(&this), Rc::clone(&widget));
                let run = Timeout::new(DEBOUNCE_MS, move || this.run(&widget));
                pending.replace(Some(run));
            }
        };
        let (me, owner) = (Rc::clone(&this), Rc::clone(widget));
        let on_key = move |event: &Event| {
            let escape = event
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if escape && !me.input.value().is_empty() {
                event.prevent_default();
                pending.take();
                me.input.set_value("");
                me.clear();
                owner.announce(strings::SEARCH_CLEARED);
            }
        };
        widget.listeners.borrow_mut().extend([
            on(&this.input, "input", on_input),
            on(&this.input, "keydown", on_key),
        ]);
    }

    fn clear(&self) {
        self.results.set_text_content(None);
        set(&self.results, "hidden", "");
    }

    fn run(&self, widget: &Widget) {
        let page = &widget.page;
        let query = self.input.value();
        let query = match check_query(&query) {
            Ok(query) => query,
            Err(too_long) => {
                // Said calmly, without reading the question back.
                let message = too_long.to_string();
                self.results.set_text_content(Some(&message));
                self.results
                    .remove_attribute("hidden")
                    .expect_throw("remove hidden");
                widget.announce(&message);
                widget.reported_search(0);
                return;
            }
        };
        if query.is_empty() {
            self.clear();
            widget.announce("");
            return;
        }
        let corpus = page.corpus();
        let found = corpus.search(page.scope(), &query, RESULT_LIMIT);
        let doc = self.input.owner_document().expect_throw("a document");
        self.results.set_text_content(None);
        self.results
            .remove_attribute("hidden")
            .expect_throw("remove hidden");
        let count = found.hits.len();
        let summary = strings::results_found(count, &query);
        // Heard once, from the live region; shown here for the eye.
        let shown = text_element(&doc, "p", "pn-results-summary", &summary);
        set(&shown, "aria-hidden", "true");
        append(&self.results, &[&shown]);
        widget.announce(&summary);
        widget.reported_search(count);
        if count == 0 {
            append(
                &self.results,
                &[&text_element(&doc, "p", "", &self.no_results_help)],
            );
            return;
        }
        let list = element(&doc, "ol", "pn-result-list");
        let marked = |text: &str| {
            let passage = element(&doc, "p", "pn-result-text");
            for (range, marked) in highlight(text, &found.matched_terms) {
                if marked {
                    append(
                        &passage,
                        &[&text_element(&doc, "mark", "", part(text, range))],
                    );
                } else {
                    append_text(&doc, &passage, part(text, range));
                }
            }
            passage
        };
        for hit in &found.hits {
            let (heading, text) = corpus.passage(&hit.passage);
            let li = element(&doc, "li", "");
            let title = link_to(&doc, &corpus, &hit.passage, "pn-result-link", &heading)
                // A definition is shown whole in the result: no link.
                .unwrap_or_else(|| text_element(&doc, "strong", "", &heading));
            append(&li, &[&title, &marked(&text)]);
            // Plain words first; the publisher's wording that also
            // answered beneath them, one result, with a link to it.
            if let Some(wording) = &hit.wording {
                let (heading, text) = corpus.passage(wording);
                let beneath = element(&doc, "div", "pn-result-wording");
                let label = text_element(&doc, "p", "pn-label", strings::WHAT_THE_NOTICE_SAYS);
                append(&label, &[&text_element(&doc, "span", "", ": ")]);
                if let Some(link) = link_to(&doc, &corpus, wording, "pn-wording-link", &heading) {
                    append(&label, &[&link]);
                }
                append(&beneath, &[&label, &marked(&text)]);
                append(&li, &[&beneath]);
            }
            append(&list, &[&li]);
        }
        append(&self.results, &[&list]);
    }
}

/// A link to where `passage` is (a section or a kind of data, and the
/// passage there to scroll to, or the facts about the notice), handled by
/// the widget; none for a definition, which a result shows whole.
fn link_to(
    doc: &Document,
    corpus: &Corpus,
    passage: &Passage,
    class: &str,
    text: &str,
) -> Option<Element> {
    let block = passage.block.to_string();
    let (place, at) = match corpus.place(passage) {
        Place::About => (None, ABOUT_PASSAGE),
        Place::Section(id) => (
            Some(("data-section", id)),
            if passage.kind == PassageKind::Summary {
                SUMMARY_PASSAGE
            } else {
                block.as_str()
            },
        ),
        Place::Explorer(id) => (Some(("data-explorer", id)), block.as_str()),
        Place::Glossary(_) => return None,
    };
    let a = text_element(doc, "a", class, text);
    set(&a, "href", &format!("#{}", place.map_or("", |(_, id)| id)));
    if let Some((kind, id)) = place {
        set(&a, kind, id);
    }
    set(&a, PASSAGE, at);
    Some(a)
}

fn element_of<T: JsCast>(doc: &Document, tag: &str) -> T {
    doc.create_element(tag)
        .expect_throw("valid tag")
        .dyn_into::<T>()
        .expect_throw("element of the right type")
}
