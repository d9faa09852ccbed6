//! The WAI-ARIA disclosure and accordion patterns: a real heading holding
//! a button whose `aria-expanded` tells its state, and a panel that is
//! `hidden="until-found"` when closed, so the browser's find-in-page can
//! reveal it (the `beforematch` listener keeps the button's state true).

use gloo_events::EventListener;
use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

use super::dom::{element, heading, on, set};
use super::wording::PASSAGE;

/// A button and the panel it shows and hides.
#[derive(Clone)]
pub struct Disclosure {
    /// The id of what it discloses (a section id, an explorer item id).
    pub id: String,
    pub button: Element,
    pub panel: Element,
}

impl Disclosure {
    /// Builds `<hN><button aria-expanded aria-controls>…</button></hN>` and
    /// an empty closed panel; `dom_id` must be unique in the widget.
    pub fn new(
        doc: &Document,
        level: u8,
        id: &str,
        dom_id: &str,
        label: &Element,
    ) -> (Disclosure, Element) {
        let h = heading(doc, level, "pn-disclosure-heading");
        let button = element(doc, "button", "pn-disclosure-button");
        set(&button, "type", "button");
        set(&button, "part", "section-button");
        set(&button, "id", &format!("{dom_id}-button"));
        set(&button, "aria-controls", &format!("{dom_id}-panel"));
        button.append_child(label).expect_throw("append label");
        h.append_child(&button).expect_throw("append button");
        let panel = element(doc, "div", "pn-panel");
        set(&panel, "id", &format!("{dom_id}-panel"));
        let disclosure = Disclosure {
            id: id.to_string(),
            button,
            panel,
        };
        disclosure.set_open(false);
        (disclosure, h)
    }

    pub fn is_open(&self) -> bool {
        self.button.get_attribute("aria-expanded").as_deref() == Some("true")
    }

    pub fn set_open(&self, open: bool) {
        set(
            &self.button,
            "aria-expanded",
            if open { "true" } else { "false" },
        );
        if open {
            self.panel
                .remove_attribute("hidden")
                .expect_throw("remove hidden");
        } else {
            set(&self.panel, "hidden", "until-found");
        }
    }

    /// Toggles on click, opens when find-in-page finds text in the panel;
    /// `changed` runs after either. The listeners last as long as the
    /// returned values.
    pub fn listen(&self, changed: impl Fn() + Clone + 'static) -> [EventListener; 2] {
        let this = self.clone();
        let after_click = changed.clone();
        let click = on(&self.button, "click", move |_| {
            this.set_open(!this.is_open());
            after_click();
        });
        let this = self.clone();
        let found = on(&self.panel, "beforematch", move |_| {
            this.set_open(true);
            changed();
        });
        [click, found]
    }

    /// Opens and scrolls to the button; or, given a passage (a search
    /// result's `data-passage`) that the panel holds, to that passage, so
    /// reading goes on from the words that matched. Moves focus there if
    /// `focus` (a reader's own action; not when a host page's script asks).
    pub fn reveal(&self, passage: Option<&str>, focus: bool) {
        self.set_open(true);
        let target = passage
            .and_then(|p| {
                self.panel
                    .query_selector(&format!("[{PASSAGE}=\"{p}\"]"))
                    .ok()
                    .flatten()
            })
            .unwrap_or_else(|| self.button.clone());
        focus_and_scroll(&target, focus);
    }
}

/// Scrolls `target` into view and, if `focus`, moves focus to it (made
/// focusable by script only, if it is not a control).
pub fn focus_and_scroll(target: &Element, focus: bool) {
    if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(target) {
        if focus {
            if el.tab_index() < 0 && !el.has_attribute("tabindex") {
                set(el, "tabindex", "-1");
            }
            el.focus().ok();
        }
        el.scroll_into_view();
    }
}
