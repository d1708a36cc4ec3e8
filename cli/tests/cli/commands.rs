//! `questionnaire`, `validate`, `upgrade`, `pack`, `schema`, and the conventions every
//! command shares: help, version, exit statuses.

use predicates::prelude::*;
use readiness_core::{Lang, Questionnaire, BUILTIN_JSON, SCHEMA};

use crate::support::{json, lines, readiness, root, text, tiny, Files};

#[test]
fn questionnaire_prints_the_builtin_file_as_shipped() {
    let output = readiness().arg("questionnaire").assert().success();
    assert_eq!(text(&output.get_output().stdout).trim_end(), BUILTIN_JSON.trim_end());
}

#[test]
fn questionnaire_in_one_language_is_a_valid_template() {
    let files = Files::new();
    let output = readiness().args(["questionnaire", "--lang", "en"]).assert().success();
    let stdout = &output.get_output().stdout;
    let template = json(stdout);
    assert_eq!(template["languages"], serde_json::json!(["en"]));
    assert!(template["title"].get("id").is_none(), "Indonesian texts are dropped");
    assert!(template["title"]["en"].is_string());

    let path = files.write("mine.json", stdout);
    readiness()
        .arg("validate")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid questionnaire `social-media-strategy`"));
}

#[test]
fn a_language_the_questionnaire_lacks_is_a_usage_error() {
    readiness()
        .args(["questionnaire", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the questionnaire has no texts in `fr`; its languages are id, en",
        ));
    readiness()
        .args(["questionnaire", "--lang", "french"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`french` is not a language tag; use a language's ISO 639-1 code, such as id or en",
        ));
}

/// A language is data: a questionnaire in a third language packs and
/// scores in it; the CLI's own words, which `labels::TABLE` has only in
/// Indonesian and English, fall back to English.
#[test]
fn a_third_language_is_the_questionnaires_own() {
    let trilingual = root().join("tests/questionnaires/trilingual.json");
    let output = readiness()
        .args(["pack", "--lang", "fr"])
        .arg(&trilingual)
        .assert()
        .success();
    let pack = text(&output.get_output().stdout);
    let q = Questionnaire::from_pack(pack.trim_end()).expect("a French pack reads");
    assert_eq!(q.title.get(Lang::new("fr")), "Trois langues");

    let files = Files::new();
    let answers = files.write("answers.json", r#"{"answers": {"a-one": 2, "b-one": 4}}"#);
    let output = readiness()
        .args(["score", "--lang", "fr", "--questionnaire"])
        .arg(&trilingual)
        .arg(&answers)
        .assert()
        .success();
    let stdout = text(&output.get_output().stdout);
    assert!(stdout.contains("Level 1 (fr)"), "French texts: {stdout}");
    assert!(stdout.contains("Overall score"), "English words: {stdout}");
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let output = readiness().arg("schema").assert().success();
    let stdout = &output.get_output().stdout;
    assert_eq!(text(stdout).trim_end(), SCHEMA.trim_end());
    assert!(json(stdout).is_object());
}

#[test]
fn validate_sums_up_a_valid_file_and_says_how_to_upgrade_an_old_one() {
    // tiny.json is a format-1 file: valid, with a note on upgrading it.
    let output = readiness().arg("validate").arg(tiny()).assert().success();
    let stdout = lines(&output.get_output().stdout);
    assert_eq!(stdout.len(), 2, "{stdout:?}");
    assert!(
        stdout[0].ends_with(
            "valid questionnaire `tiny` version 1: 2 factors, 5 questions, 5 levels, 2 caps, languages id, en, about 2 min to answer"
        ),
        "{stdout:?}"
    );
    assert!(
        stdout[1].contains("note: format version 1, read as version 2; `readiness upgrade "),
        "{stdout:?}"
    );
}

#[test]
fn upgrade_writes_format_2_with_advice_on_every_step_below_the_top() {
    let output = readiness().arg("upgrade").arg(tiny()).assert().success();
    let upgraded = json(&output.get_output().stdout);
    assert_eq!(upgraded["formatVersion"], 2);
    let question = &upgraded["factors"][0]["questions"][0];
    assert!(question.get("advice").is_none(), "{question}");
    let options = question["options"].as_array().unwrap();
    assert_eq!(options[0]["advice"], options[1]["advice"], "start serves steps 0 and 1");
    assert_eq!(
        options[2]["advice"], options[3]["advice"],
        "improve serves steps 2 and 3"
    );
    assert_ne!(options[1]["advice"], options[2]["advice"]);
    assert!(options[4].get("advice").is_none());
    // The upgraded file is valid, and no longer gets the upgrade note.
    let files = Files::new();
    let path = files.write("upgraded.json", upgraded.to_string());
    let output = readiness().arg("validate").arg(&path).assert().success();
    assert_eq!(lines(&output.get_output().stdout).len(), 1);
}

#[test]
fn validate_prints_warnings_and_strict_fails_on_them() {
    let files = Files::new();
    let mut q = json(std::fs::read_to_string(tiny()).unwrap().as_bytes());
    q["caps"][0]["maxLevel"] = "l4".into();
    let path = files.write("idle-cap.json", q.to_string());
    let output = readiness().arg("validate").arg(&path).assert().success();
    let stdout = lines(&output.get_output().stdout);
    assert!(
        stdout[2].ends_with(
            "idle-cap.json: warning: caps[0]: this cap can never lower a level: no answers that trigger it score above the level it allows; set `maxLevel` to a lower level, or remove the cap"
        ),
        "{stdout:?}"
    );
    assert!(stdout[3].ends_with("idle-cap.json: 1 warning"), "{stdout:?}");
    readiness()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--strict: warnings fail the check"));
    // The shipped questionnaire passes the strict check.
    let builtin = files.write("builtin.json", BUILTIN_JSON);
    readiness()
        .args(["validate", "--strict"])
        .arg(&builtin)
        .assert()
        .success();
}

#[test]
fn validate_names_a_misspelt_field_and_suggests_the_right_one() {
    let files = Files::new();
    let original = std::fs::read_to_string(tiny()).unwrap();
    let misspelt = original.replacen("\"title\"", "\"titel\"", 1);
    let path = files.write("mine.json", misspelt);
    readiness()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "mine.json: titel: unknown field `titel`; did you mean `title`?",
        ));
}

#[test]
fn validate_lists_every_problem_one_per_line() {
    let files = Files::new();
    let vector = json(&std::fs::read(crate::support::root().join("tests/vectors/invalid-many-problems.json")).unwrap());
    let expected = vector["expect"]["problems"].as_array().unwrap();
    let path = files.write("many.json", vector["questionnaire"].to_string());
    let output = readiness().arg("validate").arg(&path).assert().code(1);
    let stderr = lines(&output.get_output().stderr);
    assert_eq!(stderr.len(), expected.len() + 1, "{stderr:#?}");
    for (line, problem) in stderr.iter().zip(expected) {
        assert!(line.starts_with(&format!("{}: {}: ", path.display(), problem["path"].as_str().unwrap())));
    }
    assert!(stderr
        .last()
        .unwrap()
        .ends_with(&format!("{} problems", expected.len())));
}

#[test]
fn validate_reads_standard_input_and_ignores_a_byte_order_mark() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend(std::fs::read(tiny()).unwrap());
    readiness()
        .args(["validate", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<stdin>: valid questionnaire `tiny`"));
}

#[test]
fn validate_says_where_text_is_not_json() {
    let files = Files::new();
    let path = files.write("broken.json", "{\n  \"id\": \"x\",\n");
    readiness()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.json: line 3, column 1: "));
}

#[test]
fn an_unreadable_file_exits_2_with_one_line() {
    let files = Files::new();
    for path in [files.dir().join("missing.json"), files.dir().to_owned()] {
        let output = readiness().arg("validate").arg(&path).assert().code(2);
        let stderr = lines(&output.get_output().stderr);
        assert_eq!(stderr.len(), 1, "{stderr:?}");
        assert!(stderr[0].starts_with("error: cannot read "), "{stderr:?}");
        assert!(!stderr[0].contains("os error"), "{stderr:?}");
    }
}

#[test]
fn help_documents_exit_statuses_and_examples() {
    for args in [
        &["--help"][..],
        &["score", "--help"],
        &["batch", "--help"],
        &["validate", "--help"],
    ] {
        readiness()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Exit status:"))
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains("2  usage error"));
    }
    readiness()
        .args(["batch", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nearest rank"))
        .stdout(predicate::str::contains("1001 counters"));
}

#[test]
fn version_and_usage() {
    readiness()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("readiness {}\n", env!("CARGO_PKG_VERSION")));
    readiness().assert().code(2).stderr(predicate::str::contains("Usage:"));
    readiness().arg("frobnicate").assert().code(2);
}

#[test]
fn pack_writes_the_form_the_widget_reads() {
    let output = readiness().args(["pack", "--lang", "en"]).assert().success();
    let pack = text(&output.get_output().stdout);
    // (Not assert_eq!: a difference would print two whole packs.)
    assert!(
        pack.trim_end() == Questionnaire::builtin().pack(Lang::EN),
        "another pack"
    );
    let read = Questionnaire::from_pack(&pack).expect("a pack reads back");
    assert!(read == Questionnaire::builtin().only(Lang::EN), "another questionnaire");
}

#[test]
fn pack_checks_the_file_first() {
    let files = Files::new();
    let original = std::fs::read_to_string(tiny()).unwrap();
    let path = files.write(
        "broken.json",
        original.replacen("\"id\": \"tiny\"", "\"id\": \"Tiny!\"", 1),
    );
    readiness()
        .args(["pack", "--lang", "id"])
        .arg(&path)
        .assert()
        .failure()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("id: `Tiny!` is not a valid id"));
}
