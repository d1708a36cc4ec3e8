//! Share codes, saved progress (a share code in `localStorage`) and packs.
//!
//! Input layout: byte 0 picks the questionnaire (bit 0: the built-in one
//! or `tests/questionnaires/tiny.json`) and the mode (`(byte >> 1) % 4`);
//! the rest is the mode's input:
//!
//! 0. a share code or saved value as text, decoded as it is;
//! 1. the letters of a share code, given the questionnaire's id, version
//!    and a checksum that matches (so that the fuzzer gets past it);
//! 2. answers as bytes, two per answer (question, answer: see
//!    [`answers`]), encoded then decoded;
//! 3. a pack (`Questionnaire::from_pack`), then after a NUL byte answers
//!    as in mode 2 to score with the questionnaire it reads.
//!
//! Checks, besides "never panics":
//! - answers a code decodes to encode back to that very code, decode again
//!   to the same answers, and score (`score` accepts them, `report` and the
//!   fast path agree with it);
//! - answers that fit the questionnaire survive encode then decode;
//! - a pack that reads scores any answers without panicking, and its own
//!   pack, in either language, reads back as the same questionnaire.
//!
//! With `FUZZ_TRACE=1` in the environment, what each input opened to goes
//! to stderr: run the binary on one input to see what it does.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use readiness_core::{share, Answer, Answers, Lang, Questionnaire, Sheet};

const TINY_JSON: &str = include_str!("../../tests/questionnaires/tiny.json");

fn tiny() -> &'static Questionnaire {
    static TINY: OnceLock<Questionnaire> = OnceLock::new();
    TINY.get_or_init(|| Questionnaire::from_json(TINY_JSON).expect("tiny.json is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let q = if first & 1 == 0 {
        Questionnaire::builtin()
    } else {
        tiny()
    };
    match (first >> 1) % 4 {
        0 => decode_checked(q, &String::from_utf8_lossy(rest)),
        1 => {
            let letters = String::from_utf8_lossy(rest);
            let payload = [q.id.as_str(), "@", &q.version, ":", &letters].concat();
            let code = [payload.as_str(), "-", &share::checksum(&payload)].concat();
            decode_checked(q, &code);
        }
        2 => round_trip(q, rest),
        _ => {
            let (pack, answer_bytes) = match rest.iter().position(|&b| b == 0) {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, &[][..]),
            };
            pack_checked(&String::from_utf8_lossy(pack), answer_bytes);
        }
    }
});

/// Decodes `code`; what opens is checked, what does not is described.
fn decode_checked(q: &Questionnaire, code: &str) {
    match share::decode(q, code) {
        Ok(answers) => {
            if trace() {
                eprintln!("{code:?} opens to {} answers", answers.len());
            }
            let again = share::encode(q, &answers);
            assert_eq!(again, code, "a code that opens is the code of its answers");
            assert_eq!(share::decode(q, &again).as_ref(), Ok(&answers), "{again}");
            score_checked(q, &answers, true);
        }
        Err(error) => {
            let message = error.to_string();
            if trace() {
                eprintln!("{code:?}: {message}");
            }
        }
    }
}

/// Answers from bytes, two per answer: the question (`byte % (count + 1)`:
/// the last is an id no questionnaire has) and the answer (`byte % 8`:
/// values 0 to 4, don't know, not applicable, or the value 9).
fn answers(q: &Questionnaire, bytes: &[u8]) -> Answers {
    let ids: Vec<&str> = q.questions().map(|(_, question)| question.id.as_str()).collect();
    let mut answers = Answers::new();
    for pair in bytes.chunks_exact(2) {
        let id = ids.get(usize::from(pair[0]) % (ids.len() + 1)).copied().unwrap_or("no-such-question");
        let answer = match pair[1] % 8 {
            value @ 0..=4 => Answer::Value(value),
            5 => Answer::DontKnow,
            6 => Answer::NotApplicable,
            _ => Answer::Value(9),
        };
        answers.insert(id, answer);
    }
    answers
}

/// Whether every answer names a question of `q` with an answer it allows:
/// what a share code can carry.
fn fits(q: &Questionnaire, answers: &Answers) -> bool {
    answers.iter().all(|(id, answer)| {
        q.question(id).is_some_and(|question| match answer {
            Answer::Value(value) => value <= Answer::TOP,
            Answer::DontKnow => true,
            Answer::NotApplicable => question.allow_not_applicable,
        })
    })
}

fn round_trip(q: &Questionnaire, bytes: &[u8]) {
    let answers = answers(q, bytes);
    let code = share::encode(q, &answers);
    let decoded = share::decode(q, &code);
    if fits(q, &answers) {
        assert_eq!(decoded.as_ref(), Ok(&answers), "{code}");
        score_checked(q, &answers, true);
    } else if let Ok(decoded) = decoded {
        // A value above the scale is written as the top; nothing else
        // that does not fit may open.
        assert!(fits(q, &decoded), "{code} opened to {decoded:?}");
        score_checked(q, &decoded, true);
    }
    score_checked(q, &answers, fits(q, &answers));
}

/// Scores `answers` every way there is. `valid`: they fit `q`, so
/// `score` must accept them.
fn score_checked(q: &Questionnaire, answers: &Answers, valid: bool) {
    let scored = q.score(answers, Lang::EN);
    let _ = q.score(answers, Lang::new("id"));
    let report = q.report(answers, Lang::EN);
    let _ = q.report(answers, Lang::new("id"));
    let scores = q.scores(&Sheet::new(q, answers));
    if valid {
        let scored = scored.expect("answers that fit score");
        assert_eq!(scored.overall.score, report.overall.score);
        let scores = scores.expect("the fast path accepts answers that fit");
        assert_eq!(scores.overall, report.overall.score);
        assert_eq!(scores.level, report.overall.level.index);
    }
}

fn pack_checked(pack: &str, answer_bytes: &[u8]) {
    let Some(q) = Questionnaire::from_pack(pack) else {
        if trace() {
            eprintln!("not a pack");
        }
        return;
    };
    for lang in [Lang::EN, Lang::new("id")] {
        let again = q.pack(lang);
        // (Not assert_eq!: a mismatch would print two questionnaires.)
        assert!(
            Questionnaire::from_pack(&again).as_ref() == Some(&q),
            "the pack of a pack that read, in {lang:?}, reads back unchanged: {again:?}"
        );
    }
    let answers = answers(&q, answer_bytes);
    score_checked(&q, &answers, fits(&q, &answers));
    if trace() {
        eprintln!("a pack of {} questions; {} answers", q.questions().count(), answers.len());
    }
    let code = share::encode(&q, &answers);
    if let Ok(decoded) = share::decode(&q, &code) {
        score_checked(&q, &decoded, false);
    }
    let _ = q.minutes(Lang::EN);
}

/// Whether `FUZZ_TRACE` is set.
fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("FUZZ_TRACE").is_some())
}

