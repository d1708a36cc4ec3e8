//! The one-shot commands: `questionnaire`, `validate`, `upgrade`, `pack`,
//! `score`, `schema`.

use std::path::Path;

use readiness_core::json::Value;
use readiness_core::{Lang, Questionnaire, BUILTIN_JSON, FORMAT_VERSION, SCHEMA};

use crate::args::ScoreFormat;
use crate::failure::{problem_lines, Failure};
use crate::input;
use crate::paths::display_name;
use crate::print::{pretty, print, WithRespondent};
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

pub fn score(
    path: &Path,
    questionnaire: Option<&Path>,
    lang: Lang,
    group: Option<&str>,
    format: ScoreFormat,
) -> Result<(), Failure> {
    let q = input::questionnaire(questionnaire)?;
    if let Some(group) = group {
        // Before the answers are read: a mistyped group is a usage error.
        known_group(&q, questionnaire, group)?;
    }
    let text = input::read_text(path)?;
    let response = q
        .read_response(&text)
        .map_err(|problems| Failure::problems(path, &problems))?;
    let mut report = q
        .score(&response.answers, lang)
        .map_err(|problems| Failure::problems(path, &problems))?;
    // With everyone (`None`) or the group: said here rather than left to
    // what `score` compares with by default.
    q.benchmark(&mut report, group);
    let respondent = response.respondent.as_deref();
    match format {
        ScoreFormat::Json => print(&pretty(&WithRespondent {
            respondent,
            report: &report,
        })),
        ScoreFormat::Text => print(&text::render(&report, respondent, Style::for_stdout())),
    }
}

/// `group`, when it is the id of a group of the questionnaire's benchmarks:
/// the core compares with everyone when it is not, which would answer a
/// typo with the wrong comparison.
fn known_group(q: &Questionnaire, path: Option<&Path>, group: &str) -> Result<(), Failure> {
    let name = match path {
        Some(path) => display_name(path),
        None => "the built-in questionnaire".to_owned(),
    };
    let Some(benchmarks) = &q.benchmarks else {
        return Err(Failure::Usage(format!(
            "--group {group}: {name} has no benchmarks to compare with; `readiness benchmark` makes them from responses"
        )));
    };
    let ids: Vec<&str> = benchmarks.groups.iter().map(|g| g.id.as_str()).collect();
    if ids.contains(&group) {
        return Ok(());
    }
    Err(Failure::Usage(if ids.is_empty() {
        format!(
            "--group {group}: the benchmarks of {name} have no groups (`readiness benchmark --by COLUMN` makes them); drop --group to compare with everyone"
        )
    } else {
        format!(
            "--group {group}: the benchmarks of {name} have no group `{group}`; {}",
            readiness_core::suggest(group, &ids)
        )
    }))
}

pub fn schema() -> Result<(), Failure> {
    print(SCHEMA)
}
