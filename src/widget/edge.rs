//! What the widget hands to the host page, declared once as Rust structs
//! and passed through `serde_wasm_bindgen`: each event's `detail` and each
//! `search()` hit. `privacy-notice.d.ts` declares the same shapes, and a
//! browser test compares the two. Nothing here carries what a family typed.

use serde::Serialize;
use wasm_bindgen::JsValue;

use super::View;
use privacy_notice_core::search::{Corpus, Hit, Place};

/// A change a host page may follow, as the loader dispatches it
/// (`privacy-notice-<name>`, with this as its `detail`).
#[derive(Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum Event<'a> {
    /// A section was opened or closed.
    Toggle { section: &'a str, open: bool },
    /// The reader switched views.
    View(ViewDetail),
    /// The reader searched: how many results, never the words.
    Search { result_count: u32 },
}

/// The `privacy-notice-view` event's detail: `{ view: "notice" | "explorer" }`.
#[derive(Serialize)]
pub struct ViewDetail {
    view: &'static str,
}

impl Event<'_> {
    /// The event's name, and its detail as a JavaScript object.
    pub fn to_js(&self) -> (&'static str, JsValue) {
        let name = match self {
            Event::Toggle { .. } => "toggle",
            Event::View(_) => "view",
            Event::Search { .. } => "search",
        };
        (name, to_js(self))
    }
}

impl View {
    /// Its `privacy-notice-view` event's detail.
    pub fn detail(self) -> ViewDetail {
        ViewDetail { view: self.name() }
    }
}

/// A search hit as `el.search()` gives it: the passage, and where it
/// leads in every case.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit<'a> {
    /// `"section"`, `"explorer"` (a "What happens to my data" answer),
    /// `"glossary"` (a definition) or `"about"` (a fact about the notice).
    leads_to: &'static str,
    /// The section it is in (a section's summary or wording), else null.
    section: Option<&'a str>,
    /// The kind of data (an explorer answer), else null.
    kind: Option<&'a str>,
    /// The question the explorer answer answers (`"who-sees"`…), else null.
    question: Option<&'static str>,
    /// The sections an explorer answer comes from; else empty.
    from: Vec<&'a str>,
    heading: String,
    text: String,
    /// The publisher's wording shown beneath a plain answer (a summary or
    /// an explorer answer), when it answered too; else null.
    wording: Option<String>,
    score: f32,
}

impl<'a> SearchHit<'a> {
    pub fn new(corpus: &Corpus<'a>, hit: &Hit) -> SearchHit<'a> {
        let (heading, text) = corpus.passage(&hit.passage);
        let mut found = SearchHit {
            leads_to: "about",
            section: None,
            kind: None,
            question: None,
            from: Vec::new(),
            heading,
            text: text.into_owned(),
            wording: hit
                .wording
                .as_ref()
                .map(|w| corpus.passage(w).1.into_owned()),
            score: hit.score,
        };
        match corpus.place(&hit.passage) {
            Place::Section(id) => {
                found.leads_to = "section";
                found.section = Some(id);
            }
            Place::Explorer(id) => {
                found.leads_to = "explorer";
                found.kind = Some(id);
                if let Some(answer) = corpus.answer(&hit.passage) {
                    found.question = Some(answer.question.key());
                    found.from = answer.from.iter().map(|id| &**id).collect();
                }
            }
            Place::Glossary(_) => found.leads_to = "glossary",
            Place::About => {}
        }
        found
    }
}

/// A value as a plain JavaScript object; `None` is `null`.
pub fn to_js(value: &impl Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
        .unwrap_or(JsValue::NULL)
}
