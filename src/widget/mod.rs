//! The `<privacy-notice>` widget: renders a bundled notice into the shadow
//! root that `loader.js` (the custom element) attached to the element.
//!
//! Invariants: it makes no network requests, sets no cookies and uses no
//! storage; every string is inserted as text, never as HTML; bad input
//! shows a visible, announced message and keeps the host's fallback link.

mod disclosure;
mod dom;
mod explorer;
mod notice_view;
mod search_box;
mod wording;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

use crate::bundled;
use crate::model::Notice;
use disclosure::Disclosure;
use dom::{append, element, on, set, text_element};

/// The widget's stylesheet (`widget.css`, minified by the build), adopted
/// by every widget's shadow root.
#[wasm_bindgen]
pub fn widget_css() -> String {
    include_str!(concat!(env!("OUT_DIR"), "/widget.min.css")).to_string()
}

/// Renders the notice named by `host`'s attributes into `root`. An unknown
/// or missing notice id is an error saying what to fix; the loader shows its
/// error box (with the host's fallback link) and warns once.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot) -> Result<(), JsError> {
    let doc = host
        .owner_document()
        .expect_throw("an element in a document");
    let id = host.get_attribute("notice").unwrap_or_default();
    let Some((notice_index, notice)) = bundled::notice(id.trim()) else {
        let known: Vec<_> = bundled::NOTICES.iter().map(|n| n.id.as_ref()).collect();
        let problem = if id.trim().is_empty() {
            "the notice attribute is missing".to_string()
        } else {
            format!("there is no notice with id \"{}\"", id.trim())
        };
        return Err(JsError::new(&format!(
            "{problem}. Set notice=\"…\" to one of: {}. The fallback link is shown instead.",
            known.join(", ")
        )));
    };
    let level = match host.get_attribute("heading-level") {
        None => 2,
        Some(value) => value
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|l| (1..=5).contains(l))
            .unwrap_or_else(|| {
                web_sys::console::warn_1(
                    &format!("<privacy-notice>: heading-level=\"{value}\" is not 1 to 5; using 2.")
                        .into(),
                );
                2
            }),
    };
    let widget = Widget::build(&doc, &root, notice_index, notice, level);
    let view = host.get_attribute("view");
    widget.show_view(if view.as_deref() == Some("explorer") {
        View::Explorer
    } else {
        View::Notice
    });
    if let Some(open) = host.get_attribute("open") {
        if let Some(section) = widget.sections.iter().find(|s| s.id == open.trim()) {
            section.set_open(true);
        }
    }
    widget.update_toggle_all();
    widget.follow_location_hash();
    Ok(())
}

/// Which of the widget's two views is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Notice,
    Explorer,
}

/// A rendered widget and the parts its behaviour needs.
struct Widget {
    sections: Vec<Disclosure>,
    /// The explorer's kinds of data, built when the explorer is first shown.
    explorer: RefCell<Option<Vec<Disclosure>>>,
    /// What the explorer is built from.
    explorer_source: (Document, &'static Notice, Option<&'static Notice>, u8),
    toggle_all: Element,
    /// A polite live region: result counts, without moving focus.
    live: Element,
    view_buttons: [(View, Element); 2],
    view_panels: [(View, Element); 2],
}

impl Widget {
    fn build(
        doc: &Document,
        root: &ShadowRoot,
        notice_index: usize,
        notice: &'static Notice,
        level: u8,
    ) -> Rc<Widget> {
        let parent = bundled::parent_of(notice);
        let container = element(doc, "div", "pn");
        set(&container, "part", "root");
        set(&container, "lang", &notice.language);
        let live = element(doc, "p", "pn-visually-hidden");
        set(&live, "role", "status");
        set(&live, "aria-live", "polite");
        let header = notice_view::header(doc, notice, parent, level);
        let search = search_box::SearchBox::new(doc, notice);

        let views = element(doc, "div", "pn-views");
        set(&views, "role", "group");
        set(&views, "aria-label", "Choose what to read");
        let view_button = |view, label| {
            let b = text_element(doc, "button", "pn-view-button", label);
            set(&b, "type", "button");
            append(&views, &[&b]);
            (view, b)
        };
        let view_buttons = [
            view_button(View::Notice, "The notice"),
            view_button(View::Explorer, "What happens to my data"),
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

        let widget = Rc::new(Widget {
            sections,
            explorer: RefCell::new(None),
            explorer_source: (doc.clone(), notice, parent, level),
            toggle_all,
            live,
            view_buttons,
            view_panels: [
                (View::Notice, notice_panel),
                (View::Explorer, explorer_panel),
            ],
        });
        widget.listen(&container);
        search.listen(&widget, notice_index);
        widget
    }

    fn listen(self: &Rc<Self>, container: &Element) {
        // Links to sections and explorer items are handled here, not by the
        // page: a second widget on the page must not react to them.
        let widget = Rc::clone(self);
        on(container, "click", move |event| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| {
                    el.closest("a[data-section], a[data-explorer]")
                        .ok()
                        .flatten()
                });
            let Some(link) = link else { return };
            event.prevent_default();
            if let Some(id) = link.get_attribute("data-section") {
                widget.reveal_section(&id);
                // Keep the deep link in the address bar without a hashchange event.
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    history
                        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{id}")))
                        .ok();
                }
            } else if let Some(id) = link.get_attribute("data-explorer") {
                widget.reveal_explorer_item(&id);
            }
        });
        for disclosure in &self.sections {
            let widget = Rc::clone(self);
            disclosure.listen(move || widget.update_toggle_all());
        }
        let widget = Rc::clone(self);
        on(&self.toggle_all, "click", move |_| {
            let open = !widget.all_open();
            for section in &widget.sections {
                section.set_open(open);
            }
            widget.update_toggle_all();
        });
        for (view, button) in &self.view_buttons {
            let (widget, view) = (Rc::clone(self), *view);
            on(button, "click", move |_| widget.show_view(view));
        }
        let widget = Rc::clone(self);
        let window = web_sys::window().expect_throw("a window");
        on(&window, "hashchange", move |_| {
            widget.follow_location_hash()
        });
    }

    fn all_open(&self) -> bool {
        self.sections.iter().all(Disclosure::is_open)
    }

    fn update_toggle_all(&self) {
        let all_open = self.all_open();
        self.toggle_all.set_text_content(Some(if all_open {
            "Hide all sections"
        } else {
            "Show all sections"
        }));
        set(
            &self.toggle_all,
            "aria-expanded",
            if all_open { "true" } else { "false" },
        );
    }

    fn show_view(self: &Rc<Self>, view: View) {
        if view == View::Explorer {
            self.build_explorer();
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
            let (doc, notice, parent, level) = &self.explorer_source;
            let (_, panel) = self
                .view_panels
                .iter()
                .find(|(v, _)| *v == View::Explorer)
                .expect_throw("an explorer view");
            let items = explorer::render_into(doc, panel, notice, *parent, *level);
            for item in &items {
                item.listen(|| ());
            }
            *explorer = Some(items);
        }
    }

    /// Opens, scrolls to and focuses a section of the notice.
    fn reveal_section(self: &Rc<Self>, id: &str) -> bool {
        let Some(section) = self.sections.iter().find(|s| s.id == id) else {
            return false;
        };
        self.show_view(View::Notice);
        section.reveal();
        self.update_toggle_all();
        true
    }

    /// Opens, scrolls to and focuses a kind of data in the explorer.
    fn reveal_explorer_item(self: &Rc<Self>, id: &str) {
        self.show_view(View::Explorer);
        let explorer = self.explorer.borrow();
        if let Some(item) = explorer.iter().flatten().find(|s| s.id == id) {
            item.reveal();
        }
    }

    /// Deep links: `page.html#who-we-share-with` opens and focuses that section.
    fn follow_location_hash(self: &Rc<Self>) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let id = hash.trim_start_matches('#');
        if !id.is_empty() {
            self.reveal_section(id);
        }
    }

    fn announce(&self, message: &str) {
        self.live.set_text_content(Some(message));
    }
}
