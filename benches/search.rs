//! Query time of the search core: `cargo bench --bench search`.
//!
//! Runs the family questions of `tests/public_questions.toml` and
//! `tests/search_questions.toml` (a) over the five bundled notices and
//! (b) over 100 synthetic notices of the same size, cloned from the bundled
//! ones with new ids and lightly varied wording so the vocabulary grows.
//! Prints the median and 95th percentile time per query, and the time of
//! the worst questions the cap lets through (the widget's budget for one
//! search is 50 ms). A benchmark, not a test: it asserts nothing about time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use privacy_notice::bundled;
use privacy_notice_core::search::{
    Corpus, Index, MAX_QUERY_CHARS, MAX_QUERY_WORDS, Scope, check_query,
};
use privacy_notice_core::synthetic::synthetic_notices;

/// Queries timed per corpus, after one warm-up pass over the questions.
const QUERIES: usize = 2000;
/// Synthetic notices in the large corpus.
const SYNTHETIC: usize = 100;

fn main() {
    let questions = questions();
    let small = bundled::corpus();
    run("5 bundled notices", &small, &questions);
    worst_cases(&small);

    let notices = synthetic_notices(small.notices, SYNTHETIC);
    let started = Instant::now();
    let index = Index::build(&notices, small.glossary);
    let built = started.elapsed();
    let large = Corpus {
        notices: &notices,
        index: &index,
        ..small
    };
    println!("(index of {SYNTHETIC} notices built in {built:.1?})");
    run(
        &format!("{SYNTHETIC} synthetic notices"),
        &large,
        &questions,
    );
    worst_cases(&large);
}

/// The questions the cap lets through that cost the search most (the
/// longest; every word unknown, so looked up as a slip), each at its best
/// of five runs, and how long refusing an over-long one takes.
fn worst_cases(corpus: &Corpus) {
    let best_of_five = |work: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let started = Instant::now();
                work();
                started.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let words: Vec<String> = (0..MAX_QUERY_WORDS).map(|i| format!("plc{i:02}")).collect();
    for query in [
        "y".repeat(MAX_QUERY_CHARS),
        words.join(" "),
        "abcdefghij ".repeat(18).trim().to_string(),
        // A 1,000-character message, cut to the words that carry its ask.
        "my son was in care. ".repeat(49) + "who sees it?",
    ] {
        let query = check_query(&query).expect("within the cap");
        let took = best_of_five(&|| {
            black_box(corpus.search(Scope::All, black_box(&query), 5));
        });
        println!(
            "  worst case: a capped query of {} characters, {took:.1?}",
            query.len()
        );
    }
    let long = "y".repeat(131_000);
    let took = best_of_five(&|| {
        black_box(check_query(black_box(&long))).ok();
    });
    println!(
        "  worst case: a query of {} characters refused in {took:.1?}",
        long.len()
    );
}

/// (notice id or "*", question) from both question files.
fn questions() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    ["tests/public_questions.toml", "tests/search_questions.toml"]
        .iter()
        .flat_map(|path| {
            let source = std::fs::read_to_string(format!("{root}/{path}")).expect(path);
            let file: toml::Table = toml::from_str(&source).expect(path);
            file["q"]
                .as_array()
                .expect("[[q]]")
                .iter()
                .map(|q| {
                    (
                        q["notice"].as_str().unwrap().into(),
                        q["ask"].as_str().unwrap().into(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Times every question over `corpus` until [`QUERIES`] have run; each
/// question asks within a notice with its id (for clones, the first one
/// whose id ends with it), or within all.
fn run(name: &str, corpus: &Corpus, questions: &[(String, String)]) {
    let scoped: Vec<(Scope, &str)> = questions
        .iter()
        .map(|(id, ask)| {
            let scope = if id == "*" {
                Scope::All
            } else {
                let n = corpus
                    .notices
                    .iter()
                    .position(|n| n.id.ends_with(id.as_str()));
                Scope::Notice(n.unwrap_or_else(|| panic!("no notice {id}")))
            };
            (scope, ask.as_str())
        })
        .collect();
    for &(scope, ask) in &scoped {
        black_box(corpus.search(scope, ask, 3));
    }
    let mut times: Vec<Duration> = scoped
        .iter()
        .cycle()
        .take(QUERIES)
        .map(|&(scope, ask)| {
            let started = Instant::now();
            black_box(corpus.search(black_box(scope), black_box(ask), 3));
            started.elapsed()
        })
        .collect();
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name}: {} passages, {} terms; {} queries ({} questions): median {:.1} µs, p95 {:.1} µs, max {:.1} µs",
        corpus.index.passages.len(),
        corpus.index.term_count(),
        times.len(),
        questions.len(),
        micros(times[times.len() / 2]),
        micros(times[times.len() * 95 / 100]),
        micros(times[times.len() - 1]),
    );
}
