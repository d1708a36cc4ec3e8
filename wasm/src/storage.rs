//! Saved progress in `localStorage`, one key per questionnaire edition.
//!
//! The key carries the storage format and the questionnaire's id and
//! version, so answers to another edition are never applied. The value is
//! the answers' share code (`readiness_core::share`), whose checksum
//! catches a damaged value. (`v1` saved the answers as JSON.) The loader
//! reads and writes storage when the widget asks (the `restore`, `save` and
//! `forget` effects); storage may be missing or throw (private modes,
//! sandboxed frames), and then nothing is saved and nothing breaks.

use readiness_core::Questionnaire;

/// `scope` is the element's `id`, if any: two widgets of one questionnaire
/// on a page keep their progress apart when given ids.
pub fn key(q: &Questionnaire, scope: &str) -> String {
    let separator = if scope.is_empty() { "" } else { "#" };
    ["readiness-check:v2:", &q.id, "@", &q.version, separator, scope].concat()
}
