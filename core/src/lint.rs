//! Lints: what is valid but probably not what the author meant. A lint is
//! a [`Problem`] like those of validation, with a path and a hint; the
//! studio shows them as warnings, and `readiness validate` prints them
//! (`--strict` fails on them). Validation decides what the widget can run;
//! lints judge whether it makes a good assessment.

use crate::lang::{Lang, Text};
use crate::problem::{decimal, field_path, index_path, Problem};
use crate::questionnaire::{Cap, Questionnaire, SCALE};

/// Above this many minutes (the widget's own estimate), visitors give up.
pub const MAX_MINUTES: u32 = 15;

/// One language's text may be this many times as long as another's before
/// a part of it looks missing: Indonesian runs about a fifth longer than
/// English, never twice.
const LENGTH_RATIO: usize = 2;
/// ...and only when the difference is this many characters: "Ya" and
/// "Yes, always" differ in ratio, not in substance.
const LENGTH_SLACK: usize = 40;

impl Questionnaire {
    /// The lints of a valid questionnaire, in the order of its file.
    pub fn lints(&self) -> Vec<Problem> {
        let mut lints = Vec::new();
        for lang in &self.languages {
            let minutes = self.minutes(*lang);
            if minutes > MAX_MINUTES {
                lints.push(Problem::new(
                    "",
                    [
                        "answering takes about ",
                        &decimal(minutes.into()),
                        " minutes in `",
                        &lang.code(),
                        "`, more than ",
                        &decimal(MAX_MINUTES.into()),
                    ]
                    .concat(),
                    "shorten the prompts and help, or ask fewer questions: visitors leave long assessments unfinished",
                ));
            }
        }
        self.unreachable_levels(&mut lints);
        for (f, factor) in self.factors.iter().enumerate() {
            for (q, question) in factor.questions.iter().enumerate() {
                let path = index_path(&field_path(&index_path("factors", f), "questions"), q);
                self.lint_options(&path, question, &mut lints);
            }
        }
        self.idle_caps(&mut lints);
        for (path, text) in self.texts() {
            self.lint_lengths(&path, text, &mut lints);
        }
        lints
    }

    /// A level is unreachable when no answers give a score in its range:
    /// the scores answers can give are discrete, and a level narrower than
    /// the step between two of them, or between the best score and 100,
    /// holds none.
    fn unreachable_levels(&self, lints: &mut Vec<Problem>) {
        let reachable = self.reachable_levels(None);
        for (i, level) in self.levels.iter().enumerate() {
            if !reachable[i] {
                lints.push(Problem::new(
                    index_path("levels", i),
                    ["no answers give a score at level `", &level.id, "`"].concat(),
                    "widen the level: move its `min` or the next level's, so that some answers land in it",
                ));
            }
        }
    }

    /// Which levels some answers reach (before caps); with `held`, only
    /// answers below `below` to that question count. "Not applicable" is
    /// left out: it can only reach fewer scores, never report more.
    fn reachable_levels(&self, held: Option<(&str, u8)>) -> Vec<bool> {
        // A factor's weighted sums exactly (in ten-thousandths), the overall
        // score's partial sums in hundredths of a point: 10,001 slots, each
        // factor's step within half a hundredth, well below the tenths a
        // score is rounded to.
        const FINE: f64 = 10_000.0;
        const SLOTS: usize = 10_001;
        let total_weight: f64 = self.factors.iter().map(|factor| factor.weight).sum();
        let mut overall = vec![false; SLOTS];
        overall[0] = true;
        for factor in &self.factors {
            let mut sums = vec![0_i64];
            for question in &factor.questions {
                let top = match held {
                    Some((id, below)) if id == question.id => below,
                    _ => SCALE as u8,
                };
                let mut next = Vec::with_capacity(sums.len() * usize::from(top));
                for sum in &sums {
                    for value in 0..top {
                        next.push(sum + (question.weight * question.option_score(value) * FINE).round() as i64);
                    }
                }
                next.sort_unstable();
                next.dedup();
                sums = next;
            }
            let weight: f64 = factor.questions.iter().map(|question| question.weight).sum();
            let mut steps: Vec<usize> = sums
                .iter()
                .map(|sum| (*sum as f64 / FINE / weight * factor.weight / total_weight * 100.0).round() as usize)
                .collect();
            steps.sort_unstable();
            steps.dedup();
            let mut next = vec![false; SLOTS];
            for (partial, _) in overall.iter().enumerate().filter(|(_, on)| **on) {
                for step in &steps {
                    if let Some(slot) = next.get_mut(partial + step) {
                        *slot = true;
                    }
                }
            }
            overall = next;
        }
        let mut reachable = vec![false; self.levels.len()];
        for (hundredths, _) in overall.iter().enumerate().filter(|(_, on)| **on) {
            let level = self.level_of(crate::Score::from_raw(hundredths as f64 / 100.0));
            if let Some(slot) = reachable.get_mut(level) {
                *slot = true;
            }
        }
        reachable
    }

    /// Options of one question that read the same, and advice that only
    /// repeats the option it should lead on from.
    fn lint_options(&self, path: &str, question: &crate::Question, lints: &mut Vec<Problem>) {
        let options = field_path(path, "options");
        for (i, option) in question.options.iter().enumerate() {
            let at = index_path(&options, i);
            for lang in &self.languages {
                let text = normal(option.text.get(*lang));
                if let Some(j) = question.options[..i]
                    .iter()
                    .position(|earlier| normal(earlier.text.get(*lang)) == text)
                {
                    lints.push(Problem::new(
                        field_path(&field_path(&at, "text"), &lang.code()),
                        [
                            "reads the same as option ",
                            &decimal(j as i64),
                            " in `",
                            &lang.code(),
                            "`",
                        ]
                        .concat(),
                        "each option is a different step of the scale: say what is in place at this step",
                    ));
                }
            }
            for lang in &self.languages {
                let repeats = option
                    .advice
                    .as_ref()
                    .is_some_and(|advice| normal(advice.get(*lang)) == normal(option.text.get(*lang)));
                if repeats {
                    lints.push(Problem::new(
                        field_path(&field_path(&at, "advice"), &lang.code()),
                        ["the advice repeats the option's text in `", &lang.code(), "`"].concat(),
                        "write the next step from this option: what to do to reach the option above it",
                    ));
                }
            }
        }
    }

    /// Caps that can never lower a level.
    fn idle_caps(&self, lints: &mut Vec<Problem>) {
        let top = self.levels.len().saturating_sub(1);
        for (i, cap) in self.caps.iter().enumerate() {
            let idle = match cap {
                Cap::AnswerBelow {
                    question,
                    below,
                    max_level,
                    ..
                } => {
                    let held = self.levels.iter().position(|level| &level.id == max_level);
                    let reachable = self.reachable_levels(Some((question, *below)));
                    held.is_some_and(|held| !reachable[held + 1..].contains(&true))
                }
                Cap::WeakestFactor { max_levels_above, .. } => usize::from(*max_levels_above) >= top,
            };
            if idle {
                lints.push(Problem::new(
                    index_path("caps", i),
                    "this cap can never lower a level: no answers that trigger it score above the level it allows",
                    match cap {
                        Cap::AnswerBelow { .. } => "set `maxLevel` to a lower level, or remove the cap",
                        Cap::WeakestFactor { .. } => "lower `maxLevelsAbove`, or remove the cap",
                    },
                ));
            }
        }
    }

    /// A translation much longer or shorter than another language's.
    fn lint_lengths(&self, path: &str, text: &Text, lints: &mut Vec<Problem>) {
        let lengths: Vec<(Lang, usize)> = self
            .languages
            .iter()
            .filter_map(|lang| text.exact(*lang).map(|s| (*lang, s.chars().count())))
            .collect();
        let (Some(short), Some(long)) = (
            lengths.iter().min_by_key(|(_, n)| *n),
            lengths.iter().max_by_key(|(_, n)| *n),
        ) else {
            return;
        };
        if long.1 > short.1 * LENGTH_RATIO && long.1 - short.1 > LENGTH_SLACK {
            lints.push(Problem::new(
                field_path(path, &long.0.code()),
                [
                    "the `",
                    &long.0.code(),
                    "` text is ",
                    &decimal((long.1 / short.1.max(1)) as i64),
                    " times as long as the `",
                    &short.0.code(),
                    "` one",
                ]
                .concat(),
                "check that neither translation leaves out a part of the other",
            ));
        }
    }

    /// Every text with its path.
    fn texts(&self) -> Vec<(String, &Text)> {
        let mut texts = vec![("title".to_owned(), &self.title), ("intro".to_owned(), &self.intro)];
        for (i, level) in self.levels.iter().enumerate() {
            let at = index_path("levels", i);
            texts.push((field_path(&at, "name"), &level.name));
            texts.push((field_path(&at, "description"), &level.description));
        }
        for (f, factor) in self.factors.iter().enumerate() {
            let at = index_path("factors", f);
            texts.push((field_path(&at, "name"), &factor.name));
            if let Some(short) = &factor.short_name {
                texts.push((field_path(&at, "shortName"), short));
            }
            texts.push((field_path(&at, "description"), &factor.description));
            for (q, question) in factor.questions.iter().enumerate() {
                let at = index_path(&field_path(&at, "questions"), q);
                texts.push((field_path(&at, "title"), &question.title));
                texts.push((field_path(&at, "prompt"), &question.prompt));
                if let Some(help) = &question.help {
                    texts.push((field_path(&at, "help"), help));
                }
                for (o, option) in question.options.iter().enumerate() {
                    let at = index_path(&field_path(&at, "options"), o);
                    texts.push((field_path(&at, "text"), &option.text));
                    if let Some(advice) = &option.advice {
                        texts.push((field_path(&at, "advice"), advice));
                    }
                }
            }
        }
        for (i, cap) in self.caps.iter().enumerate() {
            let (Cap::AnswerBelow { reason, .. } | Cap::WeakestFactor { reason, .. }) = cap;
            texts.push((field_path(&index_path("caps", i), "reason"), reason));
        }
        texts
    }
}

/// Text compared as a reader sees it: case, spacing and a final full stop
/// aside.
fn normal(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ").trim_end_matches(['.', '!', '?']).to_owned()
}
