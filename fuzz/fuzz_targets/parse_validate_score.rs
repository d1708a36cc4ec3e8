//! Parsing + validation + scoring on arbitrary bytes.
//!
//! Input layout: the first byte picks the questionnaire. Even: the built-in
//! one, and the rest is the answers part. Odd: the rest is split at its
//! first NUL byte into a questionnaire part and an answers part (no NUL: all
//! questionnaire, empty answers). Bytes that are not UTF-8 are replaced, so
//! that the fuzzer still reaches the JSON reader with them.
//!
//! Besides "never panics", every report of a questionnaire that validated is
//! checked against the rules that hold for any valid questionnaire.

#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use readiness_core::{json, share, Answer, Answers, Lang, Questionnaire, Report};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let parsed;
    let (questionnaire, answers_part): (Option<&Questionnaire>, &[u8]) = if first % 2 == 0 {
        (Some(Questionnaire::builtin()), rest)
    } else {
        let (q_part, a_part) = match rest.iter().position(|&b| b == 0) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &[][..]),
        };
        let text = String::from_utf8_lossy(q_part);
        let _ = json::parse(&text);
        parsed = Questionnaire::from_json(&text);
        match &parsed {
            Ok(q) => (Some(q), a_part),
            Err(problems) => {
                assert!(!problems.is_empty(), "an invalid questionnaire comes with its problems");
                (None, a_part)
            }
        }
    };
    let answers_text: Cow<'_, str> = String::from_utf8_lossy(answers_part);
    let _ = json::parse(&answers_text);
    let _ = Answers::from_json(&answers_text);
    let Some(q) = questionnaire else {
        return;
    };

    // A share code that opens is exactly the code of what it opened to.
    if let Ok(answers) = share::decode(q, &answers_text) {
        assert_eq!(share::encode(q, &answers), answers_text);
    }

    let Ok(response) = q.read_response(&answers_text) else {
        return;
    };
    let answers = &response.answers;
    let report = q
        .score(answers, Lang::EN)
        .expect("answers that read_response accepted score");
    check(q, answers, &report);
    let _ = q
        .score(answers, Lang::new("id"))
        .expect("the language changes nothing but texts");

    let scores = q
        .scores(&readiness_core::Sheet::new(q, answers))
        .expect("the fast path accepts them too");
    assert_eq!(scores.overall, report.overall.score);
    assert_eq!(scores.level, report.overall.level.index);
    let factor_scores: Vec<_> = report.factors.iter().map(|factor| factor.score).collect();
    assert_eq!(scores.factors, factor_scores);

    let code = share::encode(q, answers);
    assert_eq!(share::decode(q, &code).as_ref(), Ok(answers), "share code {code}");
});

fn check(q: &Questionnaire, answers: &Answers, report: &Report) {
    let in_range = |tenths: i32| (0..=1000).contains(&tenths);
    assert!(
        in_range(report.overall.score.tenths()),
        "overall {:?}",
        report.overall.score
    );
    for factor in &report.factors {
        assert!(
            in_range(factor.score.tenths()),
            "factor {} {:?}",
            factor.id,
            factor.score
        );
        assert!(factor.level.index < q.levels.len());
    }
    assert!(report.overall.level.index <= report.overall.uncapped_level.index);
    assert_eq!(
        report.overall.caps.is_empty(),
        report.overall.level == report.overall.uncapped_level
    );
    for recommendation in &report.recommendations {
        assert!(recommendation.gain.tenths() >= 0, "{recommendation:?}");
        assert!(recommendation.gain_to_top >= recommendation.gain, "{recommendation:?}");
    }
    let counted = answers
        .iter()
        .filter(|(_, answer)| *answer != Answer::NotApplicable)
        .count();
    assert!(report.answered >= counted);
    assert_eq!(report.answered + report.missing.len(), report.total);
    // Benchmarks: a comparison on overall and on every factor, whole
    // percent, and the same count on each; and every group compares too.
    if let Some(benchmarks) = &q.benchmarks {
        let overall = report.overall.benchmark.as_ref().expect("overall compared");
        assert!(overall.percentile <= 100 && overall.count == benchmarks.count);
        for factor in &report.factors {
            let compared = factor.benchmark.as_ref().expect("each factor compared");
            assert!(compared.percentile <= 100 && compared.count == overall.count);
        }
        for group in &benchmarks.groups {
            let mut by_group = report.clone();
            q.benchmark(&mut by_group, Some(&group.id));
            let compared = by_group.overall.benchmark.expect("compared with the group");
            assert_eq!(compared.group.as_deref(), Some(group.id.as_str()));
            assert!(compared.percentile <= 100 && compared.count == group.count);
        }
    } else {
        assert!(report.overall.benchmark.is_none());
    }
}
