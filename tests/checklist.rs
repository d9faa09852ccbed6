//! The ICO checklist on the bundled notices: what each states, what it
//! inherits, and what it leaves out.

use privacy_notice::bundled;
use privacy_notice_core::checklist::{Found, checklist};

fn found(notice_id: &str, item: &str) -> Found {
    let (_, notice) = bundled::notice(notice_id).unwrap();
    let list = checklist(notice, bundled::parent_of(notice));
    list.into_iter().find(|i| i.name == item).unwrap().found
}

#[test]
fn finds_what_a_notice_states_and_reports_what_it_does_not() {
    assert!(matches!(
        found("rbkc-wcc-children", "Transfers abroad"),
        Found::Section { .. }
    ));
    assert_eq!(
        found("afc-family-hub", "Transfers abroad"),
        Found::NotStated
    );
    assert_eq!(
        found("afc-standard", "Data Protection Officer's contact details"),
        Found::NotStated
    );
    assert!(matches!(
        found(
            "afc-early-help",
            "Data Protection Officer's contact details"
        ),
        Found::Controller(_)
    ));
}

#[test]
fn a_notice_own_sections_come_before_those_it_inherits() {
    // The corporate notice has "How we use your personal data"; the Early
    // Help notice says it in its own words, and that is the answer.
    assert_eq!(
        found("afc-early-help", "Purposes of using the data"),
        Found::Section {
            id: "decisions-made".into(),
            inherited_from: None
        }
    );
}

#[test]
fn service_notices_inherit_what_the_corporate_notice_states() {
    // The Early Help notice does not say how data is collected; the corporate one does.
    assert_eq!(
        found("afc-early-help", "Whether giving the data is required"),
        Found::Section {
            id: "how-we-collect-data".into(),
            inherited_from: Some("afc-standard".into())
        }
    );
}
