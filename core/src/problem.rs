//! Problems found in input, and the small reader that finds them.
//!
//! Every check that can fail on input a person wrote produces a [`Problem`]
//! with the path of the offending value and a hint on how to fix it; checks
//! keep going so that one run reports everything.

use std::fmt;

use serde::Serialize;

use crate::json::{self, Value};

/// One thing wrong with an input, where it is, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: a path such as `factors[2].questions[1].options`, or a line
    /// and column for text that is not JSON.
    pub path: String,
    /// What is wrong, lowercase, without a final period.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{path}: {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, "; {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problem {}

/// Parses JSON text, turning a syntax error into a problem that says where.
pub(crate) fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    json::parse(text).map_err(|error| {
        vec![Problem::new(
            format!("line {}, column {}", error.line, error.column),
            error.message,
            "fix the JSON syntax there; a JSON validator or editor can show the spot",
        )]
    })
}

/// `path.key`, or `key` at the top.
pub(crate) fn field_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[index]`.
pub(crate) fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Reads JSON values into typed data, collecting problems instead of
/// stopping at the first.
#[derive(Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
}

/// The fields of an object that passed the unknown-field check.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'v> {
    pairs: &'v [(String, Value)],
}

impl<'v> Fields<'v> {
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Reader {
    pub fn report(&mut self, path: &str, message: impl Into<String>, hint: impl Into<String>) {
        self.problems.push(Problem::new(path, message, hint));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        self.report(
            path,
            format!("expected {expected}, found {}", found.kind()),
            format!("write {expected} here"),
        );
    }

    /// The fields of an object, reporting unknown ones with the nearest known
    /// name. `None` (and a problem) if `value` is not an object.
    pub fn object<'v>(&mut self, value: &'v Value, path: &str, known: &[&str]) -> Option<Fields<'v>> {
        let Value::Object(pairs) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for (key, _) in pairs {
            if !known.contains(&key.as_str()) {
                self.report(
                    &field_path(path, key),
                    format!("unknown field `{key}`"),
                    suggest(key, known),
                );
            }
        }
        Some(Fields { pairs })
    }

    /// A required field; reports it missing.
    pub fn required<'v>(&mut self, fields: Fields<'v>, path: &str, key: &str) -> Option<&'v Value> {
        let value = fields.get(key);
        if value.is_none() {
            self.report(
                &field_path(path, key),
                format!("missing field `{key}`"),
                format!("add `\"{key}\": …` here"),
            );
        }
        value
    }

    pub fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    pub fn number(&mut self, value: &Value, path: &str) -> Option<f64> {
        match value {
            Value::Number(n) => Some(*n),
            other => {
                self.wrong_type(path, "a number", other);
                None
            }
        }
    }

    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, "true or false", other);
                None
            }
        }
    }

    pub fn array<'v>(&mut self, value: &'v Value, path: &str) -> &'v [Value] {
        match value {
            Value::Array(items) => items,
            other => {
                self.wrong_type(path, "an array", other);
                &[]
            }
        }
    }

    /// A whole number in `range`.
    pub fn small_int(&mut self, value: &Value, path: &str, min: u8, max: u8) -> Option<u8> {
        let n = self.number(value, path)?;
        if n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(max) {
            // In range and whole, so the cast is exact.
            Some(n as u8)
        } else {
            self.report(
                path,
                format!("expected a whole number from {min} to {max}"),
                format!("write a whole number from {min} to {max}"),
            );
            None
        }
    }

    pub fn required_string(&mut self, fields: Fields<'_>, path: &str, key: &str) -> String {
        self.required(fields, path, key)
            .and_then(|value| self.string(value, &field_path(path, key)))
            .unwrap_or_default()
    }
}

/// Long junk values are cut in messages, so one bad value cannot make a
/// message megabytes long.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// "did you mean `title`?" when a known name is close, else the list.
pub(crate) fn suggest(unknown: &str, known: &[&str]) -> String {
    let nearest = known
        .iter()
        .map(|candidate| (edit_distance(unknown, candidate), *candidate))
        .min_by_key(|(distance, _)| *distance);
    match nearest {
        Some((distance, candidate)) if distance <= 2.max(candidate.len() / 3) => {
            format!("did you mean `{candidate}`?")
        }
        _ => {
            let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            format!("expected one of {}", list.join(", "))
        }
    }
}

/// Levenshtein distance, case-insensitive, so `Title` suggests `title`.
/// Long inputs are cut off: a 10 MB key is not worth quadratic time.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().take(64).flat_map(char::to_lowercase).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let known = ["title", "prompt", "options", "advice"];
        assert_eq!(suggest("tittle", &known), "did you mean `title`?");
        assert_eq!(suggest("Options", &known), "did you mean `options`?");
        assert_eq!(
            suggest("colour", &known),
            "expected one of `title`, `prompt`, `options`, `advice`"
        );
    }

    #[test]
    fn display_joins_path_message_and_hint() {
        let problem = Problem::new("factors[0].name", "missing field `en`", "add the English text");
        assert_eq!(
            problem.to_string(),
            "factors[0].name: missing field `en`; add the English text"
        );
    }
}
