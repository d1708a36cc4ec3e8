//! The lints (`Questionnaire::lints`): each found where it should be, with
//! its path, and none on the built-in questionnaire or the tiny one.

use readiness_core::Questionnaire;
use serde_json::{json, Value};

fn tiny() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/questionnaires/tiny.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The paths and messages of the lints of `value`, which must be valid.
fn lints(value: &Value) -> Vec<(String, String)> {
    let q = Questionnaire::from_json(&value.to_string()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    q.lints().into_iter().map(|lint| (lint.path, lint.message)).collect()
}

fn paths(value: &Value) -> Vec<String> {
    lints(value).into_iter().map(|(path, _)| path).collect()
}

#[test]
fn none_on_the_shipped_questionnaires() {
    assert_eq!(Questionnaire::builtin().lints(), []);
    assert_eq!(lints(&tiny()), []);
}

/// With default option scores, the tiny questionnaire's overall score is
/// (alpha + 2 beta) / 3, where
/// alpha = 6.25 a (a = 0 to 16, its questions weigh 1, 2 and 1) and beta =
/// 12.5 b (b = 0 to 8): 6.25 (a + 4b) / 3, steps of 2.08, so no answers
/// score from 39.6 to 41.7.
#[test]
fn a_level_between_two_scores() {
    let mut q = tiny();
    for option in q["factors"][1]["questions"][0]["options"].as_array_mut().unwrap() {
        option.as_object_mut().unwrap().remove("score");
    }
    q["levels"][2]["min"] = json!(39);
    q["levels"][3]["min"] = json!(40);
    q["levels"][4]["min"] = json!(41);
    assert_eq!(
        lints(&q),
        [(
            "levels[3]".to_owned(),
            "no answers give a score at level `l3`".to_owned()
        )]
    );
    q["levels"][4]["min"] = json!(42);
    assert_eq!(lints(&q), []);
}

#[test]
fn caps_that_never_bite() {
    let mut q = tiny();
    q["caps"][0]["maxLevel"] = json!("l4");
    q["caps"][1]["maxLevelsAbove"] = json!(4);
    assert_eq!(paths(&q), ["caps[0]", "caps[1]"]);
}

#[test]
fn options_that_read_the_same_and_advice_that_repeats() {
    let mut q = tiny();
    let options = &mut q["factors"][1]["questions"][0]["options"];
    options[3]["text"]["en"] = json!(format!(
        "{}.",
        options[1]["text"]["en"].as_str().unwrap().to_uppercase()
    ));
    let mut q = upgraded(q);
    let options = &mut q["factors"][1]["questions"][0]["options"];
    options[2]["advice"]["id"] = json!(format!(
        "  {}. ",
        options[2]["text"]["id"].as_str().unwrap().to_uppercase()
    ));
    assert_eq!(
        lints(&q),
        [
            (
                "factors[1].questions[0].options[2].advice.id".to_owned(),
                "the advice repeats the option's text in `id`".to_owned()
            ),
            (
                "factors[1].questions[0].options[3].text.en".to_owned(),
                "reads the same as option 1 in `en`".to_owned()
            ),
        ]
    );
}

#[test]
fn a_translation_much_longer_than_the_other() {
    let mut q = tiny();
    q["intro"]["en"] = json!(
        "An intro that goes on much longer in English than it does in the other language, so a part is missing there"
    );
    assert_eq!(
        lints(&q),
        [(
            "intro.en".to_owned(),
            "the `en` text is 3 times as long as the `id` one".to_owned()
        )]
    );
}

#[test]
fn a_questionnaire_that_takes_too_long() {
    let mut q = tiny();
    let long = ["word "; 4000].concat();
    q["factors"][0]["description"] = json!({ "id": long, "en": long });
    let found = lints(&q);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0],
        (
            "".to_owned(),
            "answering takes about 22 minutes in `id`, more than 15".to_owned()
        )
    );
}

/// `q` in format 2: the tiny file is format 1, whose advice is per question.
fn upgraded(q: Value) -> Value {
    let q = Questionnaire::from_json(&q.to_string()).unwrap();
    serde_json::to_value(&q).unwrap()
}
