//! Every word the widget shows a family or a screen reader speaks: visible
//! text, button names, live-region announcements and error messages, in
//! one table, so that a translation or a change of tone touches this file
//! alone. The phrases the HTML export shares (`render`'s) are re-exported
//! here, so no component names English of its own. (What is wrong with a
//! notice file, for web teams and authors, is said beside the checks that
//! find it, in `page.rs` and `read.rs`, as the CLI's checks do.)

pub use privacy_notice_core::render::{
    IN_SHORT, NOT_STATED, WHAT_HAPPENS, WHAT_THE_NOTICE_SAYS, WHERE_IT_SAYS, inherited_note,
    inherited_tag,
};

/// The group of the two view buttons.
pub const CHOOSE_VIEW: &str = "Choose what to read";
/// The view button showing the notice.
pub const THE_NOTICE: &str = "The notice";
/// Under the explorer's heading.
pub const EXPLORER_INTRO: &str = "Choose a kind of information to see why we use it, who may see it, how long we keep it and what you can do.";
/// The link after a passage a search result opened.
pub const BACK_TO_RESULTS: &str = "Back to results";
/// The search box's label.
pub const SEARCH_LABEL: &str = "Search this notice";
/// Under the search box's label.
pub const SEARCH_HINT: &str =
    "Ask in your own words, for example “who will see this?” or “how long do you keep it?”";
/// Announced when Escape empties the search box.
pub const SEARCH_CLEARED: &str = "Search cleared.";
/// A hint's button, and the start of its accessible name.
pub const WHY_WE_ASK: &str = "Why we ask for this";

/// "Show all sections" or, when every section is open, "Hide all sections".
pub fn toggle_all(all_open: bool) -> &'static str {
    if all_open {
        "Hide all sections"
    } else {
        "Show all sections"
    }
}

/// The search landmark's name: the notice's title tells two widgets apart.
pub fn search_landmark(title: &str) -> String {
    format!("Search {title}")
}

/// The results region's name.
pub fn results_region(title: &str) -> String {
    format!("Search results in {title}")
}

/// The overview's name.
pub fn overview(title: &str) -> String {
    format!("{IN_SHORT}: {title}")
}

/// The explorer's name.
pub fn explorer(title: &str) -> String {
    format!("{WHAT_HAPPENS}: {title}")
}

/// A hint button's accessible name: the visible words first (WCAG 2.5.3),
/// then the kind of data.
pub fn hint_button(kind: &str) -> String {
    format!("{WHY_WE_ASK}: {kind}")
}

/// `n` with the singular or plural form of a noun.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The results' count, shown and announced; never more than the words
/// asked, which the family typed and can see.
pub fn results_found(n: usize, query: &str) -> String {
    if n == 0 {
        format!("No results for ‘{query}’.")
    } else {
        format!("{} for ‘{query}’", count(n, "result", "results"))
    }
}

/// What to try when nothing is found, with the DPO's email where stated.
pub fn no_results_help(dpo_email: Option<&str>) -> String {
    let ask = match dpo_email {
        Some(email) => format!("ask the Data Protection Officer ({email})"),
        None => "ask the Data Protection Officer".to_string(),
    };
    format!(
        "Try other words, like “share”, “keep” or “rights”. You can also look at “{WHAT_HAPPENS}”, or {ask}."
    )
}

/// A console warning for a web team: the `heading-level` it gave is not used.
pub fn bad_heading_level(value: &str) -> String {
    format!("<privacy-notice>: heading-level=\"{value}\" is not 1 to 5; using 2.")
}

/// A hint's `kind` that the notice does not have, with the kinds it has.
pub fn unknown_kind<'a>(kind: &str, notice: &str, kinds: impl Iterator<Item = &'a str>) -> String {
    let mut message = format!(
        "kind=\"{}\" is not a kind of data in \"{notice}\". Use one of: ",
        kind.chars().take(100).collect::<String>(),
    );
    privacy_notice_core::text::push_joined(&mut message, kinds, ", ");
    message.push('.');
    message
}
