//! Saved progress in `localStorage`, one key per questionnaire, and the
//! last completed result, another.
//!
//! The key carries the storage format and the questionnaire's id. The value
//! is the answers' share code (`readiness_core::share`): it names the
//! questionnaire's version, so answers to another edition are never
//! applied (the visitor is told, and they are dropped), and its checksum
//! catches a damaged value. (`v1` saved the answers as JSON; `v2` put the
//! version in the key, so that a new edition found nothing: the loader
//! still reads a `v2` key once, so that its visitor is told.) The loader
//! reads and writes storage when the widget asks (the `restore`, `save` and
//! `forget` effects); storage may be missing or throw (private modes,
//! sandboxed frames), and then nothing is saved and nothing breaks.

use readiness_core::Questionnaire;

/// `scope` is the element's `id`, if any: two widgets of one questionnaire
/// on a page keep their progress apart when given ids.
pub fn key(q: &Questionnaire, scope: &str) -> String {
    keyed("readiness-check:v3:", q, scope)
}

/// Where the last completed result is kept: `date code` (the visitor's
/// date and the answers' share code), for the change since then. A key of
/// its own, as starting over forgets the progress but not the last result.
/// Ids hold no `:`, so it never meets a progress key. (With the
/// comparisons only: `wasm/Cargo.toml`.)
#[cfg(feature = "compare")]
pub fn last_key(q: &Questionnaire, scope: &str) -> String {
    keyed("readiness-check:v3:last:", q, scope)
}

fn keyed(prefix: &str, q: &Questionnaire, scope: &str) -> String {
    let separator = if scope.is_empty() { "" } else { "#" };
    [prefix, &q.id, separator, scope].concat()
}
