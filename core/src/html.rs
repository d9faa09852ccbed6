//! A notice as plain semantic HTML (`notice export --html`): the text a web
//! team pastes inside `<privacy-notice>` in place of the bare fallback
//! link. Without JavaScript, with the Wasm blocked or before it starts, the
//! page then shows the whole notice, and find-in-page, print and search
//! engines see it; once the widget starts, its shadow root has no slot, so
//! this text is neither rendered nor read a second time.
//!
//! It says what the widget says, in the same order and words (the phrases
//! and links come from [`crate::render`]): the title and facts, "In short",
//! every section (with those inherited through `extends`) with its summary
//! and wording, and the explorer's answers. It is a fragment: no scripts,
//! styles or event handlers, every text escaped, and each section an
//! element whose id is the section id, so `#your-rights` links work with no
//! JavaScript as they do in the widget. Glossary explanations are the
//! widget's extra and are left out.

use std::fmt::Write;

use crate::model::{Block, Notice, Question, blocks, shown_sections};
use crate::render::{
    self, IN_SHORT, NOT_STATED, WHAT_HAPPENS, WHAT_THE_NOTICE_SAYS, WHERE_IT_SAYS,
};
use crate::text::readability::sentences;

/// `notice` (and `parent`, the notice it extends) as an `<article>`.
/// The title is a heading of `level` (1–5, as the widget's `heading-level`),
/// sections one level below, kinds of data two. `content_hash` goes in
/// `data-content-hash`, so the loader can warn when pasted HTML is older
/// than the notice it stands in for. `record` (a field name and its value,
/// `id@hash …`) adds the hidden input the widget's `form-field` fills, so
/// a form records the notice shown even when the widget never starts.
pub fn notice(
    notice: &Notice,
    parent: Option<&Notice>,
    level: u8,
    content_hash: &str,
    record: Option<(&str, &str)>,
) -> String {
    let mut h = Html::default();
    h.raw(&format!(
        "<article lang=\"{}\" dir=\"{}\" data-notice=\"{}\" data-content-hash=\"{}\">\n",
        escape(&notice.language),
        notice.direction(),
        escape(&notice.id),
        escape(content_hash)
    ));
    if let Some((name, value)) = record {
        h.raw(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
            escape(name),
            escape(value)
        ));
    }
    h.heading(level, None, &notice.title);
    h.raw("<dl>\n");
    for (term, value, link) in render::facts(notice, parent) {
        h.element("dt", term);
        match link {
            Some(href) => h.raw(&format!(
                "<dd><a href=\"{}\">{}</a></dd>\n",
                escape(href),
                escape(value)
            )),
            None => h.element("dd", value),
        }
    }
    h.raw("</dl>\n");

    h.heading(level + 1, None, IN_SHORT);
    h.raw("<ul>\n");
    for section in notice.sections.iter() {
        let first = sentences(&section.summary).next().unwrap_or_default();
        h.raw(&format!(
            "<li><strong>{}</strong>: <a href=\"#{}\">{}</a></li>\n",
            escape(&section.heading),
            escape(&section.id),
            escape(first)
        ));
    }
    h.raw("</ul>\n");

    for shown in shown_sections(notice, parent) {
        let section = shown.section;
        h.raw(&format!("<section id=\"{}\">\n", escape(&section.id)));
        let tag = shown.inherited_from.map(render::inherited_tag);
        h.heading(level + 1, tag.as_deref(), &section.heading);
        if let Some(from) = shown.inherited_from {
            h.element("p", &render::inherited_note(from));
        }
        h.raw(&format!("<p><strong>{IN_SHORT}:</strong> "));
        h.linked(section.summary.trim());
        h.raw(&format!(
            "</p>\n<p><strong>{WHAT_THE_NOTICE_SAYS}:</strong></p>\n"
        ));
        h.body(&section.body);
        h.raw("</section>\n");
    }

    if !notice.explorer.is_empty() {
        h.explorer(notice, parent, level);
    }
    h.raw("</article>\n");
    h.0
}

/// HTML being written.
#[derive(Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// `<tag>text</tag>`, escaped.
    fn element(&mut self, tag: &str, text: &str) {
        let _ = writeln!(self.0, "<{tag}>{}</{tag}>", escape(text));
    }

    /// A heading of `level`, with `tag` after its text; past h6 a
    /// `role="heading"` with `aria-level`, as the widget makes it.
    /// A heading; past level 6 an `<h6>`, as in the widget: levels 7 and
    /// 8 are handled badly by screen readers, and the labelled section
    /// around the explorer groups what would be deeper.
    fn heading(&mut self, level: u8, tag: Option<&str>, text: &str) {
        let text = escape(text) + &escape(tag.unwrap_or(""));
        let level = level.clamp(1, 6);
        let _ = writeln!(self.0, "<h{level}>{text}</h{level}>");
    }

    /// Text with its web and email addresses as links (`render::links`).
    fn linked(&mut self, text: &str) {
        let mut at = 0;
        for link in render::links(text) {
            let _ = write!(
                self.0,
                "{}<a href=\"{}\">{}</a>",
                escape(&text[at..link.start]),
                escape(&render::href(link.address)),
                escape(link.address)
            );
            at = link.end;
        }
        self.0.push_str(&escape(&text[at..]));
    }

    /// A section's wording: paragraphs, and list items in one list until
    /// the next paragraph (as the widget groups them).
    fn body(&mut self, body: &str) {
        let mut in_list = false;
        for block in blocks(body) {
            match block {
                Block::Paragraph(text) => {
                    if in_list {
                        self.raw("</ul>\n");
                        in_list = false;
                    }
                    self.raw("<p>");
                    self.linked(text);
                    self.raw("</p>\n");
                }
                Block::ListItem(text) => {
                    if !in_list {
                        self.raw("<ul>\n");
                        in_list = true;
                    }
                    self.raw("<li>");
                    self.linked(text);
                    self.raw("</li>\n");
                }
            }
        }
        if in_list {
            self.raw("</ul>\n");
        }
    }

    /// "What happens to my data": how to use your rights, then each kind of
    /// data with every question and its answer (or that the notice does
    /// not say), linked to the sections that state it.
    fn explorer(&mut self, notice: &Notice, parent: Option<&Notice>, level: u8) {
        let _ = writeln!(self.0, "<section aria-label=\"{}\">", escape(WHAT_HAPPENS));
        self.heading(level + 1, None, WHAT_HAPPENS);
        self.element(
            "p",
            "For each kind of information: why we use it, who may see it, how long we keep it and what you can do.",
        );
        self.raw("<ul>\n");
        for line in render::contacts(notice, parent) {
            match line.link {
                Some((shown, href)) => {
                    let _ = writeln!(
                        self.0,
                        "<li>{}<a href=\"{}\">{}</a></li>",
                        escape(line.before),
                        escape(&href),
                        escape(shown)
                    );
                }
                None => self.element("li", line.otherwise),
            }
        }
        self.raw("</ul>\n");
        let heading_of = |id: &str| {
            notice
                .section(id)
                .or_else(|| parent.and_then(|p| p.section(id)))
                .map_or(id.to_string(), |s| s.heading.to_string())
        };
        for item in notice.explorer.iter() {
            self.heading(level + 2, None, &item.label);
            self.raw("<dl>\n");
            for question in Question::ALL {
                self.element("dt", question.asked());
                self.raw("<dd>");
                match item.answers.iter().find(|a| a.question == question) {
                    Some(answer) => {
                        self.raw("<p>");
                        self.linked(answer.text.trim());
                        self.raw("</p>");
                    }
                    None => {
                        let _ = write!(self.0, "<p>{}</p>", escape(NOT_STATED));
                    }
                }
                self.raw("</dd>\n");
            }
            self.raw("</dl>\n");
            let sources = render::sources(item, &Question::ALL);
            if !sources.is_empty() {
                self.element("p", WHERE_IT_SAYS);
                self.raw("<ul>\n");
                for id in sources {
                    let _ = writeln!(
                        self.0,
                        "<li><a href=\"#{}\">{}</a></li>",
                        escape(id),
                        escape(&heading_of(id))
                    );
                }
                self.raw("</ul>\n");
            }
        }
        self.raw("</section>\n");
    }
}

/// Text made safe for HTML content and for attribute values in double
/// quotes (the only quotes this markup uses, so `'` stays as written).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            escape(r#"<script>alert("x's & y")</script>"#),
            "&lt;script&gt;alert(&quot;x's &amp; y&quot;)&lt;/script&gt;"
        );
        let mut h = Html::default();
        h.linked("Write to a\"b@example.org or see https://x.org/?a=1&b=<2>.");
        assert_eq!(
            h.0,
            "Write to a&quot;b@example.org or see <a href=\"https://x.org/?a=1&amp;b=\">https://x.org/?a=1&amp;b=</a>&lt;2&gt;."
        );
    }

    #[test]
    fn headings_past_six_are_sixth_level_headings() {
        let mut h = Html::default();
        h.heading(6, Some(" (from “A”)"), "B & C");
        h.heading(7, None, "D");
        assert_eq!(h.0, "<h6>B &amp; C (from “A”)</h6>\n<h6>D</h6>\n");
    }

    #[test]
    fn list_items_share_a_list_until_the_next_paragraph() {
        let mut h = Html::default();
        h.body("Lead in:\n- one\n\n- two\n\nAfter.\n- three");
        assert_eq!(
            h.0,
            "<p>Lead in:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After.</p>\n<ul>\n<li>three</li>\n</ul>\n"
        );
    }
}
