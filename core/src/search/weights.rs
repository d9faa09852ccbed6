//! The search's ranking weights, in one value: an experiment is another
//! [`Weights`] (`Corpus { weights: &w, ..corpus }`), not an edit of the
//! search, and `weights_experiment` in `tests/search_eval.rs` scores the
//! tuned question sets for any.
//!
//! Every weight is a factor on a score, so 0 switches what it weighs off
//! and 1 counts it in full. [`Weights::DEFAULT`] is what the widget and
//! the CLI use; each set's bar in `tests/` guards it.

use super::PassageKind;

/// How the search weighs what it finds. The ranges are those that keep
/// each weight's meaning; the search takes any non-negative value.
/// (Read from TOML by `tests/search_eval.rs`'s experiments: a weight not
/// named keeps its default.)
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(default, deny_unknown_fields)
)]
pub struct Weights {
    /// BM25's term-frequency saturation (k1): how soon more occurrences of
    /// a word in a passage stop counting. 0 counts presence only; 1.2–2 is
    /// usual.
    pub k1: f32,
    /// BM25's length normalisation (b), 0–1: 0 ignores a passage's length,
    /// 1 divides a text occurrence by the length against the average.
    pub b: f32,
    /// How much a word in a passage's heading counts against once in its
    /// text (BM25F: a heading's occurrence is not divided by the length),
    /// 0–3.
    pub heading: f32,
    /// How much the other alternatives of one thing asked add to the best
    /// a passage matches ("how long", "kept", "retained"), 0–1.
    pub other_alternatives: f32,
    /// A notice word reached through a concept ("say no" → "object"),
    /// against the word typed (1), 0–1.
    pub concept: f32,
    /// A word one edit from what was typed ("polcie" → "police"), 0–1.
    pub one_edit: f32,
    /// A word two edits away (only for long words), 0 to `one_edit`.
    pub two_edits: f32,
    /// A longer word that starts with what was typed ("scho" → "school"),
    /// 0–1.
    pub prefix: f32,
    /// How much of a list item's lead-in's score ("You also have the right
    /// to:") the item adds to its own ("object to processing"), 0–1.
    pub lead_in: f32,
    /// A word for the child or relative a question is about ("my mum"),
    /// and a concept named by such words only: the question is seldom
    /// about the relative, but about the family's data. 0–1.
    pub family_word: f32,
    /// A word of the searched notice's own name ("early help", "family
    /// hub", the council's): every passage of that notice is about its
    /// service, so the word says where, not what is asked. 0–1.
    pub name_word: f32,
    /// A word of the situation a family tells before or after its question
    /// ("i go to the parenting group because im struggling, will anything
    /// i say get passed on to her school"): the story says why they ask,
    /// the question what. 0–1.
    pub situation: f32,
    /// The rest of a question that names a right (a concept with `right =
    /// true`): the right is what it asks. 0–1.
    pub beside_a_right: f32,
    /// How much of the question a section's summary covers counts as
    /// covered for each passage of its wording that matches what is asked,
    /// 0–1.
    pub summary_covers: f32,
    /// A passage of the publisher's wording: what binds the council, so the
    /// measure of the others. 1.
    pub wording: f32,
    /// A section's plain summary, 0 to `wording`.
    pub summary: f32,
    /// An answer of "What happens to my data", 0 to `wording`.
    pub explorer: f32,
    /// A glossary definition, 0 to `wording`…
    pub definition: f32,
    /// …and when the question asks what a term is ("what is a looked after
    /// child"), `definition` to `wording`.
    pub definition_asked: f32,
    /// A fact of the notice's header ("About this notice"): short, and an
    /// answer only to questions about the notice itself. 0 to `wording`.
    pub about: f32,
    /// A result scoring under this share of the best result is not shown:
    /// the count says how many answer, not the cap, and no result beats a
    /// wrong one. 0 (show every result up to the limit) to 1 (the best only).
    pub floor: f32,
}

impl Weights {
    /// The weights the widget and the CLI search with.
    pub const DEFAULT: Weights = Weights {
        k1: 1.2,
        b: 0.75,
        heading: 2.0,
        other_alternatives: 0.5,
        concept: 0.8,
        one_edit: 0.8,
        two_edits: 0.6,
        prefix: 0.6,
        lead_in: 0.1,
        family_word: 0.5,
        name_word: 0.3,
        situation: 0.7,
        beside_a_right: 0.5,
        summary_covers: 0.7,
        wording: 1.0,
        summary: 0.7,
        explorer: 0.6,
        definition: 0.4,
        definition_asked: 1.0,
        about: 0.5,
        floor: 0.15,
    };

    /// How much a passage of `kind` counts, for a question that asks what
    /// a term is or not.
    pub fn of_kind(&self, kind: PassageKind, asks_what_a_term_is: bool) -> f32 {
        match kind {
            PassageKind::Body => self.wording,
            PassageKind::Summary => self.summary,
            PassageKind::Explorer => self.explorer,
            PassageKind::Glossary if asks_what_a_term_is => self.definition_asked,
            PassageKind::Glossary => self.definition,
            PassageKind::About(_) => self.about,
        }
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights::DEFAULT
    }
}
