//! A notice's `[[section]]`s: each the publisher's heading and wording,
//! with a plain summary that may state nothing the wording does not.

use std::collections::HashMap;

use super::ProblemKind;
use super::Severity;
use super::facts::{Wording, check_plain};
use super::report::{Report, Table, TableIds, text};
use crate::model::Section;
use crate::text::readability::sentences;

const SECTION_KEYS: &[&str] = &["id", "heading", "summary", "body"];

/// What `notice check` says of a summary still to write (an imported
/// draft leaves them all empty).
const SUMMARY_TO_DO: &str = "the summary is still to write";

/// The sections of a notice (`raw`), each with its summary's line.
pub(super) fn read_sections(report: &mut Report, raw: &Table<'_>) -> (Vec<Section>, Vec<usize>) {
    let tables = report.tables(
        raw,
        "section",
        "write each section as a [[section]] table with id, heading, summary and body",
    );
    if tables.is_empty() {
        report.error(
            None,
            "section",
            "the notice has no sections".into(),
            "add a [[section]] for each section of the source, in order",
        );
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    tables
        .into_iter()
        .enumerate()
        .map(|(i, (table, line))| {
            read_section(
                report,
                table,
                line,
                &format!("section[{}].", i + 1),
                &mut seen,
            )
        })
        .unzip()
}

/// One `[[section]]` table starting at `line`, whose fields are named
/// `path` and the key (`section[2].heading`), with its summary's line (the
/// table's, when it has no summary); `seen` are the section ids so far.
fn read_section(
    report: &mut Report,
    s: &Table<'_>,
    line: usize,
    path: &str,
    seen: &mut HashMap<String, usize>,
) -> (Section, usize) {
    let field = |name: &str| format!("{path}{name}");
    report.unknown_keys(s, path, SECTION_KEYS);
    let id = report.table_id(
        s,
        line,
        &field("id"),
        seen,
        TableIds {
            kind: "section",
            missing: "give the section a short id for links, e.g. `id = \"your-rights\"`",
            duplicate: "give each section its own id",
        },
    );
    let heading = report.required_text(
        s,
        "heading",
        Some(line),
        &field("heading"),
        "add the source's heading: `heading = \"…\"`",
    );
    let summary_line = report.key_line(s, "summary").unwrap_or(line);
    let reported = report.problems.len();
    let summary = report.text(s, "summary", &field("summary"));
    let not_text = summary.is_none() && report.problems.len() > reported;
    let summary = summary.unwrap_or_default().trim().to_string();
    if summary.is_empty() && !not_text && !report.misspelt.contains(&field("summary")) {
        report.error(
            Some(summary_line),
            &field("summary"),
            SUMMARY_TO_DO.into(),
            "write 2–4 short, plain sentences (reading grade 6 or below) that say what this section means for a family, stating nothing its wording does not",
        );
        if let Some(problem) = report.problems.last_mut() {
            problem.kind = ProblemKind::ToDo;
        }
    }
    let body = report.required_text(
        s,
        "body",
        Some(line),
        &field("body"),
        "paste the publisher's exact wording: `body = \"\"\"…\"\"\"`",
    );
    let section = Section {
        id: text(id),
        heading: text(heading),
        summary: text(summary),
        body: text(body),
    };
    (section, summary_line)
}

/// Checks each written summary (at its line in `lines`): plain, stating
/// nothing the wording does not, and of 2–4 sentences. A summary still to
/// write is a to-do, reported once when read, and not checked.
pub(super) fn check_summaries(
    sections: &[Section],
    lines: &[usize],
    wording: &Wording,
    found: &mut Report,
) {
    for (i, section) in sections.iter().enumerate() {
        if section.summary.is_empty() {
            continue;
        }
        let field = format!("section[{}].summary", i + 1);
        let line = lines.get(i).copied();
        check_plain(&section.summary, wording, line, &field, found);
        // 2–4 sentences; one is enough for a body of one sentence.
        let count = sentences(&section.summary).count();
        let body_count = sentences(&section.body).count();
        if count > 4 || (count < 2 && body_count > 1) {
            found.push(
                Severity::Warning,
                line,
                &field,
                format!("the summary has {count} sentence(s)"),
                "write 2–4 short sentences: what this section means for a family",
            );
        }
    }
}
