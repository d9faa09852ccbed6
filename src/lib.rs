//! privacy-notice: the `<privacy-notice>` widget (Wasm) and what the
//! `notice` CLI needs beyond the core: the data compiled in from
//! `notices/`. The model, text handling and search are in
//! `privacy-notice-core` (core/), which knows nothing about the DOM.

pub mod bundled;

#[cfg(target_arch = "wasm32")]
mod widget;

/// The search timed in the browser (`benches/wasm-search.mjs`); not in the widget's build.
#[cfg(all(target_arch = "wasm32", feature = "wasm-bench"))]
mod wasm_bench;
