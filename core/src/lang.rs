//! Languages and localised texts.

use std::fmt;

use serde::Serialize;

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian (`id`).
    Id,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code: `id` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads a language tag such as `id`, `en`, `en-GB` or `in-ID` (`in` is
    /// the old code for Indonesian that some systems still send). Case does
    /// not matter; regions are ignored.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
        let primary = &tag[..end];
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") {
            Some(Lang::Id)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Writes a score kept in tenths (725 for 72.5) with this language's
    /// decimal separator, as `Intl.NumberFormat` would with one fraction
    /// digit: "72,5" in Indonesian, "72.5" in English.
    pub fn format_tenths(self, tenths: i32) -> String {
        let mut out = String::from(if tenths < 0 { "-" } else { "" });
        let tenths = tenths.unsigned_abs();
        out.push_str(&crate::problem::decimal((tenths / 10).into()));
        out.push(match self {
            Lang::Id => ',',
            Lang::En => '.',
        });
        out.push(char::from(b'0' + (tenths % 10) as u8));
        out
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in each of a questionnaire's languages: `{"id": "…", "en": "…"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Indonesian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// A text in both languages.
    pub fn new(id: &str, en: &str) -> Text {
        Text {
            id: Some(id.to_owned()),
            en: Some(en.to_owned()),
        }
    }

    /// The text in `lang`, else in the other language, else empty. A valid
    /// questionnaire has every text in each of its languages.
    pub fn get(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::Id => (&self.id, &self.en),
            Lang::En => (&self.en, &self.id),
        };
        wanted.as_deref().or(other.as_deref()).unwrap_or("")
    }

    /// The text in exactly `lang`, if given.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Id => self.id.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    pub(crate) fn slot(&mut self, lang: Lang) -> &mut Option<String> {
        match lang {
            Lang::Id => &mut self.id,
            Lang::En => &mut self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for (tag, lang) in [
            ("id", Some(Lang::Id)),
            ("in", Some(Lang::Id)),
            ("id-ID", Some(Lang::Id)),
            ("EN_gb", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(Lang::Id.format_tenths(725), "72,5");
        assert_eq!(Lang::En.format_tenths(725), "72.5");
        assert_eq!(Lang::En.format_tenths(1000), "100.0");
        assert_eq!(Lang::En.format_tenths(-5), "-0.5");
    }

    #[test]
    fn texts_fall_back_to_the_other_language() {
        let only_en = Text {
            id: None,
            en: Some("Hello".into()),
        };
        assert_eq!(only_en.get(Lang::Id), "Hello");
        assert_eq!(Text::default().get(Lang::En), "");
    }
}
