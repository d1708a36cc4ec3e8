//! The checked-in JSON Schemas must match the types:
//! `core/questionnaire.schema.json` (the questionnaire format, printed by
//! `readiness schema`) and `core/report.schema.json` (the report, from which
//! `npm/gen-types.mjs` writes the npm package's TypeScript). Regenerate both
//! with
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p readiness-core --features schema --test schema
//! node npm/gen-types.mjs
//! ```
//!
//! (core/Cargo.toml makes this test require the `schema` feature.)

use std::path::Path;

use schemars::generate::SchemaSettings;

const REGENERATE: &str =
    "regenerate with `UPDATE_EXPECT=1 cargo test -p readiness-core --features schema --test schema`, \
     then `node npm/gen-types.mjs` (the npm types), and commit the results";

/// Compares `fresh` with the checked-in `file` under core/, rewriting it
/// first when `UPDATE_EXPECT` is set.
fn check(file: &str, current: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        if current != fresh {
            std::fs::write(&path, fresh).unwrap();
        }
        return;
    }
    assert!(current == fresh, "core/{file} is stale: {REGENERATE}");
}

#[test]
fn questionnaire_schema_is_fresh() {
    let schema = schemars::schema_for!(readiness_core::Questionnaire);
    let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    check("questionnaire.schema.json", readiness_core::SCHEMA, &fresh);
}

#[test]
fn report_schema_is_fresh() {
    // The report is only ever written, so its schema describes what
    // serialising gives (every field present, `null` where empty).
    let schema = SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<readiness_core::Report>();
    let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("report.schema.json");
    let current = std::fs::read_to_string(path).unwrap_or_default();
    check("report.schema.json", &current, &fresh);
}
