//! `notice import`: a notice file drafted from the page a council already
//! publishes (the text a browser copies from it, or the saved HTML),
//! keeping every line of it: each ends up in the title, a heading, a
//! section's wording or `removed` (the web page around the notice), in
//! order, and `notice import` proves it with [`crate::fidelity`].
//!
//! The draft states what the page states and nothing else: dates and
//! controller facts only as written there. Summaries and the explorer are
//! the author's to write: every summary is left empty, which `notice
//! check` lists as a to-do.
//!
//! `page` and `text`/`html` read the page as lines; `outline` finds the
//! title, dates, headings and furniture; `facts` the controller's facts;
//! `draft` writes the TOML.

mod draft;
mod facts;
mod html;
mod outline;
mod page;
mod text;

use std::fmt;

use crate::model::Notice;

use outline::HeadingFrom;

/// The largest page read: 1 MB, some ten times a saved council page with
/// its site around it. A notice's own text is a few tens of kilobytes.
pub const MAX_PAGE_BYTES: u64 = 1024 * 1024;

/// What the author tells the importer.
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    /// The notice's id (else from the title).
    pub id: Option<String>,
    /// The title, for a page without one.
    pub title: Option<String>,
    /// The wording's language when an HTML page does not say (`en-GB` if none).
    pub language: Option<String>,
    /// The page's address.
    pub url: Option<String>,
    /// The notice the draft extends: sections on its topics take its ids.
    pub extends: Option<&'a Notice>,
    /// What to call the page where nothing better is known: its file name.
    pub label: String,
}

/// A draft, with what the importer found.
#[derive(Debug)]
pub struct Imported {
    /// The notice file, as TOML.
    pub draft: String,
    /// The page as lines of text (a saved HTML page as a browser shows it):
    /// what [`crate::fidelity::compare`] checks the draft against.
    pub page_text: String,
    pub report: Report,
}

/// What the importer did with the page, for the person running it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub sections: usize,
    /// Section headings the page does not mark as headings (all, in a copied text).
    pub inferred: usize,
    /// Lines of the page left out as furniture (dates, kept as their fields, included).
    pub removed: usize,
    /// Lower headings kept as paragraphs of their section's wording.
    pub sub_headings: usize,
}

/// Why a page cannot be drafted: for the person running `notice import`.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    Unreadable(String),
    TooBig(u64),
    NotUtf8 { offset: usize, line: usize },
    Empty,
    NoHeadings,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unreadable(why) => write!(f, "cannot read it: {why}"),
            ImportError::TooBig(bytes) => write!(
                f,
                "it is {:.1} MB, and a page is read up to {} MB (a notice page is tens of kilobytes). Save the notice's page alone (\"Web page, HTML only\"), or copy its text into a .txt file",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
            ImportError::NotUtf8 { offset, line } => write!(
                f,
                "it is not UTF-8 text (the byte at offset {offset}, on line {line}, is not valid UTF-8). Save the page as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"
            ),
            ImportError::Empty => write!(
                f,
                "the page has no text. Save the notice's page as text (select all, copy, paste into a .txt file) or as HTML"
            ),
            ImportError::NoHeadings => write!(
                f,
                "no headings found, so no sections. If the page has headings, save it as HTML (which marks them), or put each heading on a line of its own with a blank line before and after it"
            ),
        }
    }
}

/// Reads a page from disk: a regular file of at most [`MAX_PAGE_BYTES`],
/// UTF-8 (a byte-order mark dropped), line endings made `\n`.
pub fn read_page(path: &std::path::Path) -> Result<String, ImportError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| ImportError::Unreadable(e.to_string());
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(ImportError::Unreadable(
            "it is not a file: name the saved page (.txt or .html)".into(),
        ));
    }
    if metadata.len() > MAX_PAGE_BYTES {
        return Err(ImportError::TooBig(metadata.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(ImportError::TooBig(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ImportError::NotUtf8 { offset, line }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Topics a section can be on, each with words of a heading on it, in
/// the order they are tried ("how we keep your information secure" is
/// about security before keeping).
const TOPICS: &[(&str, &[&str])] = &[
    (
        "security",
        &[
            "secure",
            "security",
            "safe",
            "protecting",
            "protect your",
            "protect personal",
            "protect information",
        ],
    ),
    ("retention", &["how long", "retention", "retain", "kept"]),
    ("rights", &["right"]),
    (
        "complaints",
        &["complain", "not happy", "unhappy", "concerns"],
    ),
    (
        "sharing",
        &[
            "share",
            "sharing",
            "allowed to see",
            "disclos",
            "recipients",
        ],
    ),
    (
        "lawful-basis",
        &["lawful", "legal basis", "legal reason", "law that", "basis"],
    ),
    (
        "sources",
        &[
            "where we get",
            "where do you get",
            "comes from",
            "come from",
            "how we collect",
            "where the information",
            "where your information",
        ],
    ),
    (
        "purposes",
        &[
            "why",
            "purpose",
            "what we use",
            "how we use",
            "use your",
            "use of your",
            "use personal",
            "using your",
        ],
    ),
    (
        "collect",
        &[
            "collect",
            "what information",
            "what personal",
            "we hold",
            "information do you",
            "information we use",
            "information we keep",
            "data we",
        ],
    ),
    ("who-we-are", &["who we are", "who are you", "about us"]),
    ("contact", &["contact"]),
    ("introduction", &["introduction", "about this notice"]),
];

/// The topic of a heading, if it names one.
pub(crate) fn topic(heading: &str) -> Option<&'static str> {
    let low = heading.to_lowercase();
    TOPICS
        .iter()
        .find(|(_, words)| words.iter().any(|w| low.contains(w)))
        .map(|(topic, _)| *topic)
}

/// Whether `page` is HTML rather than copied text.
fn is_html(page: &str) -> bool {
    let start: String = page
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<!--") && (start.contains("<html") || start.contains("<!doctype")))
        || (start.starts_with('<') && (start.contains("<body") || start.contains("<head")))
}

/// Drafts a notice file from `page`.
pub fn import(page: &str, options: &Options) -> Result<Imported, ImportError> {
    if page.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let named_html = [".html", ".htm"]
        .iter()
        .any(|e| options.label.to_lowercase().ends_with(e));
    let html = named_html || is_html(page);
    let (lines, language, head_title, source_url) = if html {
        let read = html::page(page);
        (read.lines, read.language, read.head_title, read.source_url)
    } else {
        (text::lines(page), None, None, None)
    };
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ImportError::Empty);
    }
    let blank_lines = page.lines().filter(|l| l.trim().is_empty()).count();
    let spaced = html || blank_lines * 5 >= lines.len();
    let mut outline = outline::outline(&lines, spaced, html);
    if outline
        .sections
        .iter()
        .all(|s| s.from == HeadingFrom::Added)
    {
        return Err(ImportError::NoHeadings);
    }
    if outline.title.is_none() {
        outline.title = head_title.filter(|_| options.title.is_none());
    }
    let page_text = lines
        .iter()
        .map(|l| l.shown.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let wording: Vec<(usize, String)> = outline
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            std::iter::once((i, s.heading.clone())).chain(s.blocks.iter().flat_map(move |b| {
                let lines = match b {
                    outline::Block::Paragraph(lines) => lines.clone(),
                    outline::Block::Item { text, .. } => vec![text.clone()],
                };
                lines.into_iter().map(move |l| (i, l))
            }))
        })
        .collect();
    let facts = facts::facts(&wording);
    let report = Report {
        sections: outline.sections.len(),
        inferred: outline
            .sections
            .iter()
            .filter(|s| !matches!(s.from, HeadingFrom::Markup | HeadingFrom::Added))
            .count(),
        removed: outline.removed.len(),
        sub_headings: outline.sections.iter().map(|s| s.sub_headings.len()).sum(),
    };
    let draft = draft::write(&draft::Draft {
        outline: &outline,
        facts: &facts,
        options,
        page_language: language,
        page_url: source_url.or(outline.source_url.clone()),
    });
    Ok(Imported {
        draft,
        page_text,
        report,
    })
}
