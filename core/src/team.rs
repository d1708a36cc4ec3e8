//! A team's answers seen together: how far apart its members' scores are,
//! the questions they answer most differently, and one combined report.
//! For a marketer who gathers the article's "input from many departments"
//! (the studio's team view, from share links), with nothing uploaded.

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::lang::Lang;
use crate::report::{Report, Score};
use crate::sort::heap_sort;
use crate::Questionnaire;

/// At most this many questions are named as disagreements.
const DISAGREEMENTS: usize = 8;
/// Answers this many steps apart (or more) are a disagreement worth naming.
const APART: u8 = 2;

/// The team's answers together ([`Questionnaire::team`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamView {
    /// How many members' answers.
    pub count: usize,
    /// Each member's overall score, with the least, the median and the most.
    pub overall: Spread,
    /// The same for each factor, in questionnaire order.
    pub factors: Vec<FactorSpread>,
    /// The questions the members answer furthest apart, furthest first.
    pub disagreements: Vec<Disagreement>,
    /// The report of the team's combined answers (see [`combine`]), or
    /// none for no members.
    pub report: Option<Report>,
}

/// Scores of several members.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Each member's score, in the order given.
    pub scores: Vec<Score>,
    /// The least.
    pub min: Score,
    /// The middle one (of an even count, the mean of the two middle ones).
    pub median: Score,
    /// The most.
    pub max: Score,
}

/// A factor's [`Spread`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactorSpread {
    /// The factor's id.
    pub id: String,
    /// Its name in the report's language.
    pub name: String,
    /// Its members' scores.
    #[serde(flatten)]
    pub spread: Spread,
}

/// A question the members answer far apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The question's id.
    pub id: String,
    /// Its short title in the report's language.
    pub title: String,
    /// Steps between the lowest and the highest answer ("don't know"
    /// counts as the bottom, as in scoring).
    pub spread: u8,
    /// Each member's answer as its code (`0`..`4`, `dont-know`,
    /// `not-applicable`), or "" for none, in the order given.
    pub answers: Vec<&'static str>,
}

impl Questionnaire {
    /// The answers of a team's members seen together, texts in `lang`.
    /// Answers must fit this questionnaire (from its share codes, say).
    pub fn team(&self, members: &[Answers], lang: Lang) -> TeamView {
        let reports: Vec<Report> = members.iter().map(|answers| self.report(answers, lang)).collect();
        let overall = spread(reports.iter().map(|r| r.overall.score).collect());
        let factors = self
            .factors
            .iter()
            .enumerate()
            .map(|(f, factor)| FactorSpread {
                id: factor.id.clone(),
                name: factor.name.get(self.language(lang)).to_owned(),
                spread: spread(reports.iter().map(|r| r.factors[f].score).collect()),
            })
            .collect();
        let mut disagreements = Vec::new();
        for (_, question) in self.questions() {
            let given: Vec<Option<Answer>> = members.iter().map(|answers| answers.get(&question.id)).collect();
            let steps: Vec<u8> = given
                .iter()
                .filter_map(|answer| match answer {
                    Some(Answer::Value(value)) => Some(*value),
                    Some(Answer::DontKnow) => Some(0),
                    _ => None,
                })
                .collect();
            let apart = steps
                .iter()
                .max()
                .zip(steps.iter().min())
                .map_or(0, |(max, min)| max - min);
            if apart >= APART {
                disagreements.push(Disagreement {
                    id: question.id.clone(),
                    title: question.title.get(self.language(lang)).to_owned(),
                    spread: apart,
                    answers: given.iter().map(|answer| answer.map_or("", Answer::code)).collect(),
                });
            }
        }
        // Furthest apart first; ties stay in questionnaire order (the sort
        // is not stable: the index breaks ties).
        let mut order: Vec<usize> = (0..disagreements.len()).collect();
        heap_sort(&mut order, |a, b| {
            (disagreements[*b].spread, *a) < (disagreements[*a].spread, *b)
        });
        let mut sorted: Vec<Disagreement> = order.into_iter().map(|i| disagreements[i].clone()).collect();
        sorted.truncate(DISAGREEMENTS);
        TeamView {
            count: members.len(),
            overall,
            factors,
            disagreements: sorted,
            report: (!members.is_empty()).then(|| self.report(&combine(self, members), lang)),
        }
    }
}

/// The team's answers as one: for each question, the median of the
/// members' steps ("don't know" as the bottom; of an even count, the lower
/// of the two middle ones, so that the team's report never flatters it);
/// "not applicable" only if every member who answered said so; no answer
/// if none did.
pub fn combine(q: &Questionnaire, members: &[Answers]) -> Answers {
    let mut combined = Answers::new();
    for (_, question) in q.questions() {
        let mut steps = Vec::new();
        let mut not_applicable = false;
        for answers in members {
            match answers.get(&question.id) {
                Some(Answer::Value(value)) => steps.push(value),
                Some(Answer::DontKnow) => steps.push(0),
                Some(Answer::NotApplicable) => not_applicable = true,
                None => {}
            }
        }
        if steps.is_empty() {
            if not_applicable {
                combined.insert(question.id.clone(), Answer::NotApplicable);
            }
            continue;
        }
        heap_sort(&mut steps, |a, b| a < b);
        combined.insert(question.id.clone(), Answer::Value(steps[(steps.len() - 1) / 2]));
    }
    combined
}

fn spread(mut scores: Vec<Score>) -> Spread {
    let given = scores.clone();
    heap_sort(&mut scores, |a, b| a.tenths() < b.tenths());
    let at = |i: usize| scores.get(i).copied().unwrap_or(Score::from_tenths(0));
    let n = scores.len();
    let median = if n % 2 == 1 || n == 0 {
        at(n / 2)
    } else {
        Score::from_raw((at(n / 2 - 1).value() + at(n / 2).value()) / 2.0)
    };
    Spread {
        scores: given,
        min: at(0),
        median,
        max: at(n.saturating_sub(1)),
    }
}
