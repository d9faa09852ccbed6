//! The plain-language layer reads at Flesch–Kincaid grade 6 or below for
//! every notice (summaries, and explorer answers), every section has a
//! summary, and no summary or answer states a fact its source does not.

use privacy_notice::bundled::NOTICES;
use privacy_notice_core::load::{self, MAX_GRADE, Severity};
use privacy_notice_core::text::readability::{Counts, grade};

fn grade_of<'a>(texts: impl Iterator<Item = &'a str>) -> f64 {
    texts
        .map(Counts::of)
        .fold(Counts::default(), |a, b| a + b)
        .grade()
}

#[test]
fn every_notice_summary_layer_reads_at_grade_six_or_below() {
    for notice in NOTICES.iter() {
        assert!(
            notice.sections.iter().all(|s| !s.summary.trim().is_empty()),
            "{}: a section has no summary",
            notice.id
        );
        let summaries = grade_of(notice.sections.iter().map(|s| s.summary.as_ref()));
        assert!(
            summaries <= MAX_GRADE,
            "{}: summaries read at grade {summaries:.1}",
            notice.id
        );
        let answers = grade_of(
            notice
                .explorer
                .iter()
                .flat_map(|e| e.answers.iter().map(|a| a.text.as_ref())),
        );
        assert!(
            answers <= MAX_GRADE,
            "{}: explorer answers read at grade {answers:.1}",
            notice.id
        );
    }
}

#[test]
fn the_sources_themselves_read_far_above_it() {
    // The measure can fail: the legal wording it sits beside reads at grade 12+.
    for notice in NOTICES.iter() {
        let wording = grade_of(notice.sections.iter().map(|s| s.body.as_ref()));
        assert!(
            wording > 10.0,
            "{}: wording reads at grade {wording:.1}",
            notice.id
        );
    }
    assert!(
        grade(
            "Under the UK General Data Protection Regulation, the lawful basis for processing personal data is public task or to comply with a legal obligation."
        ) > MAX_GRADE
    );
}

#[test]
fn no_summary_or_answer_adds_a_fact() {
    let dataset = load::read_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/notices"
    )));
    let errors: Vec<_> = dataset
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(dataset.files.len(), NOTICES.len());
}

/// The checks above can fail: in a copy of the notices, a summary that
/// adds a fact is an error, and one written in legal English reads above
/// the grade.
#[test]
fn a_summary_that_adds_a_fact_or_reads_hard_is_caught() {
    let dir = std::env::temp_dir().join(format!("notice-plain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let notices = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/notices"));
    for entry in std::fs::read_dir(notices).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let path = dir.join("afc-standard.toml");
    let source = std::fs::read_to_string(&path).unwrap();
    let hard = "Notwithstanding the aforementioned considerations, organisational accountability necessitates comprehensive documentation.";
    let broken = source.replacen(
        "summary = \"\"\"\n",
        &format!("summary = \"\"\"\nWe sell it to the Marketing Act 2031 people. {hard} "),
        1,
    );
    assert_ne!(broken, source);
    std::fs::write(&path, broken).unwrap();
    let dataset = load::read_dir(&dir);
    std::fs::remove_dir_all(&dir).ok();
    let said = |severity: Severity, text: &str| {
        dataset.problems.iter().any(|p| {
            p.severity == severity && p.field == "section[1].summary" && p.message.contains(text)
        })
    };
    assert!(
        said(Severity::Error, "\"2031\" is not stated"),
        "{:?}",
        dataset.problems
    );
    assert!(
        said(Severity::Error, "\"Marketing Act\" is not stated"),
        "{:?}",
        dataset.problems
    );
    assert!(
        said(Severity::Warning, "hardest sentence"),
        "{:?}",
        dataset.problems
    );
}
