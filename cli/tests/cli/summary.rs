//! `readiness batch --summary`: statistics per factor and overall.

use serde_json::json;

use crate::support::{batch_tiny, json, lines, text};

/// Ten responses with known scores. Overall (alpha weight 1, beta weight 2):
/// all 0 -> 0.0 (l0); all 4 -> 100.0 (l4); sponsor 1, rest 4 -> 75.0 but
/// capped at l1.
fn responses() -> String {
    let mut csv = String::from("respondent,a-one,a-two,a-three,b-one,b-sponsor\n");
    for n in 0..4 {
        csv.push_str(&format!("zero-{n},0,0,0,0,0\n"));
    }
    for n in 0..5 {
        csv.push_str(&format!("top-{n},4,4,4,4,4\n"));
    }
    csv.push_str("capped,4,4,4,4,1\n");
    csv
}

fn summary(input: &str, args: &[&str]) -> std::process::Output {
    let args: Vec<&str> = std::iter::once("--summary").chain(args.iter().copied()).collect();
    batch_tiny("responses.csv", input, &args)
}

#[test]
fn json_summary_holds_exact_statistics_and_level_counts() {
    let output = summary(&responses(), &["--format", "json", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary = json(&output.stdout);
    assert_eq!(summary["read"], 10);
    assert_eq!(summary["scored"], 10);
    assert_eq!(summary["bad"], 0);
    assert_eq!(summary["percentiles"], "nearest-rank");
    let overall = &summary["overall"];
    assert_eq!(overall["count"], 10);
    // (0 * 4 + 100 * 5 + 75) / 10 = 57.5
    assert_eq!(overall["mean"], json!(57.5));
    // Sorted: 0 0 0 0 75 100 100 100 100 100; ranks 5 (p50), 1 (p10), 9 (p90).
    assert_eq!(overall["median"], json!(75.0));
    assert_eq!(overall["p10"], json!(0.0));
    assert_eq!(overall["p90"], json!(100.0));
    let level_counts: Vec<u64> = overall["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["count"].as_u64().unwrap())
        .collect();
    // The capped response counts at l1, not at l3 where its score is.
    assert_eq!(level_counts, [4, 1, 0, 0, 5]);
    assert_eq!(
        overall["levels"][1],
        json!({"index": 1, "id": "l1", "name": "Level 1", "count": 1})
    );

    let beta = &summary["factors"][1];
    assert_eq!(beta["id"], "beta");
    assert_eq!(beta["name"], "Beta");
    // Beta: 0 x4, 100 x5, 62.5 x1.
    assert_eq!(beta["mean"], json!(56.3));
    assert_eq!(beta["median"], json!(62.5));
    let beta_levels: Vec<u64> = beta["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["count"].as_u64().unwrap())
        .collect();
    assert_eq!(beta_levels, [4, 0, 0, 1, 5]);
}

#[test]
fn text_summary_is_a_table_with_the_method_stated() {
    let output = summary(&responses(), &["--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("Summary · tiny v1 · 10 responses scored\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Overall         10       57.5    75.0    0.0  100.0"),
        "{stdout}"
    );
    assert!(stdout.contains("Responses per level (overall: after caps)"), "{stdout}");
    assert!(stdout.contains("Percentiles by nearest rank, exact"), "{stdout}");
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line:?}");
    }
    let indonesian = text(&summary(&responses(), &["--lang", "id"]).stdout);
    assert!(indonesian.contains("Keseluruhan"), "{indonesian}");
    assert!(indonesian.contains("57,5"), "{indonesian}");
}

#[test]
fn bad_lines_are_counted_in_the_summary_and_exit_1() {
    let input = responses() + "bad,9,0,0,0,0\n";
    let output = summary(&input, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let summary = json(&output.stdout);
    assert_eq!((summary["read"].as_u64(), summary["bad"].as_u64()), (Some(11), Some(1)));
    assert_eq!(lines(&output.stderr).last().unwrap(), "read 11, scored 10, bad 1");
}

#[test]
fn an_empty_input_has_an_empty_summary() {
    let output = summary("a-one\n", &["--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("No response was scored."));
    let output = summary("a-one\n", &["--format", "json"]);
    assert_eq!(json(&output.stdout)["overall"]["median"], json!(null));
}

/// As the studio's team view: the least and the most, the questions
/// answered furthest apart, and the report of each question's median.
#[test]
fn json_summary_shows_where_answers_differ_and_the_combined_report() {
    let output = summary(&responses(), &["--format", "json", "--lang", "en"]);
    let summary = json(&output.stdout);
    assert_eq!(
        (summary["overall"]["min"].clone(), summary["overall"]["max"].clone()),
        (json!(0.0), json!(100.0))
    );
    // Every question: four at 0, six at 4 (b-sponsor: five at 4, one at 1):
    // the middle 80% spans 0 to 4.
    let apart: Vec<(&str, u64)> = summary["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["spread"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        apart,
        [
            ("a-one", 4),
            ("a-two", 4),
            ("a-three", 4),
            ("b-one", 4),
            ("b-sponsor", 4)
        ]
    );
    assert_eq!(summary["disagreements"][4]["counts"], json!([4, 1, 0, 0, 5, 0, 0]));
    // The median of each question is 4 (b-sponsor: the lower middle of
    // 0 0 0 0 1 4 4 4 4 4 is 1): the combined answers score as one.
    let combined = &summary["combined"];
    assert_eq!(combined["answers"]["a-one"], 4);
    assert_eq!(combined["answers"]["b-sponsor"], 1);
    assert_eq!(
        combined["overall"]["level"]["id"], "l1",
        "the sponsor cap holds the combined answers"
    );
}
