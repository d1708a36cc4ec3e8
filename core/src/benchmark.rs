//! Benchmarks: published distributions of scores, so that a report can say
//! how a respondent compares ("ahead of 62% of 240 organisations") with no
//! server and no one's answers.
//!
//! A distribution is [`BINS`] counts: how many respondents scored in each
//! band of five points (`[0, 5)`, `[5, 10)`, … `[95, 100]`). That is enough
//! for a percentile and for a strip that shows the spread, and it holds no
//! single response. [`Builder`] makes them from responses (`readiness
//! benchmark`, the studio); [`Questionnaire::benchmark`] puts the
//! comparison into a report.

use crate::evaluate::Scores;
use crate::lang::{Lang, Text};
use crate::questionnaire::Questionnaire;
pub use crate::questionnaire::{Benchmarks, Distributions, Group, BINS};
use crate::report::{Benchmark, Report, Score};

/// The fewest responses a group may have by default: fewer could single
/// out a respondent ([`Builder::finish`], `readiness benchmark --min-count`).
pub const MIN_COUNT: u32 = 10;

/// The share of a distribution (of `count` responses) that `score` is
/// ahead of, in whole percent: the responses in lower bands, and within
/// its own band the part below it, as if spread evenly across the band.
/// So a score of 0 is ahead of none, 100 of all, and a higher score never
/// of fewer. Integer arithmetic: the same on every platform.
pub fn percentile(bins: &[u32], count: u32, score: Score) -> u8 {
    // Tenths of a point: a band is 50 wide.
    let tenths = score.tenths().clamp(0, 1000) as u64;
    let band = ((tenths / 50) as usize).min(BINS - 1);
    let below: u64 = bins.iter().take(band).map(|&n| u64::from(n)).sum();
    let within = bins.get(band).map_or(0, |&n| u64::from(n)) * (tenths - 50 * band as u64);
    let whole = 50 * u64::from(count.max(1));
    // Rounded half up, and never above 100 whatever the bins hold.
    (((below * 50 + within) * 100 * 2 + whole) / (2 * whole)).min(100) as u8
}

impl Questionnaire {
    /// Sets the comparison of `report` (made from this questionnaire) with
    /// its benchmarks: with `group`'s respondents, or everyone's when
    /// `group` is `None` or names no group. Without benchmarks the report
    /// has none. [`Questionnaire::report`] compares with everyone; this
    /// changes the group without scoring again.
    pub fn benchmark(&self, report: &mut Report, group: Option<&str>) {
        let Some(benchmarks) = &self.benchmarks else {
            return;
        };
        let chosen = benchmarks.population(group);
        let label = match chosen.group {
            Some(g) => g.name.get(report.lang),
            None => benchmarks.label.get(report.lang),
        };
        let compare = |bins: &[u32], score| Benchmark {
            percentile: percentile(bins, chosen.count, score),
            count: chosen.count,
            label: label.to_owned(),
            group: chosen.group.map(|g| g.id.clone()),
        };
        report.overall.benchmark = Some(compare(chosen.overall, report.overall.score));
        for factor in &mut report.factors {
            factor.benchmark = chosen.factors.get(&factor.id).map(|bins| compare(bins, factor.score));
        }
    }
}

/// The respondents a comparison is with: a group, or everyone.
pub struct Population<'b> {
    /// The group, or `None` for everyone.
    pub group: Option<&'b Group>,
    /// How many responded.
    pub count: u32,
    /// Their overall scores' distribution.
    pub overall: &'b [u32],
    /// Their factor scores' distributions.
    pub factors: &'b Distributions,
}

impl Benchmarks {
    /// The group with id `group`, or everyone when it is `None` or names
    /// no group.
    pub fn population(&self, group: Option<&str>) -> Population<'_> {
        match group.and_then(|id| self.groups.iter().find(|g| g.id == id)) {
            Some(g) => Population {
                group: Some(g),
                count: g.count,
                overall: &g.overall,
                factors: &g.factors,
            },
            None => Population {
                group: None,
                count: self.count,
                overall: &self.overall,
                factors: &self.factors,
            },
        }
    }
}

/// Makes benchmarks from scored responses, in constant memory: add each
/// response's scores (and its group, if the responses are grouped), then
/// [`Builder::finish`].
pub struct Builder {
    all: Tally,
    /// Each group's name as first met, and its tally; found by id.
    groups: Vec<(String, String, Tally)>,
}

/// One population's counts so far.
#[derive(Clone)]
struct Tally {
    count: u32,
    overall: [u32; BINS],
    factors: Vec<[u32; BINS]>,
}

impl Tally {
    fn new(factors: usize) -> Tally {
        Tally {
            count: 0,
            overall: [0; BINS],
            factors: vec![[0; BINS]; factors],
        }
    }

    fn add(&mut self, scores: &Scores) {
        self.count = self.count.saturating_add(1);
        self.overall[band(scores.overall)] += 1;
        for (bins, &score) in self.factors.iter_mut().zip(&scores.factors) {
            bins[band(score)] += 1;
        }
    }

    fn distributions(&self, q: &Questionnaire) -> (Vec<u32>, Distributions) {
        let factors = q.factors.iter().zip(&self.factors);
        (
            self.overall.to_vec(),
            Distributions(
                factors
                    .map(|(factor, bins)| (factor.id.clone(), bins.to_vec()))
                    .collect(),
            ),
        )
    }
}

/// The band a score falls in: `[0, 5)` is 0, … `[95, 100]` is 19.
fn band(score: Score) -> usize {
    ((score.tenths().clamp(0, 1000) / 50) as usize).min(BINS - 1)
}

/// What [`Builder::finish`] made.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// The benchmarks, unless fewer than the minimum responded.
    pub benchmarks: Option<Benchmarks>,
    /// The responses counted.
    pub count: u32,
    /// The groups left out for having fewer responses than the minimum:
    /// their names and counts.
    pub left_out: Vec<(String, u32)>,
}

impl Builder {
    /// A builder for responses to `q`.
    pub fn new(q: &Questionnaire) -> Builder {
        Builder {
            all: Tally::new(q.factors.len()),
            groups: Vec::new(),
        }
    }

    /// How many groups it has met so far, however few their responses: a
    /// caller may stop when a column it groups by turns out to hold
    /// something else (an e-mail address), which would make one group per
    /// respondent.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Counts one response's scores, in `group` (a name as the responses
    /// give it: "Retail") if any. Names that differ only in case or
    /// punctuation are one group, since they have one id.
    pub fn add(&mut self, scores: &Scores, group: Option<&str>) {
        self.all.add(scores);
        let Some(name) = group.map(str::trim).filter(|name| !name.is_empty()) else {
            return;
        };
        let id = group_id(name);
        match self.groups.iter_mut().find(|(known, _, _)| *known == id) {
            Some((_, _, tally)) => tally.add(scores),
            None => {
                let mut tally = Tally::new(self.all.factors.len());
                tally.add(scores);
                self.groups.push((id, name.to_owned(), tally));
            }
        }
    }

    /// The benchmarks, labelled `label` (in each of the questionnaire's
    /// languages), with every group of at least `min_count` responses in
    /// the order first met. None at all if fewer than `min_count` responded.
    pub fn finish(self, q: &Questionnaire, label: Text, min_count: u32) -> Made {
        let mut left_out = Vec::new();
        let mut groups = Vec::new();
        for (id, name, tally) in self.groups {
            if tally.count < min_count {
                left_out.push((name, tally.count));
                continue;
            }
            let (overall, factors) = tally.distributions(q);
            let name = Text::new(
                &q.languages
                    .iter()
                    .map(|&lang| (lang, name.as_str()))
                    .collect::<Vec<_>>(),
            );
            groups.push(Group {
                id,
                name,
                count: tally.count,
                overall,
                factors,
            });
        }
        let count = self.all.count;
        let benchmarks = (count >= min_count.max(1)).then(|| {
            let (overall, factors) = self.all.distributions(q);
            Benchmarks {
                label,
                count,
                overall,
                factors,
                groups,
            }
        });
        Made {
            benchmarks,
            count,
            left_out,
        }
    }
}

/// A group's id from its name: lowercase ASCII letters and digits, other
/// runs of characters as one hyphen ("Sales & Marketing" is
/// `sales-marketing`); a name of none of them is `group`.
pub fn group_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    id.truncate(64);
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        id.push_str("group");
    }
    id
}

/// The label of benchmarks made from `count` responses when none is given:
/// the count, as a label in `lang` would say it, for each language.
pub fn default_label(q: &Questionnaire, count: u32, word: impl Fn(Lang) -> &'static str) -> Text {
    let count = crate::decimal(count.into());
    let texts: Vec<(Lang, String)> = q
        .languages
        .iter()
        .map(|&lang| (lang, [count.as_str(), " ", word(lang)].concat()))
        .collect();
    Text::new(
        &texts
            .iter()
            .map(|(lang, text)| (*lang, text.as_str()))
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(points: f64) -> Score {
        Score::from_raw(points)
    }

    #[test]
    fn percentiles_run_from_none_to_all_and_never_fall() {
        let bins: Vec<u32> = (0..BINS as u32).map(|i| i % 4 + 1).collect();
        let count = bins.iter().sum();
        assert_eq!(percentile(&bins, count, score(0.0)), 0);
        assert_eq!(percentile(&bins, count, score(100.0)), 100);
        let mut last = 0;
        for tenths in 0..=1000 {
            let p = percentile(&bins, count, Score::from_tenths(tenths));
            assert!(p >= last, "{tenths}: {p} < {last}");
            last = p;
        }
    }

    #[test]
    fn a_score_is_ahead_of_the_bands_below_and_part_of_its_own() {
        let mut bins = vec![0; BINS];
        bins[0] = 50; // [0, 5)
        bins[10] = 50; // [50, 55)
        assert_eq!(percentile(&bins, 100, score(50.0)), 50);
        assert_eq!(percentile(&bins, 100, score(52.5)), 75);
        assert_eq!(percentile(&bins, 100, score(30.0)), 50);
        assert_eq!(percentile(&bins, 100, score(2.5)), 25);
    }

    #[test]
    fn group_ids_are_slugs_of_their_names() {
        assert_eq!(group_id("Sales & Marketing"), "sales-marketing");
        assert_eq!(group_id("  IT "), "it");
        assert_eq!(group_id("Keuangan (Finance)"), "keuangan-finance");
        assert_eq!(group_id("—"), "group");
        assert!(group_id(&"a ".repeat(100)).len() <= 64);
    }
}
