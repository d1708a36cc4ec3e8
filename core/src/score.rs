//! Scoring: answers -> factor scores -> overall score -> level -> caps.
//!
//! The rules (stated with a worked example in `docs/scoring.md`):
//! - an answer earns its option's points (0 to 100); "don't know" and
//!   unanswered earn the bottom option's points (0); "not applicable" is
//!   left out;
//! - a factor's score is the weighted mean of its answers' points;
//! - the overall score is the weighted mean of the factor scores;
//! - scores are rounded once, half away from zero, to one decimal; levels
//!   are read from the rounded scores, so a shown score and its level never
//!   disagree;
//! - caps then lower the overall level, never the score.
//!
//! All arithmetic is IEEE-754 double precision in a fixed order, so native
//! code and WebAssembly produce the same report to the last digit.
//!
//! Loops rather than iterator chains: each chain is its own code in the
//! widget's WebAssembly, and these run a few dozen times per report.

use crate::answers::{Answer, Answers};
use crate::lang::Lang;
use crate::problem::{field_path, shorten, suggest, Problem};
use crate::questionnaire::{Cap, Questionnaire};
use crate::recommend;
use crate::report::{
    AppliedCap, FactorResult, LevelRef, NextLevel, Overall, QuestionnaireRef, Report, Score, Strength,
};

/// Answers laid out in questionnaire order, one slot per question: the
/// fast path for scoring many responses (see [`Questionnaire::scores`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    slots: Vec<Option<Answer>>,
}

impl Sheet {
    /// The answers to `q` found in `answers` (ids `q` lacks are ignored).
    pub fn new(q: &Questionnaire, answers: &Answers) -> Sheet {
        let mut slots = Vec::new();
        for factor in &q.factors {
            for question in &factor.questions {
                slots.push(answers.get(&question.id));
            }
        }
        Sheet { slots }
    }

    /// Sets the answer at a question's index in questionnaire order (see
    /// [`Questionnaire::question_index`]); an index past the end is ignored.
    pub fn set(&mut self, index: usize, answer: Option<Answer>) {
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = answer;
        }
    }

    /// Clears every answer, keeping the allocation.
    pub fn clear(&mut self) {
        self.slots.iter_mut().for_each(|slot| *slot = None);
    }

    /// The answer at a question's index.
    pub fn get(&self, index: usize) -> Option<Answer> {
        self.slots.get(index).copied().flatten()
    }
}

/// The numbers of a report without its texts: what bulk scoring needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    /// The overall score.
    pub overall: Score,
    /// The overall level's index after caps.
    pub level: usize,
    /// Each factor's score, in questionnaire order.
    pub factors: Vec<Score>,
}

/// Everything computed from a sheet before texts are attached.
pub(crate) struct Evaluation {
    pub raw: Vec<f64>,
    pub overall: Score,
    pub factors: Vec<Score>,
    pub factor_levels: Vec<usize>,
    pub uncapped: usize,
    pub level: usize,
    /// Indices into `q.caps` of the caps that lowered the level, with the
    /// level each allows.
    pub applied: Vec<(usize, usize)>,
}

/// Where each factor's questions start in a sheet.
fn offsets(q: &Questionnaire) -> Vec<usize> {
    let mut starts = Vec::with_capacity(q.factors.len());
    let mut next = 0;
    for factor in &q.factors {
        starts.push(next);
        next += factor.questions.len();
    }
    starts
}

pub(crate) fn evaluate(q: &Questionnaire, sheet: &Sheet) -> Evaluation {
    let mut raw = Vec::with_capacity(q.factors.len());
    let mut factors = Vec::with_capacity(q.factors.len());
    let mut factor_levels = Vec::with_capacity(q.factors.len());
    for (f, start) in offsets(q).into_iter().enumerate() {
        let factor = factor_raw(q, sheet, f, start, None);
        let score = Score::from_raw(factor);
        raw.push(factor);
        factors.push(score);
        factor_levels.push(level_index(q, score));
    }
    let overall = Score::from_raw(overall_raw(q, &raw));
    let uncapped = level_index(q, overall);
    let mut level = uncapped;
    let mut applied = Vec::new();
    for (c, cap) in q.caps.iter().enumerate() {
        let max = match cap {
            Cap::AnswerBelow {
                question,
                below,
                max_level,
                ..
            } => {
                let holds = match q
                    .question_index(question)
                    .and_then(|index| sheet.slots.get(index).copied())
                {
                    Some(Some(Answer::Value(value))) => value < *below,
                    Some(Some(Answer::NotApplicable)) => false,
                    _ => true,
                };
                if !holds {
                    continue;
                }
                q.levels.iter().position(|level| level.id == *max_level).unwrap_or(0)
            }
            Cap::WeakestFactor { max_levels_above, .. } => {
                factor_levels.iter().min().copied().unwrap_or(0) + usize::from(*max_levels_above)
            }
        };
        if max < uncapped {
            level = level.min(max);
            applied.push((c, max));
        }
    }
    Evaluation {
        raw,
        overall,
        factors,
        factor_levels,
        uncapped,
        level,
        applied,
    }
}

/// Checks that every answered id exists and every answer is allowed there.
pub(crate) fn check(q: &Questionnaire, answers: &Answers) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: Option<Vec<&str>> = None;
    for (id, answer) in answers.iter() {
        match q.question(id) {
            None => {
                let ids = ids.get_or_insert_with(|| q.question_ids());
                problems.push(Problem::new(
                    field_path("answers", &shorten(id)),
                    ["no question has the id `", &shorten(id), "`"].concat(),
                    suggest(id, ids),
                ));
            }
            Some(question) if answer == Answer::NotApplicable && !question.allow_not_applicable => {
                problems.push(not_applicable(id));
            }
            Some(_) => {}
        }
    }
    problems
}

/// The raw (unrounded) score of factor `f`, whose questions start at
/// `start` in the sheet, with its question `changed.0` answered
/// `changed.1` instead, if given.
pub(crate) fn factor_raw(
    q: &Questionnaire,
    sheet: &Sheet,
    f: usize,
    start: usize,
    changed: Option<(usize, Answer)>,
) -> f64 {
    let mut points = 0.0;
    let mut weights = 0.0;
    for (i, question) in q.factors[f].questions.iter().enumerate() {
        let answer = match changed {
            Some((at, answer)) if at == i => Some(answer),
            _ => sheet.get(start + i),
        };
        let earned = match answer {
            Some(Answer::NotApplicable) => continue,
            Some(Answer::Value(value)) => question.option_score(value),
            Some(Answer::DontKnow) | None => question.option_score(0),
        };
        points += question.weight * earned;
        weights += question.weight;
    }
    // Validation guarantees each factor a question that counts.
    if weights > 0.0 {
        points / weights
    } else {
        0.0
    }
}

/// The raw overall score from raw factor scores.
pub(crate) fn overall_raw(q: &Questionnaire, factors: &[f64]) -> f64 {
    let mut points = 0.0;
    let mut weights = 0.0;
    for (factor, raw) in q.factors.iter().zip(factors) {
        points += factor.weight * raw;
        weights += factor.weight;
    }
    if weights > 0.0 {
        points / weights
    } else {
        0.0
    }
}

pub(crate) fn level_index(q: &Questionnaire, score: Score) -> usize {
    q.levels
        .iter()
        .rposition(|level| score.value() >= level.min)
        .unwrap_or(0)
}

fn level_ref(q: &Questionnaire, index: usize, lang: Lang) -> LevelRef {
    let level = &q.levels[index];
    LevelRef {
        index,
        id: level.id.clone(),
        name: level.name.get(lang).to_owned(),
    }
}

/// Checks a sheet: "not applicable" only where allowed.
pub(crate) fn check_sheet(q: &Questionnaire, sheet: &Sheet) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, (_, question)) in q.questions().enumerate() {
        if sheet.get(i) == Some(Answer::NotApplicable) && !question.allow_not_applicable {
            problems.push(not_applicable(&question.id));
        }
    }
    problems
}

fn not_applicable(id: &str) -> Problem {
    Problem::new(
        field_path("answers", id),
        "this question does not allow \"not-applicable\"",
        "answer with 0 to 4, or \"dont-know\"",
    )
}

pub(crate) fn score(q: &Questionnaire, answers: &Answers, lang: Lang) -> Result<Report, Vec<Problem>> {
    let problems = check(q, answers);
    if !problems.is_empty() {
        return Err(problems);
    }
    let lang = q.language(lang);
    let sheet = Sheet::new(q, answers);
    let evaluation = evaluate(q, &sheet);
    let starts = offsets(q);

    let mut factors = Vec::with_capacity(q.factors.len());
    for (f, factor) in q.factors.iter().enumerate() {
        let slots = &sheet.slots[starts[f]..starts[f] + factor.questions.len()];
        factors.push(FactorResult {
            id: factor.id.clone(),
            name: factor.name.get(lang).to_owned(),
            short_name: factor.short().get(lang).to_owned(),
            score: evaluation.factors[f],
            level: level_ref(q, evaluation.factor_levels[f], lang),
            answered: slots.iter().filter(|answer| answer.is_some()).count(),
            total: slots.len(),
        });
    }
    let mut caps = Vec::with_capacity(evaluation.applied.len());
    for &(c, max) in &evaluation.applied {
        caps.push(AppliedCap {
            id: q.caps[c].id().to_owned(),
            rule: match q.caps[c] {
                Cap::AnswerBelow { .. } => "answerBelow",
                Cap::WeakestFactor { .. } => "weakestFactor",
            },
            max_level: level_ref(q, max, lang),
            reason: q.caps[c].reason().get(lang).to_owned(),
        });
    }

    let mut strengths = Vec::new();
    let mut missing = Vec::new();
    let (mut dont_know, mut not_applicable) = (0, 0);
    for (i, (f, question)) in q.questions().enumerate() {
        match sheet.get(i) {
            None => missing.push(question.id.clone()),
            Some(Answer::DontKnow) => dont_know += 1,
            Some(Answer::NotApplicable) => not_applicable += 1,
            Some(Answer::Value(Answer::TOP)) => strengths.push(Strength {
                question_id: question.id.clone(),
                factor_id: q.factors[f].id.clone(),
                title: question.title.get(lang).to_owned(),
                text: question.options[usize::from(Answer::TOP)].text.get(lang).to_owned(),
            }),
            Some(Answer::Value(_)) => {}
        }
    }
    let total = sheet.slots.len();
    let recommendations = recommend::rank(q, &sheet, &starts, &evaluation, lang);
    let level = evaluation.level;
    let next = q.levels.get(level + 1).map(|above| NextLevel {
        level: level_ref(q, level + 1, lang),
        points: Score::from_raw((above.min - evaluation.overall.value()).max(0.0)),
    });

    Ok(Report {
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
        },
        lang,
        complete: missing.is_empty(),
        overall: Overall {
            score: evaluation.overall,
            description: q.levels[level].description.get(lang).to_owned(),
            level: level_ref(q, level, lang),
            uncapped_level: level_ref(q, evaluation.uncapped, lang),
            caps,
            next,
        },
        factors,
        recommendations,
        strengths,
        answered: total - missing.len(),
        total,
        dont_know,
        not_applicable,
        missing,
        answers: answers.clone(),
    })
}
