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
pub const DISAGREEMENTS: usize = 8;
/// Answers this many steps apart (or more) are a disagreement worth naming.
pub const APART: u8 = 2;

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
    /// The report of the team's combined answers (see [`combined`]), or
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
    /// [`AnswerCounts::spread`]: for a team of ten or fewer, the steps
    /// between the lowest and the highest answer ("don't know" counts as
    /// the bottom, as in scoring).
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
        let counts = tally(self, members);
        let mut disagreements = Vec::new();
        for ((_, question), counts) in self.questions().zip(&counts) {
            let spread = counts.spread();
            if spread >= APART {
                disagreements.push(Disagreement {
                    id: question.id.clone(),
                    title: question.title.get(self.language(lang)).to_owned(),
                    spread,
                    answers: members
                        .iter()
                        .map(|answers| answers.get(&question.id).map_or("", Answer::code))
                        .collect(),
                });
            }
        }
        let disagreements = furthest_apart(disagreements, |d| d.spread);
        TeamView {
            count: members.len(),
            overall,
            factors,
            disagreements,
            report: (!members.is_empty()).then(|| self.report(&combined(self, &counts), lang)),
        }
    }
}

/// How often each answer was given to one question: steps 0 to 4, then
/// "don't know", then "not applicable". What a team's view and a batch's
/// summary need of the answers, in constant memory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AnswerCounts(pub [u64; 7]);

impl AnswerCounts {
    /// Counts one answer (none counts nowhere).
    pub fn add(&mut self, answer: Option<Answer>) {
        let slot = match answer {
            Some(Answer::Value(value)) => usize::from(value.min(Answer::TOP)),
            Some(Answer::DontKnow) => 5,
            Some(Answer::NotApplicable) => 6,
            None => return,
        };
        self.0[slot] += 1;
    }

    /// The steps, "don't know" as the bottom one (as scoring has it).
    fn steps(&self) -> [u64; 5] {
        let mut steps = [0; 5];
        steps.copy_from_slice(&self.0[..5]);
        steps[0] += self.0[5];
        steps
    }

    /// The step at nearest rank `rank` (1-based) among the steps given;
    /// none past them, or for rank 0.
    fn step_at(&self, rank: u64) -> Option<u8> {
        if rank == 0 {
            return None;
        }
        let mut seen = 0;
        for (step, count) in self.steps().iter().enumerate() {
            seen += count;
            if seen >= rank {
                return Some(step as u8);
            }
        }
        None
    }

    /// The answer of the whole: the median step (of an even count, the
    /// lower of the two middle ones, so that a team's report never flatters
    /// it); "not applicable" if that was all that was said; none if nothing.
    pub fn median(&self) -> Option<Answer> {
        let given: u64 = self.steps().iter().sum();
        match self.step_at(given.div_ceil(2)) {
            Some(step) => Some(Answer::Value(step)),
            None if self.0[6] > 0 => Some(Answer::NotApplicable),
            None => None,
        }
    }

    /// How far apart the answers are, in steps: the range of the middle 80%
    /// (nearest rank; for ten answers or fewer, from the lowest to the
    /// highest).
    pub fn spread(&self) -> u8 {
        let given: u64 = self.steps().iter().sum();
        let rank = |percent: u64| (percent * given).div_ceil(100).max(1);
        match (self.step_at(rank(10)), self.step_at(rank(90))) {
            (Some(low), Some(high)) => high - low,
            _ => 0,
        }
    }
}

/// Each question's [`AnswerCounts`] over `members`, in questionnaire order.
pub fn tally(q: &Questionnaire, members: &[Answers]) -> Vec<AnswerCounts> {
    q.questions()
        .map(|(_, question)| {
            let mut counts = AnswerCounts::default();
            for answers in members {
                counts.add(answers.get(&question.id));
            }
            counts
        })
        .collect()
}

/// The answers of the whole: each question's [`AnswerCounts::median`].
pub fn combined(q: &Questionnaire, counts: &[AnswerCounts]) -> Answers {
    let mut answers = Answers::new();
    for ((_, question), counts) in q.questions().zip(counts) {
        if let Some(answer) = counts.median() {
            answers.insert(question.id.clone(), answer);
        }
    }
    answers
}

/// The furthest apart of `items` (at most [`DISAGREEMENTS`]), furthest
/// first; ties keep their order.
pub fn furthest_apart<T>(items: Vec<T>, spread: impl Fn(&T) -> u8) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    heap_sort(&mut order, |a, b| (spread(&items[*b]), *a) < (spread(&items[*a]), *b));
    order.truncate(DISAGREEMENTS);
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| items[i].take()).collect()
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
