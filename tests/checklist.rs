//! The ICO checklist on the bundled notices: what each states, what it
//! inherits, and what it leaves out; and on a fixture, that an item is
//! found only where the notice gives evidence of it.

use privacy_notice::bundled;
use privacy_notice_core::checklist::{Found, checklist};
use privacy_notice_core::load;

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

#[test]
fn an_item_is_present_only_where_its_evidence_is() {
    // A rights section that says "object to how we use" and "for the purpose
    // of direct marketing" states no purpose: was "present: #your-rights".
    let path = "tests/fixtures/valid/no-purposes.toml";
    let source = std::fs::read_to_string(path).unwrap();
    let (file, problems) = load::parse_notice(path, &source);
    assert!(problems.is_empty(), "{problems:?}");
    let list = checklist(&file.unwrap().notice, None);
    let found = |name: &str| &list.iter().find(|i| i.name == name).unwrap().found;
    assert_eq!(found("Purposes of using the data"), &Found::NotStated);
    // What the section does state, it is still found for.
    for right in ["Right of access", "Right to object"] {
        assert_eq!(
            found(right),
            &Found::Section {
                id: "your-rights".into(),
                inherited_from: None
            },
            "{right}"
        );
    }
}
