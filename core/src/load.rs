//! Reading notice files: TOML in, validated model out, with every problem
//! reported by file, line and field, and what to do about it.
//!
//! Raw serde types live only here (serialisation at the edge); the rest of
//! the crate sees the model. The build script (`build/main.rs`) runs this
//! same module, so a notice that fails `notice check` fails the build with
//! the same messages.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::{
    Answer, Concept, Controller, ExplorerItem, GlossaryTerm, Notice, Question, Section,
};
use crate::rules::{
    self, CONTROL_FIX, ID_FIX, is_contact, is_email, is_https_url, is_id, is_language_tag,
};
use crate::search::edit_distance;
use crate::text::readability::sentences;
use crate::text::{fold_phrase, prepare_phrase};

/// How bad a problem is: errors fail `notice check` and the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// What a problem is about: the CLI's exit code follows it, not its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read at all: missing, not a regular file, too
    /// big or not UTF-8.
    Unreadable,
    /// What the file says.
    Content,
    /// Something the author has still to write (an imported draft's
    /// summaries): an error for the export and the build, counted apart.
    ToDo,
}

/// A problem in a notice file, with where it is and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub kind: ProblemKind,
    pub file: String,
    pub line: Option<usize>,
    /// The field, as a path: `section[3].summary`.
    pub field: String,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            _ if self.kind == ProblemKind::ToDo => "to do",
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}: {}\n  fix: {}", self.field, self.message, self.fix)
    }
}

/// A notice read from a file, with what the checker needs beside the model.
#[derive(Clone, Debug)]
pub struct NoticeFile {
    pub path: String,
    pub notice: Notice,
    /// Source lines left out as web page furniture (for the fidelity test).
    pub removed: Vec<String>,
    /// Line of each field checked across files (`section[2].summary`,
    /// `explorer[1].who_sees`), for messages.
    pub lines: HashMap<String, usize>,
}

/// The largest notice, glossary or concepts file read: 2 MB, twenty times
/// the longest notice so far. A bigger file (or a device such as
/// `/dev/zero`) is refused unread.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

/// What a TOML value is, in the words of the person writing the file.
fn kind_of(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) | DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    /// Byte offset of the start of each line, for [`Report::line_of`].
    line_starts: Vec<usize>,
    problems: Vec<Problem>,
    /// The fields (`section[2].summary`) that an unknown key was reported
    /// as a misspelling of: the misspelling is the one message, so such a
    /// field is not reported again as missing.
    misspelt: HashSet<String>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str, source: &str) -> Report<'a> {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Report {
            file,
            line_starts,
            problems: Vec::new(),
            misspelt: HashSet::new(),
        }
    }

    /// The line (from 1) of a byte offset: a binary search of the line
    /// starts, so reporting stays linear in the file's size.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Parses `source` as TOML, reporting every syntax error (the parser
    /// recovers and goes on), and gives the document's top table.
    fn parse<'i>(&mut self, source: &'i str, fix: &str) -> Table<'i> {
        let (table, errors) = DeTable::parse_recoverable(source);
        for error in errors {
            let line = error.span().map(|s| self.line_of(s.start));
            let message = error.message().trim().replace('\n', " ");
            self.error(line, "file", format!("not valid TOML: {message}"), fix);
        }
        table.into_inner()
    }

    fn push(
        &mut self,
        severity: Severity,
        line: Option<usize>,
        field: &str,
        message: String,
        fix: &str,
    ) {
        self.problems.push(Problem {
            severity,
            kind: ProblemKind::Content,
            file: self.file.to_string(),
            line,
            field: field.to_string(),
            message,
            fix: fix.to_string(),
        });
    }

    fn error(&mut self, line: Option<usize>, field: &str, message: String, fix: &str) {
        self.push(Severity::Error, line, field, message, fix);
    }

    /// Reports each key of `table` that is not one of `known`, naming the
    /// nearest known one (noted in `misspelt` when that one is absent);
    /// `path` prefixes field names (`section[2].`).
    fn unknown_keys(&mut self, table: &Table<'_>, path: &str, known: &[&str]) {
        for (key, _) in table.iter() {
            let key_name: &str = key.get_ref();
            if known.contains(&key_name) {
                continue;
            }
            let nearest = known
                .iter()
                .filter_map(|k| edit_distance(key_name, k, 3).map(|d| (d, *k)))
                .min();
            if let Some((_, k)) = nearest
                && self.key_line(table, k).is_none()
            {
                self.misspelt.insert(format!("{path}{k}"));
            }
            let fix = match nearest {
                Some((_, k)) => format!(
                    "did you mean `{k}`? The fields here are: {}",
                    known.join(", ")
                ),
                None => format!("the fields here are: {}", known.join(", ")),
            };
            self.error(
                Some(self.line_of(key.span().start)),
                &format!("{path}{key_name}"),
                format!("unknown field `{key_name}`"),
                &fix,
            );
        }
    }

    /// The line of `key` in `table`, if it is there.
    fn key_line(&self, table: &Table<'_>, key: &str) -> Option<usize> {
        table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(k, _)| self.line_of(k.span().start))
    }

    /// The value of `key` in `table` as `read` takes it (`None` if absent),
    /// reporting a value `read` does not take ("`key` should be `kind`, not
    /// …", with `fix(key)`).
    fn scalar<T>(
        &mut self,
        table: &Table<'_>,
        key: &str,
        field: &str,
        kind: &str,
        fix: fn(&str) -> String,
        read: impl FnOnce(&DeValue<'_>) -> Option<T>,
    ) -> Option<T> {
        let (k, value) = table.iter().find(|(k, _)| k.get_ref() == key)?;
        let taken = read(value.get_ref());
        if taken.is_none() {
            self.error(
                Some(self.line_of(k.span().start)),
                field,
                format!("`{key}` should be {kind}, not {}", kind_of(value.get_ref())),
                &fix(key),
            );
        }
        taken
    }

    /// The text of `key` in `table` (`None` if absent), reporting a value
    /// that is not text.
    fn text(&mut self, table: &Table<'_>, key: &str, field: &str) -> Option<String> {
        let fix = |key: &str| format!("put the value in quotes: `{key} = \"…\"`");
        let value = self.scalar(table, key, field, "text", fix, |value| match value {
            DeValue::String(s) => Some(normalise_newlines(s)),
            _ => None,
        })?;
        self.check_characters(table, key, field, &value);
        Some(value)
    }

    /// Reports a control character in a text value (an escape code would
    /// act on the terminal that prints it, or hide in the page).
    fn check_characters(&mut self, table: &Table<'_>, key: &str, field: &str, value: &str) {
        if let Some(c) = rules::control_character(value) {
            let line = self.key_line(table, key);
            self.error(line, field, rules::has_control_character(c), CONTROL_FIX);
        }
    }

    /// A `true` or `false` of `key` in `table` (`false` if absent),
    /// reporting anything else.
    fn flag(&mut self, table: &Table<'_>, key: &str, field: &str) -> bool {
        let fix = |key: &str| format!("write `{key} = true` or leave it out");
        self.scalar(
            table,
            key,
            field,
            "true or false",
            fix,
            |value| match value {
                &DeValue::Boolean(b) => Some(b),
                _ => None,
            },
        )
        .unwrap_or(false)
    }

    /// A list of texts (`removed`, `from`, …), reporting anything else.
    fn texts(&mut self, table: &Table<'_>, key: &str, field: &str) -> Vec<String> {
        let Some((k, value)) = table.iter().find(|(k, _)| k.get_ref() == key) else {
            return Vec::new();
        };
        let line = Some(self.line_of(k.span().start));
        let fix = format!("write a list of texts: `{key} = [\"…\", \"…\"]`");
        let DeValue::Array(items) = value.get_ref() else {
            let message = format!(
                "`{key}` should be a list of texts, not {}",
                kind_of(value.get_ref())
            );
            self.error(line, field, message, &fix);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    self.check_characters(table, key, field, s);
                    out.push(normalise_newlines(s));
                }
                other => {
                    let message =
                        format!("`{key}` should list only texts, but has {}", kind_of(other));
                    self.error(line, field, message, &fix);
                }
            }
        }
        out
    }

    /// The tables of `key` (`[[section]]`), each with its line, reporting
    /// anything else.
    fn tables<'t, 'i>(
        &mut self,
        table: &'t Table<'i>,
        key: &str,
        fix: &str,
    ) -> Vec<(&'t Table<'i>, usize)> {
        let Some((k, value)) = table.iter().find(|(k, _)| k.get_ref() == key) else {
            return Vec::new();
        };
        let line = self.line_of(k.span().start);
        let items: Vec<&Value<'i>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => vec![value],
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, self.line_of(item.span().start))),
                other => {
                    let message = format!(
                        "each `{key}` should be a [[{key}]] table, not {}",
                        kind_of(other)
                    );
                    self.error(Some(line), key, message, fix);
                }
            }
        }
        out
    }

    /// The table of `key` (`[controller]`), with its line, reporting anything else.
    fn table<'t, 'i>(
        &mut self,
        table: &'t Table<'i>,
        key: &str,
        fix: &str,
    ) -> Option<(&'t Table<'i>, usize)> {
        let (k, value) = table.iter().find(|(k, _)| k.get_ref() == key)?;
        let line = self.line_of(k.span().start);
        match value.get_ref() {
            DeValue::Table(t) => Some((t, line)),
            other => {
                let message = format!("`{key}` should be a [{key}] table, not {}", kind_of(other));
                self.error(Some(line), key, message, fix);
                None
            }
        }
    }

    /// The trimmed value of a required text field, or an error naming it.
    fn required(
        &mut self,
        value: Option<String>,
        line: Option<usize>,
        field: &str,
        what: &str,
    ) -> String {
        let name = field.rsplit('.').next().unwrap_or(field);
        match value.map(|v| v.trim().to_string()) {
            Some(v) if !v.is_empty() => v,
            Some(_) => {
                self.error(line, field, format!("`{name}` is empty"), what);
                String::new()
            }
            None => {
                if !self.misspelt.contains(field) {
                    self.error(
                        line,
                        field,
                        format!("missing required field `{name}`"),
                        what,
                    );
                }
                String::new()
            }
        }
    }

    /// The trimmed text of a required `key` of a table that starts at
    /// `line` (`None` for the file's top level), reported at the key's line
    /// (or the table's, when the key is missing) if it is missing or empty.
    /// A value that is not text is reported once, by [`Report::text`], not
    /// again as missing.
    fn required_text(
        &mut self,
        table: &Table<'_>,
        key: &str,
        line: Option<usize>,
        field: &str,
        fix: &str,
    ) -> String {
        let reported = self.problems.len();
        let value = self.text(table, key, field);
        if value.is_none() && self.problems.len() > reported {
            return String::new();
        }
        let at = self.key_line(table, key).or(line);
        self.required(value, at, field, fix)
    }

    /// A required list of texts of a table that starts at `line`: missing
    /// or empty is reported with `message`; a value that is not a list of
    /// texts is reported once, by [`Report::texts`], not again as empty.
    fn required_texts(
        &mut self,
        table: &Table<'_>,
        key: &str,
        line: usize,
        field: &str,
        message: &str,
        fix: &str,
    ) -> Vec<String> {
        let reported = self.problems.len();
        let list = self.texts(table, key, field);
        if list.is_empty() && self.problems.len() == reported && !self.misspelt.contains(field) {
            let at = self.key_line(table, key).unwrap_or(line);
            self.error(Some(at), field, message.into(), fix);
        }
        list
    }

    /// The `id` of a `[[section]]`, `[[explorer]]` or `[[term]]` table
    /// starting at `line`: required, usable in a link, and not used before
    /// in the file (`seen` maps the ids so far to their lines).
    fn table_id(
        &mut self,
        table: &Table<'_>,
        line: usize,
        field: &str,
        seen: &mut HashMap<String, usize>,
        says: TableIds,
    ) -> String {
        let id_line = self.key_line(table, "id").unwrap_or(line);
        let value = self.text(table, "id", field);
        let id = self.required(value, Some(line), field, says.missing);
        self.check_id(&id, id_line, field);
        if !id.is_empty()
            && let Some(first) = seen.insert(id.clone(), id_line)
        {
            self.error(
                Some(id_line),
                field,
                format!(
                    "duplicate {} id \"{id}\" (first used on line {first})",
                    says.kind
                ),
                says.duplicate,
            );
        }
        id
    }

    fn check_id(&mut self, id: &str, line: usize, field: &str) {
        if !id.is_empty() && !is_id(id) {
            self.error(Some(line), field, rules::not_an_id(id), ID_FIX);
        }
    }
}

/// What [`Report::table_id`] says about one kind of table's ids.
struct TableIds {
    /// "section", "explorer", "term": as the duplicate message names it.
    kind: &'static str,
    /// The fix for a missing or empty id.
    missing: &'static str,
    /// The fix for a duplicate id.
    duplicate: &'static str,
}

/// Text with Windows (`\r\n`) and old Mac (`\r`) line endings made `\n`,
/// so a notice saved on any system splits into the same paragraphs.
fn normalise_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

fn text(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

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
const CONTROLLER_KEYS: &[&str] = &[
    "name",
    "ico_registration",
    "contact",
    "dpo_email",
    "complaints_email",
    "ico_complaints_url",
];
const SECTION_KEYS: &[&str] = &["id", "heading", "summary", "body"];
const ANSWER_KEYS: &[&str] = &["text", "from"];

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

    let id_line = report.key_line(&raw, "id");
    let id = report.text(&raw, "id", "id");
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
        let value = report.required_text(&raw, key, None, key, fix);
        (value, report.key_line(&raw, key))
    };
    let (title, _) = required(
        &mut report,
        "title",
        "add the publisher's title: `title = \"…\"`",
    );
    let (language, language_line) = required(
        &mut report,
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
        &mut report,
        "source",
        "add `source = \"…\"`: who published the notice and where",
    );
    let optional = |report: &mut Report, key: &str| report.text(&raw, key, key).map(text);
    let extends = optional(&mut report, "extends");
    let source_url = optional(&mut report, "source_url");
    if let Some(url) = source_url.as_deref().filter(|u| !is_https_url(u)) {
        report.error(
            report.key_line(&raw, "source_url"),
            "source_url",
            rules::not_https(url),
            "give the page's address as it is published, starting https://",
        );
    }
    let published = optional(&mut report, "published");
    let last_updated = optional(&mut report, "last_updated");
    let version = optional(&mut report, "version");
    let removed = report.texts(&raw, "removed", "removed");

    let mut lines = HashMap::new();
    let controller_fix = "add [controller] with at least `name = \"…\"`";
    let controller = match report.table(&raw, "controller", controller_fix) {
        Some((c, line)) => {
            report.unknown_keys(c, "controller.", CONTROLLER_KEYS);
            for key in CONTROLLER_KEYS {
                if let Some(l) = report.key_line(c, key) {
                    lines.insert(format!("controller.{key}"), l);
                }
            }
            let name = report.text(c, "name", "controller.name");
            let name = report.required(
                name,
                report.key_line(c, "name").or(Some(line)),
                "controller.name",
                "add the organisation's name under [controller]",
            );
            let contact = |report: &mut Report, key: &str| {
                let field = format!("controller.{key}");
                let value = report.text(c, key, &field)?.trim().to_string();
                let line = report.key_line(c, key);
                let valid = match key {
                    "dpo_email" | "complaints_email" => is_email(&value),
                    "ico_complaints_url" => is_https_url(&value),
                    "contact" => is_contact(&value),
                    _ => true,
                };
                if !valid {
                    let fix = if key.ends_with("_email") {
                        "write the email address alone, as the notice states it: `name@example.org` (no `mailto:`)"
                    } else {
                        "give the web address as the notice states it, starting https://"
                    };
                    report.error(
                        line,
                        &field,
                        if key.ends_with("_email") {
                            rules::not_an_email(&value)
                        } else {
                            rules::not_https(&value)
                        },
                        fix,
                    );
                    return None;
                }
                Some(text(value))
            };
            Controller {
                name: text(name),
                ico_registration: contact(&mut report, "ico_registration"),
                contact: contact(&mut report, "contact"),
                dpo_email: contact(&mut report, "dpo_email"),
                complaints_email: contact(&mut report, "complaints_email"),
                ico_complaints_url: contact(&mut report, "ico_complaints_url"),
            }
        }
        None => {
            if report.key_line(&raw, "controller").is_none() {
                report.error(
                    None,
                    "controller",
                    "missing the [controller] table".into(),
                    controller_fix,
                );
            }
            Controller::default()
        }
    };

    let raw_sections = report.tables(
        &raw,
        "section",
        "write each section as a [[section]] table with id, heading, summary and body",
    );
    if raw_sections.is_empty() {
        report.error(
            None,
            "section",
            "the notice has no sections".into(),
            "add a [[section]] for each section of the source, in order",
        );
    }
    let mut sections = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, (s, line)) in raw_sections.into_iter().enumerate() {
        let field = |name: &str| format!("section[{}].{name}", i + 1);
        report.unknown_keys(s, &format!("section[{}].", i + 1), SECTION_KEYS);
        let id = report.table_id(
            s,
            line,
            &field("id"),
            &mut seen,
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
        lines.insert(
            field("summary"),
            report.key_line(s, "summary").unwrap_or(line),
        );
        let reported = report.problems.len();
        let summary = report.text(s, "summary", &field("summary"));
        let not_text = summary.is_none() && report.problems.len() > reported;
        let summary = summary.unwrap_or_default().trim().to_string();
        if summary.is_empty() && !not_text && !report.misspelt.contains(&field("summary")) {
            report.error(
                Some(report.key_line(s, "summary").unwrap_or(line)),
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
        sections.push(Section {
            id: text(id),
            heading: text(heading),
            summary: text(summary),
            body: text(body),
        });
    }

    let mut explorer = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let raw_items = report.tables(
        &raw,
        "explorer",
        "write each kind of data as an [[explorer]] table with id, label and its answers",
    );
    let item_keys: Vec<&str> = ["id", "label"]
        .into_iter()
        .chain(Question::ALL.iter().map(|q| q.key()))
        .collect();
    for (i, (item, line)) in raw_items.into_iter().enumerate() {
        let field = |name: &str| format!("explorer[{}].{name}", i + 1);
        report.unknown_keys(item, &format!("explorer[{}].", i + 1), &item_keys);
        let id = report.table_id(
            item,
            line,
            &field("id"),
            &mut seen,
            TableIds {
                kind: "explorer",
                missing: "give the kind of data an id, e.g. `id = \"health\"`",
                duplicate: "give each kind of data its own id",
            },
        );
        let label = report.required_text(
            item,
            "label",
            Some(line),
            &field("label"),
            "name the kind of data as a family would: `label = \"My child's health information\"`",
        );
        let mut answers = Vec::new();
        for question in Question::ALL.iter().copied() {
            let key = question.key();
            let Some((k, value)) = item.iter().find(|(k, _)| k.get_ref() == key) else {
                continue;
            };
            let answer_line = report.line_of(k.span().start);
            lines.insert(field(key), answer_line);
            let DeValue::Table(answer) = value.get_ref() else {
                report.error(
                    Some(answer_line),
                    &field(key),
                    format!(
                        "`{key}` should be an answer with its text and sections, not {}",
                        kind_of(value.get_ref())
                    ),
                    &format!("write `{key} = {{ text = \"…\", from = [\"section-id\"] }}`"),
                );
                continue;
            };
            report.unknown_keys(answer, &format!("{}.", field(key)), ANSWER_KEYS);
            let value = report.text(answer, "text", &field(&format!("{key}.text")));
            let answer_text = report.required(
                value,
                Some(answer_line),
                &field(&format!("{key}.text")),
                "write the answer, or leave the question out if the notice does not say",
            );
            let from = report.texts(answer, "from", &field(&format!("{key}.from")));
            if from.is_empty() {
                report.error(
                    Some(answer_line),
                    &field(&format!("{key}.from")),
                    "the answer names no section it comes from".into(),
                    "list the ids of the sections that state it: `from = [\"lawful-basis\"]`",
                );
            }
            answers.push(Answer {
                question,
                text: text(answer_text),
                from: from.into_iter().map(text).collect(),
            });
        }
        answers.sort_by_key(|a| a.question);
        explorer.push(ExplorerItem {
            id: text(id),
            label: text(label),
            answers: answers.into(),
        });
    }

    let notice = Notice {
        id: text(id),
        title: text(title),
        language: text(language),
        extends,
        source: text(source_name),
        source_url,
        published,
        last_updated,
        version,
        controller,
        sections: sections.into(),
        explorer: explorer.into(),
    };
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
        lines,
    };
    (Some(file), report.problems)
}

/// Checks what needs more than one file: `extends`, the sections answers
/// come from, reading grade, and that no fact is added to the source's.
/// `known` are notices that may be extended besides `files` (the bundled ones).
pub fn check_all(files: &[NoticeFile], known: &[&Notice]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let find = |id: &str| -> Option<&Notice> {
        files
            .iter()
            .map(|f| &f.notice)
            .chain(known.iter().copied())
            .find(|n| n.id == id)
    };
    let mut ids = HashSet::new();
    for file in files {
        let notice = &file.notice;
        let problem = |severity, line, field: String, message: String, fix: &str| Problem {
            severity,
            kind: ProblemKind::Content,
            file: file.path.clone(),
            line,
            field,
            message,
            fix: fix.to_string(),
        };
        if !ids.insert(notice.id.clone()) {
            problems.push(problem(
                Severity::Error,
                Some(1),
                "id".into(),
                format!("notice id \"{}\" is used by another file", notice.id),
                "give each notice its own id",
            ));
        }
        let parent = match &notice.extends {
            Some(parent_id) if parent_id == &notice.id => {
                problems.push(problem(
                    Severity::Error,
                    None,
                    "extends".into(),
                    "the notice extends itself".into(),
                    "name the corporate notice this one should be read with, or remove `extends`",
                ));
                None
            }
            Some(parent_id) => match find(parent_id) {
                Some(parent) if parent.extends.is_some() => {
                    problems.push(problem(
                        Severity::Error,
                        None,
                        "extends".into(),
                        format!("\"{parent_id}\" itself extends another notice"),
                        "extend the corporate notice directly: one level only",
                    ));
                    None
                }
                Some(parent) => Some(parent),
                None => {
                    problems.push(problem(Severity::Error, None, "extends".into(), format!("extends \"{parent_id}\", which does not exist"), "use the id of a notice in notices/ (see `notice list`), or remove `extends`"));
                    None
                }
            },
            None => None,
        };

        let wording = Wording::new(notice, parent);
        let c = &notice.controller;
        for (key, value) in [
            ("ico_registration", &c.ico_registration),
            ("contact", &c.contact),
            ("dpo_email", &c.dpo_email),
            ("complaints_email", &c.complaints_email),
            ("ico_complaints_url", &c.ico_complaints_url),
        ] {
            let field = format!("controller.{key}");
            match value {
                Some(value) if !wording.has_words(value) => problems.push(problem(
                    Severity::Error,
                    file.lines.get(&field).copied(),
                    field,
                    format!("\"{value}\" is not stated in the notice's wording"),
                    "give only contact details the notice itself states, exactly as it states them; otherwise leave the field out",
                )),
                _ => {}
            }
        }
        // A summary still to write is a to-do, reported once, not checked.
        let written = notice
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.summary.is_empty());
        for (i, section) in written {
            let field = format!("section[{}].summary", i + 1);
            let line = file.lines.get(&field).copied();
            problems.extend(check_plain(&section.summary, &wording).into_iter().map(
                |(severity, message, fix)| problem(severity, line, field.clone(), message, fix),
            ));
            // 2–4 sentences; one is enough for a body of one sentence.
            let count = sentences(&section.summary).count();
            let body_count = sentences(&section.body).count();
            if count > 4 || (count < 2 && body_count > 1) {
                problems.push(problem(
                    Severity::Warning,
                    line,
                    field.clone(),
                    format!("the summary has {count} sentence(s)"),
                    "write 2–4 short sentences: what this section means for a family",
                ));
            }
        }
        for (i, item) in notice.explorer.iter().enumerate() {
            for answer in item.answers.iter() {
                let field = format!("explorer[{}].{}", i + 1, answer.question.key());
                let line = file.lines.get(&field).copied();
                for from in answer.from.iter() {
                    let exists = notice.section(from).is_some()
                        || parent.is_some_and(|p| p.section(from).is_some());
                    if !exists {
                        problems.push(problem(
                            Severity::Error,
                            line,
                            format!("{field}.from"),
                            format!("unknown section id \"{from}\""),
                            "use the id of a section of this notice (or of the notice it extends)",
                        ));
                    }
                }
                problems.extend(check_plain(&answer.text, &wording).into_iter().map(
                    |(severity, message, fix)| problem(severity, line, field.clone(), message, fix),
                ));
            }
        }
    }
    problems
}

/// The highest reading grade allowed for plain-language text.
pub const MAX_GRADE: f64 = 6.0;

/// Checks a plain-language string: reading grade, and facts not in the source.
fn check_plain(plain: &str, wording: &Wording) -> Vec<(Severity, String, &'static str)> {
    let mut out = Vec::new();
    let grade = crate::text::readability::grade(plain);
    if grade > MAX_GRADE {
        let hardest = crate::text::readability::sentences(plain)
            .max_by(|a, b| {
                crate::text::readability::grade(a).total_cmp(&crate::text::readability::grade(b))
            })
            .unwrap_or(plain);
        out.push((
            Severity::Warning,
            format!("reads at grade {grade:.1} (above {MAX_GRADE}); hardest sentence: \"{hardest}\""),
            "use shorter sentences and everyday words (\"use\" not \"process\", \"ask\" not \"request\")",
        ));
    }
    for fact in facts(plain) {
        if wording.states(&fact) {
            continue;
        }
        let mut message = format!("\"{fact}\" is not stated in the notice's wording");
        if let Some(nearest) = wording.nearest(&fact, plain) {
            message.push_str(&format!("; the nearest it says: \"{nearest}\""));
        }
        out.push((
            Severity::Error,
            message,
            "say only what the notice states (\"six years\" and \"6 years\" are the same); if the notice does not say, leave it out",
        ));
    }
    out
}

/// The tokens of a text for fact matching: folded, split at white space,
/// with the punctuation around each word dropped ("2018)," → "2018";
/// "dpo@x.org." → "dpo@x.org"), and each number as figures ("six" and
/// "twenty-five" → "6" and "25", "1,000" → "1000"), so a fact is the same
/// fact however the wording writes its number.
fn fact_tokens(text: &str) -> Vec<String> {
    let folded = fold_phrase(text);
    let words: Vec<&str> = folded
        .split(' ')
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .collect();
    let mut tokens = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(word) = words.get(i) {
        match number_in_words(&words[i..]) {
            Some((value, taken)) => {
                tokens.push(value.to_string());
                i += taken;
            }
            None => {
                tokens.push(without_thousands_commas(word));
                i += 1;
            }
        }
    }
    tokens
}

/// The number words [`number_in_words`] reads, with their values.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
];

/// The number that the folded words at the start of `words` write out,
/// and how many words it takes: "six" (6), "twenty-five" or "twenty five"
/// (25), "one hundred and ten" (110). A word that cannot follow the one
/// before it in a number ends it: "two three" is 2, then 3.
fn number_in_words<S: AsRef<str>>(words: &[S]) -> Option<(u64, usize)> {
    let value_of = |part: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == part)
            .map(|&(_, v)| v)
    };
    // Whether `next` may follow `last` in a number written in words.
    let follows = |last: Option<u64>, next: u64| match (last, next) {
        (None, _) => true,
        (Some(last), 1000) => last != 1000,
        (Some(last), 100) => last < 100,
        (Some(last), 1..=9) => last >= 20 && (last % 10 == 0),
        (Some(last), _) => last >= 100,
    };
    let (mut total, mut current, mut last, mut taken) = (0, 0, None, 0);
    for (i, word) in words.iter().enumerate() {
        let word = word.as_ref();
        if word == "and" && matches!(last, Some(100 | 1000)) {
            // "one hundred and ten": counted only if more of the number follows.
            continue;
        }
        let parts = || word.split('-').map(value_of);
        if word.is_empty() || parts().any(|v| v.is_none()) {
            break;
        }
        let (mut t, mut c, mut l) = (total, current, last);
        for value in parts().flatten() {
            if !follows(l, value) {
                return (taken > 0).then_some((total + current, taken));
            }
            match value {
                100 => c = c.max(1) * 100,
                1000 => (t, c) = (t + c.max(1) * 1000, 0),
                _ => c += value,
            }
            l = Some(value);
        }
        (total, current, last, taken) = (t, c, l, i + 1);
    }
    (taken > 0).then_some((total + current, taken))
}

/// A figure with its thousands separated by commas ("1,000") without them.
fn without_thousands_commas(word: &str) -> String {
    let mut groups = word.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    if word.contains(',')
        && digits(first)
        && first.len() <= 3
        && groups.all(|g| g.len() == 3 && digits(g))
    {
        word.replace(',', "")
    } else {
        word.to_string()
    }
}

/// A notice's own wording (and that of the notice it extends), ready for
/// asking whether it states a fact: as whole words ("6 years" is not
/// stated by "16 years") and, for laws, as a whole name ("Data Act" is not
/// stated by "Children and Data Act").
struct Wording {
    tokens: Vec<String>,
    /// Where each token occurs.
    at: HashMap<String, Vec<usize>>,
    /// The names of laws the wording gives, folded.
    laws: Vec<Vec<String>>,
    /// Each sentence of the wording that states a fact, with the kinds of
    /// fact it states ([`fact_kind`]): where to look for the nearest
    /// wording to a fact it does not state.
    sentences: Vec<(String, Vec<String>)>,
}

impl Wording {
    fn new(notice: &Notice, parent: Option<&Notice>) -> Wording {
        let mut all = String::new();
        let mut sentences = Vec::new();
        for n in std::iter::once(notice).chain(parent) {
            all.push_str(&n.title);
            for s in n.sections.iter() {
                all.push('\n');
                all.push_str(&s.heading);
                all.push('\n');
                all.push_str(&s.body);
                for block in crate::model::blocks(&s.body) {
                    // A paragraph's lines as one line: a sentence may run over them.
                    let block = block
                        .text()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    for sentence in crate::text::readability::sentences(&block) {
                        let kinds: Vec<String> =
                            facts(sentence).iter().map(|f| fact_kind(f)).collect();
                        if !kinds.is_empty() {
                            sentences.push((sentence.to_string(), kinds));
                        }
                    }
                }
            }
            all.push('\n');
        }
        let tokens = fact_tokens(&all);
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            at.entry(t.clone()).or_default().push(i);
        }
        let laws = law_names(&all).iter().map(|l| fact_tokens(l)).collect();
        Wording {
            tokens,
            at,
            laws,
            sentences,
        }
    }

    /// The wording nearest to a `fact` that `plain` states and the wording
    /// does not, to quote beside it: the sentence stating a fact of the
    /// same kind (a period in the same unit, an address, a law, a number)
    /// that shares the most words with `plain`, the first of equals.
    fn nearest(&self, fact: &str, plain: &str) -> Option<String> {
        let kind = fact_kind(fact);
        let plain: HashSet<String> = fact_tokens(plain).into_iter().collect();
        let mut best: Option<(usize, &str)> = None;
        for (sentence, kinds) in &self.sentences {
            if !kinds.contains(&kind) {
                continue;
            }
            let words: HashSet<String> = fact_tokens(sentence).into_iter().collect();
            let shared = words.intersection(&plain).count();
            if best.is_none_or(|(most, _)| shared > most) {
                best = Some((shared, sentence));
            }
        }
        best.map(|(_, sentence)| excerpt(sentence, &kind))
    }

    /// Whether the words of `phrase` appear, whole and in order.
    fn has_words(&self, phrase: &str) -> bool {
        let words = fact_tokens(phrase);
        let Some(first) = words.first() else {
            return true;
        };
        self.at.get(first).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.tokens.get(i..i + words.len()) == Some(&words[..]))
        })
    }

    /// Whether the wording states `fact` (as found by [`facts`]). A law's
    /// name must be one the wording gives, or its end after a word of the
    /// name ("UK GDPR" states "GDPR"; "Children and Data Act" does not
    /// state "Data Act").
    fn states(&self, fact: &str) -> bool {
        let words = fact_tokens(fact);
        let is_law = words
            .last()
            .is_some_and(|w| LAW_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w)));
        if !is_law {
            return self.has_words(fact);
        }
        self.laws.iter().any(|law| {
            law.ends_with(&words)
                && (law.len() == words.len()
                    || !LAW_CONNECTORS.contains(&law[law.len() - words.len() - 1].as_str()))
        })
    }
}

/// Words that end the name of a law.
const LAW_WORDS: &[&str] = &[
    "Act",
    "Regulation",
    "Regulations",
    "GDPR",
    "Article",
    "Section",
];
/// Small words inside a law's name ("Children and Families Act").
const LAW_CONNECTORS: &[&str] = &["and", "of", "for", "the", "on", "to"];

/// The names of laws in a text: each word of [`LAW_WORDS`] with the
/// capitalised words (and small words between them) before it, as written,
/// without a leading word that starts a sentence.
fn law_names(text: &str) -> Vec<String> {
    /// Capitalised words that start a sentence rather than a law's name.
    const SENTENCE_STARTERS: &[&str] =
        &["The", "Under", "Our", "A", "An", "This", "By", "In", "And"];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut names = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !LAW_WORDS.contains(&trim(token).as_str()) {
            continue;
        }
        let mut start = i;
        let mut j = i;
        while j > 0 {
            let before = tokens[j - 1];
            // A name does not run over punctuation: "2018, the GDPR".
            if before.ends_with([',', ';', ':', '.', '!', '?', ')']) || tokens[j].starts_with('(') {
                break;
            }
            let word = trim(before);
            if word.starts_with(|c: char| c.is_uppercase()) {
                start = j - 1;
            } else if !LAW_CONNECTORS.contains(&word.as_str()) {
                break;
            }
            j -= 1;
        }
        let words: Vec<String> = tokens[start..=i]
            .iter()
            .map(|t| trim(t))
            .skip_while(|w| {
                SENTENCE_STARTERS.contains(&w.as_str()) || LAW_CONNECTORS.contains(&w.as_str())
            })
            .collect();
        names.push(words.join(" "));
    }
    names
}

/// Facts a plain-language string could add: anything with a digit (dates,
/// numbers, periods), email and web addresses, periods in words ("six
/// years", "twenty-five years") and names of laws ("Children Act", "GDPR").
pub fn facts(plain: &str) -> Vec<String> {
    const UNITS: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ];
    let mut facts = Vec::new();
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let folded: Vec<String> = tokens.iter().map(|t| fold_phrase(&trim(t))).collect();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let bare = trim(token);
        if is_address(token) {
            facts.push(
                token
                    .trim_end_matches(['.', ',', ')', ';', ':'])
                    .to_string(),
            );
            i += 1;
            continue;
        }
        // A number in figures or words, with its unit when it is a period
        // ("6 years", "twenty-five years"); a number in words is a fact
        // only as a period ("one of us" is not).
        let has_digit = bare.chars().any(|c| c.is_ascii_digit());
        let end = match number_in_words(&folded[i..]) {
            Some((_, taken)) => i + taken,
            None if has_digit => i + 1,
            None => {
                i += 1;
                continue;
            }
        };
        match folded.get(end) {
            Some(unit) if UNITS.contains(&unit.as_str()) => {
                let number = trim(&tokens[i..end].join(" "));
                facts.push(format!("{number} {}", trim(tokens[end])));
                i = end + 1;
            }
            _ => {
                if has_digit {
                    facts.push(bare);
                }
                i = end;
            }
        }
    }
    facts.extend(law_names(plain));
    facts
}

/// Whether a word is an email or web address: a fact whatever it says.
fn is_address(word: &str) -> bool {
    word.contains('@') || word.contains("://") || word.starts_with("www.")
}

/// The kind of a fact found by [`facts`], for finding the nearest wording
/// to it: a period's unit ("year" for "6 years" and "one year"), else
/// "address", "law" or "number".
fn fact_kind(fact: &str) -> String {
    let last = fact.rsplit(' ').next().unwrap_or(fact);
    if is_address(fact) {
        "address".into()
    } else if LAW_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last)) {
        "law".into()
    } else if fact.contains(' ') {
        let unit = last.to_lowercase();
        unit.strip_suffix('s').unwrap_or(&unit).to_string()
    } else {
        "number".into()
    }
}

/// A sentence of the wording as a message quotes it: whole up to 40
/// words; a longer one, the 40 words around its first fact of `kind`,
/// with "…" where words are left out.
fn excerpt(sentence: &str, kind: &str) -> String {
    const MOST: usize = 40;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= MOST {
        return words.join(" ");
    }
    // A fact is at most a few words: look for it word by word.
    let at = (0..words.len())
        .find(|&i| {
            let window = words[i..(i + 4).min(words.len())].join(" ");
            facts(&window).iter().any(|f| fact_kind(f) == kind)
        })
        .unwrap_or(0);
    let start = at.saturating_sub(MOST / 2).min(words.len() - MOST);
    let end = start + MOST;
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        words[start..end].join(" "),
        if end < words.len() { "…" } else { "" }
    )
}

const GLOSSARY_KEYS: &[&str] = &["term"];
const TERM_KEYS: &[&str] = &["id", "term", "matches", "definition"];
const CONCEPTS_KEYS: &[&str] = &["concept"];
const CONCEPT_KEYS: &[&str] = &["asks", "means", "right"];

/// Parses `glossary.toml`. As for a notice, a syntax slip or a misspelt
/// field does not stop the check: every term is still read and every
/// problem in the file reported.
pub fn parse_glossary(file: &str, source: &str) -> (Vec<GlossaryTerm>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let raw = report.parse(source, "see notices/FORMAT.md, section glossary.toml");
    report.unknown_keys(&raw, "", GLOSSARY_KEYS);
    let raw_terms = report.tables(
        &raw,
        "term",
        "write each term as a [[term]] table with id, term, matches and definition",
    );
    let mut terms = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, (t, line)) in raw_terms.into_iter().enumerate() {
        let path = format!("term[{}].", i + 1);
        let field = |name: &str| format!("{path}{name}");
        report.unknown_keys(t, &path, TERM_KEYS);
        let id = report.table_id(
            t,
            line,
            &field("id"),
            &mut seen,
            TableIds {
                kind: "term",
                missing: "give the term a short id, e.g. `id = \"special-category-data\"`",
                duplicate: "give each term its own id",
            },
        );
        let term = report.required_text(
            t,
            "term",
            Some(line),
            &field("term"),
            "add the term as shown: `term = \"…\"`",
        );
        let matches = report.required_texts(
            t,
            "matches",
            line,
            &field("matches"),
            "no phrases to find the term by",
            "list the phrases as they appear in notices: `matches = [\"…\"]`",
        );
        let definition = report.required_text(
            t,
            "definition",
            Some(line),
            &field("definition"),
            "add a one-sentence plain definition",
        );
        let grade = crate::text::readability::grade(&definition);
        if grade > MAX_GRADE {
            report.push(
                Severity::Warning,
                Some(report.key_line(t, "definition").unwrap_or(line)),
                &field("definition"),
                format!("reads at grade {grade:.1} (above {MAX_GRADE})"),
                "use shorter, everyday words",
            );
        }
        terms.push(GlossaryTerm {
            id: text(id),
            term: text(term),
            matches: matches
                .into_iter()
                .map(|m| text(m.to_lowercase()))
                .collect(),
            definition: text(definition),
        });
    }
    (terms, report.problems)
}

/// Parses `concepts.toml`, the search's map from family words to notice
/// words; like the glossary, reporting every problem in the file at once.
pub fn parse_concepts(file: &str, source: &str) -> (Vec<Concept>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let raw = report.parse(source, "see notices/FORMAT.md, section concepts.toml");
    report.unknown_keys(&raw, "", CONCEPTS_KEYS);
    let raw_concepts = report.tables(
        &raw,
        "concept",
        "write each concept as a [[concept]] table with `asks = [...]` and `means = [...]`",
    );
    let mut concepts = Vec::new();
    for (i, (c, line)) in raw_concepts.into_iter().enumerate() {
        let path = format!("concept[{}].", i + 1);
        report.unknown_keys(c, &path, CONCEPT_KEYS);
        let mut side = |key: &str| {
            report
                .required_texts(
                    c,
                    key,
                    line,
                    &format!("{path}{key}"),
                    "a concept needs words on both sides",
                    "list how families ask in `asks` and the notices' words in `means`",
                )
                .iter()
                .map(|s| text(prepare_phrase(s)))
                .collect()
        };
        let asks = side("asks");
        let means = side("means");
        let right = report.flag(c, "right", &format!("{path}right"));
        concepts.push(Concept { asks, means, right });
    }
    (concepts, report.problems)
}

/// The notice files beside each other in a folder, with the glossary and
/// concepts, and every problem found in them.
#[derive(Debug, Default)]
pub struct Dataset {
    pub files: Vec<NoticeFile>,
    pub glossary: Vec<GlossaryTerm>,
    pub concepts: Vec<Concept>,
    pub problems: Vec<Problem>,
}

/// The glossary's file name in a notices folder.
pub const GLOSSARY_FILE: &str = "glossary.toml";
/// The concept map's file name in a notices folder.
pub const CONCEPTS_FILE: &str = "concepts.toml";

/// Reads every notice in `dir` (each `*.toml` but the glossary and
/// concepts), the glossary and the concepts, and checks them together.
pub fn read_dir(dir: &std::path::Path) -> Dataset {
    let mut dataset = Dataset::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            dataset
                .problems
                .push(io_problem(&dir.display().to_string(), &error));
            return dataset;
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let (extras, notices): (Vec<_>, Vec<_>) = paths.into_iter().partition(|p| {
        p.file_name()
            .is_some_and(|n| n == GLOSSARY_FILE || n == CONCEPTS_FILE)
    });
    for path in extras {
        let name = path.display().to_string();
        match read_source(&path) {
            Ok(source) if path.ends_with(GLOSSARY_FILE) => {
                let (terms, problems) = parse_glossary(&name, &source);
                dataset.glossary = terms;
                dataset.problems.extend(problems);
            }
            Ok(source) => {
                let (concepts, problems) = parse_concepts(&name, &source);
                dataset.concepts = concepts;
                dataset.problems.extend(problems);
            }
            Err(problem) => dataset.problems.push(problem),
        }
    }
    let more = read_files(&notices, &[]);
    dataset.files = more.files;
    dataset.problems.extend(more.problems);
    dataset
}

/// Reads and checks notice files; `known` are other notices they may extend.
pub fn read_files(paths: &[std::path::PathBuf], known: &[&Notice]) -> Dataset {
    let mut dataset = Dataset::default();
    for path in paths {
        let name = path.display().to_string();
        match read_source(path) {
            Ok(source) => {
                let (file, problems) = parse_notice(&name, &source);
                dataset.files.extend(file);
                dataset.problems.extend(problems);
            }
            Err(problem) => dataset.problems.push(problem),
        }
    }
    dataset.problems.extend(check_all(&dataset.files, known));
    dataset
}

fn io_problem(file: &str, error: &std::io::Error) -> Problem {
    file_problem(
        file,
        None,
        format!("cannot read it: {error}"),
        "check the path, and that the file is readable",
    )
}

/// A file that cannot be read at all ([`ProblemKind::Unreadable`]).
fn file_problem(file: &str, line: Option<usize>, message: String, fix: &str) -> Problem {
    Problem {
        severity: Severity::Error,
        kind: ProblemKind::Unreadable,
        file: file.to_string(),
        line,
        field: "file".into(),
        message,
        fix: fix.into(),
    }
}

/// What `notice check` says of a summary still to write (an imported
/// draft leaves them all empty).
const SUMMARY_TO_DO: &str = "the summary is still to write";

/// Whether a problem is a summary still to write: a to-do, which stops
/// the export and the build as an error does, and is counted apart.
pub fn is_to_do(problem: &Problem) -> bool {
    problem.kind == ProblemKind::ToDo
}

/// The text of a notice, glossary or concepts file: only a regular file
/// of at most [`MAX_FILE_BYTES`], in UTF-8 (a leading byte-order mark is
/// dropped), with its line endings made `\n`. A FIFO, a device or a
/// directory is refused without being read, so nothing can hang the check
/// or fill memory.
pub fn read_source(path: &std::path::Path) -> Result<String, Problem> {
    use std::io::Read;
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| io_problem(&name, &e))?;
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a folder"
        } else {
            "not a regular file"
        };
        return Err(file_problem(
            &name,
            None,
            format!("cannot read it: it is {what}"),
            "name a notice file (`<id>.toml`), or a folder of them",
        ));
    }
    let too_big = || {
        file_problem(
            &name,
            None,
            format!(
                "cannot read it: it is larger than {} MB, far more than any notice",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "check that this is a notice file; a notice is a few tens of kilobytes",
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_problem(&name, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        file_problem(
            &name,
            Some(line),
            format!("cannot read it: it is not UTF-8 text (the byte at offset {offset}, on line {line}, is not valid UTF-8)"),
            "save the file as UTF-8 text (in most editors: Save As, then Encoding: UTF-8)",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(normalise_newlines(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_found_in_plain_text() {
        assert_eq!(
            facts(
                "We keep it for six years, until 2030. Email dpo@x.org. The Children Act 1989 lets us."
            ),
            ["six years", "2030", "dpo@x.org", "1989", "Children Act"]
        );
        assert!(facts("We keep your data safe.").is_empty());
    }

    #[test]
    fn periods_in_words_of_any_length_are_facts() {
        assert_eq!(
            facts("We keep it for twenty-five years, or one hundred and ten days, for one of you."),
            ["twenty-five years", "one hundred and ten days"]
        );
    }

    #[test]
    fn numbers_in_words_are_read_as_figures() {
        for (words, expected) in [
            ("six", Some((6, 1))),
            ("twenty-five years", Some((25, 1))),
            ("twenty five years", Some((25, 2))),
            ("one hundred and ten days", Some((110, 4))),
            ("one hundred and the", Some((100, 2))),
            ("two thousand and twenty", Some((2020, 4))),
            ("two three", Some((2, 1))),
            ("six-month", None),
            ("years", None),
        ] {
            let words: Vec<&str> = words.split(' ').collect();
            assert_eq!(number_in_words(&words), expected, "{words:?}");
        }
        assert_eq!(
            fact_tokens("For 1,000 days, or 1,00."),
            ["for", "1000", "days", "or", "1,00"]
        );
    }

    /// A notice file's problems, as printed.
    fn problems_of(source: &str) -> Vec<String> {
        let (file, mut problems) = parse_notice("t.toml", source);
        problems.extend(check_all(file.as_slice(), &[]));
        problems.iter().map(ToString::to_string).collect()
    }

    const NOTICE: &str = "id = \"t\"\ntitle = \"T\"\nlanguage = \"en\"\nsource = \"S\"\n\n[controller]\nname = \"C\"\n\n[[section]]\nid = \"a\"\nheading = \"A\"\nsummary = \"\"\"\nWe keep it. We look after it.\n\"\"\"\nbody = \"\"\"\nFirst paragraph.\n\nSecond paragraph, for 16 years.\n\"\"\"\n";

    #[test]
    fn line_endings_are_normalised() {
        let (file, problems) = parse_notice("t.toml", &NOTICE.replace('\n', "\r\n"));
        assert!(problems.is_empty(), "{problems:?}");
        let body = &file.unwrap().notice.sections[0].body;
        assert!(!body.contains('\r'));
        assert_eq!(crate::model::blocks(body).count(), 2);
    }

    #[test]
    fn lines_are_found_by_offset() {
        let report = Report::new("t", "a\nbc\n\nd");
        let lines: Vec<_> = [0, 1, 2, 4, 5, 6, 99].map(|o| report.line_of(o)).to_vec();
        assert_eq!(lines, [1, 1, 2, 2, 3, 4, 4]);
    }

    #[test]
    fn facts_match_whole_words_and_whole_names() {
        let with = |summary: &str| {
            problems_of(&NOTICE.replace("We keep it. We look after it.", summary))
                .into_iter()
                .filter(|p| p.contains("is not stated"))
                .count()
        };
        assert_eq!(with("We keep it for 16 years. Then it goes."), 0);
        assert_eq!(with("We keep it for 6 years. Then it goes."), 1);
        assert_eq!(with("We keep it for 1 years. Then it goes."), 1);
        let law = |body: &str, summary: &str| {
            let source = NOTICE
                .replace("Second paragraph, for 16 years.", body)
                .replace("We keep it. We look after it.", summary);
            problems_of(&source)
                .into_iter()
                .filter(|p| p.contains("is not stated"))
                .count()
        };
        assert_eq!(
            law(
                "The Children and Data Act says so.",
                "The Data Act lets us."
            ),
            1
        );
        assert_eq!(
            law(
                "The Children and Data Act says so.",
                "The Children and Data Act lets us."
            ),
            0
        );
        assert_eq!(law("Under the UK GDPR we must.", "The GDPR says so."), 0);
        assert_eq!(
            law(
                "The Children Act 1989 says so.",
                "The Children Act lets us."
            ),
            0
        );
    }

    #[test]
    fn a_number_in_words_or_figures_is_the_same_fact() {
        let unstated = |body: &str, summary: &str| -> Vec<String> {
            let source = NOTICE
                .replace("Second paragraph, for 16 years.", body)
                .replace("We keep it. We look after it.", summary);
            problems_of(&source)
                .into_iter()
                .filter(|p| p.contains("is not stated"))
                .collect()
        };
        for (body, summary) in [
            (
                "We keep records for six years.",
                "We keep it for 6 years. Then it goes.",
            ),
            (
                "We keep records for 6 years.",
                "We keep it for six years. Then it goes.",
            ),
            (
                "We keep records for twenty-five years.",
                "We keep it for 25 years. Then it goes.",
            ),
            (
                "We keep records for 25 years.",
                "We keep it for twenty five years. Then it goes.",
            ),
            (
                "We keep records for one hundred years.",
                "We keep it for 100 years. Then it goes.",
            ),
            (
                "We keep records for 1,000 days.",
                "We keep it for one thousand days. Then it goes.",
            ),
        ] {
            assert!(unstated(body, summary).is_empty(), "{body} / {summary}");
        }
        // A different number is still not stated, and the message quotes
        // the wording that gives a period in the same unit.
        let body = "We check your file every 3 months.\n\nWe keep your file for six years after your case closes.";
        for summary in [
            "We keep it for 7 years. Then it goes.",
            "We keep it for seven years. Then it goes.",
            "We keep it for twenty-five years. Then it goes.",
        ] {
            let problems = unstated(body, summary);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].contains("is not stated in the notice's wording; the nearest it says: \"We keep your file for six years after your case closes.\""),
                "{problems:?}"
            );
        }
        // A long sentence is quoted around its period.
        let long = format!(
            "{} we keep your file for six years.",
            "Under our policy ".repeat(20)
        );
        let problems = unstated(&long, "We keep it for 7 years. Then it goes.");
        assert!(
            problems[0].contains("the nearest it says: \"…Under our policy")
                && problems[0].contains("for six years.\""),
            "{problems:?}"
        );
    }

    /// Checks that each `expected` text is in one of the problems, as printed.
    fn assert_reported(problems: &[Problem], expected: &[&str]) {
        let printed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let printed = printed.join("\n");
        for expected in expected {
            assert!(
                printed.contains(expected),
                "expected {expected:?} in:\n{printed}"
            );
        }
    }

    #[test]
    fn a_glossary_reports_every_mistake_at_once() {
        let source = r#"[[term]]
id = "consent"
term = "consent"
matches = ["consent"]
definition = When you say yes.

[[term]]
id = "public-task"
term = "public task"
matche = ["public task"]
definition = "A reason to use your data."

[[term]]
id = "Public Task"
term = "public task
definition = 3
"#;
        let (terms, problems) = parse_glossary("glossary.toml", source);
        assert_reported(
            &problems,
            &[
                "glossary.toml:5: file: not valid TOML: string values must be quoted",
                "glossary.toml:10: term[2].matche: unknown field `matche`\n  fix: did you mean `matches`?",
                "glossary.toml:15: file: not valid TOML",
                "glossary.toml:14: term[3].id: id \"Public Task\" is not usable in a web link",
                "glossary.toml:16: term[3].definition: `definition` should be text, not a number",
            ],
        );
        // The misspelt `matche` is the one message: not also "no phrases".
        assert_eq!(problems.len(), 6, "each mistake once: {problems:#?}");
        assert_eq!(terms.len(), 3, "every term is still read");
    }

    #[test]
    fn concepts_report_every_mistake_at_once() {
        let source = r#"[[concept]]
asks = ["say no" "refuse"]
means = ["object"]

[[concept]]
ask = ["how long"]
means = ["retention"]

[[concept]]
asks = ["who sees", 2]
means = "share"

[[concept]]
asks = ["see my file"]
means = ["access"]
right = "yes"

[[concept]]
asks = ["complain"]
means = ["complaint"]
right = true
"#;
        let (concepts, problems) = parse_concepts("concepts.toml", source);
        assert_reported(
            &problems,
            &[
                "concepts.toml:2: file: not valid TOML",
                "concepts.toml:6: concept[2].ask: unknown field `ask`\n  fix: did you mean `asks`?",
                "concepts.toml:10: concept[3].asks: `asks` should list only texts, but has a number",
                "concepts.toml:11: concept[3].means: `means` should be a list of texts, not text",
                "concepts.toml:16: concept[4].right: `right` should be true or false, not text",
            ],
        );
        // The misspelt `ask` is the one message: not also "no words".
        assert_eq!(problems.len(), 5, "each mistake once: {problems:#?}");
        assert_eq!(concepts.len(), 5, "every concept is still read");
        let rights: Vec<bool> = concepts.iter().map(|c| c.right).collect();
        assert_eq!(rights, [false, false, false, false, true]);
    }

    #[test]
    fn a_wrong_value_is_named_in_plain_words() {
        let source = NOTICE.replace("title = \"T\"", "title = 3")
            + "\n[[explorer]]\nid = \"x\"\nlabel = \"X\"\nwhy = [1]\n";
        let problems = problems_of(&source).join("\n");
        assert!(
            problems.contains("`title` should be text, not a number"),
            "{problems}"
        );
        assert!(
            problems.contains("`why` should be an answer with its text and sections, not a list"),
            "{problems}"
        );
        assert!(
            !problems.contains("Raw") && !problems.contains("struct"),
            "{problems}"
        );
    }
}
