//! Fidelity: whether a notice keeps every line of its source page, in
//! order. Each line of the source (web artefacts and the notice's
//! `removed` lines aside; whitespace, quote marks and bullets normalised)
//! must appear, in order, in the notice's title, headings and bodies.
//!
//! `tests/fidelity.rs` proves it for the bundled notices against
//! `notices/sources/`, and `notice import` for every draft it writes.

use crate::load::NoticeFile;
use crate::model::blocks;

/// Lines that are web page furniture on every page.
pub const ARTEFACT_LINES: &[&str] = &["Skip to main content", "{{ root_page.title }}"];
/// Cloudflare's stand-in for a hidden email address, without whitespace.
pub const HIDDEN_EMAIL: &str = "[emailprotected]";
/// The marks a page puts before a list item, which the notice's `- ` replaces.
const BULLETS: &[char] = &['•', '◦', '▪', '●', '·', '*', '-', '–'];

/// Folds text for comparison: straight quotes, no bullets, and no
/// whitespace at all (so words the web page ran together may be split).
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .trim_start()
        .trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace())
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

/// The notice's title, headings and body blocks, normalised, in order.
fn notice_text(file: &NoticeFile) -> String {
    let notice = &file.notice;
    let mut parts = vec![normalise(&notice.title)];
    for section in notice.sections.iter() {
        parts.push(normalise(&section.heading));
        parts.extend(blocks(&section.body).map(|b| normalise(b.text())));
    }
    parts.join("\u{1}")
}

/// Each line of `source` that is missing from the notice, or out of
/// order, as "id: missing or out of order: <the line, normalised>".
pub fn compare(file: &NoticeFile, source: &str) -> Vec<String> {
    let id = &file.notice.id;
    let text = notice_text(file);
    let removed: std::collections::HashSet<String> =
        file.removed.iter().map(|r| normalise(r)).collect();
    let mut failures = Vec::new();
    let mut at = 0;
    for line in source.lines() {
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
    failures
}
