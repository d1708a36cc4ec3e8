//! Runs the shared test vectors in `tests/vectors/` natively. The wasm crate
//! runs the same files in a browser, so both must produce the same reports.
//!
//! `UPDATE_EXPECT=1 cargo test -p readiness-core --test vectors` rewrites
//! each vector's `expect` from what the code produces now: review the diff.

use std::path::{Path, PathBuf};

use readiness_core::{Lang, Questionnaire};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// What the core makes of one vector: `{"report": …}` or `{"problems": […]}`.
fn run(vector: &Value) -> Value {
    let questionnaire = match &vector["questionnaire"] {
        Value::String(name) if name == "builtin" => Ok(Questionnaire::builtin().clone()),
        Value::String(name) => {
            let path = root().join("tests/questionnaires").join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Questionnaire::from_json(&text)
        }
        Value::Null => Questionnaire::from_json(vector["questionnaireText"].as_str().expect("questionnaireText")),
        inline => Questionnaire::from_json(&inline.to_string()),
    };
    let lang = Lang::from_tag(vector["lang"].as_str().unwrap_or("en")).expect("lang is a language code");
    let result = questionnaire.and_then(|questionnaire| {
        let answers = json!({ "answers": vector["answers"] }).to_string();
        let response = questionnaire.read_response(&answers)?;
        questionnaire.score(&response.answers, lang)
    });
    match result {
        Ok(report) => json!({ "report": report }),
        Err(problems) => json!({ "problems": problems }),
    }
}

#[test]
fn vectors() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/vectors"))
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "expected the shared vectors, found {}", paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable vector");
        let mut vector: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let actual = run(&vector);
        if update {
            vector["expect"] = actual;
            std::fs::write(
                path,
                serde_json::to_string_pretty(&vector).expect("serialisable") + "\n",
            )
            .expect("writable");
        } else if vector["expect"] != actual {
            failures.push(format!(
                "{}\n  expected: {}\n  actual:   {}",
                path.display(),
                vector["expect"],
                actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors differ (UPDATE_EXPECT=1 to accept):\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
    println!("{} vectors passed", paths.len());
}
