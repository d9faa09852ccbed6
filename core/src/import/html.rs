//! A saved HTML page as [`Line`]s: each block (paragraph, heading, list
//! item, table row, line of an address) a line, as a browser shows it.
//! Scripts, styles and templates are never read; the site around the
//! notice (what is outside `<main>`, navigation, cookie banners, share and
//! feedback blocks) is marked as furniture, with why.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::page::{Line, Shape};

/// What the importer reads from an HTML page besides its lines.
pub struct HtmlPage {
    pub lines: Vec<Line>,
    /// The `lang` of `<html>`.
    pub language: Option<String>,
    /// The text of `<title>`, for a page with no heading.
    pub head_title: Option<String>,
    /// The address in a `<!-- Source: https://… -->` comment.
    pub source_url: Option<String>,
}

/// Elements whose content a family never reads as text.
const NEVER_READ: &[&str] = &[
    "script", "style", "template", "noscript", "head", "svg", "iframe", "object", "select",
    "textarea", "canvas",
];
/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "address",
    "blockquote",
    "pre",
    "li",
    "dt",
    "dd",
    "dl",
    "ul",
    "ol",
    "table",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "button",
    "label",
    "hr",
    "body",
];
/// Words in a container's class or id that mark it as the site around the notice.
const FURNITURE_WORDS: &[(&str, &str)] = &[
    ("cookie", "a cookie notice"),
    ("cookies", "a cookie notice"),
    ("consent", "a cookie notice"),
    ("breadcrumb", "the breadcrumb"),
    ("breadcrumbs", "the breadcrumb"),
    ("skip", "a skip link"),
    ("share", "share links"),
    ("sharing", "share links"),
    ("social", "share links"),
    ("feedback", "a feedback form"),
    ("tools", "page tools"),
    ("actions", "page tools"),
    ("print", "page tools"),
    ("related", "related links"),
];

/// Reads `source` as HTML (html5ever: broken markup is read as browsers read it).
pub fn page(source: &str) -> HtmlPage {
    let document = Html::parse_document(source);
    let has_main = document.tree.nodes().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| e.name() == "main" || e.attr("role") == Some("main"))
    });
    let mut reader = Reader {
        lines: Vec::new(),
        buffer: String::new(),
        furniture: Vec::new(),
        never_read: None,
        in_main: 0,
        has_main,
        heading: None,
        bold: None,
        lists: Vec::new(),
        item_open: false,
        row_cells: 0,
        row_has_data: false,
    };
    let mut language = None;
    let mut head_title = None;
    let mut source_url = None;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if name == "html" {
                        language = element.attr("lang").map(|l| l.trim().to_string());
                    }
                    if name == "title" && head_title.is_none() {
                        let text: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect();
                        head_title = Some(collapse(&text)).filter(|t| !t.is_empty());
                    }
                    reader.open(node, element);
                    if reader.never_read.is_none() && name == "p" && is_bold_only(node) {
                        reader.bold = Some(node.id());
                    }
                }
                Node::Text(text) => reader.text(text),
                Node::Comment(comment) if source_url.is_none() => {
                    source_url = comment
                        .trim()
                        .strip_prefix("Source:")
                        .map(|u| u.trim().to_string())
                        .filter(|u| u.starts_with("https://") && !u.contains(char::is_whitespace));
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    reader.close(node.id(), element.name());
                }
            }
        }
    }
    reader.flush();
    HtmlPage {
        lines: reader.lines,
        language: language.filter(|l| !l.is_empty()),
        head_title,
        source_url,
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether a `<p>` holds one `<strong>` or `<b>` and nothing else.
fn is_bold_only(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let mut bold = 0;
    for child in node.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e) if matches!(e.name(), "strong" | "b") => bold += 1,
            _ => return false,
        }
    }
    bold == 1
}

/// Whitespace collapsed as a browser shows it (a no-break space is a space).
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list being read: its kind and the number of its next item.
struct List {
    ordered: Option<char>,
    next: u32,
}

struct Reader {
    lines: Vec<Line>,
    /// Text of the block being read; `\n` where a `<br>` breaks it.
    buffer: String,
    /// Open furniture containers, innermost last.
    furniture: Vec<(NodeId, &'static str)>,
    /// The element being skipped unread (a script, a style…).
    never_read: Option<NodeId>,
    in_main: usize,
    has_main: bool,
    heading: Option<u8>,
    bold: Option<NodeId>,
    lists: Vec<List>,
    /// A list item whose first line is still to come, with its marker.
    item_open: bool,
    row_cells: usize,
    /// A table row with data cells is being read: it becomes a list item
    /// ("Record - period"); a row of header cells, a paragraph.
    row_has_data: bool,
}

impl Reader {
    fn open(&mut self, node: ego_tree::NodeRef<'_, Node>, element: &scraper::node::Element) {
        let id = node.id();
        if self.never_read.is_some() {
            return;
        }
        let name = element.name();
        if NEVER_READ.contains(&name) {
            self.never_read = Some(id);
            return;
        }
        if BLOCKS.contains(&name) {
            self.flush();
            // A block inside a heading (a broken page's unclosed `<h2>`)
            // ends the heading's text: what follows is wording.
            if !is_heading(name) {
                self.heading = None;
            }
        }
        if name == "main" || element.attr("role") == Some("main") {
            self.in_main += 1;
        }
        let furniture = furniture_by_markup(node, element)
            .or_else(|| furniture_by_class(element).filter(|_| is_small(node)));
        if let Some(why) = furniture {
            self.furniture.push((id, why));
        }
        match name {
            "br" => self.buffer.push('\n'),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading = name[1..].parse().ok();
            }
            "ul" | "ol" | "menu" => {
                let ordered = (name == "ol").then(|| {
                    element
                        .attr("type")
                        .and_then(|t| t.chars().next())
                        .unwrap_or('1')
                });
                let next = element
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push(List { ordered, next });
            }
            "li" => self.item_open = true,
            "tr" => {
                self.row_cells = 0;
                self.row_has_data = false;
            }
            "td" | "th" => {
                self.row_has_data |= name == "td";
                if self.row_cells > 0 {
                    self.buffer.push_str(" - ");
                }
                self.row_cells += 1;
            }
            _ => {}
        }
    }

    fn close(&mut self, id: NodeId, name: &str) {
        if let Some(skipped) = self.never_read {
            if skipped == id {
                self.never_read = None;
            }
            return;
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = None,
            "ul" | "ol" | "menu" => {
                self.lists.pop();
            }
            "li" => self.item_open = false,
            "tr" => self.row_has_data = false,
            "main" => self.in_main = self.in_main.saturating_sub(1),
            _ => {}
        }
        if self.bold == Some(id) {
            self.bold = None;
        }
        if self.furniture.last().is_some_and(|(open, _)| *open == id) {
            self.furniture.pop();
        }
    }

    fn text(&mut self, text: &str) {
        // The page's own line breaks are spaces, as a browser shows them;
        // only a `<br>` breaks a line.
        if self.never_read.is_none() {
            self.buffer.extend(
                text.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c }),
            );
        }
    }

    /// Ends the block being read: a line for each of its `<br>`-broken parts.
    fn flush(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        let furniture = self
            .furniture
            .last()
            .map(|(_, why)| *why)
            .or((self.has_main && self.in_main == 0).then_some("outside the page's main content"));
        let mut first = true;
        for part in buffer.split('\n') {
            let text = collapse(part);
            if text.is_empty() {
                continue;
            }
            let (shown, text, shape) = if first && self.item_open {
                self.item_open = false;
                let depth = self.lists.len().saturating_sub(1);
                match self.lists.last_mut() {
                    Some(List {
                        ordered: Some(kind),
                        next,
                    }) => {
                        let numbered = format!("{}. {text}", list_number(*kind, *next));
                        *next += 1;
                        (
                            numbered.clone(),
                            numbered,
                            Shape::Item {
                                depth,
                                numbered: true,
                            },
                        )
                    }
                    _ => (
                        format!("• {text}"),
                        text,
                        Shape::Item {
                            depth,
                            numbered: false,
                        },
                    ),
                }
            } else if first && self.row_has_data {
                (
                    text.clone(),
                    text,
                    Shape::Item {
                        depth: 0,
                        numbered: false,
                    },
                )
            } else if let Some(level) = self.heading {
                (text.clone(), text, Shape::Heading(level))
            } else if self.bold.is_some() {
                (text.clone(), text, Shape::Bold)
            } else {
                (text.clone(), text, Shape::Text)
            };
            let mut line = Line::new(shown, text, shape, first);
            line.furniture = furniture;
            self.lines.push(line);
            first = false;
        }
    }
}

/// Whether an element holds little text: a cookie banner, a breadcrumb or
/// share links do; a page's content, whatever its class ("social-care"),
/// does not. The look is capped, so it stays linear in the page.
fn is_small(node: ego_tree::NodeRef<'_, Node>) -> bool {
    const MOST_TEXT: usize = 800;
    const MOST_NODES: usize = 400;
    let mut text = 0;
    for (seen, descendant) in node.descendants().enumerate() {
        if seen > MOST_NODES {
            return false;
        }
        if let Node::Text(t) = descendant.value() {
            text += t.trim().len();
            if text > MOST_TEXT {
                return false;
            }
        }
    }
    true
}

/// Why `element` is the site around the notice, by what it is: a
/// navigation, the site's header or footer, a side panel, a form. (An
/// article's own `<header>`, the one with the `<h1>`, is the notice's.)
fn furniture_by_markup(
    node: ego_tree::NodeRef<'_, Node>,
    element: &scraper::node::Element,
) -> Option<&'static str> {
    let by_role = match element.attr("role") {
        Some("navigation") => Some("navigation"),
        Some("banner") => Some("the site's header"),
        Some("contentinfo") => Some("the site's footer"),
        Some("search") => Some("a search form"),
        Some("dialog" | "alertdialog") => Some("a pop-up"),
        _ => None,
    };
    let by_name = match element.name() {
        "nav" => Some("navigation"),
        "header" if !holds_h1(node) => Some("the site's header"),
        "footer" => Some("the site's footer"),
        "aside" => Some("a side panel"),
        "form" => Some("a form"),
        "button" => Some("a button"),
        _ => None,
    };
    by_role.or(by_name)
}

/// Whether the page's `<h1>` is inside `node` (looked for among its first
/// thousand elements, so the look stays linear).
fn holds_h1(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.descendants()
        .take(1000)
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "h1"))
}

/// Why `element` is the site around the notice, by a word of its class or
/// label: "cookie-banner", "breadcrumb", "share-links", "page-tools". (Not
/// by its id: a section's id, "sharing" or "cookies", names its topic.)
fn furniture_by_class(element: &scraper::node::Element) -> Option<&'static str> {
    if is_heading(element.name()) || matches!(element.name(), "body" | "main" | "article") {
        return None;
    }
    [element.attr("class"), element.attr("aria-label")]
        .into_iter()
        .flatten()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()))
        .find_map(|word| {
            let word = word.to_ascii_lowercase();
            FURNITURE_WORDS
                .iter()
                .find(|(w, _)| *w == word)
                .map(|(_, why)| *why)
        })
}

/// An ordered list's `n`th marker in the style `kind` (`1`, `a`, `A`, `i`, `I`).
fn list_number(kind: char, n: u32) -> String {
    let letter = |base: u8| {
        let n = n.clamp(1, 26) as u8;
        char::from(base + n - 1).to_string()
    };
    match kind {
        'a' => letter(b'a'),
        'A' => letter(b'A'),
        'i' => roman(n).to_lowercase(),
        'I' => roman(n),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const NUMERALS: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(html: &str) -> Vec<(String, Shape, bool)> {
        page(html)
            .lines
            .into_iter()
            .map(|l| (l.shown, l.shape, l.furniture.is_some()))
            .collect()
    }

    #[test]
    fn blocks_lists_and_furniture_are_read_as_a_browser_shows_them() {
        let lines = shown(
            "<html lang=cy><head><title>T</title><style>p{}</style></head><body>\
             <nav><a href=/>Home</a></nav><main><h1>Title</h1>\
             <p>Line one<br>line&nbsp;two\n and more</p><ol type=a><li>first<ul><li>inner</li></ul></li><li>second</li></ol>\
             <p><strong>Bold heading</strong></p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
             <script>var x = '<p>never</p>';</script><div class=share-links><a>Share</a></div></main>",
        );
        let expected = [
            ("Home", Shape::Text, true),
            ("Title", Shape::Heading(1), false),
            ("Line one", Shape::Text, false),
            ("line two and more", Shape::Text, false),
            (
                "a. first",
                Shape::Item {
                    depth: 0,
                    numbered: true,
                },
                false,
            ),
            (
                "• inner",
                Shape::Item {
                    depth: 1,
                    numbered: false,
                },
                false,
            ),
            (
                "b. second",
                Shape::Item {
                    depth: 0,
                    numbered: true,
                },
                false,
            ),
            ("Bold heading", Shape::Bold, false),
            ("A - B", Shape::Text, false),
            (
                "1 - 2",
                Shape::Item {
                    depth: 0,
                    numbered: false,
                },
                false,
            ),
            ("Share", Shape::Text, true),
        ];
        let got: Vec<_> = lines
            .iter()
            .map(|(s, sh, f)| (s.as_str(), *sh, *f))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn the_notice_is_not_taken_for_furniture_by_its_class_or_header() {
        let long = "We use your information to keep children safe. ".repeat(30);
        let lines = shown(&format!(
            "<header class=site><a>Home</a></header><article class=social-care-notice>\
             <header><h1>Notice</h1></header><p>{long}</p><h2 id=sharing>Sharing</h2>\
             <div class=share><a>Share</a></div></article>"
        ));
        let furniture: Vec<(&str, bool)> = lines
            .iter()
            .map(|(s, _, f)| (&s[..s.len().min(5)], *f))
            .collect();
        assert_eq!(
            furniture,
            [
                ("Home", true),
                ("Notic", false),
                ("We us", false),
                ("Shari", false),
                ("Share", true)
            ]
        );
    }

    #[test]
    fn the_language_title_and_source_are_read() {
        let page = page(
            "<!-- Source: https://x.example/p --><html lang=\"en-GB\"><title> A  page </title><p>x",
        );
        assert_eq!(page.language.as_deref(), Some("en-GB"));
        assert_eq!(page.head_title.as_deref(), Some("A page"));
        assert_eq!(page.source_url.as_deref(), Some("https://x.example/p"));
    }
}
