//! The checked-in JSON Schema (`core/questionnaire.schema.json`) must match
//! the types. `UPDATE_EXPECT=1 cargo test -p readiness-core --test schema`
//! regenerates it.
#![cfg(feature = "schema")]

use std::path::Path;

#[test]
fn schema_is_fresh() {
    let schema = schemars::schema_for!(readiness_core::Questionnaire);
    let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaire.schema.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    assert!(
        readiness_core::SCHEMA == fresh,
        "core/questionnaire.schema.json is stale: run `UPDATE_EXPECT=1 cargo test -p readiness-core --test schema` and commit it"
    );
}
