//! Passage search that understands how families ask: typos, word forms,
//! question words, and a reviewed map of family words to notice words.
//!
//! One core for the widget and the CLI, so what the CLI measures is what
//! families get. Scoring is BM25 over passages, with every query word (or
//! matched concept) a group whose best alternative counts (the others a
//! little), times the square of how much of the question a passage covers:
//! the share of the groups it
//! matches, each group weighted by the inverse document frequency of its
//! rarest term times that alternative's weight (so "data", in nearly every
//! passage, counts little, and a word asked counts more than one inferred
//! from a concept). At most one answer per kind of data is returned.

pub mod index;
mod weights;

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{Answer, Concept, GlossaryTerm, Notice};
use crate::text::{STOP_MARK, Word, is_family_word, is_stop_word, part, push_joined, stem, words};
pub use index::{Index, Passage, PassageKind};
use index::{NO_LEAD_IN, passage_heading_and_text, passage_text};
pub use weights::Weights;

/// The most the search reads of a question, in characters and in words: a
/// guard on its work, never a refusal a family sees (see [`check_query`]).
pub const MAX_QUERY_CHARS: usize = 200;
/// See [`MAX_QUERY_CHARS`].
pub const MAX_QUERY_WORDS: usize = 32;
/// The longest message the search box takes, in characters: families write
/// long messages ("my son is 12 and … so will the school be told?"). Up to
/// this, a question is searched by the words that carry its ask; a longer
/// one (pasted, or a page's script) is refused.
pub const MAX_QUESTION_CHARS: usize = 1000;

/// A question longer than [`MAX_QUESTION_CHARS`] characters. Its message
/// never repeats the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueryTooLong;

impl std::fmt::Display for QueryTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "That question is too long to search. Please ask it in fewer words \
             (up to {MAX_QUESTION_CHARS} characters)."
        )
    }
}

impl std::error::Error for QueryTooLong {}

/// The question the search takes, trimmed: as it is, within
/// [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words; a longer
/// message (up to [`MAX_QUESTION_CHARS`]), cut to the words that carry its
/// ask ([`words_that_ask`]). Reads no more than `MAX_QUESTION_CHARS + 1`
/// characters of `query`, however long it is.
pub fn check_query(query: &str) -> Result<Cow<'_, str>, QueryTooLong> {
    let query = query.trim();
    if query.chars().nth(MAX_QUESTION_CHARS).is_some() {
        return Err(QueryTooLong);
    }
    if query.chars().nth(MAX_QUERY_CHARS).is_none() && words(query).nth(MAX_QUERY_WORDS).is_none() {
        return Ok(Cow::Borrowed(query));
    }
    Ok(Cow::Owned(words_that_ask(query)))
}

/// The words of a long message that carry its ask, within the caps: all
/// of the question sentence (the last with a "?", else the last), then the
/// words of the story around it that mean something (no stop words), the
/// nearest sentences to the question first; in the message's order. Work
/// grows with the message's words times its sentences, both capped by
/// [`MAX_QUESTION_CHARS`].
fn words_that_ask(message: &str) -> String {
    let ends = |text: &str, marks: &[u8]| text.bytes().any(|b| marks.contains(&b));
    let (mut sentence, mut at, mut asked) = (0, 0, None);
    let mut found = Vec::new();
    for word in words(message) {
        let between = part(message, at..word.start);
        if !found.is_empty() && ends(between, b".!?\n") {
            if ends(between, b"?") {
                asked = Some(sentence);
            }
            sentence += 1;
        }
        at = word.start + word.original.len();
        found.push((word, sentence));
    }
    if ends(part(message, at..), b"?") {
        asked = Some(sentence);
    }
    let asked: usize = asked.unwrap_or(sentence);
    let mut kept = vec![false; found.len()];
    let (mut count, mut chars) = (0, 0);
    for distance in 0..=sentence {
        for (i, (word, s)) in found.iter().enumerate() {
            let length = word.original.len() + 1;
            if s.abs_diff(asked) == distance
                && (distance == 0 || !is_stop_word(&word.folded))
                && count < MAX_QUERY_WORDS
                && chars + length <= MAX_QUERY_CHARS
            {
                kept[i] = true;
                count += 1;
                chars += length;
            }
        }
    }
    let mut out = String::new();
    let picked = found.iter().zip(&kept).filter(|(_, k)| **k);
    push_joined(&mut out, picked.map(|((word, _), _)| word.original), " ");
    out
}

/// Hits kept while ranking, beyond those asked for, so that one dropped as
/// a repeat (the same list, the same text) leaves the next in its place.
const SPARE_HITS: usize = 8;

/// The fewest hits ranked, whatever the limit: a plain answer pairs with
/// the wording it stands for among them ([`Corpus::plain_first`]), so the
/// first results do not change with how many are asked for (the widget
/// shows 8; `notice search --limit 3` shows its first 3).
const FEWEST_RANKED: usize = 8;
/// At most this many passages of one list (a lead-in and its items) are hits.
const MAX_PER_LIST: usize = 2;

/// The most meaningful words a question about a term may have after "what
/// is" ("what is a child in need plan").
const MAX_TERM_WORDS: usize = 4;

/// Whether a question asks what a term is: "what is a CIN plan", "wots
/// profiling", "what are special category data". "What does it mean"
/// questions need no help: the definitions' headings say "means".
fn asks_what_a_term_is(words: &[Word]) -> bool {
    let mut words = words.iter().map(|w| w.folded.as_str());
    let opens = match words.next() {
        Some("whats" | "wots" | "wats") => true,
        Some("what" | "wot" | "wat") => {
            matches!(words.next(), Some("is" | "are" | "r" | "s"))
        }
        _ => false,
    };
    opens && {
        let meaningful = words.filter(|w| !is_stop_word(w)).count();
        (1..=MAX_TERM_WORDS).contains(&meaningful)
    }
}

/// Everything the search reads.
#[derive(Clone, Copy)]
pub struct Corpus<'a> {
    pub notices: &'a [Notice],
    pub glossary: &'a [GlossaryTerm],
    pub concepts: &'a ConceptMap,
    pub index: &'a Index,
    /// How it weighs what it finds: [`Weights::DEFAULT`] but in experiments.
    pub weights: &'a Weights,
}

/// The concept map as the search reads it: the concepts, and the stems of
/// the meaningful words of their asks, gathered once: every word of a
/// question that the notices do not know is looked for among them.
#[derive(Clone, Debug, Default)]
pub struct ConceptMap {
    concepts: Vec<Concept>,
    stems: Vec<String>,
}

impl ConceptMap {
    pub fn new(concepts: Vec<Concept>) -> ConceptMap {
        let stems = concepts
            .iter()
            .flat_map(|c| c.asks.iter())
            .flat_map(|a| phrase_words(a).filter(|(_, stop)| !stop))
            .map(|(stem, _)| stem.to_string())
            .collect();
        ConceptMap { concepts, stems }
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// Whether families use the stem `word` in an ask.
    fn has_stem(&self, word: &str) -> bool {
        self.stems.iter().any(|s| s == word)
    }
}

/// Which notices to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every notice.
    All,
    /// One notice (by index) with the sections it inherits.
    Notice(usize),
}

/// A passage found, with its score; a plain answer (a section's summary,
/// an explorer answer) with the publisher's wording that also answered,
/// shown beneath it as one result ([`Corpus::plain_first`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub passage: Passage,
    pub score: f32,
    /// The wording (a body passage) the plain answer stands for, if it
    /// was found too.
    pub wording: Option<Passage>,
}

/// Where a passage is, for a result to lead to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// A section of the notice (its summary or wording), by id.
    Section(&'a str),
    /// A kind of data in "What happens to my data", by id.
    Explorer(&'a str),
    /// The header's facts ("About this notice"), in no section.
    About,
    /// A glossary definition, by the term's id.
    Glossary(&'a str),
}

/// A search: the query's terms and the hits, best first.
#[derive(Clone, Debug, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Stems that matched anything, for highlighting.
    pub matched_terms: Vec<String>,
}

/// One way of reading what was asked: a word, or a phrase of words that
/// count together ("visual images"), with how much it is trusted.
#[derive(Clone, Debug)]
struct Alternative {
    terms: Vec<usize>,
    weight: f32,
}

/// Alternatives that stand for one thing asked; a passage scores by the
/// best it matches, plus a share of the others ([`Weights::other_alternatives`]).
type Group = Vec<Alternative>;

/// What each passage matches of a question's groups ([`Corpus::match_groups`]).
struct Matches {
    /// Per passage: its score over the groups it matches.
    totals: Vec<f32>,
    /// Per passage: the groups it matches.
    matched: Vec<GroupSet>,
    /// Per group: its weight, the inverse document frequency of its rarest
    /// term times the weight of that term's alternative.
    group_weights: Vec<f32>,
    /// The sum of the groups' weights.
    total_weight: f32,
    /// The index's words the question matched, to mark in results.
    matched_terms: Vec<String>,
}

/// The groups of a question as they are made: the concepts' first, then
/// the other words'.
struct Grouping {
    groups: Vec<Group>,
    /// Per group: whether it is a right the question names.
    rights: Vec<bool>,
    /// Per word: whether a concept's ask used it.
    used: Vec<bool>,
    /// Per word: the group it is in, if any.
    group_of: Vec<Option<usize>>,
}

impl Grouping {
    /// No groups yet, for a question of `words` words.
    fn new(words: usize) -> Grouping {
        Grouping {
            groups: Vec::new(),
            rights: Vec::new(),
            used: vec![false; words],
            group_of: vec![None; words],
        }
    }
}

/// A question read as groups, and which of them say what is asked rather
/// than whom or where it is about (a relative, the service's name), and
/// which are named only in the family's story.
struct Groups {
    groups: Vec<Group>,
    /// The groups that say what is asked.
    asked: GroupSet,
    /// The groups every word of which is in the situation told around the
    /// question ([`the_ask`]).
    told: GroupSet,
}

/// A set of a question's groups, by number: bit g for group g. Only the
/// first [`GROUP_SET_BITS`] groups count for coverage (a later one still
/// scores). Each word of a question makes one group at most, and a
/// question the search takes ([`check_query`]) has at most
/// [`MAX_QUERY_WORDS`], which the compiler checks fit; a concept named by
/// stop words alone ("have to") adds a group beside them.
type GroupSet = u64;

/// How many groups a [`GroupSet`] holds.
const GROUP_SET_BITS: usize = GroupSet::BITS as usize;
const _: () = assert!(
    MAX_QUERY_WORDS <= GROUP_SET_BITS,
    "a group per word of the longest question fits in a GroupSet"
);

/// The set of group `g` alone (empty past [`GROUP_SET_BITS`]).
fn group_bit(g: usize) -> GroupSet {
    if g < GROUP_SET_BITS { 1 << g } else { 0 }
}

impl<'a> Corpus<'a> {
    /// Searches `scope` for `query`, best `limit` passages first.
    pub fn search(&self, scope: Scope, query: &str, limit: usize) -> Results {
        let query_words: Vec<Word> = words(query).collect();
        let Groups {
            groups,
            asked,
            told,
        } = self.query_groups(scope, query, &query_words);
        let about_a_term = asks_what_a_term_is(&query_words);
        let index = self.index;
        let weights = self.weights;
        let Matches {
            totals,
            matched,
            group_weights,
            total_weight,
            matched_terms,
        } = self.match_groups(&groups, told);
        let covered = |mask: GroupSet| -> f32 {
            group_weights
                .iter()
                .enumerate()
                .filter(|&(g, _)| mask & group_bit(g) != 0)
                .map(|(_, w)| w)
                .sum()
        };
        let mut hits: Vec<(Hit, usize)> = Vec::new();
        for (p, &own) in totals.iter().enumerate() {
            let passage = index.passages[p];
            // A passage with no text indexed (a lower heading) is no answer.
            if own <= 0.0 || index.lengths[p] == 0 || !self.in_scope(scope, &passage) {
                continue;
            }
            // A list item and its lead-in make sense together: what either
            // matches counts as covered for both, and an item counts a
            // share of its lead-in's score. (A lead-in does not count its
            // items' scores: it would outrank them with their own words.)
            let (mut total, mut mask) = (own, matched[p]);
            let lead = index.lead_ins[p];
            if lead != NO_LEAD_IN {
                total += weights.lead_in * totals[usize::from(lead)];
                mask |= matched[usize::from(lead)];
            } else {
                // Its items follow it.
                let items = index.lead_ins[p + 1..]
                    .iter()
                    .take_while(|&&l| usize::from(l) == p)
                    .count();
                for item_mask in &matched[p + 1..p + 1 + items] {
                    mask |= item_mask;
                }
            }
            // A section's plain summary says what its wording is about: what
            // the summary matches counts, at a share, as covered for each of
            // its passages ("can my GP tell you things" finds "information
            // … given to us by … general practitioner", in a section whose
            // summary says "your GP … may tell us things").
            let mut from_summary = 0.0;
            if let Some(summary) = index.summary_of(p).filter(|_| mask & asked != 0) {
                from_summary = weights.summary_covers * covered(matched[summary] & !mask);
            }
            let coverage = (covered(mask) + from_summary) / total_weight;
            let hit = Hit {
                passage,
                score: total * coverage * coverage * weights.of_kind(passage.kind, about_a_term),
                wording: None,
            };
            self.insert_best(&mut hits, hit, p, limit.max(FEWEST_RANKED) + SPARE_HITS);
        }
        let mut hits = self.plain_first(hits);
        hits.truncate(limit);
        let floor = hits
            .first()
            .map_or(0.0, |(best, _)| best.score * weights.floor);
        hits.retain(|(hit, _)| hit.score >= floor);
        Results {
            hits: hits.into_iter().map(|(hit, _)| hit).collect(),
            matched_terms,
        }
    }

    /// Where a plain answer and the wording it stands for both answer, one
    /// result, not two rivals: the plain answer, with the wording beneath
    /// it, at the better rank and score of the two. A section's summary
    /// stands for its wording; an explorer answer for the wording of the
    /// sections it comes `from`. Each wording goes with the first plain
    /// answer (in rank order) that stands for it.
    fn plain_first(&self, hits: Vec<(Hit, usize)>) -> Vec<(Hit, usize)> {
        let mut taken = vec![false; hits.len()];
        let mut merged = Vec::with_capacity(hits.len());
        for i in 0..hits.len() {
            if taken[i] {
                continue;
            }
            let (first, p) = &hits[i];
            let partner = (i + 1..hits.len()).find(|&j| {
                let other = &hits[j].0.passage;
                !taken[j]
                    && (self.stands_for(&first.passage, other)
                        || self.stands_for(other, &first.passage))
            });
            let mut hit = first.clone();
            if let Some(j) = partner {
                taken[j] = true;
                let other = &hits[j].0;
                let (plain, wording) = if first.passage.kind == PassageKind::Body {
                    (other.passage, first.passage)
                } else {
                    (first.passage, other.passage)
                };
                hit = Hit {
                    passage: plain,
                    score: first.score,
                    wording: Some(wording),
                };
            }
            merged.push((hit, *p));
        }
        merged
    }

    /// Whether `plain` (a summary or explorer answer) stands for `wording`
    /// (a body passage): the summary of its section, or an answer that
    /// comes from its section.
    fn stands_for(&self, plain: &Passage, wording: &Passage) -> bool {
        if wording.kind != PassageKind::Body {
            return false;
        }
        let section =
            &self.notices[usize::from(wording.notice)].sections[usize::from(wording.item)];
        match plain.kind {
            PassageKind::Summary => plain.notice == wording.notice && plain.item == wording.item,
            PassageKind::Explorer => self
                .answer(plain)
                .is_some_and(|answer| answer.from.contains(&section.id)),
            _ => false,
        }
    }

    /// What each passage matches of a question's `groups` (the words of
    /// those in `told` are not marked in results), each group's weight and
    /// the words matched.
    fn match_groups(&self, groups: &[Group], told: GroupSet) -> Matches {
        let index = self.index;
        let weights = self.weights;
        let mut totals = vec![0f32; index.passages.len()];
        let mut matched: Vec<GroupSet> = vec![0; index.passages.len()];
        let mut group_weights: Vec<f32> = Vec::with_capacity(groups.len());
        let mut total_weight = 0f32;
        let mut matched_terms: Vec<String> = Vec::new();
        let mut group_scores = Scores::new(index.passages.len());
        let mut phrase = Scores::new(index.passages.len());
        for (g, group) in groups.iter().enumerate() {
            let bit = group_bit(g);
            // The group's weight: the inverse document frequency of its rarest
            // term, times the weight of the alternative it belongs to.
            let mut weight = 0f32;
            for alternative in group {
                // Per passage: summed BM25 of the phrase's terms, and how many it has.
                for &term in &alternative.terms {
                    let scores = self.bm25(term);
                    if !scores.is_empty() {
                        let term = index.term(term);
                        // What the story names is not marked in results: a
                        // parent on a phone looks for what they asked.
                        if bit & told == 0 && !matched_terms.iter().any(|t| t == term) {
                            matched_terms.push(term.to_string());
                        }
                        weight = weight.max(alternative.weight * self.idf(scores.len()));
                    }
                    for (p, score) in scores {
                        phrase.add(p, score);
                    }
                }
                let length = alternative.terms.len() as f32;
                for Scored {
                    passage,
                    sum,
                    count,
                    ..
                } in phrase.drain()
                {
                    group_scores.add(
                        passage,
                        alternative.weight * sum * f32::from(count) / length,
                    );
                }
            }
            total_weight += weight;
            group_weights.push(weight);
            // The best alternative counts, and the others a little: a passage
            // that says "how long", "kept" and "retained" beats one that
            // only says "keep".
            for Scored {
                passage, sum, top, ..
            } in group_scores.drain()
            {
                let score = top + weights.other_alternatives * (sum - top);
                totals[usize::from(passage)] += score;
                matched[usize::from(passage)] |= bit;
            }
        }
        Matches {
            totals,
            matched,
            group_weights,
            total_weight,
            matched_terms,
        }
    }

    /// Whether passages `a` and `b` give one answer, to be shown once: two
    /// answers of one explorer item (they share a label), or the same text
    /// (the same list item in several notices). Items of one list stay
    /// apart: each answers something else.
    fn same_answer(&self, a: usize, b: usize) -> bool {
        let index = self.index;
        let (pa, pb) = (index.passages[a], index.passages[b]);
        if pa.kind == PassageKind::Explorer
            && pb.kind == PassageKind::Explorer
            && pa.notice == pb.notice
            && pa.item == pb.item
        {
            return true;
        }
        index.fingerprints[a] == index.fingerprints[b]
            && passage_text(&pa, self.notices, self.glossary)
                == passage_text(&pb, self.notices, self.glossary)
    }

    /// The list passage `p` belongs to (its lead-in's number), if any.
    fn list_of(&self, p: usize) -> Option<usize> {
        let lead_ins = &self.index.lead_ins;
        match lead_ins[p] {
            NO_LEAD_IN => lead_ins
                .get(p + 1)
                .is_some_and(|&l| usize::from(l) == p)
                .then_some(p),
            lead => Some(usize::from(lead)),
        }
    }

    /// Adds a hit (of passage `p`) to `hits`, kept best first and at most
    /// `limit` long, with each answer once ([`Corpus::same_answer`]: the
    /// better of two stays) and at most [`MAX_PER_LIST`] passages of one
    /// list (its items share a lead-in, and would otherwise fill the
    /// results with one list). (No sort: a small, fast top-k.)
    fn insert_best(&self, hits: &mut Vec<(Hit, usize)>, hit: Hit, p: usize, limit: usize) {
        let at = hits
            .iter()
            .position(|(h, _)| h.score < hit.score)
            .unwrap_or(hits.len());
        if at >= limit || hits[..at].iter().any(|&(_, q)| self.same_answer(q, p)) {
            return;
        }
        let list = self.list_of(p);
        let same_list = |q: usize| list.is_some() && self.list_of(q) == list;
        if hits[..at].iter().filter(|&&(_, q)| same_list(q)).count() >= MAX_PER_LIST {
            return;
        }
        hits.insert(at, (hit, p));
        let mut in_list = 0;
        let mut i = 0;
        while i < hits.len() {
            let q = hits[i].1;
            if i > at && self.same_answer(q, p) {
                hits.remove(i);
                continue;
            }
            if same_list(q) {
                in_list += 1;
                if in_list > MAX_PER_LIST {
                    hits.remove(i);
                    continue;
                }
            }
            i += 1;
        }
        hits.truncate(limit);
    }

    /// BM25 of term number `term` in each passage that has it, with the
    /// heading a field of its own (BM25F): an occurrence in the heading
    /// counts [`Weights::heading`] times, whatever the passage's length, and
    /// one in the text by the text's length. (Normalising a heading's
    /// occurrence by the passage's length would make a section's shortest
    /// passage its best answer to any word of its heading.)
    fn bm25(&self, term: usize) -> Vec<(u16, f32)> {
        let index = self.index;
        // Per passage: occurrences in its heading and in its text.
        let mut frequency: Vec<(u16, u32, u32)> = Vec::new();
        for (p, in_heading) in index.postings_of(term) {
            let (heading, text) = (u32::from(in_heading), u32::from(!in_heading));
            match frequency.last_mut() {
                Some((last, h, t)) if *last == p => {
                    *h += heading;
                    *t += text;
                }
                _ => frequency.push((p, heading, text)),
            }
        }
        let idf = self.idf(frequency.len());
        let average = index.average_length();
        let Weights {
            k1,
            b,
            heading: heading_weight,
            ..
        } = *self.weights;
        frequency
            .into_iter()
            .map(|(p, heading, text)| {
                let length = f32::from(index.lengths[usize::from(p)]);
                let tf = heading_weight * heading as f32
                    + text as f32 / (1.0 - b + b * length / average);
                (p, idf * tf * (k1 + 1.0) / (tf + k1))
            })
            .collect()
    }

    /// Inverse document frequency of a term found in `df` passages.
    fn idf(&self, df: usize) -> f32 {
        let n = self.index.passages.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// A passage is in a notice's scope when it is the notice's own, or a
    /// section it inherits (one it does not replace), or a definition.
    fn in_scope(&self, scope: Scope, passage: &Passage) -> bool {
        let Scope::Notice(n) = scope else { return true };
        let owner = usize::from(passage.notice);
        match passage.kind {
            PassageKind::Glossary => true,
            _ if owner == n => true,
            // A notice's own header: the facts it inherits are in its own.
            PassageKind::About(_) => false,
            PassageKind::Explorer => false,
            PassageKind::Summary | PassageKind::Body => {
                let notice = &self.notices[n];
                let parent = &self.notices[owner];
                notice.extends.as_deref() == Some(&*parent.id)
                    && notice
                        .section(&parent.sections[usize::from(passage.item)].id)
                        .is_none()
            }
        }
    }

    /// Turns a question (`query`, and its `query_words`) into groups of
    /// alternatives: each concept it names, and each other meaningful word
    /// with its near spellings.
    fn query_groups(&self, scope: Scope, query: &str, query_words: &[Word]) -> Groups {
        let positions = self.positions(scope, query, query_words);
        let mut grouping = Grouping::new(positions.len());
        self.group_concepts(&positions, &mut grouping);
        self.group_other_words(&positions, &mut grouping);
        let Grouping {
            mut groups,
            rights,
            group_of,
            ..
        } = grouping;
        // "Can I stop social care passing my stuff to the school" asks for
        // the right to object, not who social care shares with.
        if rights.contains(&true) {
            for (group, _) in groups.iter_mut().zip(rights).filter(|(_, right)| !right) {
                for alternative in group {
                    alternative.weight *= self.weights.beside_a_right;
                }
            }
        }
        // Which groups say what is asked, and which the story only names.
        let (mut asked, mut named, mut outside_story): (GroupSet, GroupSet, GroupSet) = (0, 0, 0);
        for (position, g) in positions.iter().zip(group_of) {
            let Some(bit) = g.map(group_bit) else {
                continue;
            };
            named |= bit;
            if !position.is_context() {
                asked |= bit;
            }
            if !position.situation {
                outside_story |= bit;
            }
        }
        let told = named & !outside_story;
        Groups {
            groups,
            asked,
            told,
        }
    }

    /// Each word of a question (`query`, and its `query_words`) with what
    /// it may stand for and what it says: whom or where the question is
    /// about, the story told around it, or what it asks.
    fn positions(&self, scope: Scope, query: &str, query_words: &[Word]) -> Vec<Position> {
        let names = self.name_stems(scope);
        let roles = question_roles(query_words);
        let ask = the_ask(query, query_words, &roles);
        let by_someone_else = done_by_someone_else(query_words, &roles);
        // Every word, stop words too (concepts may name them: "dont want",
        // "who can see"); meaningful words with the stems they may stand for.
        let mut positions: Vec<Position> = query_words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let stop = is_stop_word(&w.folded);
                let stem = stem(&w.folded);
                Position {
                    family: is_family_word(&w.folded),
                    named: !stop && names.contains(&stem),
                    situation: !ask.contains(&i),
                    by_someone_else: by_someone_else[i],
                    alternatives: if stop {
                        Vec::new()
                    } else {
                        self.spellings(&stem)
                    },
                    stem,
                    stop,
                }
            })
            .collect();
        // A question only about the service ("what is a family hub") asks
        // about its name: then the name is not context.
        if positions.iter().all(|p| p.stop || p.is_context()) {
            for p in &mut positions {
                p.named = false;
            }
        }
        positions
    }

    /// The terms of `alternatives` that the index knows, each an alternative.
    fn known(&self, alternatives: &[(String, f32)]) -> Vec<Alternative> {
        alternatives
            .iter()
            .filter_map(|(t, w)| {
                Some(Alternative {
                    terms: vec![self.index.term_number(t)?],
                    weight: *w,
                })
            })
            .collect()
    }

    /// A group for each concept the question names (two concepts named by
    /// the same words are one group), marking the words it uses.
    fn group_concepts(&self, positions: &[Position], grouping: &mut Grouping) {
        // The first letters of the question's stems and of what they may
        // stand for: an ask whose first word starts otherwise cannot
        // match, and most asks are ruled out by that one look.
        let mut initials = [false; 256];
        for p in positions {
            for stem in std::iter::once(&p.stem).chain(p.alternatives.iter().map(|(t, _)| t)) {
                if let Some(&b) = stem.as_bytes().first() {
                    initials[usize::from(b)] = true;
                }
            }
        }
        let could_match = |ask: &str| {
            let first = ask.trim_start_matches(STOP_MARK).as_bytes().first();
            first.is_some_and(|&b| initials[usize::from(b)])
        };
        for concept in self.concepts.concepts() {
            // Every ask the question names uses its words: in "can i see
            // what you wrote", "see what" and "what you wrote" are one thing
            // asked, not "see what" and then "wrote" alone.
            let mut found = false;
            let mut at: Vec<usize> = Vec::new();
            for ask in concept.asks.iter().filter(|ask| could_match(ask)) {
                if let Some(words) = find_phrase(positions, ask) {
                    found = true;
                    for i in words {
                        if !at.contains(&i) {
                            at.push(i);
                        }
                    }
                }
            }
            if !found {
                continue;
            }
            // "Can I see my file" names a right; "will the court see my
            // file" asks who sees it.
            let of_someone_else = at.iter().any(|&i| positions[i].by_someone_else);
            let mut group: Group = concept
                .means
                .iter()
                .filter_map(|phrase| {
                    let terms: Option<Vec<usize>> = phrase_words(phrase)
                        .filter(|(_, stop)| !stop)
                        .map(|(t, _)| self.index.term_number(t))
                        .collect();
                    Some(Alternative {
                        terms: terms?,
                        weight: self.weights.concept,
                    })
                })
                .filter(|a| !a.terms.is_empty())
                .collect();
            // A concept named by context words only is context too (one
            // named by stop words only, "have to", is not).
            let context = at
                .iter()
                .map(|&i| positions[i].weight(self.weights))
                .reduce(f32::max)
                .unwrap_or(1.0);
            for alternative in &mut group {
                alternative.weight *= context;
            }
            for &i in &at {
                grouping.used[i] = true;
                group.extend(
                    self.known(&positions[i].alternatives)
                        .into_iter()
                        .map(|mut a| {
                            a.weight *= positions[i].weight(self.weights);
                            a
                        }),
                );
            }
            if group.is_empty() {
                continue;
            }
            // Two concepts named by the same words ("social workers": social
            // care, and the initials' concept) are one thing asked.
            let g = match at.iter().find_map(|&i| grouping.group_of[i]) {
                Some(g) => g,
                None => {
                    grouping.groups.push(Vec::new());
                    grouping.rights.push(false);
                    grouping.groups.len() - 1
                }
            };
            grouping.rights[g] |= concept.right && !of_someone_else;
            for alternative in group {
                add_alternative(&mut grouping.groups[g], alternative);
            }
            for i in at {
                grouping.group_of[i] = Some(g);
            }
        }
    }

    /// A group for each meaningful word no concept used: its spellings, or
    /// while it is still being typed, the longer words it starts.
    fn group_other_words(&self, positions: &[Position], grouping: &mut Grouping) {
        for (i, (position, &used)) in positions.iter().zip(&grouping.used).enumerate() {
            if used || position.stop {
                continue;
            }
            grouping.group_of[i] = Some(grouping.groups.len());
            let mut group = self.known(&position.alternatives);
            for alternative in &mut group {
                alternative.weight *= position.weight(self.weights);
            }
            if group.is_empty() {
                // Still typing: longer words that start with what was typed.
                let typed = &position.stem;
                if typed.len() >= 3 {
                    let from = self.index.first_term_from(typed);
                    group.extend(
                        (from..self.index.term_count())
                            .take_while(|&t| self.index.term(t).starts_with(typed.as_str()))
                            .take(8)
                            .map(|t| Alternative {
                                terms: vec![t],
                                weight: self.weights.prefix,
                            }),
                    );
                }
            }
            grouping.groups.push(group);
            grouping.rights.push(false);
        }
    }

    /// Stems of the words that name a notice searched on its own: its
    /// title's and its publisher's, and those of the notice it extends
    /// (not "privacy" or "notice": "who publishes this notice" asks about
    /// the notice itself). None when searching every notice, where a name
    /// tells the notices apart.
    fn name_stems(&self, scope: Scope) -> Vec<String> {
        let Scope::Notice(n) = scope else {
            return Vec::new();
        };
        let notice = &self.notices[n];
        let parent = notice.parent_in(self.notices);
        let about_notices = [stem("privacy"), stem("notice")];
        std::iter::once(notice)
            .chain(parent)
            .flat_map(|n| [&*n.title, &*n.controller.name])
            .flat_map(words)
            .filter(|w| !is_stop_word(&w.folded))
            .map(|w| stem(&w.folded))
            .filter(|s| !about_notices.contains(s))
            .collect()
    }

    /// A typed stem and, when neither the notices nor the concepts know it,
    /// the known stems one edit away (two for long words).
    fn spellings(&self, typed: &str) -> Vec<(String, f32)> {
        let mut out = vec![(typed.to_string(), 1.0)];
        if self.index.term_number(typed).is_some()
            || typed.len() < 4
            || typed.bytes().any(|b| b.is_ascii_digit())
        {
            return out;
        }
        let concepts = self.concepts;
        if concepts.has_stem(typed) {
            return out;
        }
        let max_edits = if typed.len() >= 7 { 2 } else { 1 };
        // The nearest known stems, each once.
        let mut nearest: Vec<&str> = Vec::new();
        let mut nearest_distance = usize::MAX;
        let known = (0..self.index.term_count()).map(|t| self.index.term(t));
        for candidate in known.chain(concepts.stems.iter().map(String::as_str)) {
            let Some(d) = edit_distance(typed, candidate, max_edits) else {
                continue;
            };
            if d < nearest_distance {
                nearest.clear();
                nearest_distance = d;
            }
            if d == nearest_distance && !nearest.contains(&candidate) {
                nearest.push(candidate);
            }
        }
        // Among equally near words, those that keep more of the typed
        // word's start: slips come later in a word ("infomation" is
        // "information", not "income").
        let shared = |t: &str| {
            typed
                .bytes()
                .zip(t.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let longest = nearest.iter().map(|t| shared(t)).max().unwrap_or(0);
        nearest.retain(|t| shared(t) == longest);
        // Among equally near words, the ones families use (the concept map's
        // asks) are the likelier meaning: "polcie" is "police", not "policies".
        if nearest.iter().any(|t| concepts.has_stem(t)) {
            nearest.retain(|t| concepts.has_stem(t));
        }
        let weight = if nearest_distance == 1 {
            self.weights.one_edit
        } else {
            self.weights.two_edits
        };
        out.extend(nearest.into_iter().map(|t| (t.to_string(), weight)));
        out
    }

    /// Heading and text of a hit's passage as a result shows it (a list
    /// item with its lead-in, a lead-in with its list).
    pub fn passage(&self, passage: &Passage) -> (String, std::borrow::Cow<'_, str>) {
        passage_heading_and_text(passage, self.notices, self.glossary)
    }

    /// The explorer answer an explorer passage is; `None` for any other.
    pub fn answer(&self, passage: &Passage) -> Option<&'a Answer> {
        if passage.kind != PassageKind::Explorer {
            return None;
        }
        self.notices[usize::from(passage.notice)].explorer[usize::from(passage.item)]
            .answers
            .get(usize::from(passage.block))
    }

    /// Where `passage` is: the widget's result links and the element's
    /// `search()`, and the CLI's `section`, all read it here.
    pub fn place(&self, passage: &Passage) -> Place<'a> {
        let owner = &self.notices[usize::from(passage.notice)];
        let item = usize::from(passage.item);
        match passage.kind {
            PassageKind::About(_) => Place::About,
            PassageKind::Summary | PassageKind::Body => Place::Section(&owner.sections[item].id),
            PassageKind::Explorer => Place::Explorer(&owner.explorer[item].id),
            PassageKind::Glossary => Place::Glossary(&self.glossary[item].id),
        }
    }
}

/// Adds an alternative to a group, once: "share", "shared" and "sharing"
/// are one stem, scored once at its best weight.
fn add_alternative(group: &mut Group, alternative: Alternative) {
    match group.iter_mut().find(|a| a.terms == alternative.terms) {
        Some(a) => a.weight = a.weight.max(alternative.weight),
        None => group.push(alternative),
    }
}

/// A word of a question: its stem and, for a meaningful word, the stems
/// it may stand for (itself and near spellings).
struct Position {
    stem: String,
    stop: bool,
    /// A word for a child or relative ([`is_family_word`]).
    family: bool,
    /// A word of the searched notice's name or its publisher's
    /// ([`Corpus::name_stems`]).
    named: bool,
    /// A word of the situation a family tells before or after its question
    /// ("my partner was arrested …, does the social worker tell the
    /// police"): see [`the_ask`].
    situation: bool,
    /// A word of what someone other than the family does ("will the court
    /// see my file"): see [`done_by_someone_else`].
    by_someone_else: bool,
    alternatives: Vec<(String, f32)>,
}

impl Position {
    /// Whether the word says whom or where the question is about (a
    /// relative, the service), rather than what it asks.
    fn is_context(&self) -> bool {
        self.family || self.named
    }

    /// How much the word counts (1 for a word that says what is asked).
    fn weight(&self, weights: &Weights) -> f32 {
        let own = match (self.named, self.family) {
            (true, _) => weights.name_word,
            (_, true) => weights.family_word,
            _ => 1.0,
        };
        if self.situation {
            own * weights.situation
        } else {
            own
        }
    }
}

/// Scores added per passage (their sum, their largest and how many), and
/// which passages were touched, so that a search reads and resets only
/// those (no hashing, no clearing of every passage).
struct Scores {
    sum: Vec<f32>,
    top: Vec<f32>,
    count: Vec<u8>,
    touched: Vec<u16>,
}

impl Scores {
    fn new(passages: usize) -> Scores {
        Scores {
            sum: vec![0.0; passages],
            top: vec![0.0; passages],
            count: vec![0; passages],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, p: u16, score: f32) {
        let i = usize::from(p);
        if self.count[i] == 0 {
            self.touched.push(p);
        }
        self.count[i] = self.count[i].saturating_add(1);
        self.sum[i] += score;
        self.top[i] = self.top[i].max(score);
    }

    /// Each touched passage with its scores, resetting them.
    fn drain(&mut self) -> Vec<Scored> {
        let out = self
            .touched
            .iter()
            .map(|&passage| {
                let i = usize::from(passage);
                Scored {
                    passage,
                    sum: self.sum[i],
                    top: self.top[i],
                    count: self.count[i],
                }
            })
            .collect();
        for p in self.touched.drain(..) {
            let i = usize::from(p);
            (self.sum[i], self.top[i], self.count[i]) = (0.0, 0.0, 0);
        }
        out
    }
}

/// What [`Scores`] added up for one passage.
struct Scored {
    passage: u16,
    /// The sum of the scores added.
    sum: f32,
    /// The largest score added.
    top: f32,
    /// How many scores were added (it stops at 255).
    count: u8,
}

/// A word of a prepared phrase: its stem, and whether it is a stop word.
type PhraseWord<'a> = (&'a str, bool);

/// The words of a prepared phrase (concepts' asks and means are stemmed
/// when loaded).
fn phrase_words(phrase: &str) -> impl Iterator<Item = PhraseWord<'_>> + Clone {
    phrase
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| match w.strip_prefix(STOP_MARK) {
            Some(stem) => (stem, true),
            None => (w, false),
        })
}

/// How many stop words or family words of the question may sit between two
/// words of an ask ("who can see" is asked as "who else can see", "see
/// file" as "see my son's file").
const MAX_GAP: usize = 3;

/// Where an ask's words appear in order in the question: the positions of
/// its meaningful words, or `None`. Each word of the ask must be there, stop
/// words too ("dont want" is not "want"); the question may have up to
/// [`MAX_GAP`] other stop words or family words between them.
fn find_phrase(positions: &[Position], ask: &str) -> Option<Vec<usize>> {
    let matches = |p: &Position, (word, stop): PhraseWord| {
        p.stem == word || (!stop && p.alternatives.iter().any(|(t, _)| t == word))
    };
    // (The ask's words are read from the prepared phrase, not collected:
    // a question is matched against every ask of every concept.)
    let mut words = phrase_words(ask);
    let first = words.next()?;
    (0..positions.len()).find_map(|start| {
        if !matches(&positions[start], first) {
            return None;
        }
        let mut at = vec![start];
        let mut next = start + 1;
        for word in words.clone() {
            let skip = positions[next.min(positions.len())..]
                .iter()
                .take(MAX_GAP + 1)
                .position(|p| matches(p, word))?;
            if positions[next..next + skip]
                .iter()
                .any(|p| !p.stop && !p.is_context())
            {
                return None;
            }
            at.push(next + skip);
            next += skip + 1;
        }
        Some(at.into_iter().filter(|&i| !positions[i].stop).collect())
    })
}

/// What a word does in the shape of a question: bits of [`QUESTION_WORDS`].
type Roles = u8;
/// Opens a question or a request: "can", "who", "if", "i want".
const OPENS: Roles = 1;
/// Joins a family's story to what it asks ("…and now we have a social
/// worker"): a clause starts after it.
const JOINS: Roles = 2;
/// May come before an opener in its clause: "i just want", "so can i".
const LEADS: Roles = 4;
/// An auxiliary that opens a question before its subject, with no comma
/// before it: "my son got excluded can the school see it".
const INVERTS: Roles = 8;
/// A subject after such an auxiliary: "can the school", "does u".
const SUBJECT: Roles = 16;
/// Comes before a subject: "will the court", "can my ex".
const DETERMINER: Roles = 32;
/// Starts a clause that tells of the family: "we only went once".
const TELLS: Roles = 64;

/// The words that give a question its shape, with their text-speak, by
/// what they do: one string each, kept small in the Wasm.
const QUESTION_WORDS: [(Roles, &str); 7] = [
    (
        OPENS,
        "are can cn could did do does how if is need pls please plz should wanna want wat what \
         whats when wen where which who whos why will wot would",
    ),
    (JOINS, "and because but cos coz cuz n now so then"),
    (LEADS, "and but i im just now ok so then"),
    (INVERTS, "are can could did do does is should will would"),
    (
        SUBJECT,
        "anyone he i it my our she someone the they this u ur we you your",
    ),
    (
        DETERMINER,
        "a an any her his my our that the their this ur your",
    ),
    (
        TELLS,
        "he hes i im it its ive my our she shes they theyre we were weve",
    ),
];

/// What each word of a question does in its shape ([`QUESTION_WORDS`]).
fn question_roles(words: &[Word]) -> Vec<Roles> {
    words
        .iter()
        .map(|w| {
            QUESTION_WORDS
                .iter()
                .filter(|(_, listed)| listed.split(' ').any(|l| l == w.folded))
                .fold(0, |roles, (role, _)| roles | role)
        })
        .collect()
}

/// The words of a question that ask, as a range of word numbers; the rest
/// tell the family's situation. A family may tell it first ("my partner
/// was arrested, does the sw tell the police"): the question starts at an
/// opener that begins a clause (after punctuation or a joining word, maybe
/// after "i just"), or at an auxiliary followed by a subject ("can the
/// school"). It may tell it after, in a clause of its own ("can i make the
/// hub delete my details, we only went once"): the question ends at
/// punctuation followed by a clause about the family that asks nothing.
/// All of a question asks when no opener is found.
fn the_ask(query: &str, words: &[Word], roles: &[Roles]) -> Range<usize> {
    let has = |i: usize, role: Roles| roles.get(i).is_some_and(|r| r & role != 0);
    let after_punctuation = |i: usize| {
        let before = part(
            query,
            words[i - 1].start + words[i - 1].original.len()..words[i].start,
        );
        before.contains([',', '.', '?', '!', ';', ':', '-'])
    };
    let opens = |i: usize| {
        (i..words.len())
            .take(3)
            .find(|&j| !has(j, LEADS))
            .is_some_and(|j| has(j, OPENS))
    };
    let start = (0..words.len())
        .find(|&i| {
            let clause_starts = i == 0 || has(i - 1, JOINS) || after_punctuation(i);
            (clause_starts && opens(i)) || (has(i, INVERTS) && has(i + 1, SUBJECT))
        })
        .unwrap_or(0);
    let end = (start + 1..words.len())
        .find(|&i| after_punctuation(i) && has(i, TELLS) && !opens(i))
        .unwrap_or(words.len());
    start..end
}

/// Per word of a question, whether it tells what someone other than the
/// family does: it follows an auxiliary whose subject is a third party
/// ("will the court see my file", "can social services delete it"), not a
/// pronoun ("can i", "do we").
fn done_by_someone_else(words: &[Word], roles: &[Roles]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let mut someone_else = false;
    let mut i = 0;
    while i < words.len() {
        if roles[i] & INVERTS != 0 {
            let subject = (i + 1..words.len()).find(|&j| roles[j] & DETERMINER == 0);
            someone_else = subject.is_some_and(|j| !is_stop_word(&words[j].folded));
            if let Some(j) = subject {
                i = j;
            }
        }
        out[i] = someone_else;
        i += 1;
    }
    out
}

/// Optimal-string-alignment distance (a swap of two letters is one edit),
/// or `None` when above `max`. Words of 32 bytes or more are only equal or not.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    const WIDTH: usize = 32;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if b.len() >= WIDTH {
        return (a == b).then_some(0);
    }
    // Rows i - 2, i - 1 and i of the table, row i at `rows[i % 3]`: no allocation.
    let mut rows = [[0usize; WIDTH]; 3];
    for (j, cell) in rows[0].iter_mut().take(b.len() + 1).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (row, above, two_above) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[row][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[above][j] + 1)
                .min(rows[row][j - 1] + 1)
                .min(rows[above][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[two_above][j - 2] + 1);
            }
            rows[row][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

/// Splits text into runs, marking the words whose stems are in `terms`:
/// what the widget wraps in `<mark>`.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(Range<usize>, bool)> {
    let mut runs = Vec::new();
    let mut at = 0;
    for word in words(text) {
        if terms.contains(&stem(&word.folded)) {
            if word.start > at {
                runs.push((at..word.start, false));
            }
            let end = word.start + word.original.len();
            runs.push((word.start..end, true));
            at = end;
        }
    }
    if at < text.len() {
        runs.push((at..text.len(), false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("polci", "polic", 1), Some(1));
        assert_eq!(edit_distance("mentl", "mental", 1), Some(1));
        assert_eq!(edit_distance("school", "social", 1), None);
        assert_eq!(edit_distance("abc", "abc", 0), Some(0));
        assert_eq!(edit_distance("recieve", "receive", 2), Some(1));
        assert_eq!(edit_distance("assesment", "assessment", 2), Some(1));
        assert_eq!(edit_distance("abcd", "badc", 2), Some(2));
        assert_eq!(edit_distance("abcd", "dcba", 2), None);
    }

    /// A question's words, each meaningful one standing only for itself.
    fn positions(query: &str) -> Vec<Position> {
        words(query)
            .map(|w| {
                let (stem, stop) = (stem(&w.folded), is_stop_word(&w.folded));
                let family = is_family_word(&w.folded);
                let alternatives = if stop {
                    vec![]
                } else {
                    vec![(stem.clone(), 1.0)]
                };
                Position {
                    stem,
                    stop,
                    family,
                    named: false,
                    situation: false,
                    by_someone_else: false,
                    alternatives,
                }
            })
            .collect()
    }

    #[test]
    fn asks_match_in_order_with_their_stop_words() {
        let found = |ask: &str, query: &str| {
            let prepared = crate::text::prepare_phrase(ask);
            find_phrase(&positions(query), &prepared)
        };
        assert_eq!(found("dont want", "I don't want you to"), Some(vec![2]));
        assert_eq!(found("dont want", "i want u to delete it"), None);
        assert_eq!(
            found("who can see", "who else can see my file"),
            Some(vec![3])
        );
        assert_eq!(found("who can see", "can i see my file"), None);
        assert_eq!(found("see what", "can i see what you wrote"), Some(vec![2]));
        assert_eq!(
            found("what you have on", "wot do u hav on me"),
            Some(vec![])
        );
        assert_eq!(found("how long", "how long do you keep"), Some(vec![1]));
        assert_eq!(found("how long", "how do you keep it long"), None);
        // A child or relative may sit between an ask's words; other words not.
        assert_eq!(
            found("see file", "can i see my son's file"),
            Some(vec![2, 5])
        );
        assert_eq!(found("see file", "can i see the school file"), None);
    }

    /// The question's words that ask.
    fn ask_of(query: &str) -> String {
        let words: Vec<Word> = words(query).collect();
        let ask = the_ask(query, &words, &question_roles(&words));
        words[ask]
            .iter()
            .map(|w| w.original)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_question_starts_after_the_familys_story() {
        assert_eq!(
            ask_of("my partner was arrested and now we have a sw, does the sw tell the police"),
            "does the sw tell the police"
        );
        assert_eq!(
            ask_of("im scared my ex will find us. who at AfC can see our details"),
            "who at AfC can see our details"
        );
        assert_eq!(
            ask_of("we see a social worker every week, i just want to know is it private"),
            "i just want to know is it private"
        );
        assert_eq!(
            ask_of("my son got excluded can the school see his file"),
            "can the school see his file"
        );
        // A clause about the family after it tells, too; a list does not.
        assert_eq!(
            ask_of("can i make the hub delete my details, we only went once"),
            "can i make the hub delete my details"
        );
        assert_eq!(
            ask_of("do you share with the school, police or doctors"),
            "do you share with the school police or doctors"
        );
        assert_eq!(
            ask_of("who sees it, and can i say no"),
            "who sees it and can i say no"
        );
        // No question word: all of it is asked.
        assert_eq!(ask_of("school police health"), "school police health");
    }

    #[test]
    fn what_a_third_party_does_is_told_apart() {
        let by_someone_else = |query: &str| -> Vec<String> {
            let words: Vec<Word> = words(query).collect();
            words
                .iter()
                .zip(done_by_someone_else(&words, &question_roles(&words)))
                .filter(|(_, by)| *by)
                .map(|(w, _)| w.folded.clone())
                .collect()
        };
        assert_eq!(
            by_someone_else("will the court see my file"),
            ["court", "see", "my", "file"]
        );
        assert_eq!(
            by_someone_else("can social services delete it"),
            ["social", "services", "delete", "it"]
        );
        assert!(by_someone_else("can i see my file").is_empty());
        assert!(by_someone_else("how do we get a copy").is_empty());
        // A later question of the family's own is theirs again.
        assert_eq!(
            by_someone_else("does the school know and can i see it"),
            ["school", "know", "and"]
        );
    }

    #[test]
    fn a_question_about_a_term_is_told_apart() {
        let asks_what_a_term_is =
            |query: &str| asks_what_a_term_is(&words(query).collect::<Vec<_>>());
        assert!(asks_what_a_term_is("what is a looked after child"));
        assert!(asks_what_a_term_is("wots profiling"));
        assert!(asks_what_a_term_is("what are special category data"));
        assert!(!asks_what_a_term_is(
            "what is the law that lets you share my data with the police"
        ));
        assert!(!asks_what_a_term_is("who sees my file"));
        assert!(!asks_what_a_term_is("what is"));
    }

    #[test]
    fn highlight_marks_word_forms() {
        let terms = ["school".to_string()];
        let text = "Education and Schools.";
        let runs: Vec<_> = highlight(text, &terms)
            .into_iter()
            .map(|(r, m)| (&text[r], m))
            .collect();
        assert_eq!(
            runs,
            [("Education and ", false), ("Schools", true), (".", false)]
        );
    }
}
