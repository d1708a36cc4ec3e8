//! The built-in questionnaire through the CLI: all top
//! answers print 100 and the top level; executive sponsorship at the
//! bottom prints a capped level and why.

use serde_json::{json, Map, Value};

use crate::support::{builtin, builtin_ids, readiness, text, Files};

const SPONSORSHIP: &str = "touchpoints-executive-sponsorship";

fn answers(ids: &[String], value: impl Fn(&str) -> Value) -> String {
    let answers: Map<String, Value> = ids.iter().map(|id| (id.clone(), value(id))).collect();
    json!({ "answers": answers }).to_string()
}

fn score_text(answers: &str) -> String {
    let files = Files::new();
    let path = files.write("answers.json", answers);
    let output = readiness()
        .arg("score")
        .arg(&path)
        .args(["--lang", "en"])
        .assert()
        .success();
    text(&output.get_output().stdout)
}

#[test]
fn all_top_answers_print_100_and_the_top_level() {
    let questionnaire = builtin();
    let top_level = questionnaire["levels"].as_array().unwrap().last().unwrap()["name"]["en"]
        .as_str()
        .unwrap()
        .to_owned();
    let stdout = score_text(&answers(&builtin_ids(), |_| json!(4)));
    assert!(stdout.contains("Overall score     100.0 / 100"), "{stdout}");
    assert!(stdout.contains(&format!("Level             {top_level}")), "{stdout}");
    assert!(!stdout.contains("Capped"), "{stdout}");
}

#[test]
fn executive_sponsorship_at_the_bottom_caps_the_level_and_says_why() {
    let questionnaire = builtin();
    let ids = builtin_ids();
    if !ids.iter().any(|id| id == SPONSORSHIP) {
        eprintln!("skipped: the built-in questionnaire has no `{SPONSORSHIP}` question yet");
        return;
    }
    let cap = questionnaire["caps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|cap| cap["question"] == SPONSORSHIP)
        .expect("a cap on executive sponsorship");
    let capped_level = questionnaire["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|level| level["id"] == cap["maxLevel"])
        .expect("the cap's level");
    let stdout = score_text(&answers(&ids, |id| json!(if id == SPONSORSHIP { 0 } else { 4 })));

    assert!(
        stdout.contains(&format!(
            "Level             {}",
            capped_level["name"]["en"].as_str().unwrap()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("Capped            The score alone reaches"), "{stdout}");
    // The reason, wrapped: its first words are on the bullet's line.
    let reason = cap["reason"]["en"].as_str().unwrap();
    let first_words: Vec<&str> = reason.split_whitespace().take(4).collect();
    assert!(stdout.contains(&format!("• {}", first_words.join(" "))), "{stdout}");
    assert!(stdout.contains("lifts a cap"), "{stdout}");
}
