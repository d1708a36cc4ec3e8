//! The readiness check in the browser: the `<readiness-check>` widget's
//! logic and rendering (`Widget`, feature `widget`), driven by the loader
//! in `www/readiness-check.js`; the validator of a marketer's own
//! questionnaire (`check`, feature `validator`), a module of its own that
//! only pages with `src` load; and the npm package's scoring API (`api`).
//!
//! Only this crate knows JavaScript. It turns browser input into core
//! types at the edge and renders the core's [`readiness_core::Report`];
//! every score is computed by `readiness-core`.

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "widget")]
mod chart;
#[cfg(feature = "widget")]
mod dom;
#[cfg(feature = "widget")]
mod i18n;
#[cfg(feature = "widget")]
mod message;
#[cfg(any(feature = "widget", feature = "validator"))]
mod problems;
#[cfg(feature = "widget")]
mod report_json;
#[cfg(feature = "widget")]
mod state;
#[cfg(feature = "studio")]
mod studio;
#[cfg(feature = "studio")]
pub use studio::{benchmark, studio, team};
#[cfg(feature = "widget")]
mod storage;
#[cfg(feature = "widget")]
mod view;
#[cfg(feature = "widget")]
mod widget;

#[cfg(feature = "widget")]
pub use widget::Widget;
/// How many labels, first in each label file, the loader holds for before
/// the file arrives and passes to [`Widget::new`] (the build writes them
/// into the loader: loading, a failed download, a crash inside).
#[cfg(feature = "widget")]
pub const EARLY_LABELS: usize = i18n::Words::EARLY;

#[cfg(all(target_arch = "wasm32", any(feature = "widget", feature = "validator")))]
mod exports;

/// The validator module's work: reads a marketer's questionnaire (JSON
/// text), checks it and returns its pack in `lang` (the widget reads it
/// with `Questionnaire::from_pack`), or else every problem, encoded for
/// the widget's `invalid` message (`problems.rs`). A pack starts with
/// `RCP1`; problems never do.
///
/// A module of its own: a visitor of the built-in questionnaire, whose
/// pack the build validated, never downloads the JSON reader and the rules.
#[cfg(feature = "validator")]
pub fn check(text: &str, lang: &str) -> String {
    use readiness_core::{Lang, Questionnaire};
    match Questionnaire::from_json(text) {
        Ok(q) => q.pack(Lang::from_code(lang).unwrap_or(Lang::EN)),
        Err(problems) => problems::encode(&problems),
    }
}

// SAFETY: WebAssembly in the browser runs this module on one thread (the
// build enables no atomics), which is what `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
