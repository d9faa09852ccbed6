//! The controller's facts a notice's wording states: its name, its ICO
//! registration number, the Data Protection Officer's email, an email
//! for complaints and the ICO's https:// address for concerns. Each is
//! taken only where the wording says it plainly; anything less stays out
//! (and the draft's comments say why).

use crate::rules;

/// What the wording states about the controller.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub name: Option<String>,
    pub ico_registration: Option<String>,
    pub dpo_email: Option<String>,
    pub complaints_email: Option<String>,
    pub ico_complaints_url: Option<String>,
    /// Why a fact the page nearly states is left out, for the draft.
    pub notes: Vec<String>,
}

/// How far after a mention of the Data Protection Officer their email
/// may come (an address block, then `Email: …`).
const DPO_LOOKAHEAD: usize = 8;

/// The facts in `lines`: the wording's lines in order, each with the
/// index of its section (an email is looked for within its section).
pub fn facts(lines: &[(usize, String)]) -> Facts {
    let mut facts = Facts::default();
    // "The council is the controller" names the council the page names most.
    let council = std::cell::OnceCell::new();
    let council = || council.get_or_init(|| most_named_council(lines)).clone();
    for (i, (section, line)) in lines.iter().enumerate() {
        let low = line.to_lowercase();
        if facts.ico_registration.is_none() && low.contains("regist") {
            facts.ico_registration = words(line)
                .map(|w| w.trim_end_matches('.'))
                .find(|w| is_ico_number(w))
                .map(str::to_string);
        }
        if facts.name.is_none() {
            facts.name = controller_name(line, &council);
        }
        if facts.dpo_email.is_none() && mentions_dpo(&low) {
            facts.dpo_email = emails(line).next().or_else(|| {
                if line.contains(super::outline::HIDDEN_EMAIL) {
                    return None;
                }
                lines[i + 1..]
                    .iter()
                    .take(DPO_LOOKAHEAD)
                    .take_while(|(s, _)| s == section)
                    .find(|(_, l)| emails(l).next().is_some())
                    .filter(|(_, l)| {
                        let low = l.trim_start().to_lowercase();
                        low.starts_with("email") || low.starts_with("e-mail")
                    })
                    .and_then(|(_, l)| emails(l).next())
            });
        }
        if facts.complaints_email.is_none() && low.contains("complain") {
            facts.complaints_email = emails(line).next();
        }
        if facts.ico_complaints_url.is_none() {
            facts.ico_complaints_url = words(line)
                .find(|w| {
                    w.starts_with("https://ico.org.uk") || w.starts_with("https://www.ico.org.uk")
                })
                .map(|w| w.trim_end_matches(['.', ',', ';', ':', ')']).to_string());
        }
    }
    if facts.ico_complaints_url.is_none()
        && let Some(bare) = lines
            .iter()
            .flat_map(|(_, l)| words(l))
            .find(|w| w.starts_with("ico.org.uk") || w.starts_with("www.ico.org.uk"))
    {
        facts.notes.push(format!(
            "The page gives the ICO's address as \"{}\", without https://, so ico_complaints_url is left out (the checker needs the address as the wording states it).",
            bare.trim_end_matches(['.', ',', ';', ':', ')'])
        ));
    }
    facts
}

/// The words of a line, without the punctuation around them.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
        .map(|w| w.trim_start_matches(['(', '"', '\'', '<', '[']))
        .map(|w| w.trim_end_matches([')', ',', ';', '"', '\'', '>', ']']))
}

/// An ICO registration number: `Z` and seven letters or digits, six of
/// them digits at the end (`ZA045069`, `Z1234567`).
fn is_ico_number(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() == 8
        && word.starts_with('Z')
        && word
            .bytes()
            .skip(1)
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && word.bytes().skip(2).all(|b| b.is_ascii_digit())
}

fn mentions_dpo(low: &str) -> bool {
    low.contains("data protection officer")
        || low
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "dpo")
}

/// The email addresses in a line, as plain addresses.
fn emails(line: &str) -> impl Iterator<Item = String> + '_ {
    words(line)
        .map(|w| w.trim_start_matches("mailto:").trim_end_matches(['.', ':']))
        .filter(|w| rules::is_email(w))
        .map(str::to_string)
}

/// Ways a sentence says who the controller is, after its name.
const CONTROLLER_PHRASES: &[&str] = &[
    " is the data controller",
    " is the controller",
    " is a data controller",
    " is registered as a data controller",
    " is registered as a controller",
    " is registered as data controller",
];

/// The controller's name, where `line` says "<Name> is the controller".
/// "The council is the controller" names the council the page names
/// most often ("Ashcombe and Fell Council").
fn controller_name(line: &str, council: &dyn Fn() -> Option<String>) -> Option<String> {
    let low = line.to_lowercase();
    let at = CONTROLLER_PHRASES
        .iter()
        .filter_map(|p| low.find(p))
        .min()?;
    let before = line.get(..at)?;
    let clause = before
        .rsplit([',', '.', ';', ':', '(', ')'])
        .next()
        .unwrap_or(before)
        .trim();
    let clause_low = clause.to_lowercase();
    if clause_low == "the council" {
        return council();
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 12
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            >= words.len()
        && !["we", "it", "this", "they", "the council", "the service"]
            .contains(&clause_low.as_str());
    named.then(|| clause.to_string())
}

/// The name ending in "Council" that the wording gives most often.
fn most_named_council(lines: &[(usize, String)]) -> Option<String> {
    const SMALL: &[&str] = &["and", "of", "upon", "on", "the"];
    // Each name with how often it is given and where it is first given.
    let mut counts: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for (_, line) in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            if word.trim_end_matches(['.', ',', ';', ':']) != "Council" {
                continue;
            }
            let mut start = i;
            while start > 0 {
                let before = words[start - 1];
                if before.ends_with([',', '.', ';', ':']) {
                    break;
                }
                if before.starts_with(char::is_uppercase) || SMALL.contains(&before) {
                    start -= 1;
                } else {
                    break;
                }
            }
            while start < i && SMALL.contains(&words[start]) {
                start += 1;
            }
            if start == i || words[start] == "The" {
                continue;
            }
            let name = words[start..=i]
                .join(" ")
                .trim_end_matches(['.', ',', ';', ':'])
                .to_string();
            let first = counts.len();
            counts.entry(name).or_insert((0, first)).0 += 1;
        }
    }
    // The most given, and of those the first.
    counts
        .into_iter()
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Facts {
        let lines: Vec<(usize, String)> = text.lines().map(|l| (0, l.to_string())).collect();
        facts(&lines)
    }

    #[test]
    fn stated_facts_are_found_and_nothing_else() {
        let found = of(
            "Under the UK GDPR, Fell City Council is the controller of your data.\n\
             We are registered with the ICO, registration number ZX481920.\n\
             Contact our Data Protection Officer:\n\
             Fell House\n\
             Email: dpo@fell.example\n\
             To complain, email complaints@fell.example.\n\
             Website: https://ico.org.uk/make-a-complaint/",
        );
        assert_eq!(found.name.as_deref(), Some("Fell City Council"));
        assert_eq!(found.ico_registration.as_deref(), Some("ZX481920"));
        assert_eq!(found.dpo_email.as_deref(), Some("dpo@fell.example"));
        assert_eq!(
            found.complaints_email.as_deref(),
            Some("complaints@fell.example")
        );
        assert_eq!(
            found.ico_complaints_url.as_deref(),
            Some("https://ico.org.uk/make-a-complaint/")
        );

        let none = of("Email the team at team@fell.example.\n\
             You can contact the Data Protection Officer at [email protected] or by post.\n\
             Email: other@fell.example\n\
             Contact the ICO at ico.org.uk/concerns.");
        assert_eq!(none.dpo_email, None);
        assert_eq!(none.ico_complaints_url, None);
        assert_eq!(none.name, None);
        assert_eq!(none.notes.len(), 1);
    }

    #[test]
    fn the_council_is_named_as_the_page_names_it() {
        let found =
            of("Fell and Dale Council runs the schools.\nThe council is the controller for this.");
        assert_eq!(found.name.as_deref(), Some("Fell and Dale Council"));
    }
}
