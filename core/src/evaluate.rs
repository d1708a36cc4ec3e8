//! The scoring engine: answers in questionnaire order -> factor scores ->
//! overall score -> level -> caps, with no texts. The rules (stated with a
//! worked example in `docs/scoring.md`):
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
use crate::questionnaire::{Cap, Questionnaire};
use crate::report::Score;

/// Answers laid out in questionnaire order, one slot per question: the
/// fast path for scoring many responses (see [`Questionnaire::scores`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub(crate) slots: Vec<Option<Answer>>,
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
pub(crate) fn offsets(q: &Questionnaire) -> Vec<usize> {
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
    let mut mean = WeightedMean::default();
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
        mean.add(question.weight, earned);
    }
    // Validation guarantees each factor a question that counts.
    mean.value()
}

/// The raw overall score from raw factor scores.
pub(crate) fn overall_raw(q: &Questionnaire, factors: &[f64]) -> f64 {
    let mut mean = WeightedMean::default();
    for (factor, raw) in q.factors.iter().zip(factors) {
        mean.add(factor.weight, *raw);
    }
    mean.value()
}

/// Σ(weight × value) / Σ(weight), summed in the order given (so every
/// platform gets the same digits); 0 when nothing was added.
#[derive(Default)]
struct WeightedMean {
    points: f64,
    weights: f64,
}

impl WeightedMean {
    fn add(&mut self, weight: f64, value: f64) {
        self.points += weight * value;
        self.weights += weight;
    }

    fn value(&self) -> f64 {
        if self.weights > 0.0 {
            self.points / self.weights
        } else {
            0.0
        }
    }
}

pub(crate) fn level_index(q: &Questionnaire, score: Score) -> usize {
    q.levels
        .iter()
        .rposition(|level| score.value() >= level.min)
        .unwrap_or(0)
}
