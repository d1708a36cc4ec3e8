//! Problems found in input, and the small reader that finds them.
//!
//! Every check that can fail on input a person wrote produces a [`Problem`]
//! with the path of the offending value and a hint on how to fix it; checks
//! keep going so that one run reports everything.
//!
//! Messages are joined with `concat` and numbers written by [`decimal`],
//! not with `format!`: the same code runs in the widget's WebAssembly,
//! where the formatting machinery weighs kilobytes.

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

    /// Where, for a person: the path, or "(document)" for the whole input.
    pub fn place(&self) -> &str {
        if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        }
    }

    /// `path: message; hint`, as [`Display`](fmt::Display) writes it, with
    /// `concat` rather than the formatting machinery (the widget logs
    /// problems with it).
    pub fn line(&self) -> String {
        let mut line = [self.place(), ": ", &self.message].concat();
        if !self.hint.is_empty() {
            line.push_str("; ");
            line.push_str(&self.hint);
        }
        line
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line())
    }
}

impl std::error::Error for Problem {}

/// Parses JSON text, turning a syntax error into a problem that says where.
pub(crate) fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    json::parse(text).map_err(|error| {
        vec![Problem::new(
            [
                "line ",
                &decimal(error.line.into()),
                ", column ",
                &decimal(error.column.into()),
            ]
            .concat(),
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
        [path, ".", key].concat()
    }
}

/// `path[index]`.
pub(crate) fn index_path(path: &str, index: usize) -> String {
    [path, "[", &decimal(index as i64), "]"].concat()
}

/// `n` in decimal, as `n.to_string()` writes it, without `core::fmt`: every
/// number the core writes into a message goes through here, which keeps
/// formatting code out of the widget's WebAssembly.
pub fn decimal(n: i64) -> String {
    let mut digits = Vec::new();
    let mut rest = n.unsigned_abs();
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        digits.push(b'-');
    }
    digits.iter().rev().map(|&digit| char::from(digit)).collect()
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
        // The hint shows the shape to write, not the message again.
        let hint = match expected {
            "a string" => "put the text in double quotes: \"…\"",
            "a number" => "write the number without quotes, e.g. 1.5",
            "true or false" => "write true or false, without quotes",
            "an array" => "write a list in square brackets: [ … ]",
            _ => "write the fields in curly braces: { \"name\": … }",
        };
        self.report(path, ["expected ", expected, ", found ", found.kind()].concat(), hint);
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
                    ["unknown field `", key, "`"].concat(),
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
                ["missing field `", key, "`"].concat(),
                ["add `\"", key, "\": …` here"].concat(),
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
            let range = [&decimal(min.into()), " to ", &decimal(max.into())].concat();
            self.report(
                path,
                ["expected a whole number from ", &range].concat(),
                ["write a whole number from ", &range].concat(),
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

/// `text` cut to its first 40 characters and "…": long junk values are cut
/// in messages, so one bad value cannot make a message megabytes long.
pub fn shorten(text: &str) -> String {
    // Cut before the 41st character; characters start at every byte but
    // UTF-8 continuations.
    let mut chars = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte & 0xC0 != 0x80 {
            if chars == 40 {
                return [&text[..at], "…"].concat();
            }
            chars += 1;
        }
    }
    text.to_owned()
}

/// "did you mean `title`?" when one of the `known` names is close to
/// `unknown` (case aside), else "expected one of `a`, `b`": the hint of
/// every unknown-name problem.
pub fn suggest(unknown: &str, known: &[&str]) -> String {
    // The first of the nearest names, as `min_by_key` picks it.
    let unknown = lowercase(unknown);
    let mut nearest: Option<(usize, &str)> = None;
    for &candidate in known {
        let distance = edit_distance(&unknown, &lowercase(candidate));
        if !matches!(nearest, Some((best, _)) if best <= distance) {
            nearest = Some((distance, candidate));
        }
    }
    match nearest {
        Some((distance, candidate)) if distance <= 2.max(candidate.len() / 3) => {
            ["did you mean `", candidate, "`?"].concat()
        }
        _ => {
            let mut list = String::from("expected one of ");
            for (i, name) in known.iter().enumerate() {
                if i > 0 {
                    list.push_str(", ");
                }
                list.push('`');
                list.push_str(name);
                list.push('`');
            }
            list
        }
    }
}

/// The first 64 characters of a name, lowercased, for [`edit_distance`]:
/// comparing case-insensitively, `Title` suggests `title`. Long inputs are
/// cut off: a 10 MB key is not worth quadratic time. ASCII case only: every
/// name a suggestion can point to (fields, slugs) is ASCII, and Unicode's
/// case tables would cost the widget a kilobyte.
fn lowercase(name: &str) -> Vec<char> {
    let mut chars = Vec::new();
    for c in name.chars().take(64) {
        chars.push(c.to_ascii_lowercase());
    }
    chars
}

/// Levenshtein distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
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
    fn decimals_match_to_string() {
        for n in [0, 7, 10, 99, 1000, -1, -45, i64::MAX, i64::MIN] {
            assert_eq!(decimal(n), n.to_string());
        }
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
