//! Where a batch's results go: each response scored and written as a JSON
//! line, an element of one JSON array, a text report or a compact CSV row,
//! or added to a summary printed at the end.

use std::io::{self, BufWriter, Write};

use readiness_core::{Lang, Problem, Questionnaire, Report, Scores, Sheet};

use super::source::{Counts, Entry};
use super::summary::Summary;
use crate::args::BatchFormat;
use crate::print::WithRespondent;
use crate::style::Style;
use crate::text;

/// Large writes keep system calls rare when streaming gigabytes.
const BUFFER: usize = 256 * 1024;

/// What became of one response.
pub enum Scored {
    Written,
    /// The core refused to score it (e.g. "not applicable" where the
    /// question does not allow it).
    Unscorable(Vec<Problem>),
}

/// Where a batch's results go.
pub struct Sink<'q, W: Write> {
    q: &'q Questionnaire,
    lang: Lang,
    kind: Kind<W>,
}

enum Kind<W: Write> {
    /// Formats that show numbers only: scored on the fast path.
    Numbers(NumberSink<W>),
    /// Formats that show the full report.
    Reports(ReportSink<W>),
}

enum NumberSink<W: Write> {
    /// `row` is reused: each row is built in it and written at once.
    Csv {
        out: BufWriter<W>,
        row: Vec<u8>,
    },
    Summary {
        out: W,
        summary: Box<Summary>,
        json: bool,
    },
}

enum ReportSink<W: Write> {
    Jsonl(BufWriter<W>),
    /// One JSON array, streamed; `first` until an element is written.
    JsonArray {
        out: BufWriter<W>,
        first: bool,
    },
    Text {
        out: BufWriter<W>,
        style: Style,
    },
}

impl<'q, W: Write> Sink<'q, W> {
    /// Starts the output (a CSV header, the array's `[`).
    pub fn new(format: BatchFormat, summary: bool, q: &'q Questionnaire, lang: Lang, out: W) -> io::Result<Self> {
        let buffered = |out| BufWriter::with_capacity(BUFFER, out);
        let kind = match format {
            _ if summary => Kind::Numbers(NumberSink::Summary {
                out,
                summary: Box::new(Summary::new(q)),
                json: format == BatchFormat::Json,
            }),
            BatchFormat::Csv => {
                let mut out = buffered(out);
                let mut row = Vec::new();
                let factors = q.factors.iter().map(|factor| factor.id.as_str());
                for (i, name) in ["respondent", "score", "level"].into_iter().chain(factors).enumerate() {
                    if i > 0 {
                        row.push(b',');
                    }
                    push_csv_field(&mut row, name);
                }
                row.push(b'\n');
                out.write_all(&row)?;
                Kind::Numbers(NumberSink::Csv { out, row })
            }
            BatchFormat::Jsonl => Kind::Reports(ReportSink::Jsonl(buffered(out))),
            BatchFormat::Json => {
                let mut out = buffered(out);
                out.write_all(b"[")?;
                Kind::Reports(ReportSink::JsonArray { out, first: true })
            }
            BatchFormat::Text => Kind::Reports(ReportSink::Text {
                out: buffered(out),
                style: Style::for_stdout(),
            }),
        };
        Ok(Sink { q, lang, kind })
    }

    /// Scores one response and writes the result.
    pub fn write(&mut self, entry: &Entry) -> io::Result<Scored> {
        let respondent = Some(entry.respondent.as_str()).filter(|respondent| !respondent.is_empty());
        let q = self.q;
        match &mut self.kind {
            Kind::Numbers(sink) => match q.scores(&entry.sheet) {
                Ok(scores) => sink.write(q, respondent, &scores, &entry.sheet)?,
                Err(problems) => return Ok(Scored::Unscorable(problems)),
            },
            Kind::Reports(sink) => match q.score(&entry.answers, self.lang) {
                Ok(report) => sink.write(entry.line, respondent, &report)?,
                Err(problems) => return Ok(Scored::Unscorable(problems)),
            },
        }
        Ok(Scored::Written)
    }

    /// Ends the output (the array's `]`, the summary) and flushes it.
    pub fn finish(self, counts: &Counts) -> io::Result<()> {
        match self.kind {
            Kind::Numbers(NumberSink::Csv { mut out, .. }) => out.flush(),
            Kind::Numbers(NumberSink::Summary { mut out, summary, json }) => {
                let text = if json {
                    summary.json(self.q, self.lang, counts)
                } else {
                    summary.text(self.q, self.lang, counts)
                };
                out.write_all(text.as_bytes())?;
                out.flush()
            }
            Kind::Reports(ReportSink::Jsonl(mut out) | ReportSink::Text { mut out, .. }) => out.flush(),
            Kind::Reports(ReportSink::JsonArray { mut out, first }) => {
                out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
                out.flush()
            }
        }
    }
}

impl<W: Write> NumberSink<W> {
    fn write(&mut self, q: &Questionnaire, respondent: Option<&str>, scores: &Scores, sheet: &Sheet) -> io::Result<()> {
        match self {
            NumberSink::Csv { out, row } => {
                let mut number = [0; 12];
                row.clear();
                push_csv_field(row, respondent.unwrap_or(""));
                row.push(b',');
                row.extend_from_slice(tenths(&mut number, scores.overall.tenths()));
                row.push(b',');
                push_csv_field(row, &q.levels[scores.level].id);
                for score in &scores.factors {
                    row.push(b',');
                    row.extend_from_slice(tenths(&mut number, score.tenths()));
                }
                row.push(b'\n');
                out.write_all(row)
            }
            NumberSink::Summary { summary, .. } => {
                summary.add(scores, sheet);
                Ok(())
            }
        }
    }
}

impl<W: Write> ReportSink<W> {
    fn write(&mut self, line: u64, respondent: Option<&str>, report: &Report) -> io::Result<()> {
        let labelled = WithRespondent { respondent, report };
        match self {
            ReportSink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &labelled)?;
                out.write_all(b"\n")
            }
            ReportSink::JsonArray { out, first } => {
                out.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *out, &labelled).map_err(io::Error::from)
            }
            ReportSink::Text { out, style } => {
                let heading = match respondent {
                    Some(respondent) => format!("line {line} · {respondent}"),
                    None => format!("line {line}"),
                };
                writeln!(out, "{}\n", style.rule(&heading))?;
                writeln!(out, "{}", text::render(report, None, *style))
            }
        }
    }
}

/// A CSV field, quoted (RFC 4180) only when it holds a separator, a quote
/// or a line break. Written by hand because the fast path writes millions
/// of rows, and building each in one buffer was measurably faster than a
/// CSV writer's field-by-field calls.
fn push_csv_field(row: &mut Vec<u8>, field: &str) {
    if field.bytes().any(|byte| matches!(byte, b',' | b'"' | b'\r' | b'\n')) {
        row.push(b'"');
        for byte in field.bytes() {
            if byte == b'"' {
                row.push(b'"');
            }
            row.push(byte);
        }
        row.push(b'"');
    } else {
        row.extend_from_slice(field.as_bytes());
    }
}

/// A score in tenths as `72.5`, written into `buf` without allocating:
/// CSV output writes millions of them.
fn tenths(buf: &mut [u8; 12], tenths: i32) -> &[u8] {
    let mut value = tenths.unsigned_abs();
    let mut at = buf.len();
    at -= 1;
    buf[at] = b'0' + (value % 10) as u8;
    at -= 1;
    buf[at] = b'.';
    value /= 10;
    loop {
        at -= 1;
        buf[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    if tenths < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut row = Vec::new();
        for field in ["r-1", "a, b", "say \"hi\"", "two\nlines", ""] {
            push_csv_field(&mut row, field);
            row.push(b'|');
        }
        assert_eq!(
            String::from_utf8(row).unwrap(),
            "r-1|\"a, b\"|\"say \"\"hi\"\"\"|\"two\nlines\"||"
        );
    }

    #[test]
    fn tenths_are_written_as_the_core_formats_them() {
        for value in [0, 5, 10, 725, 999, 1000, -5, -725, i32::MAX, i32::MIN] {
            let mut buf = [0; 12];
            assert_eq!(
                std::str::from_utf8(tenths(&mut buf, value)).unwrap(),
                readiness_core::Score::from_tenths(value).format("."),
                "{value}"
            );
        }
    }
}
