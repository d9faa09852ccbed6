//! Properties of the parts that take arbitrary text (proptest): loading a
//! notice never panics; the search never panics and gives its hits best
//! first, each once; highlights fall on character boundaries; folding is
//! idempotent. (How long the worst questions take is measured by
//! `cargo bench --bench search`: time is no test's business.)
#![cfg(feature = "load")]

use std::path::Path;
use std::sync::OnceLock;

use privacy_notice_core::load::{self, check_all, parse_notice};
use privacy_notice_core::model::{GlossaryTerm, Notice};
use privacy_notice_core::search::index::passage_text;
use privacy_notice_core::search::{
    ConceptMap, Corpus, Hit, Index, MAX_QUERY_CHARS, MAX_QUERY_WORDS, Scope, Weights, check_query,
    highlight,
};
use privacy_notice_core::text::{fold_phrase, fold_word, stem};
use proptest::prelude::*;

struct Data {
    notices: Vec<Notice>,
    glossary: Vec<GlossaryTerm>,
    concepts: ConceptMap,
    index: Index,
    /// One real notice file, to cut and splice.
    source: String,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../notices");
        let dataset = load::read_dir(&dir);
        let notices: Vec<Notice> = dataset.files.into_iter().map(|f| f.notice).collect();
        let index = Index::build(&notices, &dataset.glossary);
        Data {
            source: std::fs::read_to_string(dir.join("afc-early-help.toml")).unwrap(),
            notices,
            glossary: dataset.glossary,
            concepts: ConceptMap::new(dataset.concepts),
            index,
        }
    })
}

fn corpus() -> Corpus<'static> {
    let d = data();
    Corpus {
        notices: &d.notices,
        glossary: &d.glossary,
        concepts: &d.concepts,
        index: &d.index,
        weights: &Weights::DEFAULT,
    }
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Text that looks like a notice file more often than random text does.
fn notice_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z_\\[\\]=\"{}, \n\r\t#.0-9]{0,200}",
        (0..data().source.len(), 0..200usize, any::<String>()).prop_map(|(at, len, insert)| {
            // A real notice with a piece cut out and something else put in.
            let source = &data().source;
            let start = boundary(source, at);
            let end = boundary(source, start + len);
            format!("{}{insert}{}", &source[..start], &source[end..])
        }),
    ]
}

/// Questions as families type them, and as an attacker would.
fn question() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z' ]{0,200}",
        "[y ]{0,200}",
        proptest::collection::vec(
            "who|can|see|my|school|polcie|recieve|keep|y{1,40}|[a-z]{1,12}",
            0..40
        )
        .prop_map(|w| w.join(" ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn loading_never_panics(source in notice_like()) {
        let (file, _) = parse_notice("afc-early-help.toml", &source);
        let _ = check_all(file.as_slice(), &[]);
    }

    #[test]
    fn a_capped_query_gives_its_hits_best_first_each_answer_once(query in question()) {
        if let Ok(query) = check_query(&query) {
            let corpus = corpus();
            let hits = corpus.search(Scope::All, &query, 5).hits;
            prop_assert!(hits.len() <= 5);
            let text = |hit: &Hit| passage_text(&hit.passage, corpus.notices, corpus.glossary);
            for (i, hit) in hits.iter().enumerate() {
                prop_assert!(hit.score.is_finite() && hit.score > 0.0, "{hit:?}");
                prop_assert!(hits[..i].iter().all(|h| h.score >= hit.score), "best first: {hits:?}");
                // The same list item in several notices is shown once.
                prop_assert!(hits[..i].iter().all(|h| text(h) != text(hit)), "once: {hits:?}");
            }
        }
    }

    #[test]
    fn the_search_takes_any_text_without_panicking(query in any::<String>()) {
        let _ = corpus().search(Scope::Notice(0), &query, 3);
    }

    #[test]
    fn highlights_fall_on_character_boundaries(text in any::<String>(), query in question()) {
        let terms: Vec<String> = query.split_whitespace().map(|w| stem(&fold_word(w))).collect();
        let runs = highlight(&text, &terms);
        let mut at = 0;
        for (range, _) in &runs {
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert_eq!(range.start, at, "runs cover the text in order");
            prop_assert!(range.end > range.start);
            at = range.end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn folding_is_idempotent(text in any::<String>()) {
        let once = fold_phrase(&text);
        prop_assert_eq!(fold_phrase(&once), once.clone());
        for word in text.split_whitespace() {
            let once = fold_word(word);
            prop_assert_eq!(fold_word(&once), once.clone());
        }
    }

    #[test]
    fn stemming_any_word_never_panics(word in "[a-z0-9]{0,60}") {
        let _ = stem(&word);
    }
}

#[test]
fn over_long_queries_are_refused_with_a_message_that_does_not_repeat_them() {
    let message = check_query(&"y".repeat(131_000)).unwrap_err().to_string();
    assert!(
        message.contains("too long") && !message.contains("yyy"),
        "{message}"
    );
    assert!(
        check_query(&"y".repeat(1001)).is_err(),
        "over 1,000 characters"
    );
    assert_eq!(
        check_query("  who sees my file  ").as_deref(),
        Ok("who sees my file")
    );
}

#[test]
fn a_long_message_is_searched_by_the_words_that_carry_its_ask() {
    // 60 words: the story first, the question last.
    let story = "My son is twelve and he has been really struggling at home since his dad left, \
                 we had a social worker last year and it was not a good time for any of us, I am \
                 worried about everything going on record. ";
    let message = format!("{story}Will the school be told about the referral?");
    let asked = check_query(&message).expect("a long message is searched, not refused");
    assert!(
        asked.ends_with("Will the school be told about the referral"),
        "{asked}"
    );
    assert!(
        asked.split(' ').count() <= MAX_QUERY_WORDS && asked.len() <= MAX_QUERY_CHARS,
        "{asked}"
    );
    assert!(
        !asked.contains(" we "),
        "stop words of the story are left out: {asked}"
    );
    let hits = corpus().search(Scope::All, &asked, 3).hits;
    assert!(!hits.is_empty(), "and it finds answers");
    // 33 short words of one sentence: the first 32.
    let long = "care ".repeat(33);
    assert_eq!(
        check_query(&long).unwrap().split(' ').count(),
        MAX_QUERY_WORDS
    );
}
