//! Nothing of the publisher's wording is lost or changed: every line of
//! each source text (web artefacts removed; whitespace and quote marks
//! normalised) appears, in order, in the notice's title, headings and bodies.
//!
//! The source texts live beside the notices, `notices/sources/<id>.txt`,
//! one per notice that has one, so a clone of the project tests itself.
//! The comparison is `privacy_notice_core::fidelity`, which `notice import`
//! runs on every draft too.

use std::path::Path;

use privacy_notice_core::fidelity::{compare, normalise};
use privacy_notice_core::load;
use privacy_notice_core::model::blocks;

/// The source texts, named by notice id.
const SOURCES: &str = "notices/sources";

fn notices() -> load::Dataset {
    load::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("notices"))
}

fn source_of(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(SOURCES)
        .join(format!("{id}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_source_line_appears_in_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCES);
    let dataset = notices();
    let mut failures = Vec::new();
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let file = dataset
            .files
            .iter()
            .find(|f| f.notice.id == id)
            .unwrap_or_else(|| panic!("{}: no notice {id} in notices/", path.display()));
        failures.extend(compare(file, &source_of(id)));
        compared += 1;
    }
    assert!(compared > 0, "no source texts in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The comparison catches what it is for: a line of wording dropped, and
/// two lines swapped, in a copy of a real notice.
#[test]
fn the_comparison_catches_a_dropped_and_a_reordered_line() {
    let dataset = notices();
    let file = dataset
        .files
        .iter()
        .find(|f| f.notice.id == "afc-early-help")
        .expect("afc-early-help");
    let source = source_of("afc-early-help");
    assert!(compare(file, &source).is_empty());

    // The body with the most paragraphs, to drop one and swap two.
    let (s, body) = file
        .notice
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                i,
                blocks(&s.body)
                    .map(|b| b.text().to_string())
                    .collect::<Vec<_>>(),
            )
        })
        .max_by_key(|(_, b)| b.len())
        .unwrap();
    assert!(body.len() >= 3, "a section with three paragraphs");
    let with_body = |paragraphs: &[String]| {
        let mut changed = file.clone();
        changed.notice.sections.to_mut()[s].body = paragraphs.join("\n\n").into();
        compare(&changed, &source)
    };

    let mut dropped = body.clone();
    let gone = dropped.remove(1);
    let failures = with_body(&dropped);
    assert!(
        failures.iter().any(|f| f.contains(&normalise(&gone))),
        "dropping {gone:?} went unnoticed: {failures:?}"
    );

    let mut swapped = body.clone();
    swapped.swap(0, 1);
    let failures = with_body(&swapped);
    assert!(
        !failures.is_empty(),
        "swapping two paragraphs went unnoticed"
    );
}
