//! The search index: passages and an inverted index of their terms.
//!
//! Built at run time from the notices searched: by the widget on a family's
//! first search (nothing to build before the first section is usable), by
//! the CLI, the tests and the benchmarks on first use.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::model::{Block, GlossaryTerm, List, Notice, Text, blocks};
use crate::render::DATE_NOT_STATED;
use crate::text::{part, push_joined, terms};

/// What a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassageKind {
    /// A section's plain summary (`block` 0).
    Summary,
    /// A paragraph or list item of a section's wording (`block` is its index).
    Body,
    /// An explorer answer (`item` is the explorer item, `block` the answer).
    Explorer,
    /// A glossary definition (`item` is the term).
    Glossary,
    /// A fact of the notice's header, "About this notice" (`item` and
    /// `block` are 0: a reader that knows nothing of facts opens the first
    /// section, at the top of the notice, where the header is).
    About(AboutFact),
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

/// The heading of "About this notice" passages.
pub const ABOUT_HEADING: &str = "About this notice";

/// A fact of a notice's header, searchable as an "About this notice" passage:
/// how current the notice is, who publishes it, where the full version is,
/// how to reach the data protection officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AboutFact {
    Title,
    Publisher,
    Source,
    SourceUrl,
    Published,
    LastUpdated,
    Version,
    IcoRegistration,
    Contact,
    DpoEmail,
    ComplaintsEmail,
    IcoComplaintsUrl,
}

impl AboutFact {
    pub const ALL: [AboutFact; 12] = [
        AboutFact::Title,
        AboutFact::Publisher,
        AboutFact::Source,
        AboutFact::SourceUrl,
        AboutFact::Published,
        AboutFact::LastUpdated,
        AboutFact::Version,
        AboutFact::IcoRegistration,
        AboutFact::Contact,
        AboutFact::DpoEmail,
        AboutFact::ComplaintsEmail,
        AboutFact::IcoComplaintsUrl,
    ];

    /// The fact's name as shown ("Last updated: …"); its words are indexed
    /// with the passage, beside "About this notice".
    pub fn label(self) -> &'static str {
        match self {
            AboutFact::Title => "Title of this privacy notice",
            AboutFact::Publisher => {
                "Published by (the data controller, responsible for your personal data)"
            }
            AboutFact::Source => "Where this notice comes from",
            AboutFact::SourceUrl => "The full privacy notice online",
            AboutFact::Published => "Published",
            AboutFact::LastUpdated => "Last updated",
            AboutFact::Version => "Version",
            AboutFact::IcoRegistration => {
                "Registration number with the Information Commissioner's Office (ICO)"
            }
            AboutFact::Contact => "Contact us",
            AboutFact::DpoEmail => "Data Protection Officer (DPO) email",
            AboutFact::ComplaintsEmail => "Complaints email",
            AboutFact::IcoComplaintsUrl => {
                "Complain to the Information Commissioner's Office (ICO)"
            }
        }
    }

    /// The fact as `notice` states it; a contact detail it does not state
    /// comes from the notice it extends (as the widget shows it).
    pub fn value<'a>(self, notice: &'a Notice, notices: &'a [Notice]) -> Option<&'a str> {
        let parent = notice.parent_in(notices);
        let contact = |pick: fn(&crate::model::Controller) -> &Option<Text>| {
            notice.stated_contact(parent, pick)
        };
        match self {
            AboutFact::Title => Some(&*notice.title),
            AboutFact::Publisher => Some(&*notice.controller.name),
            AboutFact::Source => Some(&*notice.source),
            AboutFact::SourceUrl => notice.source_url.as_deref(),
            AboutFact::Published => notice.published.as_deref(),
            // As the header says it: a family asking how current the
            // notice is learns that it does not say.
            AboutFact::LastUpdated => {
                Some(notice.last_updated.as_deref().unwrap_or(DATE_NOT_STATED))
            }
            AboutFact::Version => notice.version.as_deref(),
            AboutFact::IcoRegistration => contact(|c| &c.ico_registration),
            AboutFact::Contact => contact(|c| &c.contact),
            AboutFact::DpoEmail => contact(|c| &c.dpo_email),
            AboutFact::ComplaintsEmail => contact(|c| &c.complaints_email),
            AboutFact::IcoComplaintsUrl => contact(|c| &c.ico_complaints_url),
        }
        .filter(|v| !v.trim().is_empty())
    }
}

/// For each block of a section body, the block that leads into its list
/// (the paragraph just before a run of list items: "…including:"), or
/// `None` (a paragraph, or a list with nothing before it).
pub fn lead_ins(body: &str) -> Vec<Option<usize>> {
    let mut lead = None;
    blocks(body)
        .enumerate()
        .map(|(i, block)| match block {
            Block::Paragraph(_) => {
                lead = Some(i);
                None
            }
            Block::ListItem(_) => lead,
        })
        .collect()
}

/// For each block of a section body, the paragraph that stands as a lower
/// heading over it ("4.2 What is the lawful basis for processing?", "About
/// your child": a heading `notice import` kept in the wording, as a short
/// paragraph before more wording), or `None`. A lower heading is over the
/// blocks after it up to the next, and over itself.
pub fn lower_headings(body: &str) -> Vec<Option<usize>> {
    let all: Vec<Block> = blocks(body).collect();
    let mut over = None;
    (0..all.len())
        .map(|i| {
            if is_lower_heading(&all[i]) && i + 1 < all.len() {
                over = Some(i);
            }
            over
        })
        .collect()
}

/// The most words a lower heading has.
const LOWER_HEADING_WORDS: usize = 12;

/// Whether a block reads as a heading kept in the wording: a one-line
/// paragraph of a few words that does not end as a sentence, a lead-in or
/// part of one does (no `.`, `:`, `,` or `;` at its end), and is no label
/// and value or address ("Email: …", "dpo@…").
fn is_lower_heading(block: &Block) -> bool {
    let Block::Paragraph(text) = block else {
        return false;
    };
    !text.contains(['\n', ':', '@'])
        && !text.ends_with(['.', ',', ';'])
        && text.split_whitespace().count() <= LOWER_HEADING_WORDS
}

/// "No lead-in" in [`Index::lead_ins`].
pub const NO_LEAD_IN: u16 = u16::MAX;

/// How many characters of a list a lead-in shows (at least one item).
const LIST_SHOWN_CHARS: usize = 300;

/// A passage as a result shows it: the heading, and the text with what it
/// needs to make sense alone (a list item's lead-in, a lead-in's list).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    pub heading: String,
    /// For a list item: the sentence that leads into its list (the last
    /// sentence of the paragraph before the list), shown before it.
    pub lead_in: Option<&'a str>,
    /// Whether `lead_in` is the end of a longer paragraph (show "…" first).
    pub lead_in_cut: bool,
    /// The passage itself (`Passage::block` points at it); for an "About
    /// this notice" fact, "label: value".
    pub text: Cow<'a, str>,
    /// For a paragraph that leads into a list: its first items.
    pub list: Vec<&'a str>,
    /// Whether the list has more items than `list`.
    pub list_cut: bool,
}

impl Shown<'_> {
    /// The text shown in a result, in one string: "lead-in item" for a list
    /// item, "lead-in: item; item; …" for a lead-in, else the passage.
    pub fn display_text(&self) -> String {
        let mut out = String::new();
        if let Some(lead_in) = self.lead_in {
            if self.lead_in_cut {
                out.push_str("… ");
            }
            out.push_str(lead_in);
            out.push(' ');
        }
        out.push_str(&self.text);
        if !self.list.is_empty() {
            out.push(' ');
            push_joined(&mut out, self.list.iter().copied(), "; ");
            if self.list_cut {
                out.push_str("; …");
            }
        }
        out
    }
}

/// The last sentence of a paragraph, and whether anything came before it.
fn last_sentence(paragraph: &str) -> (&str, bool) {
    let body = paragraph.trim_end_matches([':', ' ']);
    match body.rfind(['.', '?', '!']) {
        Some(end)
            if end + 1 < body.len() && part(body, end + 1..).starts_with(char::is_whitespace) =>
        {
            (part(paragraph, end + 1..).trim_start(), true)
        }
        _ => (paragraph, false),
    }
}

/// How a passage is shown in a result: its heading, and its text with the
/// lead-in of its list (a list item) or the start of its list (a lead-in).
/// `Passage::block` still names the matching block, to scroll to.
pub fn shown_passage<'a>(
    passage: &Passage,
    notices: &'a [Notice],
    glossary: &'a [GlossaryTerm],
) -> Shown<'a> {
    let mut shown = Shown {
        heading: String::new(),
        lead_in: None,
        lead_in_cut: false,
        text: Cow::Borrowed(""),
        list: Vec::new(),
        list_cut: false,
    };
    let notice = &notices[usize::from(passage.notice)];
    let item = usize::from(passage.item);
    let block = usize::from(passage.block);
    match passage.kind {
        PassageKind::About(fact) => {
            shown.heading = ABOUT_HEADING.to_string();
            let value = fact.value(notice, notices).unwrap_or("");
            shown.text = Cow::Owned(format!("{}: {value}", fact.label()));
        }
        PassageKind::Summary => {
            let s = &notice.sections[item];
            shown.heading = format!("{} (in short)", s.heading);
            shown.text = Cow::Borrowed(&s.summary);
        }
        PassageKind::Body => {
            let s = &notice.sections[item];
            shown.heading = s.heading.to_string();
            let all: Vec<Block> = blocks(&s.body).collect();
            let leads = lead_ins(&s.body);
            shown.text = Cow::Borrowed(all.get(block).map_or("", |b| b.text()));
            if let Some(Some(lead)) = leads.get(block) {
                let (sentence, cut) = last_sentence(all[*lead].text());
                (shown.lead_in, shown.lead_in_cut) = (Some(sentence), cut);
            }
            let mut chars = 0;
            for (b, lead) in leads.iter().enumerate().skip(block + 1) {
                if *lead != Some(block) {
                    break;
                }
                if chars >= LIST_SHOWN_CHARS {
                    shown.list_cut = true;
                    break;
                }
                let text = all[b].text();
                chars += text.len();
                shown.list.push(text);
            }
        }
        PassageKind::Explorer => {
            let e = &notice.explorer[item];
            let a = &e.answers[block];
            shown.heading = format!("{}: {}", e.label, a.question.asked());
            shown.text = Cow::Borrowed(&a.text);
        }
        PassageKind::Glossary => {
            let t = &glossary[item];
            shown.heading = format!("What \"{}\" means", t.term);
            shown.text = Cow::Borrowed(&t.definition);
        }
    }
    shown
}

/// An inverted index over passages, stored compactly: it ships in the Wasm.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub passages: List<Passage>,
    /// Length of each passage's text in terms (at most 255; its heading
    /// not counted), for BM25's length normalisation.
    pub lengths: List<u8>,
    /// For a list item, the passage that leads into its list ([`NO_LEAD_IN`]
    /// for others): a lead-in's items are the passages just after it that
    /// name it.
    pub lead_ins: List<u16>,
    /// A fingerprint of each passage's text, to show one of identical texts
    /// (the same list item in several notices) once.
    pub fingerprints: List<u32>,
    /// The first passage under each heading (a section's, an explorer
    /// item's, a definition's), and the end of the last.
    pub head_starts: List<u16>,
    /// Every term (stem), sorted, one after another.
    pub terms: Text,
    /// The length of each term in `terms`.
    pub term_lengths: List<u8>,
    /// Each term's postings: the passages it occurs in, once per
    /// occurrence, as LEB128 varints of the difference from the previous
    /// passage (0 repeats it). Small numbers make small, compressible bytes.
    pub postings: List<u8>,
    /// The length in bytes of each term's postings, as LEB128 varints.
    pub posting_lengths: List<u8>,
    /// Where each term and its postings start, worked out from the lengths
    /// on first use (shipping lengths, not offsets, keeps the Wasm smaller).
    pub starts: OnceLock<Starts>,
}

/// Offsets of each term in `Index::terms` and of its postings in
/// `Index::postings`, each list ending with the end of the last.
#[derive(Clone, Debug, PartialEq)]
pub struct Starts {
    terms: Vec<u32>,
    postings: Vec<u32>,
}

/// The heading and text of a passage as a result shows it (the text with
/// its list's lead-in, or a lead-in with its list: see [`shown_passage`]).
pub fn passage_heading_and_text<'a>(
    passage: &Passage,
    notices: &'a [Notice],
    glossary: &'a [GlossaryTerm],
) -> (String, Cow<'a, str>) {
    let shown = shown_passage(passage, notices, glossary);
    let text = if shown.lead_in.is_none() && shown.list.is_empty() {
        shown.text.clone()
    } else {
        Cow::Owned(shown.display_text())
    };
    (shown.heading, text)
}

/// The passage's own text, as indexed: a block, summary, answer or
/// definition, or an "About this notice" fact's value.
pub fn passage_text<'a>(
    passage: &Passage,
    notices: &'a [Notice],
    glossary: &'a [GlossaryTerm],
) -> &'a str {
    let notice = &notices[usize::from(passage.notice)];
    let item = usize::from(passage.item);
    let block = usize::from(passage.block);
    match passage.kind {
        PassageKind::About(fact) => fact.value(notice, notices).unwrap_or(""),
        PassageKind::Summary => &notice.sections[item].summary,
        PassageKind::Body => blocks(&notice.sections[item].body)
            .nth(block)
            .map_or("", Block::text),
        PassageKind::Explorer => &notice.explorer[item].answers[block].text,
        PassageKind::Glossary => &glossary[item].definition,
    }
}

/// The heading words indexed with a passage. An explorer answer is indexed
/// under its kind of data only: the question ("Who may see it") is the same
/// for every kind and would match them all. A definition is indexed under
/// its term and "means", as shown ("What \"IP address\" means"), so that
/// "what does … mean" finds definitions.
fn index_heading(passage: &Passage, notices: &[Notice], glossary: &[GlossaryTerm]) -> String {
    let notice = &notices[usize::from(passage.notice)];
    let item = usize::from(passage.item);
    match passage.kind {
        PassageKind::About(fact) => format!("{ABOUT_HEADING} {}", fact.label()),
        PassageKind::Summary | PassageKind::Body => notice.sections[item].heading.to_string(),
        PassageKind::Explorer => notice.explorer[item].label.to_string(),
        PassageKind::Glossary => format!("{} means", glossary[item].term),
    }
}

/// A passage for each definition whose term the notices' wording uses: an
/// early help page has no answer in "corporate parenting".
fn used_definitions<'a>(
    notices: &[Notice],
    glossary: &'a [GlossaryTerm],
) -> impl Iterator<Item = Passage> + 'a {
    let wording: Vec<String> = notices
        .iter()
        .flat_map(|n| n.sections.iter())
        .map(|s| s.body.to_ascii_lowercase())
        .collect();
    glossary
        .iter()
        .enumerate()
        .filter(move |(_, term)| wording.iter().any(|w| term.found_in(w).is_some()))
        .map(|(t, _)| Passage {
            kind: PassageKind::Glossary,
            notice: 0,
            item: u16::try_from(t).unwrap_or_else(|_| panic!("fewer than 65536 terms")),
            block: 0,
        })
}

impl Index {
    /// Indexes every passage of `notices` and `glossary`.
    pub fn build(notices: &[Notice], glossary: &[GlossaryTerm]) -> Index {
        let mut passages = Vec::new();
        let mut lead_in_of = Vec::new();
        // For each body passage, the block of the lower heading over it
        // (see [`lower_headings`]), which heads its passages.
        let mut lower_heading_of: Vec<Option<u16>> = Vec::new();
        let to_u16 = |n: usize| {
            u16::try_from(n).unwrap_or_else(|_| panic!("fewer than 65536 passages and items"))
        };
        for (n, notice) in notices.iter().enumerate() {
            for (s, section) in notice.sections.iter().enumerate() {
                let at = |kind, block| Passage {
                    kind,
                    notice: to_u16(n),
                    item: to_u16(s),
                    block: to_u16(block),
                };
                passages.push(at(PassageKind::Summary, 0));
                lead_in_of.push(NO_LEAD_IN);
                lower_heading_of.push(None);
                let first = passages.len();
                let lower = lower_headings(&section.body);
                for (b, lead) in lead_ins(&section.body).into_iter().enumerate() {
                    passages.push(at(PassageKind::Body, b));
                    lead_in_of.push(lead.map_or(NO_LEAD_IN, |l| to_u16(first + l)));
                    lower_heading_of.push(lower.get(b).copied().flatten().map(to_u16));
                }
            }
            for (e, item) in notice.explorer.iter().enumerate() {
                passages.extend((0..item.answers.len()).map(|a| Passage {
                    kind: PassageKind::Explorer,
                    notice: to_u16(n),
                    item: to_u16(e),
                    block: to_u16(a),
                }));
            }
            // The header's facts, "About this notice" (a notice with no
            // section has nowhere to open them).
            if !notice.sections.is_empty() {
                passages.extend(
                    AboutFact::ALL
                        .into_iter()
                        .filter(|fact| fact.value(notice, notices).is_some())
                        .map(|fact| Passage {
                            kind: PassageKind::About(fact),
                            notice: to_u16(n),
                            item: 0,
                            block: 0,
                        }),
                );
            }
            lead_in_of.resize(passages.len(), NO_LEAD_IN);
            lower_heading_of.resize(passages.len(), None);
        }
        passages.extend(used_definitions(notices, glossary));
        lead_in_of.resize(passages.len(), NO_LEAD_IN);
        lower_heading_of.resize(passages.len(), None);

        // Headings are indexed once per head (a section, an explorer item,
        // a definition), not once per passage: the passages of a head are
        // consecutive, and a heading's terms count for each of them.
        let mut by_term: BTreeMap<String, (Vec<u16>, Vec<u16>)> = BTreeMap::new();
        let mut lengths = Vec::with_capacity(passages.len());
        let mut fingerprints = Vec::with_capacity(passages.len());
        let mut head_starts = Vec::new();
        for (p, passage) in passages.iter().enumerate() {
            // A lower heading heads the passages under it, with its
            // section's heading: its words are what they are about.
            let lower = lower_heading_of[p];
            let starts_head =
                p == 0 || !same_head(&passages[p - 1], passage) || lower != lower_heading_of[p - 1];
            if starts_head {
                let head = to_u16(head_starts.len());
                head_starts.push(to_u16(p));
                let mut heading = index_heading(passage, notices, glossary);
                if let Some(b) = lower {
                    let at = Passage {
                        block: b,
                        ..*passage
                    };
                    heading.push(' ');
                    heading.push_str(passage_text(&at, notices, glossary));
                }
                for term in terms(&heading) {
                    by_term.entry(term).or_default().0.push(head);
                }
            }
            let text = passage_text(passage, notices, glossary);
            fingerprints.push(fingerprint(text));
            let mut length = 0;
            // A lower heading is no answer of its own: its words count as
            // its passages' heading, its own text is not indexed (a passage
            // of length 0, which the search never shows).
            if lower != Some(passage.block) || passage.kind != PassageKind::Body {
                for term in terms(text) {
                    by_term.entry(term).or_default().1.push(to_u16(p));
                    length += 1;
                }
            }
            lengths.push(u8::try_from(length).unwrap_or(u8::MAX));
        }
        head_starts.push(to_u16(passages.len()));
        let mut terms = String::new();
        let mut term_lengths = Vec::new();
        let mut postings = Vec::new();
        let mut posting_lengths = Vec::new();
        for (term, (heads, in_text)) in &by_term {
            terms.push_str(term);
            term_lengths.push(
                u8::try_from(term.len())
                    .unwrap_or_else(|_| panic!("a stem shorter than 256 bytes")),
            );
            let start = postings.len();
            write_varint(&mut postings, u32::from(to_u16(heads.len())));
            for list in [heads, in_text] {
                let mut previous = 0;
                for &n in list {
                    write_varint(&mut postings, u32::from(n - previous));
                    previous = n;
                }
            }
            let length = u32::try_from(postings.len() - start)
                .unwrap_or_else(|_| panic!("index under 4 GiB"));
            write_varint(&mut posting_lengths, length);
        }
        Index {
            passages: passages.into(),
            lengths: lengths.into(),
            lead_ins: lead_in_of.into(),
            fingerprints: fingerprints.into(),
            head_starts: head_starts.into(),
            terms: Text::Owned(terms),
            term_lengths: term_lengths.into(),
            postings: postings.into(),
            posting_lengths: posting_lengths.into(),
            starts: OnceLock::new(),
        }
    }

    /// For a paragraph or list item of a section's wording (passage `p`),
    /// its section's summary: [`Index::build`] puts each section's summary
    /// just before the blocks of its wording.
    pub fn summary_of(&self, p: usize) -> Option<usize> {
        let passage = self.passages[p];
        (passage.kind == PassageKind::Body).then(|| p - usize::from(passage.block) - 1)
    }

    /// The number of terms.
    pub fn term_count(&self) -> usize {
        self.term_lengths.len()
    }

    fn starts(&self) -> &Starts {
        self.starts.get_or_init(|| {
            let running = |lengths: &mut dyn Iterator<Item = usize>| {
                let mut at = 0u32;
                std::iter::once(0)
                    .chain(lengths.map(|l| {
                        at += u32::try_from(l).unwrap_or_else(|_| panic!("index under 4 GiB"));
                        at
                    }))
                    .collect()
            };
            let mut bytes = self.posting_lengths.iter();
            Starts {
                terms: running(&mut self.term_lengths.iter().map(|&l| usize::from(l))),
                postings: running(&mut std::iter::from_fn(|| {
                    read_varint(&mut bytes).map(|l| l as usize)
                })),
            }
        })
    }

    /// Term number `t`.
    pub fn term(&self, t: usize) -> &str {
        let starts = &self.starts().terms;
        part(&self.terms, starts[t] as usize..starts[t + 1] as usize)
    }

    /// The number of a term, if indexed.
    pub fn term_number(&self, term: &str) -> Option<usize> {
        let t = self.first_term_from(term);
        (t < self.term_count() && self.term(t) == term).then_some(t)
    }

    /// The number of the first term not before `term` in sort order.
    pub fn first_term_from(&self, term: &str) -> usize {
        let (mut low, mut high) = (0, self.term_count());
        while low < high {
            let mid = (low + high) / 2;
            if self.term(mid) < term {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// The passages term number `t` occurs in, in order, once per
    /// occurrence, each with whether it is in the heading (a heading's
    /// occurrence counts for every passage under it).
    pub fn postings_of(&self, t: usize) -> impl Iterator<Item = (u16, bool)> + use<> {
        let mut bytes = self.postings
            [self.starts().postings[t] as usize..self.starts().postings[t + 1] as usize]
            .iter();
        let head_count = read_varint(&mut bytes).unwrap_or(0) as usize;
        let mut deltas = std::iter::from_fn(|| read_varint(&mut bytes));
        // Running sums of the deltas: head and passage numbers fit in u16.
        let running = |n: &mut u32, d: u32| {
            *n += d;
            u16::try_from(*n).ok()
        };
        let heads: Vec<u16> = deltas.by_ref().take(head_count).scan(0, running).collect();
        let in_text: Vec<u16> = deltas.scan(0, running).collect();
        // Heading occurrences, as passages in order (a head named twice counts twice).
        let mut from_headings = Vec::new();
        let mut i = 0;
        while i < heads.len() {
            let head = usize::from(heads[i]);
            let times = heads[i..]
                .iter()
                .take_while(|&&h| usize::from(h) == head)
                .count();
            for p in self.head_starts[head]..self.head_starts[head + 1] {
                from_headings.extend(std::iter::repeat_n(p, times));
            }
            i += times;
        }
        merge_sorted(from_headings, in_text).into_iter()
    }

    pub fn average_length(&self) -> f32 {
        let total: u32 = self.lengths.iter().map(|&l| u32::from(l)).sum();
        total as f32 / self.lengths.len().max(1) as f32
    }
}

/// FNV-1a of a text.
fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Whether two passages are under the same heading (each header fact has its own).
fn same_head(a: &Passage, b: &Passage) -> bool {
    let group = |kind| match kind {
        PassageKind::Summary | PassageKind::Body => Some(0),
        PassageKind::Explorer => Some(1),
        PassageKind::Glossary => Some(2),
        PassageKind::About(_) => None,
    };
    match (group(a.kind), group(b.kind)) {
        (Some(x), Some(y)) => x == y && a.notice == b.notice && a.item == b.item,
        _ => a == b,
    }
}

/// Merges two ascending lists into one, each entry marked with whether it
/// came from the first.
fn merge_sorted(a: Vec<u16>, b: Vec<u16>) -> Vec<(u16, bool)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next().map(|p| (p, true)),
            (_, Some(_)) => b.next().map(|p| (p, false)),
            (Some(_), None) => a.next().map(|p| (p, true)),
            (None, None) => return out,
        };
        out.extend(next);
    }
}

fn write_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &mut std::slice::Iter<'_, u8>) -> Option<u32> {
    let mut n = 0u32;
    let mut shift = 0;
    loop {
        let byte = *bytes.next()?;
        n |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn a_short_paragraph_before_more_wording_is_a_lower_heading() {
        let body = "2.1 What we hold\n\nNames and addresses.\n\n- a list item\n\n\
                    About you\n\n- your name\n\nWe also keep:\n\n- notes\n\n\
                    Email: dpo@example.org\n\nWycliffe House\nWater Lane\n\nLast words";
        assert_eq!(
            lower_headings(body),
            [
                Some(0),
                Some(0),
                Some(0),
                Some(3),
                Some(3),
                Some(3),
                Some(3),
                Some(3),
                Some(3),
                Some(3),
            ]
        );
        // None before the first; a short last paragraph heads nothing.
        assert_eq!(lower_headings("We keep it.\n\nThe end"), [None, None]);
    }

    #[test]
    fn postings_and_lengths_survive_their_encoding() {
        // No heading occurrences, then the passages in the text.
        let mut bytes = vec![0];
        let passages = [0u16, 0, 5, 300, 300, 65535];
        let mut previous = 0;
        for &p in &passages {
            write_varint(&mut bytes, u32::from(p - previous));
            previous = p;
        }
        // Two terms, "a" and "bc": the first has those postings, the second none.
        let mut posting_lengths = Vec::new();
        write_varint(&mut posting_lengths, u32::try_from(bytes.len()).unwrap());
        write_varint(&mut posting_lengths, 0);
        let index = Index {
            passages: Cow::Borrowed(&[]),
            lengths: Cow::Borrowed(&[]),
            lead_ins: Cow::Borrowed(&[]),
            fingerprints: Cow::Borrowed(&[]),
            head_starts: Cow::Borrowed(&[0]),
            terms: Cow::Borrowed("abc"),
            term_lengths: Cow::Borrowed(&[1, 2]),
            postings: bytes.into(),
            posting_lengths: posting_lengths.into(),
            starts: OnceLock::new(),
        };
        assert_eq!(
            index.postings_of(0).map(|(p, _)| p).collect::<Vec<_>>(),
            passages
        );
        assert_eq!(index.postings_of(1).count(), 0);
        assert_eq!((index.term(0), index.term(1)), ("a", "bc"));
        assert_eq!(
            (index.term_number("bc"), index.term_number("b")),
            (Some(1), None)
        );
    }
}
