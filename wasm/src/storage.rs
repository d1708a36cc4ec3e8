//! Saved progress in `localStorage`, one key per questionnaire edition.
//!
//! The key carries the storage format and the questionnaire's id and
//! version, so answers to another edition are never applied. Storage may
//! be missing or throw (private modes, sandboxed frames): then nothing is
//! saved and nothing breaks.

use readiness_core::{Answers, Questionnaire};
use web_sys::Storage;

fn key(q: &Questionnaire) -> String {
    format!("readiness-check:v1:{}@{}", q.id, q.version)
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved answers, if any; `Err` if something was saved but cannot be
/// used (corrupt, or naming questions this edition lacks): it is removed.
pub fn load(q: &Questionnaire) -> Result<Option<Answers>, ()> {
    let Some(storage) = storage() else { return Ok(None) };
    let Ok(Some(text)) = storage.get_item(&key(q)) else {
        return Ok(None);
    };
    match q.read_response(&text) {
        Ok(response) => Ok(Some(response.answers)),
        Err(_) => {
            clear(q);
            Err(())
        }
    }
}

pub fn save(q: &Questionnaire, answers: &Answers) {
    if let Some(storage) = storage() {
        // A full or refusing storage only means progress is not kept.
        let _ = storage.set_item(&key(q), &answers.to_json());
    }
}

pub fn clear(q: &Questionnaire) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(q));
    }
}
