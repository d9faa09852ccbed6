//! The rules a notice's data keeps wherever it comes from: a TOML file
//! `notice check` reads, or a JSON file the widget fetches for `src=`.
//! One definition of each rule and of its message, so the browser trusts
//! exactly what the CLI accepts and says so in the same words.

use crate::model::{Notice, Text, blocks};

/// The largest notice file (`notice export --json`) the widget reads, in
/// bytes: notices are tens of KB. `notice export` refuses to write more.
pub const MAX_NOTICE_JSON_BYTES: usize = 1_000_000;

/// The most passages (summaries, paragraphs, list items, explorer answers)
/// one notice may have: the search numbers passages in 16 bits, and a page
/// indexes a notice, the notice it extends and the glossary together.
pub const MAX_PASSAGES: usize = 30_000;

/// Whether `id` can be a notice's, a section's or a kind of data's id: a
/// web link's fragment and a file name, so lower-case letters, digits and
/// inner hyphens only.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The message for an id that [`is_id`] refuses.
pub fn not_an_id(id: &str) -> String {
    format!("id \"{id}\" is not usable in a web link")
}

/// The fix for an id that [`is_id`] refuses.
pub const ID_FIX: &str =
    "use lower-case letters, digits and \"-\" only, e.g. \"who-we-share-with\"";

/// The first character of `text` that a terminal or a page would act on
/// rather than show (an escape, a bell, NUL, …): every control character
/// but the newline and the tab.
pub fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

/// The message for text holding [`control_character`] `c`.
pub fn has_control_character(c: char) -> String {
    format!(
        "has an invisible control character (U+{:04X}) that would not be shown",
        u32::from(c)
    )
}

/// The fix for a control character.
pub const CONTROL_FIX: &str =
    "delete it: copy the text again from the published notice, as plain text";

/// The content hash `notice export` writes: 12 lower-case hex digits.
pub fn is_content_hash(hash: &str) -> bool {
    hash.len() == 12
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// How many passages the search makes of `notice` (see [`MAX_PASSAGES`]).
pub fn passage_count(notice: &Notice) -> usize {
    let sections: usize = notice
        .sections
        .iter()
        .map(|s| 1 + blocks(&s.body).count())
        .sum();
    let answers: usize = notice.explorer.iter().map(|e| e.answers.len()).sum();
    sections + answers
}

/// The message for a notice over [`MAX_PASSAGES`].
pub fn too_many_passages(count: usize) -> String {
    format!(
        "the notice has {count} summaries, paragraphs, list items and answers, more than the {MAX_PASSAGES} the widget can search"
    )
}

/// The message for a web address that [`is_https_url`] refuses.
pub fn not_https(url: &str) -> String {
    format!("\"{url}\" is not a valid https:// web address")
}

/// The message for an email address that [`is_email`] refuses.
pub fn not_an_email(email: &str) -> String {
    format!("\"{email}\" is not a valid email address")
}

/// Whether `contact` (the controller's contact line) is fine: a web
/// address must be https; words are free text.
pub fn is_contact(contact: &str) -> bool {
    let has = |byte: u8| contact.bytes().any(|b| b == byte);
    !has(b':') || has(b' ') || is_https_url(contact)
}

/// The ids seen so far. The same map type as the search index's terms
/// (`Index::build`), so the Wasm carries one copy of `BTreeMap`'s code: a
/// `BTreeSet<&str>` of its own measured 958 B brotli more.
pub(crate) type Seen = std::collections::BTreeMap<String, (Vec<u16>, Vec<u16>)>;

/// One thing wrong with a notice's data: the field, as a path
/// (`sections[3].id`), and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flaw {
    pub field: String,
    pub message: String,
}

/// Checks what a notice's data shows on its own, as `notice check` does
/// for a file: ids, web and email addresses, the language tag, control
/// characters in any text, unique section and explorer ids, and size.
/// (Reading grade and facts added to the wording are the author's checks,
/// made before export.) The widget checks every notice file with it.
pub fn check(notice: &Notice) -> Vec<Flaw> {
    fn optional(value: &Option<Text>) -> &str {
        value.as_deref().unwrap_or("")
    }
    let mut flaws = Vec::new();
    let mut flaw = |field: String, message: String| flaws.push(Flaw { field, message });
    let c = &notice.controller;
    let texts = [
        ("id", notice.id.as_ref()),
        ("title", &notice.title),
        ("language", &notice.language),
        ("extends", optional(&notice.extends)),
        ("source", &notice.source),
        ("source_url", optional(&notice.source_url)),
        ("published", optional(&notice.published)),
        ("last_updated", optional(&notice.last_updated)),
        ("version", optional(&notice.version)),
        ("controller.name", &c.name),
        ("controller.ico_registration", optional(&c.ico_registration)),
        ("controller.contact", optional(&c.contact)),
        ("controller.dpo_email", optional(&c.dpo_email)),
        ("controller.complaints_email", optional(&c.complaints_email)),
        (
            "controller.ico_complaints_url",
            optional(&c.ico_complaints_url),
        ),
    ];
    for (field, value) in texts {
        if let Some(ch) = control_character(value) {
            flaw(field.into(), has_control_character(ch));
        }
    }
    for (field, id) in [
        ("id", Some(&notice.id)),
        ("extends", notice.extends.as_ref()),
    ] {
        if let Some(id) = id.filter(|id| !is_id(id)) {
            flaw(field.into(), not_an_id(id));
        }
    }
    if !is_language_tag(&notice.language) {
        flaw(
            "language".into(),
            format!("\"{}\" is not a language tag", notice.language),
        );
    }
    for (field, url) in [
        ("source_url", &notice.source_url),
        ("controller.ico_complaints_url", &c.ico_complaints_url),
    ] {
        if let Some(url) = url.as_deref().filter(|u| !is_https_url(u)) {
            flaw(field.into(), not_https(url));
        }
    }
    for (field, email) in [
        ("controller.dpo_email", &c.dpo_email),
        ("controller.complaints_email", &c.complaints_email),
    ] {
        if let Some(email) = email.as_deref().filter(|e| !is_email(e)) {
            flaw(field.into(), not_an_email(email));
        }
    }
    if let Some(contact) = c.contact.as_deref().filter(|c| !is_contact(c)) {
        flaw("controller.contact".into(), not_https(contact));
    }
    if notice.sections.is_empty() {
        flaw("sections".into(), "the notice has no sections".into());
    }
    let mut ids = Seen::new();
    for (i, s) in notice.sections.iter().enumerate() {
        let at = |name: &str| format!("sections[{i}].{name}");
        if !is_id(&s.id) {
            flaw(at("id"), not_an_id(&s.id));
        } else if ids.insert(s.id.to_string(), Default::default()).is_some() {
            flaw(at("id"), format!("duplicate section id \"{}\"", s.id));
        }
        for (name, value) in [
            ("heading", &s.heading),
            ("summary", &s.summary),
            ("body", &s.body),
        ] {
            if let Some(ch) = control_character(value) {
                flaw(at(name), has_control_character(ch));
            }
        }
    }
    let mut ids = Seen::new();
    for (i, item) in notice.explorer.iter().enumerate() {
        let at = |name: &str| format!("explorer[{i}].{name}");
        if !is_id(&item.id) {
            flaw(at("id"), not_an_id(&item.id));
        } else if ids
            .insert(item.id.to_string(), Default::default())
            .is_some()
        {
            flaw(at("id"), format!("duplicate explorer id \"{}\"", item.id));
        }
        if let Some(ch) = control_character(&item.label) {
            flaw(at("label"), has_control_character(ch));
        }
        for (a, answer) in item.answers.iter().enumerate() {
            let texts = std::iter::once(&answer.text).chain(answer.from.iter());
            if let Some(ch) = texts.filter_map(|t| control_character(t)).next() {
                flaw(
                    format!("explorer[{i}].answers[{a}]"),
                    has_control_character(ch),
                );
            }
        }
    }
    let passages = passage_count(notice);
    if passages > MAX_PASSAGES {
        flaw("sections".into(), too_many_passages(passages));
    }
    flaws
}

/// Whether `tag` is a well-formed BCP 47 language tag (`en`, `en-GB`,
/// `cy`, `zh-Hant-TW`, `es-419`): a 2–3 letter language, then optional
/// script (4 letters), region (2 letters or 3 digits), variants and
/// extensions. Not a check against the registry; "english" fails.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    if !parts.next().is_some_and(|l| alpha(l, 2..=3)) {
        return false;
    }
    // 0: a script may come next, 1: a region, 2: variants. After a
    // singleton (extension or private use: `x-…`), any 1–8 letters or digits.
    let mut stage = 0;
    let mut after_singleton = false;
    let mut extended = false;
    for part in parts {
        let region =
            alpha(part, 2..=2) || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit()));
        let variant =
            alnum(part, 5..=8) || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit());
        if part.len() == 1 && alnum(part, 1..=1) && !after_singleton {
            extended = true;
            after_singleton = true;
        } else if extended {
            if !alnum(part, 1..=8) {
                return false;
            }
            after_singleton = false;
        } else if stage == 0 && alpha(part, 4..=4) {
            stage = 1;
        } else if (stage <= 1 && region) || variant {
            stage = 2;
        } else {
            return false;
        }
    }
    !after_singleton
}

/// Whether `url` is a web address a family may safely be sent to.
pub fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    })
}

/// Whether `email` is a plain email address (the widget links it as `mailto:`).
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-'".contains(&b));
    let domain_ok = domain.bytes().any(|b| b == b'.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Controller, Section};

    fn notice() -> Notice {
        let section = |id: &str| Section {
            id: id.to_string().into(),
            heading: "Heading".into(),
            summary: "We keep it.".into(),
            body: "We keep data.".into(),
        };
        Notice {
            id: "a-notice".into(),
            title: "A notice".into(),
            language: "en-GB".into(),
            extends: None,
            source: "Example Council".into(),
            source_url: None,
            published: None,
            last_updated: None,
            version: None,
            controller: Controller {
                name: "Example Council".into(),
                ..Controller::default()
            },
            sections: vec![section("intro"), section("rights")].into(),
            explorer: Vec::new().into(),
        }
    }

    fn flaws(notice: &Notice) -> Vec<String> {
        check(notice)
            .into_iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect()
    }

    #[test]
    fn a_sound_notice_has_no_flaws() {
        assert_eq!(flaws(&notice()), Vec::<String>::new());
    }

    #[test]
    fn what_notice_check_refuses_the_widget_refuses_too() {
        let mut bad = notice();
        bad.id = "../index".into();
        bad.extends = Some("http://127.0.0.1:8811/cors/evil".into());
        bad.title = "\u{1b}]0;PWNED\u{7}".into();
        bad.controller.ico_complaints_url = Some("javascript:window.__pwn='x';void 0".into());
        bad.controller.dpo_email = Some("a@@example.org".into());
        let mut sections = bad.sections.to_vec();
        sections[1].id = "intro".into();
        bad.sections = sections.into();
        assert_eq!(
            flaws(&bad),
            [
                "title: has an invisible control character (U+001B) that would not be shown",
                "id: id \"../index\" is not usable in a web link",
                "extends: id \"http://127.0.0.1:8811/cors/evil\" is not usable in a web link",
                "controller.ico_complaints_url: \"javascript:window.__pwn='x';void 0\" is not a valid https:// web address",
                "controller.dpo_email: \"a@@example.org\" is not a valid email address",
                "sections[1].id: duplicate section id \"intro\"",
            ]
        );
    }

    #[test]
    fn a_notice_the_search_cannot_number_is_refused() {
        let mut big = notice();
        let mut sections = big.sections.to_vec();
        sections[0].body = "- a\n".repeat(MAX_PASSAGES).into();
        big.sections = sections.into();
        assert_eq!(
            flaws(&big),
            [format!("sections: {}", too_many_passages(MAX_PASSAGES + 3))]
        );
    }

    #[test]
    fn language_tags_are_well_formed_bcp47() {
        for good in [
            "en",
            "en-GB",
            "cy",
            "cy-GB",
            "zh-Hant-TW",
            "es-419",
            "sl-rozaj",
            "en-x-test",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "english", "", "e", "en_GB", "en-", "-en", "en-GB-", "en-x", "12", "en-GBR-x",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn contacts_are_plain_emails_and_https_addresses() {
        assert!(is_email("dpo@achievingforchildren.org.uk"));
        for bad in [
            "mailto:dpo@x.org",
            "dpo",
            "dpo@x",
            "a b@x.org",
            "dpo@x.org?subject=hi",
            "@x.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_https_url("https://ico.org.uk/concerns/"));
        for bad in [
            "javascript:alert(1)",
            "http://ico.org.uk",
            "https://",
            "https:///x",
            "//ico.org.uk",
            "https://a b",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}
