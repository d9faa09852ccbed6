//! The Porter stemmer (M.F. Porter, 1980) for lower-case ASCII English
//! words, with a few irregular forms families use. Small on purpose: it is
//! compiled into the widget.

/// Irregular forms that suffix stripping cannot reach, each mapped to the
/// stem of its base form ("said" → "sai", the stem of "say").
const IRREGULAR: &[(&str, &str)] = &[
    ("children", "child"),
    ("childs", "child"),
    ("childrens", "child"),
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("kept", "keep"),
    ("told", "tell"),
    ("saw", "see"),
    ("seen", "see"),
    ("gave", "give"),
    ("given", "give"),
    ("wrote", "write"),
    ("written", "write"),
    ("sold", "sell"),
    ("took", "take"),
    ("taken", "take"),
    ("knew", "know"),
    ("known", "know"),
    ("said", "sai"),
    ("lost", "lose"),
    ("stolen", "steal"),
    ("found", "find"),
    ("heard", "hear"),
    ("made", "make"),
    ("went", "go"),
    ("info", "inform"),
    // Porter takes both to "achiev", so a child's achievements would match
    // every "Achieving for Children".
    ("achievement", "achievement"),
    ("achievements", "achievement"),
    // Porter leaves "referral" at "referr" but "referred" at "refer".
    ("referral", "refer"),
    ("referrals", "refer"),
    // Porter takes "exclusion" to "exclus" but "excluded" to "exclud".
    ("exclusion", "exclud"),
    ("exclusions", "exclud"),
    // Text-speak, so that a concept's stop words match it ("who r u").
    ("u", "you"),
    ("ya", "you"),
    ("ur", "your"),
    ("r", "are"),
    ("cn", "can"),
    ("hav", "have"),
    ("wot", "what"),
    ("wat", "what"),
    ("whos", "who"),
    ("wen", "when"),
    ("til", "until"),
    ("yous", "you"),
    ("till", "until"),
    ("wanna", "want"),
    ("bout", "about"),
    ("abt", "about"),
    ("wiv", "with"),
    ("wif", "with"),
    ("cos", "becaus"),
    ("coz", "becaus"),
    ("cuz", "becaus"),
];

/// The stem of a lower-case word. Words that are not plain ASCII letters
/// (numbers, codes such as `za045069`) are returned unchanged, but for
/// ordinals, which lose their ending ("25th" → "25").
pub fn stem(word: &str) -> String {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return (*base).to_string();
    }
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        // An ordinal is its number: "25th" → "25".
        let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let ordinal = ["st", "nd", "rd", "th"].contains(&super::part(word, digits.len()..));
        if ordinal && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits.to_string();
        }
        return word.to_string();
    }
    let mut w = Word::new(word.as_bytes());
    w.step1a();
    w.step1b();
    w.step1c();
    w.step2();
    w.step3();
    w.step4();
    w.step5();
    // (A panic with a message only: `expect` would carry the error's
    // `Debug` formatting into the Wasm.)
    String::from_utf8(w.0).unwrap_or_else(|_| panic!("ASCII in, ASCII out"))
}

/// A word being stemmed: its letters, and whether each is a consonant.
/// Whether a letter is a consonant depends only on the letters before it
/// ("y" after a consonant is a vowel), so it is kept for every letter and
/// updated as the word's end changes: each question is then one look-up,
/// and stemming stays linear in the word's length (a run of "y"s included).
struct Word(Vec<u8>, Vec<bool>);

impl Word {
    fn new(letters: &[u8]) -> Word {
        let mut word = Word(Vec::with_capacity(letters.len()), Vec::new());
        for &b in letters {
            word.push(b);
        }
        word
    }

    fn push(&mut self, b: u8) {
        let consonant = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => self.1.last().is_none_or(|&before| !before),
            _ => true,
        };
        self.0.push(b);
        self.1.push(consonant);
    }

    fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
        self.1.truncate(len);
    }

    fn pop(&mut self) {
        self.truncate(self.0.len().saturating_sub(1));
    }

    fn is_consonant(&self, i: usize) -> bool {
        self.1[i]
    }

    /// The number of vowel-consonant sequences in the first `len` letters.
    fn measure(&self, len: usize) -> usize {
        let mut m = 0;
        let mut i = 0;
        while i < len && self.is_consonant(i) {
            i += 1;
        }
        loop {
            while i < len && !self.is_consonant(i) {
                i += 1;
            }
            if i >= len {
                return m;
            }
            while i < len && self.is_consonant(i) {
                i += 1;
            }
            m += 1;
        }
    }

    fn has_vowel(&self, len: usize) -> bool {
        (0..len).any(|i| !self.is_consonant(i))
    }

    fn ends_double_consonant(&self, len: usize) -> bool {
        len >= 2 && self.0[len - 1] == self.0[len - 2] && self.is_consonant(len - 1)
    }

    /// consonant-vowel-consonant, the last not w, x or y.
    fn ends_cvc(&self, len: usize) -> bool {
        len >= 3
            && self.is_consonant(len - 3)
            && !self.is_consonant(len - 2)
            && self.is_consonant(len - 1)
            && !matches!(self.0[len - 1], b'w' | b'x' | b'y')
    }

    fn ends(&self, suffix: &str) -> bool {
        self.0.ends_with(suffix.as_bytes())
    }

    fn stem_len(&self, suffix: &str) -> usize {
        self.0.len() - suffix.len()
    }

    fn replace(&mut self, suffix: &str, with: &str) {
        self.truncate(self.stem_len(suffix));
        for &b in with.as_bytes() {
            self.push(b);
        }
    }

    /// Replaces the first matching suffix when the stem's measure exceeds `min_m`.
    fn replace_first(&mut self, rules: &[(&str, &str)], min_m: usize) {
        if let Some((suffix, with)) = rules.iter().find(|(s, _)| self.ends(s))
            && self.measure(self.stem_len(suffix)) > min_m
        {
            self.replace(suffix, with);
        }
    }

    fn step1a(&mut self) {
        if self.ends("sses") {
            self.replace("sses", "ss");
        } else if self.ends("ies") {
            self.replace("ies", "i");
        } else if !self.ends("ss") && self.ends("s") {
            self.replace("s", "");
        }
    }

    fn step1b(&mut self) {
        if self.ends("eed") {
            if self.measure(self.stem_len("eed")) > 0 {
                self.replace("eed", "ee");
            }
            return;
        }
        let suffix = if self.ends("ed") {
            "ed"
        } else if self.ends("ing") {
            "ing"
        } else {
            return;
        };
        if !self.has_vowel(self.stem_len(suffix)) {
            return;
        }
        self.replace(suffix, "");
        if self.ends("at") || self.ends("bl") || self.ends("iz") {
            self.push(b'e');
        } else if self.ends_double_consonant(self.0.len())
            && !matches!(self.0.last(), Some(b'l' | b's' | b'z'))
        {
            self.pop();
        } else if self.measure(self.0.len()) == 1 && self.ends_cvc(self.0.len()) {
            self.push(b'e');
        }
    }

    fn step1c(&mut self) {
        if self.ends("y") && self.has_vowel(self.0.len() - 1) {
            self.replace("y", "i");
        }
    }

    fn step2(&mut self) {
        self.replace_first(
            &[
                ("ational", "ate"),
                ("tional", "tion"),
                ("enci", "ence"),
                ("anci", "ance"),
                ("izer", "ize"),
                ("abli", "able"),
                ("alli", "al"),
                ("entli", "ent"),
                ("eli", "e"),
                ("ousli", "ous"),
                ("ization", "ize"),
                ("ation", "ate"),
                ("ator", "ate"),
                ("alism", "al"),
                ("iveness", "ive"),
                ("fulness", "ful"),
                ("ousness", "ous"),
                ("aliti", "al"),
                ("iviti", "ive"),
                ("biliti", "ble"),
            ],
            0,
        );
    }

    fn step3(&mut self) {
        self.replace_first(
            &[
                ("icate", "ic"),
                ("ative", ""),
                ("alize", "al"),
                ("iciti", "ic"),
                ("ical", "ic"),
                ("ful", ""),
                ("ness", ""),
            ],
            0,
        );
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        // Longest match first, as Porter's table is ordered by the penultimate letter.
        let Some(suffix) = SUFFIXES
            .iter()
            .filter(|s| self.ends(s))
            .max_by_key(|s| s.len())
        else {
            return;
        };
        let len = self.stem_len(suffix);
        if self.measure(len) <= 1 {
            return;
        }
        if *suffix == "ion" && !matches!(self.0.get(len.wrapping_sub(1)), Some(b's' | b't')) {
            return;
        }
        self.truncate(len);
    }

    fn step5(&mut self) {
        if self.ends("e") {
            let len = self.0.len() - 1;
            let m = self.measure(len);
            if m > 1 || (m == 1 && !self.ends_cvc(len)) {
                self.pop();
            }
        }
        let len = self.0.len();
        if self.measure(len) > 1 && self.ends_double_consonant(len) && self.ends("l") {
            self.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Word, stem};

    fn check(word: &str, expected: &str) {
        assert_eq!(stem(word), expected, "stem of {word}");
    }

    #[test]
    fn porter_reference_words() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("generalizations", "gener"),
        ] {
            check(word, expected);
        }
    }

    #[test]
    fn word_forms_families_type_meet_the_notice_words() {
        for (a, b) in [
            ("sharing", "shared"),
            ("schools", "school"),
            ("keeping", "keep"),
            ("children", "child"),
            ("childrens", "children"),
            ("objecting", "object"),
            ("referrals", "referral"),
            ("excluded", "exclusions"),
            // Text-speak reads as the word it stands for.
            ("wanna", "want"),
            ("bout", "about"),
            ("wiv", "with"),
            ("coz", "because"),
            // "how long till you delete it": not a typo for "tell" or "ill".
            ("till", "until"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} and {b}");
        }
        assert_ne!(stem("achievements"), stem("achieving"));
    }

    #[test]
    fn leaves_codes_and_numbers_alone() {
        check("za045069", "za045069");
        check("1989", "1989");
        check("25th", "25");
        check("2nd", "2");
        check("is", "is");
    }

    /// The definition the stored flags must agree with: "y" is a
    /// consonant at the start and after a vowel.
    fn consonant_by_definition(word: &[u8], i: usize) -> bool {
        match word[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !consonant_by_definition(word, i - 1),
            _ => true,
        }
    }

    #[test]
    fn consonants_follow_the_definition_as_the_word_changes() {
        for text in ["syzygy", "yyyyy", "ayyy", "toy", "yearly", "happy"] {
            let mut word = Word::new(text.as_bytes());
            word.pop();
            word.push(b'y');
            word.push(b'y');
            for i in 0..word.0.len() {
                assert_eq!(
                    word.is_consonant(i),
                    consonant_by_definition(&word.0, i),
                    "{text}: letter {i}"
                );
            }
        }
    }

    #[test]
    fn stemming_is_linear_in_the_word_length() {
        // Was quadratic in a run of "y": 131,000 of them took 11 s.
        for letters in ["y", "ay", "yes"] {
            let word = letters.repeat(100_000 / letters.len());
            let started = std::time::Instant::now();
            let stemmed = stem(&word);
            let took = started.elapsed();
            assert!(!stemmed.is_empty());
            assert!(
                took.as_millis() < 500,
                "stemming {} letters took {took:?}",
                word.len()
            );
        }
    }
}
