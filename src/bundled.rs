//! The notices, glossary, concepts and search index compiled in from
//! `notices/` by `build.rs`.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::model::{
    Answer, Concept, Controller, ExplorerItem, GlossaryTerm, List, Notice, Question, Section,
};
use crate::search::{Corpus, Index, Passage, PassageKind};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The bundled notices, glossary, concepts and index, ready to search.
pub fn corpus() -> Corpus<'static> {
    Corpus {
        notices: &NOTICES,
        glossary: &GLOSSARY,
        concepts: &CONCEPTS,
        index: &INDEX,
    }
}

/// A bundled notice by id, with its place in [`NOTICES`].
pub fn notice(id: &str) -> Option<(usize, &'static Notice)> {
    NOTICES.iter().enumerate().find(|(_, n)| n.id == id)
}

/// The notice a bundled notice extends, if any.
pub fn parent_of(notice: &Notice) -> Option<&'static Notice> {
    notice
        .extends
        .as_deref()
        .and_then(|id| self::notice(id))
        .map(|(_, n)| n)
}
