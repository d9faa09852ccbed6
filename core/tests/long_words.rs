//! Words of any length anywhere in a notice (title, heading, summary,
//! wording, explorer) are indexed or skipped, never a panic: a word of 256
//! bytes or more once broke the index (a term's length is kept in a byte),
//! and in the widget a panic is a Wasm trap.
#![cfg(feature = "load")]

use std::path::Path;
use std::sync::OnceLock;

use privacy_notice_core::load;
use privacy_notice_core::model::{GlossaryTerm, Notice};
use privacy_notice_core::search::{ConceptMap, Corpus, Index, Scope, Weights};
use proptest::prelude::*;

fn bundled() -> &'static (Notice, Vec<GlossaryTerm>, ConceptMap) {
    static DATA: OnceLock<(Notice, Vec<GlossaryTerm>, ConceptMap)> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../notices");
        let dataset = load::read_dir(&dir);
        let notice = dataset
            .files
            .into_iter()
            .map(|f| f.notice)
            .find(|n| n.id == "afc-early-help")
            .expect("the bundled early help notice");
        (notice, dataset.glossary, ConceptMap::new(dataset.concepts))
    })
}

/// The bundled early help notice with `word` in every kind of text.
fn with_word(word: &str) -> Notice {
    let mut notice = bundled().0.clone();
    let add = |text: &str| format!("{text} {word}").into();
    notice.title = add(&notice.title);
    let mut sections = notice.sections.to_vec();
    for section in &mut sections {
        section.heading = add(&section.heading);
        section.summary = add(&section.summary);
        section.body = add(&section.body);
    }
    notice.sections = sections.into();
    let mut explorer = notice.explorer.to_vec();
    for item in &mut explorer {
        item.label = add(&item.label);
        let mut answers = item.answers.to_vec();
        for answer in &mut answers {
            answer.text = add(&answer.text);
        }
        item.answers = answers.into();
    }
    notice.explorer = explorer.into();
    notice
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_word_of_any_length_is_indexed_or_skipped(
        letter in prop::sample::select(vec!['a', 'é', '中', 'Z']),
        length in 0usize..10_000,
    ) {
        let word: String = std::iter::repeat_n(letter, length).collect();
        let notices = [with_word(&word)];
        let (_, glossary, concepts) = bundled();
        let index = Index::build(&notices, glossary);
        let corpus = Corpus { notices: &notices, glossary, concepts, index: &index, weights: &Weights::DEFAULT };
        let results = corpus.search(Scope::Notice(0), "how long do you keep it", 8);
        prop_assert!(!results.hits.is_empty(), "the notice's own words are still found");
        corpus.search(Scope::Notice(0), &word.chars().take(150).collect::<String>(), 8);
    }
}

#[test]
fn the_lengths_that_broke_the_index_are_indexed_or_skipped() {
    let (_, glossary, _) = bundled();
    for word in [
        "a".repeat(700),
        "é".repeat(128),
        "中".repeat(100),
        "a".repeat(255),
    ] {
        let index = Index::build(&[with_word(&word)], glossary);
        assert!(index.term_count() > 0, "{} bytes", word.len());
    }
}
