//! `glossary.toml` (plain definitions of the notices' terms) and
//! `concepts.toml` (the search's map from family words to notice words).

use std::collections::HashMap;

use super::facts::MAX_GRADE;
use super::report::{Report, TableIds, text};
use super::{Problem, Severity};
use crate::model::{Concept, GlossaryTerm};
use crate::text::prepare_phrase;
use crate::text::readability;

const GLOSSARY_KEYS: &[&str] = &["term"];
const TERM_KEYS: &[&str] = &["id", "term", "matches", "definition"];
const CONCEPTS_KEYS: &[&str] = &["concept"];
const CONCEPT_KEYS: &[&str] = &["asks", "means", "right"];

/// Parses `glossary.toml`. As for a notice, a syntax slip or a misspelt
/// field does not stop the check: every term is still read and every
/// problem in the file reported.
pub fn parse_glossary(file: &str, source: &str) -> (Vec<GlossaryTerm>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let raw = report.parse(source, "see notices/FORMAT.md, section glossary.toml");
    report.unknown_keys(&raw, "", GLOSSARY_KEYS);
    let raw_terms = report.tables(
        &raw,
        "term",
        "write each term as a [[term]] table with id, term, matches and definition",
    );
    let mut terms = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, (t, line)) in raw_terms.into_iter().enumerate() {
        let path = format!("term[{}].", i + 1);
        let field = |name: &str| format!("{path}{name}");
        report.unknown_keys(t, &path, TERM_KEYS);
        let id = report.table_id(
            t,
            line,
            &field("id"),
            &mut seen,
            TableIds {
                kind: "term",
                missing: "give the term a short id, e.g. `id = \"special-category-data\"`",
                duplicate: "give each term its own id",
            },
        );
        let term = report.required_text(
            t,
            "term",
            Some(line),
            &field("term"),
            "add the term as shown: `term = \"…\"`",
        );
        let matches = report.required_texts(
            t,
            "matches",
            line,
            &field("matches"),
            "no phrases to find the term by",
            "list the phrases as they appear in notices: `matches = [\"…\"]`",
        );
        let definition = report.required_text(
            t,
            "definition",
            Some(line),
            &field("definition"),
            "add a one-sentence plain definition",
        );
        let grade = readability::grade(&definition);
        if grade > MAX_GRADE {
            report.push(
                Severity::Warning,
                Some(report.key_line(t, "definition").unwrap_or(line)),
                &field("definition"),
                format!("reads at grade {grade:.1} (above {MAX_GRADE})"),
                "use shorter, everyday words",
            );
        }
        terms.push(GlossaryTerm {
            id: text(id),
            term: text(term),
            matches: matches
                .into_iter()
                .map(|m| text(m.to_lowercase()))
                .collect(),
            definition: text(definition),
        });
    }
    (terms, report.problems)
}

/// Parses `concepts.toml`, the search's map from family words to notice
/// words; like the glossary, reporting every problem in the file at once.
pub fn parse_concepts(file: &str, source: &str) -> (Vec<Concept>, Vec<Problem>) {
    let mut report = Report::new(file, source);
    let raw = report.parse(source, "see notices/FORMAT.md, section concepts.toml");
    report.unknown_keys(&raw, "", CONCEPTS_KEYS);
    let raw_concepts = report.tables(
        &raw,
        "concept",
        "write each concept as a [[concept]] table with `asks = [...]` and `means = [...]`",
    );
    let mut concepts = Vec::new();
    for (i, (c, line)) in raw_concepts.into_iter().enumerate() {
        let path = format!("concept[{}].", i + 1);
        report.unknown_keys(c, &path, CONCEPT_KEYS);
        let mut side = |key: &str| {
            report
                .required_texts(
                    c,
                    key,
                    line,
                    &format!("{path}{key}"),
                    "a concept needs words on both sides",
                    "list how families ask in `asks` and the notices' words in `means`",
                )
                .iter()
                .map(|s| text(prepare_phrase(s)))
                .collect()
        };
        let asks = side("asks");
        let means = side("means");
        let right = report.flag(c, "right", &format!("{path}right"));
        concepts.push(Concept { asks, means, right });
    }
    (concepts, report.problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that each `expected` text is in one of the problems, as printed.
    fn assert_reported(problems: &[Problem], expected: &[&str]) {
        let printed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let printed = printed.join("\n");
        for expected in expected {
            assert!(
                printed.contains(expected),
                "expected {expected:?} in:\n{printed}"
            );
        }
    }

    #[test]
    fn a_glossary_reports_every_mistake_at_once() {
        let source = r#"[[term]]
id = "consent"
term = "consent"
matches = ["consent"]
definition = When you say yes.

[[term]]
id = "public-task"
term = "public task"
matche = ["public task"]
definition = "A reason to use your data."

[[term]]
id = "Public Task"
term = "public task
definition = 3
"#;
        let (terms, problems) = parse_glossary("glossary.toml", source);
        assert_reported(
            &problems,
            &[
                "glossary.toml:5: file: not valid TOML: string values must be quoted",
                "glossary.toml:10: term[2].matche: unknown field `matche`\n  fix: did you mean `matches`?",
                "glossary.toml:15: file: not valid TOML",
                "glossary.toml:14: term[3].id: id \"Public Task\" is not usable in a web link",
                "glossary.toml:16: term[3].definition: `definition` should be text, not a number",
            ],
        );
        // The misspelt `matche` is the one message: not also "no phrases".
        assert_eq!(problems.len(), 6, "each mistake once: {problems:#?}");
        assert_eq!(terms.len(), 3, "every term is still read");
    }

    #[test]
    fn concepts_report_every_mistake_at_once() {
        let source = r#"[[concept]]
asks = ["say no" "refuse"]
means = ["object"]

[[concept]]
ask = ["how long"]
means = ["retention"]

[[concept]]
asks = ["who sees", 2]
means = "share"

[[concept]]
asks = ["see my file"]
means = ["access"]
right = "yes"

[[concept]]
asks = ["complain"]
means = ["complaint"]
right = true
"#;
        let (concepts, problems) = parse_concepts("concepts.toml", source);
        assert_reported(
            &problems,
            &[
                "concepts.toml:2: file: not valid TOML",
                "concepts.toml:6: concept[2].ask: unknown field `ask`\n  fix: did you mean `asks`?",
                "concepts.toml:10: concept[3].asks: `asks` should list only texts, but has a number",
                "concepts.toml:11: concept[3].means: `means` should be a list of texts, not text",
                "concepts.toml:16: concept[4].right: `right` should be true or false, not text",
            ],
        );
        // The misspelt `ask` is the one message: not also "no words".
        assert_eq!(problems.len(), 5, "each mistake once: {problems:#?}");
        assert_eq!(concepts.len(), 5, "every concept is still read");
        let rights: Vec<bool> = concepts.iter().map(|c| c.right).collect();
        assert_eq!(rights, [false, false, false, false, true]);
    }
}
