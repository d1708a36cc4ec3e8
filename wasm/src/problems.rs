//! Problems in transit from the validator module to the widget: records of
//! `path␟message␟hint`, separated by U+001E. The validator module (feature
//! `validator`) reads and checks a marketer's file; the widget only shows
//! what it found, so it carries no JSON reader and no validation rules.

#[cfg(feature = "widget")]
use readiness_core::pack::cut;
use readiness_core::Problem;

const FIELD: u8 = 0x1f;
const RECORD: u8 = 0x1e;

/// The problems as one string (no problem text holds either separator: a
/// path quotes at most a shortened key, and the writer drops any).
#[cfg(feature = "validator")]
pub fn encode(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            out.push(char::from(RECORD));
        }
        for (j, part) in [&problem.path, &problem.message, &problem.hint].into_iter().enumerate() {
            if j > 0 {
                out.push(char::from(FIELD));
            }
            out.extend(
                part.chars()
                    .filter(|&c| c != char::from(FIELD) && c != char::from(RECORD)),
            );
        }
    }
    out
}

/// The problems [`encode`] wrote; a record short of fields keeps what it
/// has. (Byte searches, not `str::split`, whose pattern code weighs
/// kilobytes in the widget.)
#[cfg(feature = "widget")]
pub fn decode(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut rest = Some(text);
    while let Some(text) = rest {
        let (mut record, next) = cut(text, RECORD);
        let mut parts = [""; 3];
        for part in &mut parts {
            let (field, after) = cut(record, FIELD);
            *part = field;
            record = after.unwrap_or("");
        }
        problems.push(Problem::new(parts[0], parts[1], parts[2]));
        rest = next;
    }
    problems
}

#[cfg(all(test, feature = "validator", feature = "widget"))]
mod tests {
    use super::*;

    #[test]
    fn problems_travel_whole() {
        let problems = vec![
            Problem::new("factors[0].id", "`A` is not a valid id", "use a lowercase slug"),
            Problem::new("", "expected an object", ""),
        ];
        assert_eq!(decode(&encode(&problems)), problems);
    }
}
