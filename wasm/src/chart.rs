//! The results chart: a radar of the factor scores, and one bar per factor.
//!
//! Coordinates are whole numbers so that no float formatting code ships in
//! the WebAssembly; at this size a pixel of rounding is invisible. Sine and
//! cosine come from JavaScript's `Math`, which is free, rather than Rust's.

use js_sys::Math;
use readiness_core::{Lang, Report};

use crate::dom::{svg, El};

const VIEW_BOX: &str = "0 0 260 260";
const CENTER: i32 = 130;
const RADIUS: f64 = 90.0;

/// The point at `fraction` (0 to 1) of the radius on axis `i` of `n`,
/// starting at the top and going clockwise.
fn point(i: usize, n: usize, fraction: f64) -> (i32, i32) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    let x = RADIUS * fraction * Math::cos(angle);
    let y = RADIUS * fraction * Math::sin(angle);
    (CENTER + x.round() as i32, CENTER + y.round() as i32)
}

fn polygon(points: impl Iterator<Item = (i32, i32)>) -> String {
    points.map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ")
}

/// The radar: a ring per quarter, an axis and a numbered label per factor,
/// and the scores' polygon. Its accessible name lists every score.
pub fn radar(report: &Report, label: &str, lang: Lang) -> El {
    let n = report.factors.len().max(3);
    let fractions: Vec<f64> = report
        .factors
        .iter()
        .map(|factor| factor.score.value() / 100.0)
        .collect();
    let summary: Vec<String> = report
        .factors
        .iter()
        .enumerate()
        .map(|(i, factor)| format!("{}. {}: {}", i + 1, factor.name, factor.score.format(lang)))
        .collect();
    let mut chart = svg("svg")
        .attr("viewBox", VIEW_BOX)
        .attr("role", "img")
        .attr("aria-label", &format!("{label}. {}", summary.join("; ")))
        .class("rc-radar");
    for ring in 1..=4 {
        let points = polygon((0..n).map(|i| point(i, n, f64::from(ring) / 4.0)));
        chart = chart.child(svg("polygon").attr("points", &points).class("rc-radar-ring"));
    }
    for i in 0..n {
        let (x, y) = point(i, n, 1.0);
        let (lx, ly) = point(i, n, 1.22);
        chart = chart
            .child(
                svg("line")
                    .attr("x1", &CENTER.to_string())
                    .attr("y1", &CENTER.to_string())
                    .attr("x2", &x.to_string())
                    .attr("y2", &y.to_string())
                    .class("rc-radar-axis"),
            )
            .child(
                svg("text")
                    .attr("x", &lx.to_string())
                    .attr("y", &ly.to_string())
                    .attr("text-anchor", "middle")
                    .attr("dominant-baseline", "middle")
                    .class("rc-radar-label")
                    .text(&(i + 1).to_string()),
            );
    }
    let scores = polygon(fractions.iter().enumerate().map(|(i, fraction)| point(i, n, *fraction)));
    chart = chart.child(svg("polygon").attr("points", &scores).class("rc-radar-area"));
    for (i, fraction) in fractions.iter().enumerate() {
        let (x, y) = point(i, n, *fraction);
        chart = chart.child(
            svg("circle")
                .attr("cx", &x.to_string())
                .attr("cy", &y.to_string())
                .attr("r", "4")
                .class("rc-radar-dot"),
        );
    }
    chart
}

/// A horizontal bar for a score, hidden from assistive technology: the
/// number beside it says the same.
pub fn bar(tenths: i32) -> El {
    svg("svg")
        .attr("viewBox", "0 0 1000 10")
        .attr("preserveAspectRatio", "none")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .class("rc-bar")
        .child(
            svg("rect")
                .attr("width", "1000")
                .attr("height", "10")
                .class("rc-bar-track"),
        )
        .child(
            svg("rect")
                .attr("width", &tenths.to_string())
                .attr("height", "10")
                .class("rc-bar-fill"),
        )
}
