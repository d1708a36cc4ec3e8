//! The rules between a questionnaire's values: ids, references, counts,
//! weights, thresholds and caps. Types and translations are checked while
//! decoding (`decode.rs`).

use crate::problem::{decimal, field_path, index_path, shorten, Reader};
#[cfg(feature = "benchmarks")]
use crate::questionnaire::{Benchmarks, Distributions, BINS};
use crate::questionnaire::{Cap, Questionnaire, SCALE};

/// Ids stay short so that they fit in share links, storage keys and columns.
const MAX_ID_LEN: usize = 64;

pub(crate) fn questionnaire(reader: &mut Reader, q: &Questionnaire) {
    slug(reader, "id", &q.id);
    // Blank, as `trim().is_empty()`, without the trimming code.
    if q.version.chars().all(char::is_whitespace) {
        reader.report(
            "version",
            "the version is empty",
            "give the questionnaire a version such as \"1.0.0\"",
        );
    }
    levels(reader, q);
    if q.factors.is_empty() {
        reader.report(
            "factors",
            "there are no factors",
            "add at least one factor with at least one question",
        );
    }
    let mut factor_ids = Vec::new();
    let mut question_ids = Vec::new();
    for (f, factor) in q.factors.iter().enumerate() {
        let path = index_path("factors", f);
        unique(reader, &mut factor_ids, &field_path(&path, "id"), &factor.id, "factor");
        weight(reader, &path, factor.weight);
        if factor.questions.is_empty() {
            reader.report(
                field_path(&path, "questions").as_str(),
                "the factor has no questions",
                "add at least one question",
            );
        } else if factor.questions.iter().all(|question| question.allow_not_applicable) {
            reader.report(
                field_path(&path, "questions").as_str(),
                "every question of this factor allows \"not applicable\", so the factor could have no score",
                "set \"allowNotApplicable\": false on at least one question of the factor",
            );
        }
        for (i, question) in factor.questions.iter().enumerate() {
            let path = index_path(&field_path(&path, "questions"), i);
            unique(
                reader,
                &mut question_ids,
                &field_path(&path, "id"),
                &question.id,
                "question",
            );
            weight(reader, &path, question.weight);
            options(reader, &field_path(&path, "options"), question);
        }
    }
    caps(reader, q);
    #[cfg(feature = "benchmarks")]
    if let Some(benchmarks) = &q.benchmarks {
        self::benchmarks(reader, q, benchmarks);
    }
}

#[cfg(feature = "benchmarks")]
fn benchmarks(reader: &mut Reader, q: &Questionnaire, benchmarks: &Benchmarks) {
    const PATH: &str = "benchmarks";
    population(
        reader,
        q,
        PATH,
        benchmarks.count,
        &benchmarks.overall,
        &benchmarks.factors,
    );
    let mut ids = Vec::new();
    for (i, group) in benchmarks.groups.iter().enumerate() {
        let path = index_path("benchmarks.groups", i);
        unique(reader, &mut ids, &field_path(&path, "id"), &group.id, "group");
        population(reader, q, &path, group.count, &group.overall, &group.factors);
    }
}

#[cfg(feature = "benchmarks")]
/// One population's distributions: one per factor, each of `BINS` counts
/// adding up to `count`, which is at least 1.
fn population(
    reader: &mut Reader,
    q: &Questionnaire,
    path: &str,
    count: u32,
    overall: &[u32],
    factors: &Distributions,
) {
    distribution(reader, &field_path(path, "overall"), count, overall);
    let at = field_path(path, "factors");
    let ids: Vec<&str> = q.factors.iter().map(|factor| factor.id.as_str()).collect();
    for (id, bins) in &factors.0 {
        if ids.contains(&id.as_str()) {
            distribution(reader, &field_path(&at, id), count, bins);
        } else {
            reader.report(
                &field_path(&at, id),
                ["no factor has the id `", &shorten(id), "`"].concat(),
                crate::problem::suggest(id, &ids),
            );
        }
    }
    for id in ids {
        if factors.get(id).is_none() {
            reader.report(
                &field_path(&at, id),
                "missing this factor's distribution",
                "add 20 counts for it: every factor has its distribution",
            );
        }
    }
}

#[cfg(feature = "benchmarks")]
fn distribution(reader: &mut Reader, path: &str, count: u32, bins: &[u32]) {
    let sum: u64 = bins.iter().map(|&n| u64::from(n)).sum();
    if bins.len() != BINS || sum != u64::from(count) || count == 0 {
        reader.report(
            path,
            [
                "expected 20 counts adding up to `count` (",
                &decimal(count.into()),
                "), found ",
                &decimal(bins.len() as i64),
                " adding up to ",
                &decimal(sum as i64),
            ]
            .concat(),
            "give how many responses scored 0 to under 5, 5 to under 10, and so on to 95 to 100; `count` is all of them, at least 1",
        );
    }
}

fn slug(reader: &mut Reader, path: &str, id: &str) -> bool {
    // Parts of a-z and 0-9 joined by single hyphens: no hyphen first,
    // last or twice in a row.
    let bytes = id.as_bytes();
    let well_formed = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && bytes[0] != b'-'
        && bytes[bytes.len() - 1] != b'-'
        && !bytes.windows(2).any(|pair| pair == b"--");
    if !well_formed {
        reader.report(
            path,
            ["`", &shorten(id), "` is not a valid id"].concat(),
            [
                "use a lowercase slug of at most ",
                &decimal(MAX_ID_LEN as i64),
                " characters: letters a-z, digits and single hyphens, e.g. `know-your-audience`",
            ]
            .concat(),
        );
    }
    well_formed
}

/// Reports a malformed or repeated id. A linear search: a questionnaire has
/// dozens of ids, and a hash set would add kilobytes to the widget.
fn unique<'q>(reader: &mut Reader, seen: &mut Vec<&'q str>, path: &str, id: &'q str, what: &str) {
    if !slug(reader, path, id) {
        return;
    }
    if seen.contains(&id) {
        reader.report(
            path,
            ["duplicate ", what, " id `", id, "`"].concat(),
            ["give each ", what, " its own id"].concat(),
        );
    } else {
        seen.push(id);
    }
}

/// The largest weight: large enough for any real emphasis, small enough that
/// sums of weighted points can never overflow.
const MAX_WEIGHT: f64 = 1000.0;

fn weight(reader: &mut Reader, path: &str, weight: f64) {
    if !(weight > 0.0 && weight <= MAX_WEIGHT) {
        reader.report(
            &field_path(path, "weight"),
            [
                "the weight must be a number greater than 0 and at most ",
                &decimal(MAX_WEIGHT as i64),
            ]
            .concat(),
            "use 1 for a normal weight, 2 for double weight",
        );
    }
}

fn options(reader: &mut Reader, path: &str, question: &crate::Question) {
    let count = question.options.len();
    if count != SCALE {
        let scale = decimal(SCALE as i64);
        reader.report(
            path,
            [
                &counted(count, "option", "options"),
                " given, but the scale has ",
                &scale,
                " (answer values 0 to 4)",
            ]
            .concat(),
            [
                "give exactly ",
                &scale,
                " options, from \"nothing in place\" to \"systematic, measured and reviewed\"",
            ]
            .concat(),
        );
        return;
    }
    let given = question.options.iter().filter(|option| option.score.is_some()).count();
    if given == 0 {
        return;
    }
    if given != SCALE {
        reader.report(
            path,
            "only some options have a `score`",
            "give every option a score, or none (then they score 0, 25, 50, 75 and 100)",
        );
        return;
    }
    let scores: Vec<f64> = question
        .options
        .iter()
        .map(|option| option.score.unwrap_or(f64::NAN))
        .collect();
    let increasing = scores.windows(2).all(|pair| pair[0] < pair[1]);
    if scores[0] != 0.0 || scores[SCALE - 1] != 100.0 || !increasing {
        reader.report(
            path,
            "option scores must start at 0, end at 100 and increase from each option to the next",
            "for example 0, 25, 50, 75, 100, or 0, 40, 60, 80, 100",
        );
    }
}

fn levels(reader: &mut Reader, q: &Questionnaire) {
    if q.levels.len() < 2 {
        reader.report(
            "levels",
            [
                "a questionnaire needs at least two levels; ",
                &counted(q.levels.len(), "level", "levels"),
                " given",
            ]
            .concat(),
            "give at least two levels, the first with \"min\": 0",
        );
    }
    let mut seen = Vec::new();
    for (i, level) in q.levels.iter().enumerate() {
        let path = index_path("levels", i);
        unique(reader, &mut seen, &field_path(&path, "id"), &level.id, "level");
        let min = level.min;
        let at = field_path(&path, "min");
        if i == 0 && min != 0.0 {
            reader.report(
                &at,
                "the first level must start at 0",
                "set \"min\": 0 so that every score has a level",
            );
        } else if !(0.0..=100.0).contains(&min) {
            reader.report(
                &at,
                "a level's `min` must be a number from 0 to 100",
                "scores run from 0 to 100",
            );
        } else if i > 0 && min <= q.levels[i - 1].min {
            reader.report(
                &at,
                "levels must start at increasing scores",
                "give each level a higher `min` than the level before it",
            );
        }
    }
}

fn caps(reader: &mut Reader, q: &Questionnaire) {
    let mut seen = Vec::new();
    let mut weakest = 0;
    for (i, cap) in q.caps.iter().enumerate() {
        let path = index_path("caps", i);
        unique(reader, &mut seen, &field_path(&path, "id"), cap.id(), "cap");
        match cap {
            Cap::AnswerBelow {
                question, max_level, ..
            } => {
                if q.question(question).is_none() {
                    let ids = q.question_ids();
                    reader.report(
                        &field_path(&path, "question"),
                        ["no question has the id `", &shorten(question), "`"].concat(),
                        crate::problem::suggest(question, &ids),
                    );
                }
                if !q.levels.iter().any(|level| level.id == *max_level) {
                    let mut ids = Vec::new();
                    for level in &q.levels {
                        ids.push(level.id.as_str());
                    }
                    reader.report(
                        &field_path(&path, "maxLevel"),
                        ["no level has the id `", &shorten(max_level), "`"].concat(),
                        crate::problem::suggest(max_level, &ids),
                    );
                }
            }
            Cap::WeakestFactor { .. } => {
                weakest += 1;
                if weakest > 1 {
                    reader.report(
                        &path,
                        "there is already a `weakestFactor` rule",
                        "keep one `weakestFactor` rule; the stricter one wins anyway",
                    );
                }
            }
        }
    }
}

/// "1 option", "5 options".
fn counted(n: usize, one: &str, many: &str) -> String {
    [decimal(n as i64).as_str(), " ", if n == 1 { one } else { many }].concat()
}
