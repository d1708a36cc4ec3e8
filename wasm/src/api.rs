//! The scoring API for JavaScript (cargo feature `api`): the core's
//! validation and scoring with plain objects in and out, for web developers
//! who build their own interface or score on a Node server.
//!
//! It is a feature because it embeds the built-in questionnaire (about 47 KB)
//! in the module, which the widget does not need: the widget fetches only
//! the visitor's language.
//!
//! A `questionnaire` argument is `undefined` (the built-in one), a JSON
//! string, or an object. Problems come back as a thrown `Error` whose
//! `problems` property lists `{path, message, hint}` for each.

use readiness_core::{share, Lang, Problem, Questionnaire, BUILTIN_JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Turns core problems into one JS `Error` with a readable message and the
/// structured list in `problems`.
fn problems_error(what: &str, problems: &[Problem]) -> JsValue {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let error = js_sys::Error::new(&format!("{what}:\n{}", lines.join("\n")));
    let list = serde_wasm_bindgen::to_value(problems).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &list);
    error.into()
}

fn json_text(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => js_sys::JSON::stringify(value)
            .map(String::from)
            .map_err(|_| js_sys::Error::new("expected a JSON string or a plain object").into()),
    }
}

fn questionnaire(value: &JsValue) -> Result<Questionnaire, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Questionnaire::builtin().clone());
    }
    Questionnaire::from_json(&json_text(value)?).map_err(|problems| problems_error("invalid questionnaire", &problems))
}

fn lang(tag: Option<String>) -> Lang {
    tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En)
}

fn answers(q: &Questionnaire, value: &JsValue) -> Result<readiness_core::Answers, JsValue> {
    let text = format!("{{\"answers\":{}}}", json_text(value)?);
    q.read_response(&text)
        .map(|response| response.answers)
        .map_err(|problems| problems_error("invalid answers", &problems))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Maps become plain objects, as JSON.parse would make them.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(Into::into)
}

/// The built-in questionnaire as a plain object.
#[wasm_bindgen(js_name = builtinQuestionnaire)]
pub fn builtin_questionnaire() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(BUILTIN_JSON)
}

/// Checks a questionnaire; throws an `Error` with `problems` if it is
/// invalid, else returns its `{id, version, languages, questions}`.
#[wasm_bindgen]
pub fn validate(questionnaire_: JsValue) -> Result<JsValue, JsValue> {
    let q = questionnaire(&questionnaire_)?;
    #[derive(Serialize)]
    struct Summary<'a> {
        id: &'a str,
        version: &'a str,
        languages: &'a [Lang],
        questions: usize,
    }
    to_js(&Summary {
        id: &q.id,
        version: &q.version,
        languages: &q.languages,
        questions: q.questions().count(),
    })
}

/// Scores `answers` (`{"<question id>": 0..4 | "dont-know" |
/// "not-applicable"}`) to the report the CLI and the widget produce.
#[wasm_bindgen]
pub fn score(questionnaire_: JsValue, answers_: JsValue, lang_: Option<String>) -> Result<JsValue, JsValue> {
    let q = questionnaire(&questionnaire_)?;
    let answers = answers(&q, &answers_)?;
    let report = q
        .score(&answers, lang(lang_))
        .map_err(|problems| problems_error("invalid answers", &problems))?;
    to_js(&report)
}

/// The questions in one language, in order, for building your own form.
#[wasm_bindgen]
pub fn questions(questionnaire_: JsValue, lang_: Option<String>) -> Result<JsValue, JsValue> {
    let q = questionnaire(&questionnaire_)?;
    let lang = q.language(lang(lang_));
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Item<'a> {
        id: &'a str,
        factor_id: &'a str,
        factor: &'a str,
        title: &'a str,
        prompt: &'a str,
        help: Option<&'a str>,
        options: Vec<&'a str>,
        allow_not_applicable: bool,
    }
    let items: Vec<Item<'_>> = q
        .questions()
        .map(|(f, question)| Item {
            id: &question.id,
            factor_id: &q.factors[f].id,
            factor: q.factors[f].name.get(lang),
            title: question.title.get(lang),
            prompt: question.prompt.get(lang),
            help: question.help.as_ref().map(|help| help.get(lang)),
            options: question.options.iter().map(|option| option.text.get(lang)).collect(),
            allow_not_applicable: question.allow_not_applicable,
        })
        .collect();
    to_js(&items)
}

/// The share code for answers: put it after `#readiness=` in a link.
#[wasm_bindgen(js_name = encodeShare)]
pub fn encode_share(questionnaire_: JsValue, answers_: JsValue) -> Result<String, JsValue> {
    let q = questionnaire(&questionnaire_)?;
    Ok(share::encode(&q, &answers(&q, &answers_)?))
}

/// The answers in a share code; throws if the code is damaged or for
/// another questionnaire or version.
#[wasm_bindgen(js_name = decodeShare)]
pub fn decode_share(questionnaire_: JsValue, code: &str) -> Result<JsValue, JsValue> {
    let q = questionnaire(&questionnaire_)?;
    let answers = share::decode(&q, code).map_err(|error| JsValue::from(js_sys::Error::new(&error.to_string())))?;
    to_js(&answers)
}
