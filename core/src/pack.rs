//! Packs: a validated questionnaire in one language, in the form the widget
//! reads fastest and with the least code.
//!
//! A visitor's browser never needs to validate the built-in questionnaire
//! (the build proves it valid) nor read JSON with line and column errors:
//! it reads a pack, fields in a fixed order separated by U+001F, numbers as
//! the 16 hex digits of their IEEE-754 bits (exact, and no float parser).
//! A marketer's own file is validated first, by the validator module in
//! the browser or by `readiness` natively, which then writes the pack.
//!
//! ```text
//! RCP1␟id␟version␟lang␟title␟intro␟minutes␟levels␟{id␟min␟name␟description}…
//!     ␟factors␟{id␟weight␟name␟short␟description␟questions
//!         ␟{id␟weight␟title␟prompt␟help␟na␟{score␟text␟advice}×5}…}…
//!     ␟caps␟{a␟id␟question␟below␟maxLevel␟reason | w␟id␟above␟reason}…
//!     ␟populations␟{id␟name␟count␟{overall band}×20␟{{factor band}×20}×factors}…␟.
//! ```
//!
//! The benchmarks are their populations: none, or everyone's (with an
//! empty id and the benchmarks' label as its name) followed by each
//! group's; factors in questionnaire order. Counts are decimal.
//! Optional texts and scores are empty fields; `na` is `0` or `1`;
//! `minutes` is [`Questionnaire::minutes`] in the pack's language, which
//! the widget shows without computing it ([`minutes`]).

use crate::lang::{Lang, Text};
use crate::questionnaire::{AnswerOption, Cap, Factor, Level, Question, Questionnaire, FORMAT_VERSION, SCALE};
#[cfg(feature = "benchmarks")]
use crate::questionnaire::{Benchmarks, Distributions, Group, BINS};

/// The first field of every pack: its format.
const MAGIC: &str = "RCP1";
/// The last field: a pack cut short anywhere lacks it.
const END: &str = ".";
/// Between fields. No questionnaire text needs it; the writer turns any
/// into a space.
const SEPARATOR: char = '\u{1f}';

impl Questionnaire {
    /// This questionnaire's pack in `lang` (or its first language). Only
    /// for a valid questionnaire: a pack is read without validation.
    pub fn pack(&self, lang: Lang) -> String {
        let lang = self.language(lang);
        let mut out = Writer {
            out: String::from(MAGIC),
            lang,
        };
        out.field(&self.id);
        out.field(&self.version);
        out.field(&lang.code());
        out.text(&self.title);
        out.text(&self.intro);
        out.count(self.minutes(lang) as usize);
        out.count(self.levels.len());
        for level in &self.levels {
            out.field(&level.id);
            out.number(level.min);
            out.text(&level.name);
            out.text(&level.description);
        }
        out.count(self.factors.len());
        for factor in &self.factors {
            out.field(&factor.id);
            out.number(factor.weight);
            out.text(&factor.name);
            out.optional_text(factor.short_name.as_ref());
            out.text(&factor.description);
            out.count(factor.questions.len());
            for question in &factor.questions {
                out.field(&question.id);
                out.number(question.weight);
                out.text(&question.title);
                out.text(&question.prompt);
                out.optional_text(question.help.as_ref());
                out.field(if question.allow_not_applicable { "1" } else { "0" });
                for option in &question.options {
                    match option.score {
                        Some(score) => out.number(score),
                        None => out.field(""),
                    }
                    out.text(&option.text);
                    out.optional_text(option.advice.as_ref());
                }
            }
        }
        out.count(self.caps.len());
        for cap in &self.caps {
            match cap {
                Cap::AnswerBelow {
                    id,
                    question,
                    below,
                    max_level,
                    reason,
                } => {
                    out.field("a");
                    out.field(id);
                    out.field(question);
                    out.count(usize::from(*below));
                    out.field(max_level);
                    out.text(reason);
                }
                Cap::WeakestFactor {
                    id,
                    max_levels_above,
                    reason,
                } => {
                    out.field("w");
                    out.field(id);
                    out.count(usize::from(*max_levels_above));
                    out.text(reason);
                }
            }
        }
        #[cfg(feature = "benchmarks")]
        match &self.benchmarks {
            Some(benchmarks) => {
                out.count(1 + benchmarks.groups.len());
                out.population(
                    self,
                    "",
                    &benchmarks.label,
                    benchmarks.count,
                    &benchmarks.overall,
                    &benchmarks.factors,
                );
                for g in &benchmarks.groups {
                    out.population(self, &g.id, &g.name, g.count, &g.overall, &g.factors);
                }
            }
            None => out.count(0),
        }
        // Without the feature there are none.
        #[cfg(not(feature = "benchmarks"))]
        out.count(0);
        out.field(END);
        out.out
    }

    /// Reads a pack that [`Questionnaire::pack`] wrote. `None` when it is
    /// not one, or is truncated or damaged: then nothing is shown but a
    /// load failure, never a wrong questionnaire or a panic.
    pub fn from_pack(pack: &str) -> Option<Questionnaire> {
        // The reader never stops early: a missing or malformed field reads
        // as empty and marks the pack damaged, checked once at the end.
        // (An early return per field costs the widget kilobytes of cleanup
        // code.) A file may end with a line break: the CLI prints one.
        let pack = pack.trim_ascii_end();
        let mut r = Reader {
            rest: pack.strip_prefix(MAGIC).unwrap_or(""),
            lang: Lang::EN,
            damaged: !pack.starts_with(MAGIC),
        };
        let id = r.string();
        let version = r.string();
        r.lang = Lang::from_code(r.field()).unwrap_or_else(|| {
            r.damaged = true;
            Lang::EN
        });
        let title = r.text();
        let intro = r.text();
        r.count();
        let mut levels = Vec::new();
        for _ in 0..r.count() {
            levels.push(Level {
                id: r.string(),
                min: r.number(0.0, 100.0),
                name: r.text(),
                description: r.text(),
            });
        }
        let mut factors = Vec::new();
        for _ in 0..r.count() {
            let mut factor = Factor {
                id: r.string(),
                weight: r.number(f64::MIN_POSITIVE, 1000.0),
                name: r.text(),
                short_name: r.optional_text(),
                description: r.text(),
                questions: Vec::new(),
            };
            for _ in 0..r.count() {
                let mut question = Question {
                    id: r.string(),
                    weight: r.number(f64::MIN_POSITIVE, 1000.0),
                    title: r.text(),
                    prompt: r.text(),
                    help: r.optional_text(),
                    allow_not_applicable: r.field() == "1",
                    options: Vec::new(),
                };
                for _ in 0..SCALE {
                    let score = match r.field() {
                        "" => None,
                        bits => Some(r.parse_number(bits, 0.0, 100.0)),
                    };
                    question.options.push(AnswerOption {
                        score,
                        text: r.text(),
                        advice: r.optional_text(),
                    });
                }
                factor.questions.push(question);
            }
            // Scoring divides by a factor's weights: never by none.
            r.damaged |= factor.questions.is_empty();
            factors.push(factor);
        }
        let mut caps = Vec::new();
        for _ in 0..r.count() {
            let rule = r.field();
            let id = r.string();
            caps.push(if rule == "a" {
                Cap::AnswerBelow {
                    id,
                    question: r.string(),
                    below: r.small(),
                    max_level: r.string(),
                    reason: r.text(),
                }
            } else {
                r.damaged |= rule != "w";
                Cap::WeakestFactor {
                    id,
                    max_levels_above: r.small(),
                    reason: r.text(),
                }
            });
        }
        #[cfg(feature = "benchmarks")]
        let benchmarks = r.benchmarks(&factors);
        #[cfg(not(feature = "benchmarks"))]
        r.skip_benchmarks();
        // Every score has a level; the whole pack was read, to its end.
        r.damaged |= levels.is_empty() || factors.is_empty() || r.field() != END || !r.rest.is_empty();
        (!r.damaged).then(|| Questionnaire {
            format_version: FORMAT_VERSION,
            id,
            version,
            languages: vec![r.lang],
            title,
            intro,
            levels,
            factors,
            caps,
            #[cfg(feature = "benchmarks")]
            benchmarks,
        })
    }
}

/// `text` cut at its first `separator` (an ASCII byte): the part before,
/// and the rest after it if there was one. Packs, the widget's label files
/// and its messages are all read with it: one byte search, shared (not
/// `str::split`, whose pattern code weighs kilobytes in the widget).
#[inline(never)]
pub fn cut(text: &str, separator: u8) -> (&str, Option<&str>) {
    match text.bytes().position(|b| b == separator) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    }
}

/// The minutes to answer that a pack names, if it is one: what the widget
/// shows in its intro, read without the estimate's code.
pub fn minutes(pack: &str) -> Option<u32> {
    // The field after MAGIC, id, version, lang, title and intro.
    let mut r = Reader {
        rest: pack.strip_prefix(MAGIC)?,
        lang: Lang::EN,
        damaged: false,
    };
    for _ in 0..5 {
        r.field();
    }
    let minutes = r.count();
    (!r.damaged).then_some(minutes as u32)
}

struct Writer {
    out: String,
    lang: Lang,
}

impl Writer {
    fn field(&mut self, value: &str) {
        self.out.push(SEPARATOR);
        for c in value.chars() {
            self.out.push(if c == SEPARATOR { ' ' } else { c });
        }
    }

    fn text(&mut self, text: &Text) {
        self.field(text.get(self.lang));
    }

    fn optional_text(&mut self, text: Option<&Text>) {
        self.field(text.map_or("", |text| text.get(self.lang)));
    }

    fn count(&mut self, n: usize) {
        self.field(&crate::decimal(n as i64));
    }

    /// One population of the benchmarks (see the module's comment).
    #[cfg(feature = "benchmarks")]
    fn population(
        &mut self,
        q: &Questionnaire,
        id: &str,
        name: &Text,
        count: u32,
        overall: &[u32],
        factors: &Distributions,
    ) {
        self.field(id);
        self.text(name);
        self.count(count as usize);
        let factors = q.factors.iter().map(|factor| factors.get(&factor.id).unwrap_or(&[]));
        for bins in std::iter::once(overall).chain(factors) {
            for &n in bins {
                self.count(n as usize);
            }
        }
    }

    fn number(&mut self, n: f64) {
        let bits = n.to_bits();
        let mut hex = String::with_capacity(16);
        for shift in (0..16).rev() {
            hex.push(char::from(b"0123456789abcdef"[(bits >> (shift * 4)) as usize & 15]));
        }
        self.field(&hex);
    }
}

struct Reader<'p> {
    /// What is left: a separator and the fields after it, or nothing.
    rest: &'p str,
    lang: Lang,
    /// Whether anything read so far was missing or malformed.
    damaged: bool,
}

impl<'p> Reader<'p> {
    /// The next field (every one after the magic starts with a separator),
    /// or "" and damaged at the end.
    fn field(&mut self) -> &'p str {
        let Some(rest) = self.rest.strip_prefix(SEPARATOR) else {
            self.damaged = true;
            return "";
        };
        let (field, _) = cut(rest, SEPARATOR as u8);
        // The separator stays at the front of what is left.
        self.rest = &rest[field.len()..];
        field
    }

    fn string(&mut self) -> String {
        self.field().to_owned()
    }

    fn text(&mut self) -> Text {
        Text::one(self.lang, self.string())
    }

    fn optional_text(&mut self) -> Option<Text> {
        let field = self.field();
        (!field.is_empty()).then(|| Text::one(self.lang, field.to_owned()))
    }

    /// The benchmarks' populations: everyone's first (its name the label),
    /// then each group's.
    #[cfg(feature = "benchmarks")]
    fn benchmarks(&mut self, factors: &[Factor]) -> Option<Benchmarks> {
        let mut groups = Vec::new();
        for _ in 0..self.count() {
            // A count that the pack does not hold (a damaged one) would
            // otherwise allocate for a million groups of nothing: found by
            // fuzzing, as slowness.
            if self.damaged {
                break;
            }
            let mut group = Group {
                id: self.string(),
                name: self.text(),
                count: self.whole(9) as u32,
                overall: Vec::new(),
                factors: Distributions::default(),
            };
            for f in 0..=factors.len() {
                let mut bins = Vec::new();
                for _ in 0..BINS {
                    bins.push(self.whole(9) as u32);
                }
                match factors.get(f.wrapping_sub(1)) {
                    Some(factor) => group.factors.0.push((factor.id.clone(), bins)),
                    None => group.overall = bins,
                }
            }
            groups.push(group);
        }
        (!groups.is_empty()).then(|| {
            let everyone = groups.remove(0);
            Benchmarks {
                label: everyone.name,
                count: everyone.count,
                overall: everyone.overall,
                factors: everyone.factors,
                groups,
            }
        })
    }

    /// A build without benchmarks (the widget's) passes over them: a pack
    /// that has them reads as one that has none.
    #[cfg(not(feature = "benchmarks"))]
    fn skip_benchmarks(&mut self) {
        if self.count() > 0 {
            // To the last field, the end mark.
            let last = self.rest.bytes().rposition(|b| b == SEPARATOR as u8).unwrap_or(0);
            self.rest = &self.rest[last..];
        }
    }

    /// A count of up to six digits; more would be damage, not content
    /// (and a loop over it could run for long).
    fn count(&mut self) -> usize {
        self.whole(6)
    }

    /// A whole number of up to `digits` digits (at most 9: a count of
    /// responses).
    #[inline(always)]
    fn whole(&mut self, digits: usize) -> usize {
        let field = self.field();
        let mut n: usize = 0;
        self.damaged |= field.is_empty() || field.len() > digits;
        for b in field.bytes() {
            self.damaged |= !b.is_ascii_digit();
            n = n.wrapping_mul(10).wrapping_add(usize::from(b.wrapping_sub(b'0')));
        }
        if self.damaged {
            0
        } else {
            n
        }
    }

    fn small(&mut self) -> u8 {
        let n = self.count();
        self.damaged |= n > usize::from(u8::MAX);
        n as u8
    }

    /// A number from `low` to `high`: the ranges validation guarantees, so
    /// that a damaged pack cannot feed scoring a weight or score it would
    /// overflow on.
    fn number(&mut self, low: f64, high: f64) -> f64 {
        let field = self.field();
        self.parse_number(field, low, high)
    }

    fn parse_number(&mut self, hex: &str, low: f64, high: f64) -> f64 {
        match number(hex) {
            Some(n) if (low..=high).contains(&n) => n,
            _ => {
                self.damaged = true;
                low
            }
        }
    }
}

/// A number from the 16 hex digits of its bits; only finite ones.
fn number(hex: &str) -> Option<f64> {
    if hex.len() != 16 {
        return None;
    }
    let mut bits: u64 = 0;
    for b in hex.bytes() {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        bits = bits << 4 | u64::from(digit);
    }
    Some(f64::from_bits(bits)).filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_reads_back_as_the_questionnaire_in_its_language() {
        let q = Questionnaire::builtin();
        for &lang in &q.languages {
            let pack = q.pack(lang);
            // (Not assert_eq!: a mismatch would print two questionnaires.)
            assert!(
                Questionnaire::from_pack(&pack).as_ref() == Some(&q.only(lang)),
                "{lang}"
            );
        }
    }

    #[cfg(feature = "benchmarks")]
    #[test]
    fn benchmarks_travel_in_the_pack() {
        let text = include_str!("../../tests/questionnaires/benchmarked.json");
        let q = Questionnaire::from_json(text).unwrap();
        assert!(!q.benchmarks.as_ref().unwrap().groups.is_empty());
        for &lang in &q.languages {
            let pack = q.pack(lang);
            assert!(
                Questionnaire::from_pack(&pack).as_ref() == Some(&q.only(lang)),
                "{lang}"
            );
        }
    }

    /// Found by fuzzing, as slowness: a pack that claimed a million
    /// groups it did not hold was read group by group (and allocated for)
    /// before it was refused; reading now stops at the first damage.
    #[cfg(feature = "benchmarks")]
    #[test]
    fn a_pack_that_claims_groups_it_lacks_is_refused() {
        let pack = Questionnaire::builtin().pack(Lang::EN);
        let claims = pack.replacen("\u{1f}0\u{1f}.", "\u{1f}999999\u{1f}.", 1);
        assert_ne!(claims, pack);
        assert!(Questionnaire::from_pack(&claims).is_none());
    }

    #[test]
    fn a_damaged_pack_is_refused() {
        let pack = Questionnaire::builtin().pack(Lang::EN);
        for cut in [0, 4, 5, pack.len() / 2, pack.len() - 1] {
            let mut end = cut;
            while !pack.is_char_boundary(end) {
                end -= 1;
            }
            assert!(Questionnaire::from_pack(&pack[..end]).is_none(), "cut at {cut}");
        }
        assert!(
            Questionnaire::from_pack(&[&pack, "\u{1f}x"].concat()).is_none(),
            "trailing field"
        );
        assert!(Questionnaire::from_pack("{\"formatVersion\": 2}").is_none(), "JSON");
    }

    /// Found by fuzzing: a pack whose option score was far out of range
    /// read, and scoring it overflowed. Numbers outside what validation
    /// allows make a pack damaged.
    #[test]
    fn a_pack_with_numbers_out_of_range_is_refused() {
        let q = Questionnaire::builtin();
        let pack = q.pack(Lang::EN);
        let weight = "3ff0000000000000"; // 1.0, the first question's weight
        let huge = "7fe0000000000000"; // about 9e307
        assert!(pack.contains(weight));
        let bad = pack.replacen(weight, huge, 1);
        assert!(Questionnaire::from_pack(&bad).is_none());
    }

    #[test]
    fn a_pack_names_the_minutes_to_answer() {
        let q = Questionnaire::builtin();
        for &lang in &q.languages {
            assert_eq!(minutes(&q.pack(lang)), Some(q.minutes(lang)), "{lang}");
        }
        assert_eq!(minutes("{}"), None);
    }

    #[test]
    fn numbers_round_trip_exactly() {
        for n in [0.0, 1.0, 1.5, 2.5, 0.1, 33.333333333333336, 1000.0] {
            let mut writer = Writer {
                out: String::new(),
                lang: Lang::EN,
            };
            writer.number(n);
            assert_eq!(number(&writer.out[1..]), Some(n));
        }
        assert_eq!(number("7ff0000000000000"), None, "infinity");
        assert_eq!(number("0x00000000000000"), None);
    }
}
