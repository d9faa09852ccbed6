//! `notice export`: the content hash in `--json` (the widget's chunks and a
//! form's record of the wording shown), a notice file exported after the
//! checks of `notice check`, and `--html`, the whole notice as the fallback
//! a web team pastes inside `<privacy-notice>`.

mod common;
use common::notice;

use std::path::PathBuf;

use privacy_notice::bundled;
use privacy_notice_core::model::{blocks, shown_sections};

/// Exports and returns stdout, failing the test with stderr if it fails.
fn export(args: &[&str]) -> String {
    let (code, out, err) = notice(&[&["export"], args].concat());
    assert_eq!(code, 0, "notice export {args:?}\n{err}");
    out
}

fn content_hash(args: &[&str]) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&export(&[args, &["--json"]].concat())).expect("JSON");
    json["content_hash"]
        .as_str()
        .expect("a content_hash string at the top level")
        .to_string()
}

/// A variant of the fixture, in a folder of its own named `variant` (a
/// notice file is named after its id; tests run in parallel).
fn write(variant: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("export_cli")
        .join(variant);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("minimal-notice.toml");
    std::fs::write(&path, text).expect("write a temporary notice");
    path
}

const FIXTURE: &str = "tests/fixtures/valid/minimal-notice.toml";

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).expect("the fixture")
}

/// The hash of the fixture with `from` replaced by `to` (which must occur).
fn hash_with(name: &str, from: &str, to: &str) -> String {
    let source = fixture();
    assert!(source.contains(from), "{from:?} is not in the fixture");
    let path = write(name, &source.replacen(from, to, 1));
    content_hash(&[path.to_str().unwrap()])
}

#[test]
fn the_json_carries_a_content_hash_of_twelve_lowercase_hex_digits() {
    for notice in bundled::NOTICES.iter() {
        let hash = content_hash(&["--notice", &notice.id]);
        assert_eq!(hash.len(), 12, "{}: {hash}", notice.id);
        assert!(
            hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
            "{}: {hash}",
            notice.id
        );
        // The same notice read from its file has the same hash.
        let file = format!("notices/{}.toml", notice.id);
        assert_eq!(content_hash(&[&file]), hash, "{file}");
    }
}

#[test]
fn the_hash_changes_with_the_wording_the_summary_or_an_explorer_answer() {
    let before = content_hash(&[FIXTURE]);
    for (name, from, to) in [
        (
            "wording",
            "We share information with schools",
            "We share information with colleges",
        ),
        (
            "summary",
            "We may tell your school.",
            "We may tell your college.",
        ),
        (
            "answer",
            "Your child's school may see it.",
            "Your child's teachers may see it.",
        ),
        (
            "heading",
            "heading = \"Who we share",
            "heading = \"With whom we share",
        ),
    ] {
        assert_ne!(hash_with(name, from, to), before, "{from} → {to}");
    }
}

#[test]
fn the_hash_does_not_change_with_comments_or_formatting() {
    let before = content_hash(&[FIXTURE]);
    for (name, from, to) in [
        (
            "comment",
            "[controller]",
            "# Who is responsible\n\n[controller]",
        ),
        (
            "wrapped",
            "We share information with schools where the law allows it.",
            "We share information with schools\nwhere the law allows it.",
        ),
        (
            "quoted",
            "summary = \"\"\"\nWe may tell your school. We only do this when the law lets us.\n\"\"\"",
            "summary = 'We may tell your school. We only do this when the law lets us.'",
        ),
        (
            "key-order",
            "title = \"Privacy notice for the Example Service\"\nlanguage = \"en-GB\"",
            "language = \"en-GB\"\ntitle = \"Privacy notice for the Example Service\"",
        ),
    ] {
        assert_eq!(hash_with(name, from, to), before, "{from} → {to}");
    }
}

#[test]
fn a_file_with_errors_is_not_exported() {
    let file = "tests/fixtures/invalid/empty-summary.toml";
    let expected = "to do: tests/fixtures/invalid/empty-summary.toml:13: section[1].summary: the summary is still to write";
    for format in ["--json", "--html"] {
        let (code, out, err) = notice(&["export", file, format]);
        assert_eq!(code, 1, "{format}: {err}");
        assert_eq!(out, "", "{format}: nothing on stdout");
        assert!(
            err.contains(expected),
            "{format}: the checker's message\n{err}"
        );
        assert!(err.contains("so it is not exported"), "{err}");
    }
    let (code, out, err) = notice(&["export", "no/such/notice", "--json"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("cannot read it"), "{err}");
}

/// Text as the export escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The HTML's text: every tag dropped (a `<` in the text itself is escaped).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_html_has_every_section_with_its_id_heading_summary_and_wording() {
    for notice in bundled::NOTICES.iter() {
        let html = export(&["--notice", &notice.id, "--html"]);
        let text = text_of(&html);
        assert!(html.starts_with("<article "), "{html}");
        assert!(html.contains(&format!("<h2>{}</h2>", escaped(&notice.title))));
        let hash = content_hash(&["--notice", &notice.id]);
        assert!(
            html.contains(&format!("data-content-hash=\"{hash}\"")),
            "{}",
            notice.id
        );
        let shown = shown_sections(notice, bundled::parent_of(notice));
        for section in shown.iter().map(|s| s.section) {
            let id = &section.id;
            assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
            assert!(
                html.contains(&format!("<h3>{}", escaped(&section.heading))),
                "{}: heading of #{id}",
                notice.id
            );
            assert!(
                text.contains(&escaped(section.summary.trim())),
                "summary of #{id}"
            );
            for block in blocks(&section.body) {
                assert!(
                    text.contains(&escaped(block.text())),
                    "{}: #{id}: {:?}",
                    notice.id,
                    block.text()
                );
            }
        }
        for item in notice.explorer.iter() {
            for answer in item.answers.iter() {
                assert!(text.contains(&escaped(answer.text.trim())), "{}", item.id);
            }
        }
    }
}

#[test]
fn the_html_is_plain_markup_with_links_where_the_widget_makes_them() {
    for notice in bundled::NOTICES.iter() {
        let html = export(&["--notice", &notice.id, "--html"]).to_ascii_lowercase();
        for banned in [
            "<script",
            "<style",
            " style=",
            "<html",
            "<head",
            "<body",
            "javascript:",
        ] {
            assert!(!html.contains(banned), "{}: {banned}", notice.id);
        }
        assert!(
            !html
                .split_whitespace()
                .any(|w| w.starts_with("on") && w.contains('=')),
            "{}: no event handler attributes",
            notice.id
        );
    }
    let html = export(&["--notice", "afc-early-help", "--html"]);
    assert!(
        html.contains(
            "<a href=\"mailto:dpo@achievingforchildren.org.uk\">dpo@achievingforchildren.org.uk</a>"
        ),
        "an email address is a mailto: link"
    );
    assert!(
        html.contains("<a href=\"https://ico.org.uk/concerns/\">https://ico.org.uk/concerns/</a>"),
        "a web address is a link"
    );
    assert!(
        html.contains("<a href=\"#who-we-share-with\">"),
        "links to sections are deep links"
    );
}

#[test]
fn markup_in_a_notice_comes_out_as_text() {
    let source = fixture()
        .replacen(
            "title = \"Privacy notice for the Example Service\"",
            "title = \"Privacy notice <script>alert('title')</script>\"",
            1,
        )
        .replacen(
            "heading = \"Who we share your information with\"",
            "heading = \"Who we share with <img src=x onerror=alert(1)>\"",
            1,
        )
        .replacen(
            "We share information with schools where the law allows it.",
            "We share information with schools & <b>others</b> where the law allows it.\n\n- <script>alert(\"body\")</script>",
            1,
        );
    let path = write("markup", &source);
    let html = export(&[path.to_str().unwrap(), "--html"]);
    for raw in ["<script", "<img", "<b>"] {
        assert!(!html.contains(raw), "{raw} is escaped:\n{html}");
    }
    for shown in [
        "Privacy notice &lt;script&gt;alert('title')&lt;/script&gt;",
        "Who we share with &lt;img src=x onerror=alert(1)&gt;",
        "schools &amp; &lt;b&gt;others&lt;/b&gt;",
        "<li>&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;</li>",
    ] {
        assert!(html.contains(shown), "{shown} in:\n{html}");
    }
}

#[test]
fn heading_levels_follow_the_option_like_the_widget_attribute() {
    let html = export(&["--notice", "afc-standard", "--html", "--heading-level", "5"]);
    assert!(
        html.contains("<h5>Our standard privacy notice</h5>"),
        "{html}"
    );
    assert!(html.contains("<h6>In short</h6>"));
    // Kinds of data would sit below h6: they are h6 too, as in the widget,
    // grouped by the explorer's labelled section (no levels 7 and 8).
    assert!(!html.contains("aria-level"), "{html}");
    assert!(html.contains("<section aria-label=\"What happens to my data\">"));
    let (code, _, err) = notice(&[
        "export",
        "--notice",
        "afc-standard",
        "--html",
        "--heading-level",
        "6",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--heading-level"), "{err}");
}

/// The demo page of the recommended embed holds the export as committed,
/// not as generated by the build: the page shows what a web team pastes,
/// and it goes stale the way theirs would, so this test is their check too.
#[test]
fn the_demo_page_holds_the_current_export() {
    const PAGE: &str = "www/full-text-fallback.html";
    const START: &str = "<!-- notice export --notice afc-early-help --html (tests/export_cli.rs checks that this is up to date) -->\n";
    const END: &str = "<!-- end of notice export -->";
    let page = std::fs::read_to_string(PAGE).expect("the demo page");
    let pasted = page
        .split_once(START)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(pasted, _)| pasted)
        .unwrap_or_else(|| panic!("{PAGE} lacks the comments around the exported notice"));
    assert!(
        pasted == export(&["--notice", "afc-early-help", "--html"]),
        "{PAGE} is out of date: replace the lines between its `notice export` comments with the output of `notice export --notice afc-early-help --html`"
    );
}

#[test]
fn a_notice_file_given_to_notice_says_to_drop_the_flag() {
    // Was "no notice with id …" and the list of bundled ids.
    for (file, flag) in [(FIXTURE, "--json"), ("our-notice.toml", "--html")] {
        let (code, out, err) = notice(&["export", "--notice", file, flag]);
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty(), "{out}");
        assert!(
            err.contains(&format!(
                "\"{file}\" is a notice file: drop --notice and name the file, `notice export {file} {flag}`"
            )) && !err.contains("no notice with id"),
            "{err}"
        );
    }
}
