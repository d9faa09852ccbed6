//! The ICO's "right to be informed" checklist: what a privacy notice must
//! tell people, and where (if anywhere) a notice tells it.
//!
//! Gaps are facts about a source to show, not errors: the checker reports
//! them so a Data Protection Officer can see what their notice does not yet say.

use crate::model::{Notice, shown_sections};
use crate::text::fold_phrase;

/// Where the checklist found an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// In a section (with the notice it belongs to when inherited).
    Section {
        id: String,
        inherited_from: Option<String>,
    },
    /// In the notice's controller details.
    Controller(String),
    NotStated,
}

/// One checklist item and what was found for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub name: &'static str,
    pub found: Found,
}

/// A checklist item found in a section whose folded heading and wording
/// contain every phrase of one of `any_of` (each a set of phrases that must
/// all appear), or whose heading contains one of `in_heading`.
struct Rule {
    name: &'static str,
    any_of: &'static [&'static [&'static str]],
    /// Phrases that name the item in a heading ("How we use your data") but
    /// are no evidence in wording, where other items mention them too: a
    /// rights section says "object to how we use it" and "processing for the
    /// purpose of direct marketing" without stating a purpose.
    in_heading: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        name: "Purposes of using the data",
        any_of: &[
            &["use the information to"],
            &["use it to"],
            &["use this data to"],
            &["use your data to"],
            &["we use information about"],
            &["for the following purposes"],
        ],
        in_heading: &["we use", "purpose"],
    },
    Rule {
        name: "Lawful basis",
        any_of: &[&["lawful basis"], &["legal basis"], &["lawfully process"]],
        in_heading: &[],
    },
    Rule {
        name: "Legitimate interests (where relied on)",
        any_of: &[&["legitimate interest"]],
        in_heading: &[],
    },
    Rule {
        name: "Categories of personal data",
        any_of: &[
            &["data we collect"],
            &["categories of personal", "that we collect"],
            &["we collect and process the following"],
            &["information we collect"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Source of data not from the person",
        any_of: &[
            &["from other third parties"],
            &["given to us by"],
            &["information from referrals"],
            &["from individuals involved"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Recipients (who it is shared with)",
        any_of: &[&["share"]],
        in_heading: &[],
    },
    Rule {
        name: "Transfers abroad",
        any_of: &[&["overseas"], &["outside the uk"], &["countries"]],
        in_heading: &[],
    },
    Rule {
        name: "Retention (how long it is kept)",
        any_of: &[&["how long"], &["retention"], &["retained"]],
        in_heading: &[],
    },
    Rule {
        name: "Right of access",
        any_of: &[
            &["right to request", "copy"],
            &["access the information"],
            &["request access"],
            &["subject access"],
            // In plain words: "the right to ask for a copy of your personal data".
            &["ask for a copy"],
            &["get a copy"],
            &["see the information we hold"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Right to rectification",
        any_of: &[
            &["rectified"],
            &["rectification"],
            // "ask for it to be corrected", "to correct anything that is wrong".
            &["corrected"],
            &["to correct"],
            &["put right"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Right to erasure",
        any_of: &[
            &["erased"],
            &["erasure"],
            &["deleted"],
            &["to delete"],
            &["to erase"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Right to restrict processing",
        any_of: &[
            &["restrict"],
            &["blocked"],
            &["limit how we use"],
            &["limit the use"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Right to data portability",
        any_of: &[
            &["portability"],
            &["transferred or copied"],
            &["move your data"],
            &["move your information"],
            &["to another organisation"],
        ],
        in_heading: &[],
    },
    Rule {
        name: "Right to object",
        any_of: &[&["object to"], &["to object"], &["say no to how we use"]],
        in_heading: &[],
    },
    Rule {
        name: "Rights about automated decision-making and profiling",
        any_of: &[&["automated"]],
        in_heading: &[],
    },
    Rule {
        name: "Withdrawing consent",
        any_of: &[&["withdraw"]],
        in_heading: &[],
    },
    Rule {
        name: "Complaining to the ICO",
        any_of: &[&["complain", "information commissioner"]],
        in_heading: &[],
    },
    Rule {
        name: "Whether giving the data is required",
        any_of: &[
            &["mandatory"],
            &["required to provide"],
            &["voluntary basis"],
        ],
        in_heading: &[],
    },
];

/// The checklist for a notice, looking in its own sections first and then
/// in those it inherits from `parent`.
pub fn checklist(notice: &Notice, parent: Option<&Notice>) -> Vec<Item> {
    // Each section's heading, and its heading with its wording, folded.
    let sections: Vec<_> = shown_sections(notice, parent)
        .into_iter()
        .map(|s| {
            let heading = fold_phrase(&s.section.heading);
            let all = fold_phrase(&format!("{}\n{}", s.section.heading, s.section.body));
            (s, heading, all)
        })
        .collect();
    // The notice's own sections before those it inherits; in each, a
    // section whose heading names the item before one whose wording does,
    // trying the item's phrases in their order (most specific first), and
    // in headings its `in_heading` phrases last.
    let in_sections = |rule: &Rule| -> Found {
        let has = |text: &str, set: &[&str]| set.iter().all(|p| text.contains(p));
        let passes = [(false, true), (false, false), (true, true), (true, false)];
        passes
            .iter()
            .find_map(|&(inherited, by_heading)| {
                let heading_only = rule
                    .in_heading
                    .iter()
                    .filter(|_| by_heading)
                    .map(std::slice::from_ref);
                rule.any_of
                    .iter()
                    .copied()
                    .chain(heading_only)
                    .find_map(|set| {
                        sections.iter().find(|(s, heading, all)| {
                            s.inherited_from.is_some() == inherited
                                && has(if by_heading { heading } else { all }, set)
                        })
                    })
            })
            .map_or(Found::NotStated, |(s, _, _)| Found::Section {
                id: s.section.id.to_string(),
                inherited_from: s.inherited_from.map(|p| p.id.to_string()),
            })
    };
    let controller = &notice.controller;
    let stated = |value: Option<&str>| match value.map(str::trim) {
        Some(v) if !v.is_empty() => Found::Controller(v.to_string()),
        _ => Found::NotStated,
    };
    let contact = controller
        .contact
        .as_deref()
        .or(controller.dpo_email.as_deref())
        .or(controller.complaints_email.as_deref());
    let mut items = vec![
        Item {
            name: "Controller's identity",
            found: stated(Some(&controller.name)),
        },
        Item {
            name: "Controller's contact details",
            found: stated(contact),
        },
        Item {
            name: "Data Protection Officer's contact details",
            found: stated(controller.dpo_email.as_deref()),
        },
    ];
    items.extend(RULES.iter().map(|rule| Item {
        name: rule.name,
        found: in_sections(rule),
    }));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Controller, Section};
    use std::borrow::Cow;

    fn notice_saying(body: &'static str) -> Notice {
        Notice {
            id: Cow::Borrowed("plain"),
            title: Cow::Borrowed("Plain"),
            language: Cow::Borrowed("en"),
            extends: None,
            source: Cow::Borrowed("test"),
            source_url: None,
            published: None,
            last_updated: None,
            version: None,
            controller: Controller::default(),
            sections: vec![Section {
                id: Cow::Borrowed("your-rights"),
                heading: Cow::Borrowed("Your rights"),
                summary: Cow::Borrowed(""),
                body: Cow::Borrowed(body),
            }]
            .into(),
            explorer: Vec::new().into(),
        }
    }

    fn stated(notice: &Notice, name: &str) -> bool {
        checklist(notice, None)
            .iter()
            .any(|i| i.name == name && i.found != Found::NotStated)
    }

    #[test]
    fn rights_stated_in_plain_words_are_found() {
        let notice = notice_saying(
            "You have the right to ask for a copy of your personal data. \
             If it is wrong, you can ask for it to be corrected. \
             You can ask us to delete it, to limit how we use it, or to move your data \
             to another organisation. You have the right to object to how we use it.",
        );
        for right in [
            "Right of access",
            "Right to rectification",
            "Right to erasure",
            "Right to restrict processing",
            "Right to data portability",
            "Right to object",
        ] {
            assert!(stated(&notice, right), "{right}");
        }
    }

    #[test]
    fn an_empty_controller_is_not_stated() {
        let notice = notice_saying("Nothing here.");
        assert!(!stated(&notice, "Controller's identity"));
        assert!(!stated(&notice, "Right of access"));
    }
}
