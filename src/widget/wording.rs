//! Renders a section's original wording: paragraphs and lists, with web
//! and email addresses as links and glossary terms as inline disclosures
//! (a button that shows the plain definition right after the term, not a
//! hover-only tooltip). Which words are addresses is the core's
//! `render::links`, which `notice export --html` links too.

use wasm_bindgen::UnwrapThrowExt;

use web_sys::{Document, Element};

use super::dom::{append, append_text, element, set, text_element};
use privacy_notice_core::model::{Block, GlossaryTerm, blocks};
use privacy_notice_core::render::{href, links};
use privacy_notice_core::text::part;

/// The attribute naming a passage of a section or explorer item (a block
/// number, an answer number, or [`SUMMARY_PASSAGE`]) or the header's facts
/// ([`ABOUT_PASSAGE`]), for search results to scroll to.
pub const PASSAGE: &str = "data-passage";
/// `data-passage` of a section's "In short" summary.
pub const SUMMARY_PASSAGE: &str = "summary";
/// `data-passage` of the notice's header facts ("About this notice").
pub const ABOUT_PASSAGE: &str = "about";

/// What a piece of text becomes.
enum Inline<'a> {
    Link(&'a str),
    Term(&'a GlossaryTerm),
}

/// Renders `body` into `parent`. Each glossary term is explained at its
/// first use in the body; `ids` numbers the definitions so they are unique.
/// Each paragraph and list item carries `data-passage` (its block number,
/// as the search names it), so a search result can scroll to it.
pub fn render_body(
    doc: &Document,
    parent: &Element,
    body: &str,
    glossary: &[GlossaryTerm],
    ids: &mut u32,
) {
    // Glossary terms (by number) already explained in this body.
    let mut explained = Vec::new();
    let mut list: Option<Element> = None;
    for (n, block) in blocks(body).enumerate() {
        let el = match block {
            Block::Paragraph(_) => {
                list = None;
                let p = element(doc, "p", "");
                parent.append_child(&p).expect_throw("append paragraph");
                p
            }
            Block::ListItem(_) => {
                let ul = list.get_or_insert_with(|| {
                    let ul = element(doc, "ul", "");
                    parent.append_child(&ul).expect_throw("append list");
                    ul
                });
                let li = element(doc, "li", "");
                ul.append_child(&li).expect_throw("append item");
                li
            }
        };
        set(&el, PASSAGE, &n.to_string());
        render_inline(doc, &el, block.text(), glossary, &mut explained, ids);
    }
}

/// `<p>` with `text`, its web and email addresses as links (summaries and
/// explorer answers: plain words, no glossary buttons).
pub fn linked_paragraph(doc: &Document, text: &str) -> Element {
    let p = element(doc, "p", "");
    render_inline(doc, &p, text, &[], &mut Vec::new(), &mut 0);
    p
}

fn render_inline(
    doc: &Document,
    parent: &Element,
    text: &str,
    glossary: &[GlossaryTerm],
    explained: &mut Vec<usize>,
    ids: &mut u32,
) {
    // Pushed, not collected: smaller Wasm.
    let mut found = Vec::new();
    for link in links(text) {
        found.push((link.start, link.end, Inline::Link(link.address)));
    }
    let lower = text.to_ascii_lowercase();
    for (n, term) in glossary.iter().enumerate() {
        if explained.contains(&n) {
            continue;
        }
        if let Some((start, end)) = term.found_in(&lower)
            && found.iter().all(|(s, e, _)| end <= *s || start >= *e)
        {
            // Kept in text order (no sort: smaller Wasm).
            let at = found
                .iter()
                .position(|(s, _, _)| *s > start)
                .unwrap_or(found.len());
            found.insert(at, (start, end, Inline::Term(term)));
            explained.push(n);
        }
    }
    let mut at = 0;
    for (start, end, inline) in found {
        append_text(doc, parent, part(text, at..start));
        let piece = part(text, start..end);
        match inline {
            Inline::Link(address) => {
                let a = text_element(doc, "a", "", piece);
                set(&a, "href", &href(address));
                parent.append_child(&a).expect_throw("append link");
            }
            Inline::Term(term) => {
                *ids += 1;
                term_disclosure(doc, parent, piece, term, &format!("pn-term-{ids}"));
            }
        }
        at = end;
    }
    append_text(doc, parent, part(text, at..));
}

/// `term` as a button that shows its definition in the text after it. A
/// `<span role="button">`, not a `<button>`: a button is an inline block,
/// so a long term ("Child and Adolescent Mental Health Services") wrapped
/// as a centred block inside its sentence; a span wraps as text. The
/// widget's listeners give it the keys a button has (Enter, Space).
fn term_disclosure(doc: &Document, parent: &Element, shown: &str, term: &GlossaryTerm, id: &str) {
    let button = text_element(doc, "span", "pn-term", shown);
    set(&button, "role", "button");
    set(&button, "tabindex", "0");
    set(&button, "aria-expanded", "false");
    set(&button, "aria-controls", id);
    let definition = element(doc, "span", "pn-definition");
    set(&definition, "id", id);
    set(&definition, "hidden", "");
    append_text(
        doc,
        &definition,
        &format!(" ({}: {}) ", term.term, term.definition),
    );
    append(parent, &[&button, &definition]);
}
