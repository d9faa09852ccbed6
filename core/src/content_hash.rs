//! A notice's content hash: twelve hex digits that name the wording a
//! family was shown, so a form can record `afc-early-help@3f9a0c1d2e4b`
//! beside a referral, and a web team can tell whether pasted HTML is stale.
//!
//! What goes in is everything the notice gives a family, and only that:
//! every field of the model, which is what `notice export --json` writes
//! (id, title, language, the notice it extends, source, dates, version,
//! the controller and its contacts, each section's id, heading, summary
//! and wording, each explorer item's id, label and answers with the
//! sections they cite). Ids are in because they are addresses families
//! see and follow (`#your-rights`, "Where the notice says this"). Not in:
//! the glossary (it belongs to the engine, not to a notice) and the
//! sections inherited through `extends` (the extended notice's own hash
//! covers them; a record of what a family saw names both).
//!
//! Each text goes in as it reads on the page: runs of spaces, tabs and
//! line breaks become one space (as HTML shows them), and a section's
//! wording goes in as its paragraphs and list items, so re-wrapping a
//! paragraph, blank lines, TOML quoting, comments and key order change
//! nothing, while any change to a word, a list or the order of sections
//! changes the hash.
//!
//! Why SHA-256: it is specified, the same in every language and tool, so
//! an auditor can recompute a hash from [`content`] with `sha256sum`;
//! `std`'s hasher promises no stability across Rust releases. The `sha2`
//! crate (RustCrypto) is the well-kept implementation; it is only in the
//! CLI (feature `content-hash`), not in the widget's Wasm. Twelve hex
//! digits (48 bits) keep the record short: two versions of one notice
//! collide with odds of about one in 2^48. It names a version; it is not a
//! signature.

use sha2::{Digest, Sha256};

use crate::model::{Block, Notice, Question, blocks};

/// The first line of [`content`]: a new layout gets a new number.
const FORMAT: &str = "privacy-notice content 1";

/// The notice's content hash: the first 12 lowercase hex digits of the
/// SHA-256 of [`content`].
pub fn content_hash(notice: &Notice) -> String {
    Sha256::digest(content(notice).as_bytes())[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What [`content_hash`] hashes: one `field<TAB>text` line per text, in
/// the order a family reads them, each text with its whitespace collapsed
/// (so no text holds a tab or a line break). An optional field the notice
/// does not state has no line.
pub fn content(notice: &Notice) -> String {
    let mut out = String::new();
    let mut line = |field: &str, text: &str| {
        out.push_str(field);
        out.push('\t');
        let mut words = text.split(is_collapsed).filter(|w| !w.is_empty());
        if let Some(first) = words.next() {
            out.push_str(first);
            for word in words {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('\n');
    };
    line(FORMAT, "");
    line("id", &notice.id);
    line("title", &notice.title);
    line("language", &notice.language);
    let optional = [
        ("extends", &notice.extends),
        ("source_url", &notice.source_url),
        ("published", &notice.published),
        ("last_updated", &notice.last_updated),
        ("version", &notice.version),
    ];
    line("source", &notice.source);
    for (field, value) in optional {
        if let Some(value) = value {
            line(field, value);
        }
    }
    let c = &notice.controller;
    line("controller.name", &c.name);
    let contacts = [
        ("controller.ico_registration", &c.ico_registration),
        ("controller.contact", &c.contact),
        ("controller.dpo_email", &c.dpo_email),
        ("controller.complaints_email", &c.complaints_email),
        ("controller.ico_complaints_url", &c.ico_complaints_url),
    ];
    for (field, value) in contacts {
        if let Some(value) = value {
            line(field, value);
        }
    }
    for (i, section) in notice.sections.iter().enumerate() {
        line(&format!("section[{i}].id"), &section.id);
        line(&format!("section[{i}].heading"), &section.heading);
        line(&format!("section[{i}].summary"), &section.summary);
        for block in blocks(&section.body) {
            let kind = match block {
                Block::Paragraph(_) => "paragraph",
                Block::ListItem(_) => "item",
            };
            line(&format!("section[{i}].{kind}"), block.text());
        }
    }
    for (i, item) in notice.explorer.iter().enumerate() {
        line(&format!("explorer[{i}].id"), &item.id);
        line(&format!("explorer[{i}].label"), &item.label);
        // In the order the explorer asks, whatever order the data holds.
        for question in Question::ALL {
            if let Some(answer) = item.answers.iter().find(|a| a.question == question) {
                let field = format!("explorer[{i}].{}", question.key());
                line(&format!("{field}.text"), &answer.text);
                for id in answer.from.iter() {
                    line(&format!("{field}.from"), id);
                }
            }
        }
    }
    out
}

/// The whitespace HTML collapses into one space (not U+00A0, which keeps
/// words together on the page).
fn is_collapsed(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;
    use crate::load::parse_notice;

    const NOTICE: &str = r#"
id = "example"
title = "Privacy notice for the Example Service"
language = "en-GB"
source = "Example Council"

[controller]
name = "Example Council"
dpo_email = "dpo@example.org"

[[section]]
id = "who-we-share-with"
heading = "Who we share your information with"
summary = "We may tell your school. We only do this when the law lets us."
body = """
We share information with schools
where the law allows it.

- Schools
- Doctors
"""

[[explorer]]
id = "school"
label = "My child's school records"
who_sees = { text = "Your child's school may see it.", from = ["who-we-share-with"] }
kept_for = { text = "We keep it as long as the law says.", from = ["who-we-share-with"] }
"#;

    fn hash(source: &str) -> String {
        let (file, problems) = parse_notice("example.toml", source);
        assert!(problems.is_empty(), "{problems:?}");
        content_hash(&file.expect("a notice").notice)
    }

    #[test]
    fn is_twelve_lowercase_hex_digits() {
        let h = hash(NOTICE);
        assert_eq!(h.len(), 12, "{h}");
        assert!(
            h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
            "{h}"
        );
    }

    #[test]
    fn changes_with_anything_a_family_reads() {
        let before = hash(NOTICE);
        for (from, to) in [
            ("where the law allows it.", "where the law allows it!"),
            ("- Doctors", "- Nurses"),
            (
                "We share information",
                "We share information\n\nwith schools",
            ),
            ("We may tell your school.", "We may tell your nursery."),
            (
                "Your child's school may see it.",
                "Your child's teacher may see it.",
            ),
            ("Example Council\"\ndpo", "Another Council\"\ndpo"),
            ("\"Privacy notice for", "\"The privacy notice for"),
            ("dpo@example.org", "privacy@example.org"),
            ("label = \"My child's", "label = \"Your child's"),
            ("schools\nwhere", "schools, where"),
        ] {
            assert!(NOTICE.contains(from), "{from}");
            assert_ne!(hash(&NOTICE.replacen(from, to, 1)), before, "{from} → {to}");
        }
    }

    #[test]
    fn ignores_how_the_file_is_written() {
        let before = hash(NOTICE);
        for (from, to) in [
            // Comments and blank lines.
            ("[controller]", "# Who is responsible.\n\n[controller]"),
            // A paragraph wrapped differently, and a trailing space.
            ("schools\nwhere", "schools where  "),
            // Blank lines around the wording and between list items.
            ("body = \"\"\"\n", "body = \"\"\"\n\n\n"),
            ("- Schools\n", "- Schools\n\n"),
            // Other kinds of TOML string, and a line continuation.
            (
                "summary = \"We may tell your school. We only do this when the law lets us.\"",
                "summary = \"\"\"\nWe may tell your school. \\\n  We only do this when the law lets us.\n\"\"\"",
            ),
            (
                "title = \"Privacy notice for the Example Service\"",
                "title = 'Privacy notice for the Example Service'",
            ),
            // Keys in another order.
            (
                "language = \"en-GB\"\nsource = \"Example Council\"",
                "source = \"Example Council\"\nlanguage = \"en-GB\"",
            ),
        ] {
            assert!(NOTICE.contains(from), "{from}");
            assert_eq!(hash(&NOTICE.replacen(from, to, 1)), before, "{from} → {to}");
        }
        // Explorer answers in another order.
        let swapped = NOTICE.replace(
            "who_sees = { text = \"Your child's school may see it.\", from = [\"who-we-share-with\"] }\nkept_for = { text = \"We keep it as long as the law says.\", from = [\"who-we-share-with\"] }",
            "kept_for = { text = \"We keep it as long as the law says.\", from = [\"who-we-share-with\"] }\nwho_sees = { text = \"Your child's school may see it.\", from = [\"who-we-share-with\"] }",
        );
        assert_ne!(swapped, NOTICE);
        assert_eq!(hash(&swapped), before);
    }
}
