//! `readiness batch` on JSON Lines: streaming, bad lines, output formats.

use std::io::Read;
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

use crate::support::{batch_tiny, json, lines, readiness, text, tiny, Files};

fn batch(input: &str, args: &[&str]) -> std::process::Output {
    batch_tiny("responses.jsonl", input, args)
}

fn respondents(jsonl: &[u8]) -> Vec<String> {
    text(jsonl)
        .lines()
        .map(|line| json(line.as_bytes())["respondent"].as_str().unwrap_or("").to_owned())
        .collect()
}

const FIVE: &str = r#"{"respondent": "r1", "answers": {"a-one": 4, "b-sponsor": 2}}
{"respondent": "r2", "answers": {"a-one": 1}}
{"respondent": "r3", "answers": {"a-one": 9}}
{"respondent": "r4", "answers": {"a-two": "dont-know", "a-three": "not-applicable"}}
{"respondent": 5, "answers": {}}
"#;

#[test]
fn a_bad_line_in_the_middle_is_reported_and_the_rest_goes_on() {
    let output = batch(FIVE, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(respondents(&output.stdout), ["r1", "r2", "r4", "5"]);
    assert_eq!(
        lines(&output.stderr),
        [
            "line 3: answers.a-one: not a valid answer; answer with a whole number from 0 to 4, \"dont-know\", \"not-applicable\" or null (unanswered)",
            "read 5, scored 4, bad 1",
        ]
    );
}

#[test]
fn strict_stops_at_the_first_bad_line() {
    let output = batch(FIVE, &["--strict"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(respondents(&output.stdout), ["r1", "r2"]);
    assert_eq!(lines(&output.stderr).last().unwrap(), "read 3, scored 2, bad 1");
}

#[test]
fn a_clean_stream_exits_0_with_the_closing_count() {
    let input: String = FIVE
        .lines()
        .filter(|line| !line.contains("r3"))
        .map(|line| format!("{line}\n"))
        .collect();
    let output = batch(&input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(lines(&output.stderr), ["read 4, scored 4, bad 0"]);
    assert_eq!(
        text(&output.stdout),
        "respondent,score,level,alpha,beta\nr1,25.0,l1,25.0,25.0\nr2,2.1,l0,6.3,0.0\nr4,0.0,l0,0.0,0.0\n5,0.0,l0,0.0,0.0\n"
    );
}

#[test]
fn line_numbers_count_blank_lines_and_syntax_errors_say_the_column() {
    let input = "\n{\"answers\": {}}\r\n\n{\"answers\": {\"a-one\": 1}\n   \n{}\n";
    let output = batch(input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr),
        [
            "line 4: column 25: the text ends inside an object; close it with '}'; fix the JSON syntax there; a JSON validator or editor can show the spot",
            "line 6: answers: missing field `answers`; add `\"answers\": …` here",
            "read 3, scored 1, bad 2",
        ]
    );
}

#[test]
fn a_line_that_is_not_utf8_or_far_too_long_is_bad_and_the_rest_goes_on() {
    let files = Files::new();
    let mut input = b"{\"answers\": {}}\n\xff\xfe\n{\"answers\": {\"a-one\": \"".to_vec();
    input.extend(std::iter::repeat_n(b'x', 2 << 20));
    input.extend(b"\"}}\n{\"respondent\": \"last\", \"answers\": {}}\n");
    let path = files.write("responses.jsonl", input);
    let output = readiness()
        .arg("batch")
        .arg(&path)
        .arg("--questionnaire")
        .arg(tiny())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr),
        [
            "line 2: not UTF-8 text (invalid byte at column 1); save the file as UTF-8",
            "line 3: the line is longer than 1 MiB; each line must hold one answers object",
            "read 4, scored 2, bad 2",
        ]
    );
    assert!(text(&output.stdout).ends_with("\nlast,0.0,l0,0.0,0.0\n"));
}

#[test]
fn standard_input_and_a_file_give_the_same_output() {
    let from_file = batch(FIVE, &["--format", "jsonl"]);
    let from_stdin = readiness()
        .args(["batch", "-", "--questionnaire"])
        .arg(tiny())
        .write_stdin(FIVE)
        .output()
        .unwrap();
    assert_eq!(from_stdin.stdout, from_file.stdout);
    assert_eq!(from_stdin.stderr, from_file.stderr);
    // The input is standard input when none is named.
    let implicit = readiness()
        .arg("batch")
        .arg("--questionnaire")
        .arg(tiny())
        .write_stdin(FIVE)
        .output()
        .unwrap();
    assert_eq!(implicit.stdout, from_file.stdout);
}

#[test]
fn json_is_one_array_of_the_jsonl_reports() {
    let jsonl = batch(FIVE, &["--format", "jsonl"]);
    let array = batch(FIVE, &["--format", "json"]);
    let expected: Vec<Value> = text(&jsonl.stdout).lines().map(|line| json(line.as_bytes())).collect();
    assert_eq!(json(&array.stdout), Value::Array(expected));
    assert_eq!(json(&batch("", &["--format", "json"]).stdout), serde_json::json!([]));
}

#[test]
fn text_prints_each_report_under_its_line_and_respondent() {
    let output = batch(FIVE, &["--format", "text", "--lang", "en"]);
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("── line 1 · r1 ─"), "{stdout}");
    assert!(stdout.contains("── line 5 · 5 ─"), "{stdout}");
    assert_eq!(stdout.matches("Overall score").count(), 4);
}

#[test]
fn the_input_format_comes_from_the_extension_the_flag_or_the_first_character() {
    let files = Files::new();
    let csv = "a-one\n4\n";
    for (name, args, contents) in [
        ("answers.txt", &[][..], FIVE),
        ("answers.txt", &[][..], csv),
        ("answers.data", &["--input-format", "csv"][..], csv),
        ("answers.NDJSON", &[][..], FIVE),
    ] {
        let output = batch_tiny(name, contents, args);
        assert!(text(&output.stderr).contains("read "), "{name} {args:?}");
    }
    // Forced to JSON Lines, a CSV header is a bad line, not a crash.
    let path = files.write("answers.data", csv);
    readiness()
        .arg("batch")
        .arg(&path)
        .arg("--questionnaire")
        .arg(tiny())
        .args(["--input-format", "jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 1: "));
}

#[test]
fn summary_takes_text_or_json_only() {
    readiness()
        .args(["batch", "--summary", "--format", "csv"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--summary prints text or json"));
}

#[test]
fn an_output_closed_early_ends_quietly() {
    let files = Files::new();
    let mut input = String::from("respondent,a-one,a-two,a-three,b-one,b-sponsor\n");
    for n in 0..200_000 {
        input.push_str(&format!("r-{n},1,2,3,4,dont-know\n"));
    }
    let path = files.write("big.csv", input);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
        .arg("batch")
        .arg(&path)
        .arg("--questionnaire")
        .arg(tiny())
        .args(["--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0; 100];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    // Dropping our end of the pipe is what `| head` does.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!text(&output.stderr).contains("error"), "{}", text(&output.stderr));
}
