//! `readiness score`: one set of answers, as text or JSON.

use predicates::prelude::*;
use serde_json::json;

use crate::support::{json, lines, readiness, text, tiny, Files};

/// The tiny questionnaire's "sponsor cap" answers: score 75, level l3 by
/// the score, held at l1 because b-sponsor is below 2.
const SPONSOR_CAPPED: &str =
    r#"{"respondent": "r-17", "answers": {"a-one": 4, "a-two": 4, "a-three": 4, "b-one": 4, "b-sponsor": 1}}"#;

fn score(args: &[&str], answers: &str) -> assert_cmd::assert::Assert {
    let files = Files::new();
    let path = files.write("answers.json", answers);
    readiness()
        .arg("score")
        .arg(&path)
        .arg("--questionnaire")
        .arg(tiny())
        .args(args)
        .assert()
}

#[test]
fn text_shows_score_level_bars_caps_and_recommendations() {
    let output = score(&["--lang", "en"], SPONSOR_CAPPED).success();
    let stdout = text(&output.get_output().stdout);
    for expected in [
        "Readiness report · tiny v1",
        "Respondent        r-17",
        "Overall score     75.0 / 100",
        "Level             Level 1",
        "                  Description 1",
        "Capped            The score alone reaches Level 3; these rules hold the level at",
        "• No sponsor",
        "  Alpha  ████████████████████  100.0  Level 4",
        "  Beta   █████████████░░░░░░░   62.5  Level 3",
        "  1. b-sponsor title",
        "+8.3  (to the top +25.0), lifts a cap",
        "     start b-sponsor",
        "Strengths         4 answers already at the top",
        "Answered          5 of 5",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line:?}");
    }
    assert!(
        !stdout.contains('\x1b'),
        "no colour when standard output is not a terminal"
    );
}

#[test]
fn text_in_indonesian_uses_its_words_and_decimal_comma() {
    let output = score(&["--lang", "id"], SPONSOR_CAPPED).success();
    let stdout = text(&output.get_output().stdout);
    assert!(stdout.contains("Skor keseluruhan  75,0 / 100"), "{stdout}");
    assert!(stdout.contains("62,5  Level 3 (id)"), "{stdout}");
    assert!(stdout.contains("Dibatasi"), "{stdout}");
}

#[test]
fn the_language_defaults_to_the_locale() {
    let files = Files::new();
    let path = files.write("answers.json", SPONSOR_CAPPED);
    for (locale, expected) in [("id_ID.UTF-8", "Skor keseluruhan"), ("C.UTF-8", "Overall score")] {
        readiness()
            .env("LANG", locale)
            .arg("score")
            .arg(&path)
            .arg("--questionnaire")
            .arg(tiny())
            .assert()
            .success()
            .stdout(predicate::str::contains(expected));
    }
}

#[test]
fn json_is_the_core_report_with_the_respondent_first() {
    let output = score(&["--format", "json", "--lang", "en"], SPONSOR_CAPPED).success();
    let stdout = text(&output.get_output().stdout);
    assert!(
        stdout.starts_with("{\n  \"respondent\": \"r-17\",\n  \"questionnaire\""),
        "{stdout}"
    );
    let report = json(stdout.as_bytes());
    assert_eq!(report["overall"]["score"], json!(75.0));
    assert_eq!(report["overall"]["level"]["id"], "l1");
    assert_eq!(report["overall"]["caps"][0]["id"], "sponsor");
}

#[test]
fn answers_come_from_standard_input_with_a_dash() {
    let from_file = score(&["--format", "json"], SPONSOR_CAPPED)
        .success()
        .get_output()
        .stdout
        .clone();
    readiness()
        .args(["score", "-", "--format", "json", "--questionnaire"])
        .arg(tiny())
        .write_stdin(SPONSOR_CAPPED)
        .assert()
        .success()
        .stdout(text(&from_file));
}

#[test]
fn bad_answers_exit_1_listing_every_problem() {
    let output = score(&[], r#"{"answers": {"a-one": 5, "a-onee": 1, "b-one": "3"}}"#).code(1);
    let stderr = lines(&output.get_output().stderr);
    assert_eq!(stderr.len(), 3, "{stderr:#?}");
    assert!(stderr[0].ends_with("answers.json: answers.a-one: not a valid answer; answer with a whole number from 0 to 4, \"dont-know\", \"not-applicable\" or null (unanswered)"));
    assert!(stderr[1]
        .ends_with("answers.json: answers.b-one: the answer \"3\" is a string; write the number 3 without quotes"));
    assert!(stderr[2].ends_with("answers.json: answers.a-onee: no question has the id `a-onee`; did you mean `a-one`?"));
    assert!(output.get_output().stdout.is_empty());
}

#[test]
fn an_invalid_questionnaire_exits_1_and_a_missing_one_2() {
    let files = Files::new();
    let answers = files.write("answers.json", r#"{"answers": {}}"#);
    let broken = files.write("broken.json", r#"{"formatVersion": 1}"#);
    readiness()
        .arg("score")
        .arg(&answers)
        .arg("--questionnaire")
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.json: id: missing field `id`"));
    readiness()
        .arg("score")
        .arg(&answers)
        .arg("--questionnaire")
        .arg(files.dir().join("nowhere.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: cannot read ").and(predicate::str::contains("nowhere.json")));
}

#[test]
fn a_missing_answers_file_exits_2() {
    readiness()
        .args(["score", "no-such-answers.json"])
        .assert()
        .code(2)
        .stderr("error: cannot read no-such-answers.json: no such file or directory\n");
}
