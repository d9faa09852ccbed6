//! `notice import`: drafts from other councils' pages (the layouts in
//! `tests/fixtures/councils/`) keep every line of the page, parse with
//! only to-dos, and find the page's headings, lists, dates and controller
//! facts; the five sources in `notices/sources/` import to the bundled
//! notices' sections; odd or hostile pages get a clear message and exit 2.

mod common;
use common::notice;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use privacy_notice::bundled;
use privacy_notice_core::fidelity::{compare, normalise};
use privacy_notice_core::import::{self, Imported, Options};
use privacy_notice_core::load::{self, NoticeFile};
use privacy_notice_core::model::{Block, Notice, blocks};

fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Imports a page of the project, as `notice import` does.
fn import_file(path: &Path, extends: Option<&Notice>) -> Imported {
    let page = import::read_page(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string);
    let options = Options {
        id,
        extends,
        label: path.display().to_string(),
        ..Options::default()
    };
    import::import(&page, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The draft read back as a notice file named `name.toml`, with every
/// problem `notice check` reports.
fn read_draft(name: &str, imported: &Imported) -> (NoticeFile, Vec<load::Problem>) {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let (file, mut problems) = load::parse_notice(&format!("{stem}.toml"), &imported.draft);
    let file = file.unwrap_or_else(|| panic!("{name}: the draft does not parse: {problems:?}"));
    let known: Vec<&Notice> = bundled::NOTICES.iter().collect();
    problems.extend(load::check_all(std::slice::from_ref(&file), &known));
    (file, problems)
}

/// What a council's page states, which its draft must have.
struct Expected {
    file: &'static str,
    title: &'static str,
    sections: usize,
    headings: &'static [&'static str],
    /// List items, numbered and nested ones among them.
    items: &'static [&'static str],
    published: Option<&'static str>,
    last_updated: Option<&'static str>,
    controller: &'static str,
    ico_registration: &'static str,
    dpo_email: Option<&'static str>,
    complaints_email: Option<&'static str>,
    ico_complaints_url: Option<&'static str>,
    /// Lines that must be in `removed`: the page's furniture.
    removed: &'static [&'static str],
}

const ICO_COMPLAINTS: Option<&str> = Some("https://ico.org.uk/make-a-complaint/");

const COUNCILS: &[Expected] = &[
    Expected {
        file: "ashcombe-and-fell-school-admissions.html",
        title: "School admissions privacy notice",
        sections: 10,
        headings: &[
            "Who we are",
            "Who we share your information with",
            "Complaints",
        ],
        items: &[
            "academy trusts",
            "a. ranks your application against its oversubscription criteria",
            "2. We send your preferences to each admission authority concerned, which:",
        ],
        published: None,
        last_updated: Some("28 February 2025"),
        controller: "Ashcombe and Fell Council",
        ico_registration: "ZX649173",
        dpo_email: Some("dpo@ashcombeandfell.example"),
        complaints_email: None,
        ico_complaints_url: None,
        removed: &[
            "Skip to main content",
            "Accept analytics cookies",
            "Contents",
            "Share on Facebook",
            "Was this page helpful?",
        ],
    },
    Expected {
        file: "kestrel-downs-send.txt",
        title: "Special Educational Needs and Disabilities (SEND) privacy notice",
        sections: 12,
        headings: &[
            "About this notice",
            "Our legal basis",
            "Contact us",
            "Complaints",
        ],
        items: &[
            "(a) considers requests for an Education, Health and Care (EHC) needs assessment",
            "8. Rights in relation to automated decision making and profiling",
        ],
        published: Some("1 September 2018"),
        last_updated: Some("12 September 2024"),
        controller: "Kestrel Downs Council",
        ico_registration: "ZY530962",
        dpo_email: Some("dataprotection@kestreldowns.example"),
        complaints_email: None,
        ico_complaints_url: None,
        removed: &[
            "Accept additional cookies",
            "SEND privacy notice",
            "Find more information about the SEND Local Offer.",
            "Share this page",
            "Council privacy notice",
        ],
    },
    Expected {
        file: "northbridge-early-help.txt",
        title: "Privacy notices - Early help privacy notice",
        sections: 10,
        headings: &["Who we are and how to contact us", "How to complain"],
        items: &[
            "schools, nurseries and colleges",
            "Referral not taken forward - 2 years from the date of the referral decision",
        ],
        published: None,
        last_updated: Some("9 January 2025"),
        controller: "Northbridge Borough Council",
        ico_registration: "ZX481920",
        dpo_email: Some("dpo@northbridge.example"),
        complaints_email: None,
        ico_complaints_url: ICO_COMPLAINTS,
        removed: &[
            "Home Data protection and privacy Privacy notices Early help privacy notice",
            "Contents",
            "Your data protection rights",
            "Was this page helpful?",
        ],
    },
    Expected {
        file: "ravensholme-fostering.txt",
        title: "Fostering service privacy notice",
        sections: 11,
        headings: &[
            "WHO WE ARE",
            "HOW LONG WE KEEP YOUR INFORMATION",
            "COMPLAINTS",
        ],
        items: &[
            "a medical assessment",
            "Article 6(1)(c) - processing is necessary for compliance with a legal obligation",
        ],
        published: None,
        last_updated: Some("14 March 2025"),
        controller: "Ravensholme City Council",
        ico_registration: "ZX207859",
        dpo_email: Some("dpo@ravensholme.example"),
        complaints_email: None,
        ico_complaints_url: ICO_COMPLAINTS,
        removed: &[
            "JavaScript is switched off in your browser. Some parts of this site may not work as expected.",
            "On this page",
            "Print this page",
        ],
    },
    Expected {
        file: "saltmoor-youth-justice.txt",
        title: "Youth Justice Service privacy notice",
        sections: 15,
        headings: &[
            "Some words we use",
            "Why do you need my information?",
            "Who can I talk to if I'm not happy?",
        ],
        items: &[
            "1. understand what has been happening in your life and what support would help",
            "(f) the Children and Families Act 2014",
            "5. Information about victims: 3 years after the case closes.",
        ],
        published: None,
        last_updated: None,
        controller: "Saltmoor County Council",
        ico_registration: "ZX365502",
        dpo_email: Some("dpo@saltmoor.example"),
        complaints_email: None,
        ico_complaints_url: ICO_COMPLAINTS,
        removed: &["You are here", "1. Home", "Did you find this page useful?"],
    },
    Expected {
        file: "tamberley-short-breaks.html",
        title: "Short breaks for disabled children: privacy notice",
        sections: 10,
        headings: &[
            "Who we are",
            "Why we need your information",
            "How we keep your information secure",
            "Complaints",
        ],
        items: &[
            "holiday schemes and youth clubs",
            "1. Short breaks providers, including:",
            "Disabled Children’s Register - Until the child’s 18th birthday, or sooner if you ask us to remove them",
        ],
        published: None,
        last_updated: Some("2 May 2025"),
        controller: "Tamberley Borough Council",
        ico_registration: "ZY593318",
        dpo_email: Some("dataprotection@tamberley.example"),
        complaints_email: None,
        ico_complaints_url: ICO_COMPLAINTS,
        removed: &[
            "Your cookie choices",
            "Skip to main content",
            "Print this page",
        ],
    },
    Expected {
        file: "thornleigh-childrens-social-care.txt",
        title: "Children’s social care privacy notice",
        sections: 9,
        headings: &["1. Contacting the Council", "6. Retention", "9. Complaints"],
        items: &[
            "C Children looked after and care leavers",
            "members of the public, including relatives and neighbours",
            "Child Protection - 35 years from the date the case is closed",
        ],
        published: None,
        last_updated: Some("11 November 2024"),
        controller: "Thornleigh Metropolitan Borough Council",
        ico_registration: "ZY118640",
        dpo_email: Some("dataprotection@thornleigh.example"),
        complaints_email: None,
        ico_complaints_url: ICO_COMPLAINTS,
        removed: &[
            "Skip to main contentAccessibility Statement",
            "Print this page",
            "Page last updated: 11 November 2024",
        ],
    },
    Expected {
        file: "wyvern-valley-family-hubs.txt",
        title: "Family Hubs Privacy Notice",
        sections: 14,
        headings: &[
            "Introduction",
            "Sensitive information we collect",
            "Contact our Data Protection Officer",
            "Complaints",
        ],
        items: &[
            "Article 9(2)(h) - the provision of health or social care",
            "Photographs, if you agree to them being taken",
        ],
        published: None,
        last_updated: Some("Monday, 3 February 2025"),
        controller: "Wyvern Valley Council",
        ico_registration: "ZY774031",
        dpo_email: None,
        complaints_email: Some("complaints@wyvernvalley.example"),
        ico_complaints_url: None,
        removed: &[
            "This site uses cookies",
            "Home › Privacy notices directory › Family Hubs Privacy Notice",
            "Back to top",
        ],
    },
];

/// The list items of a notice's sections.
fn items(notice: &Notice) -> Vec<String> {
    notice
        .sections
        .iter()
        .flat_map(|s| {
            blocks(&s.body)
                .filter_map(|b| match b {
                    Block::ListItem(text) => Some(text.to_string()),
                    Block::Paragraph(_) => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text a naive reader finds in an HTML page: what is between its
/// tags, outside scripts, styles, comments and the head. Independent of
/// the importer's parser, to check that it drops no text.
fn html_text_runs(html: &str) -> Vec<String> {
    let mut text = html.to_string();
    for (open, close) in [
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<head", "</head>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, "<>");
        }
    }
    let mut runs = Vec::new();
    for part in text.split('<') {
        let run = part.split_once('>').map_or(part, |(_, after)| after);
        let run = run
            .replace("&nbsp;", " ")
            .replace("&#160;", " ")
            .replace("&rsquo;", "’")
            .replace("&copy;", "©")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        if !run.trim().is_empty() {
            runs.push(run.trim().to_string());
        }
    }
    runs
}

#[test]
fn every_council_page_imports_to_a_faithful_draft_with_only_to_dos() {
    let dir = project("tests/fixtures/councils");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        files.len(),
        COUNCILS.len(),
        "a fixture without expectations, or the reverse"
    );
    for expected in COUNCILS {
        let path = dir.join(expected.file);
        let imported = import_file(&path, None);
        let (file, problems) = read_draft(expected.file, &imported);
        let name = expected.file;
        let not_to_do: Vec<String> = problems
            .iter()
            .filter(|p| !load::is_to_do(p))
            .map(ToString::to_string)
            .collect();
        assert!(
            not_to_do.is_empty(),
            "{name}: problems besides to-dos:\n{}",
            not_to_do.join("\n")
        );
        assert_eq!(
            problems.len(),
            file.notice.sections.len(),
            "{name}: a to-do per summary"
        );

        let lost = compare(&file, &imported.page_text);
        assert!(lost.is_empty(), "{name}:\n{}", lost.join("\n"));
        let page = std::fs::read_to_string(&path).unwrap();
        if name.ends_with(".txt") {
            let lost = compare(&file, &page);
            assert!(lost.is_empty(), "{name}:\n{}", lost.join("\n"));
        } else {
            // Every text of the HTML is in the page's lines, in order.
            let lines = normalise(&imported.page_text.replace('\n', ""));
            let mut at = 0;
            for run in html_text_runs(&page) {
                let run = normalise(&run);
                match lines[at..].find(&run) {
                    Some(found) => at += found + run.len(),
                    None => panic!("{name}: the page's text {run:?} is not in the lines read"),
                }
            }
            for never in [
                "gtag",
                "document.cookie",
                ".cookie-banner",
                "tbcLoadAnalytics",
                "{",
            ] {
                assert!(
                    !imported.draft.contains(never),
                    "{name}: script or style copied: {never}"
                );
            }
        }

        let notice = &file.notice;
        assert_eq!(notice.title, expected.title, "{name}");
        assert_eq!(notice.sections.len(), expected.sections, "{name}: sections");
        for heading in expected.headings {
            assert!(
                notice.sections.iter().any(|s| s.heading == *heading),
                "{name}: heading {heading:?}"
            );
        }
        let items = items(notice);
        for item in expected.items {
            assert!(
                items.iter().any(|i| i == item),
                "{name}: list item {item:?} in {items:#?}"
            );
        }
        assert_eq!(notice.published.as_deref(), expected.published, "{name}");
        assert_eq!(
            notice.last_updated.as_deref(),
            expected.last_updated,
            "{name}"
        );
        let c = &notice.controller;
        assert_eq!(c.name, expected.controller, "{name}");
        assert_eq!(
            c.ico_registration.as_deref(),
            Some(expected.ico_registration),
            "{name}"
        );
        assert_eq!(c.dpo_email.as_deref(), expected.dpo_email, "{name}");
        assert_eq!(
            c.complaints_email.as_deref(),
            expected.complaints_email,
            "{name}"
        );
        assert_eq!(
            c.ico_complaints_url.as_deref(),
            expected.ico_complaints_url,
            "{name}"
        );
        for line in expected.removed {
            let line = normalise(line);
            assert!(
                file.removed.iter().any(|r| normalise(r) == line),
                "{name}: {line:?} not in removed: {:#?}",
                file.removed
            );
        }
        assert!(
            notice
                .source_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            "{name}"
        );
    }
}

/// The check catches what it is for: a draft that drops a line of the page.
#[test]
fn a_dropped_line_is_caught() {
    let imported = import_file(
        &project("tests/fixtures/councils/saltmoor-youth-justice.txt"),
        None,
    );
    let (file, _) = read_draft("saltmoor", &imported);
    assert!(compare(&file, &imported.page_text).is_empty());
    let mut dropped = file.clone();
    let section = &mut dropped.notice.sections.to_mut()[3];
    let kept: Vec<String> = blocks(&section.body)
        .skip(1)
        .map(|b| match b {
            Block::ListItem(t) => format!("- {t}"),
            Block::Paragraph(t) => t.to_string(),
        })
        .collect();
    let gone = blocks(&section.body).next().unwrap().text().to_string();
    section.body = kept.join("\n\n").into();
    let failures = compare(&dropped, &imported.page_text);
    assert!(
        failures.iter().any(|f| f.contains(&normalise(&gone))),
        "{gone:?} went unnoticed: {failures:?}"
    );
}

/// Where a draft of a bundled notice's source differs from the notice, and
/// why: (notice, bundled sections the draft writes otherwise, draft
/// sections in their place). From there on the two must be the same.
const ROUND_TRIP_DIFFERENCES: &[(&str, usize, usize)] = &[
    // The page lists a council's notices ("Children's services privacy
    // notices", its title for the draft, and a line linking to the others)
    // above the one bundled ("Children's services", whose first heading,
    // "Purpose for processing your information", follows straight after).
    // The bundled notice drops the listing as furniture and starts at the
    // second title; the draft keeps the listing's line as a first section
    // and the second title as a heading, with "Purpose for processing your
    // information" as its sub-heading: 1 bundled section, 2 drafted.
    ("rbkc-wcc-children", 1, 2),
];

/// Importing each bundled notice's source gives its sections: the same
/// headings and the same wording, block by block.
#[test]
fn the_sources_import_to_the_bundled_sections() {
    let mut differences = Vec::new();
    let mut compared = 0;
    for notice in bundled::NOTICES.iter() {
        let path = project(&format!("notices/sources/{}.txt", notice.id));
        if !path.exists() {
            continue;
        }
        let imported = import_file(&path, None);
        let (file, _) = read_draft(&notice.id, &imported);
        let words = |n: &Notice| -> Vec<(String, Vec<String>)> {
            n.sections
                .iter()
                .map(|s| {
                    (
                        s.heading.to_string(),
                        blocks(&s.body).map(|b| normalise(b.text())).collect(),
                    )
                })
                .collect()
        };
        let (skip_bundled, skip_draft) = ROUND_TRIP_DIFFERENCES
            .iter()
            .find(|(id, ..)| *id == notice.id)
            .map_or((0, 0), |(_, b, d)| (*b, *d));
        let bundled = &words(notice)[skip_bundled..];
        let drafted = &words(&file.notice)[skip_draft..];
        if bundled != drafted {
            differences.push(format!(
                "{}:\n  bundled {bundled:?}\n  drafted {drafted:?}",
                notice.id
            ));
        }
        compared += 1;
    }
    assert_eq!(compared, 5, "the five sources in notices/sources/");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// A folder of its own for a test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("notice-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The author's path: import to a file, then `notice check` lists each
/// summary to write as a to-do with its line and counts them, and `notice
/// export` refuses the draft with the same messages.
#[test]
fn a_draft_is_checked_as_to_dos_and_not_exported() {
    let dir = scratch("draft");
    let draft = dir.join("northbridge-early-help.toml");
    let draft = draft.to_str().unwrap();
    let (code, out, err) = notice(&[
        "import",
        "tests/fixtures/councils/northbridge-early-help.txt",
        "-o",
        draft,
    ]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(
        err.contains("every line of the page is in the draft"),
        "{err}"
    );

    let (code, out, _) = notice(&["check", draft]);
    assert_eq!(code, 1, "{out}");
    let to_dos: Vec<&str> = out.lines().filter(|l| l.starts_with("to do: ")).collect();
    assert_eq!(to_dos.len(), 10, "{out}");
    assert!(
        to_dos
            .iter()
            .all(|l| l.contains(".summary: the summary is still to write")),
        "{to_dos:#?}"
    );
    assert!(out.contains("0 error(s), 0 warning(s)"), "{out}");
    assert!(out.contains("To do: 10 summaries still to write"), "{out}");

    let (code, out, err) = notice(&["export", draft, "--json"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    for to_do in to_dos {
        assert!(err.contains(to_do), "{to_do} in\n{err}");
    }
    assert!(
        err.contains("10 to-do(s)") && err.contains("not exported"),
        "{err}"
    );

    let (code, _, err) = notice(&[
        "import",
        "tests/fixtures/councils/northbridge-early-help.txt",
        "-o",
        draft,
    ]);
    assert_eq!(code, 2, "an existing file is not overwritten");
    assert!(err.contains("already exists"), "{err}");
}

/// With `--extends`, sections on the extended notice's topics take its
/// ids, so they replace its sections.
#[test]
fn extending_a_notice_takes_its_ids_for_the_same_topics() {
    let parent = bundled::notice("afc-standard").unwrap().1;
    let imported = import_file(&project("notices/sources/afc-early-help.txt"), Some(parent));
    let (file, problems) = read_draft("afc-early-help", &imported);
    assert!(problems.iter().all(load::is_to_do), "{problems:#?}");
    assert_eq!(file.notice.extends.as_deref(), Some("afc-standard"));
    let ids: Vec<&str> = file.notice.sections.iter().map(|s| s.id.as_ref()).collect();
    for id in [
        "introduction",
        "personal-data-we-collect",
        "lawful-basis",
        "who-we-share-with",
        "how-long-we-keep-data",
        "keeping-data-secure",
        "your-rights",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
        assert!(parent.section(id).is_some());
    }
    let (_, _, err) = notice(&[
        "import",
        "notices/sources/afc-early-help.txt",
        "--extends",
        "no-such",
    ]);
    assert!(err.contains("no notice with id \"no-such\""), "{err}");
}

/// Odd and hostile pages get a clear message and exit 2: no panic, no hang.
#[test]
fn odd_pages_get_a_clear_message() {
    let dir = scratch("odd");
    let long_line = "word ".repeat(20_000);
    let many_lines = "A line of text without a heading, over and over again.\n".repeat(18_000);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "the page has no text"),
        (
            "blank.html",
            b"<html><body>  </body></html>".to_vec(),
            "the page has no text",
        ),
        (
            "no-headings.txt",
            b"We keep your data safe. We share it with schools.\n".to_vec(),
            "no headings found",
        ),
        (
            "one-long-line.txt",
            long_line.into_bytes(),
            "no headings found",
        ),
        ("big.txt", vec![b'a'; 2 * 1024 * 1024], "is read up to 1 MB"),
        (
            "latin1.txt",
            b"Privacy notice\n\nCaf\xe9 data\n".to_vec(),
            "not UTF-8 text (the byte at offset 19, on line 3",
        ),
        (
            "many-lines.txt",
            many_lines.into_bytes(),
            "no headings found",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let started = Instant::now();
        let (code, out, err) = notice(&["import", path.to_str().unwrap()]);
        assert_eq!((code, out.as_str()), (2, ""), "{name}: {err}");
        assert!(err.contains(message), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{name} took {:?}",
            started.elapsed()
        );
    }
    let (code, _, err) = notice(&["import", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a file"), "{err}");
}

/// Broken HTML reads as browsers read it; scripts and styles never reach the draft.
#[test]
fn broken_html_and_scripts_are_handled() {
    let page = "<html lang=cy><head><style>p { color: red }</style><script>alert('x')</script></head>\
        <body><h1>Privacy notice<h2>Who we are<p>Fell Council is the controller.<p>We <b>keep <i>data</p>\
        <script>document.write('<h2>Injected</h2>')</script><h2>Your rights<ul><li>See it<li>Correct it";
    let imported = import::import(page, &Options::default()).unwrap();
    let (file, _) = read_draft("privacy-notice", &imported);
    assert!(compare(&file, &imported.page_text).is_empty());
    assert_eq!(file.notice.language, "cy");
    let headings: Vec<&str> = file
        .notice
        .sections
        .iter()
        .map(|s| s.heading.as_ref())
        .collect();
    assert_eq!(headings, ["Who we are", "Your rights"]);
    for never in ["alert", "color", "Injected", "document.write"] {
        assert!(
            !imported.draft.contains(never),
            "{never} in\n{}",
            imported.draft
        );
    }
}

/// Time grows linearly with the page: a page eight times longer takes
/// about eight times as long, not sixty-four.
#[test]
fn time_grows_linearly() {
    let section = std::fs::read_to_string(project(
        "tests/fixtures/councils/saltmoor-youth-justice.txt",
    ))
    .unwrap();
    let time = |copies: usize| {
        let page = section.repeat(copies);
        let started = Instant::now();
        import::import(&page, &Options::default()).unwrap();
        started.elapsed()
    };
    time(4);
    let (small, large) = (time(8), time(64));
    assert!(
        large < small * 24 + Duration::from_millis(50),
        "8 copies: {small:?}, 64 copies: {large:?}"
    );
}

/// Pages built to make a search go quadratic (a contents list of
/// thousands of entries, thousands of footer lines, one name repeated)
/// still import quickly.
#[test]
fn repetition_does_not_slow_the_import() {
    let n = 20_000;
    let page = format!(
        "Our privacy notice\n\nContents\n{}\nWho we are\n\nThe council is the controller. {}\n\nShare this page\n{}",
        "Who we are\n".repeat(n),
        "We keep data. ".repeat(n / 10),
        "Footer link\n".repeat(n)
    );
    let started = Instant::now();
    let imported = import::import(&page, &Options::default()).unwrap();
    let (file, _) = read_draft("our-privacy-notice", &imported);
    assert!(compare(&file, &imported.page_text).is_empty());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}
