//! `notice check` on fixture files: each invalid fixture names, in its
//! first line (`# expect: …`), a message the checker must print for it.

use std::path::Path;
use std::process::Command;

fn notice(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_notice"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run notice");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn every_invalid_fixture_fails_with_its_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let expected = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{} has no `# expect:` first line", path.display()));
        let (code, output) = notice(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{}: exit code\n{output}", path.display());
        assert!(
            output.contains(expected),
            "{}: expected {expected:?} in:\n{output}",
            path.display()
        );
        assert!(
            output.contains("fix: "),
            "{}: every problem says what to do\n{output}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} fixtures");
}

#[test]
fn a_valid_notice_passes_and_gets_its_checklist() {
    let (code, output) = notice(&["check", "tests/fixtures/valid/minimal-notice.toml"]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("Data Protection Officer's contact details"),
        "{output}"
    );
    assert!(output.contains("present: dpo@example.org"), "{output}");
    // The fixture extends the bundled corporate notice and inherits its retention section.
    assert!(
        output.contains("present: #how-long-we-keep-data (from afc-standard)"),
        "{output}"
    );
    assert!(
        output.contains("Transfers abroad") && output.contains("NOT STATED"),
        "{output}"
    );
}

#[test]
fn hard_or_long_summaries_are_warnings_that_quote_the_sentence() {
    let (code, output) = notice(&["check", "tests/fixtures/warnings/hard-summaries.toml"]);
    assert_eq!(code, 0, "warnings do not fail the check\n{output}");
    assert!(
        output.contains("hard-summaries.toml:13: section[1].summary: reads at grade")
            && output.contains("hardest sentence: \"Notwithstanding the aforementioned considerations, organisational accountability necessitates comprehensive documentation.\""),
        "{output}"
    );
    assert!(
        output.contains("section[2].summary: the summary has 5 sentence(s)"),
        "{output}"
    );
    assert!(output.contains("0 error(s), 2 warning(s)"), "{output}");
}

#[test]
fn the_bundled_notices_pass() {
    let (code, output) = notice(&["check"]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("5 notice(s) checked: 0 error(s)"),
        "{output}"
    );
}

#[test]
fn unknown_notice_ids_and_missing_files_are_usage_errors() {
    let (code, output) = notice(&["export", "--notice", "nope", "--json"]);
    assert_eq!(code, 2);
    assert!(
        output.contains("no notice with id \"nope\"") && output.contains("afc-early-help"),
        "{output}"
    );
    let (code, output) = notice(&["check", "no/such/file.toml"]);
    assert_eq!(code, 1);
    assert!(
        output.contains("no/such/file.toml: file: cannot read it"),
        "{output}"
    );
}

#[test]
fn export_gives_summaries_and_plain_text_bodies() {
    let (code, output) = notice(&["export", "--notice", "afc-early-help", "--json"]);
    assert_eq!(code, 0, "{output}");
    let json: serde_json::Value = serde_json::from_str(&output).unwrap();
    assert_eq!(json["id"], "afc-early-help");
    let sections = json["sections"].as_array().unwrap();
    assert!(sections.len() >= 5);
    for s in sections {
        for key in ["id", "heading", "summary", "body"] {
            assert!(
                s[key].as_str().is_some_and(|v| !v.is_empty()),
                "{key} in {s}"
            );
        }
    }
    assert!(json["explorer"].as_array().is_some_and(|e| !e.is_empty()));
}
