//! The "no added facts" rule: plain-language text (a summary, an
//! explorer answer) may state a number, date, period, address or law only
//! if the notice's own wording states it, in words or figures alike; and it
//! reads at a family's grade.

use std::collections::{HashMap, HashSet};

use super::Severity;
use super::report::Report;
use crate::model::{Notice, blocks};
use crate::text::fold_phrase;
use crate::text::readability;

/// The highest reading grade allowed for plain-language text.
pub const MAX_GRADE: f64 = 6.0;

/// Checks a plain-language text at `line` of `field`: its reading grade,
/// and that it states no fact the wording does not.
pub(super) fn check_plain(
    plain: &str,
    wording: &Wording,
    line: Option<usize>,
    field: &str,
    out: &mut Report,
) {
    let grade = readability::grade(plain);
    if grade > MAX_GRADE {
        let hardest = readability::sentences(plain)
            .max_by(|a, b| readability::grade(a).total_cmp(&readability::grade(b)))
            .unwrap_or(plain);
        out.push(
            Severity::Warning,
            line,
            field,
            format!("reads at grade {grade:.1} (above {MAX_GRADE}); hardest sentence: \"{hardest}\""),
            "use shorter sentences and everyday words (\"use\" not \"process\", \"ask\" not \"request\")",
        );
    }
    for fact in facts(plain) {
        if wording.states(&fact) {
            continue;
        }
        let mut message = format!("\"{fact}\" is not stated in the notice's wording");
        if let Some(nearest) = wording.nearest(&fact, plain) {
            message.push_str(&format!("; the nearest it says: \"{nearest}\""));
        }
        out.push(
            Severity::Error,
            line,
            field,
            message,
            "say only what the notice states (\"six years\" and \"6 years\" are the same); if the notice does not say, leave it out",
        );
    }
}

/// The tokens of a text for fact matching: folded, split at white space,
/// with the punctuation around each word dropped ("2018)," → "2018";
/// "dpo@x.org." → "dpo@x.org"), and each number as figures ("six" and
/// "twenty-five" → "6" and "25", "1,000" → "1000"), so a fact is the same
/// fact however the wording writes its number.
fn fact_tokens(text: &str) -> Vec<String> {
    let folded = fold_phrase(&periods_unhyphenated(text));
    let words: Vec<&str> = folded
        .split(' ')
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .map(|t| singular_unit(t).unwrap_or(t))
        .collect();
    let mut tokens = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(word) = words.get(i) {
        match number_in_words(&words[i..]) {
            Some((value, taken)) => {
                tokens.push(value.to_string());
                i += taken;
            }
            None => {
                tokens.push(without_thousands_commas(word));
                i += 1;
            }
        }
    }
    tokens
}

/// The units of a period ("6 years", "six-month").
const PERIOD_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// A period's unit in the singular ("months" → "month"), so that "a
/// six-month period" and "six months" are one fact; `None` if `word` is
/// not a unit.
fn singular_unit(word: &str) -> Option<&str> {
    PERIOD_UNITS
        .contains(&word)
        .then(|| word.strip_suffix('s').unwrap_or(word))
}

/// `text` with the hyphen of a period written as one word ("six-month",
/// "12-month", "twenty-five-year") made a space, so its number and unit
/// are read as they are in "six months".
fn periods_unhyphenated(text: &str) -> std::borrow::Cow<'_, str> {
    let joins_a_unit = |word: &str| {
        word.rsplit_once('-').is_some_and(|(number, unit)| {
            let unit = unit.trim_end_matches(|c: char| !c.is_alphanumeric());
            !number.is_empty() && PERIOD_UNITS.contains(&unit.to_lowercase().as_str())
        })
    };
    if !text.split_whitespace().any(joins_a_unit) {
        return std::borrow::Cow::Borrowed(text);
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|word| match word.rsplit_once('-') {
            Some((number, unit)) if joins_a_unit(word) => format!("{number} {unit}"),
            _ => word.to_string(),
        })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// The number words [`number_in_words`] reads, with their values.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
];

/// The number that the folded words at the start of `words` write out,
/// and how many words it takes: "six" (6), "twenty-five" or "twenty five"
/// (25), "one hundred and ten" (110). A word that cannot follow the one
/// before it in a number ends it: "two three" is 2, then 3.
fn number_in_words<S: AsRef<str>>(words: &[S]) -> Option<(u64, usize)> {
    let value_of = |part: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == part)
            .map(|&(_, v)| v)
    };
    // Whether `next` may follow `last` in a number written in words.
    let follows = |last: Option<u64>, next: u64| match (last, next) {
        (None, _) => true,
        (Some(last), 1000) => last != 1000,
        (Some(last), 100) => last < 100,
        (Some(last), 1..=9) => last >= 20 && (last % 10 == 0),
        (Some(last), _) => last >= 100,
    };
    let (mut total, mut current, mut last, mut taken) = (0, 0, None, 0);
    for (i, word) in words.iter().enumerate() {
        let word = word.as_ref();
        if word == "and" && matches!(last, Some(100 | 1000)) {
            // "one hundred and ten": counted only if more of the number follows.
            continue;
        }
        let parts = || word.split('-').map(value_of);
        if word.is_empty() || parts().any(|v| v.is_none()) {
            break;
        }
        let (mut t, mut c, mut l) = (total, current, last);
        for value in parts().flatten() {
            if !follows(l, value) {
                return (taken > 0).then_some((total + current, taken));
            }
            match value {
                100 => c = c.max(1) * 100,
                1000 => (t, c) = (t + c.max(1) * 1000, 0),
                _ => c += value,
            }
            l = Some(value);
        }
        (total, current, last, taken) = (t, c, l, i + 1);
    }
    (taken > 0).then_some((total + current, taken))
}

/// A figure with its thousands separated by commas ("1,000") without them.
fn without_thousands_commas(word: &str) -> String {
    let mut groups = word.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    if word.contains(',')
        && digits(first)
        && first.len() <= 3
        && groups.all(|g| g.len() == 3 && digits(g))
    {
        word.replace(',', "")
    } else {
        word.to_string()
    }
}

/// A notice's own wording (and that of the notice it extends), ready for
/// asking whether it states a fact: as whole words ("6 years" is not
/// stated by "16 years") and, for laws, as a whole name ("Data Act" is not
/// stated by "Children and Data Act").
pub(super) struct Wording {
    tokens: Vec<String>,
    /// Where each token occurs.
    at: HashMap<String, Vec<usize>>,
    /// The names of laws the wording gives, folded.
    laws: Vec<Vec<String>>,
    /// Each sentence of the wording that states a fact, with the kinds of
    /// fact it states ([`fact_kind`]): where to look for the nearest
    /// wording to a fact it does not state.
    sentences: Vec<(String, Vec<String>)>,
}

impl Wording {
    pub(super) fn new(notice: &Notice, parent: Option<&Notice>) -> Wording {
        let mut all = String::new();
        let mut sentences = Vec::new();
        for n in std::iter::once(notice).chain(parent) {
            all.push_str(&n.title);
            for s in n.sections.iter() {
                all.push('\n');
                all.push_str(&s.heading);
                all.push('\n');
                all.push_str(&s.body);
                for block in blocks(&s.body) {
                    // A paragraph's lines as one line: a sentence may run over them.
                    let block = block
                        .text()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    for sentence in readability::sentences(&block) {
                        let kinds: Vec<String> =
                            facts(sentence).iter().map(|f| fact_kind(f)).collect();
                        if !kinds.is_empty() {
                            sentences.push((sentence.to_string(), kinds));
                        }
                    }
                }
            }
            all.push('\n');
        }
        let tokens = fact_tokens(&all);
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            at.entry(t.clone()).or_default().push(i);
        }
        let laws = law_names(&all).iter().map(|l| fact_tokens(l)).collect();
        Wording {
            tokens,
            at,
            laws,
            sentences,
        }
    }

    /// The wording nearest to a `fact` that `plain` states and the wording
    /// does not, to quote beside it: the sentence stating a fact of the
    /// same kind (a period in the same unit, an address, a law, a number)
    /// that shares the most words with `plain`, the first of equals.
    fn nearest(&self, fact: &str, plain: &str) -> Option<String> {
        let kind = fact_kind(fact);
        let plain: HashSet<String> = fact_tokens(plain).into_iter().collect();
        let mut best: Option<(usize, &str)> = None;
        for (sentence, kinds) in &self.sentences {
            if !kinds.contains(&kind) {
                continue;
            }
            let words: HashSet<String> = fact_tokens(sentence).into_iter().collect();
            let shared = words.intersection(&plain).count();
            if best.is_none_or(|(most, _)| shared > most) {
                best = Some((shared, sentence));
            }
        }
        best.map(|(_, sentence)| excerpt(sentence, &kind))
    }

    /// Whether the words of `phrase` appear, whole and in order.
    pub(super) fn has_words(&self, phrase: &str) -> bool {
        let words = fact_tokens(phrase);
        let Some(first) = words.first() else {
            return true;
        };
        self.at.get(first).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.tokens.get(i..i + words.len()) == Some(&words[..]))
        })
    }

    /// Whether the wording states `fact` (as found by [`facts`]). A law's
    /// name must be one the wording gives, or its end after a word of the
    /// name ("UK GDPR" states "GDPR"; "Children and Data Act" does not
    /// state "Data Act").
    fn states(&self, fact: &str) -> bool {
        let words = fact_tokens(fact);
        let is_law = words
            .last()
            .is_some_and(|w| LAW_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w)));
        if !is_law {
            return self.has_words(fact);
        }
        self.laws.iter().any(|law| {
            law.ends_with(&words)
                && (law.len() == words.len()
                    || !LAW_CONNECTORS.contains(&law[law.len() - words.len() - 1].as_str()))
        })
    }
}

/// Words that end the name of a law.
const LAW_WORDS: &[&str] = &[
    "Act",
    "Regulation",
    "Regulations",
    "GDPR",
    "Article",
    "Section",
];
/// Small words inside a law's name ("Children and Families Act").
const LAW_CONNECTORS: &[&str] = &["and", "of", "for", "the", "on", "to"];

/// The names of laws in a text: each word of [`LAW_WORDS`] with the
/// capitalised words (and small words between them) before it, as written,
/// without a leading word that starts a sentence.
fn law_names(text: &str) -> Vec<String> {
    /// Capitalised words that start a sentence rather than a law's name.
    const SENTENCE_STARTERS: &[&str] =
        &["The", "Under", "Our", "A", "An", "This", "By", "In", "And"];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut names = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !LAW_WORDS.contains(&trim(token).as_str()) {
            continue;
        }
        let mut start = i;
        let mut j = i;
        while j > 0 {
            let before = tokens[j - 1];
            // A name does not run over punctuation: "2018, the GDPR".
            if before.ends_with([',', ';', ':', '.', '!', '?', ')']) || tokens[j].starts_with('(') {
                break;
            }
            let word = trim(before);
            if word.starts_with(|c: char| c.is_uppercase()) {
                start = j - 1;
            } else if !LAW_CONNECTORS.contains(&word.as_str()) {
                break;
            }
            j -= 1;
        }
        let words: Vec<String> = tokens[start..=i]
            .iter()
            .map(|t| trim(t))
            .skip_while(|w| {
                SENTENCE_STARTERS.contains(&w.as_str()) || LAW_CONNECTORS.contains(&w.as_str())
            })
            .collect();
        names.push(words.join(" "));
    }
    names
}

/// Facts a plain-language string could add: anything with a digit (dates,
/// numbers, periods), email and web addresses, periods in words ("six
/// years", "twenty-five years") and names of laws ("Children Act", "GDPR").
pub fn facts(plain: &str) -> Vec<String> {
    let plain = &*periods_unhyphenated(plain);
    let mut facts = Vec::new();
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let folded: Vec<String> = tokens.iter().map(|t| fold_phrase(&trim(t))).collect();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let bare = trim(token);
        if is_address(token) {
            facts.push(
                token
                    .trim_end_matches(['.', ',', ')', ';', ':'])
                    .to_string(),
            );
            i += 1;
            continue;
        }
        // A number in figures or words, with its unit when it is a period
        // ("6 years", "twenty-five years"); a number in words is a fact
        // only as a period ("one of us" is not).
        let has_digit = bare.chars().any(|c| c.is_ascii_digit());
        let end = match number_in_words(&folded[i..]) {
            Some((_, taken)) => i + taken,
            None if has_digit => i + 1,
            None => {
                i += 1;
                continue;
            }
        };
        match folded.get(end) {
            Some(unit) if PERIOD_UNITS.contains(&unit.as_str()) => {
                let number = trim(&tokens[i..end].join(" "));
                facts.push(format!("{number} {}", trim(tokens[end])));
                i = end + 1;
            }
            _ => {
                if has_digit {
                    facts.push(bare);
                }
                i = end;
            }
        }
    }
    facts.extend(law_names(plain));
    facts
}

/// Whether a word is an email or web address: a fact whatever it says.
fn is_address(word: &str) -> bool {
    word.contains('@') || word.contains("://") || word.starts_with("www.")
}

/// The kind of a fact found by [`facts`], for finding the nearest wording
/// to it: a period's unit ("year" for "6 years" and "one year"), else
/// "address", "law" or "number".
fn fact_kind(fact: &str) -> String {
    let last = fact.rsplit(' ').next().unwrap_or(fact);
    if is_address(fact) {
        "address".into()
    } else if LAW_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last)) {
        "law".into()
    } else if fact.contains(' ') {
        let unit = last.to_lowercase();
        unit.strip_suffix('s').unwrap_or(&unit).to_string()
    } else {
        "number".into()
    }
}

/// A sentence of the wording as a message quotes it: whole up to 40
/// words; a longer one, the 40 words around its first fact of `kind`,
/// with "…" where words are left out.
fn excerpt(sentence: &str, kind: &str) -> String {
    const MOST: usize = 40;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= MOST {
        return words.join(" ");
    }
    // A fact is at most a few words: look for it word by word.
    let at = (0..words.len())
        .find(|&i| {
            let window = words[i..(i + 4).min(words.len())].join(" ");
            facts(&window).iter().any(|f| fact_kind(f) == kind)
        })
        .unwrap_or(0);
    let start = at.saturating_sub(MOST / 2).min(words.len() - MOST);
    let end = start + MOST;
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        words[start..end].join(" "),
        if end < words.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_found_in_plain_text() {
        assert_eq!(
            facts(
                "We keep it for six years, until 2030. Email dpo@x.org. The Children Act 1989 lets us."
            ),
            ["six years", "2030", "dpo@x.org", "1989", "Children Act"]
        );
        assert!(facts("We keep your data safe.").is_empty());
    }

    #[test]
    fn periods_in_words_of_any_length_are_facts() {
        assert_eq!(
            facts("We keep it for twenty-five years, or one hundred and ten days, for one of you."),
            ["twenty-five years", "one hundred and ten days"]
        );
    }

    #[test]
    fn a_period_written_as_one_word_is_the_same_fact() {
        assert_eq!(
            facts("We keep it for a six-month period, then a 12-month one."),
            ["six month", "12 month"]
        );
        assert_eq!(fact_tokens("six-month"), fact_tokens("six months"));
        assert_eq!(fact_tokens("twenty-five-year"), ["25", "year"]);
        // Hyphens that join no period are left as they are.
        assert_eq!(
            periods_unhyphenated("an up-to-date, well-known list"),
            "an up-to-date, well-known list"
        );
        assert!(facts("an up-to-date, well-known list").is_empty());
    }

    #[test]
    fn numbers_in_words_are_read_as_figures() {
        for (words, expected) in [
            ("six", Some((6, 1))),
            ("twenty-five years", Some((25, 1))),
            ("twenty five years", Some((25, 2))),
            ("one hundred and ten days", Some((110, 4))),
            ("one hundred and the", Some((100, 2))),
            ("two thousand and twenty", Some((2020, 4))),
            ("two three", Some((2, 1))),
            ("six-month", None),
            ("years", None),
        ] {
            let words: Vec<&str> = words.split(' ').collect();
            assert_eq!(number_in_words(&words), expected, "{words:?}");
        }
        assert_eq!(
            fact_tokens("For 1,000 days, or 1,00."),
            ["for", "1000", "day", "or", "1,00"]
        );
    }
}
