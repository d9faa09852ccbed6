//! The DOM-free core of privacy-notice: privacy notices as faithful,
//! plain-language, searchable data.
//!
//! Shared by the widget (Wasm), the `notice` CLI and the build script, so
//! what the CLI checks and measures is exactly what families get. It knows
//! nothing about the DOM; only `load` touches files (through its caller).

pub mod checklist;
pub mod html;
pub mod model;
pub mod packed;
pub mod render;
pub mod rules;
pub mod search;
pub mod synthetic;
pub mod text;

#[cfg(feature = "content-hash")]
pub mod content_hash;
#[cfg(feature = "load")]
pub mod fidelity;
#[cfg(feature = "import")]
pub mod import;
#[cfg(feature = "load")]
pub mod load;
