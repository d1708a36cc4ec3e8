//! What a visitor is told must make sense for their answers: properties of
//! the ranking, the caps and the advice, checked over every answer of the
//! built-in questionnaire rather than a few vectors.

use readiness_core::{Answer, Answers, Lang, Questionnaire, Report};

fn builtin() -> &'static Questionnaire {
    Questionnaire::builtin()
}

/// Every question answered `value`, except `id`, answered `answer`.
fn all_but(q: &Questionnaire, value: u8, id: &str, answer: Answer) -> Answers {
    q.questions()
        .map(|(_, question)| {
            let given = if question.id == id {
                answer
            } else {
                Answer::Value(value)
            };
            (question.id.clone(), given)
        })
        .collect()
}

fn report(q: &Questionnaire, answers: &Answers) -> Report {
    q.score(answers, Lang::EN).expect("valid answers")
}

/// The answers a visitor can give to a question, "not applicable" where
/// allowed.
fn every_answer(allow_not_applicable: bool) -> Vec<Answer> {
    let mut answers: Vec<Answer> = (0..=Answer::TOP).map(Answer::Value).collect();
    answers.push(Answer::DontKnow);
    if allow_not_applicable {
        answers.push(Answer::NotApplicable);
    }
    answers
}

/// No single answer holds a visitor whose other answers are all at the top
/// below the middle level, and the level held is never below a level its
/// own description contradicts: the capped visitor is told why, with the
/// level their answers earn.
#[test]
fn no_single_answer_holds_a_strong_visitor_below_the_middle_level() {
    let q = builtin();
    let middle = q.levels.len() / 2;
    for (_, question) in q.questions() {
        for answer in every_answer(question.allow_not_applicable) {
            let report = report(q, &all_but(q, Answer::TOP, &question.id, answer));
            let level = &report.overall.level;
            assert!(
                level.index >= middle,
                "{} answered {answer:?} holds the level at {}",
                question.id,
                level.id
            );
            if level.index < report.overall.uncapped_level.index {
                assert!(
                    !report.overall.caps.is_empty(),
                    "{}: held without a reason",
                    question.id
                );
                for cap in &report.overall.caps {
                    assert!(
                        cap.reason.contains(&cap.max_level.name),
                        "the reason of cap `{}` does not name the level it holds at ({})",
                        cap.id,
                        cap.max_level.name
                    );
                }
            }
        }
    }
}

/// Of two questions with the same weight in one factor, the one answered
/// lower ranks higher (unless the other lifts a cap): where the answer
/// stands counts.
#[test]
fn ranking_follows_where_each_answer_stands() {
    let q = builtin();
    let mut compared = 0;
    for factor in &q.factors {
        for a in &factor.questions {
            for b in &factor.questions {
                if a.id >= b.id || a.weight != b.weight {
                    continue;
                }
                for low in 0..Answer::TOP {
                    for high in low + 1..Answer::TOP {
                        let mut answers = all_but(q, 2, &a.id, Answer::Value(low));
                        answers.insert(b.id.clone(), Answer::Value(high));
                        let report = report(q, &answers);
                        let place = |id: &str| {
                            report
                                .recommendations
                                .iter()
                                .position(|r| r.question_id == id)
                                .expect("answers below the top are recommended")
                        };
                        let lifts_cap = report.recommendations[place(&b.id)].lifts_cap;
                        assert!(
                            lifts_cap || place(&a.id) < place(&b.id),
                            "{} at {low} ranks below {} at {high}",
                            a.id,
                            b.id
                        );
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 0, "the built-in questionnaire has questions of equal weight");
}

/// Different visitors get different advice: over many answer sets, the top
/// three differ far more often than a fixed order would allow.
#[test]
fn different_visitors_get_different_top_three() {
    let q = builtin();
    let ids: Vec<&str> = q.questions().map(|(_, question)| question.id.as_str()).collect();
    let mut seed = 17u32;
    let mut seen: Vec<Vec<String>> = Vec::new();
    for _ in 0..100 {
        let answers: Answers = ids
            .iter()
            .map(|id| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((*id).to_owned(), Answer::Value(((seed >> 16) % 5) as u8))
            })
            .collect();
        let top: Vec<String> = report(q, &answers)
            .recommendations
            .iter()
            .take(3)
            .map(|r| r.question_id.clone())
            .collect();
        if !seen.contains(&top) {
            seen.push(top);
        }
    }
    assert!(
        seen.len() >= 50,
        "only {} different top-three lists in 100 visitors",
        seen.len()
    );
}

/// A visitor with nothing in place is told to write the strategy first: the
/// article's whole frame.
#[test]
fn nothing_in_place_starts_with_the_strategy() {
    let q = builtin();
    let answers = all_but(q, 0, "", Answer::Value(0));
    let report = report(q, &answers);
    let top: Vec<&str> = report
        .recommendations
        .iter()
        .take(3)
        .map(|r| r.question_id.as_str())
        .collect();
    assert_eq!(top.first(), Some(&"alignment-strategy-first"), "top three: {top:?}");
}

/// The article's frame weighs most in its factor: strategy before tools,
/// and evaluation by people close to the business process.
#[test]
fn the_frame_weighs_most() {
    let q = builtin();
    let alignment = q
        .factors
        .iter()
        .find(|f| f.id == "alignment")
        .expect("the alignment factor");
    let weight = |id: &str| {
        alignment
            .questions
            .iter()
            .find(|question| question.id == id)
            .unwrap_or_else(|| panic!("{id} is a question of alignment"))
            .weight
    };
    let frame = [
        weight("alignment-strategy-first"),
        weight("alignment-business-evaluation"),
    ];
    for question in &alignment.questions {
        if !question.id.ends_with("strategy-first") && !question.id.ends_with("business-evaluation") {
            assert!(
                frame.iter().all(|w| *w > question.weight),
                "{} weighs as much as the frame",
                question.id
            );
        }
    }
}

/// Every answer below the top has its own next step: four distinct advice
/// texts per question, none repeating an option's text, in every language.
#[test]
fn every_step_has_its_own_advice() {
    let q = builtin();
    for (_, question) in q.questions() {
        for &lang in &q.languages {
            let mut seen: Vec<&str> = Vec::new();
            for value in 0..Answer::TOP {
                let advice = question
                    .advice(value)
                    .unwrap_or_else(|| panic!("{} option {value} has no advice", question.id))
                    .get(lang);
                assert!(
                    !seen.contains(&advice),
                    "{} repeats advice at option {value} ({lang})",
                    question.id
                );
                for option in &question.options {
                    assert_ne!(
                        advice,
                        option.text.get(lang),
                        "{} advice {value} is an option's text",
                        question.id
                    );
                }
                seen.push(advice);
            }
            assert!(
                question.advice(Answer::TOP).is_none(),
                "{}: the top option has advice",
                question.id
            );
        }
    }
}

/// The built-in questionnaire asks 18 to 20 questions, and the time the
/// widget announces stays honest for it.
#[test]
fn the_builtin_is_short_and_says_how_long_it_takes() {
    let q = builtin();
    let questions = q.questions().count();
    assert!((18..=20).contains(&questions), "{questions} questions");
    for &lang in &q.languages {
        let minutes = q.minutes(lang);
        assert!((6..=10).contains(&minutes), "{lang}: about {minutes} minutes");
    }
}

/// Version-1 files (a marketer's own) still load: each old text serves the
/// steps it covered, "start" for answers 0 and 1, "improve" for 2 and 3.
#[test]
fn version_1_files_still_load() {
    let text = include_str!("../../tests/questionnaires/tiny.json");
    assert!(text.contains("\"formatVersion\": 1"), "tiny.json is a version-1 file");
    let q = Questionnaire::from_json(text).expect("a valid version-1 questionnaire");
    assert_eq!(q.format_version, readiness_core::FORMAT_VERSION);
    let old: serde_json::Value = serde_json::from_str(text).expect("JSON");
    for (f, factor) in q.factors.iter().enumerate() {
        for (i, question) in factor.questions.iter().enumerate() {
            let advice = &old["factors"][f]["questions"][i]["advice"];
            for value in 0..Answer::TOP {
                let expected = if value < 2 {
                    &advice["start"]["en"]
                } else {
                    &advice["improve"]["en"]
                };
                let got = question.advice(value).expect("upgraded advice").get(Lang::EN);
                assert_eq!(Some(got), expected.as_str(), "{} option {value}", question.id);
            }
        }
    }
    // And scoring a version-1 file gives the step's text.
    let mut answers = Answers::new();
    let first = &q.factors[0].questions[0];
    answers.insert(first.id.clone(), Answer::Value(2));
    let report = q.score(&answers, Lang::EN).expect("valid answers");
    let recommendation = report
        .recommendations
        .iter()
        .find(|r| r.question_id == first.id)
        .expect("recommended");
    assert_eq!(recommendation.text, first.advice(2).expect("advice").get(Lang::EN));
}
