//! Writes model values as Rust expressions, so the notices compile into the
//! CLI and the tests as `'static` data: nothing to parse or allocate at
//! start-up. (The Wasm has none of them: it fetches each notice's JSON chunk.)

use std::fmt::Write;

use privacy_notice_core::model::{Answer, Controller, ExplorerItem, Notice, Question, Section};

/// A value that can be written as a Rust constant expression.
pub trait Emit {
    fn emit(&self, out: &mut String);
}

/// Writes `Type { field: value, … }`.
macro_rules! emit_struct {
    ($type:ident { $($field:ident),* }) => {
        impl Emit for $type {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($type), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    };
}

emit_struct!(Notice {
    id,
    title,
    language,
    extends,
    source,
    source_url,
    published,
    last_updated,
    version,
    controller,
    sections,
    explorer
});
emit_struct!(Controller {
    name,
    ico_registration,
    contact,
    dpo_email,
    complaints_email,
    ico_complaints_url
});
emit_struct!(Section {
    id,
    heading,
    summary,
    body
});
emit_struct!(ExplorerItem { id, label, answers });
emit_struct!(Answer {
    question,
    text,
    from
});

impl Emit for std::borrow::Cow<'static, str> {
    fn emit(&self, out: &mut String) {
        // `{:?}` of a str is a valid, escaped Rust string literal.
        write!(out, "Cow::Borrowed({:?})", self.as_ref()).unwrap();
    }
}

impl<T: Emit + Clone> Emit for std::borrow::Cow<'static, [T]> {
    fn emit(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.emit(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.emit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

/// Prints as Rust: `Question::Why`.
impl Emit for Question {
    fn emit(&self, out: &mut String) {
        write!(out, "Question::{self:?}").unwrap();
    }
}
