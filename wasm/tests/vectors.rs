//! The shared vectors in `tests/vectors/`, run in a real browser through the
//! JavaScript API: the reports must equal, to the last digit, those the
//! native tests check (`core/tests/vectors.rs`).
#![cfg(all(target_arch = "wasm32", feature = "api"))]
// Test code, not the widget's path: the size rules (docs/size.md) do not apply.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods, clippy::disallowed_types)]

use include_dir::{include_dir, Dir};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

static VECTORS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../tests/vectors");
static QUESTIONNAIRES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../tests/questionnaires");

/// A JS value as serde_json sees it after `JSON.stringify`.
fn plain(value: &JsValue) -> Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

/// Numbers as doubles: JavaScript writes `0` where serde_json writes `0.0`,
/// and both are the same number.
fn numbers_as_doubles(value: Value) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_doubles).collect()),
        Value::Object(fields) => Value::Object(fields.into_iter().map(|(k, v)| (k, numbers_as_doubles(v))).collect()),
        other => other,
    }
}

fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn run(vector: &Value) -> Value {
    let questionnaire = match &vector["questionnaire"] {
        Value::String(name) if name == "builtin" => JsValue::UNDEFINED,
        Value::String(name) => {
            let file = QUESTIONNAIRES
                .get_file(format!("{name}.json"))
                .expect("questionnaire file");
            JsValue::from_str(file.contents_utf8().unwrap())
        }
        Value::Null => JsValue::from_str(vector["questionnaireText"].as_str().unwrap()),
        inline => js(inline),
    };
    let lang = vector["lang"].as_str().map(str::to_owned);
    match readiness_wasm::api::score(questionnaire, js(&vector["answers"]), lang) {
        Ok(report) => json!({ "report": plain(&report) }),
        Err(error) => {
            let problems = js_sys::Reflect::get(&error, &"problems".into()).unwrap();
            json!({ "problems": plain(&problems) })
        }
    }
}

#[wasm_bindgen_test]
fn vectors_give_the_native_reports() {
    let mut checked = 0;
    for file in VECTORS
        .files()
        .filter(|file| file.path().extension().is_some_and(|ext| ext == "json"))
    {
        let vector: Value = serde_json::from_str(file.contents_utf8().unwrap()).unwrap();
        let expected = numbers_as_doubles(vector["expect"].clone());
        assert_eq!(numbers_as_doubles(run(&vector)), expected, "{}", file.path().display());
        checked += 1;
    }
    assert!(checked >= 10, "expected the shared vectors, found {checked}");
}
