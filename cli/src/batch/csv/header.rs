//! The header row of a CSV input: which column holds which question, and
//! which separator the file uses.

use std::io::{self, BufRead};

use csv::ByteRecord;
use readiness_core::Questionnaire;

/// The name of the optional column that says who answered.
const RESPONDENT: &str = "respondent";

/// What a column holds, by its header.
pub enum Column {
    Question {
        index: usize,
        id: String,
    },
    Respondent,
    /// A column without a name (a trailing separator in the header): its
    /// cells must stay empty.
    Unnamed {
        position: usize,
    },
}

/// Maps header cells to columns, listing every bad one.
pub fn columns(header: &ByteRecord, q: &Questionnaire) -> Result<Vec<Column>, Vec<String>> {
    let mut columns = Vec::with_capacity(header.len());
    let mut problems = Vec::new();
    let mut unknown = Vec::new();
    for (position, cell) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(cell).trim().to_owned();
        let column = if name.eq_ignore_ascii_case(RESPONDENT) {
            Column::Respondent
        } else if let Some(index) = q.question_index(&name) {
            Column::Question {
                index,
                id: name.clone(),
            }
        } else {
            if name.is_empty() {
                columns.push(Column::Unnamed { position: position + 1 });
            } else {
                unknown.push(name);
            }
            continue;
        };
        let duplicate = columns.iter().any(|earlier| match (earlier, &column) {
            (Column::Respondent, Column::Respondent) => true,
            (Column::Question { index: a, .. }, Column::Question { index: b, .. }) => a == b,
            _ => false,
        });
        if duplicate {
            problems.push(format!("column `{name}` appears twice; keep one of them"));
        }
        columns.push(column);
    }
    if !columns.iter().any(|column| matches!(column, Column::Question { .. })) {
        // Every name unknown: most likely the file has no header row at all.
        return Err(vec![format!(
            "no column is named after a question of `{}`; the first row must hold question ids (`readiness questionnaire` lists them)",
            q.id
        )]);
    }
    for name in unknown {
        problems.push(format!(
            "unknown column `{name}`: no question has this id{}; rename it `{RESPONDENT}` if it says who answered, or delete it",
            suggestion(q, &name)
        ));
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// The ids of the questions no column holds, in questionnaire order.
pub fn unanswerable<'q>(columns: &[Column], q: &'q Questionnaire) -> Vec<&'q str> {
    q.questions()
        .map(|(_, question)| question.id.as_str())
        .filter(|id| {
            !columns
                .iter()
                .any(|column| matches!(column, Column::Question { id: held, .. } if held == id))
        })
        .collect()
}

/// The core's "did you mean" for an unknown question id, if it has one
/// (its wording and distance rule, as every other unknown-name problem).
fn suggestion(q: &Questionnaire, id: &str) -> String {
    let hint = readiness_core::suggest(id, &q.question_ids());
    if hint.starts_with("did you mean") {
        format!(" ({hint})")
    } else {
        String::new()
    }
}

/// The separator of the header line: `,`, or `;` or tab where the header
/// uses those instead (spreadsheets in locales with a decimal comma, such
/// as Indonesian, export with `;`). Question ids contain none of them.
pub fn sniff_delimiter(input: &mut impl BufRead) -> io::Result<u8> {
    let start = input.fill_buf()?;
    let header = start.split(|&byte| byte == b'\n').next().unwrap_or_default();
    let count = |delimiter: u8| header.iter().filter(|&&byte| byte == delimiter).count();
    // `max_by_key` keeps the last of equals: the comma wins ties.
    Ok([b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&delimiter| count(delimiter))
        .unwrap_or(b','))
}
