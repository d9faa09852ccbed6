//! From a page's lines to a notice's outline: the title, the dates, the
//! sections at the page's headings with their wording, and the furniture
//! left out, each line given exactly one place, in order.
//!
//! HTML says which lines are headings; a copied text does not, so its
//! headings are inferred from how councils lay pages out: a contents list
//! that names them, numbers (`2.`, `2.1`), a copied definition list's
//! terms, or a short line with no closing full stop that stands alone and
//! is followed by text (a question, a line in capitals). Each inferred
//! heading says how it was found, for the draft's comment.

use std::collections::{HashMap, HashSet};

use super::page::{Line, Shape};

/// How a section's heading was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingFrom {
    /// An `<h2>`…`<h6>` of the page: not inferred.
    Markup,
    /// A paragraph in bold and nothing else.
    Bold,
    /// A line the page's contents list names.
    Contents,
    /// A line numbered like a heading (`3.`, `3.1`).
    Numbered,
    /// A copied definition list's term (`- Term` above a bare `-`).
    Term,
    /// A line in capitals.
    Capitals,
    /// A question standing alone, followed by text.
    Question,
    /// A short line with no closing full stop, standing alone, followed by text.
    ShortLine,
    /// None on the page: the wording before the first heading needs one.
    Added,
}

impl HeadingFrom {
    /// Why the importer took the line as a heading: the draft's comment.
    pub fn reason(self) -> Option<&'static str> {
        Some(match self {
            HeadingFrom::Markup => return None,
            HeadingFrom::Bold => "heading inferred: a paragraph in bold on the page",
            HeadingFrom::Contents => "heading inferred: the page's contents list names it",
            HeadingFrom::Numbered => "heading inferred: a line numbered like a heading",
            HeadingFrom::Term => "heading inferred: a term of the page's list of headings and text",
            HeadingFrom::Capitals => "heading inferred: a line in capitals",
            HeadingFrom::Question => {
                "heading inferred: a question on a line of its own, followed by text"
            }
            HeadingFrom::ShortLine => {
                "heading inferred: a short line with no full stop, followed by text"
            }
            HeadingFrom::Added => {
                "heading added: the page has none before this wording; keep it or write your own"
            }
        })
    }
}

/// A block of a section's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph: its lines (an address keeps one line per part).
    Paragraph(Vec<String>),
    /// A list item; `nested` when the page put it inside another item.
    Item { text: String, nested: bool },
}

/// A section of the draft.
#[derive(Clone, Debug)]
pub struct Section {
    pub heading: String,
    pub from: HeadingFrom,
    pub blocks: Vec<Block>,
    /// Lower headings kept in the wording as paragraphs of their own.
    pub sub_headings: Vec<String>,
}

/// Which date a line states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Published,
    Updated,
}

/// What the page's lines become.
#[derive(Debug, Default)]
pub struct Outline {
    pub title: Option<String>,
    pub published: Option<String>,
    pub last_updated: Option<String>,
    /// A first line `Source: https://…` (how a saved text can keep its address).
    pub source_url: Option<String>,
    /// Lines left out of the wording, as the page shows them, with why.
    pub removed: Vec<(String, &'static str)>,
    pub sections: Vec<Section>,
    /// How many times the page hides an email address (`[email protected]`).
    pub hidden_emails: usize,
}

/// Cloudflare's stand-in for an email address it hides.
pub const HIDDEN_EMAIL: &str = "[email protected]";

/// The place each line takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Furniture(&'static str),
    Date(DateKind),
    Title,
    Heading(u8, HeadingFrom),
    Wording,
}

/// Lines a page's furniture starts its closing part with (share, print,
/// feedback, back to top), in lower case without closing punctuation.
const TRAILER_STARTS: &[&str] = &[
    "share this page",
    "share on facebook",
    "share",
    "print this page",
    "print",
    "email this page",
    "back to top",
    "return to top",
    "was this page helpful",
    "was this page useful",
    "is this page useful",
    "did you find this page useful",
    "did you find what you were looking for",
    "report a problem with this page",
    "give feedback on this page",
    "website feedback",
    "related content",
    "related pages",
    "related links",
];
/// Labels of a contents list.
const CONTENTS_LABELS: &[&str] = &[
    "contents",
    "on this page",
    "table of contents",
    "page contents",
    "in this notice",
    "in this privacy notice",
    "jump to",
    "sections",
];
/// How a line pointing to another page starts (the link does not come along).
const LINK_LINES: &[&str] = &[
    "find more information about",
    "find out more about",
    "more information about",
    "read more about",
    "learn more about",
];
/// Labels of a date line, in lower case, with the date they give.
const DATE_LABELS: &[(&str, DateKind)] = &[
    ("page last updated", DateKind::Updated),
    ("last updated on", DateKind::Updated),
    ("last updated", DateKind::Updated),
    ("updated on", DateKind::Updated),
    ("updated", DateKind::Updated),
    ("last modified on", DateKind::Updated),
    ("last modified", DateKind::Updated),
    ("page last modified", DateKind::Updated),
    ("last revised", DateKind::Updated),
    ("date updated", DateKind::Updated),
    ("first published", DateKind::Published),
    ("date published", DateKind::Published),
    ("published on", DateKind::Published),
    ("published", DateKind::Published),
];

/// The outline of a page's `lines`. `spaced`: a copied text with blank
/// lines between its blocks (or HTML), where a heading stands alone.
pub fn outline(lines: &[Line], spaced: bool, html: bool) -> Outline {
    let mut out = Outline::default();
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| l.furniture.map_or(Role::Wording, Role::Furniture))
        .collect();

    if !html
        && let Some(url) = lines
            .first()
            .and_then(|l| l.text.strip_prefix("Source:"))
            .map(str::trim)
            .filter(|u| u.starts_with("https://") && !u.contains(char::is_whitespace))
    {
        out.source_url = Some(url.to_string());
        roles[0] = Role::Furniture("the page's address");
    }
    for (line, role) in lines.iter().zip(roles.iter_mut()) {
        if lower(&line.text).starts_with("skip to ") {
            *role = Role::Furniture("a skip link");
        }
    }

    let title = find_title(lines, &roles, html);
    if let Some(t) = title {
        for role in roles.iter_mut().take(t) {
            if matches!(role, Role::Wording) {
                *role = Role::Furniture("before the title: the site's header, menus or breadcrumb");
            }
        }
        roles[t] = Role::Title;
        out.title = Some(lines[t].text.clone());
    }
    let start = title.map_or(0, |t| t + 1);

    mark_dates(lines, &mut roles, &mut out);
    mark_trailer(lines, &mut roles, start);
    let listed = mark_contents(lines, &mut roles, start);
    for (line, role) in lines.iter().zip(roles.iter_mut()).skip(start) {
        if *role == Role::Wording && is_link_line(&line.text) {
            *role = Role::Furniture("a link to another page");
        }
    }
    if html {
        mark_html_headings(lines, &mut roles, start);
    } else {
        mark_text_headings(lines, &mut roles, start, spaced, &listed);
    }
    out.sections = sections(lines, &roles, spaced || html, &mut out.hidden_emails);
    for (line, role) in lines.iter().zip(&roles) {
        match role {
            Role::Furniture(why) => out.removed.push((line.shown.clone(), why)),
            Role::Date(_) => out
                .removed
                .push((line.shown.clone(), "a date, kept as its field")),
            _ => {}
        }
    }
    out
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// `text` in lower case without closing punctuation or spaces.
fn bare(text: &str) -> String {
    lower(text.trim().trim_end_matches(['.', '?', '!', ':', ' ']))
}

/// The heading number a line starts with (`3.`, `2.1`, `2.1.`) as its
/// depth, and the rest of the line.
fn heading_number(text: &str) -> Option<(u8, &str)> {
    let (number, rest) = text.split_once(' ')?;
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (numeric && parts.len() <= 4 && !rest.trim().is_empty())
        .then(|| (parts.len() as u8, rest.trim()))
}

/// Whether `text` reads as a label and its value: `Email: …`, `Name: …`.
fn is_label_line(text: &str) -> bool {
    text.split_once(": ")
        .is_some_and(|(label, _)| label.split_whitespace().count() <= 4)
}

/// Whether `text` could be a heading or a title: a short phrase with no
/// sentence break and no closing full stop, comma, semicolon or colon.
fn looks_like_heading(text: &str) -> bool {
    let text = heading_number(text).map_or(text, |(_, rest)| rest).trim();
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(');
    starts_well
        && (2..=120).contains(&chars)
        && words <= 16
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ',', ';', ':'])
        && ![". ", "? ", "! ", "; "].iter().any(|p| text.contains(p))
        && !text.contains('@')
        && !text.contains("://")
        && !text.contains(HIDDEN_EMAIL)
        && !is_label_line(text)
}

/// How much a line reads as a notice's title.
fn title_score(text: &str) -> u8 {
    let text = lower(text);
    if [
        "privacy notice",
        "privacy statement",
        "privacy policy",
        "fair processing",
    ]
    .iter()
    .any(|p| text.contains(p))
    {
        3
    } else if text.contains("notice") {
        2
    } else if text.contains("privacy") || text.contains("data protection") {
        1
    } else {
        0
    }
}

/// Lines of a breadcrumb: a run that starts at "Home" (one line, one part
/// per line, or a numbered list), or a line of parts split by `›`, `>`,
/// `/` or `»`.
fn breadcrumb_lines(lines: &[Line]) -> Vec<bool> {
    let mut marked = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i]
            .text
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim();
        let separators = [" › ", " > ", " / ", " » "]
            .iter()
            .map(|s| text.matches(s).count())
            .max()
            .unwrap_or(0);
        if separators >= 2 || lower(text) == "you are here" {
            marked[i] = true;
        }
        if text.starts_with("Home ") && !text.ends_with('.') {
            marked[i] = true;
        }
        if text == "Home" {
            marked[i] = true;
            let mut j = i + 1;
            while j < lines.len() && !lines[j].gap_before && lines[j].text.chars().count() <= 80 {
                marked[j] = true;
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    marked
}

/// The title's line: the page's `<h1>`, or in a copied text the line near
/// the top that reads most as a notice's title.
fn find_title(lines: &[Line], roles: &[Role], html: bool) -> Option<usize> {
    let open = |i: &usize| roles[*i] == Role::Wording;
    if html {
        let headings = || {
            (0..lines.len())
                .filter(open)
                .filter(|&i| matches!(lines[i].shape, Shape::Heading(_)))
        };
        return headings()
            .find(|&i| lines[i].shape == Shape::Heading(1))
            .or_else(|| headings().next());
    }
    let crumbs = breadcrumb_lines(lines);
    let region = lines.len().div_ceil(4).max(15).min(lines.len());
    (0..region)
        .filter(open)
        .filter(|&i| !crumbs[i] && !lines[i].is_item() && looks_like_heading(&lines[i].text))
        .map(|i| (title_score(&lines[i].text), i))
        .filter(|(score, _)| *score > 0)
        .max_by_key(|&(score, i)| (score, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// A date line: `Updated: 9 January 2025`, `Last modified on 14 March
/// 2025`, `First published: 1 September 2018`. The date is kept as the
/// page writes it.
fn date_line(text: &str) -> Option<(DateKind, &str)> {
    if text.chars().count() > 80 {
        return None;
    }
    let low = lower(text);
    let (label, kind) = DATE_LABELS
        .iter()
        .find(|(label, _)| low.starts_with(label))?;
    let rest = text.get(label.len()..)?.trim_start_matches([':', ' ']);
    (starts_like_a_date(rest) && has_year(rest)).then_some((*kind, rest.trim()))
}

/// Whether `text` starts as a date does: a day's number, a month or a
/// weekday ("9 January 2025", "June 2024", "Monday, 3 February 2025"),
/// not a sentence ("Updated guidance was issued in 2019").
fn starts_like_a_date(text: &str) -> bool {
    const NAMES: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
        "tue", "wed", "thu", "fri", "sat", "sun",
    ];
    let first = lower(text.split_whitespace().next().unwrap_or(""));
    first.starts_with(|c: char| c.is_ascii_digit()) || NAMES.iter().any(|n| first.starts_with(n))
}

/// Whether `text` names a year (four digits from 1900 to 2099).
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

fn mark_dates(lines: &[Line], roles: &mut [Role], out: &mut Outline) {
    let found = |kind: DateKind, value: &str, out: &mut Outline| {
        let field = match kind {
            DateKind::Published => &mut out.published,
            DateKind::Updated => &mut out.last_updated,
        };
        if field.is_none() {
            *field = Some(value.to_string());
        }
    };
    for i in 0..lines.len() {
        if matches!(roles[i], Role::Title) {
            continue;
        }
        let text = &lines[i].text;
        if let Some((kind, value)) = date_line(text) {
            roles[i] = Role::Date(kind);
            found(kind, value, out);
            continue;
        }
        // A label on its own, its date on the next line (a definition list).
        let label = DATE_LABELS.iter().find(|(l, _)| bare(text) == *l);
        if let (Some((_, kind)), Some(next)) = (label, lines.get(i + 1))
            && next.text.chars().count() <= 40
            && has_year(&next.text)
        {
            roles[i] = Role::Date(*kind);
            roles[i + 1] = Role::Date(*kind);
            found(*kind, &next.text, out);
        }
    }
}

/// From the first line of the page's closing furniture (share, print,
/// feedback, back to top) after some wording, every line is furniture.
fn mark_trailer(lines: &[Line], roles: &mut [Role], start: usize) {
    let mut wording = 0;
    for i in start..lines.len() {
        if roles[i] != Role::Wording {
            continue;
        }
        let text = bare(&lines[i].text);
        // "Share" alone, or "Share this page…", starts it; "Share information
        // with…" is wording.
        let starts = TRAILER_STARTS.iter().any(|t| {
            text == *t
                || (t.contains(' ')
                    && text.chars().count() <= 60
                    && text.starts_with(&format!("{t} ")))
        });
        if wording > 0 && starts {
            for role in &mut roles[i..] {
                if matches!(role, Role::Wording | Role::Furniture(_)) {
                    *role = Role::Furniture(
                        "after the notice: share, print, feedback and the site's footer",
                    );
                }
            }
            return;
        }
        wording += 1;
    }
}

/// A contents list (`Contents`, `On this page`, then lines that repeat
/// later lines) is furniture, and the lines it names are headings: their
/// folded texts are returned.
fn mark_contents(lines: &[Line], roles: &mut [Role], start: usize) -> HashSet<String> {
    let fold = |text: &str| lower(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(label) = (start..lines.len()).find(|&i| {
        roles[i] == Role::Wording && CONTENTS_LABELS.contains(&bare(&lines[i].text).as_str())
    }) else {
        return HashSet::new();
    };
    // Where each line's text last stands as a line of its own, folded.
    let mut last_at: HashMap<String, usize> = HashMap::new();
    for (at, line) in lines.iter().enumerate().skip(label) {
        if !line.is_item() {
            last_at.insert(fold(&line.text), at);
        }
    }
    for i in label..lines.len() {
        if roles[i] != Role::Wording || !CONTENTS_LABELS.contains(&bare(&lines[i].text).as_str()) {
            continue;
        }
        let mut entries = HashSet::new();
        let mut j = i + 1;
        while j < lines.len() && roles[j] == Role::Wording {
            let entry = fold(&lines[j].text);
            let repeated = last_at.get(&entry).is_some_and(|&at| at > j);
            if !repeated {
                break;
            }
            entries.insert(entry);
            j += 1;
        }
        if entries.len() >= 2 {
            for role in &mut roles[i..j] {
                *role = Role::Furniture("the page's contents list, which repeats its headings");
            }
            return entries;
        }
    }
    HashSet::new()
}

fn is_link_line(text: &str) -> bool {
    let low = lower(text);
    LINK_LINES.iter().any(|l| low.starts_with(l))
        && text.chars().count() <= 150
        && !text.trim_end_matches('.').contains(". ")
}

/// HTML headings: `<h2>`… as they are; a bold paragraph that reads as a
/// heading is one at the level of the page's sections.
fn mark_html_headings(lines: &[Line], roles: &mut [Role], start: usize) {
    let open = |i: usize, roles: &[Role]| roles[i] == Role::Wording;
    let section_level = (start..lines.len())
        .filter(|&i| open(i, roles))
        .filter_map(|i| match lines[i].shape {
            Shape::Heading(level) if level > 1 => Some(level),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    for i in start..lines.len() {
        if !open(i, roles) {
            continue;
        }
        match lines[i].shape {
            Shape::Heading(level) => roles[i] = Role::Heading(level.max(2), HeadingFrom::Markup),
            // A bold line on a topic notices have ("Who we share information
            // with") heads a section; another ("Information about parents") is
            // a lower heading.
            Shape::Bold
                if looks_like_heading(&lines[i].text) && followed_by_wording(lines, roles, i) =>
            {
                let level = match super::topic(&lines[i].text) {
                    Some(_) => section_level,
                    None => section_level + 1,
                };
                roles[i] = Role::Heading(level, HeadingFrom::Bold)
            }
            _ => {}
        }
    }
}

/// Whether the next line after `i` is the page's wording.
fn followed_by_wording(lines: &[Line], roles: &[Role], i: usize) -> bool {
    lines.get(i + 1).is_some() && roles.get(i + 1) == Some(&Role::Wording)
}

/// Headings in a copied text. A page keeps to one way of writing them:
/// a definition list's terms, or numbers, if it uses them; else the lines
/// its contents list names, and short lines standing alone.
fn mark_text_headings(
    lines: &[Line],
    roles: &mut [Role],
    start: usize,
    spaced: bool,
    listed: &HashSet<String>,
) {
    let open = |i: usize, roles: &[Role]| roles[i] == Role::Wording;
    let terms: Vec<usize> = (start..lines.len())
        .filter(|&i| open(i, roles) && lines[i].is_item())
        .filter(|&i| lines.get(i + 1).is_some_and(|n| n.shape == Shape::BareMark))
        .collect();
    if terms.len() >= 2 {
        for i in terms {
            roles[i] = Role::Heading(1, HeadingFrom::Term);
        }
        // The label-and-value pairs above the first term describe the page.
        if let Some(first) = (start..lines.len()).find(|&i| matches!(roles[i], Role::Heading(..))) {
            for i in start..first {
                if open(i, roles) && lines[i].is_item() {
                    roles[i] = Role::Furniture("the page's details above the notice");
                }
            }
        }
        return;
    }
    let alone = |i: usize, roles: &[Role]| {
        let line = &lines[i];
        let before = i.checked_sub(1).map(|p| &lines[p]);
        // What a colon introduces is not a heading (an address after "write to:"),
        // unless it stands alone in a page whose blocks are apart.
        let introduced =
            before.is_some_and(|b| b.text.ends_with(':') && roles[i - 1] == Role::Wording);
        if introduced && !(spaced && line.gap_before) {
            return false;
        }
        let Some(next) = lines.get(i + 1) else {
            return false;
        };
        if roles[i + 1] != Role::Wording && !matches!(roles[i + 1], Role::Date(_)) {
            return false;
        }
        if spaced {
            // Apart from what comes before, and from what follows, unless
            // what follows is a sentence of wording ("Who we are" straight
            // above "We are the council…").
            let sentence_next =
                next.text.chars().count() >= 60 && next.text.ends_with(['.', ':', '!', '?']);
            line.gap_before && (next.gap_before || next.is_item() || sentence_next)
        } else {
            let ends_block = before.is_none_or(|b| {
                b.is_item() || b.text.ends_with(['.', '!', '?', ')']) || looks_like_heading(&b.text)
            });
            let wording_next = next.is_item()
                || next.text.chars().count() >= 60
                || next.text.ends_with(['.', ':']);
            ends_block && wording_next
        }
    };
    // A numbered heading has wording under it: a line numbered as the
    // next one at its level, straight after it, makes them a list.
    let number_depth = |i: usize| heading_number(&lines[i].text).map(|(depth, _)| depth);
    let numbered: Vec<(usize, u8)> = (start..lines.len())
        .filter(|&i| open(i, roles) && lines[i].indent == 0 && alone(i, roles))
        .filter_map(|i| {
            let (depth, rest) = heading_number(&lines[i].text)?;
            let list = i + 1 < lines.len() && number_depth(i + 1) == Some(depth);
            (looks_like_heading(rest) && !list).then_some((i, depth))
        })
        .collect();
    if numbered.len() >= 3 {
        for (i, depth) in numbered {
            roles[i] = Role::Heading(depth, HeadingFrom::Numbered);
        }
        return;
    }
    let fold = |text: &str| lower(text).split_whitespace().collect::<Vec<_>>().join(" ");
    for i in start..lines.len() {
        if !open(i, roles) || lines[i].is_item() || lines[i].shape == Shape::BareMark {
            continue;
        }
        let text = &lines[i].text;
        if listed.contains(&fold(text)) {
            roles[i] = Role::Heading(1, HeadingFrom::Contents);
            continue;
        }
        if !looks_like_heading(text) || !alone(i, roles) {
            continue;
        }
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let from = if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
            HeadingFrom::Capitals
        } else if text.ends_with('?') {
            HeadingFrom::Question
        } else {
            HeadingFrom::ShortLine
        };
        // Under a contents list, a heading it does not name is a lower one.
        let level = if listed.is_empty() { 1 } else { 2 };
        roles[i] = Role::Heading(level, from);
    }
}

/// The sections: a new one at each heading of the page's highest level;
/// lower headings stay in the wording as paragraphs. A heading straight
/// after another (no wording between) is the first one's sub-heading.
fn sections(lines: &[Line], roles: &[Role], join_lines: bool, hidden: &mut usize) -> Vec<Section> {
    let level = roles
        .iter()
        .filter_map(|r| match r {
            Role::Heading(level, _) => Some(*level),
            _ => None,
        })
        .min();
    let mut sections: Vec<Section> = Vec::new();
    let mut open_paragraph = false;
    let current = |sections: &mut Vec<Section>| -> usize {
        if sections.is_empty() {
            sections.push(Section {
                heading: "About this notice".into(),
                from: HeadingFrom::Added,
                blocks: Vec::new(),
                sub_headings: Vec::new(),
            });
        }
        sections.len() - 1
    };
    for (line, role) in lines.iter().zip(roles) {
        let text = unhide(&line.text, hidden);
        match *role {
            Role::Heading(l, from) if Some(l) == level => {
                let empty = sections.last().is_some_and(|s| s.blocks.is_empty());
                if empty {
                    let s = sections.len() - 1;
                    sections[s].sub_headings.push(text.clone());
                    sections[s].blocks.push(Block::Paragraph(vec![text]));
                } else {
                    sections.push(Section {
                        heading: text,
                        from,
                        blocks: Vec::new(),
                        sub_headings: Vec::new(),
                    });
                }
                open_paragraph = false;
            }
            Role::Heading(..) => {
                let s = current(&mut sections);
                sections[s].sub_headings.push(text.clone());
                sections[s].blocks.push(Block::Paragraph(vec![text]));
                open_paragraph = false;
            }
            Role::Wording if line.shape == Shape::BareMark || text.is_empty() => {}
            Role::Wording => {
                let s = current(&mut sections);
                let blocks = &mut sections[s].blocks;
                if let Shape::Item { depth, .. } = line.shape {
                    blocks.push(Block::Item {
                        text,
                        nested: depth > 0,
                    });
                    open_paragraph = false;
                    continue;
                }
                match blocks.last_mut() {
                    Some(Block::Paragraph(parts))
                        if open_paragraph && join_lines && !line.gap_before =>
                    {
                        parts.push(text)
                    }
                    _ => blocks.push(Block::Paragraph(vec![text])),
                }
                open_paragraph = true;
            }
            _ => open_paragraph = false,
        }
    }
    // A heading with no wording after it at the page's end joins the section before.
    while sections.len() > 1 && sections.last().is_some_and(|s| s.blocks.is_empty()) {
        let last = sections.pop().expect("more than one section");
        let s = sections.len() - 1;
        sections[s].sub_headings.push(last.heading.clone());
        sections[s]
            .blocks
            .push(Block::Paragraph(vec![last.heading]));
    }
    sections
}

/// `text` without the stand-ins for hidden email addresses, counted.
fn unhide(text: &str, hidden: &mut usize) -> String {
    let count = text.matches(HIDDEN_EMAIL).count();
    if count == 0 {
        return text.to_string();
    }
    *hidden += count;
    text.replace(HIDDEN_EMAIL, "")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_shapes_are_told_apart() {
        for heading in [
            "Who we are",
            "Why do you need my information?",
            "2.1. What personal information do we hold about you?",
            "HOW LONG WE KEEP YOUR INFORMATION",
        ] {
            assert!(looks_like_heading(heading), "{heading}");
        }
        for not in [
            "Personal data we collect:",
            "Email: dpo@x.example",
            "We keep it. Then we delete it",
            "we keep it",
            "Helpline number: 0303 123 1113",
        ] {
            assert!(!looks_like_heading(not), "{not}");
        }
    }

    #[test]
    fn date_lines_keep_the_date_as_written() {
        assert_eq!(
            date_line("Updated: 9 January 2025"),
            Some((DateKind::Updated, "9 January 2025"))
        );
        assert_eq!(
            date_line("Last modified on 14 March 2025"),
            Some((DateKind::Updated, "14 March 2025"))
        );
        assert_eq!(
            date_line("First published: 1 September 2018"),
            Some((DateKind::Published, "1 September 2018"))
        );
        assert_eq!(date_line("Updated regularly"), None);
        assert_eq!(date_line("Updated guidance was issued in 2019"), None);
        assert_eq!(heading_number("2.1. What"), Some((2, "What")));
        assert_eq!(heading_number("1990 was a year"), None);
    }
}
