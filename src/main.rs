//! `notice`: check, list, export, search and import privacy notices.
//!
//! A thin binary over the library: parse arguments, run, print, exit
//! 0 (fine), 1 (the notices have errors) or 2 (usage or I/O error):
//! [`exit_code`] is where problems become exit codes.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use privacy_notice::bundled;
use privacy_notice_core::checklist::{Found, checklist};
use privacy_notice_core::content_hash::content_hash;
use privacy_notice_core::html;
use privacy_notice_core::load::{self, Dataset, MAX_GRADE, Problem, ProblemKind, Severity};
use privacy_notice_core::model::{Notice, Question};
use privacy_notice_core::rules::{self, MAX_NOTICE_JSON_BYTES};
use privacy_notice_core::search::{Place, Scope, check_query};
use privacy_notice_core::text::readability::Counts;
use privacy_notice_core::{fidelity, import};

#[derive(Parser)]
#[command(
    name = "notice",
    version,
    about = "Check, list, export, search and import privacy notices.",
    after_help = "Adding a council's notice: `notice import PAGE -o notices/ID.toml` drafts it from the page, \
then `notice check notices/ID.toml` lists the summaries still to write (see README.md, \"Adding a notice\")."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate notice files and show, per notice, the ICO "right to be
    /// informed" checklist and the reading grade of the plain-language layer.
    Check {
        /// Notice files to check (default: every notice in ./notices/).
        files: Vec<PathBuf>,
    },
    /// List the bundled notices: id and title. With --kinds ID, that
    /// notice's kinds of data instead: the `kind` a <privacy-notice-hint>
    /// takes.
    List {
        /// The notice whose kinds of data to list (see `notice list`).
        #[arg(long, value_name = "ID")]
        kinds: Option<String>,
    },
    /// Print a bundled notice, or a notice file after the checks of
    /// `notice check`: as JSON with --json, as HTML with --html, else as
    /// readable text.
    #[command(group = clap::ArgGroup::new("which").required(true).args(["notice", "file"]))]
    Export {
        /// The notice's id (see `notice list`).
        #[arg(long, value_name = "ID")]
        notice: Option<String>,
        /// A notice file, bundled or not (it may extend a bundled notice).
        file: Option<PathBuf>,
        /// Print JSON: {id, title, sections: [{id, heading, summary, body}], explorer: [...], ..., content_hash}.
        #[arg(long, conflicts_with = "html")]
        json: bool,
        /// Print the whole notice as an HTML fragment to paste inside <privacy-notice>, shown until the widget starts and when it cannot.
        #[arg(long)]
        html: bool,
        /// With --html: the level of the title heading (1–5), as the element's heading-level; sections are one level below.
        #[arg(long, value_name = "N", requires = "html", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=5))]
        heading_level: u8,
        /// With --html: the element's form-field; the fragment carries that hidden input, recording the notice (`id@contentHash`, then the notice it extends) even when the widget never starts.
        #[arg(long, value_name = "NAME", requires = "html")]
        form_field: Option<String>,
    },
    /// Draft a notice file from a council's published notice page: the text
    /// a browser copies from it (.txt) or the saved page (.html). Every line
    /// of the page ends up in the title, a heading, a section's wording or
    /// `removed`, in order; summaries and the explorer are left for you to
    /// write (`notice check` lists them as to-dos).
    Import {
        /// The saved page: copied text, or HTML.
        source: PathBuf,
        /// Write the draft to this file (it must not exist yet) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The notice's id (default: the output file's name, else from the title).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The title, if the page has no title line (or the draft took the wrong one).
        #[arg(long)]
        title: Option<String>,
        /// The wording's language when an HTML page does not give its `lang`.
        #[arg(long, value_name = "TAG", default_value = "en-GB")]
        language: String,
        /// The page's address (https://), for `source_url`.
        #[arg(long)]
        url: Option<String>,
        /// A bundled notice this one extends: sections on the same topics take its ids, so they replace its sections.
        #[arg(long, value_name = "ID")]
        extends: Option<String>,
    },
    /// Search the bundled notices as a family would ask.
    Search {
        /// The notice's id, "*" for every notice, or a notice file (a
        /// council's own, searched as the page showing it would search it).
        #[arg(long)]
        notice: String,
        /// At most this many results.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Print a JSON array, best first, of {notice, section, heading, text, wording, score}
        /// (`text`: all the result shows, a plain answer then the wording beneath it).
        #[arg(long)]
        json: bool,
        /// The question, in the family's own words.
        question: String,
    },
}

/// An error for the person at the terminal: what went wrong and what to do.
struct Failure(String);

/// The exit code when a notice has errors.
const NOTICE_ERRORS: u8 = 1;
/// The exit code for a usage error, or a file that cannot be read at all.
const USAGE_OR_FILE_ERROR: u8 = 2;

/// The exit code for the problems found, by their kind and severity: a
/// file that cannot be read at all is a file error, whatever else is
/// found; then errors in a notice; warnings are fine.
fn exit_code(problems: &[Problem]) -> u8 {
    if problems.iter().any(|p| p.kind == ProblemKind::Unreadable) {
        USAGE_OR_FILE_ERROR
    } else if problems.iter().any(|p| p.severity == Severity::Error) {
        NOTICE_ERRORS
    } else {
        0
    }
}

fn main() -> ExitCode {
    // As other command-line tools: when the program reading the output
    // stops (`notice check | head`), stop quietly, rather than panic on
    // the failed write (Rust ignores SIGPIPE by default).
    #[cfg(unix)]
    // SAFETY: at the start of main, before any thread or output; restoring
    // the default action of a signal is what every C program starts with.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("notice: {}", shown(&message));
            ExitCode::from(USAGE_OR_FILE_ERROR)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Check { files } => check(&files),
        Command::List { kinds: None } => {
            for notice in bundled::NOTICES.iter() {
                println!("{:<20} {}", notice.id, notice.title);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::List { kinds: Some(id) } => {
            for item in find_notice(&id)?.1.explorer.iter() {
                println!("{:<20} {}", item.id, item.label);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            notice,
            file,
            json,
            html,
            heading_level,
            form_field,
        } => {
            let notice = match (notice, file) {
                (Some(id), _) if names_a_file(&id) => {
                    let format = if json {
                        " --json"
                    } else if html {
                        " --html"
                    } else {
                        ""
                    };
                    return Err(Failure(format!(
                        "--notice takes a bundled notice's id (see `notice list`), and \"{id}\" is a notice file: drop --notice and name the file, `notice export {id}{format}`"
                    )));
                }
                (Some(id), _) => find_notice(&id)?.1.clone(),
                (None, Some(file)) => match checked_file(&file) {
                    Ok(notice) => notice,
                    Err(code) => return Ok(code),
                },
                (None, None) => unreachable!("clap requires --notice or a file"),
            };
            let parent = bundled::parent_of(&notice);
            let hash = content_hash(&notice);
            if json {
                let json = to_json(&Chunk {
                    notice: &notice,
                    content_hash: hash,
                });
                if json.len() > MAX_NOTICE_JSON_BYTES {
                    eprintln!(
                        "notice: \"{}\" exports as {} bytes of JSON, over the {MAX_NOTICE_JSON_BYTES} the widget reads, so it is not exported. Publish it as several notices, each with its own id.",
                        shown(&notice.id),
                        json.len()
                    );
                    return Ok(ExitCode::from(NOTICE_ERRORS));
                }
                println!("{json}");
            } else if html {
                let record = form_field.as_deref().map(|name| {
                    let shown = std::iter::once((&notice, hash.clone()))
                        .chain(parent.map(|p| (p, content_hash(p))))
                        .map(|(n, h)| format!("{}@{h}", n.id))
                        .collect::<Vec<_>>()
                        .join(" ");
                    (name, shown)
                });
                let record = record.as_ref().map(|(name, value)| (*name, value.as_str()));
                print!(
                    "{}",
                    html::notice(&notice, parent, heading_level, &hash, record)
                );
            } else {
                print_notice(&notice);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            notice,
            limit,
            json,
            question,
        } => search(&notice, limit, json, &question),
        Command::Import {
            source,
            output,
            id,
            title,
            language,
            url,
            extends,
        } => {
            let extends = extends
                .map(|id| find_notice(&id))
                .transpose()?
                .map(|(_, n)| n);
            let id = id.or_else(|| {
                output
                    .as_deref()
                    .and_then(Path::file_stem)
                    .and_then(|s| s.to_str())
                    .map(str::to_string)
            });
            let options = import::Options {
                id,
                title,
                language: Some(language),
                url,
                extends,
                label: source.display().to_string(),
            };
            import_page(&source, output.as_deref(), &options)
        }
    }
}

/// `notice import`: drafts the notice, checks that it keeps every line of
/// the page, and writes it.
fn import_page(
    source: &Path,
    output: Option<&Path>,
    options: &import::Options,
) -> Result<ExitCode, Failure> {
    let fail = |e: import::ImportError| Failure(format!("{}: {e}", source.display()));
    if let Some(url) = options
        .url
        .as_deref()
        .filter(|u| !u.starts_with("https://"))
    {
        return Err(Failure(format!(
            "--url {url}: give the page's address as it is published, starting https://"
        )));
    }
    if let Some(out) = output.filter(|o| o.exists()) {
        return Err(Failure(format!(
            "{} already exists: the draft would overwrite it (and any summaries written in it). Name a new file, or remove it first",
            out.display()
        )));
    }
    let page = import::read_page(source).map_err(fail)?;
    let imported = import::import(&page, options).map_err(fail)?;
    // The draft must read as a notice file and keep every line of the page.
    let name = output.map_or("draft.toml".into(), |o| o.display().to_string());
    let unplaced = match load::parse_notice(&name, &imported.draft) {
        (Some(file), _) => fidelity::compare(&file, &imported.page_text),
        (None, problems) => {
            return Err(Failure(format!(
                "the draft of {} does not read as a notice file (a bug in the importer): {problems:?}",
                source.display()
            )));
        }
    };
    match output {
        Some(out) => std::fs::write(out, &imported.draft)
            .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?,
        None => print!("{}", imported.draft),
    }
    let report = &imported.report;
    eprintln!(
        "notice import: {} section(s), {} heading(s) inferred (marked in the draft: check them), {} lower heading(s) kept as paragraphs, {} line(s) of the page removed as furniture (listed in `removed`).",
        report.sections, report.inferred, report.sub_headings, report.removed
    );
    if !unplaced.is_empty() {
        eprintln!(
            "notice import: {} line(s) of the page are not in the draft; add them where they belong:",
            unplaced.len()
        );
        for line in &unplaced {
            eprintln!("  {line}");
        }
        return Ok(ExitCode::from(1));
    }
    let file = output.map_or("the draft".into(), |o| o.display().to_string());
    eprintln!(
        "notice import: every line of the page is in the draft. Next: write the summaries and the explorer; `notice check {file}` lists what is still to do."
    );
    Ok(ExitCode::SUCCESS)
}

/// Whether `--notice` was given a notice file rather than an id (a `.toml`
/// name, or a file that exists): easy to write, as `--notice` reads "the
/// notice", so the message says to drop it rather than list the ids.
fn names_a_file(id: &str) -> bool {
    id.ends_with(".toml") || Path::new(id).is_file()
}

fn find_notice(id: &str) -> Result<(usize, &'static Notice), Failure> {
    bundled::notice(id).ok_or_else(|| {
        let ids: Vec<_> = bundled::NOTICES.iter().map(|n| n.id.as_ref()).collect();
        Failure(format!(
            "no notice with id \"{id}\"; the notices are: {}",
            ids.join(", ")
        ))
    })
}

/// A notice's JSON chunk: the notice, and the hash of its content that a
/// form records beside a referral (and `--html` carries, to spot stale copies).
#[derive(serde::Serialize)]
struct Chunk<'a> {
    #[serde(flatten)]
    notice: &'a Notice,
    content_hash: String,
}

/// A notice file that passes `notice check`, or the exit code after printing
/// its problems (to stderr: stdout is the export): 1 for errors in it, 2 when
/// it cannot be read. Warnings are printed and do not stop the export.
fn checked_file(path: &Path) -> Result<Notice, ExitCode> {
    // As `notice check FILE`: the file may extend a bundled notice.
    let known: Vec<&Notice> = bundled::NOTICES.iter().collect();
    let Dataset {
        mut files,
        problems,
        ..
    } = load::read_files(&[path.to_path_buf()], &known);
    for problem in &problems {
        eprintln!("{}\n", shown(&problem.to_string()));
    }
    let (to_dos, errors) = count(&problems);
    match (exit_code(&problems), files.pop()) {
        (0, Some(file)) => Ok(file.notice),
        (USAGE_OR_FILE_ERROR, _) => Err(ExitCode::from(USAGE_OR_FILE_ERROR)),
        _ => {
            eprintln!(
                "notice: {} has {errors} error(s) and {to_dos} to-do(s) (summaries still to write), so it is not exported. Fix them and export again.",
                path.display()
            );
            Err(ExitCode::from(NOTICE_ERRORS))
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("notice data serialises to JSON")
}

fn check(paths: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut dataset = Dataset::default();
    if paths.is_empty() {
        let dir = Path::new("notices");
        if !dir.is_dir() {
            return Err(Failure(
                "no notices/ folder here: run `notice check` in the project folder, or name the files: `notice check my-notice.toml`".into(),
            ));
        }
        dataset = load::read_dir(dir);
    } else {
        // A folder is checked as `notices/` is: its notices, glossary and concepts.
        let (dirs, files): (Vec<_>, Vec<_>) = paths.iter().cloned().partition(|p| p.is_dir());
        for dir in dirs {
            let more = load::read_dir(&dir);
            dataset.files.extend(more.files);
            dataset.problems.extend(more.problems);
        }
        if !files.is_empty() {
            // Notices named on the command line may extend a bundled notice.
            let known: Vec<&Notice> = bundled::NOTICES.iter().collect();
            let more = load::read_files(&files, &known);
            dataset.files.extend(more.files);
            dataset.problems.extend(more.problems);
        }
    }
    let Dataset {
        files, problems, ..
    } = &dataset;
    for problem in problems {
        println!("{}\n", shown(&problem.to_string()));
    }
    for file in files {
        print_report(file, files, problems);
    }
    let (to_dos, errors) = count(problems);
    let warnings = problems.len() - errors - to_dos;
    println!(
        "{} notice(s) checked: {errors} error(s), {warnings} warning(s).",
        files.len()
    );
    if to_dos > 0 {
        println!(
            "To do: {to_dos} summaries still to write (each listed above with its line). Write each in 2–4 short, plain sentences; the export and the build refuse the notice until they are written."
        );
    }
    Ok(ExitCode::from(exit_code(problems)))
}

/// The to-dos (summaries still to write) and the other errors among `problems`.
fn count(problems: &[load::Problem]) -> (usize, usize) {
    let to_dos = problems.iter().filter(|p| load::is_to_do(p)).count();
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    (to_dos, errors - to_dos)
}

/// The checklist and reading grades of one notice; `problems` say which
/// empty summaries are still to write and which were not read (an error
/// above says why, such as a misspelt `sumary`).
fn print_report(file: &load::NoticeFile, files: &[load::NoticeFile], problems: &[Problem]) {
    let notice = &file.notice;
    if notice.id.is_empty() && notice.sections.is_empty() {
        // Nothing readable to report on: the problems above say why.
        return;
    }
    let parent = notice.parent_in(
        files
            .iter()
            .map(|f| &f.notice)
            .chain(bundled::NOTICES.iter()),
    );
    println!("{} — {}", shown(&notice.id), shown(&notice.title));
    println!("  Right to be informed (ICO checklist):");
    for item in checklist(notice, parent) {
        let found = match item.found {
            Found::Section {
                id,
                inherited_from: None,
            } => format!("present: #{id}"),
            Found::Section {
                id,
                inherited_from: Some(from),
            } => format!("present: #{id} (from {from})"),
            Found::Controller(detail) => format!("present: {detail}"),
            Found::NotStated => "NOT STATED".into(),
        };
        println!("    {:<55} {found}", item.name);
    }
    let left_out: Vec<String> = notice
        .explorer
        .iter()
        .filter_map(|item| {
            let missing: Vec<&str> = Question::ALL
                .iter()
                .filter(|q| !item.answers.iter().any(|a| a.question == **q))
                .map(|q| q.key())
                .collect();
            (!missing.is_empty()).then(|| format!("    {}: {}", item.id, missing.join(", ")))
        })
        .collect();
    if !left_out.is_empty() {
        println!("  Explorer answers not stated (the widget says \"This notice does not say\"):");
        for line in left_out {
            println!("{line}");
        }
    }
    println!(
        "  Plain-language summaries: {}",
        overall_grade(notice.sections.iter().map(|s| s.summary.as_ref()))
    );
    for (i, section) in notice.sections.iter().enumerate() {
        let field = format!("section[{}].summary", i + 1);
        let to_do = || {
            problems
                .iter()
                .any(|p| load::is_to_do(p) && p.file == file.path && p.field == field)
        };
        if section.summary.is_empty() && to_do() {
            println!("    to do  #{} (summary still to write)", section.id);
        } else if section.summary.is_empty() {
            println!(
                "        –  #{} (no summary read: see the error above)",
                section.id
            );
        } else {
            println!(
                "    {:>5.1}  #{}",
                Counts::of(&section.summary).grade(),
                section.id
            );
        }
    }
    println!(
        "  Explorer answers: {}",
        overall_grade(
            notice
                .explorer
                .iter()
                .flat_map(|item| item.answers.iter().map(|a| a.text.as_ref()))
        )
    );
    println!();
}

/// The reading grade of the texts written among `texts` together; none
/// written gives no grade (the grade of nothing would print as 0.0).
fn overall_grade<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let counts = texts
        .filter(|t| !t.is_empty())
        .map(Counts::of)
        .reduce(|a, b| a + b);
    match counts {
        Some(counts) => format!(
            "Flesch–Kincaid grade {:.1} overall (target {MAX_GRADE} or below)",
            counts.grade()
        ),
        None => "none written yet".into(),
    }
}

fn print_notice(notice: &Notice) {
    println!("{}\n", shown(&notice.title));
    for section in notice.sections.iter() {
        println!(
            "{}",
            shown(&format!(
                "## {}  (#{})\n\nIn short: {}\n\n{}\n",
                section.heading,
                section.id,
                section.summary.trim(),
                section.body.trim()
            ))
        );
    }
}

/// Text as the terminal should print it: a control character (an escape
/// code would retitle the window or clear the screen) written as `\u{1b}`,
/// never raw. Newlines and tabs stay.
fn shown(text: &str) -> Cow<'_, str> {
    if rules::control_character(text).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' => c.to_string(),
                c if c.is_control() => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// A search result as `notice search` prints it.
struct SearchResult {
    notice: String,
    /// The section id, `explorer:ID`, `glossary:ID` or `about`.
    section: String,
    heading: String,
    /// The passage: a plain answer, or the wording itself.
    text: String,
    /// The wording shown beneath a plain answer, as one result.
    wording: Option<String>,
    /// Rounded to three decimals.
    score: f64,
}

impl SearchResult {
    /// All the reader is shown: the passage, then the wording beneath it
    /// (`--json`'s `text`; tools that read a hit's `text` read the result).
    fn shown_text(&self) -> String {
        match &self.wording {
            Some(wording) => format!("{}\n{wording}", self.text),
            None => self.text.clone(),
        }
    }
}

fn search(notice: &str, limit: usize, json: bool, question: &str) -> Result<ExitCode, Failure> {
    if limit == 0 {
        return Err(Failure(
            "--limit must be at least 1 (it is how many results to show)".into(),
        ));
    }
    let question = check_query(question).map_err(|e| Failure(e.to_string()))?;
    // The page showing the notice searches it and the notice it extends:
    // so does this, so that what it measures is what families get. A
    // council's own notice file is searched as its page would search it.
    let own_page;
    let (corpus, scope) = if names_a_file(notice) {
        let notice = match checked_file(Path::new(notice)) {
            Ok(notice) => notice,
            Err(code) => return Ok(code),
        };
        let parent = bundled::parent_of(&notice).cloned();
        own_page = bundled::Page::new(notice, parent);
        (own_page.corpus(), Scope::Notice(0))
    } else {
        if notice != "*" {
            find_notice(notice)?; // an unknown id: say which there are
        }
        bundled::search_of(notice).expect("a bundled notice's id, or *")
    };
    let results = corpus.search(scope, &question, limit);
    let hits: Vec<SearchResult> = results
        .hits
        .iter()
        .map(|hit| {
            let (heading, text) = corpus.passage(&hit.passage);
            let section = match corpus.place(&hit.passage) {
                Place::Section(id) => id.to_string(),
                Place::Explorer(id) => format!("explorer:{id}"),
                Place::Glossary(id) => format!("glossary:{id}"),
                // The header's facts are in no section.
                Place::About => "about".to_string(),
            };
            SearchResult {
                notice: corpus.notices[usize::from(hit.passage.notice)]
                    .id
                    .to_string(),
                section,
                heading,
                text: text.into_owned(),
                wording: hit
                    .wording
                    .as_ref()
                    .map(|w| corpus.passage(w).1.into_owned()),
                score: (f64::from(hit.score) * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    if json {
        let hits: Vec<serde_json::Value> = hits
            .iter()
            .map(|hit| {
                serde_json::json!({
                    "notice": hit.notice,
                    "section": hit.section,
                    "heading": hit.heading,
                    "text": hit.shown_text(),
                    "wording": hit.wording,
                    "score": hit.score,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(hits));
    } else if hits.is_empty() {
        println!(
            "No results for \"{}\". Try other words, or ask the notice's Data Protection Officer.",
            shown(&question)
        );
    } else {
        for (i, hit) in hits.iter().enumerate() {
            println!(
                "{}. {} (#{}, {}) score {:.3}\n   {}",
                i + 1,
                hit.heading,
                hit.section,
                hit.notice,
                hit.score,
                shown(&hit.text)
            );
            if let Some(wording) = &hit.wording {
                println!("   What the notice says: {}", shown(wording));
            }
            println!();
        }
    }
    Ok(ExitCode::SUCCESS)
}
