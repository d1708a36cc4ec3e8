//! Recommendations, ranked by what each would really change for this
//! visitor (`docs/scoring.md`, "Ranking"):
//! 1. answers that lift a cap holding the level down come first;
//! 2. then the points still available on the question: how much the
//!    overall score would rise if this answer reached the top, so that of
//!    two questions of the same weight the one answered lower ranks higher;
//! 3. ties keep the questionnaire's order, which follows the article.
//!
//! Each recommendation's text is the advice of the option the visitor
//! chose: the next step from where they stand.

use crate::answers::Answer;
use crate::evaluate::{factor_raw, overall_raw, Evaluation, Sheet};
use crate::lang::Lang;
use crate::questionnaire::{Cap, Questionnaire};
use crate::report::{Recommendation, Score};
use crate::sort::heap_sort;

/// What a cap lifter adds to its priority: more than any gain in points
/// (at most 100), so that every cap lifter ranks above every other answer.
pub(crate) const CAP_PRIORITY: i32 = 1000;

/// Every answer below the top (unanswered and "don't know" included; "not
/// applicable" never), in priority order.
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

    // Each recommendation with its place in the questionnaire, the
    // tie-break the sort needs (heapsort is not stable).
    let mut ranked = Vec::new();
    for (f, factor) in q.factors.iter().enumerate() {
        for (i, question) in factor.questions.iter().enumerate() {
            let answer = sheet.get(starts[f] + i);
            let at = match answer {
                Some(Answer::NotApplicable) | Some(Answer::Value(Answer::TOP)) => continue,
                Some(Answer::Value(value)) => value,
                Some(Answer::DontKnow) | None => 0,
            };
            let lifts_cap = capped_questions.contains(&question.id.as_str());
            let gain_to_top = gain(overall_with(f, i, Answer::Value(Answer::TOP)));
            let priority = gain_to_top.tenths() + if lifts_cap { CAP_PRIORITY * 10 } else { 0 };
            let recommendation = Recommendation {
                question_id: question.id.clone(),
                factor_id: factor.id.clone(),
                title: question.title.get(lang).to_owned(),
                answer,
                gain: gain(overall_with(f, i, Answer::Value(at + 1))),
                gain_to_top,
                lifts_cap,
                priority: Score::from_tenths(priority),
                text: question.advice(at).map(|text| text.get(lang)).unwrap_or("").to_owned(),
            };
            ranked.push((ranked.len(), recommendation));
        }
    }
    // Higher priority first; equal priorities in questionnaire order.
    heap_sort(&mut ranked, |(a_at, a), (b_at, b)| {
        (b.priority, a_at) < (a.priority, b_at)
    });
    ranked.into_iter().map(|(_, recommendation)| recommendation).collect()
}
