//! Property tests of the readiness model.
//!
//! Scoring properties run on the built-in questionnaire and on
//! `tests/questionnaires/tiny.json` (two factors, weights, explicit option
//! scores, "not applicable", both kinds of cap), with arbitrary answers:
//! each question missing, 0 to 4, "don't know", or "not applicable" where
//! the question allows it. The reading properties feed the JSON reader,
//! validation and the answers reader with arbitrary text, arbitrary JSON
//! values and damaged copies of the built-in file.
//!
//! The tests at the end, under "Regressions", pin bugs these properties
//! found in the core; each says what was wrong and where.

use std::fmt;
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use readiness_core::share::{self, ShareError};
use readiness_core::{
    json, Answer, Answers, Cap, Lang, Problem, Questionnaire, Report, Score, BUILTIN_JSON, FORMAT_VERSION,
};
use serde_json::Value as JsonValue;

const TINY_JSON: &str = include_str!("../../tests/questionnaires/tiny.json");

fn tiny() -> &'static Questionnaire {
    static TINY: OnceLock<Questionnaire> = OnceLock::new();
    TINY.get_or_init(|| Questionnaire::from_json(TINY_JSON).expect("tiny.json is valid"))
}

fn builtin() -> &'static Questionnaire {
    Questionnaire::builtin()
}

// ---------------------------------------------------------------------------
// Answer sets

/// One questionnaire and, for each of its questions in questionnaire order,
/// an answer or none.
#[derive(Clone)]
struct Case {
    q: &'static Questionnaire,
    slots: Vec<Option<Answer>>,
}

impl fmt::Debug for Case {
    // The questionnaire itself is long; its id and the answers say it all.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let answers: Vec<String> = self
            .q
            .questions()
            .zip(&self.slots)
            .map(|((_, question), slot)| format!("{}={}", question.id, slot.map_or("missing", Answer::code)))
            .collect();
        write!(f, "Case {{ q: {}, answers: [{}] }}", self.q.id, answers.join(", "))
    }
}

impl Case {
    fn pairs(&self) -> Vec<(String, Answer)> {
        self.q
            .questions()
            .zip(&self.slots)
            .filter_map(|((_, question), slot)| slot.map(|answer| (question.id.clone(), answer)))
            .collect()
    }

    fn answers(&self) -> Answers {
        inserted(self.pairs())
    }

    fn report(&self) -> Report {
        self.q
            .score(&self.answers(), Lang::EN)
            .unwrap_or_else(|problems| panic!("generated answers are valid: {problems:?}"))
    }

    fn with(&self, index: usize, answer: Option<Answer>) -> Case {
        let mut case = self.clone();
        case.slots[index] = answer;
        case
    }

    /// The factor index of each question, in questionnaire order.
    fn factor_of(&self, index: usize) -> usize {
        self.q.questions().nth(index).expect("index in range").0
    }
}

/// Answers built with `Answers::insert`, one at a time. (Collecting them
/// with `FromIterator` is broken: see `collected_answers_equal_inserted_ones`.)
fn inserted(pairs: impl IntoIterator<Item = (String, Answer)>) -> Answers {
    let mut answers = Answers::new();
    for (id, answer) in pairs {
        answers.insert(id, answer);
    }
    answers
}

/// Where answers tend to lie, so that high levels and caps come up as often
/// as the middle of the scale.
#[derive(Clone, Copy, Debug)]
enum Tendency {
    Anywhere,
    High,
    Low,
}

fn slot(allow_not_applicable: bool, tendency: Tendency) -> BoxedStrategy<Option<Answer>> {
    let value = match tendency {
        Tendency::Anywhere => (0..=Answer::TOP).boxed(),
        Tendency::High => prop_oneof![4 => Just(Answer::TOP), 2 => Just(3u8), 1 => 0..=Answer::TOP].boxed(),
        Tendency::Low => prop_oneof![4 => Just(0u8), 2 => Just(1u8), 1 => 0..=Answer::TOP].boxed(),
    }
    .prop_map(|value| Some(Answer::Value(value)));
    let rare = match tendency {
        Tendency::High => 1,
        _ => 2,
    };
    if allow_not_applicable {
        prop_oneof![
            rare => Just(None),
            12 => value,
            rare => Just(Some(Answer::DontKnow)),
            2 => Just(Some(Answer::NotApplicable)),
        ]
        .boxed()
    } else {
        prop_oneof![rare => Just(None), 12 => value, rare => Just(Some(Answer::DontKnow))].boxed()
    }
}

fn case_of(q: &'static Questionnaire) -> impl Strategy<Value = Case> {
    prop_oneof![Just(Tendency::Anywhere), Just(Tendency::High), Just(Tendency::Low)].prop_flat_map(move |tendency| {
        let slots: Vec<_> = q
            .questions()
            .map(|(_, question)| slot(question.allow_not_applicable, tendency))
            .collect();
        slots.prop_map(move |slots| Case { q, slots })
    })
}

/// An answer set for the built-in questionnaire or the tiny one.
fn case() -> impl Strategy<Value = Case> {
    prop_oneof![case_of(builtin()), case_of(tiny())]
}

fn questionnaire() -> impl Strategy<Value = &'static Questionnaire> {
    prop_oneof![Just(builtin()), Just(tiny())]
}

/// One step up: unanswered and "don't know" to 1, a value to the next one.
/// `None` when there is no step up (the top, or "not applicable").
fn raised(answer: Option<Answer>) -> Option<Answer> {
    match answer {
        None | Some(Answer::DontKnow) => Some(Answer::Value(1)),
        Some(Answer::Value(value)) if value < Answer::TOP => Some(Answer::Value(value + 1)),
        Some(Answer::Value(_)) | Some(Answer::NotApplicable) => None,
    }
}

// ---------------------------------------------------------------------------
// The rules, restated from the questionnaire data

/// The level a score reaches by the thresholds alone.
fn level_of(q: &Questionnaire, score: Score) -> usize {
    q.levels
        .iter()
        .rposition(|level| score.value() >= level.min)
        .expect("the first level starts at 0")
}

fn level_index(q: &Questionnaire, id: &str) -> usize {
    q.levels
        .iter()
        .position(|level| level.id == id)
        .unwrap_or_else(|| panic!("no level `{id}`"))
}

/// Whether an `answerBelow` cap holds for this answer: below the bar,
/// "don't know" or unanswered (never for "not applicable").
fn below_bar(answer: Option<Answer>, below: u8) -> bool {
    match answer {
        Some(Answer::Value(value)) => value < below,
        Some(Answer::NotApplicable) => false,
        Some(Answer::DontKnow) | None => true,
    }
}

/// The highest level each cap of the questionnaire allows for these
/// answers, with the cap's id; caps that do not hold are left out.
fn cap_bounds(case: &Case, report: &Report) -> Vec<(String, usize)> {
    let weakest = report
        .factors
        .iter()
        .map(|factor| factor.level.index)
        .min()
        .expect("at least one factor");
    case.q
        .caps
        .iter()
        .filter_map(|cap| match cap {
            Cap::AnswerBelow {
                id,
                question,
                below,
                max_level,
                ..
            } => {
                let index = case.q.question_index(question).expect("a valid cap names a question");
                below_bar(case.slots[index], *below).then(|| (id.clone(), level_index(case.q, max_level)))
            }
            Cap::WeakestFactor {
                id, max_levels_above, ..
            } => Some((id.clone(), weakest + usize::from(*max_levels_above))),
        })
        .collect()
}

fn tenths(report: &Report) -> Vec<i32> {
    report.factors.iter().map(|factor| factor.score.tenths()).collect()
}

// ---------------------------------------------------------------------------
// Reading anything

/// Runs every reader on `text` and checks what must hold whatever it is.
fn read_everything(text: &str) {
    let parsed = json::parse(text);
    let as_questionnaire = Questionnaire::from_json(text);
    let as_answers = Answers::from_json(text);
    let as_response = builtin().read_response(text);
    let as_tiny_response = tiny().read_response(text);

    match &parsed {
        Err(error) => {
            // Text that is not JSON is one problem, located, for every reader.
            assert!(error.line >= 1 && error.column >= 1, "{error:?}");
            for problems in [
                as_questionnaire.as_ref().err(),
                as_answers.as_ref().err(),
                as_response.as_ref().err(),
                as_tiny_response.as_ref().err(),
            ] {
                let problems = problems.expect("text that is not JSON is rejected");
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert_eq!(
                    problems[0].path,
                    format!("line {}, column {}", error.line, error.column)
                );
            }
        }
        Ok(value) => {
            // A reader that accepts JSON agrees with the value it parsed.
            if let Ok(q) = &as_questionnaire {
                assert_eq!(Questionnaire::from_value(value).as_ref(), Ok(q));
            }
        }
    }
    for problems in [
        as_questionnaire.as_ref().err(),
        as_answers.as_ref().err(),
        as_response.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(!problems.is_empty());
        assert!(
            problems.iter().all(|problem| !problem.message.is_empty()),
            "{problems:?}"
        );
    }
    // The response reader adds checks to the answers reader, never removes.
    if let Ok(response) = &as_response {
        assert_eq!(as_answers.as_ref(), Ok(&response.answers));
    }
    // Answers the questionnaire accepted always score.
    for (q, response) in [(builtin(), &as_response), (tiny(), &as_tiny_response)] {
        if let Ok(response) = response {
            let report = q
                .score(&response.answers, Lang::new("id"))
                .expect("accepted answers score");
            assert!((0..=1000).contains(&report.overall.score.tenths()));
        }
    }
    // A share code that opens is exactly the code of what it opened to.
    for q in [builtin(), tiny()] {
        if let Ok(answers) = share::decode(q, text) {
            assert_eq!(share::encode(q, &answers), text);
        }
    }
    if let Ok(q) = &as_questionnaire {
        check_any_valid_questionnaire(q);
    }
}

/// What holds for every questionnaire that validates.
fn check_any_valid_questionnaire(q: &Questionnaire) {
    let all = |answer: Answer| inserted(q.questions().map(|(_, question)| (question.id.clone(), answer)));
    let top = q
        .score(&all(Answer::Value(Answer::TOP)), Lang::EN)
        .expect("all top scores");
    assert_eq!(top.overall.score.tenths(), 1000);
    assert_eq!(top.overall.level.index, q.levels.len() - 1);
    assert!(top.recommendations.is_empty());
    let bottom = q.score(&all(Answer::Value(0)), Lang::EN).expect("all bottom scores");
    assert_eq!(bottom.overall.score.tenths(), 0);
    assert_eq!(bottom.overall.level.index, 0);
    // What validated serialises to a file that reads back the same.
    let written = serde_json::to_string(q).expect("serialisable");
    assert_eq!(Questionnaire::from_json(&written).as_ref(), Ok(q), "{written}");
}

/// Names a questionnaire, an answers file or a share code might use.
fn known_words() -> Vec<&'static str> {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut words = vec![
                "formatVersion",
                "id",
                "version",
                "languages",
                "title",
                "intro",
                "levels",
                "min",
                "name",
                "description",
                "factors",
                "weight",
                "questions",
                "prompt",
                "help",
                "options",
                "score",
                "text",
                "allowNotApplicable",
                "advice",
                "start",
                "improve",
                "caps",
                "rule",
                "answerBelow",
                "weakestFactor",
                "question",
                "below",
                "maxLevel",
                "maxLevelsAbove",
                "shortName",
                "reason",
                "answers",
                "respondent",
                "en",
                "dont-know",
                "not-applicable",
                "1",
                "1.0.0",
            ];
            for q in [builtin(), tiny()] {
                words.extend(q.questions().map(|(_, question)| question.id.as_str()));
                words.extend(q.levels.iter().map(|level| level.id.as_str()));
            }
            words
        })
        .clone()
}

fn word() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(known_words()).prop_map(str::to_owned),
        1 => "[a-z-]{0,12}",
        1 => any::<String>(),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<JsonValue> {
    prop_oneof![
        4 => (-2i64..=110).prop_map(JsonValue::from),
        1 => any::<i64>().prop_map(JsonValue::from),
        1 => any::<f64>().prop_map(|n| serde_json::Number::from_f64(n).map_or(JsonValue::Null, JsonValue::Number)),
        1 => select(vec![0.5, -0.0, 1.5, 99.9, 1e308, -1e308, 5e-324, 1e-7]).prop_map(JsonValue::from),
    ]
    .boxed()
}

/// Arbitrary JSON, leaning towards the format's names and values.
fn json_value() -> impl Strategy<Value = JsonValue> {
    let leaf = prop_oneof![
        Just(JsonValue::Null),
        any::<bool>().prop_map(JsonValue::Bool),
        number(),
        word().prop_map(JsonValue::String),
    ];
    leaf.prop_recursive(8, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(JsonValue::Array),
            prop::collection::vec((word(), inner), 0..8)
                .prop_map(|pairs| JsonValue::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Values that keep to the numbers a questionnaire would hold, so that a
/// damaged file that still validates scores as any valid one must.
fn tame_value() -> impl Strategy<Value = JsonValue> {
    let leaf = prop_oneof![
        Just(JsonValue::Null),
        any::<bool>().prop_map(JsonValue::Bool),
        (-2i64..=110).prop_map(JsonValue::from),
        select(vec![0.5, 1.5, 2.0, 12.5, 99.9]).prop_map(JsonValue::from),
        word().prop_map(JsonValue::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(JsonValue::Array),
            prop::collection::vec((word(), inner), 0..4)
                .prop_map(|pairs| JsonValue::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Whether two JSON values are the same, numbers to within rounding (the
/// core's reader is exact only up to 2^53 with 22 decimals).
fn same_json(core: &json::Value, serde: &JsonValue) -> bool {
    match (core, serde) {
        (json::Value::Null, JsonValue::Null) => true,
        (json::Value::Bool(a), JsonValue::Bool(b)) => a == b,
        (json::Value::Number(a), JsonValue::Number(b)) => {
            let b = b.as_f64().expect("a finite number");
            // Subnormal numbers keep few digits, so only their size is compared.
            a == &b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()) || a.abs().max(b.abs()) < 1e-300
        }
        (json::Value::String(a), JsonValue::String(b)) => a == b,
        (json::Value::Array(a), JsonValue::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b))
        }
        (json::Value::Object(a), JsonValue::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(key, a)| b.get(key).is_some_and(|b| same_json(a, b)))
        }
        _ => false,
    }
}

/// Every JSON pointer into the built-in file, for damaging it in one place.
fn builtin_pointers() -> &'static [String] {
    static POINTERS: OnceLock<Vec<String>> = OnceLock::new();
    POINTERS.get_or_init(|| {
        fn walk(value: &JsonValue, at: String, out: &mut Vec<String>) {
            match value {
                JsonValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, format!("{at}/{i}"), out);
                    }
                }
                JsonValue::Object(fields) => {
                    for (key, item) in fields {
                        walk(item, format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), out);
                    }
                }
                _ => {}
            }
            out.push(at);
        }
        let mut out = Vec::new();
        walk(&builtin_value(), String::new(), &mut out);
        out
    })
}

fn builtin_value() -> JsonValue {
    serde_json::from_str(BUILTIN_JSON).expect("the built-in file is JSON")
}

#[derive(Clone, Debug)]
enum Damage {
    Replace(JsonValue),
    Remove,
    Duplicate,
}

/// Applies `damage` at `pointer`; false if the pointer is the root and the
/// damage needs a parent.
fn damage(root: &mut JsonValue, pointer: &str, damage: Damage) -> bool {
    if let Damage::Replace(value) = damage {
        *root.pointer_mut(pointer).expect("a pointer into the file") = value;
        return true;
    }
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return false;
    };
    let key = key.replace("~1", "/").replace("~0", "~");
    match root.pointer_mut(parent).expect("a pointer into the file") {
        JsonValue::Object(fields) => match damage {
            Damage::Remove => {
                fields.remove(&key);
            }
            _ => {
                let copy = fields[&key].clone();
                fields.insert(format!("{key}-copy"), copy);
            }
        },
        JsonValue::Array(items) => {
            let at: usize = key.parse().expect("an array index");
            match damage {
                Damage::Remove => {
                    items.remove(at);
                }
                _ => {
                    let copy = items[at].clone();
                    items.insert(at, copy);
                }
            }
        }
        _ => unreachable!("a parent is an object or an array"),
    }
    true
}

// ---------------------------------------------------------------------------
// Scoring properties

proptest! {
    /// Every score is within 0..=100, every gain at least 0, and each gain is
    /// exactly what moving that answer up (one step, or to the top) adds.
    #[test]
    fn scores_stay_in_range_and_gains_are_what_a_change_adds(case in case()) {
        let report = case.report();
        let overall = report.overall.score.tenths();
        prop_assert!((0..=1000).contains(&overall), "overall {}", overall);
        for factor in &report.factors {
            prop_assert!((0..=1000).contains(&factor.score.tenths()), "{} {:?}", factor.id, factor.score);
            prop_assert_eq!(factor.level.index, level_of(case.q, factor.score));
        }
        prop_assert!(report.overall.level.index < case.q.levels.len());
        for recommendation in &report.recommendations {
            prop_assert!(recommendation.gain.tenths() >= 0, "{:?}", recommendation);
            prop_assert!(recommendation.gain_to_top >= recommendation.gain, "{:?}", recommendation);
            let index = case.q.question_index(&recommendation.question_id).expect("a known question");
            prop_assert_eq!(recommendation.answer, case.slots[index]);
            let up = raised(case.slots[index]).expect("a recommendation is for an answer below the top");
            let after = case.with(index, Some(up)).report().overall.score.tenths();
            prop_assert_eq!(after - overall, recommendation.gain.tenths(), "{:?}", recommendation);
            let top = case.with(index, Some(Answer::Value(Answer::TOP))).report().overall.score.tenths();
            prop_assert_eq!(top - overall, recommendation.gain_to_top.tenths(), "{:?}", recommendation);
        }
        // Recommendations are ranked cap lifters first, then by the gain
        // still available on the question; ties keep questionnaire order.
        // The priority field says exactly that.
        for r in &report.recommendations {
            let bonus = if r.lifts_cap { 10_000 } else { 0 };
            prop_assert_eq!(r.priority.tenths(), r.gain_to_top.tenths() + bonus, "{:?}", r);
        }
        let ranks: Vec<(bool, std::cmp::Reverse<Score>, usize)> = report
            .recommendations
            .iter()
            .map(|r| {
                let index = case.q.question_index(&r.question_id).expect("known");
                (!r.lifts_cap, std::cmp::Reverse(r.gain_to_top), index)
            })
            .collect();
        prop_assert!(ranks.windows(2).all(|pair| pair[0] < pair[1]), "{:?}", ranks);
        // Every answer below the top is recommended, every top one a strength.
        let below_top = case
            .slots
            .iter()
            .filter(|slot| raised(**slot).is_some())
            .count();
        prop_assert_eq!(report.recommendations.len(), below_top);
        let at_top = case.slots.iter().filter(|slot| **slot == Some(Answer::Value(Answer::TOP))).count();
        prop_assert_eq!(report.strengths.len(), at_top);
        prop_assert_eq!(report.answered + report.missing.len(), report.total);
        prop_assert_eq!(report.total, case.slots.len());
    }

    /// Raising any one answer one step never lowers its factor's score, the
    /// overall score, or the overall level (before or after caps).
    #[test]
    fn raising_one_answer_never_lowers_a_score_or_the_level(case in case()) {
        let before = case.report();
        for (index, slot) in case.slots.iter().enumerate() {
            let Some(up) = raised(*slot) else { continue };
            let after = case.with(index, Some(up)).report();
            let f = case.factor_of(index);
            prop_assert!(
                after.factors[f].score >= before.factors[f].score,
                "{}: factor {} {:?} -> {:?}",
                case.q.questions().nth(index).expect("in range").1.id,
                after.factors[f].id,
                before.factors[f].score,
                after.factors[f].score
            );
            // The other factors do not move at all.
            for (g, (a, b)) in after.factors.iter().zip(&before.factors).enumerate() {
                if g != f {
                    prop_assert_eq!(a.score, b.score);
                }
            }
            prop_assert!(after.overall.score >= before.overall.score);
            prop_assert!(after.overall.uncapped_level.index >= before.overall.uncapped_level.index);
            prop_assert!(
                after.overall.level.index >= before.overall.level.index,
                "raising question {} lowered the level {} -> {}",
                index,
                before.overall.level.index,
                after.overall.level.index
            );
        }
    }

    /// All top answers (with "not applicable" wherever allowed and chosen):
    /// 100 overall and in every factor, the top level, no caps, nothing to
    /// recommend.
    #[test]
    fn top_answers_score_100_at_the_top_level(q in questionnaire(), skip in prop::collection::vec(any::<bool>(), 30)) {
        let answers = inserted(q.questions().enumerate().map(|(i, (_, question))| {
            let answer = if question.allow_not_applicable && skip[i % skip.len()] {
                Answer::NotApplicable
            } else {
                Answer::Value(Answer::TOP)
            };
            (question.id.clone(), answer)
        }));
        let report = q.score(&answers, Lang::EN).expect("valid answers");
        prop_assert_eq!(report.overall.score.tenths(), 1000);
        prop_assert!(report.factors.iter().all(|factor| factor.score.tenths() == 1000), "{:?}", tenths(&report));
        let top = q.levels.len() - 1;
        prop_assert_eq!(report.overall.level.index, top);
        prop_assert_eq!(&report.overall.level.id, &q.levels[top].id);
        prop_assert!(report.factors.iter().all(|factor| factor.level.index == top));
        prop_assert!(report.overall.caps.is_empty());
        prop_assert!(report.recommendations.is_empty());
        prop_assert!(report.complete && report.missing.is_empty());
        prop_assert_eq!(report.strengths.len() + report.not_applicable, report.total);
    }

    /// All bottom answers (0, "don't know" or unanswered, in any mix, with
    /// "not applicable" where allowed): 0 everywhere and level 0.
    #[test]
    fn bottom_answers_score_0_at_level_0(q in questionnaire(), kinds in prop::collection::vec(0..4u8, 30)) {
        let answers = inserted(q.questions().enumerate().filter_map(|(i, (_, question))| {
            let answer = match kinds[i % kinds.len()] {
                0 => Some(Answer::Value(0)),
                1 => Some(Answer::DontKnow),
                3 if question.allow_not_applicable => Some(Answer::NotApplicable),
                _ => None,
            };
            answer.map(|answer| (question.id.clone(), answer))
        }));
        let report = q.score(&answers, Lang::EN).expect("valid answers");
        prop_assert_eq!(report.overall.score.tenths(), 0);
        prop_assert!(report.factors.iter().all(|factor| factor.score.tenths() == 0), "{:?}", tenths(&report));
        prop_assert_eq!(report.overall.level.index, 0);
        prop_assert_eq!(&report.overall.level.id, &q.levels[0].id);
        prop_assert!(report.factors.iter().all(|factor| factor.level.index == 0));
        prop_assert!(report.overall.caps.is_empty());
        prop_assert!(report.strengths.is_empty());
        prop_assert_eq!(report.recommendations.len() + report.not_applicable, report.total);
    }

    /// The caps hold: the overall level is the score's level lowered to the
    /// strictest cap that holds, never more than `maxLevelsAbove` above the
    /// weakest factor, and each cap that lowered it is listed with its level.
    #[test]
    fn caps_hold(case in case()) {
        let report = case.report();
        let uncapped = level_of(case.q, report.overall.score);
        prop_assert_eq!(report.overall.uncapped_level.index, uncapped);
        let bounds = cap_bounds(&case, &report);
        let expected = bounds.iter().map(|(_, bound)| *bound).fold(uncapped, usize::min);
        prop_assert_eq!(report.overall.level.index, expected, "bounds {:?}", bounds);

        let weakest = report.factors.iter().map(|factor| factor.level.index).min().expect("a factor");
        for cap in &case.q.caps {
            if let Cap::WeakestFactor { max_levels_above, .. } = cap {
                prop_assert!(report.overall.level.index <= weakest + usize::from(*max_levels_above));
            }
        }
        let listed: Vec<(String, usize)> = report
            .overall
            .caps
            .iter()
            .map(|cap| (cap.id.clone(), cap.max_level.index))
            .collect();
        let lowering: Vec<(String, usize)> = bounds.into_iter().filter(|(_, bound)| *bound < uncapped).collect();
        prop_assert_eq!(listed, lowering);
        for cap in &report.overall.caps {
            prop_assert!(!cap.reason.is_empty());
            prop_assert!(cap.rule == "answerBelow" || cap.rule == "weakestFactor");
        }
        // Recommendations flag the answers that caps are about.
        for recommendation in &report.recommendations {
            let about_cap = report.overall.caps.iter().any(|applied| {
                case.q.caps.iter().any(|cap| matches!(
                    cap,
                    Cap::AnswerBelow { id, question, .. }
                        if *id == applied.id && *question == recommendation.question_id
                ))
            });
            prop_assert_eq!(recommendation.lifts_cap, about_cap, "{:?}", recommendation);
        }
    }

    /// The built-in questionnaire's executive sponsorship rule: below 2,
    /// "don't know" or unanswered keeps the level at `emerging` (the middle
    /// level) or lower, whatever else is answered.
    #[test]
    fn builtin_without_executive_sponsorship_is_held_at_emerging(
        case in case_of(builtin()),
        sponsorship in prop_oneof![
            Just(None),
            Just(Some(Answer::DontKnow)),
            Just(Some(Answer::Value(0))),
            Just(Some(Answer::Value(1))),
        ],
    ) {
        let index = builtin().question_index("touchpoints-executive-sponsorship").expect("the question exists");
        let case = case.with(index, sponsorship);
        let report = case.report();
        prop_assert!(report.overall.level.index <= level_index(builtin(), "emerging"), "{:?}", report.overall);
        if report.overall.uncapped_level.index > level_index(builtin(), "emerging") {
            prop_assert!(report.overall.caps.iter().any(|cap| cap.id == "executive-sponsorship"));
        }
    }

    /// The order answers are given in changes nothing: not inserting them,
    /// not in the answers file.
    #[test]
    fn answer_order_changes_nothing(
        (case, shuffled) in case().prop_flat_map(|case| {
            let pairs = case.pairs();
            (Just(case), Just(pairs).prop_shuffle())
        }),
    ) {
        let expected = case.report();
        let mut answers = Answers::new();
        for (id, answer) in &shuffled {
            answers.insert(id.clone(), *answer);
        }
        prop_assert_eq!(&answers, &case.answers());
        prop_assert_eq!(&case.q.score(&answers, Lang::EN).expect("valid"), &expected);

        // The same answers as a file, fields in the shuffled order.
        let fields: Vec<String> = shuffled
            .iter()
            .map(|(id, answer)| match answer {
                Answer::Value(value) => format!("\"{id}\": {value}"),
                other => format!("\"{id}\": \"{}\"", other.code()),
            })
            .collect();
        let text = format!("{{\"answers\": {{{}}}}}", fields.join(", "));
        let response = case.q.read_response(&text).expect("a valid answers file");
        prop_assert_eq!(&response.answers, &answers);
        prop_assert_eq!(&case.q.score(&response.answers, Lang::EN).expect("valid"), &expected);
        prop_assert_eq!(
            serde_json::to_string(&answers).expect("answers serialise"),
            serde_json::to_string(&case.answers()).expect("answers serialise")
        );
    }

    /// A report carries the answers it scored; what a server receives (the
    /// report as JSON) reads back and scores to the same report.
    #[test]
    fn a_report_scores_again_to_itself(case in case()) {
        let report = case.report();
        prop_assert_eq!(&report.answers, &case.answers());
        let sent = serde_json::to_value(&report).expect("serialisable");
        let text = serde_json::json!({ "answers": sent["answers"] }).to_string();
        let response = case.q.read_response(&text).expect("a report's answers read back");
        prop_assert_eq!(&response.answers, &report.answers);
        let again = case.q.score(&response.answers, Lang::EN).expect("valid answers");
        prop_assert_eq!(serde_json::to_value(&again).expect("serialisable"), sent);
    }

    /// The fast path (`Questionnaire::scores` on a sheet) gives the numbers
    /// of the full report.
    #[test]
    fn fast_path_agrees_with_the_report(case in case()) {
        let report = case.report();
        let mut sheet = case.q.sheet();
        for (index, slot) in case.slots.iter().enumerate() {
            sheet.set(index, *slot);
        }
        prop_assert_eq!(&sheet, &readiness_core::Sheet::new(case.q, &case.answers()));
        for (index, slot) in case.slots.iter().enumerate() {
            prop_assert_eq!(sheet.get(index), *slot);
        }
        let scores = case.q.scores(&sheet).expect("valid answers");
        prop_assert_eq!(scores.overall, report.overall.score);
        prop_assert_eq!(scores.level, report.overall.level.index);
        let factors: Vec<Score> = report.factors.iter().map(|factor| factor.score).collect();
        prop_assert_eq!(scores.factors, factors);
        sheet.clear();
        prop_assert_eq!(sheet, case.q.sheet());
    }
}

// ---------------------------------------------------------------------------
// Share codes

proptest! {
    /// A share code opens to exactly the answers it was made from, and only
    /// for its own questionnaire.
    #[test]
    fn share_codes_round_trip(case in case()) {
        let answers = case.answers();
        let code = share::encode(case.q, &answers);
        prop_assert!(code.is_ascii());
        prop_assert_eq!(share::decode(case.q, &code), Ok(answers));
        let other = if std::ptr::eq(case.q, builtin()) { tiny() } else { builtin() };
        prop_assert_eq!(share::decode(other, &code), Err(ShareError::OtherQuestionnaire { id: case.q.id.clone() }));
    }

    /// Changing one character of a share code gets it rejected; in the rare
    /// case that the checksum still matches, what opens is exactly what the
    /// changed code says.
    #[test]
    fn altered_share_codes_are_rejected(
        case in case(),
        at in any::<Index>(),
        replacement in prop_oneof![
            select(vec!['0', '1', '2', '3', '4', 'd', 'n', '_', '-', ':', '@', '.', 'a', 'z', 'D']),
            any::<char>(),
        ],
    ) {
        let code = share::encode(case.q, &case.answers());
        let mut chars: Vec<char> = code.chars().collect();
        let at = at.index(chars.len());
        prop_assume!(chars[at] != replacement);
        chars[at] = replacement;
        let altered: String = chars.into_iter().collect();
        match share::decode(case.q, &altered) {
            Ok(answers) => prop_assert_eq!(share::encode(case.q, &answers), altered),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    /// A truncated share code is always rejected.
    #[test]
    fn truncated_share_codes_are_rejected(case in case(), at in any::<Index>()) {
        let code = share::encode(case.q, &case.answers());
        let cut = &code[..at.index(code.len())];
        prop_assert_eq!(share::decode(case.q, cut), Err(ShareError::Damaged), "{}", cut);
    }
}

// ---------------------------------------------------------------------------
// Reading never panics

proptest! {
    /// Arbitrary text, and text made of JSON's own characters.
    #[test]
    fn arbitrary_text_is_read_without_panicking(
        text in prop_oneof![
            any::<String>(),
            "[\\[\\]{}\":,0-9a-z \\\\.eE+-]{0,80}",
            "\\{\"answers\": ?\\{(\"[a-z-]{1,40}\": ?([0-9]|\"dont-know\"|\"not-applicable\"|null|\"[0-9]\"|-1|4\\.0|1e0|\\[\\]),? ?){0,6}\\}\\}",
        ],
    ) {
        read_everything(&text);
        // What the core reads as JSON, serde_json reads too (numbers too
        // large for a double aside: the core reads them as infinity).
        if json::parse(&text).is_ok() && !text.starts_with('\u{feff}') {
            if let Err(error) = serde_json::from_str::<JsonValue>(&text) {
                prop_assert!(error.to_string().contains("number out of range"), "{}: {}", text, error);
            }
        }
    }

    /// Arbitrary JSON values, and objects shaped like a questionnaire or an
    /// answers file.
    #[test]
    fn arbitrary_json_is_read_without_panicking(
        value in prop_oneof![
            json_value(),
            prop::collection::vec((word(), json_value()), 0..12)
                .prop_map(|fields| JsonValue::Object(fields.into_iter().collect())),
            prop::collection::vec((word(), prop_oneof![number(), word().prop_map(JsonValue::String), json_value()]), 0..12)
                .prop_map(|fields| serde_json::json!({ "answers": JsonValue::Object(fields.into_iter().collect()) })),
        ],
        pretty in any::<bool>(),
    ) {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .expect("serialisable");
        let parsed = json::parse(&text);
        // Generated JSON has unique keys and nests at most 8 deep: valid for
        // the core's reader too, and read as the same value.
        let parsed = parsed.unwrap_or_else(|error| panic!("{text}: {error}"));
        prop_assert!(same_json(&parsed, &value), "{} read as {:?}", text, parsed);
        read_everything(&text);
    }

    /// The built-in file with a byte range deleted or replaced.
    #[test]
    fn damaged_builtin_text_is_read_without_panicking(
        start in any::<Index>(),
        len in prop_oneof![0..4usize, 0..64usize, 0..50_000usize],
        replacement in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..8),
            prop::collection::vec(select(b"{}[]\",:0123456789-. aen\\".to_vec()), 0..8),
        ],
    ) {
        let bytes = BUILTIN_JSON.as_bytes();
        let start = start.index(bytes.len());
        let end = (start + len).min(bytes.len());
        let mut damaged = bytes[..start].to_vec();
        damaged.extend_from_slice(&replacement);
        damaged.extend_from_slice(&bytes[end..]);
        read_everything(&String::from_utf8_lossy(&damaged));
    }

    /// The built-in file with one value replaced, removed or duplicated. If
    /// it still validates, it scores as every valid questionnaire must.
    #[test]
    fn damaged_builtin_values_are_read_without_panicking(
        at in any::<Index>(),
        change in prop_oneof![
            2 => tame_value().prop_map(Damage::Replace),
            1 => Just(Damage::Remove),
            1 => Just(Damage::Duplicate),
        ],
    ) {
        let pointers = builtin_pointers();
        let pointer = &pointers[at.index(pointers.len())];
        let mut value = builtin_value();
        prop_assume!(damage(&mut value, pointer, change));
        let text = serde_json::to_string(&value).expect("serialisable");
        read_everything(&text);
        if let Err(problems) = Questionnaire::from_json(&text) {
            // Every problem comes with a hint on how to fix it.
            prop_assert!(problems.iter().all(|problem| !problem.hint.is_empty()), "{:?}", problems);
        }
    }
}

// ---------------------------------------------------------------------------
// Hostile input

fn assert_rejected(text: &str) {
    assert!(json::parse(text).is_err());
    for problems in [
        Questionnaire::from_json(text).err(),
        Answers::from_json(text).err(),
        builtin().read_response(text).err(),
    ] {
        let problems: Vec<Problem> = problems.expect("rejected");
        assert!(!problems.is_empty());
    }
}

#[test]
fn deep_nesting_fails_cleanly() {
    const DEPTH: usize = 100_000;
    for text in [
        "[".repeat(DEPTH),
        "{".repeat(DEPTH),
        format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        "{\"a\":".repeat(DEPTH),
        format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH)),
        format!("{{\"answers\": {}", "[".repeat(DEPTH)),
        format!(
            "{{\"answers\": {{\"audience-online-habits\": {}",
            "[{\"a\":".repeat(DEPTH)
        ),
    ] {
        assert_rejected(&text);
    }
    let error = json::parse(&"[".repeat(DEPTH)).unwrap_err();
    assert!(error.message.contains("nest too deeply"), "{error}");
    let error = json::parse(&"{\"a\":".repeat(DEPTH)).unwrap_err();
    assert!(error.message.contains("nest too deeply"), "{error}");
}

/// A fixed pseudo-random byte stream (xorshift), so that runs are repeatable.
fn junk(len: usize, seed: u64, alphabet: Option<&[u8]>) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match alphabet {
                Some(alphabet) => alphabet[(state % alphabet.len() as u64) as usize],
                None => (state >> 24) as u8,
            }
        })
        .collect()
}

#[test]
fn megabytes_of_junk_fail_cleanly() {
    const SIZE: usize = 5 << 20;
    let json_bytes: &[u8] = b"[]{}\":, 0123456789.eE+-truefalsn\\u";
    let texts = [
        String::from_utf8_lossy(&junk(SIZE, 0x9e37_79b9_7f4a_7c15, None)).into_owned(),
        String::from_utf8_lossy(&junk(SIZE, 0x2545_f491_4f6c_dd1d, Some(json_bytes))).into_owned(),
        // Junk behind a valid start, so that the readers get far into it.
        format!(
            "{{\"answers\": {{\"a\": 1, \"b\": \"{}",
            String::from_utf8_lossy(&junk(SIZE, 7, Some(b"abcdefghij \\\"")))
        ),
        format!("[{}", "1,".repeat(SIZE / 2)),
        format!("{{\"answers\": {{\"a\": 0.{}", "7".repeat(SIZE)),
        format!("{}x", " \n".repeat(SIZE / 2)),
    ];
    for text in &texts {
        assert_rejected(text);
    }
    // A valid file that is mostly one very long unknown field name.
    let long = format!("{{\"answers\": {{\"{}\": 1}}}}", "a".repeat(SIZE));
    let problems = builtin().read_response(&long).unwrap_err();
    assert_eq!(problems.len(), 1);
}

// ---------------------------------------------------------------------------
// Regressions: bugs these tests found in the core, fixed in commit "Core:
// fixes found by the property tests". Each test describes the bug it caught.

/// `validate.rs` (`fn weight`) accepts any finite positive weight, but
/// `score.rs` (`factor_raw`, `overall_raw`) sums `weight * points`, which
/// overflows to infinity for weights above about 1.8e306: with a factor
/// weight of 1e308, all top answers give an overall score of 214748364.7
/// (`Score::from_raw` saturates infinity to `i32::MAX` tenths), and with two
/// weights of 1e308 they give 0 (infinity / infinity is NaN, which casts
/// to 0). Either validation rejects such weights or scoring stays within
/// 0 to 100.
#[test]
fn huge_weights_are_rejected_or_score_within_0_to_100() {
    let factor_weight = TINY_JSON.replacen(
        "\"weight\": 2,\n      \"name\"",
        "\"weight\": 1e308,\n      \"name\"",
        1,
    );
    let question_weights = TINY_JSON.replacen("\"weight\": 1,", "\"weight\": 1e308,", 1).replacen(
        "\"weight\": 2,",
        "\"weight\": 1e308,",
        1,
    );
    assert_ne!(factor_weight, TINY_JSON);
    assert_ne!(question_weights, TINY_JSON);
    for text in [factor_weight, question_weights] {
        match Questionnaire::from_json(&text) {
            Err(problems) => assert!(
                problems.iter().any(|problem| problem.path.ends_with("weight")),
                "{problems:?}"
            ),
            Ok(q) => {
                let top = inserted(
                    q.questions()
                        .map(|(_, question)| (question.id.clone(), Answer::Value(Answer::TOP))),
                );
                let report = q.score(&top, Lang::EN).expect("valid answers");
                assert_eq!(
                    (report.overall.score.value(), tenths(&report)),
                    (100.0, vec![1000; q.factors.len()]),
                    "all top answers"
                );
            }
        }
    }
}

/// The decoder once skipped the "not supported" problem for format version
/// 0 as well as the known ones (0 stood in for a value that failed to
/// decode, which was reported already), so a file that said
/// `"formatVersion": 0` validated. An unknown version is reported alone:
/// the rest of the file is read in whichever shape it has.
#[test]
fn format_version_0_is_rejected() {
    let current = ["\"formatVersion\": ", &FORMAT_VERSION.to_string()].concat();
    let text = BUILTIN_JSON.replacen(&current, "\"formatVersion\": 0", 1);
    assert_ne!(text, BUILTIN_JSON);
    let problems = match Questionnaire::from_json(&text) {
        Ok(q) => panic!("format version {} validated", q.format_version),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "formatVersion");
}

/// `json.rs` (`Parser::object`, the duplicate-field check) compares each
/// field name with every earlier one, so an object with n fields costs n²/2
/// string comparisons: an answers file of 2 MB with 200,000 distinct ids
/// takes minutes to reject instead of a fraction of a second (about 1.3 s
/// already for 40,000 ids in a release build). The issue asks that no input
/// make the core hang, and servers re-score answers sent by visitors. The
/// ids are in descending order, the worst case for any reader that keeps
/// answers sorted by inserting one at a time.
#[test]
fn wide_objects_are_read_in_linear_time() {
    const FIELDS: usize = 200_000;
    let fields: Vec<String> = (0..FIELDS).rev().map(|i| format!("\"q{i:06}\": 1")).collect();
    let text = format!("{{\"answers\": {{{}}}}}", fields.join(","));
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let parsed = json::parse(&text).is_ok();
        let answers = Answers::from_json(&text).map(|answers| answers.len());
        let _ = done.send((parsed, answers));
    });
    // Linear reading takes well under a second even in a debug build.
    let (parsed, answers) = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("200,000 fields read within 10 s");
    assert!(parsed);
    assert_eq!(answers, Ok(FIELDS));
}

proptest! {
    // A regression test (see above); no persisted failure file needed.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// `answers.rs` (`impl FromIterator<(S, Answer)> for Answers`) collects
    /// the pairs as given, but every other method binary-searches a vector
    /// it assumes sorted by id and free of repeats (commit 20e624e replaced
    /// the `BTreeMap`). Collected out of id order, answers go missing:
    /// `[("b", 1), ("a", 2)].into_iter().collect::<Answers>().get("b")` is
    /// `None`, scoring treats such answers as unanswered, share codes drop
    /// them, equal answer sets compare unequal, and a repeated id is kept
    /// twice. The type's documentation promises that the order of insertion
    /// never matters.
    #[test]
    fn collected_answers_equal_inserted_ones(
        (case, shuffled) in case().prop_flat_map(|case| {
            let pairs = case.pairs();
            (Just(case), Just(pairs).prop_shuffle())
        }),
        repeat in any::<Index>(),
    ) {
        let answers = case.answers();
        let collected: Answers = shuffled.iter().cloned().collect();
        for (id, answer) in &shuffled {
            prop_assert_eq!(collected.get(id), Some(*answer), "{}", id);
        }
        prop_assert_eq!(&collected, &answers);
        prop_assert_eq!(&case.q.score(&collected, Lang::EN).expect("valid"), &case.report());
        prop_assert_eq!(share::encode(case.q, &collected), share::encode(case.q, &answers));
        // A repeated id: the later answer wins, as with `insert`.
        if !shuffled.is_empty() {
            let (id, _) = shuffled[repeat.index(shuffled.len())].clone();
            let mut twice = shuffled.clone();
            twice.push((id.clone(), Answer::DontKnow));
            let collected: Answers = twice.into_iter().collect();
            prop_assert_eq!(collected.len(), shuffled.len());
            prop_assert_eq!(collected.get(&id), Some(Answer::DontKnow));
        }
    }
}
