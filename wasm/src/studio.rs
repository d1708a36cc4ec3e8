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

/// Benchmarks made from responses (`readiness benchmark` in the browser):
/// `responses` is a JSON array the studio read from a CSV or JSON Lines
/// export, `[{ "line": 2, "group": "Sales" | null, "answers": { "<question
/// id>": 0..4 | "0".."4" | "dont-know" | "not-applicable" | "" } }]`;
/// `label` the label per language (`{ "en": "{n} responses, 2026" }`,
/// `{n}` standing for the count of responses).
///
/// ```json
/// { "benchmarks": { …the section… } | null, "count": 998, "incomplete": 2,
///   "bad": [{ "line": 5, "problems": ["…"] }],
///   "leftOut": [{ "name": "Legal", "count": 3 }], "minCount": 10,
///   "preview": [{ "name": the label, then each group's name, "count": 998,
///                 "ahead": [[25, 8], [50, 41], [75, 83]] }],
///   "problems": [ …as `studio` lists them, when the questionnaire is invalid… ] }
/// ```
///
/// The numbers are the CLI's for the same responses: each is scored by the
/// core, only complete ones count, and groups under `min_count` are left
/// out (no benchmark may single out a respondent).
pub fn benchmark(text: &str, responses: &str, min_count: u32, label: &str) -> String {
    use readiness_core::benchmark::{percentile, Builder};
    use readiness_core::{Answer, Lang, Score, Text};

    let q = match Questionnaire::from_json(text) {
        Ok(q) => q,
        Err(problems) => {
            return serde_json::to_string(&json!({ "problems": list("error", &problems), "benchmarks": null }))
                .unwrap_or_default()
        }
    };
    let responses: Vec<Value> = serde_json::from_str(responses).unwrap_or_default();
    let mut builder = Builder::new(&q);
    let (mut count, mut incomplete) = (0u32, 0u32);
    let mut bad = Vec::new();
    for response in &responses {
        let line = response["line"].as_u64().unwrap_or(0);
        let mut sheet = q.sheet();
        let mut problems = Vec::new();
        if let Some(answers) = response["answers"].as_object() {
            for (id, value) in answers {
                let code = match value {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.trim().to_owned(),
                    _ => String::new(),
                };
                if code.is_empty() {
                    continue;
                }
                match (q.question_index(id), Answer::from_code(&code)) {
                    (None, _) => problems.push(["no question has the id `", id, "`"].concat()),
                    (_, None) => problems.push(
                        [
                            "`",
                            id,
                            "`: `",
                            &code,
                            "` is not an answer; write 0 to 4, dont-know or not-applicable",
                        ]
                        .concat(),
                    ),
                    (Some(index), answer) => sheet.set(index, answer),
                }
            }
        }
        let scores = match q.scores(&sheet) {
            Ok(scores) if problems.is_empty() => scores,
            Ok(_) => {
                bad.push(json!({ "line": line, "problems": problems }));
                continue;
            }
            Err(found) => {
                problems.extend(found.iter().map(ToString::to_string));
                bad.push(json!({ "line": line, "problems": problems }));
                continue;
            }
        };
        if (0..q.questions().count()).any(|i| sheet.get(i).is_none()) {
            incomplete += 1;
            continue;
        }
        count += 1;
        builder.add(&scores, response["group"].as_str());
    }
    // The label per language, `{n}` standing for the count; a language
    // the studio gave none for takes the first one given.
    let texts = serde_json::from_str::<serde_json::Map<String, Value>>(label).unwrap_or_default();
    let first = texts.values().find_map(Value::as_str).unwrap_or("{n}");
    let n = readiness_core::decimal(count.into());
    let label: Vec<(Lang, String)> = q
        .languages
        .iter()
        .map(|&lang| {
            let text = texts.get(&lang.code()).and_then(Value::as_str).unwrap_or(first);
            (lang, text.trim().replace("{n}", &n))
        })
        .collect();
    let label = Text::new(
        &label
            .iter()
            .map(|(lang, text)| (*lang, text.as_str()))
            .collect::<Vec<_>>(),
    );
    let made = builder.finish(&q, label, min_count);
    let mut preview = Vec::new();
    if let Some(b) = &made.benchmarks {
        let lang = q.languages[0];
        let mut populations = vec![(b.label.get(lang).to_owned(), b.count, &b.overall)];
        populations.extend(
            b.groups
                .iter()
                .map(|g| (g.name.get(lang).to_owned(), g.count, &g.overall)),
        );
        for (name, count, bins) in populations {
            let ahead: Vec<Value> = [25, 50, 75]
                .into_iter()
                .map(|points| json!([points, percentile(bins, count, Score::from_tenths(points * 10))]))
                .collect();
            preview.push(json!({ "name": name, "count": count, "ahead": ahead }));
        }
    }
    let left_out: Vec<Value> = made
        .left_out
        .iter()
        .map(|(name, count)| json!({ "name": name, "count": count }))
        .collect();
    serde_json::to_string(&json!({
        "problems": [],
        "benchmarks": made.benchmarks,
        "count": made.count,
        "incomplete": incomplete,
        "bad": bad,
        "leftOut": left_out,
        "minCount": min_count,
        "preview": preview,
    }))
    .unwrap_or_default()
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
    fn benchmarks_from_responses_leave_out_small_groups_and_name_bad_lines() {
        let tiny = include_str!("../../tests/questionnaires/tiny.json");
        let mut responses = Vec::new();
        for i in 0..30u64 {
            let value = i % 5;
            let answers = json!({ "a-one": value, "a-two": value.to_string(), "a-three": "dont-know",
                                  "b-one": 4 - value, "b-sponsor": value });
            let group = if i < 25 {
                ["Sales", "IT"][i as usize % 2]
            } else {
                "Legal"
            };
            responses.push(json!({ "line": i + 2, "group": group, "answers": answers }));
        }
        responses.push(json!({ "line": 40, "group": "IT", "answers": { "a-one": 9 } }));
        responses.push(json!({ "line": 41, "group": "IT", "answers": { "a-one": 2 } }));
        let responses = serde_json::to_string(&responses).unwrap();
        let label = r#"{"en": "{n} teams, 2026", "id": "{n} tim, 2026"}"#;
        let result: Value = serde_json::from_str(&benchmark(tiny, &responses, 10, label)).unwrap();
        assert_eq!(result["count"], 30);
        assert_eq!(result["incomplete"], 1);
        assert_eq!(result["bad"][0]["line"], 40);
        assert_eq!(result["leftOut"], json!([{ "name": "Legal", "count": 5 }]));
        let b = &result["benchmarks"];
        assert_eq!(b["label"], json!({ "id": "30 tim, 2026", "en": "30 teams, 2026" }));
        assert_eq!(b["count"], 30);
        let groups: Vec<&str> = b["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap())
            .collect();
        assert_eq!(groups, ["sales", "it"]);
        assert_eq!(
            b["overall"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .sum::<u64>(),
            30
        );
        // The file it makes reads back, and its reports compare.
        let mut q: Value = serde_json::from_str(tiny).unwrap();
        q["benchmarks"] = b.clone();
        let q = Questionnaire::from_json(&q.to_string()).unwrap();
        let report = q.report(&readiness_core::Answers::new(), readiness_core::Lang::EN);
        assert_eq!(report.overall.benchmark.unwrap().percentile, 0);
        assert_eq!(result["preview"].as_array().unwrap().len(), 3);
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
