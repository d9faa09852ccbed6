//! Reading notice files: TOML in, validated model out, with every problem
//! reported by file, line and field, and what to do about it.
//!
//! Raw serde types live only here (serialisation at the edge); the rest of
//! the crate sees the model. `build.rs` compiles this same module, so a
//! notice that fails `notice check` fails the build with the same messages.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::model::{
    Answer, Concept, Controller, ExplorerItem, GlossaryTerm, Notice, Question, Section,
};
use crate::text::readability::sentences;
use crate::text::{fold_phrase, prepare_phrase};

/// How bad a problem is: errors fail `notice check` and the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem in a notice file, with where it is and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotice {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    extends: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
    source_url: Option<String>,
    published: Option<String>,
    last_updated: Option<String>,
    version: Option<String>,
    #[serde(default)]
    removed: Vec<String>,
    controller: Option<Spanned<RawController>>,
    #[serde(default)]
    section: Vec<Spanned<RawSection>>,
    #[serde(default)]
    explorer: Vec<Spanned<RawExplorer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawController {
    name: Option<String>,
    ico_registration: Option<String>,
    contact: Option<String>,
    dpo_email: Option<String>,
    complaints_email: Option<String>,
    ico_complaints_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: Option<Spanned<String>>,
    heading: Option<String>,
    summary: Option<String>,
    body: Option<String>,
}

#[derive(Deserialize)]
struct RawExplorer {
    id: Option<Spanned<String>>,
    label: Option<String>,
    /// Every other key is an answer: `includes`, `why`, … (checked by name).
    /// No `Spanned` here: serde's `flatten` cannot carry spans; the item's line is used.
    #[serde(flatten)]
    answers: BTreeMap<String, RawAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    text: Option<String>,
    #[serde(default)]
    from: Vec<String>,
}

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    source: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str, source: &'a str) -> Report<'a> {
        Report {
            file,
            source,
            problems: Vec::new(),
        }
    }

    /// Parses the whole file as TOML into `T`; a syntax or type error is
    /// reported (as "not valid `what` TOML") and gives `None`.
    fn parse<T: serde::de::DeserializeOwned>(&mut self, what: &str, fix: &str) -> Option<T> {
        match toml::from_str(self.source) {
            Ok(raw) => Some(raw),
            Err(error) => {
                let line = error.span().map(|s| self.line_of(s.start));
                let message = format!("not valid {what} TOML: {}", error.message());
                self.error(line, "file", message, fix);
                None
            }
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.source[..offset.min(self.source.len())]
            .matches('\n')
            .count()
            + 1
    }

    /// The line of `key = …` in the table that starts at `span` (up to the
    /// next `[table]` header), else the table's first line.
    fn key_line(&self, span: std::ops::Range<usize>, key: &str) -> usize {
        let mut offset = span.start;
        for (n, line) in self.source[span.start..].split_inclusive('\n').enumerate() {
            let rest = line.trim_start();
            if n > 0 && rest.starts_with('[') {
                break;
            }
            if rest
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
            {
                return self.line_of(offset);
            }
            offset += line.len();
        }
        self.line_of(span.start)
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

    /// The trimmed value of a required text field, or an error naming it.
    fn required(
        &mut self,
        value: Option<String>,
        line: Option<usize>,
        field: &str,
        what: &str,
    ) -> String {
        match value.map(|v| v.trim().to_string()) {
            Some(v) if !v.is_empty() => v,
            Some(_) => {
                self.error(line, field, format!("`{field}` is empty"), what);
                String::new()
            }
            None => {
                self.error(
                    line,
                    field,
                    format!("missing required field `{field}`"),
                    what,
                );
                String::new()
            }
        }
    }

    fn check_id(&mut self, id: &str, line: usize, field: &str) {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !valid && !id.is_empty() {
            self.error(
                Some(line),
                field,
                format!("id \"{id}\" is not usable in a web link"),
                "use lower-case letters, digits and \"-\" only, e.g. \"who-we-share-with\"",
            );
        }
    }
}

fn text(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

/// Parses one notice file. Problems found in this file alone are returned
/// with it; cross-file checks are in [`check_all`].
pub fn parse_notice(file: &str, source: &str) -> (Option<NoticeFile>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let Some(raw) = report.parse::<RawNotice>(
        "notice",
        "see notices/FORMAT.md for the fields a notice has",
    ) else {
        return (None, report.problems);
    };

    let id_line = raw.id.as_ref().map(|s| report.line_of(s.span().start));
    let id = report.required(
        raw.id.map(Spanned::into_inner),
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
    let field_line =
        |r: &Report, v: &Option<Spanned<String>>| v.as_ref().map(|s| r.line_of(s.span().start));
    let title_line = field_line(&report, &raw.title);
    let title = report.required(
        raw.title.map(Spanned::into_inner),
        title_line,
        "title",
        "add the publisher's title: `title = \"…\"`",
    );
    let language_line = field_line(&report, &raw.language);
    let language = report.required(
        raw.language.map(Spanned::into_inner),
        language_line,
        "language",
        "add `language = \"en-GB\"` (the language of the wording)",
    );
    let source_line = field_line(&report, &raw.source);
    let source_name = report.required(
        raw.source.map(Spanned::into_inner),
        source_line,
        "source",
        "add `source = \"…\"`: who published the notice and where",
    );

    let controller = match raw.controller {
        Some(c) => {
            let line = report.line_of(c.span().start);
            let c = c.into_inner();
            Controller {
                name: text(report.required(
                    c.name,
                    Some(line),
                    "controller.name",
                    "add the organisation's name under [controller]",
                )),
                ico_registration: c.ico_registration.map(text),
                contact: c.contact.map(text),
                dpo_email: c.dpo_email.map(text),
                complaints_email: c.complaints_email.map(text),
                ico_complaints_url: c.ico_complaints_url.map(text),
            }
        }
        None => {
            report.error(
                None,
                "controller",
                "missing the [controller] table".into(),
                "add [controller] with at least `name = \"…\"`",
            );
            Controller {
                name: Cow::Borrowed(""),
                ico_registration: None,
                contact: None,
                dpo_email: None,
                complaints_email: None,
                ico_complaints_url: None,
            }
        }
    };

    if raw.section.is_empty() {
        report.error(
            None,
            "section",
            "the notice has no sections".into(),
            "add a [[section]] for each section of the source, in order",
        );
    }
    let mut sections = Vec::new();
    let mut lines = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw_section) in raw.section.into_iter().enumerate() {
        let span = raw_section.span();
        let line = report.line_of(span.start);
        let at = |report: &Report, key: &str| Some(report.key_line(span.clone(), key));
        let s = raw_section.into_inner();
        let field = |name: &str| format!("section[{}].{name}", i + 1);
        let id_line =
            s.id.as_ref()
                .map_or(line, |id| report.line_of(id.span().start));
        let id = report.required(
            s.id.map(Spanned::into_inner),
            Some(line),
            &field("id"),
            "give the section a short id for links, e.g. `id = \"your-rights\"`",
        );
        report.check_id(&id, id_line, &field("id"));
        if let Some(first) = seen.insert(id.clone(), id_line) {
            report.error(
                Some(id_line),
                &field("id"),
                format!("duplicate section id \"{id}\" (first used on line {first})"),
                "give each section its own id",
            );
        }
        let heading = report.required(
            s.heading,
            at(&report, "heading"),
            &field("heading"),
            "add the source's heading: `heading = \"…\"`",
        );
        lines.insert(field("summary"), report.key_line(span.clone(), "summary"));
        let summary = report.required(
            s.summary,
            at(&report, "summary"),
            &field("summary"),
            "write 2–4 short, plain sentences that say what this section means for a family",
        );
        let body = report.required(
            s.body,
            at(&report, "body"),
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
    for (i, raw_item) in raw.explorer.into_iter().enumerate() {
        let span = raw_item.span();
        let line = report.line_of(span.start);
        let item = raw_item.into_inner();
        let field = |name: &str| format!("explorer[{}].{name}", i + 1);
        let id = report.required(
            item.id.map(Spanned::into_inner),
            Some(line),
            &field("id"),
            "give the kind of data an id, e.g. `id = \"health\"`",
        );
        report.check_id(&id, line, &field("id"));
        if let Some(first) = seen.insert(id.clone(), line) {
            report.error(
                Some(line),
                &field("id"),
                format!("duplicate explorer id \"{id}\" (first used on line {first})"),
                "give each kind of data its own id",
            );
        }
        let label = report.required(
            item.label,
            Some(line),
            &field("label"),
            "name the kind of data as a family would: `label = \"My child's health information\"`",
        );
        let mut answers = Vec::new();
        for (key, raw_answer) in item.answers {
            let answer_line = report.key_line(span.clone(), &key);
            lines.insert(field(&key), answer_line);
            let Some(question) = Question::from_key(&key) else {
                let known: Vec<_> = Question::ALL.iter().map(|q| q.key()).collect();
                report.error(
                    Some(answer_line),
                    &field(&key),
                    format!("unknown field `{key}`"),
                    &format!("use one of: id, label, {}", known.join(", ")),
                );
                continue;
            };
            let answer = raw_answer;
            let answer_text = report.required(
                answer.text,
                Some(answer_line),
                &field(&format!("{key}.text")),
                "write the answer, or leave the question out if the notice does not say",
            );
            if answer.from.is_empty() {
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
                from: answer.from.into_iter().map(text).collect(),
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
        extends: raw.extends.map(|e| text(e.into_inner())),
        source: text(source_name),
        source_url: raw.source_url.map(text),
        published: raw.published.map(text),
        last_updated: raw.last_updated.map(text),
        version: raw.version.map(text),
        controller,
        sections: sections.into(),
        explorer: explorer.into(),
    };
    let file = NoticeFile {
        path: file.to_string(),
        notice,
        removed: raw.removed,
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

        let wording = source_wording(notice, parent);
        for (i, section) in notice.sections.iter().enumerate() {
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
fn check_plain(plain: &str, wording: &str) -> Vec<(Severity, String, &'static str)> {
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
        if !wording.contains(&fold_phrase(&fact)) {
            out.push((
                Severity::Error,
                format!("\"{fact}\" is not stated in the notice's wording"),
                "say only what the notice states; if the notice does not say, leave it out",
            ));
        }
    }
    out
}

/// The notice's own wording (and that of the notice it extends), folded,
/// for checking that plain text adds no fact.
fn source_wording(notice: &Notice, parent: Option<&Notice>) -> String {
    let mut all = String::new();
    for n in std::iter::once(notice).chain(parent) {
        all.push_str(&n.title);
        for s in n.sections.iter() {
            all.push('\n');
            all.push_str(&s.heading);
            all.push('\n');
            all.push_str(&s.body);
        }
    }
    fold_phrase(&all)
}

/// Facts a plain-language string could add: anything with a digit (dates,
/// numbers, periods), email and web addresses, periods in words ("six
/// years") and names of laws ("Children Act", "GDPR").
pub fn facts(plain: &str) -> Vec<String> {
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
    ];
    const UNITS: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ];
    const LAW_WORDS: &[&str] = &[
        "Act",
        "Regulation",
        "Regulations",
        "GDPR",
        "Article",
        "Section",
    ];
    /// Capitalised words that start a sentence rather than a law's name.
    const SENTENCE_STARTERS: &[&str] =
        &["The", "Under", "Our", "A", "An", "This", "By", "In", "And"];
    let mut facts = Vec::new();
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    for (i, token) in tokens.iter().enumerate() {
        let bare = trim(token);
        if token.contains('@') || token.contains("://") || token.starts_with("www.") {
            facts.push(
                token
                    .trim_end_matches(['.', ',', ')', ';', ':'])
                    .to_string(),
            );
        } else if bare.chars().any(|c| c.is_ascii_digit())
            || NUMBER_WORDS.contains(&bare.to_lowercase().as_str())
        {
            // A number, with its unit when it is a period ("6 years").
            match tokens.get(i + 1).map(|next| trim(next)) {
                Some(unit) if UNITS.contains(&unit.to_lowercase().as_str()) => {
                    facts.push(format!("{bare} {unit}"))
                }
                _ if bare.chars().any(|c| c.is_ascii_digit()) => facts.push(bare.clone()),
                _ => {}
            }
        } else if LAW_WORDS.contains(&bare.as_str()) {
            // A law's name: the capitalised words before "Act", as written.
            let start = (0..i)
                .rev()
                .take_while(|&j| trim(tokens[j]).starts_with(|c: char| c.is_uppercase()))
                .last()
                .unwrap_or(i);
            let name: Vec<String> = tokens[start..=i]
                .iter()
                .map(|t| trim(t))
                .skip_while(|w| SENTENCE_STARTERS.contains(&w.as_str()))
                .collect();
            facts.push(name.join(" "));
        }
    }
    facts
}

/// Parses `glossary.toml`.
pub fn parse_glossary(file: &str, source: &str) -> (Vec<GlossaryTerm>, Vec<Problem>) {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        #[serde(default)]
        term: Vec<Spanned<RawTerm>>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawTerm {
        id: Option<String>,
        term: Option<String>,
        #[serde(default)]
        matches: Vec<String>,
        definition: Option<String>,
    }
    let mut report = Report::new(file, source);
    let Some(raw) = report.parse::<Raw>("glossary", "see notices/FORMAT.md, section glossary.toml")
    else {
        return (Vec::new(), report.problems);
    };
    let mut terms = Vec::new();
    for (i, raw_term) in raw.term.into_iter().enumerate() {
        let line = report.line_of(raw_term.span().start);
        let t = raw_term.into_inner();
        let field = |name: &str| format!("term[{}].{name}", i + 1);
        let id = report.required(t.id, Some(line), &field("id"), "add `id = \"…\"`");
        report.check_id(&id, line, &field("id"));
        let term = report.required(
            t.term,
            Some(line),
            &field("term"),
            "add the term as shown: `term = \"…\"`",
        );
        let definition = report.required(
            t.definition,
            Some(line),
            &field("definition"),
            "add a one-sentence plain definition",
        );
        if t.matches.is_empty() {
            report.error(
                Some(line),
                &field("matches"),
                "no phrases to find the term by".into(),
                "list the phrases as they appear in notices: `matches = [\"…\"]`",
            );
        }
        let grade = crate::text::readability::grade(&definition);
        if grade > MAX_GRADE {
            report.push(
                Severity::Warning,
                Some(line),
                &field("definition"),
                format!("reads at grade {grade:.1} (above {MAX_GRADE})"),
                "use shorter, everyday words",
            );
        }
        terms.push(GlossaryTerm {
            id: text(id),
            term: text(term),
            matches: t
                .matches
                .into_iter()
                .map(|m| text(m.to_lowercase()))
                .collect(),
            definition: text(definition),
        });
    }
    (terms, report.problems)
}

/// Parses `concepts.toml`, the search's map from family words to notice words.
pub fn parse_concepts(file: &str, source: &str) -> (Vec<Concept>, Vec<Problem>) {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        #[serde(default)]
        concept: Vec<Spanned<RawConcept>>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawConcept {
        asks: Vec<String>,
        means: Vec<String>,
    }
    let mut report = Report::new(file, source);
    let Some(raw) = report.parse::<Raw>(
        "concepts",
        "each [[concept]] has `asks = [...]` and `means = [...]`",
    ) else {
        return (Vec::new(), report.problems);
    };
    let mut concepts = Vec::new();
    for (i, raw_concept) in raw.concept.into_iter().enumerate() {
        let line = report.line_of(raw_concept.span().start);
        let c = raw_concept.into_inner();
        if c.asks.is_empty() || c.means.is_empty() {
            report.error(
                Some(line),
                &format!("concept[{}]", i + 1),
                "a concept needs words on both sides".into(),
                "list how families ask in `asks` and the notices' words in `means`",
            );
        }
        let prepare = |v: Vec<String>| v.iter().map(|s| text(prepare_phrase(s))).collect();
        concepts.push(Concept {
            asks: prepare(c.asks),
            means: prepare(c.means),
        });
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
        match std::fs::read_to_string(&path) {
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
            Err(error) => dataset.problems.push(io_problem(&name, &error)),
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
        match std::fs::read_to_string(path) {
            Ok(source) => {
                let (file, problems) = parse_notice(&name, &source);
                dataset.files.extend(file);
                dataset.problems.extend(problems);
            }
            Err(error) => dataset.problems.push(io_problem(&name, &error)),
        }
    }
    dataset.problems.extend(check_all(&dataset.files, known));
    dataset
}

fn io_problem(file: &str, error: &std::io::Error) -> Problem {
    Problem {
        severity: Severity::Error,
        file: file.to_string(),
        line: None,
        field: "file".into(),
        message: format!("cannot read it: {error}"),
        fix: "check the path, and that the file is readable".into(),
    }
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
            ["six years", "2030", "dpo@x.org", "Children Act", "1989"]
        );
        assert!(facts("We keep your data safe.").is_empty());
    }
}
