//! The protocol at the edge: what the loader (`www/readiness-check.js`)
//! tells the widget, parsed once into a [`Message`], and the actions a
//! button can ask for ([`Action`]), named once for the views that draw the
//! buttons and the controller that carries them out.
//!
//! On the wire a message is its kind, then its fields, one per line; the
//! last field is the rest of the text and may hold line breaks (a pack, a
//! list of problems). Each kind below names its fields in order. A message
//! the widget cannot read (an unknown kind or action, a field missing, a
//! flag that is not `1` or `0`) is an [`Error`], which the controller logs:
//! a loader and a module out of step show up in the console, not as a
//! click that does nothing.
//!
//! Byte searches, not `str::split*`, whose pattern code weighs kilobytes
//! of WebAssembly (docs/size.md).

use readiness_core::{Answer, Lang};

/// What a button asks for: the value of its `data-action` attribute, which
/// the loader sends back in an `action` message when it is clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Intro: start the questionnaire at its first step.
    Start,
    /// Intro, with saved answers: go to the first step with an open question.
    Resume,
    /// Intro, with saved answers: forget them and start at the first step.
    StartOver,
    /// Results (or their failure): forget the answers, back to the intro.
    Restart,
    /// Step: the previous step, or the intro from the first.
    Back,
    /// Load failure: fetch the questionnaire again.
    Retry,
    /// Results: print them.
    Print,
    /// Results: make a share link and copy it.
    Share,
    /// Results: remove everything the widget stored in this browser, and
    /// store nothing more (with the comparisons, which keep the last result).
    #[cfg(feature = "compare")]
    Forget,
}

impl Action {
    /// Every action, for [`Action::from_name`] and the tests.
    pub const ALL: &'static [Action] = &[
        Action::Start,
        Action::Resume,
        Action::StartOver,
        Action::Restart,
        Action::Back,
        Action::Retry,
        Action::Print,
        Action::Share,
        #[cfg(feature = "compare")]
        Action::Forget,
    ];

    /// The action's name on the wire: the one definition of each.
    pub fn name(self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Resume => "resume",
            Action::StartOver => "start-over",
            Action::Restart => "restart",
            Action::Back => "back",
            Action::Retry => "retry",
            Action::Print => "print",
            Action::Share => "share",
            #[cfg(feature = "compare")]
            Action::Forget => "forget",
        }
    }

    /// The action with this [`Action::name`], if any.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|action| action.name() == name)
    }
}

/// One message from the loader.
#[derive(Debug, PartialEq)]
pub enum Message<'a> {
    /// `show`: draw the current view (the first time, or again).
    Show,
    /// `load` lang, share code in the page's URL (or nothing), labels,
    /// pack: the questionnaire arrived, as a pack in `lang`, with the
    /// widget's words in `lang` (one line: texts separated by U+001F).
    Load {
        /// The language the loader resolved (anything but a code means English).
        lang: Lang,
        /// The share code in the page's URL fragment, or empty.
        code: &'a str,
        /// The widget's words in `lang` (`i18n.rs`: a shipped label file).
        labels: &'a str,
        /// The questionnaire (`readiness_core::Questionnaire::pack`).
        pack: &'a str,
    },
    /// `invalid` labels, problems: the validator module found the marketer's
    /// file unusable (the problems encoded as `problems.rs` writes them),
    /// with the widget's words to say so.
    Invalid {
        /// The widget's words (as in `Load`).
        labels: &'a str,
        /// The problems.
        problems: &'a str,
    },
    /// `failed` reason: the questionnaire could not be fetched.
    Failed(&'a str),
    /// `restored` today, saved progress, last result: what a `restore`
    /// effect asked for, read from `localStorage`.
    Restored {
        /// The visitor's date (`YYYY-MM-DD`): the core has no clock.
        today: &'a str,
        /// The saved answers' share code, or nothing.
        progress: &'a str,
        /// The last completed result, `date code`, or nothing.
        last: &'a str,
    },
    /// `lang` tag: the language the loader resolved changed.
    Lang(Lang),
    /// `storage` 1|0: the `storage` attribute changed; off forgets.
    Storage(bool),
    /// `follow` share code: the page's URL fragment changed.
    Follow(&'a str),
    /// `copied` 1|0: whether the copy a `copy` effect asked for worked.
    Copied(bool),
    /// `changed` question id, answer code: a radio input changed.
    Changed {
        /// The question, as the input's `name`.
        id: &'a str,
        /// The answer, from the input's `value` ([`Answer::code`]).
        answer: Answer,
    },
    /// `action` name, page URL without its fragment: a click on an element
    /// with `data-action`.
    Action {
        /// What was clicked.
        action: Action,
        /// The page's URL, for share links.
        page: &'a str,
    },
    /// `submit`: the step's form was submitted ("Next" or "See my results").
    Submit,
    /// `compare` group id: the results' group selector changed (empty for
    /// everyone). With the comparisons only.
    #[cfg(feature = "compare")]
    Compare(&'a str),
    /// `go` step: show that step (a decimal index), or the intro when the
    /// field is anything else; a preview beside an editor asks for it.
    Go(Option<usize>),
}

/// Why a message could not be read. Each names what the loader sent, for
/// the log line ([`Error::describe`]); they stay this terse because every
/// word ships in the WebAssembly.
#[derive(Debug, PartialEq)]
pub enum Error<'a> {
    /// No kind of message has this name.
    UnknownKind(&'a str),
    /// No action has this name.
    UnknownAction(&'a str),
    /// A message of this kind ends before its last field.
    Missing(&'a str),
    /// A message of this kind has a field it cannot have: a flag that is
    /// not `1` or `0`, an answer that is no [`Answer::code`].
    Invalid(&'a str),
}

impl Error<'_> {
    /// The line to log, naming what was sent.
    pub fn describe(&self) -> String {
        let (reason, name) = match *self {
            Error::UnknownKind(kind) => ("unknown message kind", kind),
            Error::UnknownAction(name) => ("unknown action", name),
            Error::Missing(kind) => ("a field is missing in the message", kind),
            Error::Invalid(kind) => ("a field is invalid in the message", kind),
        };
        [reason, " `", name, "`"].concat()
    }
}

/// The kinds of message, as the loader names them.
#[derive(Clone, Copy)]
enum Kind {
    Show,
    Load,
    Invalid,
    Failed,
    Restored,
    Lang,
    Storage,
    Follow,
    Copied,
    Changed,
    Action,
    Submit,
    #[cfg(feature = "compare")]
    Compare,
    Go,
}

/// The first line of `text`, and what follows its line break if it has one.
fn line(text: &str) -> (&str, Option<&str>) {
    readiness_core::pack::cut(text, b'\n')
}

/// A language as the loader resolves it (a code of a label file: see
/// `supported` in the loader); anything else means English.
pub fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::EN)
}

/// A decimal index, digits only (no `str::parse`: docs/size.md).
fn index(digits: &str) -> Option<usize> {
    if digits.is_empty() || digits.len() > 6 {
        return None;
    }
    let mut n = 0;
    for byte in digits.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        n = n * 10 + usize::from(byte - b'0');
    }
    Some(n)
}

impl<'a> Message<'a> {
    /// Reads one message. Lines past a kind's fields belong to its last.
    ///
    /// Written as two small matches around one loop rather than a reader
    /// per kind: each early return of an error is code in the WebAssembly
    /// (measured: about 300 bytes gzipped less than a reader per kind).
    pub fn parse(text: &'a str) -> Result<Message<'a>, Error<'a>> {
        let (name, mut rest) = line(text);
        // The kind, and how many fields follow it.
        let (kind, count) = match name {
            "show" => (Kind::Show, 0),
            "load" => (Kind::Load, 4),
            "invalid" => (Kind::Invalid, 2),
            "failed" => (Kind::Failed, 1),
            "restored" => (Kind::Restored, 3),
            "lang" => (Kind::Lang, 1),
            "storage" => (Kind::Storage, 1),
            "follow" => (Kind::Follow, 1),
            "copied" => (Kind::Copied, 1),
            "changed" => (Kind::Changed, 2),
            "action" => (Kind::Action, 2),
            "submit" => (Kind::Submit, 0),
            #[cfg(feature = "compare")]
            "compare" => (Kind::Compare, 1),
            "go" => (Kind::Go, 1),
            _ => return Err(Error::UnknownKind(name)),
        };
        let mut fields = [""; 4];
        for (i, field) in fields[..count].iter_mut().enumerate() {
            let text = rest.ok_or(Error::Missing(name))?;
            (*field, rest) = if i + 1 == count { (text, None) } else { line(text) };
        }
        let [a, b, c, d] = fields;
        let flag = match a {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let invalid = Error::Invalid(name);
        Ok(match kind {
            Kind::Show => Message::Show,
            Kind::Load => Message::Load {
                lang: lang(a),
                code: b,
                labels: c,
                pack: d,
            },
            Kind::Invalid => Message::Invalid { labels: a, problems: b },
            Kind::Failed => Message::Failed(a),
            Kind::Restored => Message::Restored {
                today: a,
                progress: b,
                last: c,
            },
            Kind::Lang => Message::Lang(lang(a)),
            Kind::Storage => Message::Storage(flag.ok_or(invalid)?),
            Kind::Follow => Message::Follow(a),
            Kind::Copied => Message::Copied(flag.ok_or(invalid)?),
            Kind::Changed => Message::Changed {
                id: a,
                answer: Answer::from_code(b).ok_or(invalid)?,
            },
            Kind::Action => Message::Action {
                action: Action::from_name(a).ok_or(Error::UnknownAction(a))?,
                page: b,
            },
            Kind::Submit => Message::Submit,
            #[cfg(feature = "compare")]
            Kind::Compare => Message::Compare(a),
            Kind::Go => Message::Go(index(a)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Message<'_>, Error<'_>> {
        Message::parse(text)
    }

    #[test]
    fn show_and_submit_take_no_fields() {
        assert_eq!(parse("show"), Ok(Message::Show));
        assert_eq!(parse("submit"), Ok(Message::Submit));
        // Lines past a kind's fields are ignored (or belong to its last).
        assert_eq!(parse("submit\nextra"), Ok(Message::Submit));
    }

    #[test]
    fn load_keeps_the_pack_whole() {
        assert_eq!(
            parse("load\nid\ntiny@1:4-abcd\nMemuat\u{1f}Waktu\nRCP1\u{1f}a\nb"),
            Ok(Message::Load {
                lang: Lang::new("id"),
                code: "tiny@1:4-abcd",
                labels: "Memuat\u{1f}Waktu",
                pack: "RCP1\u{1f}a\nb",
            })
        );
        // No share code: an empty line.
        assert_eq!(
            parse("load\nen\n\nLoading\nRCP1"),
            Ok(Message::Load {
                lang: Lang::EN,
                code: "",
                labels: "Loading",
                pack: "RCP1",
            })
        );
    }

    #[test]
    fn go_names_a_step_or_the_intro() {
        assert_eq!(parse("go\n2"), Ok(Message::Go(Some(2))));
        assert_eq!(parse("go\n"), Ok(Message::Go(None)));
        assert_eq!(parse("go\n-1"), Ok(Message::Go(None)));
        assert_eq!(parse("go\n99999999"), Ok(Message::Go(None)));
        assert_eq!(parse("go"), Err(Error::Missing("go")));
    }

    #[test]
    fn a_language_that_is_not_a_code_means_english() {
        assert_eq!(parse("lang\nfr"), Ok(Message::Lang(Lang::new("fr"))));
        assert_eq!(parse("lang\nid"), Ok(Message::Lang(Lang::new("id"))));
        assert_eq!(parse("lang\nin-ID"), Ok(Message::Lang(Lang::EN)));
        assert_eq!(parse("lang\n1"), Ok(Message::Lang(Lang::EN)));
        assert!(matches!(
            parse("load\nx\n\n\nRCP1"),
            Ok(Message::Load { lang: Lang::EN, .. })
        ));
    }

    #[test]
    fn text_fields_keep_line_breaks() {
        assert_eq!(
            parse("invalid\nx\u{1f}y\na\u{1f}b\nc"),
            Ok(Message::Invalid {
                labels: "x\u{1f}y",
                problems: "a\u{1f}b\nc"
            })
        );
        assert_eq!(parse("failed\nHTTP 404"), Ok(Message::Failed("HTTP 404")));
        assert_eq!(parse("follow\ntiny@1:4-abcd"), Ok(Message::Follow("tiny@1:4-abcd")));
    }

    #[test]
    fn restored_may_be_empty() {
        assert_eq!(
            parse("restored\n2026-11-30\n\n"),
            Ok(Message::Restored {
                today: "2026-11-30",
                progress: "",
                last: ""
            })
        );
        assert_eq!(
            parse("restored\n2026-11-30\ntiny@1:4-abcd\n2026-08-30 tiny@1:4-abcd"),
            Ok(Message::Restored {
                today: "2026-11-30",
                progress: "tiny@1:4-abcd",
                last: "2026-08-30 tiny@1:4-abcd"
            })
        );
    }

    #[test]
    fn compare_names_a_group_or_everyone() {
        assert_eq!(parse("compare\nretail"), Ok(Message::Compare("retail")));
        assert_eq!(parse("compare\n"), Ok(Message::Compare("")));
        assert_eq!(parse("compare"), Err(Error::Missing("compare")));
    }

    #[test]
    fn flags_are_one_or_zero() {
        assert_eq!(parse("storage\n1"), Ok(Message::Storage(true)));
        assert_eq!(parse("storage\n0"), Ok(Message::Storage(false)));
        assert_eq!(parse("copied\n1"), Ok(Message::Copied(true)));
        assert_eq!(parse("copied\n0"), Ok(Message::Copied(false)));
        assert_eq!(parse("copied\ntrue"), Err(Error::Invalid("copied")));
        assert_eq!(parse("storage\n"), Err(Error::Invalid("storage")));
        assert_eq!(
            parse("storage\nyes").unwrap_err().describe(),
            "a field is invalid in the message `storage`"
        );
    }

    #[test]
    fn changed_reads_the_answer() {
        assert_eq!(
            parse("changed\na-one\n4"),
            Ok(Message::Changed {
                id: "a-one",
                answer: Answer::Value(4),
            })
        );
        assert_eq!(
            parse("changed\na-one\ndont-know"),
            Ok(Message::Changed {
                id: "a-one",
                answer: Answer::DontKnow,
            })
        );
        assert_eq!(parse("changed\na-one\n5"), Err(Error::Invalid("changed")));
        assert_eq!(parse("changed\na-one\n"), Err(Error::Invalid("changed")));
    }

    #[test]
    fn action_reads_the_action_and_the_page() {
        assert_eq!(
            parse("action\nstart-over\nhttps://example.test/page"),
            Ok(Message::Action {
                action: Action::StartOver,
                page: "https://example.test/page",
            })
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let cases = [
            ("load\nen\n\n", "load"),
            ("load\nen\n", "load"),
            ("load\nen", "load"),
            ("load", "load"),
            ("changed\na-one", "changed"),
            ("action\nstart", "action"),
            ("restored", "restored"),
            ("restored\n2026-11-30\ncode", "restored"),
            ("failed", "failed"),
            ("follow", "follow"),
            ("lang", "lang"),
            ("storage", "storage"),
            ("copied", "copied"),
            ("invalid", "invalid"),
        ];
        for (text, kind) in cases {
            assert_eq!(parse(text), Err(Error::Missing(kind)), "{text:?}");
        }
        assert_eq!(
            parse("changed\na-one").unwrap_err().describe(),
            "a field is missing in the message `changed`"
        );
    }

    #[test]
    fn an_unknown_kind_is_an_error_that_names_it() {
        assert_eq!(parse("hello\nworld"), Err(Error::UnknownKind("hello")));
        assert_eq!(parse(""), Err(Error::UnknownKind("")));
        // Kinds are exact: no case folding, no spaces trimmed.
        assert_eq!(parse("Show"), Err(Error::UnknownKind("Show")));
        assert_eq!(parse("show "), Err(Error::UnknownKind("show ")));
        assert_eq!(parse("hello").unwrap_err().describe(), "unknown message kind `hello`");
    }

    #[test]
    fn an_unknown_action_is_an_error_that_names_it() {
        assert_eq!(
            parse("action\njump\nhttps://example.test/"),
            Err(Error::UnknownAction("jump"))
        );
        assert_eq!(parse("action\njump\n").unwrap_err().describe(), "unknown action `jump`");
    }

    #[test]
    fn every_action_name_reads_back() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(*action));
        }
        assert_eq!(Action::from_name("Start"), None);
        assert_eq!(Action::from_name(""), None);
    }

    #[test]
    fn action_names_are_distinct_and_html_safe() {
        for (i, a) in Action::ALL.iter().enumerate() {
            assert!(a.name().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{a:?}");
            for b in &Action::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
        }
    }
}
