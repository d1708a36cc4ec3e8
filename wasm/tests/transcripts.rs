//! Transcripts of the widget: the messages the loader sends, in order, and
//! after each the effects `Widget::on` returns, as data files in
//! `tests/transcripts/` (one scenario each; the format is described in
//! `tests/transcripts/README.md`). They run natively, in milliseconds, with
//! no browser: the browser suite (`tests/e2e/`) stays for what only a
//! browser shows (focus, events, layout, accessibility).
//!
//! `UPDATE_EXPECT=1 cargo test -p readiness-wasm --test transcripts`
//! rewrites every expectation from what the widget returns now: review the
//! diff.
#![cfg(all(not(target_arch = "wasm32"), feature = "widget"))]
// Test code, not the widget's path: the size rules (docs/size.md) do not apply.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods, clippy::disallowed_types)]

use std::path::{Path, PathBuf};

use readiness_core::{Lang, Questionnaire};
use readiness_wasm::Widget;

/// One test per file: a scenario added to `tests/transcripts/` must be
/// named here too (`every_transcript_runs` checks).
macro_rules! transcripts {
    ($($name:ident => $file:literal,)*) => {
        const NAMES: &[&str] = &[$($file),*];
        $(
            #[test]
            fn $name() {
                check($file);
            }
        )*
    };
}

transcripts! {
    start => "start",
    answer => "answer",
    back_and_next => "back-and-next",
    validation => "validation",
    results => "results",
    language_switch => "language-switch",
    restore => "restore",
    restore_tampered => "restore-tampered",
    restore_other_version => "restore-other-version",
    share => "share",
    share_link => "share-link",
    share_code_tampered => "share-code-tampered",
    start_over => "start-over",
    storage => "storage",
    invalid => "invalid",
    damaged_pack => "damaged-pack",
    failed => "failed",
    failed_language_switch => "failed-language-switch",
    unknown_kind => "unknown-kind",
    unknown_action => "unknown-action",
    malformed => "malformed",
    another_questionnaire => "another-questionnaire",
    go => "go",
    third_language => "third-language",
    draft_fixed => "draft-fixed",
    benchmark => "benchmark",
    change_since_last_time => "change-since-last-time",
}

#[test]
fn every_transcript_runs() {
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/transcripts exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut named: Vec<String> = NAMES.iter().map(|name| name.to_string()).collect();
    named.sort();
    assert_eq!(
        files, named,
        "each tests/transcripts/*.txt needs its line in `transcripts!`"
    );
}

/// Every button a view draws (its `data-action`) is clicked in some
/// transcript: a new button comes with a scenario.
#[test]
fn every_drawn_action_is_clicked() {
    let (mut drawn, mut clicked) = (Vec::new(), Vec::new());
    for name in NAMES {
        let path = dir().join(format!("{name}.txt"));
        let transcript = parse(&path, &std::fs::read_to_string(&path).expect("readable"));
        for step in &transcript.steps {
            if step.fields.first().is_some_and(|kind| kind == "action") {
                clicked.extend(step.fields.get(1).cloned());
            }
            let mut rest = step.expect.as_str();
            while let Some(at) = rest.find("\"data-action\": \"") {
                rest = &rest[at + 16..];
                drawn.push(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
    }
    drawn.sort();
    drawn.dedup();
    assert!(drawn.len() >= 8, "the transcripts draw every button: {drawn:?}");
    let never: Vec<&String> = drawn.iter().filter(|action| !clicked.contains(action)).collect();
    assert!(never.is_empty(), "drawn but never clicked in a transcript: {never:?}");
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts")
}

/// A questionnaire by name: `builtin`, or a file in `tests/questionnaires/`.
fn questionnaire(name: &str) -> Questionnaire {
    if name == "builtin" {
        return Questionnaire::builtin().clone();
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/questionnaires")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Questionnaire::from_json(&text).unwrap_or_else(|problems| panic!("{}: {problems:?}", path.display()))
}

/// A transcript file: header lines, then steps.
struct Transcript {
    /// Comments and settings before the first message, as written.
    header: Vec<String>,
    questionnaire: Option<String>,
    /// The arguments of `Widget::new`: lang, storage, storage scope.
    new: (String, bool, String),
    steps: Vec<Step>,
}

struct Step {
    /// Comment lines before the message, as written.
    comments: Vec<String>,
    /// The message line, as written (`> [...]`).
    line: String,
    fields: Vec<String>,
    /// The expected effects, pretty-printed (empty: none written yet).
    expect: String,
}

fn parse(path: &Path, text: &str) -> Transcript {
    let mut transcript = Transcript {
        header: Vec::new(),
        questionnaire: None,
        new: ("en".to_owned(), false, String::new()),
        steps: Vec::new(),
    };
    let mut comments = Vec::new();
    let mut in_expect = false;
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), number + 1);
        if let Some(message) = line.strip_prefix("> ") {
            let fields: Vec<String> = serde_json::from_str(message)
                .unwrap_or_else(|e| panic!("{}: a message is a JSON array of strings: {e}", at()));
            transcript.steps.push(Step {
                comments: std::mem::take(&mut comments),
                line: line.to_owned(),
                fields,
                expect: String::new(),
            });
            in_expect = true;
        } else if line.starts_with('#') || (!in_expect && line.trim().is_empty()) {
            if transcript.steps.is_empty() {
                transcript.header.push(line.to_owned());
            } else {
                in_expect = false;
                comments.push(line.to_owned());
            }
        } else if in_expect {
            let step = transcript.steps.last_mut().unwrap();
            step.expect.push_str(line);
            step.expect.push('\n');
        } else if let Some(name) = line.strip_prefix("questionnaire: ") {
            transcript.header.push(line.to_owned());
            transcript.questionnaire = Some(name.trim().to_owned());
        } else if let Some(args) = line.strip_prefix("new: ") {
            transcript.header.push(line.to_owned());
            let (lang, storage, scope): (String, bool, String) =
                serde_json::from_str(args).unwrap_or_else(|e| panic!("{}: `new: [lang, storage, scope]`: {e}", at()));
            transcript.new = (lang, storage, scope);
        } else {
            panic!(
                "{}: expected `# comment`, `questionnaire: name`, `new: [...]` or `> [message]`",
                at()
            );
        }
    }
    for step in &mut transcript.steps {
        step.expect = step.expect.trim_end().to_owned();
    }
    transcript
}

/// The message text for `fields`: joined by line breaks, as the loader
/// does, with `<pack>` (or `<pack cut N>`, its first N bytes) replaced by
/// the transcript's questionnaire as a pack in the language of field 1
/// (`<pack of NAME>`: another questionnaire's), and
/// `<labels>` by the widget's label file in that language as the build
/// ships it (`wasm/labels/`).
fn message(transcript: &Transcript, fields: &[String], cache: &mut Option<Questionnaire>) -> String {
    let mut out = Vec::new();
    for field in fields {
        if field == "<labels>" {
            out.push(labels(fields.get(1).map_or("en", String::as_str)).join("\u{1f}"));
            continue;
        }
        match field.strip_prefix("<pack").and_then(|rest| rest.strip_suffix('>')) {
            Some(rest) if rest.starts_with(" of ") => {
                let lang = Lang::from_tag(fields.get(1).map_or("en", String::as_str)).unwrap_or(Lang::EN);
                out.push(questionnaire(rest[" of ".len()..].trim()).pack(lang));
            }
            Some(rest) => {
                let q = cache.get_or_insert_with(|| {
                    questionnaire(
                        transcript
                            .questionnaire
                            .as_deref()
                            .expect("`questionnaire:` before `<pack>`"),
                    )
                });
                let lang = Lang::from_tag(fields.get(1).map_or("en", String::as_str)).unwrap_or(Lang::EN);
                let mut pack = q.pack(lang);
                if let Some(cut) = rest.trim().strip_prefix("cut ") {
                    let mut cut: usize = cut.trim().parse().expect("`<pack cut N>`: N bytes");
                    while !pack.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    pack.truncate(cut);
                }
                out.push(pack);
            }
            None => out.push(field.clone()),
        }
    }
    out.join("\n")
}

/// The widget's words in `lang` as the loader sends them with a pack: the
/// texts of `wasm/labels/<lang>.txt` without their names, separated by
/// U+001F. A language the product does not ship reads its labels from a
/// test table, `wasm/tests/labels/<lang>.txt`: adding a language is data.
fn labels(lang: &str) -> Vec<String> {
    let code = Lang::from_tag(lang).map_or_else(|| "en".to_owned(), Lang::code);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = [root.join("labels"), root.join("tests/labels")]
        .into_iter()
        .map(|dir| dir.join(format!("{code}.txt")))
        .find(|path| path.exists())
        .unwrap_or_else(|| panic!("no label file for `{code}` in wasm/labels/ or wasm/tests/labels/"));
    let source = std::fs::read_to_string(&path).unwrap();
    source
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split_once(": ").expect("name: text").1.to_owned())
        .collect()
}

fn check(name: &str) {
    let path = dir().join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut transcript = parse(&path, &text);
    assert!(!transcript.steps.is_empty(), "{}: no messages", path.display());
    let (lang, storage, scope) = &transcript.new;
    let early = labels(lang)[..readiness_wasm::EARLY_LABELS].join("\u{1f}").leak();
    let mut widget = Widget::new(lang, *storage, scope, early);
    let mut cache = None;
    let mut actuals = Vec::new();
    for step in &transcript.steps {
        let effects = widget.on(&message(&transcript, &step.fields, &mut cache));
        // Valid JSON, an array: what the loader's `JSON.parse` needs.
        let value: serde_json::Value = serde_json::from_str(&effects).unwrap_or_else(|e| {
            panic!(
                "{}: `{}` returned invalid JSON: {e}\n{effects}",
                path.display(),
                step.line
            )
        });
        assert!(value.is_array(), "{}: effects are an array", path.display());
        actuals.push(pretty(&effects));
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        for (step, actual) in transcript.steps.iter_mut().zip(actuals) {
            step.expect = actual;
        }
        std::fs::write(&path, write(&transcript)).expect("writable");
        return;
    }
    for (i, (step, actual)) in transcript.steps.iter().zip(&actuals).enumerate() {
        if step.expect != *actual {
            panic!(
                "{}: step {} `{}`: the effects differ (UPDATE_EXPECT=1 to accept, then review the diff)\n{}",
                path.display(),
                i + 1,
                step.line,
                diff(&step.expect, actual)
            );
        }
    }
}

fn write(transcript: &Transcript) -> String {
    let mut out = String::new();
    for line in &transcript.header {
        out.push_str(line);
        out.push('\n');
    }
    for step in &transcript.steps {
        for line in &step.comments {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&step.line);
        out.push('\n');
        out.push_str(&step.expect);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The lines that differ (between the common start and the common end),
/// with a little context.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let shorter = e.len().min(a.len());
    let start = e.iter().zip(&a).position(|(x, y)| x != y).unwrap_or(shorter);
    let end = (0..shorter - start)
        .find(|&i| e[e.len() - 1 - i] != a[a.len() - 1 - i])
        .unwrap_or(shorter - start);
    let mut out = String::new();
    for line in &e[start.saturating_sub(3)..start] {
        out.push_str(&format!("  {line}\n"));
    }
    for (sign, lines) in [("-", &e), ("+", &a)] {
        let changed = &lines[start..lines.len() - end];
        for line in changed.iter().take(20) {
            out.push_str(&format!("{sign} {line}\n"));
        }
        if changed.len() > 20 {
            out.push_str(&format!("{sign} … {} more lines\n", changed.len() - 20));
        }
    }
    for line in e[e.len() - end..].iter().take(3) {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// A JSON value as written, keys in their order and strings as escaped.
enum Json {
    Scalar(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// The effects re-indented: a value on one line when it fits in 100
/// columns, else one item per line. Strings, numbers and key order stay as
/// the widget wrote them, so equal text means equal effects.
fn pretty(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut at = 0;
    let value = read(bytes, &mut at);
    assert_eq!(at, bytes.len(), "one JSON value");
    let mut out = String::new();
    layout(&value, 0, &mut out);
    out
}

fn skip_space(bytes: &[u8], at: &mut usize) {
    while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
        *at += 1;
    }
}

fn read(bytes: &[u8], at: &mut usize) -> Json {
    skip_space(bytes, at);
    let value = match bytes[*at] {
        b'[' => {
            *at += 1;
            let mut items = Vec::new();
            loop {
                skip_space(bytes, at);
                if bytes[*at] == b']' {
                    *at += 1;
                    break;
                }
                items.push(read(bytes, at));
                skip_space(bytes, at);
                if bytes[*at] == b',' {
                    *at += 1;
                }
            }
            Json::Array(items)
        }
        b'{' => {
            *at += 1;
            let mut fields = Vec::new();
            loop {
                skip_space(bytes, at);
                if bytes[*at] == b'}' {
                    *at += 1;
                    break;
                }
                let Json::Scalar(key) = read(bytes, at) else {
                    panic!("a key")
                };
                skip_space(bytes, at);
                assert_eq!(bytes[*at], b':');
                *at += 1;
                fields.push((key, read(bytes, at)));
                skip_space(bytes, at);
                if bytes[*at] == b',' {
                    *at += 1;
                }
            }
            Json::Object(fields)
        }
        b'"' => {
            let start = *at;
            *at += 1;
            while bytes[*at] != b'"' {
                *at += if bytes[*at] == b'\\' { 2 } else { 1 };
            }
            *at += 1;
            Json::Scalar(String::from_utf8(bytes[start..*at].to_vec()).unwrap())
        }
        _ => {
            let start = *at;
            while *at < bytes.len() && !b",]} \n".contains(&bytes[*at]) {
                *at += 1;
            }
            Json::Scalar(String::from_utf8(bytes[start..*at].to_vec()).unwrap())
        }
    };
    skip_space(bytes, at);
    value
}

fn inline(value: &Json) -> String {
    match value {
        Json::Scalar(text) => text.clone(),
        Json::Array(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            ["[", &items.join(", "), "]"].concat()
        }
        Json::Object(fields) => {
            let fields: Vec<String> = fields.iter().map(|(k, v)| [k, ": ", &inline(v)].concat()).collect();
            ["{", &fields.join(", "), "}"].concat()
        }
    }
}

const WIDTH: usize = 100;

fn layout(value: &Json, indent: usize, out: &mut String) {
    let one_line = inline(value);
    let column = out.len() - out.rfind('\n').map_or(0, |at| at + 1);
    if column + one_line.chars().count() <= WIDTH.max(indent + 20) {
        out.push_str(&one_line);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match value {
        Json::Scalar(text) => out.push_str(text),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                layout(item, indent + 2, out);
                if i + 1 < items.len() {
                    out.push(',');
                }
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        Json::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                out.push_str(key);
                out.push_str(": ");
                layout(item, indent + 2, out);
                if i + 1 < fields.len() {
                    out.push(',');
                }
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}
