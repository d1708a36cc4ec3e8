//! Benchmarks: validating the built-in questionnaire,
//! scoring one response (the full report, and the fast path), and scoring
//! a synthetic questionnaire of 1,000 questions.
//!
//! `cargo bench -p readiness-core` runs them in the `bench` profile.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use readiness_core::{Answer, Answers, Lang, Questionnaire, BUILTIN_JSON};
use serde_json::{json, Value};

/// A mixed response: every step of the scale, "don't know", "not
/// applicable" where allowed, and a few questions left unanswered.
fn mixed_answers(q: &Questionnaire) -> Answers {
    let mut answers = Answers::new();
    for (i, (_, question)) in q.questions().enumerate() {
        let answer = match i % 8 {
            0 => Some(Answer::Value(0)),
            1 => Some(Answer::Value(1)),
            2 => Some(Answer::Value(2)),
            3 => Some(Answer::Value(3)),
            4 => Some(Answer::Value(4)),
            5 => Some(Answer::DontKnow),
            6 if question.allow_not_applicable => Some(Answer::NotApplicable),
            6 => Some(Answer::Value(3)),
            _ => None,
        };
        if let Some(answer) = answer {
            answers.insert(question.id.clone(), answer);
        }
    }
    answers
}

fn text(what: &str) -> Value {
    json!({ "id": format!("{what} (id)"), "en": what })
}

/// A valid questionnaire of `factors` × `per_factor` questions, in both
/// languages, with option scores on every other question and both caps.
fn synthetic_json(factors: usize, per_factor: usize) -> String {
    let levels: Vec<Value> = ["l0", "l1", "l2", "l3", "l4"]
        .iter()
        .zip([0, 20, 40, 60, 80])
        .map(|(id, min)| json!({ "id": id, "min": min, "name": text(id), "description": text(id) }))
        .collect();
    let factors: Vec<Value> = (0..factors)
        .map(|f| {
            let questions: Vec<Value> = (0..per_factor)
                .map(|i| {
                    let id = format!("f{f}-q{i}");
                    let options: Vec<Value> = (0..5)
                        .map(|o| {
                            let option = text(&format!("{id} option {o}"));
                            let mut value = json!({ "text": option });
                            if o < 4 {
                                value["advice"] = text(&format!("{id} step {o}"));
                            }
                            if i % 2 == 0 {
                                value["score"] = json!([0, 10, 40, 70, 100][o]);
                            }
                            value
                        })
                        .collect();
                    json!({
                        "id": id,
                        "weight": 1 + i % 3,
                        "title": text(&format!("{id} title")),
                        "prompt": text(&format!("{id}?")),
                        "options": options,
                        "allowNotApplicable": i % 10 == 9,
                    })
                })
                .collect();
            json!({
                "id": format!("f{f}"),
                "weight": 1 + f % 2,
                "name": text(&format!("factor {f}")),
                "description": text(&format!("factor {f} description")),
                "questions": questions,
            })
        })
        .collect();
    json!({
        "formatVersion": 2,
        "id": "synthetic",
        "version": "1",
        "languages": ["id", "en"],
        "title": text("Synthetic"),
        "intro": text("A synthetic questionnaire for benchmarks"),
        "levels": levels,
        "factors": factors,
        "caps": [
            { "rule": "answerBelow", "id": "sponsor", "question": "f0-q0", "below": 2, "maxLevel": "l1", "reason": text("sponsor") },
            { "rule": "weakestFactor", "id": "weakest", "maxLevelsAbove": 1, "reason": text("weakest") },
        ],
    })
    .to_string()
}

fn builtin(c: &mut Criterion) {
    c.bench_function("validate built-in questionnaire (from_json)", |b| {
        b.iter(|| Questionnaire::from_json(black_box(BUILTIN_JSON)).expect("valid"))
    });

    let q = Questionnaire::builtin();
    let answers = mixed_answers(q);
    c.bench_function("score one response, full report (built-in)", |b| {
        b.iter(|| q.score(black_box(&answers), Lang::EN).expect("valid answers"))
    });

    let sheet = readiness_core::Sheet::new(q, &answers);
    c.bench_function("score one response, fast path `scores` (built-in)", |b| {
        b.iter(|| q.scores(black_box(&sheet)).expect("valid answers"))
    });
}

fn synthetic(c: &mut Criterion) {
    let text = synthetic_json(10, 100);
    let q = Questionnaire::from_json(&text).unwrap_or_else(|problems| panic!("synthetic questionnaire: {problems:?}"));
    assert_eq!(q.questions().count(), 1_000);
    let answers = mixed_answers(&q);
    c.bench_function("score one response, full report (1,000 questions)", |b| {
        b.iter(|| q.score(black_box(&answers), Lang::EN).expect("valid answers"))
    });

    let sheet = readiness_core::Sheet::new(&q, &answers);
    c.bench_function("score one response, fast path `scores` (1,000 questions)", |b| {
        b.iter(|| q.scores(black_box(&sheet)).expect("valid answers"))
    });

    c.bench_function("validate synthetic questionnaire (1,000 questions)", |b| {
        b.iter(|| Questionnaire::from_json(black_box(&text)).expect("valid"))
    });
}

criterion_group!(benches, builtin, synthetic);
criterion_main!(benches);
