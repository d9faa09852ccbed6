//! Nothing of the publisher's wording is lost or changed: every line of
//! each source text (web artefacts removed; whitespace and quote marks
//! normalised) appears, in order, in the notice's title, headings and bodies.

use std::path::Path;

use privacy_notice_core::load::{self, NoticeFile};
use privacy_notice_core::model::blocks;

/// Notice ids and their source texts in `../shared/seeds/`.
const SOURCES: &[(&str, &str)] = &[
    ("afc-standard", "000_6128264b8f094a68.txt"),
    ("afc-social-care", "001_76c5e55761047b55.txt"),
    ("afc-early-help", "002_a643f75bf518eedc.txt"),
    ("afc-family-hub", "003_b6de096c0c309ee1.txt"),
    ("rbkc-wcc-children", "004_8ddfc7728b9dd96a.txt"),
];

/// Lines that are web page furniture on every page.
const ARTEFACT_LINES: &[&str] = &["Skip to main content", "{{ root_page.title }}"];
/// Cloudflare's stand-in for a hidden email address, without whitespace.
const HIDDEN_EMAIL: &str = "[emailprotected]";

/// Folds text for comparison: straight quotes, no bullets, and no
/// whitespace at all (so words the web page ran together may be split).
fn normalise(text: &str) -> String {
    let folded: String = text
        .trim_start()
        .trim_start_matches(['•', '-'])
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.replace(HIDDEN_EMAIL, "")
}

fn notice_text(file: &NoticeFile) -> String {
    let notice = &file.notice;
    let mut parts = vec![normalise(&notice.title)];
    for section in notice.sections.iter() {
        parts.push(normalise(&section.heading));
        parts.extend(blocks(&section.body).map(|b| normalise(b.text())));
    }
    parts.join("\u{1}")
}

#[test]
fn every_source_line_appears_in_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    assert!(
        seeds.is_dir(),
        "the source texts are expected in {}",
        seeds.display()
    );
    let dataset = load::read_dir(&root.join("notices"));
    let mut failures = Vec::new();
    for (id, seed) in SOURCES {
        let file = dataset
            .files
            .iter()
            .find(|f| f.notice.id == *id)
            .unwrap_or_else(|| panic!("no notice {id}"));
        let text = notice_text(file);
        let source = std::fs::read_to_string(seeds.join(seed)).unwrap();
        let removed: Vec<String> = file.removed.iter().map(|r| normalise(r)).collect();
        let mut at = 0;
        for line in source.lines().map(str::trim) {
            let line = normalise(line);
            if line.is_empty()
                || ARTEFACT_LINES.iter().any(|a| normalise(a) == line)
                || removed.contains(&line)
            {
                continue;
            }
            match text[at..].find(&line) {
                Some(found) => at += found + line.len(),
                None => failures.push(format!("{id}: missing or out of order: {line}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_comparison_can_fail() {
    let dataset = load::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("notices"));
    let text = notice_text(&dataset.files[0]);
    assert!(!text.contains(&normalise("We sell your personal data to advertisers.")));
}
