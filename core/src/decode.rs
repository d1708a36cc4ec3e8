//! Reading a questionnaire from JSON: types, required fields, unknown fields
//! and translations. The rules between values (unique ids, thresholds,
//! references) are in `validate.rs`.

use crate::json::Value;
use crate::lang::{Lang, Text};
use crate::problem::{decimal, field_path, index_path, suggest, Fields, Reader};
use crate::questionnaire::{AnswerOption, Cap, Factor, Level, Question, Questionnaire, FORMAT_VERSION, SCALE};
#[cfg(feature = "benchmarks")]
use crate::questionnaire::{Benchmarks, Distributions, Group};

/// Decodes what it can, reporting every problem on the way; the result is
/// only trusted when `reader.problems` stays empty.
pub(crate) fn questionnaire(reader: &mut Reader, value: &Value) -> Questionnaire {
    const FIELDS: [&str; 10] = [
        "formatVersion",
        "id",
        "version",
        "languages",
        "title",
        "intro",
        "levels",
        "factors",
        "caps",
        "benchmarks",
    ];
    let mut q = Questionnaire {
        format_version: 0,
        id: String::new(),
        version: String::new(),
        languages: Vec::new(),
        title: Text::default(),
        intro: Text::default(),
        levels: Vec::new(),
        factors: Vec::new(),
        caps: Vec::new(),
        #[cfg(feature = "benchmarks")]
        benchmarks: None,
    };
    let Some(fields) = reader.object(value, "", &FIELDS) else {
        return q;
    };
    // The version read decides the shape of questions; the questionnaire
    // read is always the current version's (see `FORMAT_VERSION`).
    let mut version = FORMAT_VERSION;
    if let Some(value) = reader.required(fields, "", "formatVersion") {
        // A value that is not a small whole number is reported by small_int.
        if let Some(given) = reader.small_int(value, "formatVersion", 0, u8::MAX) {
            version = u32::from(given);
            if version != 1 && version != FORMAT_VERSION {
                let current = decimal(FORMAT_VERSION.into());
                reader.report(
                    "formatVersion",
                    ["format version ", &decimal(given.into()), " is not supported"].concat(),
                    [
                        "this software reads format versions 1 to ",
                        &current,
                        "; set \"formatVersion\": ",
                        &current,
                        " or upgrade the software",
                    ]
                    .concat(),
                );
                // Unknown: read either shape, reporting only the version.
                version = 0;
            }
        }
    }
    q.format_version = FORMAT_VERSION;
    q.id = reader.required_string(fields, "", "id");
    q.version = reader.required_string(fields, "", "version");
    q.languages = languages(reader, fields);
    let mut ctx = Context {
        reader,
        languages: &q.languages,
        version,
    };
    q.title = ctx.required_text(fields, "", "title");
    q.intro = ctx.required_text(fields, "", "intro");
    q.levels = ctx.list(fields, "", "levels", level);
    q.factors = ctx.list(fields, "", "factors", factor);
    if let Some(value) = fields.get("caps") {
        let items = ctx.reader.array(value, "caps");
        for (i, item) in items.iter().enumerate() {
            if let Some(cap) = cap(&mut ctx, item, &index_path("caps", i)) {
                q.caps.push(cap);
            }
        }
    }
    // Without the feature (the widget's build) the section is accepted and
    // left out: its questionnaire still works, with no comparisons.
    #[cfg(feature = "benchmarks")]
    {
        q.benchmarks = fields.get("benchmarks").and_then(|value| benchmarks(&mut ctx, value));
    }
    q
}

fn languages(reader: &mut Reader, fields: Fields<'_>) -> Vec<Lang> {
    let Some(value) = reader.required(fields, "", "languages") else {
        return Vec::new();
    };
    let mut languages = Vec::new();
    for (i, item) in reader.array(value, "languages").iter().enumerate() {
        let path = index_path("languages", i);
        let Some(code) = reader.string(item, &path) else {
            continue;
        };
        match Lang::from_code(&code) {
            Some(lang) if languages.contains(&lang) => {
                reader.report(
                    &path,
                    ["language `", &code, "` is listed twice"].concat(),
                    "list each language once",
                );
            }
            Some(lang) => languages.push(lang),
            None => reader.report(
                &path,
                ["`", &code, "` is not a language code"].concat(),
                "write the language's ISO 639-1 code, two lowercase letters, e.g. \"id\" or \"en\"",
            ),
        }
    }
    if languages.is_empty() {
        reader.report(
            "languages",
            "no language is declared",
            "list at least one language, e.g. [\"id\", \"en\"]",
        );
    }
    languages
}

/// A reader that knows which languages every text must have, and which
/// format version it reads.
struct Context<'r> {
    reader: &'r mut Reader,
    languages: &'r [Lang],
    version: u32,
}

impl Context<'_> {
    /// A text: one string per declared language, kept in the order of
    /// `languages`.
    fn text(&mut self, value: &Value, path: &str) -> Text {
        let mut text = Text::default();
        let Value::Object(pairs) = value else {
            self.reader.object(value, path, &[]);
            return text;
        };
        for (key, value) in pairs {
            let lang = Lang::from_code(key);
            if lang.is_some_and(|lang| self.languages.contains(&lang)) {
                continue;
            }
            let at = field_path(path, key);
            let (message, hint) = match lang {
                Some(_) => (
                    ["text in `", key, "`, which `languages` does not declare"].concat(),
                    ["add \"", key, "\" to `languages`, or remove this text"].concat(),
                ),
                None => (
                    ["`", key, "` is not a language code"].concat(),
                    "write each text under the code of one of `languages`, e.g. \"en\"".to_owned(),
                ),
            };
            self.reader.report(&at, message, hint);
            // Checked for its type all the same.
            self.reader.string(value, &at);
        }
        for &lang in self.languages {
            let code = lang.code();
            let at = field_path(path, &code);
            let value = pairs.iter().find(|(key, _)| *key == code).map(|(_, value)| value);
            let given = value.and_then(|value| self.reader.string(value, &at));
            match &given {
                // Blank, as `trim().is_empty()`, without the trimming code.
                Some(s) if s.chars().all(char::is_whitespace) => self.reader.report(
                    &at,
                    ["the `", &code, "` text is empty"].concat(),
                    ["write the text in `", &code, "`"].concat(),
                ),
                None if value.is_none() => self.reader.report(
                    &at,
                    ["missing the `", &code, "` text"].concat(),
                    [
                        "add \"",
                        &code,
                        "\": \"…\": every text is written in each of `languages`",
                    ]
                    .concat(),
                ),
                _ => {}
            }
            if let Some(given) = given {
                text.push(lang, given);
            }
        }
        text
    }

    fn required_text(&mut self, fields: Fields<'_>, path: &str, key: &str) -> Text {
        match self.reader.required(fields, path, key) {
            Some(value) => self.text(value, &field_path(path, key)),
            None => Text::default(),
        }
    }

    fn weight(&mut self, fields: Fields<'_>, path: &str) -> f64 {
        match fields.get("weight") {
            Some(value) => self.reader.number(value, &field_path(path, "weight")).unwrap_or(1.0),
            None => 1.0,
        }
    }

    fn list<T>(
        &mut self,
        fields: Fields<'_>,
        path: &str,
        key: &str,
        item: fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let Some(value) = self.reader.required(fields, path, key) else {
            return Vec::new();
        };
        let at = field_path(path, key);
        let items = self.reader.array(value, &at);
        let mut list = Vec::new();
        for (i, value) in items.iter().enumerate() {
            if let Some(value) = item(self, value, &index_path(&at, i)) {
                list.push(value);
            }
        }
        list
    }
}

fn level(ctx: &mut Context<'_>, value: &Value, path: &str) -> Option<Level> {
    let fields = ctx.reader.object(value, path, &["id", "min", "name", "description"])?;
    Some(Level {
        id: ctx.reader.required_string(fields, path, "id"),
        min: ctx
            .reader
            .required(fields, path, "min")
            .and_then(|value| ctx.reader.number(value, &field_path(path, "min")))
            .unwrap_or(f64::NAN),
        name: ctx.required_text(fields, path, "name"),
        description: ctx.required_text(fields, path, "description"),
    })
}

fn factor(ctx: &mut Context<'_>, value: &Value, path: &str) -> Option<Factor> {
    let fields = ctx.reader.object(
        value,
        path,
        &["id", "weight", "name", "shortName", "description", "questions"],
    )?;
    Some(Factor {
        id: ctx.reader.required_string(fields, path, "id"),
        weight: ctx.weight(fields, path),
        name: ctx.required_text(fields, path, "name"),
        short_name: fields
            .get("shortName")
            .map(|value| ctx.text(value, &field_path(path, "shortName"))),
        description: ctx.required_text(fields, path, "description"),
        questions: ctx.list(fields, path, "questions", question),
    })
}

fn question(ctx: &mut Context<'_>, value: &Value, path: &str) -> Option<Question> {
    // `advice` is known in both versions so that a format-2 file that still
    // has it gets the message below rather than "unknown field".
    const FIELDS: [&str; 8] = [
        "id",
        "weight",
        "title",
        "prompt",
        "help",
        "options",
        "allowNotApplicable",
        "advice",
    ];
    let fields = ctx.reader.object(value, path, &FIELDS)?;
    let mut question = Question {
        id: ctx.reader.required_string(fields, path, "id"),
        weight: ctx.weight(fields, path),
        title: ctx.required_text(fields, path, "title"),
        prompt: ctx.required_text(fields, path, "prompt"),
        help: fields
            .get("help")
            .map(|value| ctx.text(value, &field_path(path, "help"))),
        options: ctx.list(fields, path, "options", option),
        allow_not_applicable: fields
            .get("allowNotApplicable")
            .and_then(|value| ctx.reader.boolean(value, &field_path(path, "allowNotApplicable")))
            .unwrap_or(false),
    };
    let at = field_path(path, "advice");
    let version = match ctx.version {
        0 if fields.get("advice").is_some() => 1,
        0 => 0,
        known => known,
    };
    if version == 1 {
        // Version 1 gave one text for answers 0 and 1 ("start") and one for
        // 2 and 3 ("improve"); each now serves the steps it covered.
        if let Some(value) = ctx.reader.required(fields, path, "advice") {
            if let Some(advice) = ctx.reader.object(value, &at, &["start", "improve"]) {
                let start = ctx.required_text(advice, &at, "start");
                let improve = ctx.required_text(advice, &at, "improve");
                for (i, option) in question.options.iter_mut().enumerate().take(SCALE - 1) {
                    option.advice = Some(if i < 2 { start.clone() } else { improve.clone() });
                }
            }
        }
    } else if version == FORMAT_VERSION && fields.get("advice").is_some() {
        // One problem for the question, not one per option as well.
        ctx.reader.report(
            &at,
            "a question-level `advice` is format version 1",
            "in format 2 each option below the top has its own \"advice\": the next step from that option; or set \"formatVersion\": 1",
        );
    } else if version == FORMAT_VERSION {
        let options = field_path(path, "options");
        for (i, option) in question.options.iter().enumerate() {
            let top = i == SCALE - 1;
            if top == option.advice.is_some() {
                let at = field_path(&index_path(&options, i), "advice");
                if top {
                    ctx.reader.report(
                        &at,
                        "the top option has no next step",
                        "remove this `advice`: an answer at the top is shown as a strength, with the option's text",
                    );
                } else {
                    ctx.reader.report(
                        &at,
                        "missing field `advice`",
                        "add \"advice\": the next step for an organisation at this option, towards the option above it",
                    );
                }
            }
        }
    }
    Some(question)
}

fn option(ctx: &mut Context<'_>, value: &Value, path: &str) -> Option<AnswerOption> {
    let known: &[&str] = if ctx.version == 1 {
        &["score", "text"]
    } else {
        &["score", "text", "advice"]
    };
    let fields = ctx.reader.object(value, path, known)?;
    Some(AnswerOption {
        score: fields
            .get("score")
            .and_then(|value| ctx.reader.number(value, &field_path(path, "score"))),
        text: ctx.required_text(fields, path, "text"),
        advice: match fields.get("advice") {
            Some(value) if ctx.version != 1 => Some(ctx.text(value, &field_path(path, "advice"))),
            _ => None,
        },
    })
}

fn cap(ctx: &mut Context<'_>, value: &Value, path: &str) -> Option<Cap> {
    const RULES: [&str; 2] = ["answerBelow", "weakestFactor"];
    let Value::Object(pairs) = value else {
        ctx.reader.object(value, path, &[]);
        return None;
    };
    let rule = pairs.iter().find(|(k, _)| k == "rule").map(|(_, v)| v);
    let rule_path = field_path(path, "rule");
    let rule = match rule {
        None => {
            ctx.reader.report(
                &rule_path,
                "missing field `rule`",
                "add \"rule\": \"answerBelow\" or \"weakestFactor\"",
            );
            return None;
        }
        Some(rule) => ctx.reader.string(rule, &rule_path)?,
    };
    match rule.as_str() {
        "answerBelow" => {
            let fields = ctx
                .reader
                .object(value, path, &["rule", "id", "question", "below", "maxLevel", "reason"])?;
            let below = ctx.reader.required(fields, path, "below");
            Some(Cap::AnswerBelow {
                id: ctx.reader.required_string(fields, path, "id"),
                question: ctx.reader.required_string(fields, path, "question"),
                below: below
                    .and_then(|value| ctx.reader.small_int(value, &field_path(path, "below"), 1, 4))
                    .unwrap_or(1),
                max_level: ctx.reader.required_string(fields, path, "maxLevel"),
                reason: ctx.required_text(fields, path, "reason"),
            })
        }
        "weakestFactor" => {
            let fields = ctx
                .reader
                .object(value, path, &["rule", "id", "maxLevelsAbove", "reason"])?;
            let above = ctx.reader.required(fields, path, "maxLevelsAbove");
            Some(Cap::WeakestFactor {
                id: ctx.reader.required_string(fields, path, "id"),
                max_levels_above: above
                    .and_then(|value| ctx.reader.small_int(value, &field_path(path, "maxLevelsAbove"), 0, 10))
                    .unwrap_or(0),
                reason: ctx.required_text(fields, path, "reason"),
            })
        }
        other => {
            ctx.reader.report(
                &rule_path,
                ["unknown rule `", other, "`"].concat(),
                suggest(other, &RULES),
            );
            None
        }
    }
}

#[cfg(feature = "benchmarks")]
fn benchmarks(ctx: &mut Context<'_>, value: &Value) -> Option<Benchmarks> {
    const PATH: &str = "benchmarks";
    let fields = ctx
        .reader
        .object(value, PATH, &["label", "count", "overall", "factors", "groups"])?;
    let label = ctx.required_text(fields, PATH, "label");
    let (count, overall, factors) = population(ctx.reader, fields, PATH);
    let mut groups = Vec::new();
    if let Some(value) = fields.get("groups") {
        let at = field_path(PATH, "groups");
        for (i, item) in ctx.reader.array(value, &at).iter().enumerate() {
            let path = index_path(&at, i);
            let Some(fields) = ctx
                .reader
                .object(item, &path, &["id", "name", "count", "overall", "factors"])
            else {
                continue;
            };
            let id = ctx.reader.required_string(fields, &path, "id");
            let name = ctx.required_text(fields, &path, "name");
            let (count, overall, factors) = population(ctx.reader, fields, &path);
            groups.push(Group {
                id,
                name,
                count,
                overall,
                factors,
            });
        }
    }
    Some(Benchmarks {
        label,
        count,
        overall,
        factors,
        groups,
    })
}

#[cfg(feature = "benchmarks")]
/// The fields everyone's benchmark and each group's share: `count`,
/// `overall` and `factors` (their rules are in `validate.rs`).
fn population(reader: &mut Reader, fields: Fields<'_>, path: &str) -> (u32, Vec<u32>, Distributions) {
    let count = reader
        .required(fields, path, "count")
        .and_then(|value| whole(reader, value, &field_path(path, "count")))
        .unwrap_or(0);
    let overall = reader
        .required(fields, path, "overall")
        .map(|value| bins(reader, value, &field_path(path, "overall")))
        .unwrap_or_default();
    let mut factors = Distributions::default();
    if let Some(value) = reader.required(fields, path, "factors") {
        let at = field_path(path, "factors");
        if let Value::Object(pairs) = value {
            for (id, value) in pairs {
                let bins = bins(reader, value, &field_path(&at, id));
                factors.0.push((id.clone(), bins));
            }
        } else {
            reader.object(value, &at, &[]);
        }
    }
    (count, overall, factors)
}

#[cfg(feature = "benchmarks")]
/// A distribution: a list of counts.
fn bins(reader: &mut Reader, value: &Value, path: &str) -> Vec<u32> {
    let items = reader.array(value, path);
    let mut bins = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        bins.push(whole(reader, item, &index_path(path, i)).unwrap_or(0));
    }
    bins
}

#[cfg(feature = "benchmarks")]
/// A count of responses: a whole number, 0 or more.
fn whole(reader: &mut Reader, value: &Value, path: &str) -> Option<u32> {
    let n = reader.number(value, path)?;
    if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        // Whole and in range, so the cast is exact.
        Some(n as u32)
    } else {
        reader.report(
            path,
            "expected a count of responses",
            "write a whole number, 0 or more, without quotes",
        );
        None
    }
}
