//! Synthetic notices for benchmarks: many notices of the bundled notices'
//! size and shape, so the search can be timed on a hundred notices.

use crate::model::{Notice, Text};

/// `count` notices cloned round-robin from `notices`, each with a new id
/// (`bench-7-afc-standard`, extending `bench-7-…` where the original
/// extends) and wording varied by clone so the vocabulary grows.
pub fn synthetic_notices(notices: &[Notice], count: usize) -> Vec<Notice> {
    (0..count)
        .map(|i| {
            let copy = i / notices.len();
            let mut notice = notices[i % notices.len()].clone();
            notice.id = Text::Owned(format!("bench-{copy}-{}", notice.id));
            notice.extends =
                (notice.extends.take()).map(|id| Text::Owned(format!("bench-{copy}-{id}")));
            let reword = |text: &Text| Text::Owned(vary(text, i));
            notice.sections = notice
                .sections
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    s.heading = reword(&s.heading);
                    s.summary = reword(&s.summary);
                    s.body = reword(&s.body);
                    s
                })
                .collect();
            notice.explorer = notice
                .explorer
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e.label = reword(&e.label);
                    e.answers = e
                        .answers
                        .iter()
                        .map(|a| {
                            let mut a = a.clone();
                            a.text = reword(&a.text);
                            a
                        })
                        .collect();
                    e
                })
                .collect();
            notice
        })
        .collect()
}

/// Light rewording: within each line, one word in nine becomes a word new
/// to this clone (its letters plus a clone-specific tail), and every other
/// pair of neighbouring words swaps places. Blank lines and `- ` list
/// markers stay, so passages keep their shape.
fn vary(text: &str, clone: usize) -> String {
    let tail: String = [clone % 26, clone / 26 % 26]
        .iter()
        .map(|&n| char::from(b'a' + n as u8))
        .collect();
    text.lines()
        .map(|line| {
            let (marker, rest) = line.strip_prefix("- ").map_or(("", line), |r| ("- ", r));
            let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
            for (w, word) in words.iter_mut().enumerate() {
                if (w + clone).is_multiple_of(9)
                    && word.len() > 3
                    && word.chars().all(char::is_alphabetic)
                {
                    word.push_str(&tail);
                }
            }
            if clone % 2 == 1 {
                for pair in words.chunks_mut(2).step_by(2) {
                    pair.reverse();
                }
            }
            format!("{marker}{}", words.join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
