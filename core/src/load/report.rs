//! Reading a TOML file's values with the line of each (from the parser's
//! spans), reporting every value that is missing or not what the format
//! says, for notices, the glossary and the concepts alike ([`Report`]),
//! and collecting what the checks across files find (a `Report` with no source).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Problem, Severity};
use crate::rules::{self, CONTROL_FIX, ID_FIX, is_id};
use crate::search::edit_distance;

pub(super) type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

/// What a TOML value is, in the words of the person writing the file.
pub(super) fn kind_of(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) | DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Collects problems for one file: as its TOML is read, and then (made
/// with no source) as the checks across files ([`super::check_all`]) read
/// the model and the lines kept with it.
pub(super) struct Report<'a> {
    file: &'a str,
    /// Byte offset of the start of each line, for [`Report::line_of`].
    line_starts: Vec<usize>,
    pub(super) problems: Vec<Problem>,
    /// The fields (`section[2].summary`) that an unknown key was reported
    /// as a misspelling of: the misspelling is the one message, so such a
    /// field is not reported again as missing.
    pub(super) misspelt: HashSet<String>,
}

impl<'a> Report<'a> {
    pub(super) fn new(file: &'a str, source: &str) -> Report<'a> {
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
    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Parses `source` as TOML, reporting every syntax error (the parser
    /// recovers and goes on), and gives the document's top table.
    pub(super) fn parse<'i>(&mut self, source: &'i str, fix: &str) -> Table<'i> {
        let (table, errors) = DeTable::parse_recoverable(source);
        for error in errors {
            let line = error.span().map(|s| self.line_of(s.start));
            let message = error.message().trim().replace('\n', " ");
            self.error(line, "file", format!("not valid TOML: {message}"), fix);
        }
        table.into_inner()
    }

    pub(super) fn push(
        &mut self,
        severity: Severity,
        line: Option<usize>,
        field: &str,
        message: String,
        fix: &str,
    ) {
        self.problems.push(Problem::content(
            severity, self.file, line, field, message, fix,
        ));
    }

    pub(super) fn error(&mut self, line: Option<usize>, field: &str, message: String, fix: &str) {
        self.push(Severity::Error, line, field, message, fix);
    }

    /// Reports each key of `table` that is not one of `known`, naming the
    /// nearest known one (noted in `misspelt` when that one is absent);
    /// `path` prefixes field names (`section[2].`).
    pub(super) fn unknown_keys(&mut self, table: &Table<'_>, path: &str, known: &[&str]) {
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
    pub(super) fn key_line(&self, table: &Table<'_>, key: &str) -> Option<usize> {
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
    pub(super) fn text(&mut self, table: &Table<'_>, key: &str, field: &str) -> Option<String> {
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
    pub(super) fn flag(&mut self, table: &Table<'_>, key: &str, field: &str) -> bool {
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
    pub(super) fn texts(&mut self, table: &Table<'_>, key: &str, field: &str) -> Vec<String> {
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
    pub(super) fn tables<'t, 'i>(
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
    pub(super) fn table<'t, 'i>(
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
    pub(super) fn required(
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
    pub(super) fn required_text(
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
    pub(super) fn required_texts(
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
    pub(super) fn table_id(
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

    pub(super) fn check_id(&mut self, id: &str, line: usize, field: &str) {
        if !id.is_empty() && !is_id(id) {
            self.error(Some(line), field, rules::not_an_id(id), ID_FIX);
        }
    }
}

/// What [`Report::table_id`] says about one kind of table's ids.
pub(super) struct TableIds {
    /// "section", "explorer", "term": as the duplicate message names it.
    pub(super) kind: &'static str,
    /// The fix for a missing or empty id.
    pub(super) missing: &'static str,
    /// The fix for a duplicate id.
    pub(super) duplicate: &'static str,
}

/// Text with Windows (`\r\n`) and old Mac (`\r`) line endings made `\n`,
/// so a notice saved on any system splits into the same paragraphs.
pub(super) fn normalise_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

pub(super) fn text(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_offset() {
        let report = Report::new("t", "a\nbc\n\nd");
        let lines: Vec<_> = [0, 1, 2, 4, 5, 6, 99].map(|o| report.line_of(o)).to_vec();
        assert_eq!(lines, [1, 1, 2, 2, 3, 4, 4]);
    }
}
