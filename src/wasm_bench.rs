//! Times the search core inside the browser, for `benches/wasm-search.mjs`.
//!
//! Browsers coarsen `performance.now()` (to 0.1 ms in Chromium without
//! cross-origin isolation), so each question runs `repeats` times and its
//! time is the mean of those runs; the median and 95th percentile are taken
//! over the questions.

use privacy_notice_core::model::Notice;
use privacy_notice_core::search::{Corpus, Index, Scope, Weights};
use privacy_notice_core::synthetic::synthetic_notices;
use wasm_bindgen::prelude::*;

use crate::bundled::{concepts, glossary};
use crate::widget::read;

/// `chunks`: the bundled notices as the widget gets them (each parsed from
/// its `dist/` chunk). `questions`: one per line, `notice-id<TAB>question`
/// (`*` for all notices). Returns JSON: `{"five": {…}, "synthetic": {…}}`,
/// each with the notice, passage and term counts and `median_us` /
/// `p95_us` per query.
#[wasm_bindgen]
pub fn bench_search(
    chunks: js_sys::Array,
    questions: &str,
    repeats: u32,
    synthetic: u32,
) -> Result<String, JsError> {
    let questions: Vec<(&str, &str)> = questions
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let bundled: Vec<Notice> = chunks
        .iter()
        .map(|chunk| read::notice(&chunk))
        .collect::<Result<_, _>>()
        .map_err(|e| JsError::new(&e))?;
    let corpus = |notices: &[Notice], index: &Index| -> String {
        let corpus = Corpus {
            notices,
            glossary: glossary(),
            concepts: concepts(),
            index,
            weights: &Weights::DEFAULT,
        };
        time(&corpus, &questions, repeats)
    };
    let many = synthetic_notices(&bundled, synthetic as usize);
    Ok(format!(
        "{{\"five\": {}, \"synthetic\": {}}}",
        corpus(&bundled, &Index::build(&bundled, glossary())),
        corpus(&many, &Index::build(&many, glossary()))
    ))
}

fn time(corpus: &Corpus, questions: &[(&str, &str)], repeats: u32) -> String {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now()");
    let mut per_query: Vec<f64> = questions
        .iter()
        .map(|&(id, ask)| {
            let scope = match corpus.notices.iter().position(|n| n.id.ends_with(id)) {
                Some(n) if id != "*" => Scope::Notice(n),
                _ => Scope::All,
            };
            corpus.search(scope, ask, 3); // warm-up
            let started = performance.now();
            for _ in 0..repeats {
                std::hint::black_box(corpus.search(scope, std::hint::black_box(ask), 3));
            }
            (performance.now() - started) * 1000.0 / f64::from(repeats)
        })
        .collect();
    per_query.sort_by(f64::total_cmp);
    let at = |q: f64| per_query[((per_query.len() - 1) as f64 * q) as usize];
    format!(
        "{{\"notices\": {}, \"passages\": {}, \"terms\": {}, \"questions\": {}, \"median_us\": {:.1}, \"p95_us\": {:.1}}}",
        corpus.notices.len(),
        corpus.index.passages.len(),
        corpus.index.term_count(),
        per_query.len(),
        at(0.5),
        at(0.95)
    )
}
