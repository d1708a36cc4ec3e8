//! Saved progress in `localStorage`, one key per questionnaire edition.
//!
//! The key carries the storage format and the questionnaire's id and
//! version, so answers to another edition are never applied. Storage may
//! be missing or throw (private modes, sandboxed frames): then nothing is
//! saved and nothing breaks.

use readiness_core::{Answers, Questionnaire};
use wasm_bindgen::prelude::*;

// The page's `localStorage`, named directly rather than through
// `web_sys::window()`, whose lookup of the global object costs WebAssembly
// and glue. `catch`: a missing or refusing storage throws, even on access.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = getItem)]
    fn get_item(key: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
    fn set_item(key: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = removeItem)]
    fn remove_item(key: &str) -> Result<(), JsValue>;
}

/// `scope` is the element's `id`, if any: two widgets of one questionnaire
/// on a page keep their progress apart when given ids.
fn key(q: &Questionnaire, scope: &str) -> String {
    let separator = if scope.is_empty() { "" } else { "#" };
    ["readiness-check:v1:", &q.id, "@", &q.version, separator, scope].concat()
}

/// The saved answers, if any; `Err` if something was saved but cannot be
/// used (corrupt, or naming questions this edition lacks): it is removed.
pub fn load(q: &Questionnaire, scope: &str) -> Result<Option<Answers>, ()> {
    let Ok(Some(text)) = get_item(&key(q, scope)) else {
        return Ok(None);
    };
    match q.read_response(&text) {
        Ok(response) => Ok(Some(response.answers)),
        Err(_) => {
            clear(q, scope);
            Err(())
        }
    }
}

pub fn save(q: &Questionnaire, scope: &str, answers: &Answers) {
    // A full or refusing storage only means progress is not kept.
    let _ = set_item(&key(q, scope), &answers.to_json());
}

pub fn clear(q: &Questionnaire, scope: &str) {
    let _ = remove_item(&key(q, scope));
}
