//! Recommendations, ranked as Lighthouse ranks its opportunities: by how
//! much the overall score would rise if that answer moved up one step.

use crate::answers::Answer;
use crate::lang::Lang;
use crate::questionnaire::{Cap, Questionnaire};
use crate::report::{Recommendation, Score};
use crate::score::{factor_raw, overall_raw, Evaluation, Sheet};

/// Every answer below the top (unanswered and "don't know" included; "not
/// applicable" never), best gain first; ties keep questionnaire order.
pub(crate) fn rank(
    q: &Questionnaire,
    sheet: &Sheet,
    starts: &[usize],
    evaluation: &Evaluation,
    lang: Lang,
) -> Vec<Recommendation> {
    let mut capped_questions: Vec<&str> = Vec::new();
    for &(c, _) in &evaluation.applied {
        if let Cap::AnswerBelow { question, .. } = &q.caps[c] {
            capped_questions.push(question);
        }
    }
    // Scores the overall with one answer changed; the other factors keep
    // their raw scores, so the only difference is the change itself.
    let overall_with = |f: usize, i: usize, answer: Answer| {
        let mut factors = evaluation.raw.clone();
        factors[f] = factor_raw(q, sheet, f, starts[f], Some((i, answer)));
        Score::from_raw(overall_raw(q, &factors))
    };
    let gain = |after: Score| Score::from_tenths(after.tenths() - evaluation.overall.tenths());

    let mut ranked = Vec::new();
    for (f, factor) in q.factors.iter().enumerate() {
        for (i, question) in factor.questions.iter().enumerate() {
            let answer = sheet.get(starts[f] + i);
            let (next, advice) = match answer {
                Some(Answer::NotApplicable) | Some(Answer::Value(Answer::TOP)) => continue,
                Some(Answer::Value(value)) if value >= 2 => (value + 1, &question.advice.improve),
                Some(Answer::Value(value)) => (value + 1, &question.advice.start),
                Some(Answer::DontKnow) | None => (1, &question.advice.start),
            };
            ranked.push(Recommendation {
                question_id: question.id.clone(),
                factor_id: factor.id.clone(),
                title: question.title.get(lang).to_owned(),
                answer,
                gain: gain(overall_with(f, i, Answer::Value(next))),
                gain_to_top: gain(overall_with(f, i, Answer::Value(Answer::TOP))),
                lifts_cap: capped_questions.contains(&question.id.as_str()),
                text: advice.get(lang).to_owned(),
            });
        }
    }
    // An insertion sort, stable, so equal gains stay in factor, then
    // question, order; the library's sort would add kilobytes to the widget
    // for lists this short.
    for i in 1..ranked.len() {
        let mut j = i;
        while j > 0 && ranked[j - 1].gain < ranked[j].gain {
            ranked.swap(j - 1, j);
            j -= 1;
        }
    }
    ranked
}
