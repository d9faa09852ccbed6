//! Reading notice files: TOML in, validated model out, with every problem
//! reported by file, line and field, and what to do about it.
//!
//! Raw serde types live only here (serialisation at the edge); the rest of
//! the crate sees the model. The build script (`build/main.rs`) runs this
//! same module, so a notice that fails `notice check` fails the build with
//! the same messages.
//!
//! One module per part of what is read and checked: `notice` (the top
//! level, and the checks across files), `controller`, `section`,
//! `explorer`, `facts` (the "no added facts" rule), `glossary` (with the
//! concepts), and `report` (a file's values with their lines, and the
//! problems found).

use std::fmt;

use crate::model::{Concept, GlossaryTerm, Notice};

mod controller;
mod explorer;
mod facts;
mod glossary;
mod notice;
mod report;
mod section;

pub use controller::ControllerLines;
pub use facts::{MAX_GRADE, facts};
pub use glossary::{parse_concepts, parse_glossary};
pub use notice::{check_all, parse_notice};

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

impl Problem {
    /// A problem in what a file says ([`ProblemKind::Content`]).
    fn content(
        severity: Severity,
        file: &str,
        line: Option<usize>,
        field: &str,
        message: String,
        fix: &str,
    ) -> Problem {
        Problem {
            severity,
            kind: ProblemKind::Content,
            file: file.to_string(),
            line,
            field: field.to_string(),
            message,
            fix: fix.to_string(),
        }
    }
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
    /// Where the values checked across files are, for messages.
    pub lines: Lines,
}

/// The lines of the values [`check_all`] checks, kept with them as the file
/// is read, so every message it gives names its value's line.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    pub controller: ControllerLines,
    /// The line of each section's summary (the section's own line when it
    /// has none), in the order of the notice's sections.
    pub summaries: Vec<usize>,
    /// The line of each answer of each kind of data, in the order of the
    /// notice's explorer items and of each item's answers.
    pub answers: Vec<Vec<usize>>,
}

/// The largest notice, glossary or concepts file read: 2 MB, twenty times
/// the longest notice so far. A bigger file (or a device such as
/// `/dev/zero`) is refused unread.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

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
    if notices.is_empty() {
        // Checking nothing is not a pass.
        let dir = dir.display().to_string();
        dataset.problems.push(file_problem(
            &dir,
            None,
            format!("no notice files in {dir}"),
            "a notice is a .toml file (see notices/FORMAT.md): name the folder that holds them, or the files",
        ));
        return dataset;
    }
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
    Ok(report::normalise_newlines(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A notice file's problems, as printed.
    /// The "not stated" problems of the test notice with its second
    /// paragraph `body` and its summary `summary`.
    fn unstated(body: &str, summary: &str) -> Vec<String> {
        let source = NOTICE
            .replace("Second paragraph, for 16 years.", body)
            .replace("We keep it. We look after it.", summary);
        problems_of(&source)
            .into_iter()
            .filter(|p| p.contains("is not stated"))
            .collect()
    }

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
        let law = |body: &str, summary: &str| unstated(body, summary).len();
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
