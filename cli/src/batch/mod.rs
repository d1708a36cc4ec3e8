//! `readiness batch`: score a stream of responses in constant memory.
//!
//! A source ([`csv`], [`jsonl`]) reads one response at a time into a reused
//! [`Entry`]; a [`Sink`] scores it and writes the result (or adds it to a
//! [`summary`]). Nothing is collected: memory stays the same for 10 KB or
//! 10 GB. The types they share are in [`source`]; this file runs the loop.

mod csv;
mod jsonl;
mod sink;
mod source;
mod summary;

use std::io::{self, BufRead, IsTerminal};
use std::path::Path;

use readiness_core::Answers;

use self::csv::CsvSource;
use crate::args::{BatchArgs, BatchFormat, InputFormat};
use crate::failure::Failure;
use crate::input;
use crate::paths::is_stdin;
use jsonl::JsonlSource;
use sink::{Scored, Sink};
use source::{Counts, Entry, Next, Source, Want};

/// Runs `readiness batch`: reads, scores and writes every response, then
/// says on standard error how many were read, scored and bad.
pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    let q = input::questionnaire(args.questionnaire.path.as_deref())?;
    let lang = input::lang(args.lang.lang);
    let format = output_format(args.format, args.summary)?;
    if is_stdin(&args.input) && io::stdin().is_terminal() {
        // Otherwise `readiness batch` alone would seem to hang.
        eprintln!("note: reading responses from the terminal; end with Ctrl-D, or name a file (readiness batch FILE)");
    }
    let mut reader = input::open(&args.input)?;
    let input_format = match args.input_format {
        Some(format) => format,
        None => guess_input_format(&args.input, &mut reader)?,
    };
    let want = Want::for_output(format, args.summary);
    // The source comes first: a CSV header that names no question fails
    // before anything is written.
    let mut source: Box<dyn Source> = match input_format {
        InputFormat::Csv => Box::new(CsvSource::new(reader, &args.input, &q, want)?),
        InputFormat::Jsonl => Box::new(JsonlSource::new(reader, &args.input, &q, want)),
    };
    let stdout = io::stdout().lock();
    let mut sink = Sink::new(format, args.summary, &q, lang, stdout).map_err(Failure::write)?;

    let mut entry = Entry {
        line: 0,
        respondent: String::new(),
        answers: Answers::new(),
        sheet: q.sheet(),
    };
    let mut counts = Counts::default();
    let streamed = stream(source.as_mut(), &mut sink, &mut entry, &mut counts, args.strict);
    let finished = streamed.and_then(|()| sink.finish(&counts).map_err(Failure::write));
    if let Err(Failure::OutputClosed) = finished {
        return finished;
    }
    eprintln!("{}", closing_count(&counts));
    match finished {
        Ok(()) if counts.bad > 0 => Err(Failure::BadLines),
        other => other,
    }
}

fn stream(
    source: &mut dyn Source,
    sink: &mut Sink<'_, impl io::Write>,
    entry: &mut Entry,
    counts: &mut Counts,
    strict: bool,
) -> Result<(), Failure> {
    loop {
        let problems = match source.next(entry)? {
            Next::End => return Ok(()),
            Next::Blank => continue,
            Next::Empty => {
                counts.empty += 1;
                continue;
            }
            Next::Bad(problems) => problems,
            Next::Response => match sink.write(entry).map_err(Failure::write)? {
                Scored::Written => {
                    counts.read += 1;
                    counts.scored += 1;
                    continue;
                }
                Scored::Unscorable(problems) => problems.iter().map(ToString::to_string).collect(),
            },
        };
        counts.read += 1;
        counts.bad += 1;
        for problem in problems {
            eprintln!("line {}: {problem}", entry.line);
        }
        if strict {
            return Ok(());
        }
    }
}

fn closing_count(counts: &Counts) -> String {
    let mut line = format!("read {}, scored {}, bad {}", counts.read, counts.scored, counts.bad);
    if counts.empty > 0 {
        line.push_str(&format!(", skipped {} empty rows", counts.empty));
    }
    line
}

fn output_format(format: Option<BatchFormat>, summary: bool) -> Result<BatchFormat, Failure> {
    match (format, summary) {
        (None, true) => Ok(BatchFormat::Text),
        (None, false) => Ok(BatchFormat::Jsonl),
        (Some(BatchFormat::Jsonl | BatchFormat::Csv), true) => Err(Failure::Usage(
            "--summary prints text or json: use --format text or --format json, or drop --summary for one result per line"
                .to_owned(),
        )),
        (Some(format), _) => Ok(format),
    }
}

/// The input format from the file extension, else from the first
/// character: JSON Lines start with `{`, a CSV header with a question id.
fn guess_input_format(path: &Path, reader: &mut dyn BufRead) -> Result<InputFormat, Failure> {
    if !is_stdin(path) {
        let extension = path
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("jsonl" | "ndjson") => return Ok(InputFormat::Jsonl),
            Some("csv" | "tsv") => return Ok(InputFormat::Csv),
            _ => {}
        }
    }
    let start = reader.fill_buf().map_err(|error| Failure::read(path, &error))?;
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    Ok(match start.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'{') | None => InputFormat::Jsonl,
        Some(_) => InputFormat::Csv,
    })
}
