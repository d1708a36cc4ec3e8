//! The report: the engine's numbers (`evaluate.rs`) with the texts of one
//! language, the recommendations (`recommend.rs`) and the strengths; and
//! the checks that answers fit the questionnaire.

use crate::answers::{Answer, Answers};
use crate::evaluate::{evaluate, offsets, Sheet};
use crate::lang::Lang;
use crate::problem::{field_path, shorten, suggest, Problem};
use crate::questionnaire::{Cap, Questionnaire};
use crate::recommend;
use crate::report::{
    AppliedCap, FactorResult, LevelRef, NextLevel, Overall, QuestionnaireRef, Report, Score, Strength,
};

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
    Ok(report(q, answers, lang))
}

/// The report of answers known to fit `q` (see [`Questionnaire::report`]).
pub(crate) fn report(q: &Questionnaire, answers: &Answers, lang: Lang) -> Report {
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
            #[cfg(feature = "benchmarks")]
            benchmark: None,
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

    #[cfg_attr(not(feature = "benchmarks"), allow(unused_mut))]
    let mut report = Report {
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
            #[cfg(feature = "benchmarks")]
            benchmark: None,
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
    };
    #[cfg(feature = "benchmarks")]
    q.benchmark(&mut report, None);
    report
}
