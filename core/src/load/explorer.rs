//! A notice's `[[explorer]]`: for each kind of data, plain answers to the
//! fixed questions, each naming the sections it comes from and stating
//! nothing their wording does not.

use std::collections::HashMap;

use toml::de::DeValue;

use super::facts::{Wording, check_plain};
use super::report::{Report, Table, TableIds, kind_of, text};
use crate::model::{Answer, ExplorerItem, Notice, Question};

const ANSWER_KEYS: &[&str] = &["text", "from"];

/// The explorer of a notice (`raw`): its kinds of data, each with the
/// line of each of its answers.
pub(super) fn read_explorer(
    report: &mut Report,
    raw: &Table<'_>,
) -> (Vec<ExplorerItem>, Vec<Vec<usize>>) {
    let tables = report.tables(
        raw,
        "explorer",
        "write each kind of data as an [[explorer]] table with id, label and its answers",
    );
    let item_keys: Vec<&str> = ["id", "label"]
        .into_iter()
        .chain(Question::ALL.iter().map(|q| q.key()))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    tables
        .into_iter()
        .enumerate()
        .map(|(i, (table, line))| {
            let path = format!("explorer[{}].", i + 1);
            report.unknown_keys(table, &path, &item_keys);
            read_explorer_item(report, table, line, &path, &mut seen)
        })
        .unzip()
}

/// One `[[explorer]]` table starting at `line`, whose fields are named
/// `path` and the key (`explorer[1].label`), with the line of each of its
/// answers, in the order of its answers; `seen` are the ids so far.
fn read_explorer_item(
    report: &mut Report,
    item: &Table<'_>,
    line: usize,
    path: &str,
    seen: &mut HashMap<String, usize>,
) -> (ExplorerItem, Vec<usize>) {
    let id = report.table_id(
        item,
        line,
        &format!("{path}id"),
        seen,
        TableIds {
            kind: "explorer",
            missing: "give the kind of data an id, e.g. `id = \"health\"`",
            duplicate: "give each kind of data its own id",
        },
    );
    let label = report.required_text(
        item,
        "label",
        Some(line),
        &format!("{path}label"),
        "name the kind of data as a family would: `label = \"My child's health information\"`",
    );
    let mut answers: Vec<(Answer, usize)> = Question::ALL
        .iter()
        .filter_map(|&question| read_answer(report, item, question, path))
        .collect();
    answers.sort_by_key(|(answer, _)| answer.question);
    let (answers, lines): (Vec<Answer>, Vec<usize>) = answers.into_iter().unzip();
    let item = ExplorerItem {
        id: text(id),
        label: text(label),
        answers: answers.into(),
    };
    (item, lines)
}

/// The answer of `item` to `question`, with its line, if it gives one as
/// a table (anything else is reported).
fn read_answer(
    report: &mut Report,
    item: &Table<'_>,
    question: Question,
    path: &str,
) -> Option<(Answer, usize)> {
    let key = question.key();
    let (k, value) = item.iter().find(|(k, _)| k.get_ref() == key)?;
    let line = report.line_of(k.span().start);
    let field = format!("{path}{key}");
    let DeValue::Table(answer) = value.get_ref() else {
        report.error(
            Some(line),
            &field,
            format!(
                "`{key}` should be an answer with its text and sections, not {}",
                kind_of(value.get_ref())
            ),
            &format!("write `{key} = {{ text = \"…\", from = [\"section-id\"] }}`"),
        );
        return None;
    };
    report.unknown_keys(answer, &format!("{field}."), ANSWER_KEYS);
    let value = report.text(answer, "text", &format!("{field}.text"));
    let answer_text = report.required(
        value,
        Some(line),
        &format!("{field}.text"),
        "write the answer, or leave the question out if the notice does not say",
    );
    let from = report.texts(answer, "from", &format!("{field}.from"));
    if from.is_empty() {
        report.error(
            Some(line),
            &format!("{field}.from"),
            "the answer names no section it comes from".into(),
            "list the ids of the sections that state it: `from = [\"lawful-basis\"]`",
        );
    }
    let answer = Answer {
        question,
        text: text(answer_text),
        from: from.into_iter().map(text).collect(),
    };
    Some((answer, line))
}

/// Checks each answer (at its line in `lines`): the sections it names
/// exist in the notice or the one it extends (`parent`), and it is plain
/// and states nothing the wording does not.
pub(super) fn check_answers(
    notice: &Notice,
    parent: Option<&Notice>,
    lines: &[Vec<usize>],
    wording: &Wording,
    found: &mut Report,
) {
    for (i, item) in notice.explorer.iter().enumerate() {
        let item_lines = lines.get(i).map_or(&[][..], Vec::as_slice);
        for (j, answer) in item.answers.iter().enumerate() {
            let field = format!("explorer[{}].{}", i + 1, answer.question.key());
            let line = item_lines.get(j).copied();
            for from in answer.from.iter() {
                let exists = notice.section(from).is_some()
                    || parent.is_some_and(|p| p.section(from).is_some());
                if !exists {
                    found.error(
                        line,
                        &format!("{field}.from"),
                        format!("unknown section id \"{from}\""),
                        "use the id of a section of this notice (or of the notice it extends)",
                    );
                }
            }
            check_plain(&answer.text, wording, line, &field, found);
        }
    }
}
