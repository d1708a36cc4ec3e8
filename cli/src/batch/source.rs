//! The protocol every batch reader and writer shares: a [`Source`] reads
//! each response into a reused [`Entry`] and says what it found ([`Next`]);
//! the sink says what it needs of each response ([`Want`]) and the command
//! which column or field holds its group ([`Grouping`]); the loop keeps the
//! closing [`Counts`].

use readiness_core::{Answers, Sheet};

use crate::args::BatchFormat;
use crate::failure::Failure;

/// What the sink needs from each response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Answers by id, for the full report (texts and recommendations).
    Answers,
    /// A sheet, for the numbers alone: the fast path.
    Sheet,
}

impl Want {
    /// What a batch format needs from each response: only JSON and text show
    /// texts and recommendations, so only they take the slower full report.
    pub fn for_output(format: BatchFormat, summary: bool) -> Want {
        if summary || format == BatchFormat::Csv {
            Want::Sheet
        } else {
            Want::Answers
        }
    }
}

/// Where a response's group is, for commands that group responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping<'a> {
    /// The command has no groups (`batch`): every column and field is what
    /// it always is.
    Off,
    /// The command groups responses (`benchmark`), by this column or
    /// field when one is named; without one, an unknown column's hint
    /// offers `--by`.
    By(Option<&'a str>),
}

impl<'a> Grouping<'a> {
    /// The column or field named to group by.
    pub fn column(self) -> Option<&'a str> {
        match self {
            Grouping::Off => None,
            Grouping::By(column) => column,
        }
    }
}

/// Whether a header cell or field is the one `--by` names: in any case, as
/// people retype a spreadsheet's header (`Sector` for `sector`).
pub fn is_named(name: &str, by: &str) -> bool {
    name.eq_ignore_ascii_case(by) || (!name.is_ascii() && name.to_lowercase() == by.to_lowercase())
}

/// One response as read, reused from line to line so that the fast path
/// allocates nothing per response.
pub struct Entry {
    /// The physical line the response starts on, from 1.
    pub line: u64,
    /// Who answered; empty when the input does not say.
    pub respondent: String,
    /// The response's group (`benchmark --by`): the cell or field as
    /// written, trimmed; empty when there is none.
    pub group: String,
    /// The answers, filled when the sink wants [`Want::Answers`].
    pub answers: Answers,
    /// The answers, filled when the sink wants [`Want::Sheet`].
    pub sheet: Sheet,
}

/// What a source found next.
pub enum Next {
    /// A response, now in the entry.
    Response,
    /// A blank line: not a response, nothing to say.
    Blank,
    /// A CSV row of empty cells, as spreadsheets export blank rows: skipped
    /// and counted, since it may be a response that lost its data.
    Empty,
    /// A line that is not a valid response: what is wrong, one item each.
    Bad(Vec<String>),
    /// The end of the input.
    End,
}

/// Reads responses one at a time.
pub trait Source {
    /// Reads the next response into `entry` (setting at least its line).
    fn next(&mut self, entry: &mut Entry) -> Result<Next, Failure>;
}

/// The closing count.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Responses read, good or bad.
    pub read: u64,
    pub scored: u64,
    pub bad: u64,
    /// Rows of empty cells, skipped (and said so).
    pub empty: u64,
}
