//! The report as JSON text, for the `complete` effect (the loader hands it
//! to the page as the `readiness-complete` event's detail).
//!
//! By hand rather than through serde: a serde `Serializer` and the derived
//! `Serialize` impls were about 5 KB of the widget's WebAssembly, this is a
//! third of that (`docs/size.md`). The shape is exactly what serde writes
//! for `readiness_core::Report` (the CLI's `score --format json`, the npm
//! API): a test compares the two on every shared vector, so a field added
//! to the report and not here fails it.

use readiness_core::json::push_string;
#[cfg(feature = "compare")]
use readiness_core::Benchmark;
use readiness_core::{decimal, Answer, LevelRef, Report, Score};

/// Appends the report's JSON to `out`.
pub fn write(out: &mut String, r: &Report) {
    out.push_str("{\"questionnaire\":{\"id\":");
    push_string(out, &r.questionnaire.id);
    out.push_str(",\"version\":");
    push_string(out, &r.questionnaire.version);
    out.push_str("},\"lang\":");
    push_string(out, &r.lang.code());
    out.push_str(",\"complete\":");
    out.push_str(if r.complete { "true" } else { "false" });

    let overall = &r.overall;
    out.push_str(",\"overall\":{\"score\":");
    score(out, overall.score);
    out.push_str(",\"level\":");
    level(out, &overall.level);
    out.push_str(",\"description\":");
    push_string(out, &overall.description);
    out.push_str(",\"uncappedLevel\":");
    level(out, &overall.uncapped_level);
    out.push_str(",\"caps\":[");
    for (i, cap) in overall.caps.iter().enumerate() {
        comma(out, i);
        out.push_str("{\"id\":");
        push_string(out, &cap.id);
        out.push_str(",\"rule\":");
        push_string(out, cap.rule);
        out.push_str(",\"maxLevel\":");
        level(out, &cap.max_level);
        out.push_str(",\"reason\":");
        push_string(out, &cap.reason);
        out.push('}');
    }
    out.push_str("],\"next\":");
    match &overall.next {
        Some(next) => {
            out.push_str("{\"level\":");
            level(out, &next.level);
            out.push_str(",\"points\":");
            score(out, next.points);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    #[cfg(feature = "compare")]
    benchmark(out, overall.benchmark.as_ref());

    out.push_str("},\"factors\":[");
    for (i, factor) in r.factors.iter().enumerate() {
        comma(out, i);
        out.push_str("{\"id\":");
        push_string(out, &factor.id);
        out.push_str(",\"name\":");
        push_string(out, &factor.name);
        out.push_str(",\"shortName\":");
        push_string(out, &factor.short_name);
        out.push_str(",\"score\":");
        score(out, factor.score);
        out.push_str(",\"level\":");
        level(out, &factor.level);
        out.push_str(",\"answered\":");
        count(out, factor.answered);
        out.push_str(",\"total\":");
        count(out, factor.total);
        #[cfg(feature = "compare")]
        benchmark(out, factor.benchmark.as_ref());
        out.push('}');
    }

    out.push_str("],\"recommendations\":[");
    for (i, rec) in r.recommendations.iter().enumerate() {
        comma(out, i);
        out.push_str("{\"questionId\":");
        push_string(out, &rec.question_id);
        out.push_str(",\"factorId\":");
        push_string(out, &rec.factor_id);
        out.push_str(",\"title\":");
        push_string(out, &rec.title);
        out.push_str(",\"answer\":");
        match rec.answer {
            Some(a) => answer(out, a),
            None => out.push_str("null"),
        }
        out.push_str(",\"gain\":");
        score(out, rec.gain);
        out.push_str(",\"gainToTop\":");
        score(out, rec.gain_to_top);
        out.push_str(",\"liftsCap\":");
        out.push_str(if rec.lifts_cap { "true" } else { "false" });
        out.push_str(",\"priority\":");
        score(out, rec.priority);
        out.push_str(",\"text\":");
        push_string(out, &rec.text);
        out.push('}');
    }

    out.push_str("],\"strengths\":[");
    for (i, strength) in r.strengths.iter().enumerate() {
        comma(out, i);
        out.push_str("{\"questionId\":");
        push_string(out, &strength.question_id);
        out.push_str(",\"factorId\":");
        push_string(out, &strength.factor_id);
        out.push_str(",\"title\":");
        push_string(out, &strength.title);
        out.push_str(",\"text\":");
        push_string(out, &strength.text);
        out.push('}');
    }

    out.push_str("],\"answered\":");
    count(out, r.answered);
    out.push_str(",\"total\":");
    count(out, r.total);
    out.push_str(",\"dontKnow\":");
    count(out, r.dont_know);
    out.push_str(",\"notApplicable\":");
    count(out, r.not_applicable);
    out.push_str(",\"missing\":[");
    for (i, id) in r.missing.iter().enumerate() {
        comma(out, i);
        push_string(out, id);
    }
    out.push_str("],\"answers\":{");
    for (i, (id, a)) in r.answers.iter().enumerate() {
        comma(out, i);
        push_string(out, id);
        out.push(':');
        answer(out, a);
    }
    out.push_str("}}");
}

/// A comparison, as a field after others; nothing without one.
#[cfg(feature = "compare")]
fn benchmark(out: &mut String, b: Option<&Benchmark>) {
    if let Some(b) = b {
        out.push_str(",\"benchmark\":{\"percentile\":");
        count(out, b.percentile.into());
        out.push_str(",\"count\":");
        count(out, b.count as usize);
        out.push_str(",\"label\":");
        push_string(out, &b.label);
        if let Some(group) = &b.group {
            out.push_str(",\"group\":");
            push_string(out, group);
        }
        out.push('}');
    }
}

fn comma(out: &mut String, i: usize) {
    if i > 0 {
        out.push(',');
    }
}

fn count(out: &mut String, n: usize) {
    out.push_str(&decimal(n as i64));
}

/// A score as serde writes it: a number with one decimal (`72.5`, `100.0`).
fn score(out: &mut String, score: Score) {
    let tenths = score.tenths();
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    out.push_str(&decimal((tenths / 10).into()));
    out.push('.');
    out.push(char::from(b'0' + (tenths % 10) as u8));
}

fn level(out: &mut String, level: &LevelRef) {
    out.push_str("{\"index\":");
    count(out, level.index);
    out.push_str(",\"id\":");
    push_string(out, &level.id);
    out.push_str(",\"name\":");
    push_string(out, &level.name);
    out.push('}');
}

/// 0 to 4 as a number, the others by their code.
fn answer(out: &mut String, answer: Answer) {
    match answer {
        Answer::Value(value) => count(out, value.into()),
        other => push_string(out, other.code()),
    }
}

#[cfg(test)]
// Tests are not on the widget's path: the size rules do not apply.
#[allow(clippy::disallowed_macros, clippy::disallowed_methods)]
mod tests {
    use std::path::Path;

    use readiness_core::{Answers, Lang, Questionnaire};

    /// The answers and language of every shared vector that scores, scored
    /// with its questionnaire (the built-in or a named one).
    fn vector_reports() -> Vec<(String, readiness_core::Report)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut reports = Vec::new();
        for entry in std::fs::read_dir(root.join("tests/vectors")).unwrap() {
            let path = entry.unwrap().path();
            let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let q = match &vector["questionnaire"] {
                serde_json::Value::String(name) if name == "builtin" => Questionnaire::builtin().clone(),
                serde_json::Value::String(name) => {
                    let file = root.join("tests/questionnaires").join(format!("{name}.json"));
                    Questionnaire::from_json(&std::fs::read_to_string(file).unwrap()).unwrap()
                }
                serde_json::Value::Object(_) => match Questionnaire::from_json(&vector["questionnaire"].to_string()) {
                    Ok(q) => q,
                    Err(_) => continue,
                },
                _ => continue,
            };
            let lang = Lang::from_tag(vector["lang"].as_str().unwrap_or("en")).unwrap_or(Lang::EN);
            let Ok(answers) = Answers::from_json(&serde_json::json!({ "answers": vector["answers"] }).to_string())
            else {
                continue;
            };
            if let Ok(report) = q.score(&answers, lang) {
                reports.push((path.display().to_string(), report));
            }
        }
        reports
    }

    #[test]
    fn writes_what_serde_writes() {
        let reports = vector_reports();
        assert!(reports.len() >= 10, "{} vectors scored", reports.len());
        for (name, report) in reports {
            let mut out = String::new();
            super::write(&mut out, &report);
            let ours: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: {e}\n{out}"));
            assert_eq!(ours, serde_json::to_value(&report).unwrap(), "{name}");
        }
    }
}
