//! What comes in from outside: files or standard input, the questionnaire
//! to score against, and the language the environment asks for.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use readiness_core::{Lang, Questionnaire};

use crate::failure::Failure;
use crate::paths::{display_name, is_stdin};

/// Large reads keep system calls rare when streaming gigabytes.
const BUFFER: usize = 256 * 1024;

const BOM: &str = "\u{feff}";

/// A whole file (or standard input) as text. A leading byte order mark is
/// dropped: Windows editors write one, and it is not part of the JSON.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    open(path)?
        .read_to_end(&mut bytes)
        .map_err(|error| Failure::read(path, &error))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        Failure::Io(format!(
            "cannot read {}: not UTF-8 text (invalid byte at offset {at}); save it as UTF-8",
            display_name(path)
        ))
    })?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A buffered stream over a file or standard input.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, Failure> {
    if is_stdin(path) {
        return Ok(Box::new(BufReader::with_capacity(BUFFER, io::stdin().lock())));
    }
    let file = File::open(path).map_err(|error| Failure::read(path, &error))?;
    if file.metadata().is_ok_and(|metadata| metadata.is_dir()) {
        return Err(Failure::Io(format!(
            "cannot read {}: it is a directory",
            display_name(path)
        )));
    }
    Ok(Box::new(BufReader::with_capacity(BUFFER, file)))
}

/// The questionnaire named by `--questionnaire`, or the built-in one. An
/// invalid file is invalid input (exit 1), with every problem listed.
pub fn questionnaire(path: Option<&Path>) -> Result<Cow<'static, Questionnaire>, Failure> {
    let Some(path) = path else {
        return Ok(Cow::Borrowed(Questionnaire::builtin()));
    };
    let text = read_text(path)?;
    Questionnaire::from_json(&text)
        .map(Cow::Owned)
        .map_err(|problems| Failure::problems(path, &problems))
}

/// The language asked for, else the one the locale names (Indonesian
/// marketers on an `id_ID` system get Indonesian), else English.
pub fn lang(asked: Option<Lang>) -> Lang {
    asked.unwrap_or_else(|| {
        // The first non-empty variable decides, as in POSIX locale lookup.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_tag(&value))
            .unwrap_or(Lang::EN)
    })
}
