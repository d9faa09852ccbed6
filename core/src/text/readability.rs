//! Flesch–Kincaid grade level, for holding the plain-language layer to a
//! reading age of about 9 (grade 6 or below).

use super::{part, words};

/// Words, sentences and syllables of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn of(text: &str) -> Counts {
        let sentences = sentences(text).count().max(1);
        let (words, syllables) = words(text)
            .filter(|w| w.folded.chars().any(|c| c.is_alphabetic()))
            .fold((0, 0), |(n, s), w| (n + 1, s + syllables(&w.folded)));
        Counts {
            words,
            sentences,
            syllables,
        }
    }

    /// Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    pub fn grade(self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, other: Counts) -> Counts {
        Counts {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }
}

/// The Flesch–Kincaid grade of a text.
pub fn grade(text: &str) -> f64 {
    Counts::of(text).grade()
}

/// Splits text into sentences at `.`, `!`, `?` or a line break, followed by
/// space or the end. Empty pieces are skipped.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            let ends = match b {
                b'\n' => true,
                b'.' | b'!' | b'?' => bytes.get(i).is_none_or(|n| n.is_ascii_whitespace()),
                _ => false,
            };
            if ends {
                let piece = part(text, start..i).trim();
                start = i;
                if piece.chars().any(char::is_alphanumeric) {
                    return Some(piece);
                }
            }
        }
        let piece = part(text, start..).trim();
        start = bytes.len();
        piece.chars().any(char::is_alphanumeric).then_some(piece)
    })
}

/// Estimated syllables of a lower-case word: groups of vowels, less a
/// silent final "e", at least one.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let n = letters.len();
    // A final silent "e" (make, share) but not "-le" after a consonant (table).
    if n > 2 && letters[n - 1] == 'e' && !is_vowel(letters[n - 2]) {
        let le_syllable = letters[n - 2] == 'l' && !is_vowel(letters[n - 3]);
        if !le_syllable && count > 1 {
            count -= 1;
        }
    }
    // "-ed" is silent unless after t or d (asked, shared; but wanted, needed).
    if n > 3 && word.ends_with("ed") && !matches!(letters[n - 3], 't' | 'd') && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_of_common_words() {
        for (word, expected) in [
            ("we", 1),
            ("share", 1),
            ("table", 2),
            ("shared", 1),
            ("wanted", 2),
            ("information", 4),
            ("police", 2),
            ("safe", 1),
            ("family", 3),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn splits_sentences() {
        let s: Vec<_> = sentences("We keep it. Why? See e.g. here\nNew line").collect();
        assert_eq!(s, ["We keep it.", "Why?", "See e.g.", "here", "New line"]);
    }

    #[test]
    fn plain_words_read_at_a_low_grade_and_legal_text_high() {
        assert!(grade("We keep your data safe. Only staff who need it can see it.") < 3.0);
        let legal = "Under the UK General Data Protection Regulation, the lawful basis for \
                     processing personal data is public task or to comply with a legal obligation.";
        assert!(grade(legal) > 12.0, "{}", grade(legal));
    }
}
