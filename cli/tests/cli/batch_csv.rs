//! `readiness batch` on CSV as spreadsheets export it: byte order mark,
//! CRLF, quoted fields, `;` separators, missing, extra and unnamed columns,
//! bad cells and rows, and an unclosed quote.

use predicates::prelude::*;

use crate::support::{batch_tiny, json, lines, readiness, text, tiny, Files};

const HEADER: &str = "respondent,a-one,a-two,a-three,b-one,b-sponsor";

fn batch(input: impl AsRef<[u8]>, args: &[&str]) -> std::process::Output {
    batch_tiny("responses.csv", input, args)
}

#[test]
fn a_spreadsheet_export_with_bom_crlf_and_quotes_is_read() {
    let input = format!(
        "\u{feff}{HEADER}\r\n\"Smith, \"\"Jo\"\"\",4,4,4,4,4\r\n\"r2\", 0 ,\"1\",not-applicable,dont-know,\r\n"
    );
    let output = batch(input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "respondent,score,level,alpha,beta\n\"Smith, \"\"Jo\"\"\",100.0,l4,100.0,100.0\nr2,5.6,l0,16.7,0.0\n"
    );
}

#[test]
fn semicolon_and_tab_separators_are_recognised() {
    for separator in [";", "\t"] {
        let input = format!(
            "{}\n\"r;1\"{separator}4{separator}2\n",
            ["respondent", "a-one", "a-two"].join(separator)
        );
        let output = batch(input, &["--format", "csv"]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(
            text(&output.stdout).ends_with("\nr;1,16.7,l0,50.0,0.0\n"),
            "{}",
            text(&output.stdout)
        );
    }
}

#[test]
fn missing_columns_are_noted_and_scored_as_unanswered() {
    let output = batch("a-two,respondent\n4,x\n", &["--format", "jsonl", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = lines(&output.stderr);
    assert_eq!(stderr.len(), 2, "{stderr:#?}");
    assert!(stderr[0].starts_with("note: "));
    assert!(stderr[0].ends_with(
        "responses.csv has no column for 4 of 5 questions, scored as unanswered: a-one, a-three, b-one, b-sponsor"
    ));
    assert_eq!(stderr[1], "read 1, scored 1, bad 0");
    let report = json(&output.stdout);
    assert_eq!(report["respondent"], "x");
    assert_eq!(
        report["missing"],
        serde_json::json!(["a-one", "a-three", "b-one", "b-sponsor"])
    );
}

#[test]
fn an_unknown_column_is_named_with_a_suggestion_before_any_output() {
    let output = batch("respondent,a-onee,a-two,Timestamp\nx,1,2,3\n", &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = lines(&output.stderr);
    assert_eq!(stderr.len(), 2, "{stderr:#?}");
    assert!(stderr[0].ends_with(
        "responses.csv: line 1: unknown column `a-onee`: no question has this id (did you mean `a-one`?); rename it `respondent` if it says who answered, or delete it"
    ), "{stderr:#?}");
    assert!(
        stderr[1].contains("unknown column `Timestamp`: no question has this id; rename it"),
        "{stderr:#?}"
    );
}

#[test]
fn a_file_without_a_header_row_says_so() {
    let output = batch("1,2,3\n", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr)
        .contains("no column is named after a question of `tiny`; the first row must hold question ids"));
    let output = batch("", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("the CSV is empty"));
}

#[test]
fn a_duplicate_column_is_an_error() {
    let output = batch("a-one,a-two,a-one\n1,2,3\n", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("line 1: column `a-one` appears twice; keep one of them"));
}

#[test]
fn bad_cells_and_rows_are_reported_by_physical_line() {
    let input = format!(
        "{HEADER}\n\
         r1,1,1,1,1,1\n\
         \"r2\nspans two lines\",1,7,1,x,1\n\
         \n\
         r3,1,1\n\
         ,,,,,\n\
         r4,not-applicable,1,1,1,1\n\
         r5,2,2,2,2,2\n"
    );
    let output = batch(input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr),
        [
            "line 3: column `a-two`: `7` is not an answer; write 0 to 4, dont-know or not-applicable, or leave the cell empty",
            "line 3: column `b-one`: `x` is not an answer; write 0 to 4, dont-know or not-applicable, or leave the cell empty",
            "line 6: 3 fields, but the header has 6; each row needs one cell per column (empty for unanswered)",
            "line 8: answers.a-one: this question does not allow \"not-applicable\"; answer with 0 to 4, or \"dont-know\"",
            "read 5, scored 2, bad 3, skipped 1 empty rows",
        ]
    );
    let stdout = text(&output.stdout);
    assert_eq!(
        stdout
            .lines()
            .map(|line| line.split(',').next().unwrap())
            .collect::<Vec<_>>(),
        ["respondent", "r1", "r5"]
    );
}

#[test]
fn a_line_with_crlf_line_ends_is_counted_the_same() {
    let input = format!("{HEADER}\r\nr1,1,1,1,1,1\r\n\r\nr2,9,1,1,1,1\r\n");
    let output = batch(input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(lines(&output.stderr)[0].starts_with("line 4: column `a-one`: `9` is not an answer"));
}

#[test]
fn an_unnamed_column_may_only_hold_empty_cells() {
    let output = batch("a-one,a-two,\n1,2,\n1,2,oops\n", &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr)[1..],
        [
            "line 3: column 3 has no name in the header but holds `oops`; name the column or empty it",
            "read 2, scored 1, bad 1",
        ]
    );
}

#[test]
fn an_unclosed_quote_stops_with_a_clear_message_in_bounded_memory() {
    let mut input = format!("{HEADER}\nr1,1,1,1,1,1\n\"r2,1,1,1,1,1\n").into_bytes();
    for _ in 0..100_000 {
        input.extend_from_slice(b"r3,1,1,1,1,1\n");
    }
    let output = batch(input, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr),
        [
            "line 3: a record longer than 1 MiB: an unclosed quote (\") has probably swallowed the lines after it; close or remove it",
            "read 2, scored 1, bad 1",
        ]
    );
}

#[test]
fn csv_to_jsonl_gives_the_score_report() {
    let output = batch(
        format!("{HEADER}\nr1,4,4,4,4,1\n"),
        &["--format", "jsonl", "--lang", "id"],
    );
    let report = json(&output.stdout);
    let files = Files::new();
    let answers = files.write(
        "answers.json",
        r#"{"respondent": "r1", "answers": {"a-one": 4, "a-two": 4, "a-three": 4, "b-one": 4, "b-sponsor": 1}}"#,
    );
    let score = readiness()
        .arg("score")
        .arg(&answers)
        .arg("--questionnaire")
        .arg(tiny())
        .args(["--format", "json", "--lang", "id"])
        .output()
        .unwrap();
    assert_eq!(report, json(&score.stdout));
}

#[test]
fn csv_and_jsonl_inputs_give_the_same_rows() {
    let csv = batch(
        format!("{HEADER}\nr1,4,3,,dont-know,2\nr2,0,,not-applicable,1,4\n"),
        &["--format", "csv"],
    );
    let files = Files::new();
    let jsonl = files.write(
        "responses.jsonl",
        "{\"respondent\":\"r1\",\"answers\":{\"a-one\":4,\"a-two\":3,\"b-one\":\"dont-know\",\"b-sponsor\":2}}\n\
         {\"respondent\":\"r2\",\"answers\":{\"a-one\":0,\"a-three\":\"not-applicable\",\"b-one\":1,\"b-sponsor\":4}}\n",
    );
    readiness()
        .arg("batch")
        .arg(&jsonl)
        .arg("--questionnaire")
        .arg(tiny())
        .args(["--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::eq(text(&csv.stdout)));
}
