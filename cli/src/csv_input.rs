//! Responses as CSV, the way spreadsheets and form tools export them: a
//! header row of question ids (plus an optional `respondent` column), one
//! response per record.
//!
//! The header is mapped to question indices once; each record then fills a
//! reused `Sheet` directly, with no allocation: the fast path.

use std::error::Error;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use csv::{ByteRecord, ReaderBuilder};
use readiness_core::{Answer, Answers, Questionnaire};

use crate::batch::{Entry, Next, Source, Want};
use crate::csv_header::{columns, sniff_delimiter, unanswerable, Column};
use crate::failure::Failure;
use crate::input::display_name;
use crate::layout::shorten;

/// No response comes near this. A longer record is nearly always an
/// unclosed quote swallowing the rest of the file, which must not take all
/// memory on the way.
const MAX_RECORD: u64 = 1 << 20;

pub struct CsvSource<R> {
    reader: csv::Reader<Guarded<R>>,
    record: ByteRecord,
    columns: Vec<Column>,
    cells: Cells,
    want: Want,
    path: PathBuf,
    /// Set after a record the reader cannot get past.
    stopped: bool,
}

impl<R: BufRead> CsvSource<R> {
    /// Reads and checks the header. Every bad column is reported at once
    /// (exit 1); questions without a column are noted on standard error and
    /// count as unanswered.
    pub fn new(mut input: R, path: &Path, q: &Questionnaire, want: Want) -> Result<Self, Failure> {
        let delimiter = sniff_delimiter(&mut input).map_err(|error| Failure::read(path, &error))?;
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            // Rows of the wrong length are reported as bad lines, not fatal.
            .flexible(true)
            // Only `\n` ends a record: a CRLF's `\r` then stays in the last
            // cell, where trimming drops it, and a blank CRLF line is a
            // record of its own rather than skipped, which keeps the line
            // count right (see `start_line`).
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(64 * 1024)
            .from_reader(Guarded {
                inner: input,
                read: 0,
                record_start: 0,
            });
        let mut header = ByteRecord::new();
        let name = display_name(path);
        let found = reader.read_byte_record(&mut header).map_err(|error| {
            if too_long(&error) {
                Failure::Invalid(vec![format!("{name}: line 1: the header is longer than 1 MiB")])
            } else {
                read_failure(path, &error)
            }
        })?;
        if !found {
            return Err(Failure::Invalid(vec![format!(
                "{name}: the CSV is empty; its first row must name the questions (question ids as column names)"
            )]));
        }
        let columns = columns(&header, q).map_err(|problems| {
            Failure::Invalid(
                problems
                    .into_iter()
                    .map(|problem| format!("{name}: line 1: {problem}"))
                    .collect(),
            )
        })?;
        let missing = unanswerable(&columns, q);
        if !missing.is_empty() {
            eprintln!(
                "note: {name} has no column for {} of {} questions, scored as unanswered: {}",
                missing.len(),
                q.questions().count(),
                missing.join(", ")
            );
        }
        Ok(CsvSource {
            reader,
            record: ByteRecord::new(),
            columns,
            cells: Cells::new(),
            want,
            path: path.to_owned(),
            stopped: false,
        })
    }

    /// The physical line the record just read starts on. The reader's own
    /// record position is where it began looking, before any blank lines it
    /// skipped; counting back from where the record ends is exact.
    fn start_line(&self) -> u64 {
        let end = self.reader.position().line();
        let inside = self.record.as_slice().iter().filter(|&&byte| byte == b'\n').count() as u64;
        // A record ends with its `\n`, unless it is the last and has none.
        let terminated = !self.reader.is_done();
        end.saturating_sub(inside + u64::from(terminated)).max(1)
    }

    /// Copies the record's cells into the entry; what is wrong, if anything.
    fn fill(&self, entry: &mut Entry) -> Vec<String> {
        let mut problems = Vec::new();
        entry.respondent.clear();
        match self.want {
            Want::Sheet => entry.sheet.clear(),
            Want::Answers => entry.answers = Answers::new(),
        }
        for (column, cell) in self.columns.iter().zip(self.record.iter()) {
            match column {
                Column::Respondent => entry.respondent.push_str(&String::from_utf8_lossy(cell.trim_ascii())),
                Column::Unnamed { position } => {
                    if !cell.trim_ascii().is_empty() {
                        problems.push(format!(
                            "column {position} has no name in the header but holds `{}`; name the column or empty it",
                            shorten(&String::from_utf8_lossy(cell))
                        ));
                    }
                }
                Column::Question { index, id } => match self.cells.read(cell) {
                    Ok(answer) => match self.want {
                        Want::Sheet => entry.sheet.set(*index, answer),
                        Want::Answers => {
                            if let Some(answer) = answer {
                                entry.answers.insert(id.clone(), answer);
                            }
                        }
                    },
                    Err(()) => problems.push(format!(
                        "column `{id}`: `{}` is not an answer; write 0 to 4, dont-know or not-applicable, or leave the cell empty",
                        shorten(&String::from_utf8_lossy(cell))
                    )),
                },
            }
        }
        problems
    }
}

impl<R: BufRead> Source for CsvSource<R> {
    fn next(&mut self, entry: &mut Entry) -> Result<Next, Failure> {
        if self.stopped {
            return Ok(Next::End);
        }
        self.reader.get_mut().record_start = self.reader.position().byte();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => entry.line = self.start_line(),
            Ok(false) => return Ok(Next::End),
            Err(error) if too_long(&error) => {
                // Where the reader began the record: the record is cut
                // short, so counting back from its end would be wrong.
                entry.line = self.record.position().map_or(0, |position| position.line());
                self.stopped = true;
                return Ok(Next::Bad(vec![format!(
                    "a record longer than {} MiB: an unclosed quote (\") has probably swallowed the lines after it; close or remove it",
                    MAX_RECORD >> 20
                )]));
            }
            Err(error) => return Err(read_failure(&self.path, &error)),
        }
        if self.record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            // A blank line, or a blank row as spreadsheets export it: `,,,,`.
            return Ok(if self.record.len() == 1 {
                Next::Blank
            } else {
                Next::Empty
            });
        }
        if self.record.len() != self.columns.len() {
            return Ok(Next::Bad(vec![format!(
                "{} fields, but the header has {}; each row needs one cell per column (empty for unanswered)",
                self.record.len(),
                self.columns.len()
            )]));
        }
        let problems = self.fill(entry);
        Ok(if problems.is_empty() {
            Next::Response
        } else {
            Next::Bad(problems)
        })
    }
}

/// Whether the reader stopped because of the [`Guarded`] limit.
fn too_long(error: &csv::Error) -> bool {
    matches!(error.kind(), csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|inner| inner.is::<RecordTooLong>()))
}

fn read_failure(path: &Path, error: &csv::Error) -> Failure {
    match error.kind() {
        csv::ErrorKind::Io(io) => Failure::read(path, io),
        // With byte records and flexible lengths the reader reports
        // nothing else; say so plainly if it ever does.
        _ => Failure::Io(format!("cannot read {}: {error}", display_name(path))),
    }
}

/// Every answer a cell can hold.
const ANSWERS: [Answer; 7] = [
    Answer::Value(0),
    Answer::Value(1),
    Answer::Value(2),
    Answer::Value(3),
    Answer::Value(4),
    Answer::DontKnow,
    Answer::NotApplicable,
];

/// Reads cells as the core's answer codes (`Answer::code`), compared as
/// bytes: one-byte codes through a table, the rest one by one. Decoding
/// UTF-8 and calling `Answer::from_code` per cell took a measurable share
/// of the fast path.
struct Cells {
    one_byte: [Option<Answer>; 256],
    longer: Vec<(&'static [u8], Answer)>,
}

impl Cells {
    fn new() -> Cells {
        let mut cells = Cells {
            one_byte: [None; 256],
            longer: Vec::new(),
        };
        for answer in ANSWERS {
            match answer.code().as_bytes() {
                [byte] => cells.one_byte[usize::from(*byte)] = Some(answer),
                code => cells.longer.push((code, answer)),
            }
        }
        cells
    }

    /// A cell: `Ok(None)` when empty (unanswered), `Err` when not an answer.
    fn read(&self, cell: &[u8]) -> Result<Option<Answer>, ()> {
        let answer = match cell.trim_ascii() {
            [] => return Ok(None),
            [byte] => self.one_byte[usize::from(*byte)],
            cell => self
                .longer
                .iter()
                .find(|(code, _)| *code == cell)
                .map(|(_, answer)| *answer),
        };
        answer.map(Some).ok_or(())
    }
}

/// Passes reads through, failing once the record being read has grown past
/// [`MAX_RECORD`], so that the CSV reader's buffer cannot.
struct Guarded<R> {
    inner: R,
    /// Bytes passed to the CSV reader so far.
    read: u64,
    /// Where the record being read starts, in the same count.
    record_start: u64,
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read.saturating_sub(self.record_start) > MAX_RECORD {
            return Err(io::Error::other(RecordTooLong));
        }
        let read = self.inner.read(buf)?;
        self.read += read as u64;
        Ok(read)
    }
}

#[derive(Debug)]
struct RecordTooLong;

impl fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a CSV record is longer than {} MiB", MAX_RECORD >> 20)
    }
}

impl Error for RecordTooLong {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_the_core_reads_codes() {
        let cells = Cells::new();
        for answer in ANSWERS {
            assert_eq!(Answer::from_code(answer.code()), Some(answer));
            assert_eq!(cells.read(answer.code().as_bytes()), Ok(Some(answer)));
        }
        assert_eq!(cells.read(b" 3\r"), Ok(Some(Answer::Value(3))));
        assert_eq!(cells.read(b""), Ok(None));
        for bad in [&b"5"[..], b"3.0", b"Dont-Know", b"\xff", b"dont-knowx"] {
            assert_eq!(Answer::from_code(&String::from_utf8_lossy(bad)), None);
            assert_eq!(cells.read(bad), Err(()));
        }
    }
}
