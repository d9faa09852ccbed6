//! The notice a widget shows, as it arrives from its JSON chunk(s): checked,
//! with the notice it extends, and with its search index built on first use.

use std::sync::OnceLock;

use privacy_notice_core::model::{Controller, Notice, Section, Text};
use privacy_notice_core::rules;
use privacy_notice_core::search::{Corpus, Index, Scope, Weights};
use wasm_bindgen::JsValue;

use super::read;
use crate::bundled::{concepts, glossary};

/// A notice and the notice it extends (`notices[1]`), ready to render and search.
pub struct Page {
    /// The notice shown, then the notice it extends, if any.
    notices: Vec<Notice>,
    index: OnceLock<Index>,
}

/// A notice file read and checked as `notice check` checks a notice: the
/// browser trusts no file, whoever serves it.
fn checked(value: &JsValue) -> Result<Notice, String> {
    let notice = read::notice(value)?;
    read::content_hash(value)?;
    match rules::check(&notice).into_iter().next() {
        Some(flaw) => Err(format!("{}: {}", flaw.field, flaw.message)),
        None => Ok(notice),
    }
}

impl Page {
    /// Reads the notice (and the one it extends) that the loader fetched and
    /// the browser parsed. Any problem is a message saying which field is
    /// wrong and what to do, for the loader's error box and console warning.
    pub fn from_js(notice: JsValue, parent: JsValue) -> Result<Page, String> {
        let notice = checked(&notice).map_err(|e| {
            format!(
                "the notice's data is not valid: {e}. Fix it, run `notice check`, and export it again with `notice export --json`."
            )
        })?;
        let mut notices = vec![notice];
        if let Some(id) = notices[0].extends.clone() {
            let parent = checked(&parent).map_err(|e| {
                format!("the data of \"{id}\", which this notice extends, is not valid: {e}.")
            })?;
            if parent.id != id {
                return Err(format!(
                    "the notice extends \"{id}\" but \"{}\" was loaded in its place.",
                    parent.id
                ));
            }
            if parent.extends.is_some() {
                return Err(format!(
                    "extends: \"{id}\" itself extends another notice; extend a notice that extends none."
                ));
            }
            notices.push(parent);
        }
        let page = Page {
            notices,
            index: OnceLock::new(),
        };
        page.check()?;
        Ok(page)
    }

    /// What needs both notices: every answer's `from` names a section.
    fn check(&self) -> Result<(), String> {
        let notice = self.notice();
        for item in notice.explorer.iter() {
            for answer in item.answers.iter() {
                if let Some(id) = answer.from.iter().find(|id| self.section(id).is_none()) {
                    return Err(format!(
                        "explorer item \"{}\" says its {} answer comes from section \"{id}\", which the notice does not have.",
                        item.id,
                        answer.question.key()
                    ));
                }
            }
        }
        Ok(())
    }

    /// Where in the page's notices (and so its corpus) the notice shown is.
    const SHOWN: usize = 0;

    /// The notice shown.
    pub fn notice(&self) -> &Notice {
        &self.notices[Self::SHOWN]
    }

    /// What the page's search box searches: the notice shown (with the
    /// sections it inherits, and the glossary).
    pub fn scope(&self) -> Scope {
        Scope::Notice(Self::SHOWN)
    }

    pub fn parent(&self) -> Option<&Notice> {
        self.notices.get(1)
    }

    /// A section of the notice, or of the notice it extends.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.notices.iter().find_map(|n| n.section(id))
    }

    /// A contact detail as the notice, or the notice it extends, states it.
    pub fn contact(&self, pick: fn(&Controller) -> &Option<Text>) -> Option<&str> {
        self.notice().stated_contact(self.parent(), pick)
    }

    /// The notice, the notice it extends, the glossary and the concepts,
    /// with an index built the first time anyone searches: most families
    /// never search, and the first section should be usable sooner.
    pub fn corpus(&self) -> Corpus<'_> {
        Corpus {
            notices: &self.notices,
            glossary: glossary(),
            concepts: concepts(),
            index: self
                .index
                .get_or_init(|| Index::build(&self.notices, glossary())),
            weights: &Weights::DEFAULT,
        }
    }
}
