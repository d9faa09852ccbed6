//! The draft as TOML: the outline and facts in the notice format, with
//! comments that tell the author what is inferred, added, left out and
//! still to write. Also the section ids: short slugs of the headings, or,
//! under `--extends`, the extended notice's id for a section on the same
//! topic, so that it replaces the inherited one.

use super::Options;
use super::facts::Facts;
use super::outline::{Block, Outline};
use super::topic;
use crate::model::Notice;
use crate::rules::is_language_tag;

/// What the draft is written from.
pub struct Draft<'a> {
    pub outline: &'a Outline,
    pub facts: &'a Facts,
    pub options: &'a Options<'a>,
    /// The `lang` of an HTML page.
    pub page_language: Option<String>,
    /// The address a saved page states for itself.
    pub page_url: Option<String>,
}

/// What `summary = ""` is for: the to-do the author sees in the file.
const SUMMARY_TO_DO: &str = "# to do: 2–4 short, plain sentences (reading grade 6 or below) on what this section means for a family, stating nothing the wording does not";

/// A short id from `text`: its first `max` words in lower case, small
/// words and a heading's number dropped.
fn slug(text: &str, max: usize) -> String {
    const SMALL: &[&str] = &[
        "the", "a", "an", "your", "our", "my", "their", "its", "of", "and",
    ];
    let words: Vec<String> = text
        .to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .skip_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .take(max)
        .map(str::to_string)
        .collect();
    words.join("-")
}

/// Each section's id, and the extended notice's section it replaces.
fn section_ids<'n>(
    headings: &[&str],
    extends: Option<&'n Notice>,
) -> Vec<(String, Option<&'n str>)> {
    let mut inherited: Vec<(&'static str, &'n str, &'n str)> = extends
        .map(|parent| {
            parent
                .sections
                .iter()
                .filter_map(|s| topic(&s.heading).map(|t| (t, s.id.as_ref(), s.heading.as_ref())))
                .collect()
        })
        .unwrap_or_default();
    let mut used: Vec<String> = Vec::new();
    let mut ids = Vec::new();
    for heading in headings {
        let taken = topic(heading).and_then(|t| {
            let at = inherited
                .iter()
                .position(|(it, id, _)| *it == t && !used.iter().any(|u| u == id))?;
            Some(inherited.remove(at))
        });
        let (id, replaces) = match taken {
            Some((_, id, parent_heading)) => (id.to_string(), Some(parent_heading)),
            None => {
                let base = Some(slug(heading, 5))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "section".into());
                let mut id = base.clone();
                let mut n = 2;
                while used.contains(&id) || inherited.iter().any(|(_, pid, _)| *pid == id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                (id, None)
            }
        };
        used.push(id.clone());
        ids.push((id, replaces));
    }
    ids
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line basic string, one line of text a line of the file.
fn multiline(text: &str) -> String {
    let mut escaped = String::new();
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' | '\t' => escaped.push(c),
            c if c.is_control() => escaped.push_str(&format!("\\u{:04X}", c as u32)),
            c => escaped.push(c),
        }
    }
    // Three quotes would end the string: the third is escaped.
    let escaped = escaped.replace("\"\"\"", "\"\"\\\"");
    format!("\"\"\"\n{escaped}\n\"\"\"")
}

/// A section's wording in the notice format: paragraphs apart, list items
/// a line each.
fn body(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut last_item = false;
    for block in blocks {
        match block {
            Block::Paragraph(lines) => {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&lines.join("\n"));
                last_item = false;
            }
            Block::Item { text, .. } => {
                if !out.is_empty() {
                    out.push_str(if last_item { "\n" } else { "\n\n" });
                }
                out.push_str("- ");
                out.push_str(text);
                last_item = true;
            }
        }
    }
    out
}

/// The draft notice file.
pub fn write(draft: &Draft) -> String {
    let Draft {
        outline,
        facts,
        options,
        ..
    } = draft;
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(&format!(
        "# A draft notice, made by `notice import` from {}.",
        draft
            .page_url
            .as_deref()
            .or(options.url.as_deref())
            .unwrap_or(&options.label)
    ));
    line("# Still to write: every section's summary (`notice check` lists each as a to-do,");
    line("# with its line) and the explorer (see the end of the file). Check each heading");
    line("# marked \"inferred\", and that no line in `removed` is the notice's own wording.");
    let title = options.title.clone().or(outline.title.clone());
    let id = options
        .id
        .clone()
        .or_else(|| {
            title
                .as_deref()
                .map(|t| slug(t, 6))
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "imported-notice".into());
    line(&format!("id = {}", quoted(&id)));
    match &title {
        Some(title) => line(&format!("title = {}", quoted(title))),
        None => {
            line(
                "# to do: the page has no line the importer takes for its title; write the publisher's title",
            );
            line("title = \"\"");
        }
    }
    let page_language = draft
        .page_language
        .as_deref()
        .filter(|l| is_language_tag(l));
    if let Some(bad) = draft
        .page_language
        .as_deref()
        .filter(|l| !is_language_tag(l))
    {
        line(&format!(
            "# The page's lang, {}, is not a language tag, so it is not used.",
            quoted(bad)
        ));
    }
    let language = page_language
        .or(options.language.as_deref())
        .unwrap_or("en-GB");
    line(&format!("language = {}", quoted(language)));
    if let Some(parent) = options.extends {
        line(&format!("extends = {}", quoted(&parent.id)));
    }
    let source = match (&facts.name, &title) {
        (Some(name), Some(title)) => format!("{name}: {title}"),
        (None, Some(title)) => title.clone(),
        _ => options.label.clone(),
    };
    line(&format!("source = {}", quoted(&source)));
    if let Some(url) = options.url.as_deref().or(draft.page_url.as_deref()) {
        line(&format!("source_url = {}", quoted(url)));
    }
    if let Some(date) = &outline.published {
        line(&format!("published = {}", quoted(date)));
    }
    if let Some(date) = &outline.last_updated {
        line(&format!("last_updated = {}", quoted(date)));
    }
    line("");
    line("# The page's lines left out of the notice's wording: the web page around it.");
    line("removed = [");
    let mut why_before = "";
    for (text, why) in &outline.removed {
        if *why != why_before {
            line(&format!("  # {why}"));
            why_before = why;
        }
        line(&format!("  {},", quoted(text)));
    }
    line("]");
    line("");
    line("[controller]");
    match &facts.name {
        Some(name) => line(&format!("name = {}", quoted(name))),
        None => {
            line(
                "# to do: the wording does not say \"… is the controller\" in a way the importer reads; write the organisation's name",
            );
            line("name = \"\"");
        }
    }
    for (key, value) in [
        ("ico_registration", &facts.ico_registration),
        ("dpo_email", &facts.dpo_email),
        ("complaints_email", &facts.complaints_email),
        ("ico_complaints_url", &facts.ico_complaints_url),
    ] {
        if let Some(value) = value {
            line(&format!("{key} = {}", quoted(value)));
        }
    }
    for note in &facts.notes {
        line(&format!("# {note}"));
    }
    if outline.hidden_emails > 0 {
        line(&format!(
            "# The page hides {} email address(es) (\"[email protected]\"): left out of the wording, as notices/FORMAT.md says; a hidden address is not a fact the draft can state.",
            outline.hidden_emails
        ));
    }
    let headings: Vec<&str> = outline
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    let ids = section_ids(&headings, options.extends);
    for (section, (id, replaces)) in outline.sections.iter().zip(ids) {
        line("");
        line("[[section]]");
        if let Some(reason) = section.from.reason() {
            line(&format!("# {reason}"));
        }
        if let (Some(parent), Some(heading)) = (options.extends, replaces) {
            line(&format!(
                "# the id of {}'s section {}: on the same topic, this section replaces it",
                parent.id,
                quoted(heading)
            ));
        }
        if !section.sub_headings.is_empty() {
            let subs: Vec<String> = section.sub_headings.iter().map(|s| quoted(s)).collect();
            line(&format!(
                "# lower headings kept in the wording as paragraphs: {}",
                subs.join(", ")
            ));
        }
        if section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Item { nested: true, .. }))
        {
            line(
                "# a list nested in another on the page is written flat: its items follow the item they were under",
            );
        }
        line(&format!("id = {}", quoted(&id)));
        line(&format!("heading = {}", quoted(&section.heading)));
        line(SUMMARY_TO_DO);
        line("summary = \"\"");
        line(&format!("body = {}", multiline(&body(&section.blocks))));
    }
    line("");
    line("# To do: the explorer (\"What happens to my data\"): an [[explorer]] for each kind");
    line("# of data the notice names, each answer citing the sections it comes from;");
    line("# see notices/FORMAT.md. An answer the notice does not give is left out.");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_unique_slugs() {
        let ids = section_ids(&["Who we are", "2. Who we are", "Your rights"], None);
        let ids: Vec<&str> = ids.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["who-we-are", "who-we-are-2", "rights"]);
        assert_eq!(
            slug("How long will we keep your information?", 5),
            "how-long-will-we-keep"
        );
    }

    #[test]
    fn strings_survive_toml() {
        let text = "He said \"\"\"hi\"\"\" \\ done\u{7}";
        let file = format!("a = {}\nb = {}\n", quoted(text), multiline(text));
        let value: toml::Table = toml::from_str(&file).expect("valid TOML");
        assert_eq!(value["a"].as_str(), Some(text));
        // The body's closing newline, which the loader trims.
        assert_eq!(value["b"].as_str(), Some(format!("{text}\n").as_str()));
    }
}
