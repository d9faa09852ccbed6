//! What the widget and `notice export --html` both show around a notice's
//! own text, DOM-free, so the two cannot drift apart: the facts under the
//! title, which words in the wording become links, the note on an
//! inherited section, the explorer's fixed phrases and the contact lines.
//! The widget turns these into DOM nodes; `html` turns them into markup.

use crate::model::{ExplorerItem, Notice, Question};
use crate::rules;
use crate::text::part;

/// The label above a section's plain summary.
pub const IN_SHORT: &str = "In short";
/// The label above a section's original wording.
pub const WHAT_THE_NOTICE_SAYS: &str = "What the notice says";
/// The explorer's title.
pub const WHAT_HAPPENS: &str = "What happens to my data";
/// Names the list of sections a kind of data's answers come from.
pub const WHERE_IT_SAYS: &str = "Where the notice says this";
/// An explorer question the notice does not answer.
pub const NOT_STATED: &str = "This notice does not say. You can ask the Data Protection Officer.";

/// What "Last updated" says of a notice that does not state when it was.
pub const DATE_NOT_STATED: &str = "not stated in the notice";

/// The facts a reader (and a printed copy) needs under the title, as
/// (term, value, link): who publishes the notice, when it was updated,
/// where it comes from (its name, a link to `source_url` where that is an
/// https address), and the notice to read it with. "Last updated" is
/// always there, saying when the notice does not state it.
pub fn facts<'a>(
    notice: &'a Notice,
    parent: Option<&'a Notice>,
) -> impl Iterator<Item = (&'static str, &'a str, Option<&'a str>)> {
    let c = &notice.controller;
    let last_updated = notice.last_updated.as_deref();
    let source_url = notice
        .source_url
        .as_deref()
        .filter(|u| rules::is_https_url(u));
    [
        Some(("Published by", c.name.as_ref(), None)),
        c.ico_registration
            .as_deref()
            .map(|v| ("ICO registration", v, None)),
        notice.published.as_deref().map(|v| ("Published", v, None)),
        Some((
            "Last updated",
            last_updated.unwrap_or(DATE_NOT_STATED),
            None,
        )),
        notice.version.as_deref().map(|v| ("Version", v, None)),
        Some(("Source", notice.source.as_ref(), source_url)),
        parent.map(|p| ("Read it with", p.title.as_ref(), None)),
    ]
    .into_iter()
    .flatten()
}

/// After the heading of a section inherited from `from` (the notice extended).
pub fn inherited_tag(from: &Notice) -> String {
    format!(" (from “{}”)", from.title)
}

/// The first line of a section inherited from `from`.
pub fn inherited_note(from: &Notice) -> String {
    format!(
        "This section comes from “{}”, which this notice should be read with.",
        from.title
    )
}

/// A web or email address found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link<'a> {
    /// Byte range of the address in the text.
    pub start: usize,
    pub end: usize,
    /// The address as written: `https://…` or `name@domain.tld`.
    pub address: &'a str,
}

/// Where a link to `address` (a [`Link`]'s) goes: the web address itself,
/// or `mailto:` and the email address.
pub fn href(address: &str) -> String {
    if address.starts_with("https://") {
        address.to_string()
    } else {
        format!("mailto:{address}")
    }
}

/// The https:// web addresses and email addresses in `text`, in order,
/// each passing the same rules as `notice check` ([`rules::is_https_url`],
/// [`rules::is_email`]): whitespace-separated words, cut at the first
/// character no address holds (a quote, `<`, `>`), less the punctuation
/// that ends a sentence or clause after them (`.`, `,`, `;`, `:`, `)`); an
/// email written `mailto:name@…` links its address. Nothing else becomes a
/// link (no `http:`, `javascript:` or `data:`): notice text is never markup.
pub fn links(text: &str) -> impl Iterator<Item = Link<'_>> {
    let mut offset = 0;
    text.split_inclusive(char::is_whitespace)
        .filter_map(move |token| {
            let mut start = offset;
            offset += token.len();
            let word = token.trim_end();
            let word = part(
                word,
                ..word.find(['"', '<', '>', '`']).unwrap_or(word.len()),
            );
            let mut word = word.trim_end_matches(['.', ',', ';', ':', ')', '\'']);
            if let Some(email) = word.strip_prefix("mailto:") {
                start += word.len() - email.len();
                word = email;
            }
            (rules::is_https_url(word) || rules::is_email(word)).then_some(Link {
                start,
                end: start + word.len(),
                address: word,
            })
        })
}

/// The sections that the answers of `item` to `questions` come from, each
/// once, in the order first named: one list for a kind of data, not one
/// after every answer (a screen reader heard "Where the notice says this"
/// seven times a kind).
pub fn sources<'a>(item: &'a ExplorerItem, questions: &[Question]) -> Vec<&'a str> {
    let mut seen = rules::Seen::new();
    item.answers
        .iter()
        .filter(|a| questions.contains(&a.question))
        .flat_map(|a| a.from.iter())
        .filter(|id| seen.insert(id.to_string(), Default::default()).is_none())
        .map(|id| id.as_ref())
        .collect()
}

/// One line of "what you can do": `before` and a link when the notice
/// states the contact, else `otherwise`.
pub struct ContactLine<'a> {
    pub before: &'static str,
    /// The address shown and where the link goes.
    pub link: Option<(&'a str, String)>,
    pub otherwise: &'static str,
}

/// How to use your rights and complain, with only the contact details the
/// notice (or the notice it extends) states.
pub fn contacts<'a>(notice: &'a Notice, parent: Option<&'a Notice>) -> [ContactLine<'a>; 2] {
    // Checked again here, whatever checked the notice: a contact that
    // fails the rules is not turned into a link.
    let dpo = notice
        .stated_contact(parent, |c| &c.dpo_email)
        .filter(|e| rules::is_email(e));
    let ico = notice
        .stated_contact(parent, |c| &c.ico_complaints_url)
        .filter(|u| rules::is_https_url(u));
    [
        ContactLine {
            before: "To ask for a copy of your data or to use your other rights, email the Data Protection Officer: ",
            link: dpo.map(|e| (e, format!("mailto:{e}"))),
            otherwise: "This notice does not give an email address for the Data Protection Officer. Ask the service that gave you this notice how to contact them.",
        },
        ContactLine {
            before: "If you are unhappy with how we use your data, you can complain to the Information Commissioner’s Office (ICO): ",
            link: ico.map(|u| (u, u.to_string())),
            otherwise: "You can complain to the Information Commissioner’s Office (ICO). This notice does not give its web address.",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let found: Vec<(String, String)> = links(text)
            .map(|l| (text[l.start..l.end].to_string(), href(l.address)))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, h)| (a.to_string(), h.to_string()))
            .collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn finds_web_and_email_addresses_without_trailing_punctuation() {
        check(
            "See https://ico.org.uk/concerns/. Or email dpo@example.org, (or https://x.org).",
            &[
                (
                    "https://ico.org.uk/concerns/",
                    "https://ico.org.uk/concerns/",
                ),
                ("dpo@example.org", "mailto:dpo@example.org"),
                ("https://x.org", "https://x.org"),
            ],
        );
    }

    #[test]
    fn links_only_what_the_checker_accepts() {
        check(
            "javascript:alert(1) data:text/html,x http://x.org mailto:mailto:x@x.org a@@example.org",
            &[],
        );
        check(
            "write to mailto:dpo@x.org.",
            &[("dpo@x.org", "mailto:dpo@x.org")],
        );
        check(
            "see https://x.org/a\"><script>alert(1)</script> now",
            &[("https://x.org/a", "https://x.org/a")],
        );
    }

    #[test]
    fn leaves_other_words_alone() {
        check("an @ sign, user@localhost, ftp://x.org and www.x.org", &[]);
    }
}
