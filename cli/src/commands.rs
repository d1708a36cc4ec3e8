//! The one-shot commands: `questionnaire`, `validate`, `upgrade`, `pack`,
//! `score`, `schema`.

use std::path::Path;

use readiness_core::json::Value;
use readiness_core::{Lang, Questionnaire, BUILTIN_JSON, FORMAT_VERSION, SCHEMA};

use crate::args::ScoreFormat;
use crate::failure::{problem_lines, Failure};
use crate::input;
use crate::paths::display_name;
use crate::print::{print, WithRespondent};
use crate::style::Style;
use crate::text;

pub fn questionnaire(lang: Option<Lang>) -> Result<(), Failure> {
    match lang {
        // The shipped file, byte for byte: its layout and key order are the
        // template a marketer edits.
        None => print(BUILTIN_JSON),
        Some(lang) => print(&pretty(
            &Questionnaire::builtin().only(declared(Questionnaire::builtin(), lang)?),
        )),
    }
}

/// `lang`, when the questionnaire has texts in it: one language's file or
/// pack of a language it lacks would silently be another's.
fn declared(q: &Questionnaire, lang: Lang) -> Result<Lang, Failure> {
    if q.languages.contains(&lang) {
        return Ok(lang);
    }
    let languages: Vec<String> = q.languages.iter().map(|lang| lang.code()).collect();
    Err(Failure::Usage(format!(
        "the questionnaire has no texts in `{lang}`; its languages are {}",
        languages.join(", ")
    )))
}

pub fn validate(path: &Path, strict: bool) -> Result<(), Failure> {
    let text = input::read_text(path)?;
    match Questionnaire::from_json(&text) {
        Ok(q) => {
            let questions = q.questions().count();
            let languages: Vec<String> = q.languages.iter().map(|lang| lang.code()).collect();
            let mut summary = format!(
                "{}: valid questionnaire `{}` version {}: {} factors, {questions} questions, {} levels, {} caps, languages {}, about {} min to answer\n",
                display_name(path),
                q.id,
                q.version,
                q.factors.len(),
                q.levels.len(),
                q.caps.len(),
                languages.join(", "),
                q.minutes(q.languages[0]),
            );
            if let Some(old) = older_format(&text) {
                summary.push_str(&format!(
                    "{}: note: format version {old}, read as version {FORMAT_VERSION}; \
                     `readiness upgrade {}` prints it in version {FORMAT_VERSION}, where each answer step \
                     has its own advice (write a distinct next step for each)\n",
                    display_name(path),
                    path.display(),
                ));
            }
            let lints = q.lints();
            for lint in &lints {
                summary.push_str(&format!("{}: warning: {lint}\n", display_name(path)));
            }
            if !lints.is_empty() {
                summary.push_str(&format!(
                    "{}: {} {}\n",
                    display_name(path),
                    lints.len(),
                    if lints.len() == 1 { "warning" } else { "warnings" }
                ));
            }
            print(&summary)?;
            if strict && !lints.is_empty() {
                return Err(Failure::Invalid(vec![format!(
                    "{}: --strict: warnings fail the check",
                    display_name(path)
                )]));
            }
            Ok(())
        }
        Err(problems) => {
            let mut lines = problem_lines(path, &problems);
            lines.push(format!(
                "{}: {} {}",
                display_name(path),
                problems.len(),
                if problems.len() == 1 { "problem" } else { "problems" }
            ));
            Err(Failure::Invalid(lines))
        }
    }
}

/// Prints a valid questionnaire in the current format version.
pub fn upgrade(path: &Path) -> Result<(), Failure> {
    let text = input::read_text(path)?;
    let q = Questionnaire::from_json(&text).map_err(|problems| Failure::problems(path, &problems))?;
    print(&pretty(&q))
}

/// Prints a questionnaire's pack in `lang` (the built-in one without a file).
pub fn pack(path: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    let q = input::questionnaire(path)?;
    print(&q.pack(declared(&q, lang)?))
}

/// The file's format version, when it is older than the current one.
fn older_format(text: &str) -> Option<u32> {
    let Ok(Value::Object(fields)) = readiness_core::json::parse(text) else {
        return None;
    };
    fields.iter().find_map(|(key, value)| match value {
        Value::Number(n) if key == "formatVersion" && *n < f64::from(FORMAT_VERSION) => Some(*n as u32),
        _ => None,
    })
}

pub fn score(path: &Path, questionnaire: Option<&Path>, lang: Lang, format: ScoreFormat) -> Result<(), Failure> {
    let q = input::questionnaire(questionnaire)?;
    let text = input::read_text(path)?;
    let response = q
        .read_response(&text)
        .map_err(|problems| Failure::problems(path, &problems))?;
    let report = q
        .score(&response.answers, lang)
        .map_err(|problems| Failure::problems(path, &problems))?;
    let respondent = response.respondent.as_deref();
    match format {
        ScoreFormat::Json => print(&pretty(&WithRespondent {
            respondent,
            report: &report,
        })),
        ScoreFormat::Text => print(&text::render(&report, respondent, Style::for_stdout())),
    }
}

pub fn schema() -> Result<(), Failure> {
    print(SCHEMA)
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    // Serialising our own types to a String cannot fail: every map key is
    // a string and no Serialize impl returns an error.
    let mut json = serde_json::to_string_pretty(value).expect("reports serialise to JSON");
    json.push('\n');
    json
}
