//! The widget's one entry point, `Widget::on`, fed arbitrary message
//! sequences from any state.
//!
//! Input layout (`fuzz/README.md` has examples):
//!
//! - byte 0, the setup: bits 0-1 the widget's language tag (`en`, `id`,
//!   `fr`, `in-ID`), bit 2 storage on, bit 3 a storage scope (`main`),
//!   bits 4-5 a questionnaire loaded first as the loader would (none, the
//!   built-in one, `tests/questionnaires/tiny.json`, the built-in one
//!   again), bit 6 that pack in Indonesian rather than English, bit 7 no
//!   `show` first. With storage on, the preload is followed by a
//!   `restored` of nothing, as the loader sends when nothing was saved.
//!   The loader's `load` message is `load\nlang\ncode\nlabels\npack`: the
//!   labels are the widget's words as the build ships them
//!   (`wasm/labels/*.txt` without the names, separated by U+001F).
//! - the rest, split at NUL bytes: one message each. A message whose first
//!   byte is below 0x80 is sent as it is (invalid UTF-8 replaced), e.g.
//!   `changed\naudience-online-habits\n3`. A first byte of 0x80 or more is
//!   an opcode (`byte & 0x7f`) and the bytes after it its argument:
//!   - `KINDS[op]`: that kind, a line break and the argument;
//!   - then one per action: `action\n<name>\n<argument as the page URL>`;
//!   - `ANSWER`: `changed` with question `arg[0]` (mod the question count)
//!     of the current questionnaire and answer `arg[1]` (one of 8 codes);
//!   - `FILL`: `changed` for every question, answer from `arg[0]`;
//!   - `LOAD`: a `load` of a built-in pack with the widget's labels in its
//!     language (`arg[0]`: bit 0 tiny, with bit 7 the tiny one with
//!     benchmarks (`tests/questionnaires/tiny-benchmarked.json`), bit 1 Indonesian, bit 2 a share
//!     code from `arg[2..]` as in [`code`], else `arg[2..]` as the code
//!     verbatim, bit 3 the pack cut at `arg[1]`/256 of its length, bit 4
//!     the load's language tag `fr`, bit 5 the labels of the other
//!     language, bit 6 the labels cut at `arg[1]`/256);
//!   - `INVALID`: `invalid` with the labels (`arg[0]` bit 0: Indonesian)
//!     and `arg[1..]` as the problems (`path␟message␟hint`, records
//!     separated by U+001E);
//!   - `RESTORED`, `FOLLOW`: a share code with a correct checksum for the
//!     current questionnaire (see [`code`]), as saved progress (and, dated,
//!     as the last result) or a link;
//!   - any other opcode: the bytes as they are.
//!
//! The current questionnaire (for `ANSWER`, `FILL` and the codes) is the
//! last one loaded with the preload or `LOAD`. An argument cannot hold a
//! NUL byte (it ends the message); a missing argument byte counts as 0.
//!
//! With `FUZZ_TRACE=1` in the environment, each message and the kinds of
//! the effects it returned (and any log line) go to stderr: run the binary
//! on one input to see what it does.
//!
//! Checks: nothing panics, and every return value is JSON: an array of
//! objects, each with a string `kind`.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use readiness_core::{share, Lang, Questionnaire};
use readiness_wasm::Widget;

/// The message kinds `message.rs` reads, and a few it must refuse.
const KINDS: &[&str] = &[
    "show", "load", "invalid", "failed", "restored", "lang", "storage", "follow", "copied", "changed",
    "action", "submit", "", "Show", "load ", "unknown", "compare",
];

/// The actions' names on the wire (`message.rs`), and one that is none.
const ACTIONS: &[&str] = &[
    "start",
    "resume",
    "start-over",
    "restart",
    "back",
    "retry",
    "print",
    "share",
    "forget",
    "jump",
];

/// Answer codes (`Answer::code`), and two that are none.
const CODES: &[&str] = &["0", "1", "2", "3", "4", "dont-know", "not-applicable", "5"];

const OP_ACTION: usize = KINDS.len();
const OP_ANSWER: usize = OP_ACTION + ACTIONS.len();
const OP_FILL: usize = OP_ANSWER + 1;
const OP_LOAD: usize = OP_FILL + 1;
const OP_RESTORED: usize = OP_LOAD + 1;
const OP_FOLLOW: usize = OP_RESTORED + 1;
const OP_INVALID: usize = OP_FOLLOW + 1;

/// At most this many calls per input, so that no input is slow.
const MAX_CALLS: usize = 128;

const TINY_JSON: &str = include_str!("../../tests/questionnaires/tiny.json");
const BENCHMARKED_JSON: &str = include_str!("../../tests/questionnaires/tiny-benchmarked.json");

fn tiny() -> &'static Questionnaire {
    static TINY: OnceLock<Questionnaire> = OnceLock::new();
    TINY.get_or_init(|| Questionnaire::from_json(TINY_JSON).expect("tiny.json is valid"))
}

fn benchmarked() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| Questionnaire::from_json(BENCHMARKED_JSON).expect("tiny-benchmarked.json is valid"))
}

/// The packs of the built-in, the tiny and the benchmarked tiny
/// questionnaire, in English and Indonesian:
/// `packs()[which as usize * 2 + indonesian as usize]` (see [`questionnaire`]).
fn packs() -> &'static [String; 6] {
    static PACKS: OnceLock<[String; 6]> = OnceLock::new();
    PACKS.get_or_init(|| {
        let builtin = Questionnaire::builtin();
        [
            builtin.pack(Lang::EN),
            builtin.pack(Lang::new("id")),
            tiny().pack(Lang::EN),
            tiny().pack(Lang::new("id")),
            benchmarked().pack(Lang::EN),
            benchmarked().pack(Lang::new("id")),
        ]
    })
}

/// The widget's words as `scripts/build-widget.sh` ships them: the texts
/// of `wasm/labels/<lang>.txt` without their names, separated by U+001F.
/// `labels()[indonesian as usize]`.
fn labels() -> &'static [String; 2] {
    static LABELS: OnceLock<[String; 2]> = OnceLock::new();
    LABELS.get_or_init(|| {
        let shipped = |source: &str| {
            source
                .lines()
                .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
                .map(|line| line.split_once(": ").expect("name: text").1)
                .collect::<Vec<_>>()
                .join("\u{1f}")
        };
        [
            shipped(include_str!("../../wasm/labels/en.txt")),
            shipped(include_str!("../../wasm/labels/id.txt")),
        ]
    })
}

/// The words the loader holds for before a label file arrives: the first
/// `EARLY_LABELS` of a label file (`early(indonesian)`).
fn early(indonesian: bool) -> &'static str {
    static EARLY: OnceLock<[String; 2]> = OnceLock::new();
    let early = EARLY.get_or_init(|| {
        labels().clone().map(|all| {
            let fields: Vec<&str> = all.split('\u{1f}').take(readiness_wasm::EARLY_LABELS).collect();
            fields.join("\u{1f}")
        })
    });
    &early[usize::from(indonesian)]
}

/// The first `fraction`/256 of `text`, at a character boundary.
fn cut(text: &str, fraction: u8) -> &str {
    let mut end = text.len() * usize::from(fraction) / 256;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// 0 the built-in questionnaire, 1 the tiny one, 2 the tiny one with benchmarks.
fn questionnaire(which: usize) -> &'static Questionnaire {
    match which {
        0 => Questionnaire::builtin(),
        1 => tiny(),
        _ => benchmarked(),
    }
}

struct Driver {
    widget: Widget,
    current: &'static Questionnaire,
    calls: usize,
}

impl Driver {
    fn send(&mut self, message: &str) {
        if self.calls >= MAX_CALLS {
            return;
        }
        self.calls += 1;
        let effects = self.widget.on(message);
        check(message, &effects);
    }

    /// A `load` as the loader sends it: `labels` in `labels_lang`
    /// (Indonesian or not), cut to `cut_labels`/256 if given; the pack of
    /// the built-in or tiny questionnaire, cut to `cut_pack`/256 if given.
    #[allow(clippy::too_many_arguments)]
    fn load(
        &mut self,
        which: usize,
        indonesian: bool,
        lang_tag: &str,
        code: &str,
        cut_pack: Option<u8>,
        labels_indonesian: bool,
        cut_labels: Option<u8>,
    ) {
        let pack = &packs()[which * 2 + usize::from(indonesian)];
        let pack = cut_pack.map_or(pack.as_str(), |fraction| cut(pack, fraction));
        let words = &labels()[usize::from(labels_indonesian)];
        let words = cut_labels.map_or(words.as_str(), |fraction| cut(words, fraction));
        if cut_pack.is_none() {
            self.current = questionnaire(which);
        }
        self.send(&["load\n", lang_tag, "\n", code, "\n", words, "\n", pack].concat());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&setup, rest)) = data.split_first() else {
        return;
    };
    let lang = ["en", "id", "fr", "in-ID"][usize::from(setup & 3)];
    let storage = setup & 4 != 0;
    let scope = if setup & 8 != 0 { "main" } else { "" };
    let mut driver = Driver {
        widget: Widget::new(lang, storage, scope, early(lang == "id")),
        current: Questionnaire::builtin(),
        calls: 0,
    };
    if setup & 0x80 == 0 {
        driver.send("show");
    }
    let indonesian = setup & 0x40 != 0;
    let pack_lang = if indonesian { "id" } else { "en" };
    match (setup >> 4) & 3 {
        0 => {}
        preload => {
            driver.load(usize::from(preload == 2), indonesian, pack_lang, "", None, indonesian, None);
            if storage {
                driver.send("restored\n2026-11-30\n\n");
            }
        }
    }

    for message in rest.split(|&b| b == 0) {
        if driver.calls >= MAX_CALLS {
            break;
        }
        let Some((&first, arg)) = message.split_first() else {
            driver.send("");
            continue;
        };
        if first < 0x80 {
            driver.send(&String::from_utf8_lossy(message));
            continue;
        }
        let op = usize::from(first & 0x7f);
        let text = String::from_utf8_lossy(arg);
        let byte = |i: usize| arg.get(i).copied().unwrap_or(0);
        match op {
            _ if op < KINDS.len() => {
                if arg.is_empty() {
                    driver.send(KINDS[op]);
                } else {
                    driver.send(&[KINDS[op], "\n", &text].concat());
                }
            }
            _ if op < OP_ANSWER => {
                driver.send(&["action\n", ACTIONS[op - OP_ACTION], "\n", &text].concat());
            }
            OP_ANSWER => {
                let q = driver.current;
                let count = q.questions().count();
                let (_, question) = q.questions().nth(usize::from(byte(0)) % count).expect("in range");
                let code = CODES[usize::from(byte(1)) % CODES.len()];
                driver.send(&["changed\n", &question.id, "\n", code].concat());
            }
            OP_FILL => {
                let q = driver.current;
                let code = CODES[usize::from(byte(0)) % CODES.len()];
                for (_, question) in q.questions() {
                    driver.send(&["changed\n", &question.id, "\n", code].concat());
                }
            }
            OP_LOAD => {
                let flags = byte(0);
                let which = match flags & 0x81 {
                    0 | 0x80 => 0,
                    1 => 1,
                    _ => 2,
                };
                let code_bytes = arg.get(2..).unwrap_or(&[]);
                let code_text = if flags & 4 != 0 {
                    code(questionnaire(which), code_bytes)
                } else {
                    String::from_utf8_lossy(code_bytes).into_owned()
                };
                let cut_pack = (flags & 8 != 0).then(|| byte(1));
                let cut_labels = (flags & 64 != 0).then(|| byte(1));
                let tag = if flags & 16 != 0 {
                    "fr"
                } else if flags & 2 != 0 {
                    "id"
                } else {
                    "en"
                };
                let indonesian = flags & 2 != 0;
                let labels_indonesian = indonesian != (flags & 32 != 0);
                driver.load(which, indonesian, tag, &code_text, cut_pack, labels_indonesian, cut_labels);
            }
            OP_RESTORED => {
                // Saved progress, and the same answers as the last result,
                // kept on an earlier date.
                let code = code(driver.current, arg);
                driver.send(&["restored\n2026-11-30\n", &code, "\n2026-08-30 ", &code].concat());
            }
            OP_FOLLOW => {
                let code = code(driver.current, arg);
                driver.send(&["follow\n", &code].concat());
            }
            OP_INVALID => {
                let words = &labels()[usize::from(byte(0) & 1)];
                let problems = String::from_utf8_lossy(arg.get(1..).unwrap_or(&[]));
                driver.send(&["invalid\n", words, "\n", &problems].concat());
            }
            _ => driver.send(&String::from_utf8_lossy(message)),
        }
    }
});

/// A share code for `q` with a checksum that matches, so that the fuzzer
/// gets past it. `arg[0]`: bit 0 letters as given (else one per question,
/// each byte mod 9 one of `01234dn_x`, padded with `_`), bit 1 another
/// version, bit 2 another questionnaire id.
fn code(q: &Questionnaire, arg: &[u8]) -> String {
    let flags = arg.first().copied().unwrap_or(0);
    let letters_in = arg.get(1..).unwrap_or(&[]);
    let letters: String = if flags & 1 != 0 {
        String::from_utf8_lossy(letters_in).into_owned()
    } else {
        let count = q.questions().count();
        (0..count)
            .map(|i| {
                letters_in
                    .get(i)
                    .map_or('_', |&b| char::from(b"01234dn_x"[usize::from(b % 9)]))
            })
            .collect()
    };
    let id = if flags & 4 != 0 { "other" } else { q.id.as_str() };
    let version = if flags & 2 != 0 { "0.0.0-other" } else { q.version.as_str() };
    let payload = [id, "@", version, ":", &letters].concat();
    let sum = share::checksum(&payload);
    [payload, "-".to_owned(), sum].concat()
}


/// Whether `FUZZ_TRACE` is set (see the top of this file).
fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("FUZZ_TRACE").is_some())
}

/// Every return value of `Widget::on` is a JSON array of effects, each an
/// object with a string `kind`.
fn check(message: &str, effects: &str) {
    let value: serde_json::Value = match serde_json::from_str(effects) {
        Ok(value) => value,
        Err(error) => panic!("not JSON ({error}) after {message:?}: {effects}"),
    };
    let Some(list) = value.as_array() else {
        panic!("not an array after {message:?}: {effects}");
    };
    if trace() {
        let kinds: Vec<String> = list
            .iter()
            .map(|effect| match effect.get("kind").and_then(serde_json::Value::as_str) {
                Some("log") => format!("log {}", effect["text"]),
                Some("copy") => format!("copy {}", effect["text"]),
                Some("save") => format!("save {}", effect["value"]),
                Some("render") => format!("render {}", effect["view"][1]["data-view"]),
                Some(kind) => kind.to_owned(),
                None => effect.to_string(),
            })
            .collect();
        let shown: String = message.chars().take(120).collect();
        eprintln!("> {shown:?}\n  {}", kinds.join(", "));
    }
    for effect in list {
        assert!(
            effect.get("kind").is_some_and(serde_json::Value::is_string),
            "an effect without a string kind after {message:?}: {effect}"
        );
    }
}
