//! The shared vectors (`tests/vectors/*.json`) through the CLI: `score
//! --format json` prints the vector's expected report, and `batch --format
//! jsonl` prints, per line, exactly what `score` prints; bad answers and bad
//! questionnaires give the expected problems, one per line.

use std::path::PathBuf;

use readiness_core::Problem;
use serde_json::{json, Value};

use crate::support::{json, lines, readiness, root, text, Files};

struct Case {
    name: String,
    vector: Value,
    /// `--questionnaire`, unless the vector uses the built-in one.
    questionnaire: Option<PathBuf>,
    lang: String,
    files: Files,
}

fn cases() -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/vectors"))
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no vectors found");
    paths
        .into_iter()
        .map(|path| {
            let vector = json(&std::fs::read(&path).unwrap());
            let files = Files::new();
            let questionnaire = match &vector["questionnaire"] {
                Value::String(name) if name == "builtin" => None,
                Value::String(name) => Some(root().join("tests/questionnaires").join(format!("{name}.json"))),
                Value::Null => Some(files.write(
                    "questionnaire.json",
                    vector["questionnaireText"].as_str().expect("questionnaireText"),
                )),
                inline => Some(files.write("questionnaire.json", inline.to_string())),
            };
            Case {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                lang: vector["lang"].as_str().unwrap_or("en").to_owned(),
                vector,
                questionnaire,
                files,
            }
        })
        .collect()
}

impl Case {
    fn run(&self, args: &[&str], input: &std::path::Path) -> std::process::Output {
        let mut command = readiness();
        command.args(args).arg(input).args(["--lang", &self.lang]);
        if let Some(questionnaire) = &self.questionnaire {
            command.arg("--questionnaire").arg(questionnaire);
        }
        command.output().expect("runs")
    }

    fn expected_problems(&self) -> Vec<String> {
        self.vector["expect"]["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|problem| {
                let field = |key: &str| problem[key].as_str().unwrap_or_default();
                Problem::new(field("path"), field("message"), field("hint")).to_string()
            })
            .collect()
    }
}

#[test]
fn score_prints_each_vectors_report_and_batch_prints_the_same() {
    for case in cases() {
        let answers = json!({ "answers": case.vector["answers"] }).to_string();
        let answers_path = case.files.write("answers.json", &answers);
        let score = case.run(&["score", "--format", "json"], &answers_path);
        let name = &case.name;

        if let Some(report) = case.vector["expect"].get("report") {
            assert_eq!(score.status.code(), Some(0), "{name}: {}", text(&score.stderr));
            let printed = json(&score.stdout);
            assert_eq!(&printed, report, "{name}: score differs from the vector");

            // The same answers three times, the middle one with a respondent.
            let labelled = json!({ "respondent": "r-2", "answers": case.vector["answers"] }).to_string();
            let batch_input = case
                .files
                .write("answers.jsonl", format!("{answers}\n{labelled}\n{answers}\n"));
            let batch = case.run(&["batch", "--format", "jsonl"], &batch_input);
            assert_eq!(batch.status.code(), Some(0), "{name}: {}", text(&batch.stderr));
            assert_eq!(lines(&batch.stderr), ["read 3, scored 3, bad 0"], "{name}");
            let reports: Vec<Value> = text(&batch.stdout).lines().map(|line| json(line.as_bytes())).collect();
            assert_eq!(reports.len(), 3, "{name}");
            assert_eq!(reports[0], printed, "{name}: batch differs from score");
            assert_eq!(reports[2], printed, "{name}: batch differs from score");
            let mut with_respondent = printed.clone();
            with_respondent
                .as_object_mut()
                .unwrap()
                .insert("respondent".into(), json!("r-2"));
            assert_eq!(reports[1], with_respondent, "{name}: the respondent is carried through");
        } else {
            let expected = case.expected_problems();
            assert_eq!(score.status.code(), Some(1), "{name}: {}", text(&score.stdout));
            let stderr = lines(&score.stderr);
            // Each problem on its own line, after the file's name.
            assert_eq!(stderr.len(), expected.len(), "{name}: {stderr:#?}");
            for (line, problem) in stderr.iter().zip(&expected) {
                assert!(
                    line.ends_with(&format!(": {problem}")),
                    "{name}: {line:?} vs {problem:?}"
                );
            }
        }
    }
}

#[test]
fn batch_reports_each_vectors_answer_problems_on_its_line() {
    for case in cases() {
        let name = &case.name;
        let from_answers = case.vector["questionnaire"].is_string() && case.vector["expect"].get("problems").is_some();
        if !from_answers {
            continue;
        }
        let answers = json!({ "answers": case.vector["answers"] }).to_string();
        let input = case
            .files
            .write("answers.jsonl", format!("{{\"answers\": {{}}}}\n{answers}\n"));
        let batch = case.run(&["batch", "--format", "csv"], &input);
        assert_eq!(batch.status.code(), Some(1), "{name}");
        let mut expected: Vec<String> = case
            .expected_problems()
            .iter()
            .map(|p| format!("line 2: {p}"))
            .collect();
        expected.push("read 2, scored 1, bad 1".to_owned());
        assert_eq!(lines(&batch.stderr), expected, "{name}");
        assert_eq!(
            text(&batch.stdout).lines().count(),
            2,
            "{name}: the header and the good line"
        );
    }
}
