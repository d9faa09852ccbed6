//! What the build script (`build/main.rs`) compiles in from `notices/`: the glossary and the
//! search's concept map (shared by every notice, so the Wasm engine keeps
//! them) and, outside the Wasm, the notices themselves for the CLI and the
//! tests. The Wasm gets each notice as its own JSON chunk instead.

#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
use privacy_notice_core::model::{
    Answer, Controller, ExplorerItem, List, Notice, Question, Section,
};
use privacy_notice_core::model::{Concept, GlossaryTerm};
use privacy_notice_core::search::ConceptMap;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The glossary, unpacked from its compact text on first use.
pub fn glossary() -> &'static [GlossaryTerm] {
    static GLOSSARY: OnceLock<Vec<GlossaryTerm>> = OnceLock::new();
    GLOSSARY.get_or_init(|| GlossaryTerm::unpack(GLOSSARY_PACKED))
}

/// The search's concept map, unpacked from its compact text on first use.
pub fn concepts() -> &'static ConceptMap {
    static CONCEPTS: OnceLock<ConceptMap> = OnceLock::new();
    CONCEPTS.get_or_init(|| ConceptMap::new(Concept::unpack(CONCEPTS_PACKED)))
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::sync::OnceLock;

    use super::{NOTICES, concepts, glossary};
    use privacy_notice_core::model::Notice;
    use privacy_notice_core::search::{Corpus, Index, Scope, Weights};

    /// The bundled notices, glossary and concepts, with their index (built
    /// on first use, as the widget builds its own).
    pub fn corpus() -> Corpus<'static> {
        static INDEX: OnceLock<Index> = OnceLock::new();
        Corpus {
            notices: &NOTICES,
            glossary: glossary(),
            concepts: concepts(),
            index: INDEX.get_or_init(|| Index::build(&NOTICES, glossary())),
            weights: &Weights::DEFAULT,
        }
    }

    /// What the widget searches on the page showing a notice: that notice
    /// and the one it extends, with the glossary, indexed together as the
    /// widget indexes them, so that a word is as rare as it is on that
    /// page. Search its [`Page::corpus`] with `Scope::Notice(0)`.
    pub struct Page {
        notices: Vec<Notice>,
        index: Index,
    }

    impl Page {
        /// The page showing `notice` (with `parent`, the notice it extends).
        pub fn new(notice: Notice, parent: Option<Notice>) -> Page {
            let notices: Vec<Notice> = std::iter::once(notice).chain(parent).collect();
            let index = Index::build(&notices, glossary());
            Page { notices, index }
        }

        pub fn corpus(&self) -> Corpus<'_> {
            Corpus {
                notices: &self.notices,
                glossary: glossary(),
                concepts: concepts(),
                index: &self.index,
                weights: &Weights::DEFAULT,
            }
        }
    }

    /// The page showing bundled notice `n` (its place in [`NOTICES`]).
    pub fn page_corpus(n: usize) -> Corpus<'static> {
        static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
        let pages = PAGES.get_or_init(|| {
            NOTICES
                .iter()
                .map(|notice| Page::new(notice.clone(), parent_of(notice).cloned()))
                .collect()
        });
        pages[n].corpus()
    }

    /// What a search "within" `id` searches: the page showing that bundled
    /// notice, as the widget does, or every notice for "*" (for authors).
    /// `None` for an id no bundled notice has.
    pub fn search_of(id: &str) -> Option<(Corpus<'static>, Scope)> {
        if id == "*" {
            return Some((corpus(), Scope::All));
        }
        notice(id).map(|(n, _)| (page_corpus(n), Scope::Notice(0)))
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
            .and_then(self::notice)
            .map(|(_, n)| n)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{Page, corpus, notice, parent_of, search_of};
