//! Responses as JSON Lines: one answers object per line. The usual line is
//! read straight into the answer sheet by [`Scanner`]; any other goes to the
//! core's `read_response`, which checks every id and value and says what is
//! wrong.

mod scan;

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use readiness_core::{Answers, Problem, Questionnaire, Sheet};

use scan::Scanner;

use super::source::{Entry, Next, Source, Want};
use crate::failure::Failure;

/// No answers object comes near this; reading a longer line whole would let
/// one runaway line (a file without newlines) take all memory.
const MAX_LINE: usize = 1 << 20;

pub struct JsonlSource<'q, R> {
    input: R,
    path: PathBuf,
    q: &'q Questionnaire,
    want: Want,
    line: u64,
    buf: Vec<u8>,
    scanner: Scanner,
    /// Where the scanner reads answers when the output wants them by id.
    sheet: Sheet,
}

impl<'q, R: BufRead> JsonlSource<'q, R> {
    pub fn new(input: R, path: &Path, q: &'q Questionnaire, want: Want) -> Self {
        JsonlSource {
            input,
            path: path.to_owned(),
            q,
            want,
            line: 0,
            buf: Vec::new(),
            scanner: Scanner::new(q),
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
        let scanned = match self.want {
            Want::Sheet => self.scanner.scan(text, &mut entry.respondent, &mut entry.sheet),
            Want::Answers => self.scanner.scan(text, &mut entry.respondent, &mut self.sheet),
        };
        if scanned.is_some() {
            if self.want == Want::Answers {
                entry.answers = answers(&self.scanner, &self.sheet);
            }
            return Ok(Next::Response);
        }
        let response = match self.q.read_response(text) {
            Ok(response) => response,
            Err(problems) => return Ok(Next::Bad(problems.iter().map(within_line).collect())),
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
