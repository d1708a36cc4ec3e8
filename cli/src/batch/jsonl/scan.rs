//! The fast path of JSON Lines input: one answers line read straight into
//! a [`Sheet`], with no JSON value tree and no allocation.
//!
//! It reads the shape that exports and scripts write, byte by byte:
//! `{"respondent": "r-17" | 17, "answers": {"<question id>": 0..4 |
//! "dont-know" | "not-applicable" | null, …}}`, fields in any order, JSON
//! white space anywhere, and with `benchmark --by department` a string
//! field `"department": "Sales"` (the group). Whatever else it meets (an
//! escape in a string, an unknown id, a repeated field, a number that is
//! not a single digit, a syntax error, …) it declines, and the line is read
//! by the core's `read_response` instead, which accepts or reports exactly
//! as before. So the scanner only has to be right about what it accepts:
//! each line it accepts, `read_response` accepts too, with the same
//! respondent and answers (the tests below hold it to that; `jsonl.rs`'s
//! tests do the same for lines with a group, which the core reads once
//! the group field is taken out).

use std::collections::HashMap;

use readiness_core::{Answer, Questionnaire, Sheet};

use crate::batch::source::is_named;

pub struct Scanner {
    /// Question ids in questionnaire order (the sheet's slots).
    ids: Vec<Id>,
    /// Question ids to their slot, for answers not in questionnaire order.
    by_id: HashMap<Box<str>, usize>,
    /// The line each slot was last answered on, to decline repeated ids.
    seen: Vec<u64>,
    /// Counts lines scanned; `seen` compares against it.
    stamp: u64,
    /// Answers written as a one-digit number, by the digit's byte.
    digits: [Option<Answer>; 256],
    /// Answers written as a string, by their code.
    words: Vec<(&'static [u8], Answer)>,
    /// The field that holds the group (`benchmark --by`), if any.
    by: Option<Box<str>>,
}

struct Id {
    id: Box<str>,
    allows_not_applicable: bool,
}

impl Scanner {
    /// A scanner of responses to `q`, reading the group from the field
    /// `by` names, if any.
    pub fn new(q: &Questionnaire, by: Option<&str>) -> Scanner {
        let ids: Vec<Id> = q
            .questions()
            .map(|(_, question)| Id {
                id: question.id.as_str().into(),
                allows_not_applicable: question.allow_not_applicable,
            })
            .collect();
        let by_id = ids.iter().enumerate().map(|(at, id)| (id.id.clone(), at)).collect();
        // The core reads a whole number n from 0 to 4 as `Answer::Value(n)`
        // and the strings "dont-know" and "not-applicable" by their code;
        // the tables follow its codes rather than restating them.
        let mut digits = [None; 256];
        for digit in b'0'..=b'9' {
            if let Some(answer @ Answer::Value(value)) = Answer::from_code(&char::from(digit).to_string()) {
                if value == digit - b'0' {
                    digits[usize::from(digit)] = Some(answer);
                }
            }
        }
        let words = [Answer::DontKnow, Answer::NotApplicable]
            .into_iter()
            .filter(|&answer| Answer::from_code(answer.code()) == Some(answer))
            .map(|answer| (answer.code().as_bytes(), answer))
            .collect();
        Scanner {
            seen: vec![0; ids.len()],
            ids,
            by_id,
            stamp: 0,
            digits,
            words,
            by: by.map(Into::into),
        }
    }

    /// The question ids, in the sheet's order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(|id| &*id.id)
    }

    /// Reads `line` (one JSON Lines line without its line end) into
    /// `respondent`, `group` and `sheet`, or `None` to have the core read
    /// it; then they hold whatever was read so far.
    pub fn scan(&mut self, line: &str, respondent: &mut String, group: &mut String, sheet: &mut Sheet) -> Option<()> {
        self.stamp += 1;
        respondent.clear();
        group.clear();
        sheet.clear();
        let mut at = Cursor { text: line, pos: 0 };
        let (mut answers, mut named, mut grouped) = (false, false, false);
        at.space();
        at.eat(b'{')?;
        loop {
            at.space();
            let key = at.string()?;
            at.space();
            at.eat(b':')?;
            at.space();
            match key {
                "answers" if !answers => {
                    answers = true;
                    self.answers(&mut at, sheet)?;
                }
                "respondent" if !named => {
                    named = true;
                    respondent.push_str(at.respondent()?);
                }
                // Only a plain string: `null`, a number or an escape is
                // the core's (and `jsonl.rs`'s) to read.
                key if !grouped && self.by.as_deref().is_some_and(|by| is_named(key, by)) => {
                    grouped = true;
                    group.push_str(at.string()?.trim());
                }
                _ => return None,
            }
            at.space();
            match at.next()? {
                b',' => {}
                b'}' => break,
                _ => return None,
            }
        }
        at.space();
        (answers && at.pos == line.len()).then_some(())
    }

    fn answers(&mut self, at: &mut Cursor<'_>, sheet: &mut Sheet) -> Option<()> {
        at.eat(b'{')?;
        at.space();
        if at.peek() == Some(b'}') {
            at.pos += 1;
            return Some(());
        }
        // Answers usually come in questionnaire order: try the slot after
        // the last one before looking the id up.
        let mut expected = 0;
        loop {
            let id = at.string()?;
            let slot = match self.ids.get(expected) {
                Some(next) if *next.id == *id => expected,
                _ => *self.by_id.get(id)?,
            };
            expected = slot + 1;
            if self.seen[slot] == self.stamp {
                return None;
            }
            self.seen[slot] = self.stamp;
            at.space();
            at.eat(b':')?;
            at.space();
            let answer = match at.peek()? {
                b'n' => {
                    at.word("null")?;
                    None
                }
                b'"' => {
                    let code = at.string()?.as_bytes();
                    let (_, answer) = self.words.iter().find(|(word, _)| *word == code)?;
                    Some(*answer)
                }
                digit => {
                    at.pos += 1;
                    Some(self.digits[usize::from(digit)]?)
                }
            };
            if answer == Some(Answer::NotApplicable) && !self.ids[slot].allows_not_applicable {
                return None;
            }
            if answer.is_some() {
                sheet.set(slot, answer);
            }
            // A digit followed by more of a number (`10`, `1.5`, `2e0`)
            // fails here, as does anything else out of place.
            at.space();
            match at.next()? {
                b',' => at.space(),
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// JSON white space, as the core's reader skips it.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn word(&mut self, word: &str) -> Option<()> {
        let rest = self.text.as_bytes().get(self.pos..)?;
        rest.starts_with(word.as_bytes()).then(|| self.pos += word.len())
    }

    /// A string without escapes or control characters (which the core's
    /// reader would unescape or reject), as written between its quotes.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let len = bytes[start..]
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
        self.pos = start + len;
        self.eat(b'"')?;
        // Both ends are at ASCII quotes, so on character boundaries.
        self.text.get(start..start + len)
    }

    /// A respondent: a string, or a whole number written plainly (no sign,
    /// fraction or exponent; at most 15 digits, well within what the core
    /// takes), which the core writes back as the same digits.
    fn respondent(&mut self) -> Option<&'a str> {
        match self.peek()? {
            b'"' => self.string(),
            b'0' => {
                self.pos += 1;
                Some("0")
            }
            b'1'..=b'9' => {
                let start = self.pos;
                let len = self.text.as_bytes()[start..]
                    .iter()
                    .take_while(|byte| byte.is_ascii_digit())
                    .count();
                if len > 15 {
                    return None;
                }
                self.pos += len;
                self.text.get(start..self.pos)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use readiness_core::Response;

    fn tiny() -> Questionnaire {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/questionnaires/tiny.json");
        Questionnaire::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// What the core reads from a line, as a sheet.
    fn core(q: &Questionnaire, line: &str) -> Option<(Option<String>, Sheet)> {
        q.read_response(line)
            .ok()
            .map(|Response { respondent, answers }| (respondent, Sheet::new(q, &answers)))
    }

    /// Scans `line`, checking that whatever the scanner accepts the core
    /// reads the same; whether it accepted.
    fn agrees(scanner: &mut Scanner, q: &Questionnaire, line: &str) -> bool {
        let mut respondent = String::from("stale");
        let mut group = String::from("stale");
        let mut sheet = q.sheet();
        sheet.set(0, Some(Answer::Value(3)));
        let Some(()) = scanner.scan(line, &mut respondent, &mut group, &mut sheet) else {
            return false;
        };
        assert_eq!(group, "", "no group without --by: {line}");
        let (core_respondent, core_sheet) =
            core(q, line).unwrap_or_else(|| panic!("the scanner accepted what the core refuses: {line}"));
        assert_eq!(respondent, core_respondent.unwrap_or_default(), "{line}");
        assert_eq!(sheet, core_sheet, "{line}");
        true
    }

    #[test]
    fn reads_the_common_shape_as_the_core_does() {
        let q = tiny();
        let mut scanner = Scanner::new(&q, None);
        for line in [
            r#"{"respondent":"r-1","answers":{"a-one":4,"a-two":"dont-know","a-three":"not-applicable","b-one":0,"b-sponsor":null}}"#,
            r#"{"answers": {"b-sponsor": 2, "a-one": 1}, "respondent": 17}"#,
            r#" { "respondent" : 0 , "answers" : { } } "#,
            "{\t\"answers\":{\"a-one\":3}\r}",
            r#"{"answers":{}}"#,
            r#"{"respondent":"","answers":{"a-two":0}}"#,
            r#"{"respondent":"Budi Ünal ✓","answers":{"a-two":4}}"#,
            r#"{"respondent":123456789012345,"answers":{}}"#,
        ] {
            assert!(agrees(&mut scanner, &q, line), "declined: {line}");
        }
    }

    #[test]
    fn declines_everything_else_for_the_core_to_read() {
        let q = tiny();
        let mut scanner = Scanner::new(&q, None);
        for line in [
            // Problems the core reports.
            "",
            "{}",
            r#"{"answers":{"a-one":5}}"#,
            r#"{"answers":{"a-one":"3"}}"#,
            r#"{"answers":{"a-one":1.5}}"#,
            r#"{"answers":{"a-one":10}}"#,
            r#"{"answers":{"a-one":-1}}"#,
            r#"{"answers":{"a-one":"maybe"}}"#,
            r#"{"answers":{"a-one":true}}"#,
            r#"{"answers":{"nope":1}}"#,
            r#"{"answers":{"a-one":"not-applicable"}}"#,
            r#"{"answers":{"a-one":1,"a-one":2}}"#,
            r#"{"answers":{"a-one":1,"a-one":null}}"#,
            r#"{"answers":{},"answers":{}}"#,
            r#"{"respondent":"a","respondent":"b","answers":{}}"#,
            r#"{"answers":{},"extra":1}"#,
            r#"{"respondent":null,"answers":{}}"#,
            r#"{"respondent":"r1"}"#,
            r#"{"answers":[]}"#,
            r#"{"answers":{"a-one":1}"#,
            r#"{"answers":{"a-one":1}} x"#,
            r#"{"answers":{"a-one" 1}}"#,
            r#"{"answers":{"a-one":1,}}"#,
            r#"{"answers":{"a-one":nul}}"#,
            "{\"respondent\":\"line\nbreak\",\"answers\":{}}",
            r#"{"respondent":01,"answers":{}}"#,
            // Valid, but left to the core: escapes, other number forms,
            // very long numbers, a byte order mark.
            r#"{"respondent":"r\"1","answers":{}}"#,
            r#"{"answers":{"a-\u006fne":1}}"#,
            r#"{"answers":{"a-one":"dont\u002dknow"}}"#,
            r#"{"answers":{"a-one":4.0}}"#,
            r#"{"answers":{"a-one":4e0}}"#,
            r#"{"answers":{"a-one":-0}}"#,
            r#"{"respondent":17.0,"answers":{}}"#,
            r#"{"respondent":-3,"answers":{}}"#,
            r#"{"respondent":1234567890123456,"answers":{}}"#,
            "\u{feff}{\"answers\":{}}",
        ] {
            assert!(!agrees(&mut scanner, &q, line), "accepted: {line}");
        }
    }

    /// Lines made by mutating good ones byte by byte: whatever the scanner
    /// accepts, the core reads the same.
    #[test]
    fn never_accepts_what_the_core_reads_otherwise() {
        let q = tiny();
        let mut scanner = Scanner::new(&q, None);
        let seeds = [
            r#"{"respondent":"r-1","answers":{"a-one":4,"a-two":"dont-know","a-three":"not-applicable","b-one":0,"b-sponsor":null}}"#,
            r#"{"answers": {"b-sponsor": 2, "a-one": 1}, "respondent": 17}"#,
        ];
        let alphabet = b" \t\"\\,:{}[]0123456789.-+eEnulabrsp\x01\xc3";
        let mut accepted = 0;
        for line in super::super::tests::mutants(&seeds, alphabet, 0x2545_f491_4f6c_dd1d, 200_000) {
            accepted += usize::from(agrees(&mut scanner, &q, &line));
        }
        assert!(accepted > 1000, "too few mutants accepted ({accepted}) to mean much");
    }
}
