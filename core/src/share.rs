//! Share codes: a set of answers in a few dozen characters, for the URL
//! fragment of a share link (no server involved).
//!
//! `social-media-strategy@1.0.0:0123d4n_4321-k3x9` is the questionnaire id,
//! its version, one character per question in questionnaire order (`0`-`4`,
//! `d` don't know, `n` not applicable, `_` unanswered), and a checksum that
//! catches a truncated or altered link.

use std::fmt;

use crate::answers::{Answer, Answers};
use crate::questionnaire::Questionnaire;

/// Why a share code cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareError {
    /// The code is for another questionnaire.
    OtherQuestionnaire {
        /// The questionnaire id in the code.
        id: String,
    },
    /// The code is for another version of this questionnaire.
    OtherVersion {
        /// The version in the code.
        version: String,
    },
    /// The code is truncated, altered or not a share code at all.
    Damaged,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::OtherQuestionnaire { id } => write!(f, "the link is for another questionnaire (`{id}`)"),
            ShareError::OtherVersion { version } => {
                write!(
                    f,
                    "the link is for version {version} of the questionnaire; answer it again"
                )
            }
            ShareError::Damaged => f.write_str("the link is incomplete or was changed; ask for it again"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The share code for these answers.
pub fn encode(q: &Questionnaire, answers: &Answers) -> String {
    let mut code = [&q.id, "@", &q.version, ":"].concat();
    for (_, question) in q.questions() {
        code.push(match answers.get(&question.id) {
            Some(Answer::Value(value)) => char::from(b'0' + value.min(Answer::TOP)),
            Some(Answer::DontKnow) => 'd',
            Some(Answer::NotApplicable) => 'n',
            None => '_',
        });
    }
    let sum = checksum(&code);
    code.push('-');
    code.push_str(&sum);
    code
}

/// The answers in a share code made for this questionnaire.
pub fn decode(q: &Questionnaire, code: &str) -> Result<Answers, ShareError> {
    let (payload, sum) = split_at_last(code, b'-').ok_or(ShareError::Damaged)?;
    let (name, letters) = split_at_last(payload, b':').ok_or(ShareError::Damaged)?;
    let at = name.bytes().position(|b| b == b'@').ok_or(ShareError::Damaged)?;
    let (id, version) = (&name[..at], &name[at + 1..]);
    if checksum(payload) != sum {
        return Err(ShareError::Damaged);
    }
    if id != q.id {
        return Err(ShareError::OtherQuestionnaire {
            id: id.chars().take(64).collect(),
        });
    }
    if version != q.version {
        return Err(ShareError::OtherVersion {
            version: version.chars().take(32).collect(),
        });
    }
    let letters = letters.as_bytes();
    if letters.len() != q.questions().count() {
        return Err(ShareError::Damaged);
    }
    let mut answers = Answers::new();
    for (&letter, (_, question)) in letters.iter().zip(q.questions()) {
        let answer = match letter {
            b'0'..=b'4' => Answer::Value(letter - b'0'),
            b'd' => Answer::DontKnow,
            b'n' if question.allow_not_applicable => Answer::NotApplicable,
            b'_' => continue,
            _ => return Err(ShareError::Damaged),
        };
        answers.insert(question.id.clone(), answer);
    }
    Ok(answers)
}

/// `text.rsplit_once(delimiter)` for an ASCII delimiter, with a byte search
/// rather than the general pattern machinery (smaller in WebAssembly).
fn split_at_last(text: &str, delimiter: u8) -> Option<(&str, &str)> {
    let at = text.bytes().rposition(|b| b == delimiter)?;
    Some((&text[..at], &text[at + 1..]))
}

/// The checksum a share code ends with: four base-36 characters of FNV-1a
/// over the code before it. Enough to catch a slip, not meant to stop a
/// forger (the answers are the visitor's own anyway). Public for tools that
/// make codes to test with (the fuzz targets).
pub fn checksum(payload: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in payload.bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    let mut n = hash % 36u32.pow(4);
    let mut out = [b'0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    out.iter().map(|&b| char::from(b)).collect()
}
