//! The questionnaire model: what a questionnaire file holds once read.
//!
//! The shapes here are the file format (`docs/format.md`); the JSON Schema
//! in `core/questionnaire.schema.json` is generated from them. Reading goes
//! through [`Questionnaire::from_json`], which decodes and validates in one
//! pass and reports every problem with its path.

use serde::Serialize;
#[cfg(feature = "benchmarks")]
use serde::Serializer;

use crate::lang::{Lang, Text};

/// The version of the file format this crate writes. It also reads
/// version 1, whose question-level `advice` (`start` for answers 0 and 1,
/// `improve` for 2 and 3) it upgrades to one advice per option.
pub const FORMAT_VERSION: u32 = 2;

/// How many answer options every question has: values 0 to 4.
pub const SCALE: usize = 5;

/// A readiness questionnaire: factors of questions, the levels a score maps
/// to, and the caps that hold a level down.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Questionnaire {
    /// The file format version: 2 (version 1 files are upgraded on reading).
    pub format_version: u32,
    /// A lowercase slug naming the questionnaire, e.g. `social-media-strategy`.
    pub id: String,
    /// The questionnaire's own version. Saved answers and share links carry
    /// it, so that answers to an older edition are not applied to a newer one.
    pub version: String,
    /// The languages every text is given in, e.g. `["id", "en"]`.
    pub languages: Vec<Lang>,
    /// The questionnaire's title.
    pub title: Text,
    /// One or two sentences shown before the first question.
    pub intro: Text,
    /// The named levels, lowest first; each starts at its `min` score.
    pub levels: Vec<Level>,
    /// The factors, in the order they are asked.
    pub factors: Vec<Factor>,
    /// Rules that hold the overall level down; see [`Cap`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caps: Vec<Cap>,
    /// Published distributions of scores, so that each report says how it
    /// compares (`docs/format.md`, "Benchmarks"); `readiness benchmark`
    /// and the studio make them from responses.
    #[cfg(feature = "benchmarks")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmarks: Option<Benchmarks>,
}

/// A named level of readiness.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Level {
    /// A lowercase slug, e.g. `emerging`.
    pub id: String,
    /// The lowest score (0 to 100) at this level. The first level starts at
    /// 0 and each next level higher.
    pub min: f64,
    /// The level's name, e.g. "Emerging".
    pub name: Text,
    /// What an organisation at this level typically looks like.
    pub description: Text,
}

/// One factor of readiness, scored 0 to 100 from its questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Factor {
    /// A lowercase slug, e.g. `audience`.
    pub id: String,
    /// The factor's weight in the overall score (greater than 0, at most 1000).
    #[serde(default = "one")]
    pub weight: f64,
    /// The factor's name.
    pub name: Text,
    /// A name of one or two words for tight places such as the chart's
    /// axes. Optional: the name is used without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    /// What the factor is about, shown at the top of its step.
    pub description: Text,
    /// The factor's questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// One question, answered on a five-step behaviourally anchored scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    /// A lowercase slug, unique in the questionnaire. Answers, radio groups
    /// and share links use it.
    pub id: String,
    /// The question's weight within its factor (greater than 0, at most 1000).
    #[serde(default = "one")]
    pub weight: f64,
    /// A short name for the question, used in results and messages.
    pub title: Text,
    /// The question as asked.
    pub prompt: Text,
    /// Optional guidance shown under the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Exactly five options, from "nothing in place" (value 0) to
    /// "systematic, measured and reviewed" (value 4), each saying what the
    /// organisation does.
    pub options: Vec<AnswerOption>,
    /// Whether "not applicable" is an allowed answer (left out of the score).
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_not_applicable: bool,
}

/// One step of a question's scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerOption {
    /// Points for this answer, 0 to 100. Optional: by default the five
    /// options score 0, 25, 50, 75 and 100. Given explicitly, the first must
    /// be 0, the last 100, and each higher than the one before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// What an organisation at this step does.
    pub text: Text,
    /// The next step for an organisation at this step: what would move it
    /// to the option above, never what this option says is done already.
    /// Required on every option but the top one, which has none. The first
    /// option's advice also serves "don't know" and unanswered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

/// A rule that holds the overall level down, explained in the report when it
/// does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    tag = "rule",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Cap {
    /// While the answer to `question` is below `below` (or "don't know" or
    /// unanswered), the overall level is at most `max_level`.
    AnswerBelow {
        /// A lowercase slug naming the rule.
        id: String,
        /// The question the rule watches.
        question: String,
        /// The lowest answer value (1 to 4) that lifts the cap.
        below: u8,
        /// The id of the highest level allowed while the cap holds.
        max_level: String,
        /// Why, in words, shown when the cap applies.
        reason: Text,
    },
    /// The overall level is at most `max_levels_above` above the level of the
    /// weakest factor.
    WeakestFactor {
        /// A lowercase slug naming the rule.
        id: String,
        /// How many levels the overall level may sit above the weakest factor's.
        max_levels_above: u8,
        /// Why, in words, shown when the cap applies.
        reason: Text,
    },
}

impl Cap {
    /// The rule's id.
    pub fn id(&self) -> &str {
        match self {
            Cap::AnswerBelow { id, .. } | Cap::WeakestFactor { id, .. } => id,
        }
    }

    /// The rule's reason.
    pub fn reason(&self) -> &Text {
        match self {
            Cap::AnswerBelow { reason, .. } | Cap::WeakestFactor { reason, .. } => reason,
        }
    }
}

impl Factor {
    /// The short name, or the name where there is none.
    pub fn short(&self) -> &Text {
        self.short_name.as_ref().unwrap_or(&self.name)
    }
}

impl Question {
    /// The advice for an answer at `value` (0 to 3; "don't know" and
    /// unanswered count as 0). Empty for the top option.
    pub fn advice(&self, value: u8) -> Option<&Text> {
        self.options
            .get(usize::from(value))
            .and_then(|option| option.advice.as_ref())
    }

    /// The points (0 to 100) an answer value (0 to 4) earns.
    pub fn option_score(&self, value: u8) -> f64 {
        match self.options.get(usize::from(value)).and_then(|option| option.score) {
            Some(score) => score,
            None => f64::from(value.min(4)) * 25.0,
        }
    }
}

impl Questionnaire {
    /// Every question with the index of its factor, in the order asked.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        Questions {
            factors: &self.factors,
            factor: 0,
            question: 0,
        }
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        for factor in &self.factors {
            for question in &factor.questions {
                if question.id == id {
                    return Some(question);
                }
            }
        }
        None
    }

    /// Every question's id, in the order asked (for suggestions: see
    /// [`crate::suggest`]).
    pub fn question_ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        for factor in &self.factors {
            for question in &factor.questions {
                ids.push(question.id.as_str());
            }
        }
        ids
    }

    /// How many minutes answering takes, estimated for a visitor who
    /// reads in `lang` at 200 words a minute everything shown while
    /// answering (intro, factor names and descriptions, prompts, help and
    /// options) and takes 6 seconds to choose each answer; rounded up, at
    /// least 1. The widget's intro shows it; a lint warns above 15.
    pub fn minutes(&self, lang: Lang) -> u32 {
        const WORDS_PER_MINUTE: u32 = 200;
        const SECONDS_PER_ANSWER: u32 = 6;
        let lang = self.language(lang);
        let mut read = word_count(self.title.get(lang)) + word_count(self.intro.get(lang));
        let mut questions = 0;
        for factor in &self.factors {
            read += word_count(factor.name.get(lang)) + word_count(factor.description.get(lang));
            for question in &factor.questions {
                questions += 1;
                read += word_count(question.prompt.get(lang));
                if let Some(help) = &question.help {
                    read += word_count(help.get(lang));
                }
                for option in &question.options {
                    read += word_count(option.text.get(lang));
                }
            }
        }
        let seconds = read * 60 / WORDS_PER_MINUTE + questions * SECONDS_PER_ANSWER;
        seconds.div_ceil(60).max(1)
    }

    /// The language to write a report in: `wanted` if this questionnaire has
    /// it, else its first language.
    pub fn language(&self, wanted: Lang) -> Lang {
        if self.languages.contains(&wanted) {
            wanted
        } else {
            self.languages.first().copied().unwrap_or(wanted)
        }
    }
}

/// How many words a text has: runs of characters between whitespace.
fn word_count(text: &str) -> u32 {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
    }
    count
}

/// The iterator of [`Questionnaire::questions`]: two indices rather than a
/// `flat_map`, whose state is much more code in the widget's WebAssembly
/// (and every use of it gets its own copy).
struct Questions<'q> {
    factors: &'q [Factor],
    factor: usize,
    question: usize,
}

impl<'q> Iterator for Questions<'q> {
    type Item = (usize, &'q Question);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let factor = self.factors.get(self.factor)?;
            if let Some(question) = factor.questions.get(self.question) {
                self.question += 1;
                return Some((self.factor, question));
            }
            self.factor += 1;
            self.question = 0;
        }
    }
}

// Named by `#[serde(default = "one")]`, which only the schema derive reads.
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
fn one() -> f64 {
    1.0
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Bands in a distribution: twenty of five points each.
#[cfg(feature = "benchmarks")]
pub const BINS: usize = 20;

/// A questionnaire's benchmarks: everyone's distributions, and optionally
/// the same for groups of them (by sector, size, …).
#[cfg(feature = "benchmarks")]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Benchmarks {
    /// Who was measured, shown beside each comparison: "240 organisations,
    /// 2026".
    pub label: Text,
    /// How many responses the distributions hold; each distribution adds up
    /// to it.
    pub count: u32,
    /// The overall scores: 20 counts (`BINS`), one per band of five points.
    pub overall: Vec<u32>,
    /// Each factor's scores, by factor id, in the same bands.
    pub factors: Distributions,
    /// The same for groups of the respondents, which a visitor may compare
    /// with instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// A group of the respondents a benchmark holds.
#[cfg(feature = "benchmarks")]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    /// Unique among the groups: lowercase letters, digits and hyphens.
    pub id: String,
    /// The group's name: "Retail", "50–250 employees".
    pub name: Text,
    /// How many responses the group's distributions hold.
    pub count: u32,
    /// The group's overall scores, in the same 20 bands.
    pub overall: Vec<u32>,
    /// The group's factor scores, by factor id.
    pub factors: Distributions,
}

/// Distributions by factor id, in questionnaire order (a JSON object).
#[cfg(feature = "benchmarks")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distributions(pub Vec<(String, Vec<u32>)>);

#[cfg(feature = "benchmarks")]
impl Distributions {
    /// The distribution of a factor, by id.
    pub fn get(&self, id: &str) -> Option<&[u32]> {
        self.0
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, bins)| bins.as_slice())
    }
}

#[cfg(feature = "benchmarks")]
impl Serialize for Distributions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, bins)| (id, bins)))
    }
}

#[cfg(all(feature = "schema", feature = "benchmarks"))]
impl schemars::JsonSchema for Distributions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Distributions".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let bins = generator.subschema_for::<Vec<u32>>();
        schemars::json_schema!({
            "description": "Each factor's distribution by factor id: every factor of the questionnaire, 20 counts each.",
            "type": "object",
            "additionalProperties": bins,
        })
    }
}
