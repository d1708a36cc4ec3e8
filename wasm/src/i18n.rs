//! The widget's own words: the labels around the questionnaire's texts.
//!
//! They are data, one file per language (`wasm/labels/<lang>.txt`): the
//! first four (`EARLY`: loading, a failed download, a crash) are written
//! into the loader by the build and reach the widget with `Widget::new`;
//! the rest ship as `labels.<lang>.txt`, and the loader sends all of them
//! with each pack (the `load` message). A visitor downloads the words of
//! their language only, and the module carries none. Adding a language is
//! a label file, not code.

/// Declares `Words` with one field per label, in the order of the label
/// files, and its reader.
macro_rules! words {
    ($($(#[$when:meta])* $name:ident),* $(,)?) => {
        /// Every label the widget shows, in one language: one method per
        /// label, in the order of the label files.
        pub struct Words {
            texts: [&'static str; At::End as usize],
        }

        /// The labels' positions in a label file; `End` counts them.
        #[allow(non_camel_case_types, clippy::enum_variant_names)]
        enum At {
            $($(#[$when])* $name,)*
            End,
        }

        impl Words {
            /// The labels' names, in file order (tests check the files).
            #[cfg(test)]
            #[allow(clippy::vec_init_then_push)] // Each push may be cfg'd out.
            pub fn names() -> Vec<&'static str> {
                let mut names = Vec::new();
                $($(#[$when])* names.push(stringify!($name));)*
                names
            }

            $(
                // `crashed` is the loader's alone.
                #[allow(dead_code)]
                $(#[$when])*
                pub fn $name(&self) -> &'static str {
                    self.texts[At::$name as usize]
                }
            )*
        }
    };
}

impl Words {
    /// Reads a shipped label file: the texts in label order, separated by
    /// U+001F (one line, so that it travels as one field of the `load`
    /// message). `None` if it has too few or too many.
    pub fn parse(text: &'static str) -> Option<Words> {
        let (words, complete) = Words::read(text);
        complete.then_some(words)
    }

    /// The words before a label file has arrived: the first [`Words::EARLY`]
    /// labels, as the loader holds them (`parse`'s format); the others
    /// empty.
    pub fn early(text: &'static str) -> Words {
        Words::read(text).0
    }

    /// The labels `text` holds, and whether it holds exactly all of them.
    fn read(text: &'static str) -> (Words, bool) {
        let mut words = Words {
            texts: [""; At::End as usize],
        };
        let mut fields = Fields(text.trim_ascii_end());
        let mut count = 0;
        for slot in &mut words.texts {
            let Some(field) = fields.next() else { break };
            *slot = field;
            count += 1;
        }
        (words, count == At::End as usize && fields.0.is_empty())
    }

    /// How many labels the loader holds (`crashed` is the last of them).
    pub const EARLY: usize = At::crashed as usize + 1;
}

words! {
    loading,
    load_failed,
    retry,
    crashed,
    minutes,
    privacy,
    factors_heading,
    start,
    resume_prompt,
    resume,
    start_over,
    step_of,
    back,
    next,
    see_results,
    dont_know,
    not_applicable,
    unanswered,
    results,
    overall,
    out_of,
    level,
    chart_label,
    factor,
    score,
    held_at,
    level_earned,
    ladder,
    you_are_here,
    to_next,
    next_held,
    top_level,
    find_out_first,
    recommendations,
    more_recommendations,
    gain,
    strengths,
    no_strengths,
    no_recommendations,
    print,
    share,
    share_label,
    copied,
    copy_failed,
    restart,
    shared_notice,
    share_damaged,
    share_other_version,
    storage_ignored,
    storage_other_version,
    invalid_questionnaire,
    failed,
    dont_know_count,
    decimal,
    // The comparisons' (feature `compare`), last in the files: a build
    // without them ships the files cut after `decimal`.
    #[cfg(feature = "compare")]
    ahead,
    #[cfg(feature = "compare")]
    compare_with,
    #[cfg(feature = "compare")]
    ahead_of,
    #[cfg(feature = "compare")]
    since,
    #[cfg(feature = "compare")]
    change_since,
    #[cfg(feature = "compare")]
    forget,
    #[cfg(feature = "compare")]
    forgotten,
}

/// The texts of a label file.
struct Fields(&'static str);

impl Iterator for Fields {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        if self.0.is_empty() {
            return None;
        }
        let (text, rest) = readiness_core::pack::cut(self.0, 0x1f);
        self.0 = rest.unwrap_or("");
        Some(text)
    }
}

/// Fills `{n}` (and `{total}`) in a label.
///
/// By hand, as is all text built in this crate (`concat`,
/// [`readiness_core::decimal`]):
/// `format!`, `to_string` and `str::replace` bring in formatting and
/// pattern-search code that weighs kilobytes of WebAssembly.
pub fn fill(template: &str, n: &str, total: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.bytes().position(|b| b == b'{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (value, len) = if rest.starts_with("{n}") {
            (n, 3)
        } else if rest.starts_with("{total}") {
            (total, 7)
        } else {
            ("{", 1)
        };
        out.push_str(value);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
// Tests are not on the widget's path: the size rules do not apply.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    /// A label file as the build ships it: the texts without the names.
    fn shipped(lang: &str) -> &'static str {
        let source = match lang {
            "en" => include_str!("../labels/en.txt"),
            _ => include_str!("../labels/id.txt"),
        };
        let texts: Vec<&str> = source
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_once(": ").expect("name: text").1)
            .collect();
        Box::leak(texts.join("\u{1f}").into_boxed_str())
    }

    #[test]
    fn every_label_file_names_every_label_in_order() {
        for (lang, source) in [
            ("en", include_str!("../labels/en.txt")),
            ("id", include_str!("../labels/id.txt")),
        ] {
            let names: Vec<&str> = source
                .lines()
                .filter(|line| !line.starts_with('#'))
                .map(|line| line.split_once(": ").expect("name: text").0)
                .collect();
            assert_eq!(names, Words::names(), "wasm/labels/{lang}.txt");
            for line in source.lines().filter(|line| !line.starts_with('#')) {
                assert!(
                    !line.split_once(": ").unwrap().1.trim().is_empty(),
                    "{lang}: empty {line}"
                );
            }
            assert!(Words::parse(shipped(lang)).is_some(), "{lang} reads");
        }
    }

    #[test]
    fn a_short_or_long_label_file_is_refused() {
        let full = shipped("en");
        let short = &full[..full.rfind('\u{1f}').unwrap()];
        assert!(Words::parse(short).is_none());
        let long: &'static str = Box::leak([full, "\u{1f}one more"].concat().into_boxed_str());
        assert!(Words::parse(long).is_none());
    }

    #[test]
    fn fills_placeholders() {
        let en = Words::parse(shipped("en")).unwrap();
        assert_eq!(fill(en.step_of(), "2", "4"), "Step 2 of 4");
        assert_eq!(fill("{a} {n}{n} {", "1", ""), "{a} 11 {");
    }
}
