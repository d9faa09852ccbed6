//! Writes model values as Rust expressions, so the notices compile into the
//! Wasm as `'static` data: nothing to parse or allocate at start-up.

use std::fmt::Write;

use crate::index::{Index, Passage, PassageKind};
use crate::model::{Answer, Concept, Controller, ExplorerItem, GlossaryTerm, Notice, Section};

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
emit_struct!(GlossaryTerm {
    id,
    term,
    matches,
    definition
});
emit_struct!(Concept { asks, means });
emit_struct!(Index {
    passages,
    lengths,
    head_starts,
    terms,
    term_lengths,
    postings,
    posting_lengths,
    starts
});
emit_struct!(Passage {
    kind,
    notice,
    item,
    block
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

/// Worked out at run time: starts empty.
impl<T> Emit for std::sync::OnceLock<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("OnceLock::new()");
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

/// Enums and numbers print as Rust: `Question::Why`, `12`.
macro_rules! emit_debug {
    ($($type:ty => $prefix:literal),*) => {
        $(impl Emit for $type {
            fn emit(&self, out: &mut String) {
                write!(out, "{}{:?}", $prefix, self).unwrap();
            }
        })*
    };
}

emit_debug!(crate::model::Question => "Question::", PassageKind => "PassageKind::", u8 => "", u16 => "", u32 => "");
