//! The `<privacy-notice>` widget: renders a notice, handed over by the
//! loader (`loader.js`, the custom element) as parsed JSON from its chunk,
//! into the shadow root the loader attached to the element.
//!
//! Invariants: it makes no network requests, sets no cookies and uses no
//! storage; every string is inserted as text, never as HTML; bad input
//! shows a visible, announced message and keeps the host's fallback link.

mod disclosure;
mod dom;
mod edge;
mod explorer;
mod hint;
mod notice_view;
mod page;
pub(crate) mod read;
mod search_box;
mod strings;
mod wording;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

use gloo_events::EventListener;
use privacy_notice_core::model::Notice;
use privacy_notice_core::search::check_query;

use disclosure::{Disclosure, focus_and_scroll};
use dom::{append, element, on, set, text_element};
use edge::{Event, SearchHit, to_js};
use page::Page;
use wording::PASSAGE;

/// The widget's stylesheet (`widget.css`, minified by the build), adopted
/// by every widget's shadow root.
#[wasm_bindgen]
pub fn widget_css() -> String {
    include_str!(concat!(env!("OUT_DIR"), "/widget.min.css")).to_string()
}

/// A widget on the page, and its JavaScript API (the element's `search`,
/// `openSection` and `showAll` call these). Dropping it (`free()` from
/// JavaScript, when the element leaves the page or its attributes change)
/// removes every listener it added and, with them, the last references to
/// its state, notice and index: nothing is kept for the life of the page.
#[wasm_bindgen]
pub struct Mounted {
    widget: Rc<Widget>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // The listeners' closures hold the widget: dropping them breaks the
        // cycle, and a pending search (its timeout) is cancelled.
        self.widget.listeners.borrow_mut().clear();
    }
}

#[wasm_bindgen]
impl Mounted {
    /// The hits the search box would show for `query`, at most `limit`.
    /// The host page's own question: nothing a family types is passed on.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        let query = check_query(query).map_err(|e| JsError::new(&e.to_string()))?;
        let corpus = self.widget.page.corpus();
        let found = corpus.search(self.widget.page.scope(), &query, limit);
        let hits: Vec<SearchHit> = found
            .hits
            .iter()
            .map(|hit| SearchHit::new(&corpus, hit))
            .collect();
        Ok(to_js(&hits))
    }

    /// Opens a section and scrolls to it; moves focus to it only if asked.
    /// False if the notice has no such section.
    pub fn open_section(&self, id: &str, focus: bool) -> bool {
        self.widget.open_section(id, None, focus)
    }

    /// Whether the notice (or the notice it extends) has this section: the
    /// loader gives a deep link (`#section-id`) to the first widget on the
    /// page that has it.
    pub fn has_section(&self, id: &str) -> bool {
        self.widget.sections.iter().any(|s| s.id == id)
    }

    /// Opens every section.
    pub fn show_all(&self) {
        self.widget.set_all_open(true);
    }
}

/// Renders `notice` (and `parent`, the notice it extends, or `null`), both
/// parsed from their JSON chunks, into `root`, as `host`'s attributes ask.
/// Bad data is an error saying what to fix; the loader shows its error box
/// (with the host's fallback link) and warns once.
/// `events(name, detail)` is called on each change a host page may follow
/// (an [`edge::Event`]), never with what a family typed.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    notice: JsValue,
    parent: JsValue,
    events: js_sys::Function,
) -> Result<Mounted, JsError> {
    let doc = host
        .owner_document()
        .expect_throw("an element in a document");
    let page = Rc::new(Page::from_js(notice, parent).map_err(|m| JsError::new(&m))?);
    let level = match host.get_attribute("heading-level") {
        None => 2,
        Some(value) => value
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|l| (1..=5).contains(l))
            .unwrap_or_else(|| {
                web_sys::console::warn_1(&strings::bad_heading_level(&value).into());
                2
            }),
    };
    let view = if host.get_attribute("view").as_deref() == Some("explorer") {
        View::Explorer
    } else {
        View::Notice
    };
    let widget = Widget::build(&doc, &root, page, level, view, events);
    widget.show_view(view);
    if let Some(open) = host.get_attribute("open")
        && let Some(section) = widget.sections.iter().find(|s| s.id == open.trim())
    {
        section.set_open(true);
    }
    widget.update_toggle_all();
    Ok(Mounted { widget })
}

/// Which of the widget's two views is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Notice,
    Explorer,
}

impl View {
    /// Its name in the `view` attribute and the `privacy-notice-view` event.
    fn name(self) -> &'static str {
        match self {
            View::Notice => "notice",
            View::Explorer => "explorer",
        }
    }
}

/// A rendered widget and the parts its behaviour needs.
struct Widget {
    sections: Vec<Disclosure>,
    /// The explorer's kinds of data, built when the explorer is first shown.
    explorer: RefCell<Option<Vec<Disclosure>>>,
    /// The document and heading level the explorer is built with.
    explorer_source: (Document, u8),
    toggle_all: Element,
    /// The facts about the notice in its header.
    facts: Element,
    /// A polite live region: result counts, without moving focus.
    live: Element,
    /// "Back to results", put after the passage a search result opened,
    /// with the result to return focus to.
    back: Element,
    back_to: RefCell<Option<Element>>,
    view_buttons: [(View, Element); 2],
    view_panels: [(View, Element); 2],
    /// The view shown, so that only a change is reported.
    view: Cell<View>,
    page: Rc<Page>,
    /// Every listener the widget added, dropped when it is unmounted.
    listeners: RefCell<Vec<EventListener>>,
    /// The loader's callback for the element's events (see [`mount`]).
    events: js_sys::Function,
}

impl Widget {
    fn build(
        doc: &Document,
        root: &ShadowRoot,
        page: Rc<Page>,
        level: u8,
        view: View,
        events: js_sys::Function,
    ) -> Rc<Widget> {
        let notice: &Notice = page.notice();
        let parent = page.parent();
        let container = element(doc, "div", "pn");
        set(&container, "part", "root");
        set(&container, "lang", &notice.language);
        set(&container, "dir", notice.direction());
        let live = element(doc, "p", "pn-visually-hidden");
        set(&live, "role", "status");
        set(&live, "aria-live", "polite");
        let (header, facts) = notice_view::header(doc, notice, parent, level);
        let search = search_box::SearchBox::new(doc, &page);

        let views = element(doc, "div", "pn-views");
        set(&views, "role", "group");
        set(&views, "aria-label", strings::CHOOSE_VIEW);
        let view_button = |view, label| {
            let b = text_element(doc, "button", "pn-view-button", label);
            set(&b, "type", "button");
            append(&views, &[&b]);
            (view, b)
        };
        let view_buttons = [
            view_button(View::Notice, strings::THE_NOTICE),
            view_button(View::Explorer, strings::WHAT_HAPPENS),
        ];

        let mut ids = 0;
        let (notice_panel, sections, toggle_all) =
            notice_view::sections(doc, notice, parent, level, &mut ids);
        let explorer_panel = explorer::container(doc, notice);
        append(
            &container,
            &[
                &live,
                &header,
                &search.element,
                &views,
                &notice_panel,
                &explorer_panel,
            ],
        );
        root.append_child(&container).expect_throw("append widget");

        let back = element(doc, "p", "pn-back");
        let back_link = text_element(doc, "a", "", strings::BACK_TO_RESULTS);
        set(&back_link, "href", "#pn-results");
        append(&back, &[&back_link]);
        let widget = Rc::new(Widget {
            back,
            back_to: RefCell::new(None),
            sections,
            explorer: RefCell::new(None),
            explorer_source: (doc.clone(), level),
            toggle_all,
            facts,
            live,
            view_buttons,
            view_panels: [
                (View::Notice, notice_panel),
                (View::Explorer, explorer_panel),
            ],
            view: Cell::new(view),
            page: Rc::clone(&page),
            listeners: RefCell::default(),
            events,
        });
        widget.listen(&container);
        search.listen(&widget);
        widget
    }

    fn listen(self: &Rc<Self>, container: &Element) {
        // Links to sections and explorer items are handled here, not by the
        // page: a second widget on the page must not react to them.
        // So are the glossary's term buttons: one listener, not one a term.
        let widget = Rc::clone(self);
        let mut listeners = vec![on(container, "click", move |event| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            if let Ok(Some(term)) = target.closest(".pn-term") {
                dom::toggle_controlled(&term);
                return;
            }
            if let Ok(Some(_)) = target.closest(".pn-back a") {
                event.prevent_default();
                widget.back_to_results();
                return;
            }
            let link = target
                .closest("a[data-section], a[data-explorer], a[data-passage]")
                .ok()
                .flatten();
            let Some(link) = link else { return };
            event.prevent_default();
            let passage = link.get_attribute(PASSAGE);
            if let Some(id) = link.get_attribute("data-section") {
                widget.open_section(&id, passage.as_deref(), true);
                // Keep the deep link in the address bar without a hashchange event.
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    history
                        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{id}")))
                        .ok();
                }
            } else if let Some(id) = link.get_attribute("data-explorer") {
                widget.reveal_explorer_item(&id, passage.as_deref());
            } else {
                widget.reveal_about();
            }
            if link
                .matches(".pn-result-link, .pn-wording-link")
                .unwrap_or(false)
            {
                widget.offer_back(&link);
            }
        })];
        // A glossary term is a span with role="button": Enter and Space
        // press it, as they press a button.
        listeners.push(on(container, "keydown", |event| {
            let key = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .map(|k| k.key())
                .unwrap_or_default();
            let term = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .filter(|t| t.matches(".pn-term").unwrap_or(false));
            if let Some(term) = term
                && (key == "Enter" || key == " ")
            {
                event.prevent_default();
                dom::toggle_controlled(&term);
            }
        }));
        for disclosure in &self.sections {
            let (widget, section) = (Rc::clone(self), disclosure.clone());
            listeners.extend(disclosure.listen(move || {
                widget.update_toggle_all();
                widget.toggled(&section);
            }));
        }
        // A printed copy has "What happens to my data" after the notice:
        // build it before printing (`beforeprint`; the print media query
        // also changes when print media is emulated).
        let window = web_sys::window().expect_throw("a window");
        let for_print = {
            let widget = Rc::clone(self);
            move |_: &web_sys::Event| widget.build_explorer()
        };
        listeners.push(on(&window, "beforeprint", for_print.clone()));
        if let Ok(Some(print)) = window.match_media("print") {
            listeners.push(on(&print, "change", for_print));
        }
        let widget = Rc::clone(self);
        listeners.push(on(&self.toggle_all, "click", move |_| {
            widget.set_all_open(!widget.all_open())
        }));
        for (view, button) in &self.view_buttons {
            let (widget, view) = (Rc::clone(self), *view);
            listeners.push(on(button, "click", move |_| widget.show_view(view)));
        }
        self.listeners.borrow_mut().extend(listeners);
    }

    /// Reports a section opened or closed to the host page.
    fn toggled(&self, section: &Disclosure) {
        self.emit(Event::Toggle {
            section: &section.id,
            open: section.is_open(),
        });
    }

    /// Reports a search to the host page: how many results, never the words.
    fn reported_search(&self, count: usize) {
        self.emit(Event::Search {
            result_count: count as u32,
        });
    }

    /// Tells the host page, through the loader's callback (see [`mount`]).
    fn emit(&self, event: Event) {
        let (name, detail) = event.to_js();
        self.events
            .call2(&JsValue::NULL, &JsValue::from_str(name), &detail)
            .ok();
    }

    /// Opens or closes every section ("Show all sections", `showAll()`).
    fn set_all_open(&self, open: bool) {
        for section in &self.sections {
            if section.is_open() != open {
                section.set_open(open);
                self.toggled(section);
            }
        }
        self.update_toggle_all();
    }

    fn all_open(&self) -> bool {
        self.sections.iter().all(Disclosure::is_open)
    }

    /// "Show all sections" / "Hide all sections", derived from the
    /// sections' state; `aria-expanded` agrees with the label.
    fn update_toggle_all(&self) {
        let all_open = self.all_open();
        self.toggle_all
            .set_text_content(Some(strings::toggle_all(all_open)));
        set(
            &self.toggle_all,
            "aria-expanded",
            if all_open { "true" } else { "false" },
        );
    }

    fn show_view(&self, view: View) {
        if view == View::Explorer {
            self.build_explorer();
        }
        if self.view.replace(view) != view {
            self.emit(Event::View(view.detail()));
        }
        for (v, button) in &self.view_buttons {
            set(
                button,
                "aria-pressed",
                if *v == view { "true" } else { "false" },
            );
        }
        for (v, panel) in &self.view_panels {
            if *v == view {
                panel
                    .remove_attribute("hidden")
                    .expect_throw("remove hidden");
            } else {
                set(panel, "hidden", "");
            }
        }
    }

    /// Builds the explorer the first time it is shown: most families read
    /// the notice, and the first section should be usable sooner.
    fn build_explorer(&self) {
        let mut explorer = self.explorer.borrow_mut();
        if explorer.is_none() {
            let (doc, level) = &self.explorer_source;
            let page = &self.page;
            let (_, panel) = self
                .view_panels
                .iter()
                .find(|(v, _)| *v == View::Explorer)
                .expect_throw("an explorer view");
            let items = explorer::render_into(doc, panel, page.notice(), page.parent(), *level);
            let mut listeners = self.listeners.borrow_mut();
            for item in &items {
                listeners.extend(item.listen(|| ()));
            }
            *explorer = Some(items);
        }
    }

    /// Opens a section of the notice and scrolls to its button, or to the
    /// passage named, focusing it if asked (see [`Disclosure::reveal`]).
    fn open_section(&self, id: &str, passage: Option<&str>, focus: bool) -> bool {
        let Some(section) = self.sections.iter().find(|s| s.id == id) else {
            return false;
        };
        self.show_view(View::Notice);
        let was_open = section.is_open();
        section.reveal(passage, focus);
        if !was_open {
            self.toggled(section);
        }
        self.update_toggle_all();
        true
    }

    /// Opens a kind of data in the explorer; scrolls to and focuses its
    /// button, or the answer named.
    fn reveal_explorer_item(&self, id: &str, passage: Option<&str>) {
        self.show_view(View::Explorer);
        let explorer = self.explorer.borrow();
        if let Some(item) = explorer.iter().flatten().find(|s| s.id == id) {
            item.reveal(passage, true);
        }
    }

    /// Scrolls to and focuses the facts about the notice (who publishes
    /// it, when it was updated): where "About this notice" results lead.
    fn reveal_about(&self) {
        focus_and_scroll(&self.facts, true);
    }

    /// After a search result opened its passage (now focused): "Back to
    /// results" just after it (after its list, for a list item), so a
    /// family on a phone need not scroll back thousands of pixels.
    fn offer_back(&self, result: &Element) {
        let passage = self
            .live
            .get_root_node()
            .dyn_into::<ShadowRoot>()
            .ok()
            .and_then(|root| root.active_element());
        let Some(mut passage) = passage else { return };
        if passage.tag_name() == "LI"
            && let Some(list) = passage.parent_element()
        {
            passage = list;
        }
        passage.after_with_node_1(&self.back).ok();
        *self.back_to.borrow_mut() = Some(result.clone());
    }

    /// "Back to results": focus returns to the result that was followed
    /// (the results are as they were), and the link goes.
    fn back_to_results(&self) {
        self.back.remove();
        if let Some(result) = self.back_to.borrow_mut().take() {
            focus_and_scroll(&result, true);
        }
    }

    fn announce(&self, message: &str) {
        self.live.set_text_content(Some(message));
    }
}
