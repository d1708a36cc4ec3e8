//! The team view (`Questionnaire::team`, `team::combine`): spreads, the
//! questions answered furthest apart, and the combined answers.

use readiness_core::team::{combined, tally, AnswerCounts};
use readiness_core::{Answer, Answers, Lang, Questionnaire};

fn tiny() -> Questionnaire {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/questionnaires/tiny.json");
    Questionnaire::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    let mut answers = Answers::new();
    for (id, answer) in pairs {
        answers.insert(*id, *answer);
    }
    answers
}

use Answer::{DontKnow, NotApplicable, Value};

#[test]
fn three_members_spread_and_disagree() {
    let q = tiny();
    let sales = answers(&[
        ("a-one", Value(4)),
        ("a-two", Value(4)),
        ("b-one", Value(4)),
        ("b-sponsor", Value(4)),
    ]);
    let it = answers(&[
        ("a-one", Value(0)),
        ("a-two", Value(3)),
        ("b-one", Value(4)),
        ("b-sponsor", Value(3)),
    ]);
    let finance = answers(&[
        ("a-one", DontKnow),
        ("a-two", Value(3)),
        ("b-one", Value(1)),
        ("b-sponsor", Value(4)),
    ]);
    let members = [sales.clone(), it.clone(), finance.clone()];
    let team = q.team(&members, Lang::EN);
    assert_eq!(team.count, 3);

    // Each member's overall score is their own report's, in order.
    let own: Vec<f64> = members
        .iter()
        .map(|a| q.report(a, Lang::EN).overall.score.value())
        .collect();
    let scores: Vec<f64> = team.overall.scores.iter().map(|s| s.value()).collect();
    assert_eq!(scores, own);
    let mut sorted = own.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(
        (
            team.overall.min.value(),
            team.overall.median.value(),
            team.overall.max.value()
        ),
        (sorted[0], sorted[1], sorted[2])
    );
    assert_eq!(
        team.factors.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["alpha", "beta"]
    );
    assert_eq!(team.factors[0].name, "Alpha");

    // a-one: 4, 0 and "don't know" (the bottom): 4 apart; b-one: 3 apart.
    // a-two (4, 3, 3) and b-sponsor (4, 3, 4) are close: not named.
    let named: Vec<(&str, u8)> = team.disagreements.iter().map(|d| (d.id.as_str(), d.spread)).collect();
    assert_eq!(named, [("a-one", 4), ("b-one", 3)]);
    assert_eq!(team.disagreements[0].answers, ["4", "0", "dont-know"]);

    // The combined report is the report of the combined answers.
    let report = team.report.expect("a combined report");
    assert_eq!(report, q.report(&combined(&q, &tally(&q, &members)), Lang::EN));
}

#[test]
fn combined_answers_are_the_lower_median() {
    let q = tiny();
    let members = [
        answers(&[("a-one", Value(1)), ("a-two", Value(4)), ("a-three", NotApplicable)]),
        answers(&[("a-one", Value(3)), ("a-two", DontKnow), ("a-three", NotApplicable)]),
        answers(&[
            ("a-one", Value(2)),
            ("a-three", NotApplicable),
            ("b-one", NotApplicable),
        ]),
        answers(&[("a-one", Value(4)), ("a-two", Value(2)), ("b-one", Value(3))]),
    ];
    let combined = combined(&q, &tally(&q, &members));
    // a-one 1 2 3 4 -> 2 (the lower middle); a-two 0 2 4 -> 2; a-three all
    // not applicable; b-one: one 3 (the other said not applicable) -> 3;
    // b-sponsor: nobody -> no answer.
    assert_eq!(combined.get("a-one"), Some(Value(2)));
    assert_eq!(combined.get("a-two"), Some(Value(2)));
    assert_eq!(combined.get("a-three"), Some(NotApplicable));
    assert_eq!(combined.get("b-one"), Some(Value(3)));
    assert_eq!(combined.get("b-sponsor"), None);
    // The median of an even count of scores is the mean of the middle two.
    let team = q.team(&members[..2], Lang::EN);
    let (a, b) = (team.overall.scores[0].value(), team.overall.scores[1].value());
    assert!(
        (team.overall.median.value() - (a + b) / 2.0).abs() < 0.051,
        "{a} {b} {:?}",
        team.overall
    );
}

#[test]
fn no_members_no_report() {
    let team = tiny().team(&[], Lang::EN);
    assert_eq!(team.count, 0);
    assert!(team.report.is_none() && team.disagreements.is_empty());
}

#[test]
fn a_crowds_spread_is_its_middle_80_percent() {
    let mut counts = AnswerCounts::default();
    // 100 answers: 5 at step 0, 90 at step 2, 5 at step 4: the middle 80%
    // all say 2.
    for (answer, n) in [(Value(0), 5), (Value(2), 90), (Value(4), 5)] {
        for _ in 0..n {
            counts.add(Some(answer));
        }
    }
    assert_eq!(counts.spread(), 0);
    assert_eq!(counts.median(), Some(Value(2)));
    // Ten answers or fewer: the whole range.
    let mut few = AnswerCounts::default();
    for answer in [Value(1), DontKnow, Value(3)] {
        few.add(Some(answer));
    }
    assert_eq!(few.spread(), 3);
    assert_eq!(few.median(), Some(Value(1)));
    assert_eq!(AnswerCounts::default().median(), None);
    assert_eq!(AnswerCounts::default().spread(), 0);
}
