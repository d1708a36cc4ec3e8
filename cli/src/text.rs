//! A report as text for a person at an 80-column terminal: the overall
//! score and level, each factor with a bar, the caps and why, the top
//! recommendations with their gain, and what is already strong.

use std::fmt::Write;

use readiness_core::{Report, Score};

use crate::labels::{labels, Labels};
use crate::layout::{pad, wrap, WIDTH};
use crate::style::Style;

/// Where values start after a label such as "Overall score".
const LABEL: usize = 18;
/// Bar cells: one per five points.
const BAR: usize = 20;
const RECOMMENDATIONS: usize = 3;

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

    line(&style.bold(words.factors));
    let levels = report
        .factors
        .iter()
        .map(|factor| factor.level.name.chars().count())
        .max()
        .unwrap_or(0);
    let room = WIDTH.saturating_sub(2 + 2 + BAR + 2 + 5 + 2 + levels).max(12);
    let names = report
        .factors
        .iter()
        .map(|factor| factor.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(room);
    for factor in &report.factors {
        line(&format!(
            "  {}  {}  {:>5}  {}",
            pad(&factor.name, names),
            bar(factor.score, style),
            number(factor.score),
            factor.level.name
        ));
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
