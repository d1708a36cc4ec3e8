//! `readiness benchmark` (benchmarks made from responses, grouped with
//! `--by`, labelled with `--label`) and `readiness score --group`.

use serde_json::{json, Value};

use crate::support::{builtin_ids, json, lines, readiness, root, text, tiny, Files};

/// A deterministic pseudo-random number below `below` (xorshift).
struct Random(u64);

impl Random {
    fn below(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// One synthetic response to the built-in questionnaire: every answer
/// near one maturity (so that the answers correlate), with noise.
fn answers(random: &mut Random, questions: usize) -> Vec<u64> {
    let maturity = random.below(5) + random.below(5);
    (0..questions)
        .map(|_| ((maturity + random.below(3)).saturating_sub(1) / 2).min(4))
        .collect()
}

/// A response: respondent, department, answers (`None`: unanswered).
type Row = (String, Option<&'static str>, Vec<Option<u64>>);

/// The responses: 1,000 over sales, it and finance, 3 in legal, 2 with no
/// department, and 5 incomplete.
fn responses() -> Vec<Row> {
    let questions = builtin_ids().len();
    let mut random = Random(0x5eed_1234_abcd_ef01);
    let mut rows = Vec::new();
    for n in 0..1010 {
        let department = match n {
            1000..=1002 => Some("Legal"),
            1003..=1004 => None,
            _ => Some(["Sales", "IT", "Finance"][n % 3]),
        };
        let mut answers: Vec<Option<u64>> = answers(&mut random, questions).into_iter().map(Some).collect();
        if n >= 1005 {
            answers[n % questions] = None;
        }
        rows.push((format!("r{n}"), department, answers));
    }
    rows
}

fn csv(rows: &[Row]) -> String {
    let mut csv = format!("respondent,{},Department\n", builtin_ids().join(","));
    for (respondent, department, answers) in rows {
        let cells: Vec<String> = answers
            .iter()
            .map(|answer| answer.map(|a| a.to_string()).unwrap_or_default())
            .collect();
        csv.push_str(&format!(
            "{respondent},{},{}\n",
            cells.join(","),
            department.unwrap_or("")
        ));
    }
    csv
}

/// The same responses as JSON Lines, in shapes that take both of the
/// reader's paths: the group first or last, in another case, escaped (the
/// core's path), `null` or absent.
fn jsonl(rows: &[Row]) -> String {
    let ids = builtin_ids();
    let mut jsonl = String::new();
    for (n, (respondent, department, answers)) in rows.iter().enumerate() {
        let answers: serde_json::Map<String, Value> = ids
            .iter()
            .cloned()
            .zip(answers.iter().map(|answer| json!(answer)))
            .collect();
        let answers = Value::Object(answers).to_string();
        let line = match (department, n % 4) {
            (None, 0) => format!(r#"{{"respondent":"{respondent}","department":null,"answers":{answers}}}"#),
            (None, _) => format!(r#"{{"respondent":"{respondent}","answers":{answers}}}"#),
            (Some(department), 0) => {
                format!(r#"{{"respondent":"{respondent}","department":"{department}","answers":{answers}}}"#)
            }
            (Some(department), 1) => format!(r#"{{"answers":{answers},"DEPARTMENT":"{department}"}}"#),
            (Some(department), 2) => {
                let first = department.chars().next().unwrap();
                let escaped = format!("\\u{:04x}{}", u32::from(first), &department[first.len_utf8()..]);
                format!(r#"{{"department":"{escaped}","respondent":"{respondent}","answers":{answers}}}"#)
            }
            (Some(department), _) => format!(r#"{{ "Department" : "{department}" , "answers" : {answers} }}"#),
        };
        jsonl.push_str(&line);
        jsonl.push('\n');
    }
    jsonl
}

/// Runs `readiness benchmark` on `input`, written to `file_name`.
fn benchmark(file_name: &str, input: impl AsRef<[u8]>, args: &[&str]) -> std::process::Output {
    let files = Files::new();
    let path = files.write(file_name, input);
    readiness()
        .arg("benchmark")
        .arg(&path)
        .args(args)
        .output()
        .expect("runs")
}

/// The benchmarked questionnaire of `output`, written to a file.
fn written(files: &Files, output: &std::process::Output) -> std::path::PathBuf {
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    files.write("benchmarked.json", &output.stdout)
}

/// Every distribution of a population: 20 bands adding up to its count.
fn assert_sums(population: &Value, factors: &[&str]) {
    let count = population["count"].as_u64().unwrap();
    let mut distributions = vec![&population["overall"]];
    distributions.extend(factors.iter().map(|id| &population["factors"][id]));
    for bins in distributions {
        let bins = bins
            .as_array()
            .unwrap_or_else(|| panic!("no distribution in {population}"));
        assert_eq!(bins.len(), 20);
        assert_eq!(bins.iter().map(|n| n.as_u64().unwrap()).sum::<u64>(), count);
    }
}

const FACTORS: [&str; 4] = ["audience", "alignment", "operations", "touchpoints"];

#[test]
fn csv_responses_make_valid_benchmarks_without_small_groups() {
    let output = benchmark("responses.csv", csv(&responses()), &["--by", "department"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        lines(&output.stderr),
        [
            "left out 5 incomplete responses: only responses that answer every question count (\"dont-know\" is an answer)",
            "left out group `Legal`: 3 responses, fewer than --min-count 10; no benchmark may single out a respondent",
            "read 1010, counted 1005, bad 0; groups kept: sales (334), it (333), finance (333)",
        ]
    );
    let files = Files::new();
    let path = written(&files, &output);
    readiness().arg("validate").arg(&path).assert().success();

    let q = json(&output.stdout);
    let benchmarks = &q["benchmarks"];
    // Legal's and the ungrouped responses count for everyone.
    assert_eq!(benchmarks["count"], 1005);
    assert_eq!(
        benchmarks["label"],
        json!({"id": "1005 responden", "en": "1005 responses"})
    );
    assert_sums(benchmarks, &FACTORS);
    let groups = benchmarks["groups"].as_array().unwrap();
    let ids: Vec<&str> = groups.iter().map(|group| group["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["sales", "it", "finance"]);
    assert_eq!(groups[1]["name"], json!({"id": "IT", "en": "IT"}));
    for group in groups {
        assert_sums(group, &FACTORS);
    }
    // The rest of the questionnaire is the built-in one.
    let mut without = q.clone();
    without.as_object_mut().unwrap().remove("benchmarks");
    let shipped = root().join("core/questionnaires/social-media-strategy.json");
    let builtin = json(&readiness().arg("upgrade").arg(shipped).output().unwrap().stdout);
    assert_eq!(without, builtin);
}

/// Scores answers of all `answer` against `questionnaire`: the report.
fn score_all(files: &Files, questionnaire: &std::path::Path, answer: u64, args: &[&str]) -> Value {
    let answers: serde_json::Map<String, Value> = builtin_ids().into_iter().map(|id| (id, json!(answer))).collect();
    let path = files.write("answers.json", json!({ "answers": answers }).to_string());
    let output = readiness()
        .arg("score")
        .arg(&path)
        .arg("--questionnaire")
        .arg(questionnaire)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    json(&output.stdout)
}

#[test]
fn percentiles_rise_with_the_answers_from_none_to_all() {
    let output = benchmark("responses.csv", csv(&responses()), &["--by", "department"]);
    let files = Files::new();
    let path = written(&files, &output);
    for group in [None, Some("sales"), Some("finance")] {
        let args: Vec<&str> = group.map(|id| vec!["--group", id]).unwrap_or_default();
        let percentiles: Vec<u64> = (0..=4)
            .map(|answer| {
                let report = score_all(&files, &path, answer, &args);
                let overall = &report["overall"]["benchmark"];
                assert_eq!(overall["group"].as_str(), group, "{overall}");
                for factor in report["factors"].as_array().unwrap() {
                    assert!(factor["benchmark"]["percentile"].is_u64(), "{factor}");
                }
                overall["percentile"].as_u64().unwrap()
            })
            .collect();
        assert!(
            percentiles.windows(2).all(|pair| pair[0] <= pair[1]),
            "{group:?}: {percentiles:?}"
        );
        assert!(percentiles[0] <= 5, "{group:?}: {percentiles:?}");
        assert!(percentiles[4] >= 95, "{group:?}: {percentiles:?}");
    }
}

#[test]
fn json_lines_and_csv_of_the_same_responses_give_the_same_benchmarks() {
    let rows = responses();
    let from_csv = benchmark("responses.csv", csv(&rows), &["--by", "Department"]);
    let from_jsonl = benchmark("responses.jsonl", jsonl(&rows), &["--by", "department"]);
    assert_eq!(from_jsonl.status.code(), Some(0), "{}", text(&from_jsonl.stderr));
    assert_eq!(text(&from_csv.stderr), text(&from_jsonl.stderr));
    assert_eq!(
        json(&from_csv.stdout)["benchmarks"],
        json(&from_jsonl.stdout)["benchmarks"]
    );
    // Standard input, with the format given.
    let stdin = readiness()
        .args(["benchmark", "-", "--input-format", "jsonl", "--by", "department"])
        .write_stdin(jsonl(&rows))
        .output()
        .unwrap();
    assert_eq!(stdin.stdout, from_jsonl.stdout);
}

/// Twelve complete responses to the tiny questionnaire.
fn twelve() -> String {
    let mut csv = String::from("a-one,a-two,a-three,b-one,b-sponsor\n");
    for n in 0..12 {
        let answer = n % 5;
        csv.push_str(&format!("{answer},{answer},{answer},{answer},{answer}\n"));
    }
    csv
}

fn label(args: &[&str]) -> std::process::Output {
    let tiny = tiny();
    let mut all = vec!["--questionnaire", tiny.to_str().unwrap()];
    all.extend(args);
    benchmark("responses.csv", twelve(), &all)
}

#[test]
fn labels_are_given_for_every_language_or_one_and_default_to_the_count() {
    for (args, expected) in [
        (&[][..], json!({"id": "12 responden", "en": "12 responses"})),
        (
            &["--label", "Pilot, 2026"][..],
            json!({"id": "Pilot, 2026", "en": "Pilot, 2026"}),
        ),
        (
            &["--label", "id=12 organisasi"][..],
            json!({"id": "12 organisasi", "en": "12 responses"}),
        ),
        (
            &[
                "--label",
                "en=12 organisations",
                "--label",
                "Pilot",
                "--label",
                "ID=12 organisasi",
            ][..],
            json!({"id": "12 organisasi", "en": "12 organisations"}),
        ),
        (
            &["--label", "Q1=pilot"][..],
            json!({"id": "Q1=pilot", "en": "Q1=pilot"}),
        ),
    ] {
        let output = label(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert_eq!(json(&output.stdout)["benchmarks"]["label"], expected, "{args:?}");
    }
    for (args, error) in [
        (
            &["--label", "fr=12 organisations"][..],
            "error: --label fr=12 organisations: the questionnaire has no texts in `fr`; its languages are id, en",
        ),
        (
            &["--label", "en= "][..],
            "error: --label en= : the label is empty; say who responded, e.g. --label \"240 organisations, 2026\"",
        ),
        (
            &["--label", "en=a", "--label", "en=b"][..],
            "error: --label en=… is given twice; give one label per language",
        ),
        (
            &["--label", "a", "--label", "b"][..],
            "error: --label is given twice without a language; give one label for every language, or one per language as --label LANG=TEXT",
        ),
    ] {
        let output = label(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(lines(&output.stderr), [error], "{args:?}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn too_few_responses_fail_with_what_to_do() {
    let output = label(&["--min-count", "13"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = lines(&output.stderr);
    assert_eq!(stderr[0], "read 12, counted 12, bad 0");
    assert!(
        stderr[1].ends_with("responses.csv: 12 complete responses, fewer than --min-count 13: benchmarks of so few could single out a respondent; collect more responses"),
        "{stderr:#?}"
    );
    let empty = benchmark(
        "responses.csv",
        "a-one\n",
        &["--questionnaire", tiny().to_str().unwrap()],
    );
    assert_eq!(empty.status.code(), Some(1));
    assert!(text(&empty.stderr).contains(": 0 complete responses, fewer than --min-count 10"));
    readiness()
        .args(["benchmark", "x.csv", "--min-count", "0"])
        .assert()
        .code(2);
}

#[test]
fn bad_lines_are_reported_by_line_number_and_the_rest_is_benchmarked() {
    let mut csv = twelve();
    csv.insert_str(csv.find('\n').unwrap() + 1, "1,9,1,1,1\n");
    let clean = json(&label(&[]).stdout);
    let output = benchmark("responses.csv", &csv, &["--questionnaire", tiny().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output.stderr),
        [
            "line 2: column `a-two`: `9` is not an answer; write 0 to 4, dont-know or not-applicable, or leave the cell empty",
            "read 13, counted 12, bad 1",
        ]
    );
    assert_eq!(json(&output.stdout), clean);

    let jsonl = "{\"answers\": {}}\n\n{\"answers\": {\"a-one\": 5}, \"team\": \"x\"}\n{\"answers\"\n";
    let output = benchmark(
        "responses.jsonl",
        jsonl,
        &["--questionnaire", tiny().to_str().unwrap(), "--by", "team"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = lines(&output.stderr);
    assert!(
        stderr[0].starts_with("line 3: answers.a-one: not a valid answer"),
        "{stderr:#?}"
    );
    assert!(stderr[1].starts_with("line 4: column 11: "), "{stderr:#?}");
    assert_eq!(
        stderr[2..5],
        [
            "left out 1 incomplete response: only responses that answer every question count (\"dont-know\" is an answer)",
            "note: no complete response names a group in `team` (--by); every response counts for everyone only",
            "read 3, counted 0, bad 2",
        ]
    );
    assert!(
        stderr[5].ends_with("responses.jsonl: 0 complete responses, fewer than --min-count 10: benchmarks of so few could single out a respondent; collect more responses"),
        "{stderr:#?}"
    );
}

#[test]
fn the_by_column_must_be_in_the_header_and_not_a_question() {
    let input = "respondent,a-one,Sector,Timestamp\nx,1,Retail,today\n";
    let tiny = tiny();
    let tiny = tiny.to_str().unwrap();
    let output = benchmark("responses.csv", input, &["--questionnaire", tiny, "--by", "sectr"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = lines(&output.stderr);
    assert!(
        stderr[0]
            .ends_with("responses.csv: line 1: no column is named `sectr` to group by (--by); did you mean `Sector`?"),
        "{stderr:#?}"
    );
    let output = benchmark("responses.csv", input, &["--questionnaire", tiny, "--by", "department"]);
    assert!(
        lines(&output.stderr)[0].ends_with(
            "no column is named `department` to group by (--by); the columns that are not questions are `Sector`, `Timestamp`"
        ),
        "{}",
        text(&output.stderr)
    );
    // Without --by, an unknown column's hint offers it.
    let output = benchmark("responses.csv", input, &["--questionnaire", tiny]);
    assert!(
        text(&output.stderr).contains(
            "unknown column `Sector`: no question has this id; rename it `respondent` if it says who answered, group the responses by it with `--by Sector`, or delete it"
        ),
        "{}",
        text(&output.stderr)
    );
    for (by, error) in [
        ("A-ONE", "error: --by A-ONE: `A-ONE` is a question of `tiny`, whose answers are scored; group by a column that is not a question, e.g. --by sector"),
        ("respondent", "error: --by respondent: `respondent` is a part of every response, not a group; name the column or field that holds each response's group, e.g. --by sector"),
        (" ", "error: --by is empty; name the column or field that holds each response's group, e.g. --by sector"),
    ] {
        let output = benchmark("responses.csv", input, &["--questionnaire", tiny, "--by", by]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(lines(&output.stderr), [error]);
    }
}

/// The shared fixture, made by `make-benchmarked.sh`.
fn fixture() -> std::path::PathBuf {
    root().join("tests/questionnaires/benchmarked.json")
}

#[test]
fn the_shared_fixture_holds_synthetic_benchmarks_by_sector() {
    readiness().arg("validate").arg(fixture()).assert().success();
    let q = json(&std::fs::read(fixture()).unwrap());
    let benchmarks = &q["benchmarks"];
    assert_eq!(benchmarks["count"], 1000);
    assert_eq!(
        benchmarks["label"],
        json!({"id": "1.000 organisasi (data uji sintetis)", "en": "1,000 organisations (synthetic test data)"})
    );
    assert_sums(benchmarks, &FACTORS);
    let groups = benchmarks["groups"].as_array().unwrap();
    let mut ids: Vec<&str> = groups.iter().map(|group| group["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["manufacturing", "retail", "services"]);
    for group in groups {
        assert_sums(group, &FACTORS);
        assert!(group["count"].as_u64().unwrap() >= 200, "{}", group["id"]);
    }
    // Not flat: the fullest band holds far more than an even share.
    let overall: Vec<u64> = benchmarks["overall"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert!(*overall.iter().max().unwrap() > 2 * 1000 / 20, "{overall:?}");
}

/// Answers to the built-in questionnaire, each 2.
fn middling(files: &Files) -> std::path::PathBuf {
    let answers: serde_json::Map<String, Value> = builtin_ids().into_iter().map(|id| (id, json!(2))).collect();
    files.write("answers.json", json!({ "answers": answers }).to_string())
}

#[test]
fn score_compares_with_everyone_or_a_group_in_text() {
    let files = Files::new();
    let answers = middling(&files);
    let run = |args: &[&str]| {
        let output = readiness()
            .arg("score")
            .arg(&answers)
            .arg("--questionnaire")
            .arg(fixture())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    let report = |args: &[&str]| json(run(&[args, &["--format", "json"][..]].concat()).as_bytes());
    for (args, lang) in [
        (&["--lang", "en"][..], "en"),
        (&["--lang", "id", "--group", "retail"][..], "id"),
    ] {
        let stdout = run(args);
        let json = report(args);
        let overall = &json["overall"]["benchmark"];
        let percentile = overall["percentile"].as_u64().unwrap();
        let expected = match lang {
            "en" => format!("Compared with     ahead of {percentile}% of 1,000 organisations (synthetic test data)"),
            _ => format!(
                "Perbandingan      di atas {percentile}% dari Retail ({} responden)",
                overall["count"]
            ),
        };
        let lines: Vec<&str> = stdout.lines().collect();
        let at = lines
            .iter()
            .position(|line| line.starts_with("Overall score") || line.starts_with("Skor keseluruhan"));
        assert_eq!(lines[at.unwrap() + 1], expected, "{stdout}");
        let (factors, head) = if lang == "en" {
            ("Factors", "ahead of")
        } else {
            ("Faktor", "di atas")
        };
        let factors = lines
            .iter()
            .position(|line| line.starts_with(factors) && line.ends_with(head))
            .unwrap_or_else(|| panic!("{stdout}"));
        for (i, factor) in json["factors"].as_array().unwrap().iter().enumerate() {
            let line = lines[factors + 1 + i];
            let percent = format!("{}%", factor["benchmark"]["percentile"]);
            assert!(line.ends_with(&percent), "{line:?} should end with {percent}");
            // The percentiles line up under the head.
            assert_eq!(line.chars().count(), lines[factors].chars().count(), "{stdout}");
        }
        for line in &lines {
            assert!(line.chars().count() <= 80, "wider than 80 columns: {line:?}");
        }
    }
}

#[test]
fn score_json_carries_the_comparison_with_the_group() {
    let files = Files::new();
    let q = fixture();
    let everyone = score_all(&files, &q, 2, &[]);
    let compared = &everyone["overall"]["benchmark"];
    assert_eq!(compared["count"], 1000);
    assert_eq!(compared["label"], "1,000 organisations (synthetic test data)");
    assert!(compared.get("group").is_none(), "{compared}");
    let retail = score_all(&files, &q, 2, &["--group", "retail", "--lang", "en"]);
    let benchmark = &retail["overall"]["benchmark"];
    assert_eq!(benchmark["group"], "retail");
    assert_eq!(benchmark["label"], "Retail");
    assert_eq!(retail["factors"][0]["benchmark"]["group"], "retail");
    // The same scores; only the comparison differs.
    assert_eq!(retail["overall"]["score"], everyone["overall"]["score"]);
}

#[test]
fn score_group_errors_name_the_groups() {
    let files = Files::new();
    let answers = middling(&files);
    let score = |questionnaire: &std::path::Path, group: &str| {
        readiness()
            .arg("score")
            .arg(&answers)
            .arg("--questionnaire")
            .arg(questionnaire)
            .args(["--group", group])
            .output()
            .unwrap()
    };
    let fixture = fixture();
    let name = fixture.display();
    for (group, error) in [
        (
            "retial",
            format!("error: --group retial: the benchmarks of {name} have no group `retial`; did you mean `retail`?"),
        ),
        (
            "public",
            format!("error: --group public: the benchmarks of {name} have no group `public`; expected one of `retail`, `services`, `manufacturing`"),
        ),
    ] {
        let output = score(&fixture, group);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(lines(&output.stderr), [error]);
        assert!(output.stdout.is_empty());
    }
    let output = score(&tiny(), "retail");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        lines(&output.stderr),
        [format!(
            "error: --group retail: {} has no benchmarks to compare with; `readiness benchmark` makes them from responses",
            tiny().display()
        )]
    );
}

#[test]
fn a_column_nearly_every_response_has_alone_stops_the_run() {
    let mut csv = String::from("a-one,a-two,a-three,b-one,b-sponsor,email\n");
    for n in 0..1100 {
        csv.push_str(&format!("1,2,3,4,0,r{n}@example.com\n"));
    }
    let output = benchmark(
        "responses.csv",
        csv,
        &["--questionnaire", tiny().to_str().unwrap(), "--by", "email"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        text(&output.stderr).ends_with(
            "responses.csv: line 1002: `email` (--by) holds more than 1000 different groups, nearly one per response; group by a column many respondents share, such as a sector or a size\n"
        ),
        "{}",
        text(&output.stderr)
    );
}
