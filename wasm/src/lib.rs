//! The readiness check in the browser.

use wasm_bindgen::prelude::*;

/// The version of this build.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
