//! The results chart: a radar of the factor scores, and one bar per factor.
//!
//! Coordinates are whole numbers so that no float formatting code ships in
//! the WebAssembly; at this size a pixel of rounding is invisible.

use readiness_core::Report;

use crate::dom::{el, El};
use readiness_core::decimal;

/// Wider than the radar itself: the factors' short names stand beside the
/// left and right axes.
const VIEW_BOX: &str = "-125 0 510 260";
const CENTER: i32 = 130;
const RADIUS: f64 = 90.0;

/// The point at `fraction` (0 to 1) of the radius on axis `i` of `n`,
/// starting at the top and going clockwise.
fn point(i: usize, n: usize, fraction: f64) -> (i32, i32) {
    // From the top, clockwise: (sin, -cos) of the angle from the top.
    let (cos, sin) = cos_sin(std::f64::consts::TAU * i as f64 / n as f64);
    let x = RADIUS * fraction * sin;
    let y = -RADIUS * fraction * cos;
    (CENTER + x.round() as i32, CENTER + y.round() as i32)
}

/// Cosine and sine of `angle` (0 to 2π), by their Taylor series around the
/// nearest of 0, π/2, π and 3π/2: a few lines instead of a maths library's
/// kilobytes, exact to far below the pixel this is rounded to.
fn cos_sin(angle: f64) -> (f64, f64) {
    let quarter = std::f64::consts::FRAC_PI_2;
    let turns = (angle / quarter).round();
    let x = angle - turns * quarter;
    // x is within ±π/4: terms up to x^15 leave an error below 1e-14.
    let (mut cos, mut sin, mut term) = (0.0, 0.0, 1.0);
    for k in 0..16 {
        if k % 2 == 0 {
            cos += if k % 4 == 0 { term } else { -term };
        } else {
            sin += if k % 4 == 1 { term } else { -term };
        }
        term *= x / f64::from(k + 1);
    }
    match turns as i32 & 3 {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

/// `x,y x,y …` for a `points` attribute: on each axis `i` of `n`, the
/// point at `fractions[i]`.
fn polygon(fractions: &[f64], n: usize) -> String {
    let mut out = String::new();
    for (i, fraction) in fractions.iter().enumerate() {
        let (x, y) = point(i, n, *fraction);
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&number(x));
        out.push(',');
        out.push_str(&number(y));
    }
    out
}

fn number(n: i32) -> String {
    decimal(n.into())
}

/// The radar: a ring per quarter, an axis labelled with each factor's short
/// name, and the scores' polygon. Its accessible name lists every score.
pub fn radar(report: &Report, label: &str, decimal_point: &str) -> El {
    let n = report.factors.len().max(3);
    let mut fractions = Vec::new();
    for factor in &report.factors {
        fractions.push(factor.score.value() / 100.0);
    }
    // "Label. 1. Name: 72.5; 2. Name: 40.0"
    let mut summary = [label, ". "].concat();
    for (i, factor) in report.factors.iter().enumerate() {
        if i > 0 {
            summary.push_str("; ");
        }
        let score = factor.score.format(decimal_point);
        summary.push_str(&[&decimal(i as i64 + 1), ". ", &factor.name, ": ", &score].concat());
    }
    let mut chart = el("svg")
        .attr("viewBox", VIEW_BOX)
        .attr("role", "img")
        .attr("aria-label", &summary)
        .class("rc-radar");
    for ring in 1..=4 {
        let points = polygon(&vec![f64::from(ring) / 4.0; n], n);
        chart = chart.child(el("polygon").attr("points", &points).class("rc-radar-ring"));
    }
    for i in 0..n {
        let (x, y) = point(i, n, 1.0);
        let (lx, ly) = point(i, n, 1.12);
        // Labels beside an axis read away from the centre; above and below
        // it they are centred.
        let anchor = if lx > CENTER + 4 {
            "start"
        } else if lx < CENTER - 4 {
            "end"
        } else {
            "middle"
        };
        let name = report.factors.get(i).map_or("", |factor| factor.short_name.as_str());
        chart = chart
            .child(
                el("line")
                    .attr("x1", &number(CENTER))
                    .attr("y1", &number(CENTER))
                    .attr("x2", &number(x))
                    .attr("y2", &number(y))
                    .class("rc-radar-axis"),
            )
            .child(
                el("text")
                    .attr("x", &number(lx))
                    .attr("y", &number(ly))
                    .attr("text-anchor", anchor)
                    .attr("dominant-baseline", "middle")
                    .class("rc-radar-label")
                    .text(name),
            );
    }
    let scores = polygon(&fractions, n);
    chart = chart.child(el("polygon").attr("points", &scores).class("rc-radar-area"));
    for (i, fraction) in fractions.iter().enumerate() {
        let (x, y) = point(i, n, *fraction);
        chart = chart.child(
            el("circle")
                .attr("cx", &number(x))
                .attr("cy", &number(y))
                .attr("r", "4")
                .class("rc-radar-dot"),
        );
    }
    chart
}

/// A horizontal bar for a score, hidden from assistive technology: the
/// number beside it says the same.
pub fn bar(tenths: i32) -> El {
    el("svg")
        .attr("viewBox", "0 0 1000 10")
        .attr("preserveAspectRatio", "none")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .class("rc-bar")
        .child(
            el("rect")
                .attr("width", "1000")
                .attr("height", "10")
                .class("rc-bar-track"),
        )
        .child(
            el("rect")
                .attr("width", &number(tenths))
                .attr("height", "10")
                .class("rc-bar-fill"),
        )
}

#[cfg(feature = "compare")]
/// A distribution of scores as a strip of twenty bars (one per band of
/// five points, as tall as its share of the busiest band), with a mark at
/// `tenths`: where the visitor stands among the others. Hidden from
/// assistive technology: the percentile beside it says the same.
pub fn strip(bins: &[u32], tenths: i32) -> El {
    let busiest = bins.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = el("svg")
        .attr("viewBox", "0 0 1000 100")
        .attr("preserveAspectRatio", "none")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .class("rc-strip");
    for (i, &n) in bins.iter().enumerate() {
        // At least a sliver: an empty band still shows as a band.
        let height = (u64::from(n) * 96 / u64::from(busiest)) as i32 + 4;
        svg = svg.child(
            el("rect")
                .attr("x", &number(i as i32 * 50 + 3))
                .attr("y", &number(100 - height))
                .attr("width", "44")
                .attr("height", &number(height))
                .class("rc-strip-bar"),
        );
    }
    svg.child(
        el("rect")
            .attr("x", &number(tenths.clamp(8, 992) - 8))
            .attr("width", "16")
            .attr("height", "100")
            .class("rc-strip-you"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // The standard library's sin and cos as the reference: natively, in a
    // test, their size does not matter.
    #[allow(clippy::disallowed_methods)]
    #[test]
    fn cos_sin_matches_the_standard_library() {
        for step in 0..=720 {
            let angle = std::f64::consts::TAU * f64::from(step) / 720.0;
            let (cos, sin) = cos_sin(angle);
            assert!((cos - angle.cos()).abs() < 1e-12, "cos {angle}");
            assert!((sin - angle.sin()).abs() < 1e-12, "sin {angle}");
        }
    }

    #[test]
    fn four_axes_point_up_right_down_left() {
        assert_eq!(point(0, 4, 1.0), (130, 40));
        assert_eq!(point(1, 4, 1.0), (220, 130));
        assert_eq!(point(2, 4, 1.0), (130, 220));
        assert_eq!(point(3, 4, 1.0), (40, 130));
    }
}
