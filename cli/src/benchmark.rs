//! `readiness benchmark`: the questionnaire with benchmarks made from
//! responses, so that each report says how it compares.
//!
//! The responses are read by `batch`'s sources and loop (the same formats,
//! bad lines and line numbers, in constant memory); each complete one is
//! scored on the fast path and counted by the core's [`Builder`], grouped
//! by the column or field `--by` names. What may be published (the groups
//! large enough, the label) is decided here and said on standard error.

use std::borrow::Cow;

use readiness_core::benchmark::{default_label, Builder, Made};
use readiness_core::{Lang, Questionnaire, Text};

use crate::args::BenchmarkArgs;
use crate::batch::{self, is_named, Counts, Grouping, Want};
use crate::failure::Failure;
use crate::input;
use crate::labels::labels;
use crate::paths::display_name;
use crate::print::{pretty, print};

/// More groups than this, and the column is not a grouping but something
/// nearly every respondent has alone (an e-mail address, a timestamp):
/// stopping says so, where going on would keep a tally per respondent
/// only to leave every one out.
const MAX_GROUPS: usize = 1000;

/// Runs `readiness benchmark`: prints the questionnaire with its
/// `benchmarks` section made from the responses.
pub fn run(args: &BenchmarkArgs) -> Result<(), Failure> {
    let q = input::questionnaire(args.questionnaire.path.as_deref())?;
    // The arguments are checked before a line is read: a typo in a label
    // should not cost a pass over a large file.
    let by = args.by.as_deref().map(|by| group_column(&q, by)).transpose()?;
    let given = Labels::read(&q, &args.labels)?;
    let name = display_name(&args.input);

    let mut source = batch::open(
        "benchmark",
        &args.input,
        args.input_format,
        &q,
        Want::Sheet,
        Grouping::By(by),
    )?;
    let mut entry = batch::entry(&q);
    let mut counts = Counts::default();
    let mut builder = Builder::new(&q);
    let questions = q.questions().count();
    let (mut counted, mut incomplete) = (0u32, 0u64);
    batch::stream(source.as_mut(), &mut entry, &mut counts, false, |entry| {
        let scores = match q.scores(&entry.sheet) {
            Ok(scores) => scores,
            Err(problems) => return Ok(problems.iter().map(ToString::to_string).collect()),
        };
        // An unanswered question scores as its bottom answer, which would
        // pull the distributions down with answers no one gave.
        if (0..questions).any(|at| entry.sheet.get(at).is_none()) {
            incomplete += 1;
            return Ok(Vec::new());
        }
        // The published counts are 32-bit; more responses than that is
        // not a survey this can count.
        counted = counted.checked_add(1).ok_or_else(|| {
            Failure::Invalid(vec![format!(
                "{name}: line {}: more than {} complete responses, more than a benchmark can count; benchmark a sample of them",
                entry.line,
                u32::MAX
            )])
        })?;
        builder.add(&scores, Some(&entry.group));
        if builder.groups() > MAX_GROUPS {
            return Err(Failure::Invalid(vec![format!(
                "{name}: line {}: `{}` (--by) holds more than {MAX_GROUPS} different groups, nearly one per response; group by a column many respondents share, such as a sector or a size",
                entry.line,
                by.unwrap_or_default()
            )]));
        }
        Ok(Vec::new())
    })?;
    drop(source);

    if incomplete > 0 {
        eprintln!(
            "left out {}: only responses that answer every question count (\"dont-know\" is an answer)",
            plural(incomplete, "incomplete response", "incomplete responses")
        );
    }
    if let (Some(by), 0) = (by, builder.groups()) {
        // In JSON Lines a misspelt field is no error (the header of a CSV
        // is checked): say so rather than publish no groups unremarked.
        eprintln!("note: no complete response names a group in `{by}` (--by); every response counts for everyone only");
    }
    let label = given.label(&q, counted);
    let Made {
        benchmarks,
        count,
        left_out,
    } = builder.finish(&q, label, args.min_count);
    for (group, n) in &left_out {
        eprintln!(
            "left out group `{group}`: {}, fewer than --min-count {}; no benchmark may single out a respondent",
            plural(u64::from(*n), "response", "responses"),
            args.min_count
        );
    }
    let mut closing = batch::closing_count(
        &Counts {
            scored: u64::from(count),
            ..counts
        },
        "counted",
    );
    if let (Some(_), Some(benchmarks)) = (by, &benchmarks) {
        let kept: Vec<String> = benchmarks
            .groups
            .iter()
            .map(|group| format!("{} ({})", group.id, group.count))
            .collect();
        if kept.is_empty() {
            closing.push_str("; no group kept");
        } else {
            closing.push_str(&format!("; groups kept: {}", kept.join(", ")));
        }
    }
    eprintln!("{closing}");

    let Some(benchmarks) = benchmarks else {
        return Err(Failure::Invalid(vec![format!(
            "{name}: {}, fewer than --min-count {}: benchmarks of so few could single out a respondent; collect more responses",
            plural(u64::from(count), "complete response", "complete responses"),
            args.min_count
        )]));
    };
    let mut q = Cow::into_owned(q);
    q.benchmarks = Some(benchmarks);
    print(&pretty(&q))?;
    if counts.bad > 0 {
        return Err(Failure::BadLines);
    }
    Ok(())
}

/// The column or field `--by` names, checked: not one a response already
/// has for something else.
fn group_column<'a>(q: &Questionnaire, by: &'a str) -> Result<&'a str, Failure> {
    let by = by.trim();
    if by.is_empty() {
        return Err(Failure::Usage(
            "--by is empty; name the column or field that holds each response's group, e.g. --by sector".to_owned(),
        ));
    }
    if is_named(by, "respondent") || is_named(by, "answers") {
        return Err(Failure::Usage(format!(
            "--by {by}: `{by}` is a part of every response, not a group; name the column or field that holds each response's group, e.g. --by sector"
        )));
    }
    if q.questions().any(|(_, question)| is_named(&question.id, by)) {
        return Err(Failure::Usage(format!(
            "--by {by}: `{by}` is a question of `{}`, whose answers are scored; group by a column that is not a question, e.g. --by sector",
            q.id
        )));
    }
    Ok(by)
}

/// The labels `--label` gives: one for every language, and one for each
/// language named.
struct Labels {
    every: Option<String>,
    each: Vec<(Lang, String)>,
}

impl Labels {
    /// Reads `--label TEXT` and `--label LANG=TEXT`. A `LANG=` is two
    /// letters (in any case) before the first `=`; anything else is a label
    /// as written (`Q1=…` is one).
    fn read(q: &Questionnaire, args: &[String]) -> Result<Labels, Failure> {
        let mut labels = Labels {
            every: None,
            each: Vec::new(),
        };
        for arg in args {
            let named = arg
                .split_once('=')
                .and_then(|(code, text)| Lang::from_code(&code.to_ascii_lowercase()).map(|lang| (lang, text)));
            let (lang, text) = match named {
                Some((lang, text)) => (Some(lang), text),
                None => (None, arg.as_str()),
            };
            let text = text.trim();
            if text.is_empty() {
                return Err(Failure::Usage(format!(
                    "--label {arg}: the label is empty; say who responded, e.g. --label \"240 organisations, 2026\""
                )));
            }
            let Some(lang) = lang else {
                if labels.every.is_some() {
                    return Err(Failure::Usage(
                        "--label is given twice without a language; give one label for every language, or one per language as --label LANG=TEXT".to_owned(),
                    ));
                }
                labels.every = Some(text.to_owned());
                continue;
            };
            if !q.languages.contains(&lang) {
                let languages: Vec<String> = q.languages.iter().map(|lang| lang.code()).collect();
                return Err(Failure::Usage(format!(
                    "--label {arg}: the questionnaire has no texts in `{lang}`; its languages are {}",
                    languages.join(", ")
                )));
            }
            if labels.each.iter().any(|(given, _)| *given == lang) {
                return Err(Failure::Usage(format!(
                    "--label {lang}=… is given twice; give one label per language"
                )));
            }
            labels.each.push((lang, text.to_owned()));
        }
        Ok(labels)
    }

    /// The label in each of the questionnaire's languages: the one given
    /// for it, else the one given for all, else "N responses" in its words.
    fn label(&self, q: &Questionnaire, count: u32) -> Text {
        let default = default_label(q, count, |lang| labels(lang).responses);
        let texts: Vec<(Lang, &str)> = q
            .languages
            .iter()
            .map(|&lang| {
                let given = self.each.iter().find(|(given, _)| *given == lang).map(|(_, text)| text);
                let text = given
                    .or(self.every.as_ref())
                    .map_or_else(|| default.get(lang), String::as_str);
                (lang, text)
            })
            .collect();
        Text::new(&texts)
    }
}

/// `n` and a noun in the number it needs: "1 response", "4 responses".
fn plural(n: u64, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}
