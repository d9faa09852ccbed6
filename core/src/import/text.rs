//! A copied page's text as [`Line`]s: blank lines become gaps, bullets
//! and list numbers become list items, nested by their indentation.

use super::page::{Line, Shape};

/// The marks pages put before a list item.
const BULLETS: &[char] = &['•', '◦', '▪', '●', '·', '*', '-', '–', '○', '■', '►', '‣'];

/// The lines of `text` (line endings already `\n`).
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut gap = true;
    // The indentation of each open list level, outermost first.
    let mut indents: Vec<usize> = Vec::new();
    for raw in text.split('\n') {
        let shown = raw.trim();
        if shown.is_empty() {
            gap = true;
            indents.clear();
            continue;
        }
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
        let line = match list_marker(shown) {
            Some(Marker::Bare) => Line::new(shown.into(), String::new(), Shape::BareMark, gap),
            Some(marker) => {
                while indents.last().is_some_and(|&i| i > indent) {
                    indents.pop();
                }
                if indents.last().is_none_or(|&i| i < indent) {
                    indents.push(indent);
                }
                let (numbered, text) = match marker {
                    Marker::Bullet(rest) => (false, rest),
                    _ => (true, shown),
                };
                let depth = indents.len() - 1;
                Line::new(
                    shown.into(),
                    text.trim().into(),
                    Shape::Item { depth, numbered },
                    gap,
                )
            }
            None => {
                indents.clear();
                Line::new(shown.into(), shown.into(), Shape::Text, gap)
            }
        };
        out.push(Line { indent, ..line });
        gap = false;
    }
    out
}

enum Marker<'a> {
    /// A bullet, then the item's text.
    Bullet(&'a str),
    /// A number or letter the page writes (`1.`, `2)`, `(a)`, `b.`).
    Numbered,
    /// A bullet and nothing after it.
    Bare,
}

/// The list marker `line` (trimmed) starts with, if any.
fn list_marker(line: &str) -> Option<Marker<'_>> {
    let mut chars = line.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) {
        let rest = chars.as_str();
        if rest.is_empty() {
            return Some(Marker::Bare);
        }
        // "-3 degrees" or "*Note" is not a list item: a bullet is followed by a space.
        return rest
            .starts_with(char::is_whitespace)
            .then_some(Marker::Bullet(rest));
    }
    numbered_marker(line).then_some(Marker::Numbered)
}

/// Whether `line` starts with a list number or letter: `1.`, `12)`,
/// `(a)`, `(iv)`, `a.`, `b)`, then a space. (`2.1` is a heading's number.)
fn numbered_marker(line: &str) -> bool {
    let (marker, rest) = line.split_once(' ').unwrap_or((line, ""));
    if rest.trim().is_empty() {
        return false;
    }
    if let Some(inner) = marker.strip_prefix('(').and_then(|m| m.strip_suffix(')')) {
        return (1..=4).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_alphanumeric());
    }
    let Some(inner) = marker.strip_suffix(['.', ')']) else {
        return false;
    };
    let digits = (1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit());
    let letter = inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase());
    digits || letter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_numbers_and_nesting_are_read() {
        let lines = lines(
            "Intro:\n\n  • one\n    • nested\n  • two\n  1. first\n  (a) sub\n-\nText - not a list",
        );
        let shapes: Vec<_> = lines.iter().map(|l| (l.text.as_str(), l.shape)).collect();
        assert_eq!(shapes[0], ("Intro:", Shape::Text));
        assert_eq!(
            shapes[1],
            (
                "one",
                Shape::Item {
                    depth: 0,
                    numbered: false
                }
            )
        );
        assert_eq!(
            shapes[2],
            (
                "nested",
                Shape::Item {
                    depth: 1,
                    numbered: false
                }
            )
        );
        assert_eq!(
            shapes[3],
            (
                "two",
                Shape::Item {
                    depth: 0,
                    numbered: false
                }
            )
        );
        assert_eq!(
            shapes[4],
            (
                "1. first",
                Shape::Item {
                    depth: 0,
                    numbered: true
                }
            )
        );
        assert_eq!(
            shapes[5],
            (
                "(a) sub",
                Shape::Item {
                    depth: 0,
                    numbered: true
                }
            )
        );
        assert_eq!(shapes[6].1, Shape::BareMark);
        assert_eq!(shapes[7], ("Text - not a list", Shape::Text));
        assert!(lines[1].gap_before && !lines[2].gap_before);
    }
}
