//! The results chart: a radar of the factor scores, and one bar per factor.
//!
//! Coordinates are whole numbers so that no float formatting code ships in
//! the WebAssembly; at this size a pixel of rounding is invisible. Sine and
//! cosine come from JavaScript's `Math`, which is free, rather than Rust's.

use js_sys::Math;
use readiness_core::{Lang, Report};

use crate::dom::{el, El};
use readiness_core::decimal;

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

/// The radar: a ring per quarter, an axis and a numbered label per factor,
/// and the scores' polygon. Its accessible name lists every score.
pub fn radar(report: &Report, label: &str, lang: Lang) -> El {
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
        let score = factor.score.format(lang);
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
        let (lx, ly) = point(i, n, 1.22);
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
                    .attr("text-anchor", "middle")
                    .attr("dominant-baseline", "middle")
                    .class("rc-radar-label")
                    .text(&decimal(i as i64 + 1)),
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
