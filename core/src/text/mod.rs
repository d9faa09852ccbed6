//! Text handling shared by the search, the checker and the widget:
//! folding, words, stems, and reading grade.

pub mod readability;
mod stem;

pub use stem::stem;

/// A word of running text, folded to lower-case ASCII where it can be:
/// curly quotes straightened, possessive `'s` and `s'` dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub folded: String,
    /// The word as written, a slice of the text it came from.
    pub original: &'a str,
    /// Byte offset of `original` in the text.
    pub start: usize,
}

/// Splits text into words: runs of letters and digits, with apostrophes
/// inside a word ("son's", "don’t") kept to the word and then folded away.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let &(i, c) = chars.peek()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
            chars.next();
        };
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            let inner_apostrophe = is_apostrophe(c)
                && part(text, i + c.len_utf8()..)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(c.is_alphanumeric() || inner_apostrophe) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let original = part(text, start..end);
        Some(Word {
            folded: fold_word(original),
            original,
            start,
        })
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// Lower-cases a word, straightens apostrophes and drops possessives and
/// contractions' apostrophes: "Son’s" → "son", "don't" → "dont".
pub fn fold_word(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect();
    let base = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(&lower);
    base.chars().filter(|&c| c != '\'').collect()
}

/// `text[range]`, or "" for a range off a character boundary (none is, by
/// construction): slicing a `str` with `[]` brings its panic message's
/// formatting (`char` escapes, `Debug` of ranges) into the Wasm.
pub fn part<R: std::slice::SliceIndex<str, Output = str>>(text: &str, range: R) -> &str {
    text.get(range).unwrap_or("")
}

/// The stop words, sorted (for a binary search) and each once.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "about", "abt", "actually", "after", "all", "also", "am", "an", "and", "any", "are",
    "arent", "as", "at", "basically", "be", "because", "been", "being", "bout", "but", "by", "can",
    "cant", "cn", "cos", "could", "coz", "cuz", "did", "didnt", "do", "does", "doesnt", "dont",
    "else", "even", "ever", "for", "from", "get", "gets", "getting", "gonna", "got", "gotta",
    "had", "has", "hasnt", "hav", "have", "havent", "he", "hello", "her", "hey", "hi", "him",
    "his", "how", "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "lady",
    "me", "mentioned", "might", "much", "my", "n", "next", "of", "ok", "okay", "on", "or", "our",
    "ours", "out", "own", "please", "pls", "plz", "r", "rather", "really", "same", "scared", "she",
    "should", "so", "some", "still", "stuff", "than", "thanks", "that", "thats", "the", "their",
    "them", "then", "there", "theres", "these", "they", "thing", "things", "this", "those", "thx",
    "to", "too", "u", "up", "ur", "us", "very", "was", "wasnt", "wat", "we", "week", "weeks",
    "wen", "were", "what", "whats", "when", "where", "which", "who", "whom", "whos", "why", "wif",
    "will", "with", "wiv", "wont", "wot", "would", "ya", "you", "your", "youre", "yours",
];

/// Words that carry no meaning for search: articles, pronouns, question
/// words and auxiliaries ("who", "can", "do", "my"), their text-speak
/// ("u", "wot", "cn", "bout", "wiv"), fillers ("stuff", "please", "own",
/// "even", "actually": "can i read my own file" asks to read my file), and
/// everyday words the notices never use that would be read as slips for
/// notice words ("much" as "such", "week" as "weed", "lady" as "LADO",
/// "scared" as "care").
pub fn is_stop_word(folded: &str) -> bool {
    STOP.binary_search(&folded).is_ok()
}

/// Words for the people a question is about ("my son", "her mum"),
/// sorted and each once: see [`is_family_word`].
#[rustfmt::skip]
const FAMILY: &[&str] = &[
    "boy", "boys", "child", "children", "childs", "dad", "daddy", "daughter", "daughters", "father",
    "girl", "girls", "gran", "grandad", "grandchild", "grandchildren", "granddaughter", "grandkids",
    "grandma", "grandson", "kid", "kids", "mam", "mom", "mother", "mum", "mummy", "nan", "nana",
    "son", "sons", "stepdad", "stepmum", "teen", "teenager",
];

/// Whether a word names a child or relative the question is about ("can i
/// see my son's file"): families put these between the words of what they
/// ask, and seldom ask about the relative as such.
pub fn is_family_word(folded: &str) -> bool {
    FAMILY.binary_search(&folded).is_ok()
}

/// The longest word the search indexes, in bytes. A longer "word" (a
/// run of letters with no space, a pasted hash) is no word a family types;
/// the index stores a term's length in a byte.
pub const MAX_TERM_BYTES: usize = 100;

/// The search terms of a text: stems of its words that are not stop words
/// (nor longer than [`MAX_TERM_BYTES`]).
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text)
        .filter(|w| w.folded.len() <= MAX_TERM_BYTES && !is_stop_word(&w.folded))
        .map(|w| stem(&w.folded))
}

/// Appends `items` to `out` with `separator` between them: what
/// `[..].join(separator)` does, without `join`'s own code in the Wasm.
pub fn push_joined<'a>(
    out: &mut String,
    items: impl IntoIterator<Item = &'a str>,
    separator: &str,
) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
}

/// Marks a stop word in a prepared phrase (see [`prepare_phrase`]).
pub const STOP_MARK: char = '*';

/// A phrase as the search matches it: the stems of its words separated by
/// spaces, stop words kept and marked with [`STOP_MARK`] ("who can see" →
/// "*who *can see"). Concepts are prepared once, when they are loaded, so
/// the widget never stems them.
pub fn prepare_phrase(phrase: &str) -> String {
    words(phrase)
        .map(|w| {
            let stem = stem(&w.folded);
            if is_stop_word(&w.folded) {
                format!("{STOP_MARK}{stem}")
            } else {
                stem
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folds text for comparison: lower case, straight quotes, plain dashes,
/// single spaces. The same folding the search evaluation uses.
pub fn fold_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).map(|w| w.folded).collect()
    }

    #[test]
    fn words_fold_case_apostrophes_and_possessives() {
        assert_eq!(folded("My son’s file"), ["my", "son", "file"]);
        assert_eq!(folded("the parents' view"), ["the", "parents", "view"]);
        assert_eq!(
            folded("Don't tell (the) 'school'!"),
            ["dont", "tell", "the", "school"]
        );
    }

    #[test]
    fn words_keep_their_place_in_the_text() {
        let text = "a Police, b";
        let police = words(text).nth(1).unwrap();
        assert_eq!((police.original, police.start), ("Police", 2));
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(is_stop_word("who") && is_stop_word("your") && !is_stop_word("school"));
        assert!(is_stop_word("a") && is_stop_word("yours") && is_stop_word("wot"));
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        assert!(FAMILY.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        assert!(is_family_word("son") && is_family_word("grandkids") && !is_family_word("school"));
    }

    #[test]
    fn terms_drop_question_words_and_stem() {
        let t: Vec<_> = terms("Who sees my referrals?").collect();
        assert_eq!(t, ["see", "refer"]);
    }

    #[test]
    fn joined_items_have_the_separator_between_them_only() {
        let mut out = String::from("kinds:");
        push_joined(&mut out, ["a", "b", "c"], ", ");
        assert_eq!(out, "kinds:a, b, c");
        push_joined(&mut out, [], "; ");
        assert_eq!(out, "kinds:a, b, c");
    }

    #[test]
    fn phrases_fold_like_the_evaluation() {
        assert_eq!(
            fold_phrase(" Child’s  record –\nkept "),
            "child's record - kept"
        );
    }
}
