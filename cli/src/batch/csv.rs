//! Responses as CSV, the way spreadsheets and form tools export them: a
//! header row of question ids (plus an optional `respondent` column, and
//! the group column `benchmark --by` names), one response per record.
//!
//! The header is mapped to question indices once; each record then fills a
//! reused `Sheet` directly, with no allocation: the fast path. Records are
//! read a line at a time into one reused buffer. A line without a quote,
//! which is nearly every line, is split at the separator where it lies; a
//! line with one goes through `csv_core`'s parser, the one the `csv` crate
//! reads with, configured as it was: RFC 4180 quoting, `""` for a quote, a
//! quoted field may hold separators and line breaks. Only `\n` ends a
//! record, so a CRLF's `\r` stays in the last cell, where trimming drops it;
//! a line that is empty is no record at all, as for `csv`. The header row is
//! mapped to columns in [`header`].

mod header;

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use csv::ByteRecord;
use csv_core::{ReadRecordResult, Reader as QuotedReader, ReaderBuilder, Terminator};
use readiness_core::{shorten, Answer, Answers, Questionnaire};

use header::{columns, sniff_delimiter, unanswerable, Column};

use super::source::{Entry, Grouping, Next, Source, Want};
use crate::failure::Failure;
use crate::paths::display_name;

/// No response comes near this. A longer record is nearly always an
/// unclosed quote swallowing the rest of the file, which must not take all
/// memory on the way.
const MAX_RECORD: usize = 1 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct CsvSource<R> {
    records: Records<R>,
    columns: Vec<Column>,
    cells: Cells,
    want: Want,
    /// Set after a record the reader cannot get past.
    stopped: bool,
}

/// Reads records one at a time into reused buffers.
struct Records<R> {
    input: R,
    path: PathBuf,
    delimiter: u8,
    /// The physical line the next line read starts on, from 1.
    line: u64,
    /// The line or lines of the record being read, line ends included (but
    /// for a [`Record::Plain`], whose line end is dropped).
    buf: Vec<u8>,
    /// The record in `buf` as parsed, for one with quotes.
    quoted: Quoted,
}

/// A record with quotes, as `csv_core` reads it.
struct Quoted {
    reader: QuotedReader,
    /// The fields' bytes, unquoted, one after the other.
    fields: Vec<u8>,
    /// Where each field ends in `fields`.
    ends: Vec<usize>,
    /// How much of `fields` and `ends` the record fills.
    filled: (usize, usize),
}

/// What was read next, and where.
enum Record {
    /// A line without quotes: `buf` without its line end.
    Plain,
    /// A record with quotes: in [`Quoted`].
    Quoted,
    /// More than [`MAX_RECORD`] bytes without a record's end.
    TooLong,
    End,
}

impl<R: BufRead> CsvSource<R> {
    /// Reads and checks the header. Every bad column is reported at once
    /// (exit 1); questions without a column are noted on standard error and
    /// count as unanswered.
    pub fn new(
        mut input: R,
        path: &Path,
        q: &Questionnaire,
        want: Want,
        grouping: Grouping<'_>,
    ) -> Result<Self, Failure> {
        let delimiter = sniff_delimiter(&mut input).map_err(|error| Failure::read(path, &error))?;
        let mut records = Records::new(input, path, delimiter);
        let name = display_name(path);
        let mut header = ByteRecord::new();
        match records.read(&mut 0)? {
            Record::End => {
                return Err(Failure::Invalid(vec![format!(
                    "{name}: the CSV is empty; its first row must name the questions (question ids as column names)"
                )]))
            }
            Record::TooLong => {
                return Err(Failure::Invalid(vec![format!(
                    "{name}: line 1: the header is longer than 1 MiB"
                )]))
            }
            record => records.for_each_field(&record, |field| header.push_field(field)),
        }
        let columns = columns(&header, q, grouping).map_err(|problems| {
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
            records,
            columns,
            cells: Cells::new(),
            want,
            stopped: false,
        })
    }

    /// Copies the record's cells into the entry: `Next::Response`, or what
    /// is wrong, or `Next::Empty` for a row of empty cells; `None` if the
    /// record has more or fewer cells than the header. One pass over the
    /// cells, with nothing allocated unless something is wrong: the fast path.
    fn fill<'f>(&self, mut fields: impl Iterator<Item = &'f [u8]>, entry: &mut Entry) -> Option<Next> {
        let mut problems = Vec::new();
        let mut filled = false;
        entry.respondent.clear();
        entry.group.clear();
        match self.want {
            Want::Sheet => entry.sheet.clear(),
            Want::Answers => entry.answers = Answers::new(),
        }
        for column in &self.columns {
            let cell = fields.next()?;
            let trimmed = cell.trim_ascii();
            if trimmed.is_empty() {
                // Unanswered; or no respondent given, or nothing in a
                // column without a name.
                continue;
            }
            filled = true;
            match column {
                Column::Respondent => entry.respondent.push_str(&String::from_utf8_lossy(trimmed)),
                Column::Group => entry.group.push_str(&String::from_utf8_lossy(trimmed)),
                Column::Unnamed { position } => problems.push(format!(
                    "column {position} has no name in the header but holds `{}`; name the column or empty it",
                    shorten(&String::from_utf8_lossy(cell))
                )),
                Column::Question { index, id } => match self.cells.read(trimmed) {
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
        if fields.next().is_some() {
            return None;
        }
        Some(if !problems.is_empty() {
            Next::Bad(problems)
        } else if filled {
            Next::Response
        } else {
            // A blank row as spreadsheets export it: `,,,,`.
            Next::Empty
        })
    }

    /// A record with more or fewer cells than the header: a line of white
    /// space or a blank row as spreadsheets export it (`,,,,`), or bad.
    fn misfit(&self, record: &Record) -> Next {
        let fields = self.records.field_count(record);
        let mut blank = true;
        self.records
            .for_each_field(record, |cell| blank &= cell.trim_ascii().is_empty());
        if blank {
            if fields == 1 {
                Next::Blank
            } else {
                Next::Empty
            }
        } else {
            Next::Bad(vec![format!(
                "{fields} fields, but the header has {}; each row needs one cell per column (empty for unanswered)",
                self.columns.len()
            )])
        }
    }
}

impl<R: BufRead> Records<R> {
    fn new(input: R, path: &Path, delimiter: u8) -> Records<R> {
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(Terminator::Any(b'\n'))
            .build();
        // `csv_core` drops a byte order mark from the first input it is
        // given, which here may be a record in the middle of the file; `read`
        // drops the file's own. A blank line, read first, uses that up and
        // leaves nothing behind.
        let _ = reader.read_record(b"\n", &mut [], &mut []);
        Records {
            input,
            path: path.to_owned(),
            delimiter,
            line: 1,
            buf: Vec::new(),
            quoted: Quoted {
                reader,
                fields: vec![0; 1024],
                ends: vec![0; 64],
                filled: (0, 0),
            },
        }
    }

    /// Reads the next record, skipping empty lines, and sets `start` to the
    /// physical line it starts on.
    fn read(&mut self, start: &mut u64) -> Result<Record, Failure> {
        loop {
            *start = self.line;
            self.buf.clear();
            if self.read_line()? == 0 {
                return Ok(Record::End);
            }
            if self.buf.len() > MAX_RECORD {
                return Ok(Record::TooLong);
            }
            if *start == 1 && self.buf.starts_with(BOM) {
                self.buf.drain(..BOM.len());
            }
            match self.buf.as_slice() {
                b"\n" | b"" => continue,
                line if !line.contains(&b'"') => {
                    if line.ends_with(b"\n") {
                        self.buf.pop();
                    }
                    return Ok(Record::Plain);
                }
                _ => return self.read_quoted(),
            }
        }
    }

    /// Appends the next line to `buf`, at most what keeps it within
    /// `MAX_RECORD + 1` bytes; how many bytes it read.
    fn read_line(&mut self) -> Result<usize, Failure> {
        let room = (MAX_RECORD + 1).saturating_sub(self.buf.len()) as u64;
        let read = (&mut self.input)
            .take(room)
            .read_until(b'\n', &mut self.buf)
            .map_err(|error| Failure::read(&self.path, &error))?;
        if self.buf.ends_with(b"\n") && read > 0 {
            self.line += 1;
        }
        Ok(read)
    }

    /// Parses the record that starts in `buf` with `csv_core`, reading
    /// further lines while a quoted field goes on past a line's end.
    fn read_quoted(&mut self) -> Result<Record, Failure> {
        let (mut read, mut written, mut ended) = (0, 0, 0);
        let mut at_end = false;
        loop {
            if read == self.buf.len() && !at_end {
                // Everything so far is in a quoted field: the next line too.
                at_end = self.read_line()? == 0;
                if self.buf.len() > MAX_RECORD {
                    return Ok(Record::TooLong);
                }
            }
            let quoted = &mut self.quoted;
            // At the end of the input, the empty input tells the parser so.
            let (result, nin, nout, nend) = quoted.reader.read_record(
                &self.buf[read..],
                &mut quoted.fields[written..],
                &mut quoted.ends[ended..],
            );
            read += nin;
            written += nout;
            ended += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = quoted.fields.len();
                    quoted.fields.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = quoted.ends.len();
                    quoted.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    quoted.filled = (written, ended);
                    return Ok(Record::Quoted);
                }
                ReadRecordResult::End => return Ok(Record::End),
            }
        }
    }

    /// The fields of a [`Record::Plain`].
    fn plain_fields(&self) -> impl Iterator<Item = &[u8]> {
        self.buf.split(|&byte| byte == self.delimiter)
    }

    /// The fields of a [`Record::Quoted`].
    fn quoted_fields(&self) -> impl Iterator<Item = &[u8]> {
        let Quoted {
            fields, ends, filled, ..
        } = &self.quoted;
        ends[..filled.1].iter().scan(0, |start, &end| {
            let field = &fields[*start..end];
            *start = end;
            Some(field)
        })
    }

    /// Calls `visit` with each field of the record just read.
    fn for_each_field<'s>(&'s self, record: &Record, visit: impl FnMut(&'s [u8])) {
        match record {
            Record::Plain => self.plain_fields().for_each(visit),
            Record::Quoted => self.quoted_fields().for_each(visit),
            Record::TooLong | Record::End => {}
        }
    }

    /// How many fields the record just read has.
    fn field_count(&self, record: &Record) -> usize {
        match record {
            Record::Plain => self.buf.iter().filter(|&&byte| byte == self.delimiter).count() + 1,
            Record::Quoted => self.quoted.filled.1,
            Record::TooLong | Record::End => 0,
        }
    }
}

impl<R: BufRead> Source for CsvSource<R> {
    fn next(&mut self, entry: &mut Entry) -> Result<Next, Failure> {
        if self.stopped {
            return Ok(Next::End);
        }
        let record = self.records.read(&mut entry.line)?;
        match record {
            Record::End => return Ok(Next::End),
            Record::TooLong => {
                self.stopped = true;
                return Ok(Next::Bad(vec![format!(
                    "a record longer than {} MiB: an unclosed quote (\") has probably swallowed the lines after it; close or remove it",
                    MAX_RECORD >> 20
                )]));
            }
            Record::Plain | Record::Quoted => {}
        }
        let filled = match record {
            Record::Plain => self.fill(self.records.plain_fields(), entry),
            _ => self.fill(self.records.quoted_fields(), entry),
        };
        let fields = self.columns.len();
        Ok(match filled {
            Some(Next::Empty) if fields == 1 => Next::Blank,
            Some(next) => next,
            None => self.misfit(&record),
        })
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

    /// Every record of `input` with the line it starts on, as `Records`
    /// reads them; `None` for a record too long.
    fn ours(input: &[u8], delimiter: u8) -> Vec<Option<(u64, Vec<Vec<u8>>)>> {
        let mut records = Records::new(input, Path::new("test.csv"), delimiter);
        let mut out = Vec::new();
        loop {
            let mut line = 0;
            match records.read(&mut line).unwrap() {
                Record::End => return out,
                Record::TooLong => {
                    out.push(None);
                    return out;
                }
                record => {
                    let mut fields = Vec::new();
                    records.for_each_field(&record, |field| fields.push(field.to_vec()));
                    assert_eq!(records.field_count(&record), fields.len());
                    out.push(Some((line, fields)));
                }
            }
        }
    }

    /// The same as the `csv` crate reads them, configured as this reader
    /// was before it read lines itself, with the line each starts on
    /// counted from the bytes before it. (That reader counted back from
    /// where a record ends, and said a line or more too early for a last
    /// record without a line end.)
    fn theirs(input: &[u8], delimiter: u8) -> Vec<Option<(u64, Vec<Vec<u8>>)>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(input);
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        let mut end = if input.starts_with(BOM) { BOM.len() } else { 0 };
        while reader.read_byte_record(&mut record).unwrap() {
            // Empty lines before the record are skipped.
            let start = end + input[end..].iter().take_while(|&&byte| byte == b'\n').count();
            let line = 1 + input[..start].iter().filter(|&&byte| byte == b'\n').count() as u64;
            out.push(Some((line, record.iter().map(<[u8]>::to_vec).collect())));
            end = reader.position().byte() as usize;
        }
        out
    }

    #[test]
    fn records_read_as_the_csv_crate_reads_them() {
        let inputs: [&[u8]; 14] = [
            b"a,b\n1,2\n",
            b"a,b\r\n1,2\r\n\r\n3,4",
            b"\xEF\xBB\xBFa,b\n1,2\n",
            b"\n\na,b\n\n\n1,2\n\n",
            b"a,b\n\"x, \"\"y\"\"\",2\n3,\"\"\n",
            b"a,b\n\"two\nlines\",1\n\"three\n\nlines\",2\nlast,3\n",
            b"a,b\n\"ab\"cd,2\nab\"cd\",3\n",
            b"a,b\n\"unclosed,1\n2,3\n",
            b"a,b\n\"closed at the end\"",
            b"a,b\n,,,\n  \n\t\n",
            b"a,b\n1,2\n\xEF\xBB\xBF\"bom\",3\n",
            b"\"a\",\"b\"\n\"\",\"\"\n",
            b"a;b\n\"1;2\";3\n",
            b"",
        ];
        for input in inputs {
            for delimiter in [b',', b';'] {
                assert_eq!(
                    ours(input, delimiter),
                    theirs(input, delimiter),
                    "{:?}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }

    /// Inputs made of the bytes that matter, at random: the same records
    /// on the same lines.
    #[test]
    fn random_inputs_read_as_the_csv_crate_reads_them() {
        let alphabet = b"ab,;\"\"\n\n\r \t\xEF\xBB\xBF";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for _ in 0..10_000 {
            let len = random(40);
            let input: Vec<u8> = (0..len).map(|_| alphabet[random(alphabet.len())]).collect();
            assert_eq!(
                ours(&input, b','),
                theirs(&input, b','),
                "{:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }

    #[test]
    fn a_record_past_the_limit_is_too_long() {
        let mut input = b"a,b\n\"open,1\n".to_vec();
        input.extend(std::iter::repeat_n(b"x,1\n".as_slice(), MAX_RECORD / 4 + 1).flatten());
        let records = ours(&input, b',');
        assert_eq!(records.len(), 2);
        assert_eq!(records[1], None);
        let mut long = vec![b'x'; MAX_RECORD + 10];
        long.push(b'\n');
        assert_eq!(ours(&long, b','), [None]);
    }
}
