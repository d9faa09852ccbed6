//! A notice file's top level (its id, title, language, source and dates),
//! read with its parts by their own modules; and the checks that need more
//! than one file: ids, `extends`, and what [`super::facts`] rules on.

use std::collections::HashSet;

use super::controller::{check_contacts, read_controller};
use super::explorer::{check_answers, read_explorer};
use super::facts::Wording;
use super::report::{Report, Table, text};
use super::section::{check_summaries, read_sections};
use super::{Lines, NoticeFile, Problem};
use crate::model::{Controller, Notice};
use crate::rules::{self, is_https_url, is_language_tag};

const NOTICE_KEYS: &[&str] = &[
    "id",
    "title",
    "language",
    "extends",
    "source",
    "source_url",
    "published",
    "last_updated",
    "version",
    "removed",
    "controller",
    "section",
    "explorer",
];

/// Parses one notice file. Problems found in this file alone are returned
/// with it; cross-file checks are in [`check_all`]. A syntax error or a
/// misspelt field does not stop the check: the rest of the file is still
/// read and every problem in it reported.
pub fn parse_notice(file: &str, source: &str) -> (Option<NoticeFile>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let raw = report.parse(source, "see notices/FORMAT.md for how a notice is written");
    if raw.is_empty() && report.problems.is_empty() {
        // Empty, or only comments: say so, rather than check a notice of nothing.
        report.error(
            None,
            "file",
            "the file has no notice in it".into(),
            "write the notice as notices/FORMAT.md shows: id, title, language, source, [controller] and a [[section]] for each section",
        );
        return (None, report.problems);
    }
    report.unknown_keys(&raw, "", NOTICE_KEYS);
    let (mut notice, removed) = read_top_level(&mut report, &raw, file);
    let (controller, controller_lines) = read_controller(&mut report, &raw);
    let (sections, summaries) = read_sections(&mut report, &raw);
    let (explorer, answers) = read_explorer(&mut report, &raw);
    notice.controller = controller;
    notice.sections = sections.into();
    notice.explorer = explorer.into();
    let passages = rules::passage_count(&notice);
    if passages > rules::MAX_PASSAGES {
        report.error(
            None,
            "section",
            rules::too_many_passages(passages),
            "publish it as several notices, each with its own id",
        );
    }
    let file = NoticeFile {
        path: file.to_string(),
        notice,
        removed,
        lines: Lines {
            controller: controller_lines,
            summaries,
            answers,
        },
    };
    (Some(file), report.problems)
}

/// The notice's own fields, outside its tables (which are left empty), and
/// its `removed` lines. The id must name the `file`.
fn read_top_level(report: &mut Report, raw: &Table<'_>, file: &str) -> (Notice, Vec<String>) {
    let id_line = report.key_line(raw, "id");
    let id = report.text(raw, "id", "id");
    let id = report.required(
        id,
        Some(1),
        "id",
        "add `id = \"your-notice-id\"` at the top",
    );
    if let Some(line) = id_line {
        report.check_id(&id, line, "id");
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str());
        if stem.is_some_and(|stem| stem != id) && !id.is_empty() {
            report.error(
                Some(line),
                "id",
                format!("id \"{id}\" differs from the file name"),
                "name the file after its id: <id>.toml",
            );
        }
    }
    let required = |report: &mut Report, key: &str, fix: &str| {
        let value = report.required_text(raw, key, None, key, fix);
        (value, report.key_line(raw, key))
    };
    let (title, _) = required(
        report,
        "title",
        "add the publisher's title: `title = \"…\"`",
    );
    let (language, language_line) = required(
        report,
        "language",
        "add `language = \"en-GB\"` (the language of the wording)",
    );
    if !language.is_empty() && !is_language_tag(&language) {
        report.error(
            language_line,
            "language",
            format!("\"{language}\" is not a language tag"),
            "use a BCP 47 tag such as \"en\", \"en-GB\" or \"cy\" (it is set as the page's `lang`)",
        );
    }
    let (source_name, _) = required(
        report,
        "source",
        "add `source = \"…\"`: who published the notice and where",
    );
    let optional = |report: &mut Report, key: &str| report.text(raw, key, key).map(text);
    let extends = optional(report, "extends");
    let source_url = optional(report, "source_url");
    if let Some(url) = source_url.as_deref().filter(|u| !is_https_url(u)) {
        report.error(
            report.key_line(raw, "source_url"),
            "source_url",
            rules::not_https(url),
            "give the page's address as it is published, starting https://",
        );
    }
    let notice = Notice {
        id: text(id),
        title: text(title),
        language: text(language),
        extends,
        source: text(source_name),
        source_url,
        published: optional(report, "published"),
        last_updated: optional(report, "last_updated"),
        version: optional(report, "version"),
        controller: Controller::default(),
        sections: Vec::new().into(),
        explorer: Vec::new().into(),
    };
    let removed = report.texts(raw, "removed", "removed");
    (notice, removed)
}

/// Checks what needs more than one file: `extends`, the sections answers
/// come from, reading grade, and that no fact is added to the source's.
/// `known` are notices that may be extended besides `files` (the bundled ones).
pub fn check_all(files: &[NoticeFile], known: &[&Notice]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for file in files {
        let notice = &file.notice;
        let mut found = Report::new(&file.path, "");
        if !ids.insert(notice.id.clone()) {
            found.error(
                Some(1),
                "id",
                format!("notice id \"{}\" is used by another file", notice.id),
                "give each notice its own id",
            );
        }
        let parent = extended(notice, files, known, &mut found);
        let wording = Wording::new(notice, parent);
        check_contacts(
            &notice.controller,
            &file.lines.controller,
            &wording,
            &mut found,
        );
        check_summaries(
            &notice.sections,
            &file.lines.summaries,
            &wording,
            &mut found,
        );
        check_answers(notice, parent, &file.lines.answers, &wording, &mut found);
        problems.extend(found.problems);
    }
    problems
}

/// The notice that `notice` extends, among `files` and `known`, if it
/// names one that exists and extends no other.
fn extended<'n>(
    notice: &Notice,
    files: &'n [NoticeFile],
    known: &[&'n Notice],
    found: &mut Report,
) -> Option<&'n Notice> {
    let parent_id = notice.extends.as_ref()?;
    if parent_id == &notice.id {
        found.error(
            None,
            "extends",
            "the notice extends itself".into(),
            "name the corporate notice this one should be read with, or remove `extends`",
        );
        return None;
    }
    let parent = files
        .iter()
        .map(|f| &f.notice)
        .chain(known.iter().copied())
        .find(|n| n.id == *parent_id);
    match parent {
        Some(parent) if parent.extends.is_some() => {
            found.error(
                None,
                "extends",
                format!("\"{parent_id}\" itself extends another notice"),
                "extend the corporate notice directly: one level only",
            );
            None
        }
        Some(parent) => Some(parent),
        None => {
            found.error(
                None,
                "extends",
                format!("extends \"{parent_id}\", which does not exist"),
                "use the id of a notice in notices/ (see `notice list`), or remove `extends`",
            );
            None
        }
    }
}
