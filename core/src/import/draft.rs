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
    let mut out = String::new();
    write_top_level(&mut out, draft);
    write_removed(&mut out, draft.outline);
    write_controller(&mut out, draft.outline, draft.facts);
    write_sections(&mut out, draft.outline, draft.options);
    line(&mut out, "");
    line(
        &mut out,
        "# To do: the explorer (\"What happens to my data\"): an [[explorer]] for each kind",
    );
    line(
        &mut out,
        "# of data the notice names, each answer citing the sections it comes from;",
    );
    line(
        &mut out,
        "# see notices/FORMAT.md. An answer the notice does not give is left out.",
    );
    out
}

/// Appends `text` and a line break to the draft.
fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// The comment that opens the draft, and the notice's own fields.
fn write_top_level(out: &mut String, draft: &Draft) {
    let Draft {
        outline,
        facts,
        options,
        ..
    } = draft;
    line(
        out,
        &format!(
            "# A draft notice, made by `notice import` from {}.",
            draft
                .page_url
                .as_deref()
                .or(options.url.as_deref())
                .unwrap_or(&options.label)
        ),
    );
    line(
        out,
        "# Still to write: every section's summary (`notice check` lists each as a to-do,",
    );
    line(
        out,
        "# with its line) and the explorer (see the end of the file). Check each heading",
    );
    line(
        out,
        "# marked \"inferred\", and that no line in `removed` is the notice's own wording.",
    );
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
    line(out, &format!("id = {}", quoted(&id)));
    match &title {
        Some(title) => line(out, &format!("title = {}", quoted(title))),
        None => {
            line(
                out,
                "# to do: the page has no line the importer takes for its title; write the publisher's title",
            );
            line(out, "title = \"\"");
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
        line(
            out,
            &format!(
                "# The page's lang, {}, is not a language tag, so it is not used.",
                quoted(bad)
            ),
        );
    }
    let language = page_language
        .or(options.language.as_deref())
        .unwrap_or("en-GB");
    line(out, &format!("language = {}", quoted(language)));
    if let Some(parent) = options.extends {
        line(out, &format!("extends = {}", quoted(&parent.id)));
    }
    let source = match (&facts.name, &title) {
        (Some(name), Some(title)) => format!("{name}: {title}"),
        (None, Some(title)) => title.clone(),
        _ => options.label.clone(),
    };
    line(out, &format!("source = {}", quoted(&source)));
    if let Some(url) = options.url.as_deref().or(draft.page_url.as_deref()) {
        line(out, &format!("source_url = {}", quoted(url)));
    }
    if let Some(date) = &outline.published {
        line(out, &format!("published = {}", quoted(date)));
    }
    if let Some(date) = &outline.last_updated {
        line(out, &format!("last_updated = {}", quoted(date)));
    }
}

/// The page's lines left out of the wording, under the reason for each run.
fn write_removed(out: &mut String, outline: &Outline) {
    line(out, "");
    line(
        out,
        "# The page's lines left out of the notice's wording: the web page around it.",
    );
    line(out, "removed = [");
    let mut why_before = "";
    for (text, why) in &outline.removed {
        if *why != why_before {
            line(out, &format!("  # {why}"));
            why_before = why;
        }
        line(out, &format!("  {},", quoted(text)));
    }
    line(out, "]");
}

/// The `[controller]` table: the facts the wording states plainly.
fn write_controller(out: &mut String, outline: &Outline, facts: &Facts) {
    line(out, "");
    line(out, "[controller]");
    match &facts.name {
        Some(name) => line(out, &format!("name = {}", quoted(name))),
        None => {
            line(
                out,
                "# to do: the wording does not say \"… is the controller\" in a way the importer reads; write the organisation's name",
            );
            line(out, "name = \"\"");
        }
    }
    for (key, value) in [
        ("ico_registration", &facts.ico_registration),
        ("dpo_email", &facts.dpo_email),
        ("complaints_email", &facts.complaints_email),
        ("ico_complaints_url", &facts.ico_complaints_url),
    ] {
        if let Some(value) = value {
            line(out, &format!("{key} = {}", quoted(value)));
        }
    }
    for note in &facts.notes {
        line(out, &format!("# {note}"));
    }
    if outline.hidden_emails > 0 {
        line(
            out,
            &format!(
                "# The page hides {} email address(es) (\"[email protected]\"): left out of the wording, as notices/FORMAT.md says; a hidden address is not a fact the draft can state.",
                outline.hidden_emails
            ),
        );
    }
}

/// A `[[section]]` for each section of the outline, its summary to write.
fn write_sections(out: &mut String, outline: &Outline, options: &Options) {
    let headings: Vec<&str> = outline
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    let ids = section_ids(&headings, options.extends);
    for (section, (id, replaces)) in outline.sections.iter().zip(ids) {
        line(out, "");
        line(out, "[[section]]");
        if let Some(reason) = section.from.reason() {
            line(out, &format!("# {reason}"));
        }
        if let (Some(parent), Some(heading)) = (options.extends, replaces) {
            line(
                out,
                &format!(
                    "# the id of {}'s section {}: on the same topic, this section replaces it",
                    parent.id,
                    quoted(heading)
                ),
            );
        }
        if !section.sub_headings.is_empty() {
            let subs: Vec<String> = section.sub_headings.iter().map(|s| quoted(s)).collect();
            line(
                out,
                &format!(
                    "# lower headings kept in the wording as paragraphs: {}",
                    subs.join(", ")
                ),
            );
        }
        if section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Item { nested: true, .. }))
        {
            line(
                out,
                "# a list nested in another on the page is written flat: its items follow the item they were under",
            );
        }
        line(out, &format!("id = {}", quoted(&id)));
        line(out, &format!("heading = {}", quoted(&section.heading)));
        line(out, SUMMARY_TO_DO);
        line(out, "summary = \"\"");
        line(
            out,
            &format!("body = {}", multiline(&body(&section.blocks))),
        );
    }
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
