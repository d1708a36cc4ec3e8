//! Why a command failed, and the exit status that says so.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use readiness_core::Problem;

use crate::paths::display_name;

/// A command that did not succeed. Each variant maps to one exit status,
/// documented in `--help`.
#[derive(Debug)]
pub enum Failure {
    /// Input that was read but is wrong; each line says what and where
    /// (exit 1).
    Invalid(Vec<String>),
    /// A batch whose bad lines were already reported as they came (exit 1).
    BadLines,
    /// A usage mistake that clap cannot catch (exit 2).
    Usage(String),
    /// A file that cannot be read or written (exit 2).
    Io(String),
    /// The reader of our output went away (`readiness batch … | head`):
    /// not an error, so nothing is printed (exit 0).
    OutputClosed,
}

impl Failure {
    /// Every problem of an input, one line each, prefixed with its name the
    /// way compilers prefix diagnostics with the file.
    pub fn problems(path: &Path, problems: &[Problem]) -> Failure {
        Failure::Invalid(problem_lines(path, problems))
    }

    /// A file that could not be read.
    pub fn read(path: &Path, error: &io::Error) -> Failure {
        Failure::Io(format!("cannot read {}: {}", display_name(path), describe(error)))
    }

    /// Standard output that could not be written.
    pub fn write(error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::OutputClosed
        } else {
            Failure::Io(format!("cannot write the output: {}", describe(&error)))
        }
    }

    /// Prints what went wrong on standard error and gives the exit status.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Invalid(lines) => {
                for line in lines {
                    eprintln!("{line}");
                }
                ExitCode::from(1)
            }
            Failure::BadLines => ExitCode::from(1),
            Failure::Usage(message) | Failure::Io(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
            Failure::OutputClosed => ExitCode::SUCCESS,
        }
    }
}

/// One line per problem, prefixed with the input's name.
pub fn problem_lines(path: &Path, problems: &[Problem]) -> Vec<String> {
    let name = display_name(path);
    problems.iter().map(|problem| format!("{name}: {problem}")).collect()
}

/// An I/O error as a reader wants it: "no such file or directory" rather
/// than "No such file or directory (os error 2)".
pub fn describe(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text.to_owned(),
    }
}
