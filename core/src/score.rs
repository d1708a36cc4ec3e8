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

use crate::answers::{Answer, Answers};
use crate::lang::Lang;
use crate::problem::{field_path, suggest, Problem};
use crate::questionnaire::{Cap, Questionnaire};
use crate::recommend;
use crate::report::{AppliedCap, FactorResult, LevelRef, Overall, QuestionnaireRef, Report, Score, Strength};

/// The answers laid out in questionnaire order: `answers[f][q]` is the
/// answer to question `q` of factor `f`.
pub(crate) struct Grid {
    pub answers: Vec<Vec<Option<Answer>>>,
}

impl Grid {
    fn new(q: &Questionnaire, answers: &Answers) -> Grid {
        Grid {
            answers: q
                .factors
                .iter()
                .map(|factor| {
                    factor
                        .questions
                        .iter()
                        .map(|question| answers.get(&question.id))
                        .collect()
                })
                .collect(),
        }
    }
}

/// Checks that every answered id exists and every answer is allowed there.
pub(crate) fn check(q: &Questionnaire, answers: &Answers) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: Option<Vec<&str>> = None;
    for (id, answer) in answers.iter() {
        let path = field_path("answers", id);
        match q.question(id) {
            None => {
                let ids = ids.get_or_insert_with(|| q.questions().map(|(_, question)| question.id.as_str()).collect());
                problems.push(Problem::new(
                    path,
                    format!("no question has the id `{id}`"),
                    suggest(id, ids),
                ));
            }
            Some(question) if answer == Answer::NotApplicable && !question.allow_not_applicable => {
                problems.push(Problem::new(
                    path,
                    "this question does not allow \"not-applicable\"",
                    "answer with 0 to 4, or \"dont-know\"",
                ));
            }
            Some(_) => {}
        }
    }
    problems
}

/// The raw (unrounded) score of factor `f`, with question `changed`
/// answered `answer` instead, if given.
pub(crate) fn factor_raw(q: &Questionnaire, grid: &Grid, f: usize, changed: Option<(usize, Answer)>) -> f64 {
    let mut points = 0.0;
    let mut weights = 0.0;
    for (i, question) in q.factors[f].questions.iter().enumerate() {
        let answer = match changed {
            Some((at, answer)) if at == i => Some(answer),
            _ => grid.answers[f][i],
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

fn level_index(q: &Questionnaire, score: Score) -> usize {
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

pub(crate) fn score(q: &Questionnaire, answers: &Answers, lang: Lang) -> Result<Report, Vec<Problem>> {
    let problems = check(q, answers);
    if !problems.is_empty() {
        return Err(problems);
    }
    let lang = q.language(lang);
    let grid = Grid::new(q, answers);
    let raw: Vec<f64> = (0..q.factors.len()).map(|f| factor_raw(q, &grid, f, None)).collect();
    let overall = Score::from_raw(overall_raw(q, &raw));

    let factors: Vec<FactorResult> = q
        .factors
        .iter()
        .zip(&raw)
        .zip(&grid.answers)
        .map(|((factor, raw), answers)| {
            let score = Score::from_raw(*raw);
            FactorResult {
                id: factor.id.clone(),
                name: factor.name.get(lang).to_owned(),
                score,
                level: level_ref(q, level_index(q, score), lang),
                answered: answers.iter().filter(|answer| answer.is_some()).count(),
                total: answers.len(),
            }
        })
        .collect();

    let uncapped = level_index(q, overall);
    let mut level = uncapped;
    let mut caps = Vec::new();
    for cap in &q.caps {
        let (rule, max) = match cap {
            Cap::AnswerBelow {
                question,
                below,
                max_level,
                ..
            } => {
                let holds = match answers.get(question) {
                    Some(Answer::Value(value)) => value < *below,
                    Some(Answer::NotApplicable) => false,
                    Some(Answer::DontKnow) | None => true,
                };
                let max = q.levels.iter().position(|level| level.id == *max_level).unwrap_or(0);
                if !holds {
                    continue;
                }
                ("answerBelow", max)
            }
            Cap::WeakestFactor { max_levels_above, .. } => {
                let weakest = factors.iter().map(|factor| factor.level.index).min().unwrap_or(0);
                ("weakestFactor", weakest + usize::from(*max_levels_above))
            }
        };
        if max < uncapped {
            level = level.min(max);
            caps.push(AppliedCap {
                id: cap.id().to_owned(),
                rule,
                max_level: level_ref(q, max, lang),
                reason: cap.reason().get(lang).to_owned(),
            });
        }
    }

    let mut strengths = Vec::new();
    let mut missing = Vec::new();
    let (mut dont_know, mut not_applicable) = (0, 0);
    for (f, factor) in q.factors.iter().enumerate() {
        for (i, question) in factor.questions.iter().enumerate() {
            match grid.answers[f][i] {
                None => missing.push(question.id.clone()),
                Some(Answer::DontKnow) => dont_know += 1,
                Some(Answer::NotApplicable) => not_applicable += 1,
                Some(Answer::Value(Answer::TOP)) => strengths.push(Strength {
                    question_id: question.id.clone(),
                    factor_id: factor.id.clone(),
                    title: question.title.get(lang).to_owned(),
                    text: question.options[usize::from(Answer::TOP)].text.get(lang).to_owned(),
                }),
                Some(Answer::Value(_)) => {}
            }
        }
    }
    let total = q.factors.iter().map(|factor| factor.questions.len()).sum();
    let recommendations = recommend::rank(q, &grid, &raw, overall, &caps, lang);

    Ok(Report {
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
        },
        lang,
        complete: missing.is_empty(),
        overall: Overall {
            score: overall,
            description: q.levels[level].description.get(lang).to_owned(),
            level: level_ref(q, level, lang),
            uncapped_level: level_ref(q, uncapped, lang),
            caps,
        },
        factors,
        recommendations,
        strengths,
        answered: total - missing.len(),
        total,
        dont_know,
        not_applicable,
        missing,
    })
}
