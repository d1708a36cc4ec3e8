//! Languages and localised texts.
//!
//! A language is data: any ISO 639-1 code a questionnaire declares. The core
//! lists no languages; the texts are the questionnaire's, and the words
//! around them are the widget's and the CLI's label tables
//! (`wasm/labels/<code>.txt`, `cli/src/labels.rs`), where a decimal
//! separator is a label too.

use std::fmt;

use serde::{Serialize, Serializer};

/// A language: its ISO 639-1 code, two lowercase letters (the short code
/// BCP 47 prefers; every widely written language has one).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 2]);

impl Lang {
    /// English: the language of the core's own messages, and the one an
    /// unreadable language tag falls back to.
    pub const EN: Lang = Lang::new("en");

    /// The language with this code, which must be two lowercase ASCII
    /// letters (it panics otherwise, at compile time in a `const`):
    /// for codes written in the source. Input goes through [`Lang::from_tag`].
    pub const fn new(code: &str) -> Lang {
        match Lang::read(code.as_bytes()) {
            Some(lang) => lang,
            None => panic!("a language code is two lowercase ASCII letters"),
        }
    }

    const fn read(code: &[u8]) -> Option<Lang> {
        match code {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Some(Lang([*a, *b])),
            _ => None,
        }
    }

    /// The code: `id`, `en`.
    pub fn code(self) -> String {
        // Letters only, so each byte is a char: no UTF-8 validation code
        // in the widget's WebAssembly.
        let mut code = String::with_capacity(2);
        code.push(char::from(self.0[0]));
        code.push(char::from(self.0[1]));
        code
    }

    /// The language with exactly this code, as a file writes it (`id`, not
    /// `ID` or `id-ID`: see [`Lang::from_tag`] for tags).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::read(code.as_bytes())
    }

    /// Whether this is the language with exactly `code`.
    pub fn is(self, code: &str) -> bool {
        Lang::from_code(code) == Some(self)
    }

    /// Reads a language tag such as `id`, `en`, `en-GB` or `in-ID`: its
    /// primary subtag, in any case; regions and scripts are ignored. The
    /// codes ISO 639 withdrew and some systems still send (`in`, `iw`, `ji`)
    /// read as the codes that replaced them.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
        let code = match tag.as_bytes()[..end] {
            [a, b] => [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
            _ => return None,
        };
        let code = match &code {
            b"in" => b"id",
            b"iw" => b"he",
            b"ji" => b"yi",
            other => other,
        };
        Lang::read(code)
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A language: its ISO 639-1 code, two lowercase letters (`id`, `en`).",
            "type": "string",
            "pattern": "^[a-z]{2}$",
        })
    }
}

/// A text in each of a questionnaire's languages: `{"id": "…", "en": "…"}`,
/// in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(Vec<(Lang, String)>);

impl Text {
    /// A text in the languages given, in that order.
    pub fn new(texts: &[(Lang, &str)]) -> Text {
        Text(texts.iter().map(|(lang, text)| (*lang, (*text).to_owned())).collect())
    }

    /// The text in `lang`, else in its first language, else empty. A valid
    /// questionnaire has every text in each of its languages.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| self.0.first().map(|(_, text)| text.as_str()))
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if given.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        self.0.iter().find(|(l, _)| *l == lang).map(|(_, text)| text.as_str())
    }

    /// Every language's text, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, text)| (*lang, text.as_str()))
    }

    /// The text in one language.
    pub fn one(lang: Lang, text: String) -> Text {
        Text(vec![(lang, text)])
    }

    /// Adds the text in `lang`, which it lacks.
    pub(crate) fn push(&mut self, lang: Lang, text: String) {
        self.0.push((lang, text));
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            map.serialize_entry(&lang.code(), text)?;
        }
        map.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in each of the questionnaire's `languages`, by language code: {\"id\": \"…\", \"en\": \"…\"}.",
            "type": "object",
            "propertyNames": { "pattern": "^[a-z]{2}$" },
            "additionalProperties": { "type": "string" },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for (tag, code) in [
            ("id", Some("id")),
            ("in", Some("id")),
            ("id-ID", Some("id")),
            ("EN_gb", Some("en")),
            ("en", Some("en")),
            ("fr", Some("fr")),
            ("fil-PH", None),
            ("", None),
            ("e", None),
            ("engl", None),
            ("e1", None),
            ("é", None),
        ] {
            assert_eq!(Lang::from_tag(tag).map(Lang::code).as_deref(), code, "{tag}");
        }
        assert!(Lang::EN.is("en") && !Lang::EN.is("EN"));
    }

    #[test]
    fn texts_fall_back_to_their_first_language() {
        let en = Lang::EN;
        let id = Lang::new("id");
        let only_en = Text::new(&[(en, "Hello")]);
        assert_eq!(only_en.get(id), "Hello");
        assert_eq!(Text::default().get(en), "");
        let mut text = Text::new(&[(id, "Halo"), (en, "Hello")]);
        assert_eq!(text.get(en), "Hello");
        assert_eq!(Text::one(id, "Halo".into()).exact(en), None);
        text.push(Lang::new("fr"), "Bonjour".into());
        assert_eq!(
            text.iter().map(|(lang, _)| lang.code()).collect::<Vec<_>>(),
            ["id", "en", "fr"]
        );
    }
}
