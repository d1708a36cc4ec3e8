//! `readiness batch`: score a stream of responses in constant memory.
//!
//! A source ([`csv`], [`jsonl`]) reads one response at a time into a reused
//! [`Entry`]; a [`Sink`] scores it and writes the result (or adds it to a
//! [`summary`]). Nothing is collected: memory stays the same for 10 KB or
//! 10 GB. The types they share are in [`source`]; this file runs the loop,
//! which `readiness benchmark` (`crate::benchmark`) runs too, with the
//! same sources.

mod csv;
mod jsonl;
mod sink;
mod source;
mod summary;

use std::io::{self, BufRead, IsTerminal};
use std::path::Path;

use readiness_core::{Answers, Questionnaire};

use self::csv::CsvSource;
use crate::args::{BatchArgs, BatchFormat, InputFormat};
use crate::failure::Failure;
use crate::input;
use crate::paths::is_stdin;
use jsonl::JsonlSource;
use sink::{Scored, Sink};
pub use source::{is_named, Counts, Entry, Grouping, Want};
use source::{Next, Source};

/// Runs `readiness batch`: reads, scores and writes every response, then
/// says on standard error how many were read, scored and bad.
pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    let q = input::questionnaire(args.questionnaire.path.as_deref())?;
    let lang = input::lang(args.lang.lang);
    let format = output_format(args.format, args.summary)?;
    let want = Want::for_output(format, args.summary);
    // The source comes first: a CSV header that names no question fails
    // before anything is written.
    let mut source = open("batch", &args.input, args.input_format, &q, want, Grouping::Off)?;
    let stdout = io::stdout().lock();
    let mut sink = Sink::new(format, args.summary, &q, lang, stdout).map_err(Failure::write)?;

    let mut entry = entry(&q);
    let mut counts = Counts::default();
    let streamed = stream(
        source.as_mut(),
        &mut entry,
        &mut counts,
        args.strict,
        |entry| match sink.write(entry).map_err(Failure::write)? {
            Scored::Written => Ok(Vec::new()),
            Scored::Unscorable(problems) => Ok(problems.iter().map(ToString::to_string).collect()),
        },
    );
    let finished = streamed.and_then(|()| sink.finish(&counts).map_err(Failure::write));
    if let Err(Failure::OutputClosed) = finished {
        return finished;
    }
    eprintln!("{}", closing_count(&counts, "scored"));
    match finished {
        Ok(()) if counts.bad > 0 => Err(Failure::BadLines),
        other => other,
    }
}

/// The responses in `path` (`-`: standard input) as a source, in the
/// format given or else guessed, with each response's group where
/// `grouping` says. A CSV header is read and checked here. `command` is
/// the subcommand reading them, for the note on reading a terminal.
pub fn open<'q>(
    command: &str,
    path: &Path,
    format: Option<InputFormat>,
    q: &'q Questionnaire,
    want: Want,
    grouping: Grouping<'_>,
) -> Result<Box<dyn Source + 'q>, Failure> {
    if is_stdin(path) && io::stdin().is_terminal() {
        // Otherwise `readiness batch` alone would seem to hang.
        eprintln!(
            "note: reading responses from the terminal; end with Ctrl-D, or name a file (readiness {command} FILE)"
        );
    }
    let mut reader = input::open(path)?;
    let format = match format {
        Some(format) => format,
        None => guess_input_format(path, &mut reader)?,
    };
    Ok(match format {
        InputFormat::Csv => Box::new(CsvSource::new(reader, path, q, want, grouping)?),
        InputFormat::Jsonl => Box::new(JsonlSource::new(reader, path, q, want, grouping)),
    })
}

/// An entry to read responses to `q` into, reused from one to the next.
pub fn entry(q: &Questionnaire) -> Entry {
    Entry {
        line: 0,
        respondent: String::new(),
        group: String::new(),
        answers: Answers::new(),
        sheet: q.sheet(),
    }
}

/// Reads every response of `source` into `entry` and hands it to `take`,
/// which scores it and uses it, and returns what is wrong with it (nothing
/// when it was used). Each bad line goes to standard error as `line N:
/// what is wrong` as it comes, and the rest goes on (`strict`: the first
/// stops it). An error of `take`'s own (the output went away) stops it.
pub fn stream(
    source: &mut dyn Source,
    entry: &mut Entry,
    counts: &mut Counts,
    strict: bool,
    mut take: impl FnMut(&Entry) -> Result<Vec<String>, Failure>,
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
            Next::Response => {
                let problems = take(entry)?;
                if problems.is_empty() {
                    counts.read += 1;
                    counts.scored += 1;
                    continue;
                }
                problems
            }
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

/// The closing count on standard error: `read 10, scored 9, bad 1`, where
/// `done` names what became of the good responses.
pub fn closing_count(counts: &Counts, done: &str) -> String {
    let mut line = format!("read {}, {done} {}, bad {}", counts.read, counts.scored, counts.bad);
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
