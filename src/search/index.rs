//! The search index: passages and an inverted index of their terms.
//!
//! Built once, at build time, by `build.rs` (the widget never re-indexes at
//! start-up), and at run time only by tests and benchmarks.

use std::collections::BTreeMap;

use crate::model::{Block, GlossaryTerm, List, Notice, Text, blocks};
use crate::text::terms;

/// What a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassageKind {
    /// A section's plain summary.
    Summary,
    /// A paragraph or list item of a section's wording (`block` is its index).
    Body,
    /// An explorer answer (`item` is the explorer item, `block` the answer).
    Explorer,
    /// A glossary definition (`item` is the term).
    Glossary,
}

/// A passage: a paragraph, list item, summary, explorer answer or
/// definition, found by its place in the notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    pub kind: PassageKind,
    /// Index of the notice (unused for glossary passages).
    pub notice: u16,
    /// Section, explorer item or glossary term index.
    pub item: u16,
    /// Body block or answer index.
    pub block: u16,
}

/// How much a term found in a passage's heading counts, against once in its text.
pub const HEADING_WEIGHT: usize = 2;

/// An inverted index over passages.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub passages: List<Passage>,
    /// Length of each passage in terms, for BM25's length normalisation.
    pub lengths: List<u16>,
    /// Sorted, unique terms (stems).
    pub terms: List<Text>,
    /// `postings[starts[t]..starts[t + 1]]` lists, for term `t`, each
    /// passage once per occurrence.
    pub starts: List<u32>,
    pub postings: List<u16>,
}

/// The heading and text of a passage as shown to a reader.
pub fn passage_heading_and_text<'a>(
    passage: &Passage,
    notices: &'a [Notice],
    glossary: &'a [GlossaryTerm],
) -> (String, &'a str) {
    let notice = &notices[usize::from(passage.notice)];
    let item = usize::from(passage.item);
    let block = usize::from(passage.block);
    match passage.kind {
        PassageKind::Summary => {
            let s = &notice.sections[item];
            (format!("{} (in short)", s.heading), &s.summary)
        }
        PassageKind::Body => {
            let s = &notice.sections[item];
            let text = blocks(&s.body).nth(block).map_or("", Block::text);
            (s.heading.to_string(), text)
        }
        PassageKind::Explorer => {
            let e = &notice.explorer[item];
            let a = &e.answers[block];
            (format!("{}: {}", e.label, a.question.asked()), &a.text)
        }
        PassageKind::Glossary => {
            let t = &glossary[item];
            (format!("What \"{}\" means", t.term), &t.definition)
        }
    }
}

/// The heading words indexed with a passage. An explorer answer is indexed
/// under its kind of data only: the question ("Who may see it") is the same
/// for every kind and would match them all.
fn index_heading(passage: &Passage, notices: &[Notice], glossary: &[GlossaryTerm]) -> String {
    let notice = &notices[usize::from(passage.notice)];
    let item = usize::from(passage.item);
    match passage.kind {
        PassageKind::Summary | PassageKind::Body => notice.sections[item].heading.to_string(),
        PassageKind::Explorer => notice.explorer[item].label.to_string(),
        PassageKind::Glossary => glossary[item].term.to_string(),
    }
}

impl Index {
    /// Indexes every passage of `notices` and `glossary`.
    pub fn build(notices: &[Notice], glossary: &[GlossaryTerm]) -> Index {
        let mut passages = Vec::new();
        let to_u16 = |n: usize| u16::try_from(n).expect("fewer than 65536 passages and items");
        for (n, notice) in notices.iter().enumerate() {
            for (s, section) in notice.sections.iter().enumerate() {
                let at = |kind, block| Passage {
                    kind,
                    notice: to_u16(n),
                    item: to_u16(s),
                    block: to_u16(block),
                };
                passages.push(at(PassageKind::Summary, 0));
                passages
                    .extend((0..blocks(&section.body).count()).map(|b| at(PassageKind::Body, b)));
            }
            for (e, item) in notice.explorer.iter().enumerate() {
                passages.extend((0..item.answers.len()).map(|a| Passage {
                    kind: PassageKind::Explorer,
                    notice: to_u16(n),
                    item: to_u16(e),
                    block: to_u16(a),
                }));
            }
        }
        passages.extend((0..glossary.len()).map(|t| Passage {
            kind: PassageKind::Glossary,
            notice: 0,
            item: to_u16(t),
            block: 0,
        }));

        let mut by_term: BTreeMap<String, Vec<u16>> = BTreeMap::new();
        let mut lengths = Vec::with_capacity(passages.len());
        for (p, passage) in passages.iter().enumerate() {
            let (_, text) = passage_heading_and_text(passage, notices, glossary);
            let heading = index_heading(passage, notices, glossary);
            let heading_terms =
                terms(&heading).flat_map(|t| std::iter::repeat_n(t, HEADING_WEIGHT));
            let mut length = 0;
            for term in heading_terms.chain(terms(text)) {
                by_term.entry(term).or_default().push(to_u16(p));
                length += 1;
            }
            lengths.push(to_u16(length));
        }
        let mut starts = vec![0u32];
        let mut postings = Vec::new();
        for list in by_term.values() {
            postings.extend_from_slice(list);
            starts.push(u32::try_from(postings.len()).expect("postings fit in u32"));
        }
        Index {
            passages: passages.into(),
            lengths: lengths.into(),
            terms: by_term.into_keys().map(Text::Owned).collect(),
            starts: starts.into(),
            postings: postings.into(),
        }
    }

    /// The postings of term number `t`.
    pub fn postings_of(&self, t: usize) -> &[u16] {
        &self.postings[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// The number of a term, if indexed.
    pub fn term_number(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_ref().cmp(term)).ok()
    }

    pub fn average_length(&self) -> f32 {
        let total: u32 = self.lengths.iter().map(|&l| u32::from(l)).sum();
        total as f32 / self.lengths.len().max(1) as f32
    }
}
