//! A report as text for a person at an 80-column terminal: the overall
//! score and level, how it compares with the questionnaire's benchmarks,
//! each factor with a bar (and its percentile), the caps and why, the top
//! recommendations with their gain, and what is already strong.

use std::fmt::Write;

use readiness_core::{Benchmark, Report, Score};

use crate::labels::{labels, Labels};
use crate::layout::{pad, wrap, WIDTH};
use crate::style::Style;

/// Where values start after a label such as "Overall score".
const LABEL: usize = 18;
/// Bar cells: one per five points.
const BAR: usize = 20;
const RECOMMENDATIONS: usize = 3;
/// A percentile's column: "100%".
const PERCENT: usize = 4;

pub fn render(report: &Report, respondent: Option<&str>, style: Style) -> String {
    let words = labels(report.lang);
    let number = |score: Score| score.format(words.decimal);
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text.trim_end());
        out.push('\n');
    };

    line(&style.dim(&format!(
        "{} · {} v{}",
        words.report, report.questionnaire.id, report.questionnaire.version
    )));
    if let Some(respondent) = respondent {
        line(&labelled(words.respondent, &pad(respondent, WIDTH - LABEL)));
    }
    line("");

    let overall = &report.overall;
    line(&labelled(
        words.overall,
        &style.bold(&format!("{} / 100", number(overall.score))),
    ));
    if let Some(benchmark) = &overall.benchmark {
        for (i, text) in wrap(&comparison(benchmark, words), WIDTH - LABEL)
            .into_iter()
            .enumerate()
        {
            line(&labelled(if i == 0 { words.compared } else { "" }, &text));
        }
    }
    line(&labelled(words.level, &style.bold(&overall.level.name)));
    for text in wrap(&overall.description, WIDTH - LABEL) {
        line(&format!("{:LABEL$}{text}", ""));
    }
    if !overall.caps.is_empty() {
        let intro = format!(
            "{} {}; {} {}:",
            words.capped_reaches, overall.uncapped_level.name, words.capped_held, overall.level.name
        );
        for (i, text) in wrap(&intro, WIDTH - LABEL).into_iter().enumerate() {
            line(&labelled(if i == 0 { words.capped } else { "" }, &text));
        }
        for cap in &overall.caps {
            for (i, text) in wrap(&cap.reason, WIDTH - LABEL - 2).into_iter().enumerate() {
                line(&format!("{:LABEL$}{} {text}", "", if i == 0 { "•" } else { " " }));
            }
        }
    }
    if let Some(next) = &overall.next {
        line(&labelled(
            words.next_level,
            &format!("{}, {} {}", next.level.name, number(next.points), words.points_away),
        ));
    }
    line("");

    let levels = report
        .factors
        .iter()
        .map(|factor| factor.level.name.chars().count())
        .max()
        .unwrap_or(0);
    // With benchmarks, a last column of percentiles ("62%") under the head
    // "ahead of", which takes its room from the names, not the bars.
    let compared = report.factors.iter().any(|factor| factor.benchmark.is_some());
    let percentiles = if compared { 2 + PERCENT } else { 0 };
    let room = WIDTH
        .saturating_sub(2 + 2 + BAR + 2 + 5 + 2 + levels + percentiles)
        .max(12);
    let names = report
        .factors
        .iter()
        .map(|factor| factor.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(room);
    if compared {
        // The head ends where the percentiles do, over the levels' column
        // if it is longer than they are.
        let width = 2 + names + 2 + BAR + 2 + 5 + 2 + levels + percentiles;
        let gap = width
            .saturating_sub(words.factors.chars().count() + words.ahead_of.chars().count())
            .max(2);
        line(&format!(
            "{}{}{}",
            style.bold(words.factors),
            " ".repeat(gap),
            style.dim(words.ahead_of)
        ));
    } else {
        line(&style.bold(words.factors));
    }
    for factor in &report.factors {
        let mut text = format!(
            "  {}  {}  {:>5}  {}",
            pad(&factor.name, names),
            bar(factor.score, style),
            number(factor.score),
            pad(&factor.level.name, levels)
        );
        if let Some(benchmark) = &factor.benchmark {
            let _ = write!(text, "  {:>PERCENT$}", format!("{}%", benchmark.percentile));
        }
        line(&text);
    }
    line("");

    line(&style.bold(words.recommendations));
    if report.recommendations.is_empty() {
        line(&format!("  {}", words.no_recommendations));
    }
    for (rank, recommendation) in report.recommendations.iter().take(RECOMMENDATIONS).enumerate() {
        let mut gain = format!(
            "+{}  ({} +{})",
            number(recommendation.gain),
            words.to_top,
            number(recommendation.gain_to_top)
        );
        if recommendation.lifts_cap {
            let _ = write!(gain, ", {}", words.lifts_cap);
        }
        let title_room = WIDTH.saturating_sub(5 + 2 + gain.chars().count()).max(12);
        let title = pad(&recommendation.title, title_room);
        line(&format!("  {}. {}  {}", rank + 1, style.bold(&title), gain));
        for text in wrap(&recommendation.text, WIDTH - 5) {
            line(&format!("     {text}"));
        }
    }
    line("");

    line(&labelled(
        words.strengths,
        &format!("{} {}", report.strengths.len(), words.strengths_count),
    ));
    line(&labelled(words.answered, &answered(report, words)));
    out
}

fn answered(report: &Report, words: &Labels) -> String {
    let mut text = format!("{} {} {}", report.answered, words.of, report.total);
    for (count, what) in [
        (report.dont_know, words.dont_know),
        (report.not_applicable, words.not_applicable),
        (report.missing.len(), words.unanswered),
    ] {
        if count > 0 {
            let _ = write!(text, " · {count} {what}");
        }
    }
    text
}

/// A comparison as read after "Compared with": "ahead of 62% of 240
/// organisations, 2026"; a group's name says how many it holds: "ahead of
/// 58% of Retail (60 responses)".
fn comparison(benchmark: &Benchmark, words: &Labels) -> String {
    let mut text = format!(
        "{} {}% {} {}",
        words.ahead_of, benchmark.percentile, words.of, benchmark.label
    );
    if benchmark.group.is_some() {
        let _ = write!(text, " ({} {})", benchmark.count, words.responses);
    }
    text
}

/// `label` padded to the value column, then the value.
fn labelled(label: &str, value: &str) -> String {
    format!("{}{value}", pad(label, LABEL))
}

/// `█████░░░░░`: one filled cell per five points, rounded.
fn bar(score: Score, style: Style) -> String {
    let tenths = usize::try_from(score.tenths().clamp(0, 1000)).unwrap_or(0);
    let filled = (tenths * BAR + 500) / 1000;
    format!(
        "{}{}",
        style.filled(&"█".repeat(filled)),
        style.dim(&"░".repeat(BAR - filled))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::TABLE;

    #[test]
    fn labels_leave_a_space_before_the_value_column() {
        for words in TABLE {
            for label in [
                words.respondent,
                words.overall,
                words.compared,
                words.level,
                words.capped,
                words.next_level,
                words.strengths,
                words.answered,
            ] {
                assert!(label.chars().count() < LABEL, "{}: {label:?}", words.lang);
            }
        }
    }

    #[test]
    fn bars_fill_one_cell_per_five_points() {
        let plain = Style::plain();
        assert_eq!(bar(Score::from_tenths(0), plain), "░".repeat(20));
        assert_eq!(bar(Score::from_tenths(1000), plain), "█".repeat(20));
        assert_eq!(
            bar(Score::from_tenths(725), plain),
            format!("{}{}", "█".repeat(15), "░".repeat(5))
        );
    }
}
