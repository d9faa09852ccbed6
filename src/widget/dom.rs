//! Small DOM helpers: the widget builds its markup with these, as text
//! nodes and attributes, never as HTML strings.

use gloo_events::EventListener;
use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element, Event, EventTarget};

/// Creates `<tag class="…">`.
pub fn element(doc: &Document, tag: &str, class: &str) -> Element {
    let el = doc.create_element(tag).expect_throw("valid tag name");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// Creates `<tag class="…">text</tag>`.
pub fn text_element(doc: &Document, tag: &str, class: &str, text: &str) -> Element {
    let el = element(doc, tag, class);
    el.set_text_content(Some(text));
    el
}

/// Sets an attribute; the names are the widget's own constants, so this cannot fail.
pub fn set(el: &Element, name: &str, value: &str) {
    el.set_attribute(name, value)
        .expect_throw("valid attribute name");
}

/// Appends children in order.
pub fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        parent
            .append_child(child)
            .expect_throw("append to an element");
    }
}

/// Appends a text node.
pub fn append_text(doc: &Document, parent: &Element, text: &str) {
    parent
        .append_child(&doc.create_text_node(text))
        .expect_throw("append text");
}

/// Listens for `event` on `target` until the returned listener is dropped
/// (the widget keeps its listeners, and drops them when it is unmounted).
#[must_use = "the listener stops when dropped"]
pub fn on(
    target: &EventTarget,
    event: &str,
    handler: impl FnMut(&Event) + 'static,
) -> EventListener {
    EventListener::new(target, event.to_string(), handler)
}

/// A simple disclosure's button was pressed: flips its `aria-expanded` and
/// shows or hides the element its `aria-controls` names (a sibling). Used
/// by glossary terms and hints (sections use [`super::disclosure`], whose
/// panels find-in-page can open).
pub fn toggle_controlled(button: &Element) {
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    set(button, "aria-expanded", if open { "true" } else { "false" });
    let controlled = button.get_attribute("aria-controls").and_then(|id| {
        button
            .parent_element()?
            .query_selector(&format!("#{id}"))
            .ok()
            .flatten()
    });
    if let Some(controlled) = controlled {
        if open {
            controlled.remove_attribute("hidden").ok();
        } else {
            set(&controlled, "hidden", "");
        }
    }
}

/// `<hN>` for a heading level; past 6, `<h6>`: screen readers handle
/// levels 7 and 8 badly. Only the explorer's kinds of data reach past 6
/// (with `heading-level="5"`), and its labelled section groups them under
/// its title.
pub fn heading(doc: &Document, level: u8, class: &str) -> Element {
    element(doc, &format!("h{}", level.clamp(1, 6)), class)
}
