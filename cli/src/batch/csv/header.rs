//! The header row of a CSV input: which column holds which question, and
//! which separator the file uses.

use std::io::{self, BufRead};

use csv::ByteRecord;
use readiness_core::Questionnaire;

use crate::batch::source::{is_named, Grouping};

/// The name of the optional column that says who answered.
const RESPONDENT: &str = "respondent";

/// What a column holds, by its header.
pub enum Column {
    Question {
        index: usize,
        id: String,
    },
    Respondent,
    /// The column `--by` names: each response's group.
    Group,
    /// A column without a name (a trailing separator in the header): its
    /// cells must stay empty.
    Unnamed {
        position: usize,
    },
}

/// Maps header cells to columns, listing every bad one.
pub fn columns(header: &ByteRecord, q: &Questionnaire, grouping: Grouping<'_>) -> Result<Vec<Column>, Vec<String>> {
    let mut columns = Vec::with_capacity(header.len());
    let mut problems = Vec::new();
    let mut unknown = Vec::new();
    for (position, cell) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(cell).trim().to_owned();
        // `--by` first: it is how a column that is not a question becomes
        // known (the command refuses a `--by` naming a question).
        let column = if grouping.column().is_some_and(|by| is_named(&name, by)) {
            Column::Group
        } else if name.eq_ignore_ascii_case(RESPONDENT) {
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
            (Column::Respondent, Column::Respondent) | (Column::Group, Column::Group) => true,
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
    if let Some(by) = grouping.column() {
        if !columns.iter().any(|column| matches!(column, Column::Group)) {
            problems.push(missing_group(by, &unknown));
        }
    }
    for name in &unknown {
        // A command that groups, with no group column named yet, may have
        // been meant to group by this one.
        let fix = match grouping {
            Grouping::By(None) => format!("group the responses by it with `--by {}`, or delete it", quoted(name)),
            Grouping::Off | Grouping::By(Some(_)) => "or delete it".to_owned(),
        };
        problems.push(format!(
            "unknown column `{name}`: no question has this id{}; rename it `{RESPONDENT}` if it says who answered, {fix}",
            suggestion(q, name)
        ));
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// The problem of a `--by` column the header lacks, naming the columns it
/// could have meant: those that are neither questions nor `respondent`.
fn missing_group(by: &str, others: &[String]) -> String {
    let problem = format!("no column is named `{by}` to group by (--by)");
    if others.is_empty() {
        return format!(
            "{problem}; the header holds only question ids and `{RESPONDENT}`: add a column that names each response's group"
        );
    }
    let names: Vec<&str> = others.iter().map(String::as_str).collect();
    let hint = readiness_core::suggest(by, &names);
    if hint.starts_with("did you mean") {
        format!("{problem}; {hint}")
    } else {
        let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
        format!("{problem}; the columns that are not questions are {}", names.join(", "))
    }
}

/// A column name as a shell argument: quoted when it holds anything but
/// letters, digits, `-` and `_`.
fn quoted(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
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
