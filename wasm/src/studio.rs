//! The studio's check (feature `studio`): a marketer's draft in, every
//! problem and warning out, as JSON for `www/studio/`. A module of its own,
//! downloaded only by marketers: it carries serde_json, which the widget
//! and the validator leave out for size.

use readiness_core::{Problem, Questionnaire};
use serde_json::{json, Value};

/// Checks `text` (a questionnaire as JSON):
///
/// ```json
/// { "problems": [{ "severity": "error" | "warning", "path", "message", "hint" }],
///   "minutes": { "id": 8, "en": 9 } | null,
///   "upgraded": null | { …the questionnaire in the current format… } }
/// ```
///
/// Errors are validation's (the widget refuses the file); warnings are the
/// lints of a valid file. `minutes` is the time estimate per declared
/// language, and `upgraded` the file rewritten when it is a valid older
/// format version.
pub fn studio(text: &str) -> String {
    let result = match Questionnaire::from_json(text) {
        Err(problems) => json!({
            "problems": list("error", &problems),
            "minutes": null,
            "upgraded": null,
        }),
        Ok(q) => {
            let minutes: serde_json::Map<String, Value> = q
                .languages
                .iter()
                .map(|lang| (lang.code().to_owned(), q.minutes(*lang).into()))
                .collect();
            let older = serde_json::from_str::<Value>(text)
                .ok()
                .and_then(|value| value.get("formatVersion").and_then(Value::as_u64))
                .is_some_and(|version| version < u64::from(readiness_core::FORMAT_VERSION));
            json!({
                "problems": list("warning", &q.lints()),
                "minutes": minutes,
                "upgraded": if older { serde_json::to_value(&q).unwrap_or(Value::Null) } else { Value::Null },
            })
        }
    };
    serde_json::to_string(&result).unwrap_or_default()
}

fn list(severity: &str, problems: &[Problem]) -> Vec<Value> {
    problems
        .iter()
        .map(|problem| {
            json!({
                "severity": severity,
                "path": problem.path,
                "message": problem.message,
                "hint": problem.hint,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Value {
        serde_json::from_str(&studio(text)).unwrap()
    }

    #[test]
    fn the_builtin_has_no_problems() {
        let result = check(readiness_core::BUILTIN_JSON);
        assert_eq!(result["problems"], json!([]));
        assert_eq!(result["upgraded"], Value::Null);
        assert!(result["minutes"]["id"].as_u64().unwrap() > 0);
    }

    #[test]
    fn errors_carry_their_path_and_hint() {
        let result = check("{\"formatVersion\": 2}");
        let first = &result["problems"][0];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["path"], "id");
        assert_eq!(first["message"], "missing field `id`");
        assert_eq!(first["hint"], "add `\"id\": …` here");
        assert_eq!(result["minutes"], Value::Null);
        let syntax = check("{\"id\": ");
        assert_eq!(syntax["problems"][0]["severity"], "error");
    }

    #[test]
    fn a_format_1_file_comes_back_upgraded_with_lints_as_warnings() {
        let tiny = include_str!("../../tests/questionnaires/tiny.json");
        let mut value: Value = serde_json::from_str(tiny).unwrap();
        value["caps"][0]["maxLevel"] = json!("l4");
        let result = check(&serde_json::to_string(&value).unwrap());
        assert_eq!(result["upgraded"]["formatVersion"], 2);
        assert!(result["upgraded"]["factors"][0]["questions"][0]["options"][0]["advice"].is_object());
        assert_eq!(result["problems"][0]["severity"], "warning");
        assert_eq!(result["problems"][0]["path"], "caps[0]");
    }
}
