//! A page as lines: what a browser shows, one block (paragraph, list
//! item, heading, table row) or one line of a copied text per [`Line`],
//! with what the text or markup says about its shape.

/// One line of the page.
#[derive(Clone, Debug)]
pub struct Line {
    /// The line as the page shows it, bullet or number included: what
    /// `removed` lists and the fidelity check looks for.
    pub shown: String,
    /// The wording: [`Line::shown`] without a list's bullet (a number or
    /// letter the page writes stays, as part of the wording).
    pub text: String,
    pub shape: Shape,
    /// A blank line, or the edge of a block, comes before it: lines with
    /// no gap between them (an address split by `<br>`) are one paragraph.
    pub gap_before: bool,
    /// The markup says it is page furniture (a `<nav>`, a cookie banner,
    /// the footer), with why.
    pub furniture: Option<&'static str>,
    /// How far the line is indented in a copied text (0 in HTML).
    pub indent: usize,
}

/// What shape the page gives a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A line of text: a paragraph, or a line of one.
    Text,
    /// A list item, `depth` 0 in the outer list. `numbered` when the page
    /// writes its number or letter (`1.`, `(a)`), which stays in the text.
    Item { depth: usize, numbered: bool },
    /// A bullet with no text: in a copied definition list, the mark before
    /// a description (the line above it is the term).
    BareMark,
    /// An HTML heading, `h1`–`h6`.
    Heading(u8),
    /// A paragraph that is bold and nothing else: many CMSs' headings.
    Bold,
}

impl Line {
    pub fn new(shown: String, text: String, shape: Shape, gap_before: bool) -> Line {
        Line {
            shown,
            text,
            shape,
            gap_before,
            furniture: None,
            indent: 0,
        }
    }

    pub fn is_item(&self) -> bool {
        matches!(self.shape, Shape::Item { .. })
    }
}
