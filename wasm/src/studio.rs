//! The studio's check (feature `studio`): a marketer's draft in, every
//! problem and warning out, as JSON for `www/studio/`; and its team view.
//! A module of its own, downloaded only by marketers: it carries
//! serde_json, which the widget and the validator leave out for size.

// Off the visitor's path: the widget's size rules (clippy.toml) do not
// apply here.
#![allow(clippy::disallowed_methods)]

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

/// The team view of `links` (one member a line: a share link or code, the
/// member's name before it if given, as in `Sales: https://…#readiness=…`)
/// for the questionnaire `text`, texts in `lang`:
///
/// ```json
/// { "respondents": [{ "line": 1, "name": "Sales", "ok": true },
///                   { "line": 2, "name": "", "ok": false, "reason": "…",
///                     "why": "other-questionnaire" | "other-version" | "damaged",
///                     "named": the other id or version, or "" }],
///   "count": 2, "overall": { "scores", "min", "median", "max" },
///   "factors": [{ "id", "name", "scores", "min", "median", "max" }],
///   "disagreements": [{ "id", "title", "spread", "answers" }],
///   "report": { …the combined report… } | null,
///   "problems": [ …as `studio` lists them, when the questionnaire is invalid… ] }
/// ```
///
/// (`readiness_core::Questionnaire::team`.) Lines that do not open for
/// this questionnaire are listed with the core's reason and left out.
pub fn team(text: &str, links: &str, lang: &str) -> String {
    let lang = readiness_core::Lang::from_code(lang).unwrap_or(readiness_core::Lang::EN);
    let q = match Questionnaire::from_json(text) {
        Ok(q) => q,
        Err(problems) => {
            return serde_json::to_string(
                &json!({ "problems": list("error", &problems), "respondents": [], "count": 0 }),
            )
            .unwrap_or_default()
        }
    };
    let mut respondents = Vec::new();
    let mut members = Vec::new();
    for (i, line) in links.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // The link or code is the last word; a name may come before it.
        let (name, link) = match line.rfind(char::is_whitespace) {
            Some(at) => (
                line[..at].trim().trim_end_matches([':', ',', ';', '-']).trim(),
                &line[at + 1..],
            ),
            None => ("", line),
        };
        let code = link.rsplit_once("readiness=").map_or(link, |(_, code)| code);
        let code = code.split('&').next().unwrap_or(code);
        let mut entry = json!({ "line": i + 1, "name": name });
        match readiness_core::share::decode(&q, code) {
            Ok(answers) => {
                entry["ok"] = true.into();
                members.push(answers);
            }
            Err(error) => {
                entry["ok"] = false.into();
                entry["reason"] = error.to_string().into();
                // Which reason, for a studio that words it in its own
                // language (`reason` is the core's, in English).
                let (why, named) = match &error {
                    readiness_core::share::ShareError::OtherQuestionnaire { id } => {
                        ("other-questionnaire", id.as_str())
                    }
                    readiness_core::share::ShareError::OtherVersion { version } => ("other-version", version.as_str()),
                    _ => ("damaged", ""),
                };
                entry["why"] = why.into();
                entry["named"] = named.into();
            }
        }
        respondents.push(entry);
    }
    let mut result = serde_json::to_value(q.team(&members, lang)).unwrap_or(Value::Null);
    result["respondents"] = respondents.into();
    result["problems"] = json!([]);
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
    fn team_of_links_with_names_and_a_bad_line() {
        let q = Questionnaire::builtin();
        let mut all = readiness_core::Answers::new();
        let mut none = readiness_core::Answers::new();
        for id in q.question_ids() {
            all.insert(id, readiness_core::Answer::Value(4));
            none.insert(id, readiness_core::Answer::Value(0));
        }
        let (top, bottom) = (
            readiness_core::share::encode(q, &all),
            readiness_core::share::encode(q, &none),
        );
        let tiny = Questionnaire::from_json(include_str!("../../tests/questionnaires/tiny.json")).unwrap();
        let other = readiness_core::share::encode(&tiny, &readiness_core::Answers::new());
        let links = [
            ["Sales: https://blog.example/cek#readiness=", &top].concat(),
            String::new(),
            ["IT\t", &bottom].concat(),
            ["Finance: https://blog.example/cek#readiness=", &other].concat(),
            "Legal: https://blog.example/cek#readiness=social-media-strategy@2.0.0:abc-1234".to_owned(),
        ]
        .join("\n");
        let result: Value = serde_json::from_str(&team(readiness_core::BUILTIN_JSON, &links, "en")).unwrap();
        assert_eq!(result["count"], 2);
        assert_eq!(
            result["respondents"][0],
            json!({ "line": 1, "name": "Sales", "ok": true })
        );
        assert_eq!(result["respondents"][1], json!({ "line": 3, "name": "IT", "ok": true }));
        assert_eq!(result["respondents"][2]["ok"], false);
        assert_eq!(result["respondents"][2]["why"], "other-questionnaire");
        assert_eq!(result["respondents"][2]["named"], "tiny");
        assert_eq!(result["respondents"][3]["why"], "damaged");
        assert_eq!(result["respondents"][2]["line"], 4);
        assert_eq!(result["overall"]["scores"], json!([100.0, 0.0]));
        assert_eq!(result["overall"]["median"], 50.0);
        assert_eq!(result["disagreements"].as_array().unwrap().len(), 8);
        assert_eq!(result["disagreements"][0]["answers"], json!(["4", "0"]));
        assert!(result["report"]["recommendations"].is_array());
        let invalid: Value = serde_json::from_str(&team("{}", &links, "en")).unwrap();
        assert_eq!(invalid["count"], 0);
        assert_eq!(invalid["problems"][0]["severity"], "error");
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
