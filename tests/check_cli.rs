//! `notice check` on fixture files: each invalid fixture names, in its
//! first lines (`# expect: …`), the messages the checker must print for it.
//! And the CLI as its README describes it, on broken copies of the data,
//! on files that are not notices, and on input sized to be slow.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
        let expected: Vec<&str> = source
            .lines()
            .map_while(|l| l.strip_prefix("# expect: "))
            .collect();
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` first line",
            path.display()
        );
        let (code, output) = notice(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{}: exit code\n{output}", path.display());
        for expected in expected {
            assert!(
                output.contains(expected),
                "{}: expected {expected:?} in:\n{output}",
                path.display()
            );
        }
        assert!(
            output.contains("fix: "),
            "{}: every problem says what to do\n{output}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} fixtures");
}

#[test]
fn control_characters_are_errors_and_never_reach_the_terminal_raw() {
    let file = "tests/fixtures/invalid/control-characters.toml";
    for args in [
        &["check", file][..],
        &["export", file],
        &["export", file, "--html"],
    ] {
        let (code, output) = notice(args);
        assert_eq!(code, 1, "{args:?}\n{output}");
        assert!(
            !output.contains('\u{1b}') && !output.contains('\u{7}') && !output.contains('\0'),
            "{args:?} printed a raw control character:\n{output:?}"
        );
    }
    let (_, output) = notice(&["check", file]);
    assert!(
        output.contains("\\u{1b}]0;PWNED"),
        "shown escaped:\n{output}"
    );
}

#[test]
fn checking_a_folder_with_no_notice_files_is_an_error() {
    let empty = scratch("no-notices");
    let named_like_a_file = scratch("folder").join("x.toml");
    std::fs::create_dir_all(&named_like_a_file).unwrap();
    std::fs::write(empty.join("notes.txt"), "not a notice").unwrap();
    for dir in [&empty, &named_like_a_file] {
        let (code, output) = notice(&["check", dir.to_str().unwrap()]);
        assert_eq!(code, 2, "{output}");
        assert!(output.contains("no notice files in"), "{output}");
    }
    std::fs::remove_dir_all(empty).ok();
    std::fs::remove_dir_all(named_like_a_file.parent().unwrap()).ok();
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
fn a_misspelt_summary_is_one_message_and_no_follow_on_noise() {
    // Was also a to-do ("the summary is still to write") for the section,
    // "to do  #retention" in its grades, and a count of summaries to write.
    let (code, output) = notice(&["check", "tests/fixtures/invalid/misspelt-field.toml"]);
    assert_eq!(code, 1, "{output}");
    assert_eq!(
        output.matches("section[1].sum").count(),
        1,
        "one message for the section's summary:\n{output}"
    );
    assert!(
        output
            .contains("section[1].sumary: unknown field `sumary`\n  fix: did you mean `summary`?"),
        "{output}"
    );
    for noise in [
        "to do",
        "To do",
        "still to write",
        "sentence(s)",
        "grade 0.0",
    ] {
        assert!(!output.contains(noise), "{noise:?} in:\n{output}");
    }
    assert!(
        output.contains("#retention (no summary read: see the error above)"),
        "{output}"
    );
    // The overall grade is that of the one summary read (was lowered by
    // counting the absent one as a sentence of no words).
    let grade_of = |line_end: &str| {
        output
            .lines()
            .find(|l| l.ends_with(line_end))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or_else(|| panic!("{line_end:?} in:\n{output}"))
    };
    let overall = output
        .lines()
        .find_map(|l| l.strip_prefix("  Plain-language summaries: Flesch–Kincaid grade "))
        .and_then(|l| l.split_whitespace().next());
    assert_eq!(overall, Some(grade_of("#second")), "{output}");
}

#[test]
fn a_number_in_words_or_figures_is_one_fact() {
    // Was three errors: "7 years", and "twelve months" and "6 years",
    // which the wording states as "12 months" and "six years".
    let (code, output) = notice(&["check", "tests/fixtures/invalid/different-number.toml"]);
    assert_eq!(code, 1, "{output}");
    let unstated: Vec<&str> = output
        .lines()
        .filter(|l| l.contains("is not stated"))
        .collect();
    assert_eq!(unstated.len(), 1, "{output}");
    assert!(unstated[0].contains("\"7 years\""), "{output}");
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
    // However many notices are bundled: adding a valid one must not fail a test.
    let (code, output) = notice(&["check"]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains(" notice(s) checked: 0 error(s)"),
        "{output}"
    );
    // A folder named on the command line is checked as notices/ is.
    let (code, folder) = notice(&["check", "notices/"]);
    assert_eq!(code, 0, "{folder}");
    assert_eq!(
        folder.lines().last(),
        output.lines().last(),
        "`check notices/` and `check` agree"
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
    // As the README says: a file that cannot be read is a file error, exit 2.
    let (code, output) = notice(&["check", "no/such/file.toml"]);
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("no/such/file.toml: file: cannot read it"),
        "{output}"
    );
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("notice-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of notices/ to break.
fn copy_of_notices(name: &str) -> PathBuf {
    let dir = scratch(name);
    let notices = Path::new(env!("CARGO_MANIFEST_DIR")).join("notices");
    for entry in std::fs::read_dir(notices).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Runs `notice` and fails the test if it takes longer than `limit`.
fn notice_within(args: &[&str], limit: Duration) -> (i32, String, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_notice"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run notice");
    // Read the output on threads, so a full pipe cannot stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("notice {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = started.elapsed();
    let text = out.join().unwrap() + &err.join().unwrap();
    (status.code().unwrap_or(-1), text, took)
}

/// Release builds are timed; a debug build gets ten times as long.
fn bound(seconds: u64) -> Duration {
    let scale = if cfg!(debug_assertions) { 10 } else { 1 };
    Duration::from_secs(seconds * scale)
}

#[test]
fn a_broken_copy_of_the_notices_fails_with_every_problem() {
    let dir = copy_of_notices("broken");
    let path = dir.join("afc-early-help.toml");
    let source = std::fs::read_to_string(&path).unwrap();
    // An invented fact in the first summary, and a misspelt field further on.
    let broken = source
        .replacen(
            "summary = \"\"\"\n",
            "summary = \"\"\"\nWe keep it for 99 years. ",
            1,
        )
        .replacen("\nbody = ", "\nbdy = \"x\"\nbody = ", 2);
    assert_ne!(broken, source, "the test edits the notice");
    std::fs::write(&path, broken).unwrap();
    let (code, output) = notice(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("section[1].summary: \"99 years\" is not stated in the notice's wording"),
        "{output}"
    );
    assert!(
        output.contains("unknown field `bdy`") && output.contains("did you mean `body`?"),
        "{output}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_broken_glossary_and_concept_map_fail_with_every_problem() {
    let dir = copy_of_notices("broken-extras");
    let break_file = |name: &str, edit: &dyn Fn(&str) -> String| {
        let path = dir.join(name);
        let source = std::fs::read_to_string(&path).unwrap();
        let broken = edit(&source);
        assert_ne!(broken, source, "the test edits {name}");
        std::fs::write(&path, broken).unwrap();
    };
    // In each file: a syntax slip near the top, and a misspelt field at the end.
    break_file("glossary.toml", &|s| {
        s.replacen("id = \"personal-data\"", "id = \"personal-data", 1)
            + "\n[[term]]\nid = \"x\"\nterm = \"x\"\nmatches = [\"x\"]\ndefintion = \"An x.\"\n"
    });
    break_file("concepts.toml", &|s| {
        s.replacen("\"say no\", \"refuse\"", "\"say no\" \"refuse\"", 1)
            + "\n[[concept]]\nask = [\"how long\"]\nmeans = [\"retention\"]\n"
    });
    // The line of the slip in concepts.toml, wherever the file has it.
    let concepts = std::fs::read_to_string(dir.join("concepts.toml")).unwrap();
    let slip_line = 1 + concepts
        .lines()
        .position(|l| l.contains("\"say no\" \"refuse\""))
        .expect("the slip is in concepts.toml");
    let (code, output) = notice(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{output}");
    // A misspelt field is one message, not also a missing one.
    assert!(!output.contains("missing required field"), "{output}");
    for expected in [
        "glossary.toml:6: file: not valid TOML",
        "unknown field `defintion`\n  fix: did you mean `definition`?",
        &format!("concepts.toml:{slip_line}: file: not valid TOML"),
        "unknown field `ask`\n  fix: did you mean `asks`?",
    ] {
        assert!(
            output.contains(expected),
            "expected {expected:?} in:\n{output}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn windows_line_endings_give_the_same_notice() {
    let dir = scratch("crlf");
    let source = std::fs::read_to_string("tests/fixtures/valid/minimal-notice.toml").unwrap();
    let path = dir.join("minimal-notice.toml");
    std::fs::write(&path, source.replace('\n', "\r\n")).unwrap();
    let (code, output) = notice(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{output}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn files_that_are_not_notices_are_refused_quickly() {
    let dir = scratch("not-notices");
    // Not UTF-8: say so, and where.
    let latin1 = dir.join("latin1.toml");
    std::fs::write(&latin1, b"id = \"latin1\"\ntitle = \"Caf\xe9\"\n").unwrap();
    let (code, output) = notice(&["check", latin1.to_str().unwrap()]);
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("latin1.toml:2: file: cannot read it: it is not UTF-8 text (the byte at offset 26, on line 2"),
        "{output}"
    );
    // Over the size cap: refused unread.
    let big = dir.join("big.toml");
    std::fs::write(&big, "# padding\n".repeat(300_000)).unwrap();
    let (code, output) = notice(&["check", big.to_str().unwrap()]);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("larger than 2 MB"), "{output}");
    // A device would be read for ever: refused without reading.
    let (code, output, _) = notice_within(&["check", "/dev/zero"], bound(5));
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("/dev/zero: file: cannot read it: it is not a regular file"),
        "{output}"
    );
    // A FIFO named like a notice would block the check: refused without opening it.
    let fifos = scratch("fifo");
    let made = Command::new("mkfifo")
        .arg(fifos.join("waiting.toml"))
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let (code, output, _) = notice_within(&["check", fifos.to_str().unwrap()], bound(5));
        assert_eq!(code, 2, "{output}");
        assert!(
            output.contains("waiting.toml: file: cannot read it: it is not a regular file"),
            "{output}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(fifos).ok();
}

#[test]
fn ten_thousand_sections_check_in_time_linear_in_the_file() {
    // Was quadratic: 10,000 sections took 36 s.
    let dir = scratch("long");
    let mut source = String::from(
        "id = \"long\"\ntitle = \"A long notice\"\nlanguage = \"en\"\nsource = \"Test\"\n\n[controller]\nname = \"Test\"\n",
    );
    for i in 0..10_000 {
        source.push_str(&format!(
            "\n[[section]]\nid = \"s{i}\"\nheading = \"Part {i}\"\nsummary = \"We keep it for {i} days. Then we delete it.\"\nbody = \"We keep data for {i} days. It is then deleted.\"\n"
        ));
    }
    assert!(source.len() < 2 * 1024 * 1024, "{} bytes", source.len());
    let path = dir.join("long.toml");
    std::fs::write(&path, &source).unwrap();
    let (code, output, took) = notice_within(&["check", path.to_str().unwrap()], bound(30));
    assert_eq!(code, 0, "{}", &output[output.len().saturating_sub(2000)..]);
    println!(
        "10,000 sections ({} bytes) checked in {took:?}",
        source.len()
    );
    assert!(took < bound(5), "took {took:?}");
    // It checks, but its JSON (2.3 MB) is more than the widget reads: not exported.
    let (code, output) = notice(&["export", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1, "{}", &output[..output.len().min(2000)]);
    assert!(
        output.contains("over the 1000000 the widget reads") && output.len() < 2000,
        "{}",
        &output[..output.len().min(2000)]
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn search_refuses_what_it_cannot_answer_calmly() {
    let (code, output) = notice(&["search", "--notice", "*", "--limit", "0", "school"]);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("--limit must be at least 1"), "{output}");
    // 131,000 "y"s took 11.3 s; a question that long is refused at once,
    // and the message does not repeat it.
    let long = "y".repeat(131_000);
    let (code, output, took) = notice_within(&["search", "--notice", "*", &long], bound(2));
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("too long") && output.len() < 500,
        "{output}"
    );
    println!("131,000 y: refused in {took:?}");
    let words = [
        "school", "health", "keep", "police", "records", "share", "delete", "rights",
    ];
    let mut many = String::new();
    let mut i = 7usize;
    while many.len() < 100_000 {
        i = i.wrapping_mul(31).wrapping_add(17) % 1009;
        many.push_str(words[i % words.len()]);
        many.push(' ');
    }
    let (code, output, took) = notice_within(&["search", "--notice", "*", &many], bound(2));
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("too long") && output.len() < 500,
        "{output}"
    );
    println!("100 KB of words: refused in {took:?}");
}

#[test]
fn search_text_output_is_for_people() {
    let (code, output) = notice(&["search", "--notice", "*", "how long do you keep my file"]);
    assert_eq!(code, 0, "{output}");
    let scores: Vec<&str> = output
        .lines()
        .filter_map(|l| l.rsplit_once(" score ").map(|(_, s)| s))
        .collect();
    assert!(!scores.is_empty(), "{output}");
    for score in scores {
        let decimals = score.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 3, "score {score} is not rounded");
    }
    let (code, output) = notice(&["search", "--notice", "*", "zzqx vvbn"]);
    assert_eq!(code, 0, "{output}");
    assert!(output.starts_with("No results"), "{output}");
}

#[test]
fn a_fact_about_the_notice_is_in_no_section() {
    // Was the first section's id: a link built from it opened the wrong section.
    let (code, output) = notice(&[
        "search",
        "--notice",
        "afc-early-help",
        "--json",
        "who publishes this notice",
    ]);
    assert_eq!(code, 0, "{output}");
    let hits: serde_json::Value = serde_json::from_str(&output).unwrap();
    let top = &hits[0];
    assert_eq!(top["heading"], "About this notice", "{output}");
    assert_eq!(top["section"], "about", "{output}");
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

#[test]
fn list_kinds_prints_the_kinds_a_hint_takes() {
    let (code, output) = notice(&["list", "--kinds", "afc-early-help"]);
    assert_eq!(code, 0, "{output}");
    let (_, early_help) = privacy_notice::bundled::notice("afc-early-help").unwrap();
    for item in early_help.explorer.iter() {
        assert!(
            output
                .lines()
                .any(|l| l.starts_with(item.id.as_ref()) && l.ends_with(item.label.as_ref())),
            "{} ({}) in:\n{output}",
            item.id,
            item.label
        );
    }
    assert_eq!(output.lines().count(), early_help.explorer.len());
    let (code, output) = notice(&["list", "--kinds", "no-such-notice"]);
    assert_eq!(code, 2);
    assert!(
        output.contains("no notice with id \"no-such-notice\""),
        "{output}"
    );
}

#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_stops_the_cli_quietly() {
    // `notice search … | head -1`: the pipe closes after one line. The CLI
    // stops as other tools do, with no panic about a broken pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_notice"))
        .args(["search", "--notice", "*", "--limit", "50", "school"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run notice");
    drop(child.stdout.take()); // the reader goes before the first line
    let out = child.wait_with_output().expect("wait for notice");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "nothing said about it: {stderr}");
}

#[test]
fn a_councils_own_notice_file_is_searched_as_its_page_would_search_it() {
    // A data protection officer tries their own notice before it is live.
    let (code, output) = notice(&[
        "search",
        "--notice",
        "tests/councils/saltmoor-youth-justice.toml",
        "--json",
        "how long does my caution stay on file",
    ]);
    assert_eq!(code, 0, "{output}");
    let hits: serde_json::Value = serde_json::from_str(&output).expect("JSON");
    let first = &hits[0];
    assert_eq!(first["notice"], "saltmoor-youth-justice", "{output}");
    // `text` is all the result shows: the plain answer, then the wording.
    let text = first["text"].as_str().expect("text");
    assert!(text.contains("Out of court disposals"), "{output}");
    let wording = first["wording"].as_str().expect("the wording beneath");
    assert!(text.ends_with(&format!("\n{wording}")), "{output}");
    // A file with errors is not searched: its problems are listed.
    let (code, output) = notice(&[
        "search",
        "--notice",
        "tests/fixtures/invalid/duplicate-section-id.toml",
        "who will see this",
    ]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("error"), "{output}");
}
