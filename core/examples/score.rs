//! Scores an answers file against the built-in questionnaire and prints the
//! report as JSON: the library in a dozen lines.
//!
//! ```text
//! cargo run -p readiness-core --example score -- answers.json en
//! ```
//!
//! `answers.json` holds `{"answers": {"<question id>": 0..4 | "dont-know" |
//! "not-applicable"}}`; `readiness questionnaire` lists the question ids.

use readiness_core::{Lang, Questionnaire};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: score ANSWERS.json [id|en]");
        std::process::exit(2);
    };
    let lang = args.next().as_deref().and_then(Lang::from_tag).unwrap_or(Lang::EN);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("cannot read {path}: {error}");
        std::process::exit(2);
    });

    let questionnaire = Questionnaire::builtin();
    let report = questionnaire
        .read_response(&text)
        .and_then(|response| questionnaire.score(&response.answers, lang));

    match report {
        Ok(report) => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serialises")
        ),
        Err(problems) => {
            for problem in problems {
                eprintln!("{path}: {problem}");
            }
            std::process::exit(1);
        }
    }
}
