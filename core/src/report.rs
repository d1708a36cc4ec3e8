//! The report: what scoring produces, in one language, ready to render or
//! to print as JSON. The CLI prints exactly this, and the widget's
//! `readiness-complete` event carries exactly this.
//!
//! Behind the `schema` feature the report derives `JsonSchema` too: the
//! schema (`core/report.schema.json`, checked by `core/tests/schema.rs`) is
//! what the npm package's TypeScript `Report` is generated from
//! (`npm/gen-types.mjs`), doc comments included, so the comments here are
//! the documentation of both.

use serde::{Serialize, Serializer};

use crate::answers::{Answer, Answers};
use crate::lang::Lang;

/// A score from 0 to 100 with one decimal, kept as a whole number of tenths
/// so that rounding happens once, in one place, and every platform agrees to
/// the last digit. It serialises as a JSON number (`72.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score {
    tenths: i32,
}

impl Score {
    /// Rounds a raw score half away from zero to one decimal.
    pub fn from_raw(raw: f64) -> Score {
        // Raw scores lie in 0..=100, so the cast is exact.
        Score {
            tenths: (raw * 10.0).round() as i32,
        }
    }

    /// A score of `tenths` tenths: `Score::from_tenths(725)` is 72.5.
    pub fn from_tenths(tenths: i32) -> Score {
        Score { tenths }
    }

    /// The score in tenths: 725 for 72.5.
    pub fn tenths(self) -> i32 {
        self.tenths
    }

    /// The score as a number: 72.5.
    pub fn value(self) -> f64 {
        f64::from(self.tenths) / 10.0
    }

    /// The score with one decimal after `decimal`, the separator of the
    /// reader's language (a label: "," in Indonesian, "." in English), as
    /// `Intl.NumberFormat` writes it with one fraction digit: "72,5".
    pub fn format(self, decimal: &str) -> String {
        let tenths = self.tenths;
        let mut out = String::from(if tenths < 0 { "-" } else { "" });
        let tenths = tenths.unsigned_abs();
        out.push_str(&crate::problem::decimal((tenths / 10).into()));
        out.push_str(decimal);
        out.push(char::from(b'0' + (tenths % 10) as u8));
        out
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

/// The scored result of one set of answers: what the CLI prints and the
/// widget's `readiness-complete` event carries. Scores are numbers from 0 to
/// 100 with one decimal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Which questionnaire, and which edition of it, was answered.
    pub questionnaire: QuestionnaireRef,
    /// The language of every text in this report.
    pub lang: Lang,
    /// Whether every question has an answer.
    pub complete: bool,
    /// The overall score, level and the caps that held it down.
    pub overall: Overall,
    /// One result per factor, in questionnaire order.
    pub factors: Vec<FactorResult>,
    /// Every answer below the top, in priority order (see
    /// [`Recommendation::priority`]).
    pub recommendations: Vec<Recommendation>,
    /// Every answer at the top, in questionnaire order.
    pub strengths: Vec<Strength>,
    /// How many questions have an answer (any kind).
    pub answered: usize,
    /// How many questions there are.
    pub total: usize,
    /// How many answers are "don't know".
    pub dont_know: usize,
    /// How many answers are "not applicable".
    pub not_applicable: usize,
    /// The ids of unanswered questions, in questionnaire order. They score
    /// as gaps, like "don't know".
    pub missing: Vec<String>,
    /// The answers scored, so that anyone holding the report can score them
    /// again and compare (for example a server checking what a browser sent).
    pub answers: Answers,
}

/// Names the questionnaire a report belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuestionnaireRef {
    /// The questionnaire's id.
    pub id: String,
    /// The questionnaire's version.
    pub version: String,
}

/// A level, as a report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelRef {
    /// 0 for the lowest level.
    pub index: usize,
    /// The level's id.
    pub id: String,
    /// The level's name in the report's language.
    pub name: String,
}

/// The overall result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Overall {
    /// The weighted mean of the factor scores.
    pub score: Score,
    /// The level after caps.
    pub level: LevelRef,
    /// The description of that level.
    pub description: String,
    /// The level the score alone would give, before caps.
    pub uncapped_level: LevelRef,
    /// The caps that lowered the level, each with its reason.
    pub caps: Vec<AppliedCap>,
    /// The level above `level` and the points the score still needs to
    /// reach it; `null` at the top level. When a cap holds the level, the
    /// points may be 0: the score is there, the cap is what holds it.
    pub next: Option<NextLevel>,
    /// How the overall score compares with the questionnaire's benchmarks,
    /// when it has them.
    #[cfg(feature = "benchmarks")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
}

/// A score compared with a benchmark's distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Benchmark {
    /// The share of the benchmark's responses this score is ahead of, in
    /// whole percent: 0 at the bottom, 100 at the top.
    pub percentile: u8,
    /// How many responses it compares with.
    pub count: u32,
    /// Who they are: the benchmarks' label ("240 organisations, 2026"), or
    /// the group's name.
    pub label: String,
    /// The id of the group compared with; absent for everyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// The next level up, and how far away it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextLevel {
    /// The level above the current one.
    pub level: LevelRef,
    /// The points the overall score needs to reach that level's minimum
    /// (0 when it is there already and only a cap holds the level).
    pub points: Score,
}

/// A cap that lowered the overall level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AppliedCap {
    /// The rule's id in the questionnaire.
    pub id: String,
    /// The kind of rule, as the questionnaire's cap names it:
    /// `answerBelow` or `weakestFactor`.
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::cap_rule"))]
    pub rule: &'static str,
    /// The highest level the rule allows.
    pub max_level: LevelRef,
    /// Why, in the report's language.
    pub reason: String,
}

/// One factor's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FactorResult {
    /// The factor's id.
    pub id: String,
    /// The factor's name.
    pub name: String,
    /// The factor's short name (its name where it has none), for the chart.
    pub short_name: String,
    /// The weighted mean of its answers' points, 0 to 100.
    pub score: Score,
    /// The level of that score.
    pub level: LevelRef,
    /// How many of its questions have an answer.
    pub answered: usize,
    /// How many questions it has.
    pub total: usize,
    /// How the factor's score compares with the questionnaire's
    /// benchmarks, when it has them.
    #[cfg(feature = "benchmarks")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
}

/// One way to raise readiness: an answer that could move up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// The question it is about.
    pub question_id: String,
    /// The question's factor.
    pub factor_id: String,
    /// The question's short name.
    pub title: String,
    /// The current answer (`null` when unanswered).
    pub answer: Option<Answer>,
    /// How much the overall score rises if this answer moves up one step.
    pub gain: Score,
    /// How much the overall score rises if this answer moves to the top.
    pub gain_to_top: Score,
    /// Whether this answer is what a cap in `overall.caps` is about.
    pub lifts_cap: bool,
    /// What the ranking sorts by, highest first: `gainToTop`, plus 1000 when
    /// the answer lifts a cap (so cap lifters always come first). Equal
    /// priorities keep the questionnaire's order.
    pub priority: Score,
    /// The next step from the chosen option (the first option's for "don't
    /// know" and unanswered), in the report's language.
    pub text: String,
}

/// Something already done well: an answer at the top of its scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Strength {
    /// The question.
    pub question_id: String,
    /// The question's factor.
    pub factor_id: String,
    /// The question's short name.
    pub title: String,
    /// What the organisation does, in the words of the top option.
    pub text: String,
}

/// The JSON Schemas of the types that serialise by hand: a [`Score`] is a
/// number, an [`Answer`] a step of the scale or a code, [`Answers`] a map.
/// (`Answer` and `Answers` live in `answers.rs`; their schemas are here,
/// with the report, the only schema that holds them.)
#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use super::Score;
    use crate::answers::{Answer, Answers};
    use crate::questionnaire::Cap;

    impl JsonSchema for Score {
        fn inline_schema() -> bool {
            true
        }

        fn schema_name() -> Cow<'static, str> {
            "Score".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "number" })
        }
    }

    impl JsonSchema for Answer {
        fn schema_name() -> Cow<'static, str> {
            "Answer".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "readiness_core::Answer".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let mut codes: Vec<serde_json::Value> = (0..=Answer::TOP).map(Into::into).collect();
            codes.extend([Answer::DontKnow, Answer::NotApplicable].map(|answer| answer.code().into()));
            json_schema!({
                "description": "One answer: a step of the scale from 0 (nothing in place) to 4\n\
                                (systematic), \"dont-know\" (scored as a gap, and counted) or\n\
                                \"not-applicable\" (left out of the score, where the question allows it).",
                "enum": codes,
            })
        }
    }

    impl JsonSchema for Answers {
        fn schema_name() -> Cow<'static, str> {
            "Answers".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "readiness_core::Answers".into()
        }

        fn json_schema(generator: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "Answers by question id. A question left out is unanswered.",
                "type": "object",
                "additionalProperties": generator.subschema_for::<Answer>(),
            })
        }
    }

    /// The `rule` of an applied cap: one of the `rule` tags of the
    /// questionnaire's [`Cap`], read from its schema so that a new kind of
    /// cap needs no change here.
    pub(super) fn cap_rule(_: &mut SchemaGenerator) -> Schema {
        let cap = schemars::schema_for!(Cap);
        let rules: Vec<serde_json::Value> = cap
            .get("oneOf")
            .and_then(|variants| variants.as_array())
            .into_iter()
            .flatten()
            .filter_map(|variant| variant.pointer("/properties/rule/const").cloned())
            .collect();
        assert!(!rules.is_empty(), "the schema of `Cap` names no rule");
        json_schema!({ "type": "string", "enum": rules })
    }
}
