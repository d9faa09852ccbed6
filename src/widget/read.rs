//! Reads a notice from the object the browser's `JSON.parse` made of its
//! chunk (what `notice export --json` prints). Read field by field with
//! `Reflect`, not serde: serde-wasm-bindgen (serde's deserialiser, with the
//! float formatting its error messages pull in) measured 13.8 KB brotli
//! more Wasm (d0ced1d). Every problem names the field and what is wrong.

use std::borrow::Cow;

use js_sys::{Array, Reflect};
use privacy_notice_core::model::{
    Answer, Controller, ExplorerItem, List, Notice, Question, Section, Text,
};
use privacy_notice_core::rules;
use wasm_bindgen::{JsCast, JsValue};

/// What went wrong, naming the field (`sections[3].body`).
type Read<T> = Result<T, String>;

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A required text field.
fn text(object: &JsValue, name: &str, at: &str) -> Read<Text> {
    field(object, name)
        .as_string()
        .map(Cow::Owned)
        .ok_or_else(|| format!("{at}{name} is missing or is not text"))
}

/// An optional text field: absent or `null` is none.
fn optional(object: &JsValue, name: &str, at: &str) -> Read<Option<Text>> {
    let value = field(object, name);
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    value
        .as_string()
        .map(|s| Some(Cow::Owned(s)))
        .ok_or_else(|| format!("{at}{name} is not text"))
}

/// A required list, each item read by `item` with its path.
fn list<T: Clone>(
    object: &JsValue,
    name: &str,
    at: &str,
    item: impl Fn(&JsValue, &str) -> Read<T>,
) -> Read<List<T>> {
    let value = field(object, name);
    let array = value
        .dyn_ref::<Array>()
        .ok_or_else(|| format!("{at}{name} is missing or is not a list"))?;
    array
        .iter()
        .enumerate()
        .map(|(i, v)| item(&v, &format!("{at}{name}[{i}].")))
        .collect::<Read<Vec<T>>>()
        .map(Cow::Owned)
}

/// Checks the `content_hash` that `notice export --json` writes beside the
/// notice (a form records it): 12 hex digits.
pub fn content_hash(value: &JsValue) -> Read<()> {
    match field(value, "content_hash").as_string() {
        Some(hash) if rules::is_content_hash(&hash) => Ok(()),
        _ => Err(
            "content_hash is missing or is not the 12 hex digits `notice export --json` writes"
                .into(),
        ),
    }
}

/// Reads a notice.
pub fn notice(value: &JsValue) -> Read<Notice> {
    if !value.is_object() {
        return Err("it is not a JSON object".into());
    }
    let controller = field(value, "controller");
    if !controller.is_object() {
        return Err("controller is missing or is not an object".into());
    }
    let c = "controller.";
    Ok(Notice {
        id: text(value, "id", "")?,
        title: text(value, "title", "")?,
        language: text(value, "language", "")?,
        extends: optional(value, "extends", "")?,
        source: text(value, "source", "")?,
        source_url: optional(value, "source_url", "")?,
        published: optional(value, "published", "")?,
        last_updated: optional(value, "last_updated", "")?,
        version: optional(value, "version", "")?,
        controller: Controller {
            name: text(&controller, "name", c)?,
            ico_registration: optional(&controller, "ico_registration", c)?,
            contact: optional(&controller, "contact", c)?,
            dpo_email: optional(&controller, "dpo_email", c)?,
            complaints_email: optional(&controller, "complaints_email", c)?,
            ico_complaints_url: optional(&controller, "ico_complaints_url", c)?,
        },
        sections: list(value, "sections", "", |s, at| {
            Ok(Section {
                id: text(s, "id", at)?,
                heading: text(s, "heading", at)?,
                summary: text(s, "summary", at)?,
                body: text(s, "body", at)?,
            })
        })?,
        explorer: list(value, "explorer", "", |item, at| {
            Ok(ExplorerItem {
                id: text(item, "id", at)?,
                label: text(item, "label", at)?,
                answers: list(item, "answers", at, |a, at| {
                    let key = text(a, "question", at)?;
                    let question = Question::from_key(&key).ok_or_else(|| {
                        format!("{at}question \"{key}\" is not one the explorer asks")
                    })?;
                    Ok(Answer {
                        question,
                        text: text(a, "text", at)?,
                        from: list(a, "from", at, |id, at| {
                            id.as_string().map(Cow::Owned).ok_or_else(|| {
                                format!("{}is not a section id", at.trim_end_matches('.'))
                            })
                        })?,
                    })
                })?,
            })
        })?,
    })
}
