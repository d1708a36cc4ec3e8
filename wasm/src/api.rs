//! The scoring API for JavaScript (cargo feature `api`): the core's
//! validation and scoring with plain objects in and out, for web developers
//! who build their own interface or score on a Node server. The npm package
//! `readiness-check` (`scripts/build-npm.sh`) is built from it.
//!
//! It is a feature because it embeds the built-in questionnaire (about 47 KB)
//! in the module, which the widget does not need: the widget fetches only
//! the visitor's language.
//!
//! A `questionnaire` argument is `undefined` (the built-in one), a JSON
//! string, or an object. Problems come back as a thrown `Error` whose
//! `problems` property lists `{path, message, hint}` for each.
//!
//! The TypeScript declarations are generated too: each function names its
//! types below (`unchecked_param_type`, `unchecked_return_type`), the shapes
//! of the questionnaire and of the report (with its answers) come from the
//! core's JSON Schemas, generated from the Rust types (`npm/questionnaire.d.ts`
//! and `npm/report.d.ts`, written by `npm/gen-types.mjs`), and the few shapes
//! that are the API's own are written in `TYPES` below. `tests/npm/` checks
//! them all against real outputs.
//!
//! Not on the widget's path: the npm module is a build of its own, which
//! embeds the whole built-in questionnaire and the JSON reader anyway, so
//! the widget's size rules (docs/size.md, wasm/clippy.toml) do not apply
//! here and messages are written with `format!` and `Display`.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods, clippy::disallowed_types)]

use readiness_core::{share, Lang, Problem, Questionnaire, BUILTIN_JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const QUESTIONNAIRE_TYPES: &str = include_str!("../../npm/questionnaire.d.ts");

/// `Report` and its parts, `Answer` and `Answers`, generated from
/// `readiness_core::Report`.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../../npm/report.d.ts");

/// The TypeScript shapes of what the functions take and return that are the
/// API's own (the questionnaire's and the report's are generated, above).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Answers as `score` and `encodeShare` take them: `null` or a missing id is unanswered. */
export type AnswersInput = { readonly [questionId: string]: Answer | null | undefined };

/** A questionnaire: `undefined` or `null` for the built-in one, an object, or its JSON text. */
export type QuestionnaireInput = Questionnaire | string | null | undefined;

/**
 * A language tag: "id" or "en", or a longer tag such as "en-GB" or "in-ID".
 * Any other tag means English; a language the questionnaire lacks falls
 * back to its first language.
 */
export type LangTag = Lang | (string & {});

/** One thing wrong with an input, where it is, and what to do about it. */
export interface Problem {
  /** Where: a path such as `factors[2].questions[1].options`, or a line and column for text that is not JSON. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** What `validate`, `score`, `questions` and `encodeShare` throw for an invalid questionnaire or answers. */
export interface ProblemsError extends Error {
  /** Every problem found, not just the first. */
  problems: Problem[];
}

/** What `validate` returns for a valid questionnaire. */
export interface QuestionnaireSummary {
  id: string;
  version: string;
  languages: Lang[];
  /** How many questions it has. */
  questions: number;
}

/** One question in one language, as `questions` lists them for a form of your own. */
export interface QuestionItem {
  /** The question id: the key of its answer. */
  id: string;
  factorId: string;
  /** The factor's name. */
  factor: string;
  /** A short name for the question. */
  title: string;
  /** The question as asked. */
  prompt: string;
  /** Optional guidance shown under the prompt. */
  help: string | null;
  /** The five options' texts; the answer to `options[i]` is `i`. */
  options: string[];
  /** Whether "not-applicable" is an allowed answer. */
  allowNotApplicable: boolean;
}
"#;

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

fn read_questionnaire(value: &JsValue) -> Result<Questionnaire, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Questionnaire::builtin().clone());
    }
    Questionnaire::from_json(&json_text(value)?).map_err(|problems| problems_error("invalid questionnaire", &problems))
}

fn read_lang(tag: Option<String>) -> Lang {
    tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::EN)
}

fn read_answers(q: &Questionnaire, value: &JsValue) -> Result<readiness_core::Answers, JsValue> {
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

/// The built-in questionnaire (social media strategy readiness, in
/// Indonesian and English) as a plain object: a template for your own.
#[wasm_bindgen(js_name = builtinQuestionnaire, unchecked_return_type = "Questionnaire")]
pub fn builtin_questionnaire() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(BUILTIN_JSON)
}

/// Checks a questionnaire and summarises it. Throws a `ProblemsError`
/// listing every problem if it is invalid.
#[wasm_bindgen(unchecked_return_type = "QuestionnaireSummary")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "QuestionnaireInput")] questionnaire: JsValue,
) -> Result<JsValue, JsValue> {
    let q = read_questionnaire(&questionnaire)?;
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

/// Scores answers to the report the CLI and the widget produce, with its
/// texts in `lang` (default English). Throws a `ProblemsError` if the
/// questionnaire or the answers are invalid (an unknown question id, a value
/// out of range, "not-applicable" where the question does not allow it).
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "QuestionnaireInput")] questionnaire: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnswersInput")] answers: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangTag")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let q = read_questionnaire(&questionnaire)?;
    let answers = read_answers(&q, &answers)?;
    let report = q
        .score(&answers, read_lang(lang))
        .map_err(|problems| problems_error("invalid answers", &problems))?;
    to_js(&report)
}

/// The questions in one language (default English), in order, for building
/// a form of your own.
#[wasm_bindgen(unchecked_return_type = "QuestionItem[]")]
pub fn questions(
    #[wasm_bindgen(unchecked_param_type = "QuestionnaireInput")] questionnaire: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangTag")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let q = read_questionnaire(&questionnaire)?;
    let lang = q.language(read_lang(lang));
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

/// The share code for answers: put it after `#readiness=` in a link to the
/// page with the widget, which then opens on these answers' results.
#[wasm_bindgen(js_name = encodeShare)]
pub fn encode_share(
    #[wasm_bindgen(unchecked_param_type = "QuestionnaireInput")] questionnaire: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnswersInput")] answers: JsValue,
) -> Result<String, JsValue> {
    let q = read_questionnaire(&questionnaire)?;
    Ok(share::encode(&q, &read_answers(&q, &answers)?))
}

/// The answers in a share code; throws an `Error` if the code is damaged or
/// for another questionnaire or version.
#[wasm_bindgen(js_name = decodeShare, unchecked_return_type = "Answers")]
pub fn decode_share(
    #[wasm_bindgen(unchecked_param_type = "QuestionnaireInput")] questionnaire: JsValue,
    code: &str,
) -> Result<JsValue, JsValue> {
    let q = read_questionnaire(&questionnaire)?;
    let answers = share::decode(&q, code).map_err(|error| JsValue::from(js_sys::Error::new(&error.to_string())))?;
    to_js(&answers)
}
