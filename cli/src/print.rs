//! What the one-shot commands print: a whole text on standard output,
//! pretty JSON, and a report labelled with its respondent (also the JSON
//! form of each batch result).

use std::io::{self, Write};

use readiness_core::Report;
use serde::Serialize;

use crate::failure::Failure;

/// Prints a whole text on standard output, ending it with a newline.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    let newline = if text.ends_with('\n') { "" } else { "\n" };
    write!(out, "{text}{newline}")
        .and_then(|()| out.flush())
        .map_err(Failure::write)
}

/// A value as pretty JSON, ending with a newline: a questionnaire
/// (`upgrade`, `benchmark`) or a report (`score --format json`).
pub fn pretty<T: Serialize>(value: &T) -> String {
    // Serialising our own types to a String cannot fail: every map key is
    // a string and no Serialize impl returns an error.
    let mut json = serde_json::to_string_pretty(value).expect("reports serialise to JSON");
    json.push('\n');
    json
}

/// The report with the respondent the input named, first, so that results
/// can be matched to who answered. Without one it is the core's report as
/// is: the JSON the widget's completion event carries.
#[derive(Serialize)]
pub struct WithRespondent<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent: Option<&'a str>,
    #[serde(flatten)]
    pub report: &'a Report,
}
