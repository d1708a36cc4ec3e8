//! `batch --summary`: count, mean, median, 10th and 90th percentile, least,
//! most and the count per level, overall and per factor; the questions
//! answered furthest apart; and the report of the combined answers (each
//! question's median), as the studio's team view shows a team. All in
//! constant memory.
//!
//! Scores are whole tenths from 0 to 100, so a histogram of 1001 counters
//! per score holds everything the statistics need: percentiles are exact,
//! not estimated, and memory does not grow with the input.

use std::fmt::Write;

use readiness_core::team::{combined, furthest_apart, AnswerCounts, APART};
use readiness_core::{Lang, Questionnaire, Report, Score, Scores, Sheet};
use serde::Serialize;

use super::source::Counts;
use crate::labels::labels;
use crate::layout::{pad, wrap, WIDTH};

/// 0.0 to 100.0 in tenths.
const TENTHS: usize = 1001;

pub struct Summary {
    overall: Histogram,
    /// Responses per overall level, after caps (which a histogram of scores
    /// cannot tell).
    overall_levels: Vec<u64>,
    factors: Vec<Histogram>,
    /// Each question's answers, in questionnaire order.
    answers: Vec<AnswerCounts>,
}

impl Summary {
    pub fn new(q: &Questionnaire) -> Summary {
        Summary {
            overall: Histogram::new(),
            overall_levels: vec![0; q.levels.len()],
            factors: q.factors.iter().map(|_| Histogram::new()).collect(),
            answers: vec![AnswerCounts::default(); q.questions().count()],
        }
    }

    pub fn add(&mut self, scores: &Scores, sheet: &Sheet) {
        for (i, counts) in self.answers.iter_mut().enumerate() {
            counts.add(sheet.get(i));
        }
        self.overall.add(scores.overall);
        if let Some(count) = self.overall_levels.get_mut(scores.level) {
            *count += 1;
        }
        for (histogram, score) in self.factors.iter_mut().zip(&scores.factors) {
            histogram.add(*score);
        }
    }

    /// The questions answered furthest apart, furthest first.
    fn disagreements<'q>(&self, q: &'q Questionnaire, lang: Lang) -> Vec<QuestionJson<'q>> {
        let questions = q
            .questions()
            .zip(&self.answers)
            .map(|((_, question), counts)| QuestionJson {
                id: &question.id,
                title: question.title.get(lang),
                spread: counts.spread(),
                counts: *counts,
            })
            .filter(|question| question.spread >= APART)
            .collect();
        furthest_apart(questions, |question| question.spread)
    }

    /// The report of the combined answers, if any response was scored.
    fn combined(&self, q: &Questionnaire, lang: Lang, counts: &Counts) -> Option<Report> {
        (counts.scored > 0).then(|| q.report(&combined(q, &self.answers), lang))
    }

    pub fn json(&self, q: &Questionnaire, lang: Lang, counts: &Counts) -> String {
        let lang = q.language(lang);
        let level_counts = |counts: &[u64]| -> Vec<LevelCount> {
            q.levels
                .iter()
                .zip(counts)
                .enumerate()
                .map(|(index, (level, count))| LevelCount {
                    index,
                    id: &level.id,
                    name: level.name.get(lang),
                    count: *count,
                })
                .collect()
        };
        let summary = SummaryJson {
            questionnaire: QuestionnaireJson {
                id: &q.id,
                version: &q.version,
            },
            lang,
            read: counts.read,
            scored: counts.scored,
            bad: counts.bad,
            percentiles: "nearest-rank",
            overall: self.overall.stats(level_counts(&self.overall_levels)),
            factors: q
                .factors
                .iter()
                .zip(&self.factors)
                .map(|(factor, histogram)| FactorJson {
                    id: &factor.id,
                    name: factor.name.get(lang),
                    stats: histogram.stats(level_counts(&histogram.levels(q))),
                })
                .collect(),
            disagreements: self.disagreements(q, lang),
            combined: self.combined(q, lang, counts),
        };
        // Plain data with string keys: serialising cannot fail.
        let mut json = serde_json::to_string_pretty(&summary).expect("a summary serialises to JSON");
        json.push('\n');
        json
    }

    pub fn text(&self, q: &Questionnaire, lang: Lang, counts: &Counts) -> String {
        let lang = q.language(lang);
        let words = labels(lang);
        let mut out = String::new();
        let _ = write!(
            out,
            "{} · {} v{} · {} {}",
            words.summary, q.id, q.version, counts.scored, words.responses_scored
        );
        if counts.bad > 0 {
            let _ = write!(out, " ({} {})", counts.bad, words.bad);
        }
        out.push_str("\n\n");
        if counts.scored == 0 {
            out.push_str(words.none_scored);
            out.push('\n');
            return out;
        }

        let rows: Vec<(&str, &Histogram, Vec<u64>)> =
            std::iter::once((words.overall_row, &self.overall, self.overall_levels.clone()))
                .chain(
                    q.factors
                        .iter()
                        .zip(&self.factors)
                        .map(|(factor, histogram)| (factor.name.get(lang), histogram, histogram.levels(q))),
                )
                .collect();
        let names = rows
            .iter()
            .map(|(name, ..)| name.chars().count())
            .max()
            .unwrap_or(0)
            .min(28);
        let number = |score: Option<Score>| score.map_or_else(|| "-".to_owned(), |score| score.format(words.decimal));

        let _ = writeln!(
            out,
            "{:names$}  {:>9}  {:>9}  {:>6}  {:>5}  {:>5}  {:>5}  {:>5}",
            "", words.count, words.mean, words.median, "p10", "p90", words.least, words.most
        );
        for (name, histogram, _) in &rows {
            let _ = writeln!(
                out,
                "{}  {:>9}  {:>9}  {:>6}  {:>5}  {:>5}  {:>5}  {:>5}",
                pad(name, names),
                histogram.total,
                number(histogram.mean()),
                number(histogram.percentile(50)),
                number(histogram.percentile(10)),
                number(histogram.percentile(90)),
                number(histogram.percentile(0)),
                number(histogram.percentile(100)),
            );
        }

        let _ = writeln!(out, "\n{}", words.per_level);
        let level_names: Vec<&str> = q.levels.iter().map(|level| level.name.get(lang)).collect();
        let widest_count = rows
            .iter()
            .flat_map(|(_, _, levels)| levels.iter())
            .map(|count| count.to_string().len())
            .max()
            .unwrap_or(1);
        let by_name = level_names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0)
            .max(widest_count);
        // Level names as column heads when they fit, else numbers and a key.
        let (width, heads, key) = if names + q.levels.len() * (by_name + 2) <= WIDTH {
            (
                by_name,
                level_names.iter().map(|name| (*name).to_owned()).collect(),
                None,
            )
        } else {
            let heads: Vec<String> = (1..=q.levels.len()).map(|n| n.to_string()).collect();
            let key: Vec<String> = level_names
                .iter()
                .enumerate()
                .map(|(i, name)| format!("{} {name}", i + 1))
                .collect();
            (widest_count.max(2), heads, Some(key.join(" · ")))
        };
        let _ = write!(out, "{:names$}", "");
        for head in &heads {
            let _ = write!(out, "  {head:>width$}");
        }
        out.push('\n');
        for (name, _, levels) in &rows {
            out.push_str(&pad(name, names));
            for count in levels {
                let _ = write!(out, "  {count:>width$}");
            }
            out.push('\n');
        }
        for line in key.iter().flat_map(|key| wrap(key, WIDTH)) {
            let _ = writeln!(out, "{line}");
        }
        let disagreements = self.disagreements(q, lang);
        if !disagreements.is_empty() {
            let _ = writeln!(out, "\n{}", words.apart);
            for question in &disagreements {
                let _ = writeln!(out, "  {}: {} {}", question.title, question.spread, words.steps);
            }
        }
        if let Some(report) = self.combined(q, lang, counts) {
            let _ = writeln!(
                out,
                "\n{}: {}, {}",
                words.combined,
                report.overall.level.name,
                report.overall.score.format(words.decimal)
            );
            for (i, recommendation) in report.recommendations.iter().take(3).enumerate() {
                for (j, line) in wrap(&format!("{}. {}", i + 1, recommendation.title), WIDTH - 2)
                    .iter()
                    .enumerate()
                {
                    let _ = writeln!(out, "{}{line}", if j == 0 { "  " } else { "     " });
                }
            }
        }
        out.push('\n');
        for line in wrap(words.method, WIDTH) {
            let _ = writeln!(out, "{line}");
        }
        out
    }
}

/// Counts of scores 0.0 to 100.0 by tenth.
struct Histogram {
    counts: Vec<u64>,
    total: u64,
    /// The sum of all scores, in tenths; exact up to 2^64 tenths.
    sum: u64,
}

impl Histogram {
    fn new() -> Histogram {
        Histogram {
            counts: vec![0; TENTHS],
            total: 0,
            sum: 0,
        }
    }

    fn add(&mut self, score: Score) {
        // The core keeps scores in 0..=100; clamping only guards the index.
        let tenths = score.tenths().clamp(0, 1000) as usize;
        self.counts[tenths] += 1;
        self.total += 1;
        self.sum += tenths as u64;
    }

    /// The mean, rounded half away from zero to one decimal in integer
    /// arithmetic (so that, e.g., 72.45 exactly stays 72.5).
    fn mean(&self) -> Option<Score> {
        let (sum, total) = (u128::from(self.sum), u128::from(self.total));
        (total > 0).then(|| Score::from_tenths(((2 * sum + total) / (2 * total)) as i32))
    }

    /// The nearest-rank percentile: the smallest score that at least
    /// `percent`% of the responses reach or fall below.
    fn percentile(&self, percent: u64) -> Option<Score> {
        if self.total == 0 {
            return None;
        }
        let rank = (u128::from(percent) * u128::from(self.total)).div_ceil(100).max(1);
        let mut seen = 0u128;
        for (tenths, count) in self.counts.iter().enumerate() {
            seen += u128::from(*count);
            if seen >= rank {
                return Some(Score::from_tenths(tenths as i32));
            }
        }
        None
    }

    /// Responses per level of the questionnaire, by the score's level (a
    /// factor has no caps).
    fn levels(&self, q: &Questionnaire) -> Vec<u64> {
        let mut levels = vec![0; q.levels.len()];
        for (tenths, count) in self.counts.iter().enumerate().filter(|(_, count)| **count > 0) {
            levels[q.level_of(Score::from_tenths(tenths as i32))] += count;
        }
        levels
    }

    fn stats<'a>(&self, levels: Vec<LevelCount<'a>>) -> Stats<'a> {
        Stats {
            count: self.total,
            mean: self.mean(),
            median: self.percentile(50),
            p10: self.percentile(10),
            p90: self.percentile(90),
            min: self.percentile(0),
            max: self.percentile(100),
            levels,
        }
    }
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    questionnaire: QuestionnaireJson<'a>,
    lang: Lang,
    read: u64,
    scored: u64,
    bad: u64,
    /// How percentiles are computed, for whoever reads the file later.
    percentiles: &'static str,
    overall: Stats<'a>,
    factors: Vec<FactorJson<'a>>,
    /// The questions answered furthest apart (the middle 80% of answers
    /// two steps apart or more), furthest first.
    disagreements: Vec<QuestionJson<'a>>,
    /// The report of each question's median answer.
    combined: Option<Report>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    title: &'a str,
    /// Steps between the 10th and 90th percentile answers.
    spread: u8,
    /// How many gave each answer: steps 0 to 4, don't know, not applicable.
    counts: AnswerCounts,
}

#[derive(Serialize)]
struct QuestionnaireJson<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct FactorJson<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(flatten)]
    stats: Stats<'a>,
}

#[derive(Serialize)]
struct Stats<'a> {
    count: u64,
    mean: Option<Score>,
    median: Option<Score>,
    p10: Option<Score>,
    p90: Option<Score>,
    min: Option<Score>,
    max: Option<Score>,
    levels: Vec<LevelCount<'a>>,
}

#[derive(Serialize)]
struct LevelCount<'a> {
    index: usize,
    id: &'a str,
    name: &'a str,
    count: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn histogram(tenths: &[i32]) -> Histogram {
        let mut histogram = Histogram::new();
        for value in tenths {
            histogram.add(Score::from_tenths(*value));
        }
        histogram
    }

    #[test]
    fn nearest_rank_percentiles() {
        let h = histogram(&[150, 200, 350, 400, 500]);
        // Ranks: p10 -> ceil(0.5) = 1, p50 -> ceil(2.5) = 3, p90 -> ceil(4.5) = 5.
        assert_eq!(h.percentile(10), Some(Score::from_tenths(150)));
        assert_eq!(h.percentile(50), Some(Score::from_tenths(350)));
        assert_eq!(h.percentile(90), Some(Score::from_tenths(500)));
        // An even count: the median is the lower middle value.
        let h = histogram(&[100, 200, 300, 400]);
        assert_eq!(h.percentile(50), Some(Score::from_tenths(200)));
        assert_eq!(Histogram::new().percentile(50), None);
    }

    #[test]
    fn means_round_half_away_from_zero() {
        assert_eq!(histogram(&[724, 725]).mean(), Some(Score::from_tenths(725)));
        assert_eq!(histogram(&[0, 1000, 1000]).mean(), Some(Score::from_tenths(667)));
        assert_eq!(Histogram::new().mean(), None);
    }
}
