//! privacy-notice: privacy notices as faithful, plain-language, searchable
//! data, shown by an accessible Wasm widget and checked by the `notice` CLI.
//!
//! The model, text handling and search know nothing about the DOM; the
//! widget (`wasm32` only) renders them, and the CLI reads and checks files.

pub mod bundled;
pub mod checklist;
pub mod model;
pub mod search;
pub mod synthetic;
pub mod text;

#[cfg(feature = "load")]
pub mod load;

#[cfg(target_arch = "wasm32")]
mod widget;

/// The search timed in the browser (`benches/wasm-search.mjs`); not in the widget's build.
#[cfg(all(target_arch = "wasm32", feature = "wasm-bench"))]
mod wasm_bench;
