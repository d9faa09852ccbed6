//! Recall@3 of the search on family questions, with the pass rule of
//! `tests/eval_search.py`: a question passes when one of its
//! `expect` phrases appears in the heading or text (first 800 characters)
//! of one of the top 3 hits, all folded alike.

use std::io::Write;

use privacy_notice::bundled;
use privacy_notice_core::search::Scope;
use privacy_notice_core::text::{fold_phrase, stem};

/// Runs every question of `path` through the library search, prints the
/// misses (with `--nocapture`) and the recall (always), and fails when the
/// recall is below `bar` percent. Each bar sits just below the set's
/// current score, so that one more miss fails.
fn evaluate(path: &str, bar: f64) {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: toml::Table = toml::from_str(&source).unwrap_or_else(|e| panic!("{path}: {e}"));
    let questions = file["q"].as_array().expect("[[q]] questions");
    let corpus = bundled::corpus();
    let mut passed = 0;
    for q in questions {
        let (notice, ask) = (q["notice"].as_str().unwrap(), q["ask"].as_str().unwrap());
        let hits = corpus.search(scope(notice), ask, 3).hits;
        let shown: Vec<String> = hits
            .iter()
            .map(|hit| {
                let (heading, text) = corpus.passage(&hit.passage);
                let text: String = text.chars().take(800).collect();
                fold_phrase(&format!("{heading} {text}"))
            })
            .collect();
        let found = shown.join(" ");
        let expect = q["expect"].as_array().unwrap();
        if expect
            .iter()
            .any(|e| found.contains(&fold_phrase(e.as_str().unwrap())))
        {
            passed += 1;
        } else {
            let headings: Vec<String> = hits.iter().map(|h| corpus.passage(&h.passage).0).collect();
            println!("  miss [{notice}] {ask:?} -> {headings:?}");
        }
    }
    let recall = 100.0 * passed as f64 / questions.len() as f64;
    let name = path.rsplit('/').next().unwrap_or(&path);
    let line = format!(
        "search_eval {name}: recall@3 {passed}/{} = {recall:.1}% (bar {bar}%)",
        questions.len()
    );
    // Straight to the process's stderr, past the test harness's capture, so
    // that a passing `cargo test` shows every set's score too.
    let _ = writeln!(std::io::stderr(), "{line}");
    assert!(recall >= bar, "{line}: below the bar");
}

#[test]
fn shared_sample_questions() {
    evaluate("tests/public_questions.toml", 99.0);
}

#[test]
fn project_family_questions() {
    evaluate("tests/search_questions.toml", 98.2);
}

/// Written blind, from the notices only, before the search was run on them.
#[test]
fn blind_family_questions() {
    evaluate("tests/search_questions_blind.toml", 95.9);
}

/// Written blind, by other personas (foster carer, grandparent, 14-year-old, …).
#[test]
fn blind_family_questions_second_set() {
    evaluate("tests/search_questions_blind2.toml", 92.4);
}

/// Written blind (care leaver, parent with a learning disability, social
/// worker, distrustful parent, young carer, …) and committed with its
/// first-pass score, before the search changed; never tuned on.
#[test]
fn blind_family_questions_third_set() {
    evaluate("tests/search_questions_blind3.toml", 69.6);
}

/// Written by a helper from personas no earlier set used (a school's
/// safeguarding lead, a non-resident dad, a mum who left an abusive
/// partner, a parent typing fragments on a phone…), committed before the
/// search ran on it: first pass 58/80 (72.5%); 59/80 after the search's
/// third round and 61/80 after its fourth, both made without reading it.
/// Never tuned on.
#[test]
fn blind_family_questions_fourth_set() {
    evaluate("tests/search_questions_blind4.toml", 79.9);
}

/// Written by a helper from nine personas no earlier set used (a
/// 17-year-old, a parent who works for the council, a family new to the
/// UK, a health visitor, a dad out of prison, …) and committed before the
/// search ran on it: first pass 58/70 (82.9%), after round four. Never
/// tuned on.
#[test]
fn blind_family_questions_fifth_set() {
    evaluate("tests/search_questions_blind5.toml", 85.7);
}

/// Written blind from ten more personas (a privacy-savvy parent, a parent
/// with dyslexia, one typing through a translation app, a neighbour who
/// referred, …) and committed before the search ever ran on it (9febd1f):
/// first pass 55/70 (78.6%), on round five's search. Never tuned on.
#[test]
fn blind_family_questions_sixth_set() {
    evaluate("tests/search_questions_blind6.toml", 82.8);
}

/// Written blind from ten more personas (a blind parent with a screen
/// reader, a 16-year-old mum, a nurse, a parent with an old conviction, …)
/// and committed before the search ever ran on it (218ca4b): first pass
/// 63/70 (90.0%), on round five's search after development set 4. Never
/// tuned on.
#[test]
fn blind_family_questions_seventh_set() {
    evaluate("tests/search_questions_blind7.toml", 94.2);
}

/// Written blind from ten more personas (a home-educating parent, a Polish
/// mum, a prison family worker for a dad inside, a parent afraid of "the
/// system", a 12-year-old, a dad dictating by voice, …), modelled on the
/// shared sample, and committed before the search ever ran on it
/// (3a8c2b4): first pass 65/70 (92.9%), on 070ab0f's search. Never
/// tuned on.
#[test]
fn blind_family_questions_eighth_set() {
    evaluate("tests/search_questions_blind8.toml", 92.8);
}

/// Written from the personas and families' ways of asking (abbreviations,
/// misspellings, second-language English, distrust) before round three
/// changed the search; it guided that round, so it is tuned on.
#[test]
fn development_family_questions() {
    evaluate("tests/search_questions_dev.toml", 97.7);
}

/// Written by a helper for round four, weighted towards what the search
/// missed (rights questions that name a service, long questions, everyday
/// words for legal ideas); it guided that round, so it is tuned on.
#[test]
fn second_development_family_questions() {
    evaluate("tests/search_questions_dev2.toml", 88.5);
}

/// Written for round five from ten more personas, the way a blind set is
/// written (from the notices only). Its first pass was 71/80 on round
/// four's search; it guided round five, so it is tuned on.
#[test]
fn third_development_family_questions() {
    evaluate("tests/search_questions_dev3.toml", 94.9);
}

/// Written for round five, modelled on the shared sample (short, plain
/// questions, the notices' own words as answers) from the notices only.
/// Its first pass was 70/80; it was then tuned on.
#[test]
fn fourth_development_family_questions() {
    evaluate("tests/search_questions_dev4.toml", 98.7);
}

/// Written by a helper from the notices only, modelled on the shared
/// sample (ten personas: a working dad on his lunch break, a mum with
/// postnatal depression, a kinship carer, a refugee parent, a foster
/// carer, …): first pass 71/80 (88.8%), on round five's search. Tuned on
/// since.
#[test]
fn fifth_development_family_questions() {
    evaluate("tests/search_questions_dev5.toml", 94.9);
}

/// Written by a helper from the notices only, modelled on the shared
/// sample (short questions; ten personas: a dad who works nights, a deaf
/// mum, a special guardian, a childminder referring a family, …): first
/// pass 70/80 (87.5%), on f08c2c7's search. Tuned on since.
#[test]
fn sixth_development_family_questions() {
    evaluate("tests/search_questions_dev6.toml", 94.9);
}

#[test]
fn a_typo_is_read_as_the_word_families_use() {
    // "polcie" is one edit from "police" and from "policies".
    let corpus = bundled::corpus();
    let (n, _) = bundled::notice("afc-social-care").unwrap();
    let hits = corpus.search(Scope::Notice(n), "polcie", 3).hits;
    let (_, text) = corpus.passage(&hits[0].passage);
    assert!(text.contains("Police"), "{text}");
}

#[test]
fn a_typo_is_read_as_the_word_that_keeps_its_start() {
    // "infomation" is one edit from "information" and from "income" (a
    // family word for money).
    let marked = marked("*", "infomation");
    assert!(marked.contains(&stem("information")), "{marked:?}");
    assert!(!marked.contains(&stem("financial")), "{marked:?}");
}

#[test]
fn everyday_words_are_not_read_as_slips() {
    // "week" is one edit from "weed" (drugs), "lady" from "LADO", "much"
    // from "such", "till" from "tell".
    let marked = marked("*", "the lady visits every week, how much longer till then");
    for slip in ["drug", "alcohol", "allegation", "such", "share", "health"] {
        assert!(!marked.contains(&stem(slip)), "{slip}: {marked:?}");
    }
}

/// The notice `id` with what it inherits, or every notice for "*".
fn scope(id: &str) -> Scope {
    match id {
        "*" => Scope::All,
        id => Scope::Notice(bundled::notice(id).unwrap_or_else(|| panic!("{id}?")).0),
    }
}

/// Asserts that one of the top `n` hits for `ask` in notice `id` contains `answer`.
fn assert_in_top(n: usize, id: &str, ask: &str, answer: &str) {
    let hits = top(id, ask, n);
    assert!(hits.iter().any(|t| t.contains(answer)), "{ask}: {hits:?}");
}

/// The stems a search for `ask` within notice `id` marks in its results.
fn marked(id: &str, ask: &str) -> Vec<String> {
    bundled::corpus().search(scope(id), ask, 3).matched_terms
}

/// The text of the top `n` hits for `ask` within notice `id`.
fn top(id: &str, ask: &str, n: usize) -> Vec<String> {
    let corpus = bundled::corpus();
    let hits = corpus.search(scope(id), ask, n).hits;
    hits.iter()
        .map(|h| corpus.passage(&h.passage).1.into_owned())
        .collect()
}

#[test]
fn results_mark_what_is_asked_not_the_story_around_it() {
    let ask = "can i make the hub delete my details, we only went to one baby group";
    let marked = marked("afc-family-hub", ask);
    assert!(marked.contains(&stem("delete")), "{marked:?}");
    for told in ["only", "baby", "group"] {
        assert!(!marked.contains(&stem(told)), "{told}: {marked:?}");
    }
}

#[test]
fn a_sections_summary_says_what_its_wording_is_about() {
    // The wording says "general practitioner" and "given to us"; its
    // section's summary says "your GP … may tell us things".
    assert_in_top(
        3,
        "afc-social-care",
        "can my GP tell you things about us",
        "general practitioner",
    );
}

#[test]
fn a_relative_may_sit_between_the_words_of_an_ask() {
    // "see … file" is asking for one's records, whoever's they are.
    assert_in_top(
        1,
        "afc-standard",
        "can i see my daughter's file",
        "right to request access",
    );
}

#[test]
fn fillers_and_text_speak_read_as_the_words_they_stand_for() {
    // "own" says nothing more; "wanna" is "want" ("dont want").
    assert_in_top(
        1,
        "afc-standard",
        "can i read my own file",
        "right to request access",
    );
    assert_in_top(3, "afc-early-help", "i dont wanna", "object");
}

#[test]
fn the_relative_a_question_is_about_counts_less_than_what_it_asks() {
    // The question is about crimes; "my dad" says whose.
    assert_in_top(1, "afc-social-care", "my dad crimes", "offences");
    let hits = top("afc-family-hub", "my mum health", 2);
    assert!(hits.iter().all(|t| t.contains("health")), "{hits:?}");
}

#[test]
fn a_notices_own_name_says_where_not_what_is_asked() {
    // Every passage of the Family Hub notice is about the hub: "delete" is asked.
    assert_in_top(
        1,
        "afc-family-hub",
        "can the family hub delete my details",
        "erased",
    );
    // Asked on its own, the name is the question.
    assert_in_top(3, "afc-family-hub", "wot is a family hub", "Family Hub");
}

#[test]
fn a_question_that_names_a_right_asks_for_the_right() {
    // Not who social care shares with, or what it holds: whether the family can say no.
    assert_in_top(
        2,
        "afc-social-care",
        "can i stop social care passing my stuff to the school",
        "object to processing",
    );
    // Not who else may see it: how to see it oneself.
    assert_in_top(
        2,
        "afc-early-help",
        "can i see the notes the early help worker wrote",
        "right to request access",
    );
}

#[test]
fn a_familys_story_before_the_question_counts_less_than_the_question() {
    // Not the parenting group or the hub: whether the school is told.
    assert_in_top(
        3,
        "afc-family-hub",
        "i go to the parenting group at the family hub because im struggling with my 6 yr old, \
         will anything i say there get passed on to her school",
        "Education and schools",
    );
}

#[test]
fn a_familys_story_after_the_question_counts_less_too() {
    // Not the baby group: whether the hub deletes what it holds.
    assert_in_top(
        3,
        "afc-family-hub",
        "can i make the hub delete my details, we only went to one baby group",
        "erased or destroyed",
    );
}

#[test]
fn everyday_words_name_rights_and_the_people_data_goes_to() {
    // Going to law; the service's name between "get" and "file"; the tax office.
    let cases = [
        (
            "afc-standard",
            "can i take u to court over my data",
            "through the courts",
        ),
        (
            "afc-early-help",
            "how do i get my early help file",
            "right to request access",
        ),
        (
            "afc-social-care",
            "does the social worker tell the tax people about us",
            "Revenue and Customs",
        ),
    ];
    for (notice, ask, answer) in cases {
        assert_in_top(3, notice, ask, answer);
    }
}

#[test]
fn a_notice_that_states_no_date_says_so_when_asked() {
    // As its header does, not "Published by …" first.
    let hits = top("afc-family-hub", "when was this notice last updated", 1);
    assert_eq!(hits, ["Last updated: not stated in the notice"]);
    let hits = top("rbkc-wcc-children", "when was this notice last updated", 1);
    assert_eq!(hits, ["Last updated: 14 March 2024"]);
}

#[test]
fn two_concepts_named_by_the_same_words_are_one_thing_asked() {
    // "social worker" names social care and the services' initials: counted
    // twice, it outweighed the programme asked about.
    assert_in_top(
        3,
        "afc-social-care",
        "social worker mentioned the troubled families thing, are we on a list for it",
        "Troubled Families Programme",
    );
}

#[test]
fn a_question_about_a_term_finds_its_definition() {
    // Not the lists that name looked-after children: what one is.
    assert_in_top(
        3,
        "*",
        "what is looked after child",
        "who may live with foster carers",
    );
}

#[test]
fn a_right_named_of_someone_else_asks_who_they_are() {
    // Not how the family sees its own file: whether the court does.
    assert_in_top(
        3,
        "afc-social-care",
        "will the family court see my file",
        "Courts and Tribunal Service",
    );
}
