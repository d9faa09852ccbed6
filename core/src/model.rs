//! The notice model: plain data, no DOM, no I/O.
//!
//! Every string is a `Cow<'static, str>` so that one set of types serves both
//! the notices compiled into the CLI and the tests (borrowed `'static` data
//! written out by the build script, `build/main.rs`) and notices read from
//! disk by the CLI or from their JSON chunks by the widget (owned data).

use std::borrow::Cow;

use crate::packed;
use crate::text::part;

/// Text that is either compiled in (`'static`) or read at run time.
pub type Text = Cow<'static, str>;
/// A list that is either compiled in (`'static`) or read at run time.
pub type List<T> = Cow<'static, [T]>;

/// One privacy notice: the publisher's wording, section by section, with a
/// plain-language layer and a "what happens to my data" explorer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Notice {
    pub id: Text,
    pub title: Text,
    /// BCP 47 language tag of the wording, e.g. `en-GB`.
    pub language: Text,
    /// The notice this one "should be read in conjunction with".
    pub extends: Option<Text>,
    /// Who published the notice and where.
    pub source: Text,
    pub source_url: Option<Text>,
    pub published: Option<Text>,
    pub last_updated: Option<Text>,
    pub version: Option<Text>,
    pub controller: Controller,
    pub sections: List<Section>,
    pub explorer: List<ExplorerItem>,
}

/// The organisation responsible for the data, with only the contact details
/// its notice states. The default is a controller the notice does not name.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Controller {
    pub name: Text,
    pub ico_registration: Option<Text>,
    pub contact: Option<Text>,
    pub dpo_email: Option<Text>,
    pub complaints_email: Option<Text>,
    pub ico_complaints_url: Option<Text>,
}

/// A section of the notice: the original wording and its plain summary.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Section {
    /// Stable id, used in deep links (`#who-we-share-with`).
    pub id: Text,
    pub heading: Text,
    /// 2–4 short sentences for a reader of about 9.
    pub summary: Text,
    /// The publisher's wording: paragraphs split by blank lines, `- ` list items.
    pub body: Text,
}

/// A kind of data the notice names, with the explorer's answers about it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExplorerItem {
    pub id: Text,
    /// How a family would name it: "My child's health information".
    pub label: Text,
    /// The questions this notice answers; a question it does not answer is absent.
    pub answers: List<Answer>,
}

/// One explorer answer with the sections it comes from.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Answer {
    pub question: Question,
    pub text: Text,
    /// Section ids (of this notice or the one it extends) that state it.
    pub from: List<Text>,
}

/// The questions the explorer answers for every kind of data, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Question {
    // Each number is the question's place in the tables of `key` and `asked`.
    Includes = 0,
    Why = 1,
    LawfulBasis = 2,
    WhoSees = 3,
    SharedWithoutAsking = 4,
    KeptFor = 5,
    YourRights = 6,
}

impl Question {
    pub const ALL: [Question; 7] = [
        Question::Includes,
        Question::Why,
        Question::LawfulBasis,
        Question::WhoSees,
        Question::SharedWithoutAsking,
        Question::KeptFor,
        Question::YourRights,
    ];

    /// The field name in notice files.
    pub fn key(self) -> &'static str {
        // Statics indexed by the variant, not `match`es: each `match` became
        // a lookup table of its own wherever it was inlined, two copies of
        // the strings in the Wasm (479 bytes).
        static KEYS: [&str; 7] = [
            "includes",
            "why",
            "lawful_basis",
            "who_sees",
            "shared_without_asking",
            "kept_for",
            "your_rights",
        ];
        KEYS[self as usize]
    }

    /// The question as a family would ask it; shown as the answer's heading.
    pub fn asked(self) -> &'static str {
        static ASKED: [&str; 7] = [
            "What it includes",
            "Why we use it",
            "The law that lets us use it",
            "Who may see it",
            "When it may be shared without asking you",
            "How long we keep it",
            "What you can do",
        ];
        ASKED[self as usize]
    }

    pub fn from_key(key: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.key() == key)
    }
}

/// A term families meet, with a one-sentence plain definition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GlossaryTerm {
    pub id: Text,
    pub term: Text,
    /// Phrases, lower case, that mark the term in notice text.
    pub matches: List<Text>,
    pub definition: Text,
}

/// The first whole-word occurrence of `phrase` in `lower`. (A plain scan:
/// glossary terms are short, and `match_indices` would bring the two-way
/// string searcher into the Wasm.)
fn find_word(lower: &str, phrase: &str) -> Option<(usize, usize)> {
    let (bytes, wanted) = (lower.as_bytes(), phrase.as_bytes());
    (0..=bytes.len().checked_sub(wanted.len())?)
        .map(|s| (s, s + wanted.len()))
        .find(|&(s, e)| {
            let before = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
            let after = e == bytes.len() || !bytes[e].is_ascii_alphanumeric();
            bytes[s..e] == *wanted && before && after
        })
}

/// A search concept: phrases families use, and the words notices use for
/// the same thing ("say no" → object, consent, withdraw). Both sides are
/// prepared phrases (stems; see `text::prepare_phrase`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Concept {
    pub asks: List<Text>,
    pub means: List<Text>,
    /// A right a family can use (to see, correct or delete their records,
    /// to say no, to complain): a question that names one asks about it,
    /// whoever else it names.
    pub right: bool,
}

/// A packed concept's third field when it is a right.
const RIGHT: &str = "r";

impl Concept {
    /// The concept map as one text (see [`crate::packed`]): a record per
    /// concept, its asks and its means as two lists. The Wasm ships it so,
    /// not as Rust slices: a slice of 1,000 phrases is 1,000 pointer-and-
    /// length pairs that compress badly (about 3 KB brotli more). `None` if
    /// a phrase holds a separator (prepared phrases are stems and spaces,
    /// so only a bug would).
    pub fn pack(concepts: &[Concept]) -> Option<String> {
        packed::pack(concepts.iter().map(|c| {
            [
                packed::Field::List(&c.asks),
                packed::Field::List(&c.means),
                packed::Field::Text(if c.right { RIGHT } else { "" }),
            ]
        }))
    }

    /// The concepts [`Concept::pack`] wrote, borrowing their phrases from it.
    pub fn unpack(text: &'static str) -> Vec<Concept> {
        packed::unpack(text)
            .map(|mut fields| Concept {
                asks: packed::list(fields.next()),
                means: packed::list(fields.next()),
                right: fields.next() == Some(RIGHT),
            })
            .collect()
    }
}

impl GlossaryTerm {
    /// Where the term first stands, as a whole word, in `lower` (text in
    /// ASCII lower case): the byte range of the first of its `matches`
    /// found.
    pub fn found_in(&self, lower: &str) -> Option<(usize, usize)> {
        self.matches.iter().find_map(|m| find_word(lower, m))
    }

    /// The glossary as one text, as [`Concept::pack`] does the concepts.
    pub fn pack(terms: &[GlossaryTerm]) -> Option<String> {
        packed::pack(terms.iter().map(|t| {
            [
                packed::Field::Text(t.id.as_ref()),
                packed::Field::Text(t.term.as_ref()),
                packed::Field::List(&t.matches),
                packed::Field::Text(t.definition.as_ref()),
            ]
        }))
    }

    /// The terms [`GlossaryTerm::pack`] wrote, borrowing from it.
    pub fn unpack(text: &'static str) -> Vec<GlossaryTerm> {
        packed::unpack(text)
            .map(|mut fields| GlossaryTerm {
                id: packed::text(fields.next()),
                term: packed::text(fields.next()),
                matches: packed::list(fields.next()),
                definition: packed::text(fields.next()),
            })
            .collect()
    }
}

/// A block of a section body: a paragraph or one list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Paragraph(&'a str),
    ListItem(&'a str),
}

impl<'a> Block<'a> {
    pub fn text(self) -> &'a str {
        match self {
            Block::Paragraph(t) | Block::ListItem(t) => t,
        }
    }
}

/// Splits a body into paragraphs and list items. Lines of one paragraph are
/// joined by the reader (they are kept as written); a line starting with
/// `- ` is a list item of its own.
pub fn blocks(body: &str) -> impl Iterator<Item = Block<'_>> {
    let mut rest = body.trim_matches('\n');
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(['\n', '\r']);
        if rest.is_empty() {
            return None;
        }
        if let Some(item) = rest.strip_prefix("- ") {
            let end = item.find('\n').unwrap_or(item.len());
            let block = Block::ListItem(part(item, ..end).trim());
            rest = part(item, end..);
            return Some(block);
        }
        // A paragraph runs to a blank line or to the next list item.
        let mut end = rest.len();
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let next = offset + line.len();
            let following = part(rest, next..);
            if following.starts_with('\n') || following.starts_with("- ") {
                end = next;
                break;
            }
            offset = next;
        }
        let block = Block::Paragraph(part(rest, ..end).trim());
        rest = part(rest, end..);
        Some(block)
    })
}

impl Notice {
    /// The notice this one extends, found among `notices`.
    pub fn parent_in<'a>(
        &self,
        notices: impl IntoIterator<Item = &'a Notice>,
    ) -> Option<&'a Notice> {
        let id = self.extends.as_deref()?;
        notices.into_iter().find(|n| n.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The text direction of the notice's language, `"ltr"` or `"rtl"`:
    /// the widget and the HTML export set it, so an English notice on a
    /// right-to-left page reads left to right.
    pub fn direction(&self) -> &'static str {
        let primary = self.language.split('-').next().unwrap_or("");
        let rtl = [
            "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
        ];
        if rtl.contains(&primary.to_ascii_lowercase().as_str()) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A contact detail of the controller as this notice states it, or else
    /// as the notice it extends (`parent`) does; `None` when neither states it.
    pub fn stated_contact<'a>(
        &'a self,
        parent: Option<&'a Notice>,
        pick: fn(&Controller) -> &Option<Text>,
    ) -> Option<&'a str> {
        std::iter::once(self)
            .chain(parent)
            .find_map(|n| pick(&n.controller).as_deref())
    }
}

/// A section as shown in a notice: its own, or one inherited from the
/// notice it extends.
#[derive(Clone, Copy, Debug)]
pub struct ShownSection<'a> {
    pub section: &'a Section,
    /// The notice the section belongs to when it is inherited.
    pub inherited_from: Option<&'a Notice>,
}

/// The sections a notice shows: its own, then those of the notice it
/// extends that it does not replace (same id), marked as inherited.
pub fn shown_sections<'a>(notice: &'a Notice, parent: Option<&'a Notice>) -> Vec<ShownSection<'a>> {
    let own = notice.sections.iter().map(|section| ShownSection {
        section,
        inherited_from: None,
    });
    let inherited = parent.into_iter().flat_map(|p| {
        p.sections
            .iter()
            .filter(|s| notice.section(&s.id).is_none())
            .map(move |section| ShownSection {
                section,
                inherited_from: Some(p),
            })
    });
    own.chain(inherited).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, expected: &[Block]) {
        assert_eq!(blocks(body).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn splits_paragraphs_and_list_items() {
        check(
            "One line\nsame paragraph.\n\nLead in:\n- first\n- second\n\nAfter.",
            &[
                Block::Paragraph("One line\nsame paragraph."),
                Block::Paragraph("Lead in:"),
                Block::ListItem("first"),
                Block::ListItem("second"),
                Block::Paragraph("After."),
            ],
        );
    }

    #[test]
    fn ignores_surrounding_blank_lines() {
        check("\n\n- only\n\n", &[Block::ListItem("only")]);
        check("", &[]);
    }
}

#[cfg(test)]
mod concept_packing {
    use super::*;

    fn concept(asks: &[&'static str], means: &[&'static str]) -> Concept {
        right_or_not(asks, means, false)
    }

    fn right_or_not(asks: &[&'static str], means: &[&'static str], right: bool) -> Concept {
        let list = |words: &[&'static str]| -> List<Text> {
            words
                .iter()
                .map(|w| Cow::Borrowed(*w))
                .collect::<Vec<_>>()
                .into()
        };
        Concept {
            asks: list(asks),
            means: list(means),
            right,
        }
    }

    #[test]
    fn unpack_gives_back_what_pack_wrote() {
        let concepts = vec![
            concept(&["sai no", "*dont want"], &["object", "consent"]),
            concept(&["how long"], &["retain"]),
            right_or_not(&["see file"], &["access"], true),
            concept(&["alone"], &[]),
        ];
        let packed: &'static str = Concept::pack(&concepts).unwrap().leak();
        assert_eq!(Concept::unpack(packed), concepts);
    }

    #[test]
    fn a_phrase_holding_a_separator_is_refused() {
        assert_eq!(Concept::pack(&[concept(&["a|b"], &["c"])]), None);
        assert_eq!(Concept::pack(&[concept(&["a"], &["c\tb"])]), None);
        assert_eq!(Concept::pack(&[concept(&["a", ""], &["c"])]), None);
    }

    #[test]
    fn the_glossary_packs_and_unpacks_too() {
        let term =
            |id: &'static str, matches: &[&'static str], definition: &'static str| GlossaryTerm {
                id: Cow::Borrowed(id),
                term: Cow::Borrowed("A term"),
                matches: matches
                    .iter()
                    .map(|m| Cow::Borrowed(*m))
                    .collect::<Vec<_>>()
                    .into(),
                definition: Cow::Borrowed(definition),
            };
        let glossary = vec![
            term(
                "dpo",
                &["data protection officer", "dpo"],
                "The person who checks we follow the law.",
            ),
            term("ico", &["ico"], "The UK's regulator, (for data)."),
        ];
        let packed: &'static str = GlossaryTerm::pack(&glossary).unwrap().leak();
        assert_eq!(GlossaryTerm::unpack(packed), glossary);
        assert_eq!(GlossaryTerm::pack(&[term("x", &["y"], "tab\there")]), None);
    }
}
