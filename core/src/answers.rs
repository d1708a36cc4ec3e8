//! A respondent's answers: question id -> answer.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::json::Value;
use crate::problem::{decimal, field_path, parse_json, shorten, Problem, Reader};

/// One answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A step of the scale, 0 (nothing in place) to 4 (systematic).
    Value(u8),
    /// "Don't know": scored as the bottom of the scale, and counted.
    DontKnow,
    /// "Not applicable": left out of the score, where the question allows it.
    NotApplicable,
}

impl Answer {
    /// The highest step of the scale.
    pub const TOP: u8 = 4;

    /// Reads an answer as written in a CSV cell or a radio input's value:
    /// `0` to `4`, `dont-know` or `not-applicable`.
    pub fn from_code(code: &str) -> Option<Answer> {
        match code {
            "0" | "1" | "2" | "3" | "4" => Some(Answer::Value(code.as_bytes()[0] - b'0')),
            "dont-know" => Some(Answer::DontKnow),
            "not-applicable" => Some(Answer::NotApplicable),
            _ => None,
        }
    }

    /// The answer as a radio input's value: `0` to `4`, `dont-know` or
    /// `not-applicable`.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Value(value) => ["0", "1", "2", "3", "4"][usize::from(value.min(Self::TOP))],
            Answer::DontKnow => "dont-know",
            Answer::NotApplicable => "not-applicable",
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Value(value) => serializer.serialize_u8(*value),
            other => serializer.serialize_str(other.code()),
        }
    }
}

/// Answers by question id. Questions left out are unanswered; the order of
/// insertion never matters.
///
/// Kept as a vector sorted by id rather than a `BTreeMap`: a few dozen
/// entries search as fast either way, and the map's code would add
/// kilobytes to the widget's WebAssembly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    by_question: Vec<(String, Answer)>,
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.by_question.iter().map(|(id, answer)| (id, answer)))
    }
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Sets the answer to a question, replacing any earlier one.
    pub fn insert(&mut self, question: impl Into<String>, answer: Answer) {
        let question = question.into();
        match self.find(&question) {
            Ok(at) => self.by_question[at].1 = answer,
            Err(at) => self.by_question.insert(at, (question, answer)),
        }
    }

    /// Clears the answer to a question.
    pub fn remove(&mut self, question: &str) {
        if let Ok(at) = self.find(question) {
            self.by_question.remove(at);
        }
    }

    /// The answer to a question, if any.
    pub fn get(&self, question: &str) -> Option<Answer> {
        self.find(question).ok().map(|at| self.by_question[at].1)
    }

    fn find(&self, question: &str) -> Result<usize, usize> {
        self.by_question.binary_search_by(|(id, _)| id.as_str().cmp(question))
    }

    /// The answers, ordered by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.by_question.iter().map(|(id, answer)| (id.as_str(), *answer))
    }

    /// How many questions have an answer.
    pub fn len(&self) -> usize {
        self.by_question.len()
    }

    /// Whether no question has an answer.
    pub fn is_empty(&self) -> bool {
        self.by_question.is_empty()
    }

    /// Reads an answers file: `{"answers": {"<question id>": 0..4 |
    /// "dont-know" | "not-applicable" | null}}`, optionally with a
    /// `"respondent"`. Whether the ids exist is checked when scoring.
    pub fn from_json(text: &str) -> Result<Answers, Vec<Problem>> {
        Response::from_json(text).map(|response| response.answers)
    }
}

impl<S: Into<String>> FromIterator<(S, Answer)> for Answers {
    /// Collects answers in any order; for a repeated id the later answer
    /// wins, as with [`Answers::insert`].
    fn from_iter<I: IntoIterator<Item = (S, Answer)>>(iter: I) -> Answers {
        let iter = iter.into_iter();
        let mut pairs: Vec<(String, usize, Answer)> = Vec::with_capacity(iter.size_hint().0);
        for (at, (id, answer)) in iter.enumerate() {
            pairs.push((id.into(), at, answer));
        }
        // Sorted once, O(n log n), rather than inserted one by one, which
        // shifts the vector each time: an answers object may be large. The
        // position breaks ties, so among repeats the last stays last.
        crate::sort::heap_sort(&mut pairs, |a, b| (&a.0, a.1) < (&b.0, b.1));
        let mut by_question: Vec<(String, Answer)> = Vec::with_capacity(pairs.len());
        for (id, _, answer) in pairs {
            match by_question.last_mut() {
                Some(last) if last.0 == id => last.1 = answer,
                _ => by_question.push((id, answer)),
            }
        }
        Answers { by_question }
    }
}

/// One respondent's answers, as one line of a batch or one answers file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// Who answered, if the input says (carried through to the output).
    pub respondent: Option<String>,
    /// What they answered.
    pub answers: Answers,
}

impl Response {
    /// Reads `{"respondent": "…", "answers": {…}}`; see [`Answers::from_json`].
    pub fn from_json(text: &str) -> Result<Response, Vec<Problem>> {
        let value = parse_json(text)?;
        let mut reader = Reader::default();
        let response = Response::read(&mut reader, &value);
        if reader.problems.is_empty() {
            Ok(response)
        } else {
            Err(reader.problems)
        }
    }

    pub(crate) fn read(reader: &mut Reader, value: &Value) -> Response {
        let mut response = Response::default();
        let Some(fields) = reader.object(value, "", &["answers", "respondent"]) else {
            return response;
        };
        response.respondent = fields.get("respondent").and_then(|value| respondent(reader, value));
        let Some(map) = reader.required(fields, "", "answers") else {
            return response;
        };
        let Value::Object(pairs) = map else {
            reader.report(
                "answers",
                ["expected an object, found ", map.kind()].concat(),
                "write {\"<question id>\": 0..4, …}",
            );
            return response;
        };
        let mut answers = Vec::with_capacity(pairs.len());
        for (id, value) in pairs {
            // The path is built only for a problem: batch scoring reads
            // millions of valid answers.
            let path = || field_path("answers", &shorten(id));
            match value {
                Value::Null => {}
                Value::Number(n) if n.fract() == 0.0 && (0.0..=4.0).contains(n) => {
                    answers.push((id.clone(), Answer::Value(*n as u8)));
                }
                Value::String(code) if Answer::from_code(code).is_some() => {
                    if let Some(answer @ (Answer::DontKnow | Answer::NotApplicable)) = Answer::from_code(code) {
                        answers.push((id.clone(), answer));
                    } else {
                        reader.report(
                            &path(),
                            ["the answer \"", code, "\" is a string"].concat(),
                            ["write the number ", code, " without quotes"].concat(),
                        );
                    }
                }
                _ => reader.report(
                    &path(),
                    "not a valid answer",
                    "answer with a whole number from 0 to 4, \"dont-know\", \"not-applicable\" or null (unanswered)",
                ),
            }
        }
        response.answers = answers.into_iter().collect();
        response
    }
}

fn respondent(reader: &mut Reader, value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        // Spreadsheets and form exports often number respondents.
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Some(decimal(*n as i64)),
        _ => {
            reader.report(
                "respondent",
                "the respondent must be a string or a whole number",
                "write an id such as \"r-17\"",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_answer() {
        let response = Response::from_json(
            r#"{"respondent": 17, "answers": {"a": 0, "b": 4, "c": "dont-know", "d": "not-applicable", "e": null}}"#,
        )
        .unwrap();
        assert_eq!(response.respondent.as_deref(), Some("17"));
        let answers = response.answers;
        assert_eq!(answers.get("a"), Some(Answer::Value(0)));
        assert_eq!(answers.get("b"), Some(Answer::Value(4)));
        assert_eq!(answers.get("c"), Some(Answer::DontKnow));
        assert_eq!(answers.get("d"), Some(Answer::NotApplicable));
        assert_eq!(answers.get("e"), None);
        // Written as a report carries them, they read back the same.
        let written = serde_json::to_string(&answers).unwrap();
        assert_eq!(written, r#"{"a":0,"b":4,"c":"dont-know","d":"not-applicable"}"#);
        let file = ["{\"answers\":", &written, "}"].concat();
        assert_eq!(Answers::from_json(&file), Ok(answers));
    }

    #[test]
    fn lists_every_bad_answer() {
        let problems =
            Answers::from_json(r#"{"answers": {"a": 5, "b": "3", "c": 1.5, "d": "maybe"}, "extra": 1}"#).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["extra", "answers.a", "answers.b", "answers.c", "answers.d"]);
        assert_eq!(problems[2].hint, "write the number 3 without quotes");
    }
}
