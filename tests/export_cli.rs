//! `notice export`: the content hash in `--json` (the widget's chunks and a
//! form's record of the wording shown), and a notice file exported after
//! the checks of `notice check`.

use std::path::PathBuf;
use std::process::Command;

use privacy_notice::bundled;

/// Runs `notice` in the project folder: exit code, stdout, stderr.
fn notice(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_notice"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run notice");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

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
    let expected = "empty-summary.toml:13: section[1].summary: `summary` is empty";
    for format in ["--json"] {
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
