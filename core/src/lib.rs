//! The social media strategy readiness model.
//!
//! An organisation answers a [`Questionnaire`] (four factors from the
//! article "Mengembangkan strategi media sosial: empat faktor untuk
//! dipertimbangkan"); scoring turns its [`Answers`] into a [`Report`]: a
//! score from 0 to 100 per factor and overall, a named level, the caps that
//! held the level down, recommendations ranked by how much they would raise
//! the score, and strengths.
//!
//! ```
//! use readiness_core::{Answer, Answers, Lang, Questionnaire};
//!
//! let questionnaire = Questionnaire::builtin();
//! let mut answers = Answers::new();
//! for (_, question) in questionnaire.questions() {
//!     answers.insert(question.id.clone(), Answer::Value(3));
//! }
//! let report = questionnaire.score(&answers, Lang::EN).unwrap();
//! assert_eq!(report.overall.score.value(), 75.0);
//! assert_eq!(report.overall.level.id, "established");
//! ```
//!
//! A questionnaire of your own is read with [`Questionnaire::from_json`],
//! which reports every [`Problem`] at once, each with its path and a hint.
//! The file format is described in `docs/format.md`, and its JSON Schema is
//! [`SCHEMA`]. Nothing here panics on bad input, touches the network, the
//! clock or storage: the same code runs natively and in the browser.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod answers;
#[cfg(feature = "benchmarks")]
pub mod benchmark;
mod decode;
mod evaluate;
pub mod json;
mod lang;
mod lint;
pub mod pack;
mod problem;
mod questionnaire;
mod recommend;
mod report;
mod score;
pub mod share;
mod sort;
pub mod team;
mod validate;

use std::sync::OnceLock;

pub use answers::{Answer, Answers, Response};
pub use evaluate::{Scores, Sheet};
pub use lang::{Lang, Text};
pub use lint::MAX_MINUTES;
pub use problem::{decimal, shorten, suggest, Problem};
#[cfg(feature = "benchmarks")]
pub use questionnaire::Benchmarks;
pub use questionnaire::{AnswerOption, Cap, Factor, Level, Question, Questionnaire, FORMAT_VERSION, SCALE};
pub use report::{
    AppliedCap, Benchmark, FactorResult, LevelRef, NextLevel, Overall, QuestionnaireRef, Recommendation, Report, Score,
    Strength,
};

/// The built-in questionnaire's file, as shipped.
pub const BUILTIN_JSON: &str = include_str!("../questionnaires/social-media-strategy.json");

/// The JSON Schema of the questionnaire format (generated from the types;
/// `cargo test` fails when it is stale).
pub const SCHEMA: &str = include_str!("../questionnaire.schema.json");

impl Questionnaire {
    /// The built-in social media strategy questionnaire.
    pub fn builtin() -> &'static Questionnaire {
        static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // A test proves the shipped file valid; a broken build of it
            // would fail there, long before a user could reach this.
            Questionnaire::from_json(BUILTIN_JSON)
                .unwrap_or_else(|problems| panic!("built-in questionnaire: {problems:?}"))
        })
    }

    /// Reads and validates a questionnaire, reporting every problem at once.
    pub fn from_json(text: &str) -> Result<Questionnaire, Vec<Problem>> {
        let value = problem::parse_json(text)?;
        Questionnaire::from_value(&value)
    }

    /// Like [`Questionnaire::from_json`], from an already parsed value.
    pub fn from_value(value: &json::Value) -> Result<Questionnaire, Vec<Problem>> {
        let mut reader = problem::Reader::default();
        let questionnaire = decode::questionnaire(&mut reader, value);
        let mut problems = std::mem::take(&mut reader.problems);
        let decoding = problems.len();
        validate::questionnaire(&mut reader, &questionnaire);
        // A value that failed to decode has a stand-in that validation may
        // flag again; report each place once, with the decoding problem.
        for problem in reader.problems {
            if !problems[..decoding]
                .iter()
                .any(|earlier| within(&problem.path, &earlier.path))
            {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(questionnaire)
        } else {
            Err(problems)
        }
    }

    /// Scores answers to this questionnaire, with texts in `lang` (or the
    /// questionnaire's first language if it lacks `lang`). Fails, listing
    /// every problem, if an answer names an unknown question or gives "not
    /// applicable" where the question does not allow it.
    pub fn score(&self, answers: &Answers, lang: Lang) -> Result<Report, Vec<Problem>> {
        score::score(self, answers, lang)
    }

    /// The report of answers that are known to fit this questionnaire
    /// because they came from it: its own inputs, a share code or saved
    /// progress decoded with [`share::decode`]. It skips the checks
    /// [`Questionnaire::score`] makes (and their messages, which the widget
    /// would otherwise carry): an id the questionnaire lacks is ignored, and
    /// "not applicable" counts as such wherever it is given.
    pub fn report(&self, answers: &Answers, lang: Lang) -> Report {
        score::report(self, answers, lang)
    }

    /// Reads an answers file (see [`Answers::from_json`]) and checks it
    /// against this questionnaire, listing every problem at once: values of
    /// the wrong type, unknown question ids, "not applicable" where it is
    /// not allowed.
    pub fn read_response(&self, text: &str) -> Result<Response, Vec<Problem>> {
        let value = problem::parse_json(text)?;
        self.read_response_value(&value)
    }

    /// Like [`Questionnaire::read_response`], from an already parsed value:
    /// for a caller that takes a field of its own out first (`readiness
    /// benchmark --by`, whose group field an answers file does not have).
    pub fn read_response_value(&self, value: &json::Value) -> Result<Response, Vec<Problem>> {
        let mut reader = problem::Reader::default();
        let response = Response::read(&mut reader, value);
        let mut problems = reader.problems;
        problems.extend(score::check(self, &response.answers));
        if problems.is_empty() {
            Ok(response)
        } else {
            Err(problems)
        }
    }

    /// The index of a question in questionnaire order, for a [`Sheet`].
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions().position(|(_, question)| question.id == id)
    }

    /// The index of the level a score is at, before caps: the highest level
    /// whose `min` the score reaches.
    pub fn level_of(&self, score: Score) -> usize {
        evaluate::level_index(self, score)
    }

    /// An answer sheet with every question unanswered.
    pub fn sheet(&self) -> Sheet {
        Sheet::new(self, &Answers::new())
    }

    /// The numbers of a report, without texts or recommendations: the
    /// fast path for bulk scoring. Fails if a sheet gives "not applicable"
    /// where a question does not allow it.
    pub fn scores(&self, sheet: &Sheet) -> Result<Scores, Vec<Problem>> {
        let problems = score::check_sheet(self, sheet);
        if !problems.is_empty() {
            return Err(problems);
        }
        let evaluation = evaluate::evaluate(self, sheet);
        Ok(Scores {
            overall: evaluation.overall,
            level: evaluation.level,
            factors: evaluation.factors,
        })
    }

    /// This questionnaire with the texts of one language only: what a
    /// visitor in that language needs to download.
    pub fn only(&self, lang: Lang) -> Questionnaire {
        let mut copy = self.clone();
        let lang = copy.language(lang);
        copy.languages = vec![lang];
        copy.for_each_text(|text| {
            *text = text
                .exact(lang)
                .map_or_else(Text::default, |kept| Text::one(lang, kept.to_owned()));
        });
        copy
    }

    fn for_each_text(&mut self, mut visit: impl FnMut(&mut Text)) {
        visit(&mut self.title);
        visit(&mut self.intro);
        for level in &mut self.levels {
            visit(&mut level.name);
            visit(&mut level.description);
        }
        for factor in &mut self.factors {
            visit(&mut factor.name);
            if let Some(short) = &mut factor.short_name {
                visit(short);
            }
            visit(&mut factor.description);
            for question in &mut factor.questions {
                visit(&mut question.title);
                visit(&mut question.prompt);
                if let Some(help) = &mut question.help {
                    visit(help);
                }
                for option in &mut question.options {
                    visit(&mut option.text);
                    if let Some(advice) = &mut option.advice {
                        visit(advice);
                    }
                }
            }
        }
        for cap in &mut self.caps {
            match cap {
                Cap::AnswerBelow { reason, .. } | Cap::WeakestFactor { reason, .. } => visit(reason),
            }
        }
        #[cfg(feature = "benchmarks")]
        if let Some(benchmarks) = &mut self.benchmarks {
            visit(&mut benchmarks.label);
            for group in &mut benchmarks.groups {
                visit(&mut group.name);
            }
        }
    }
}

/// Whether `path` is `parent` or lies inside it.
fn within(path: &str, parent: &str) -> bool {
    parent.is_empty()
        || path
            .strip_prefix(parent)
            .is_some_and(|rest| matches!(rest.bytes().next(), None | Some(b'.' | b'[')))
}
