//! Records of text fields packed in one string, for data that ships in the
//! Wasm (the glossary, the concept map): a record a line, fields separated
//! by tabs, a list's items by `|`. One `&'static str` compresses far better
//! than Rust slices of strings, whose pointer-and-length pairs do not.

use std::borrow::Cow;

use crate::model::{List, Text};

const RECORD_END: char = '\n';
const FIELD_END: char = '\t';
const ITEM_END: char = '|';

/// A field of a record: one text, or a list of texts.
pub enum Field<'a> {
    Text(&'a str),
    List(&'a [Text]),
}

/// Packs `records`; `None` if a text holds a separator (or a list item is
/// empty), which the data's checker rules out.
pub fn pack<'a, const N: usize>(records: impl Iterator<Item = [Field<'a>; N]>) -> Option<String> {
    let clean = |text: &str| !text.contains([RECORD_END, FIELD_END, ITEM_END]);
    let mut out = String::new();
    for record in records {
        for (f, field) in record.iter().enumerate() {
            if f > 0 {
                out.push(FIELD_END);
            }
            match field {
                Field::Text(text) if clean(text) => out.push_str(text),
                Field::List(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if item.is_empty() || !clean(item) {
                            return None;
                        }
                        if i > 0 {
                            out.push(ITEM_END);
                        }
                        out.push_str(item);
                    }
                }
                Field::Text(_) => return None,
            }
        }
        out.push(RECORD_END);
    }
    Some(out)
}

/// The records of a packed text, each as its fields in order.
pub fn unpack(text: &'static str) -> impl Iterator<Item = std::str::Split<'static, char>> {
    text.split_terminator(RECORD_END)
        .map(|record| record.split(FIELD_END))
}

/// A text field (empty if the record is short).
pub fn text(field: Option<&'static str>) -> Text {
    Cow::Borrowed(field.unwrap_or(""))
}

/// A list field (empty if the record is short).
pub fn list(field: Option<&'static str>) -> List<Text> {
    field
        .unwrap_or("")
        .split(ITEM_END)
        .filter(|item| !item.is_empty())
        .map(Cow::Borrowed)
        .collect::<Vec<_>>()
        .into()
}
