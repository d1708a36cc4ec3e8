//! Re-verifies a report a browser sent (the widget's `readiness-complete`
//! event detail, saved as JSON): scores its answers again and compares.
//!
//! ```sh
//! cargo run -p readiness-core --example verify -- report.json
//! ```

use readiness_core::{Lang, Questionnaire};
use serde_json::{json, Value};

/// Whether a report received from a browser is what its answers score to.
fn verify(received: &Value) -> bool {
    let questionnaire = Questionnaire::builtin();
    let lang = received["lang"].as_str().and_then(Lang::from_tag).unwrap_or(Lang::EN);
    let answers = json!({ "answers": received["answers"] }).to_string();
    let Ok(report) = questionnaire
        .read_response(&answers)
        .and_then(|response| questionnaire.score(&response.answers, lang))
    else {
        return false;
    };
    // Compare as numbers: JavaScript writes 50.0 as 50.
    let same = |ours: f64, theirs: &Value| theirs.as_f64() == Some(ours);
    same(report.overall.score.value(), &received["overall"]["score"])
        && received["overall"]["level"]["id"] == report.overall.level.id.as_str()
        && report
            .factors
            .iter()
            .enumerate()
            .all(|(i, factor)| same(factor.score.value(), &received["factors"][i]["score"]))
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: verify REPORT.json");
        std::process::exit(2);
    };
    let received: Value = match std::fs::read_to_string(&path).map(|text| serde_json::from_str(&text)) {
        Ok(Ok(value)) => value,
        Ok(Err(error)) => {
            eprintln!("{path}: not JSON: {error}");
            std::process::exit(2);
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    if verify(&received) {
        println!("verified: the answers score to this report");
    } else {
        println!("mismatch: the answers do not score to this report");
        std::process::exit(1);
    }
}
