//! Responses as JSON Lines: one answers object per line. The usual line is
//! read straight into the answer sheet by [`Scanner`]; any other goes to the
//! core's `read_response`, which checks every id and value and says what is
//! wrong. With `benchmark --by department`, a line may also hold the
//! response's group, `"department": "Sales"`, which an answers file does
//! not: [`read_by_core`] takes it out before the core reads the rest.

mod scan;

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use readiness_core::json::{self, Value};
use readiness_core::{Answers, Problem, Questionnaire, Response, Sheet};

use scan::Scanner;

use super::source::{is_named, Entry, Grouping, Next, Source, Want};
use crate::failure::Failure;

/// No answers object comes near this; reading a longer line whole would let
/// one runaway line (a file without newlines) take all memory.
const MAX_LINE: usize = 1 << 20;

pub struct JsonlSource<'q, R> {
    input: R,
    path: PathBuf,
    q: &'q Questionnaire,
    want: Want,
    /// The field that holds the group, if any.
    by: Option<String>,
    line: u64,
    buf: Vec<u8>,
    scanner: Scanner,
    /// Where the scanner reads answers when the output wants them by id.
    sheet: Sheet,
}

impl<'q, R: BufRead> JsonlSource<'q, R> {
    pub fn new(input: R, path: &Path, q: &'q Questionnaire, want: Want, grouping: Grouping<'_>) -> Self {
        JsonlSource {
            input,
            path: path.to_owned(),
            q,
            want,
            by: grouping.column().map(str::to_owned),
            line: 0,
            buf: Vec::new(),
            scanner: Scanner::new(q, grouping.column()),
            sheet: q.sheet(),
        }
    }

    /// Reads the next line into `buf`, at most `MAX_LINE + 1` bytes of it;
    /// `false` at the end of the input.
    fn read_line(&mut self) -> Result<bool, Failure> {
        self.buf.clear();
        let read = (&mut self.input)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|error| Failure::read(&self.path, &error))?;
        Ok(read > 0)
    }

    /// Drops the rest of an overlong line without keeping it.
    fn skip_rest_of_line(&mut self) -> Result<(), Failure> {
        loop {
            let available = self
                .input
                .fill_buf()
                .map_err(|error| Failure::read(&self.path, &error))?;
            if available.is_empty() {
                return Ok(());
            }
            match available.iter().position(|&byte| byte == b'\n') {
                Some(end) => {
                    self.input.consume(end + 1);
                    return Ok(());
                }
                None => {
                    let len = available.len();
                    self.input.consume(len);
                }
            }
        }
    }
}

impl<R: BufRead> Source for JsonlSource<'_, R> {
    fn next(&mut self, entry: &mut Entry) -> Result<Next, Failure> {
        if !self.read_line()? {
            return Ok(Next::End);
        }
        self.line += 1;
        entry.line = self.line;
        if self.buf.len() > MAX_LINE {
            self.skip_rest_of_line()?;
            return Ok(Next::Bad(vec![format!(
                "the line is longer than {} MiB; each line must hold one answers object",
                MAX_LINE >> 20
            )]));
        }
        // Without its line end, so that a syntax error's column is where it
        // is on the line, and "the text ends" means the line ends.
        let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(error) => {
                return Ok(Next::Bad(vec![format!(
                    "not UTF-8 text (invalid byte at column {}); save the file as UTF-8",
                    error.valid_up_to() + 1
                )]))
            }
        };
        let text = if self.line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if text.trim().is_empty() {
            return Ok(Next::Blank);
        }
        let sheet = match self.want {
            Want::Sheet => &mut entry.sheet,
            Want::Answers => &mut self.sheet,
        };
        if let Some(()) = self.scanner.scan(text, &mut entry.respondent, &mut entry.group, sheet) {
            if self.want == Want::Answers {
                entry.answers = answers(&self.scanner, &self.sheet);
            }
            return Ok(Next::Response);
        }
        let response = match read_by_core(self.q, text, self.by.as_deref(), &mut entry.group) {
            Ok(response) => response,
            Err(problems) => return Ok(Next::Bad(problems)),
        };
        entry.respondent.clear();
        entry.respondent.push_str(response.respondent.as_deref().unwrap_or(""));
        match self.want {
            Want::Answers => entry.answers = response.answers,
            Want::Sheet => entry.sheet = Sheet::new(self.q, &response.answers),
        }
        Ok(Next::Response)
    }
}

/// Reads a line the scanner declined with the core, which says exactly
/// what is wrong, one problem an item. The group field `by` names, if the
/// line has one, goes into `group` (trimmed; `null` for none) and is taken
/// out first, since the core knows no such field.
fn read_by_core(q: &Questionnaire, text: &str, by: Option<&str>, group: &mut String) -> Result<Response, Vec<String>> {
    group.clear();
    let mut problems = Vec::new();
    // Parsed twice on this slow path: a line that does not parse goes to
    // `read_response` as it is, for the core's own syntax message.
    let read = match (by, json::parse(text)) {
        (Some(by), Ok(Value::Object(mut fields))) => {
            let named: Vec<usize> = (0..fields.len()).filter(|&at| is_named(&fields[at].0, by)).collect();
            if let [first, second, ..] = named[..] {
                problems.push(format!(
                    "`{}` and `{}` both name the group (--by {by}); keep one of them",
                    fields[first].0, fields[second].0
                ));
            }
            for &at in named.iter().rev() {
                let (key, value) = fields.remove(at);
                match value {
                    Value::String(name) => *group = name.trim().to_owned(),
                    Value::Null => {}
                    other => problems.push(format!(
                        "{key}: the group is {}; write its name as a string, e.g. \"{key}\": \"Retail\", or null for none",
                        other.kind()
                    )),
                }
            }
            q.read_response_value(&Value::Object(fields))
        }
        _ => q.read_response(text),
    };
    match read {
        Ok(response) if problems.is_empty() => Ok(response),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more.iter().map(within_line));
            Err(problems)
        }
    }
}

/// The answers on a sheet, by question id.
fn answers(scanner: &Scanner, sheet: &Sheet) -> Answers {
    scanner
        .ids()
        .enumerate()
        .filter_map(|(at, id)| sheet.get(at).map(|answer| (id, answer)))
        .collect()
}

/// A problem as said after `line N: `. The core places a JSON syntax error
/// at "line 1, column C" of the text it was given, which is this one line,
/// so only the column is worth keeping.
fn within_line(problem: &Problem) -> String {
    let text = problem.to_string();
    match text.strip_prefix("line 1, ") {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use readiness_core::Answer;

    fn tiny() -> Questionnaire {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/questionnaires/tiny.json");
        Questionnaire::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    const BY: &str = "department";

    /// Scans `line` with the group field `department`, checking that
    /// whatever the scanner accepts, the slow path reads the same
    /// respondent, group and answers; whether it accepted. (The scanner's
    /// own tests hold it to the core's reading of lines without a group.)
    fn agrees(scanner: &mut Scanner, q: &Questionnaire, line: &str) -> bool {
        let (mut respondent, mut group) = (String::from("stale"), String::from("stale"));
        let mut sheet = q.sheet();
        sheet.set(0, Some(Answer::Value(3)));
        let Some(()) = scanner.scan(line, &mut respondent, &mut group, &mut sheet) else {
            return false;
        };
        let mut core_group = String::from("stale");
        let response = read_by_core(q, line, Some(BY), &mut core_group)
            .unwrap_or_else(|problems| panic!("the scanner accepted what the core refuses: {line}: {problems:?}"));
        assert_eq!(respondent, response.respondent.unwrap_or_default(), "{line}");
        assert_eq!(group, core_group, "{line}");
        assert_eq!(sheet, Sheet::new(q, &response.answers), "{line}");
        true
    }

    #[test]
    fn the_scanner_reads_a_group_as_the_slow_path_does() {
        let q = tiny();
        let mut scanner = Scanner::new(&q, Some(BY));
        for line in [
            r#"{"respondent":"r-1","department":"Sales","answers":{"a-one":4}}"#,
            r#"{"answers":{"a-one":1},"department":"IT"}"#,
            r#"{"Department":" Finance ","answers":{}}"#,
            r#"{"department":"","answers":{}}"#,
            r#"{"answers":{"b-one":2}}"#,
        ] {
            assert!(agrees(&mut scanner, &q, line), "declined: {line}");
        }
        for line in [
            // Read by the slow path, whose answers the tests below check.
            r#"{"department":null,"answers":{}}"#,
            r#"{"department":"Sal\u0065s","answers":{}}"#,
            r#"{"department":3,"answers":{}}"#,
            r#"{"department":"a","department":"b","answers":{}}"#,
            r#"{"department":"a","DEPARTMENT":"b","answers":{}}"#,
            r#"{"sector":"a","answers":{}}"#,
        ] {
            assert!(!agrees(&mut scanner, &q, line), "accepted: {line}");
        }
    }

    #[test]
    fn the_slow_path_takes_the_group_out_and_says_what_is_wrong_with_it() {
        let q = tiny();
        let read = |line: &str| {
            let mut group = String::from("stale");
            read_by_core(&q, line, Some(BY), &mut group).map(|response| (response.respondent, group))
        };
        assert_eq!(
            read(r#"{"department":"Sal\u0065s","respondent":"r\"1","answers":{"a-one":4.0}}"#),
            Ok((Some("r\"1".to_owned()), "Sales".to_owned()))
        );
        assert_eq!(read(r#"{"department":null,"answers":{}}"#), Ok((None, String::new())));
        assert_eq!(
            read(r#"{"department":3,"answers":{"a-one":9}}"#).unwrap_err(),
            [
                "department: the group is a number; write its name as a string, e.g. \"department\": \"Retail\", or null for none",
                "answers.a-one: not a valid answer; answer with a whole number from 0 to 4, \"dont-know\", \"not-applicable\" or null (unanswered)",
            ]
        );
        assert_eq!(
            read(r#"{"department":"a","Department":"b","answers":{}}"#).unwrap_err(),
            ["`department` and `Department` both name the group (--by department); keep one of them"]
        );
        // Without --by the field is unknown to the core, as ever; a syntax
        // error is the core's own message.
        let mut group = String::new();
        let problems = read_by_core(&q, r#"{"department":"a","answers":{}}"#, None, &mut group).unwrap_err();
        assert!(problems[0].starts_with("department: unknown field"), "{problems:?}");
        assert_eq!(
            read(r#"{"department":"a","answers":{}"#).unwrap_err(),
            read_by_core(&q, r#"{"department":"a","answers":{}"#, None, &mut group).unwrap_err()
        );
    }

    /// Lines with a group, mutated byte by byte: whatever the scanner
    /// accepts, the slow path reads the same.
    #[test]
    fn the_scanner_never_reads_a_group_otherwise_than_the_slow_path() {
        let q = tiny();
        let mut scanner = Scanner::new(&q, Some(BY));
        let seeds = [
            r#"{"respondent":"r-1","department":"Sales","answers":{"a-one":4,"a-two":"dont-know","b-sponsor":null}}"#,
            r#"{"answers": {"b-sponsor": 2, "a-one": 1}, "Department": "IT", "respondent": 17}"#,
        ];
        let alphabet = b" \t\"\\,:{}[]0123456789.-+eEnulabrsptD\x01\xc3";
        let mut accepted = 0;
        for line in mutants(&seeds, alphabet, 0x1d87_2b41_6e55_a9c3, 100_000) {
            accepted += usize::from(agrees(&mut scanner, &q, &line));
        }
        assert!(accepted > 1000, "too few mutants accepted ({accepted}) to mean much");
    }

    /// `count` lines made from `seeds` by one to three random byte edits
    /// (replace, insert or remove, from `alphabet`), those that are still
    /// UTF-8: deterministic, from `state` (xorshift). The scanner's tests
    /// use it too.
    pub(super) fn mutants(seeds: &[&str], alphabet: &[u8], mut state: u64, count: usize) -> Vec<String> {
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let mut lines = Vec::new();
        for _ in 0..count {
            let mut line = seeds[random(seeds.len())].as_bytes().to_vec();
            for _ in 0..1 + random(3) {
                let at = random(line.len());
                match random(3) {
                    0 => line[at] = alphabet[random(alphabet.len())],
                    1 => line.insert(at, alphabet[random(alphabet.len())]),
                    _ => {
                        line.remove(at);
                    }
                }
            }
            lines.extend(String::from_utf8(line).ok());
        }
        lines
    }
}
