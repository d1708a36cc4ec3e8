//! The widget's model: everything one `<readiness-check>` element knows
//! between two messages. The controller (`widget.rs`) changes it; the views
//! (`view.rs`) only read it. Scores are never kept apart from the core's
//! [`Report`]: the results view shows the report as the core computed it.

use crate::i18n::Words;
use readiness_core::{Answers, Lang, Problem, Questionnaire, Report};

/// Where the visitor is: which view the widget shows.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// Waiting for the questionnaire (or fetching it again).
    Loading,
    /// The questionnaire's title, introduction and factors, and the button
    /// that starts (or resumes) it.
    Intro,
    /// The questions of one factor, by index in the questionnaire.
    Step(usize),
    /// The report: score, level, chart, recommendations, strengths.
    Results,
    /// The questionnaire file is not valid: shown to the marketer.
    Invalid(Vec<Problem>),
    /// The questionnaire could not be fetched, or arrived damaged.
    LoadFailed,
}

/// A short message shown above the current view (a live region).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    /// The results shown come from a share link, not the visitor's answers.
    Shared,
    /// The share link was cut short or altered, so it was ignored.
    ShareDamaged,
    /// The share link is for another version of the questionnaire.
    ShareOtherVersion,
    /// The saved progress could not be read, so it was dropped.
    StorageIgnored,
    /// The saved progress was for another edition, so it was dropped.
    StorageOtherVersion,
    /// The share link was copied to the clipboard.
    Copied,
    /// Copying the share link failed: the visitor copies it by hand.
    CopyFailed,
    /// Everything stored was removed, and nothing more will be.
    #[cfg(feature = "compare")]
    Forgotten,
}

/// One element's widget state.
pub struct State {
    /// The language the loader resolved for the element (its `lang`, the
    /// page's, or the browser's); see [`State::lang`] for the one shown.
    pub lang: Lang,
    /// Whether progress is saved in `localStorage` (the `storage`
    /// attribute is not `none`).
    pub storage: bool,
    /// Keeps this element's saved progress apart (its `id`; may be empty).
    pub storage_scope: String,
    /// The questionnaire, once its pack has arrived.
    pub questionnaire: Option<Questionnaire>,
    /// The visitor's answers (or a share link's).
    pub answers: Answers,
    /// The view shown.
    pub view: View,
    /// The notice above the view, if any.
    pub notice: Option<Notice>,
    /// Questions left open when the visitor tried to go on.
    pub unanswered: Vec<String>,
    /// The report of the results view.
    pub report: Option<Report>,
    /// The share link made by the Share button, shown in the share box.
    pub share_link: Option<String>,
    /// Whether saved answers were found on load (the intro offers to resume).
    pub saved: bool,
    /// The widget's words, once a label file has arrived with a pack.
    pub words: Option<&'static Words>,
    /// The words before that: loading, a failed download.
    pub early: &'static Words,
    /// The minutes to answer, as the pack names them.
    pub minutes: u32,
    /// The benchmark group the results compare with (`None`: everyone).
    #[cfg(feature = "compare")]
    pub group: Option<String>,
    /// The visitor's date as the loader gave it with the saved progress
    /// (`YYYY-MM-DD`), or empty: a completed result is kept with it.
    #[cfg(feature = "compare")]
    pub today: String,
    /// The last completed result kept in this browser: its date and
    /// answers (read with the saved progress).
    #[cfg(feature = "compare")]
    pub last: Option<(String, Answers)>,
    /// The report of the last result, when the results show the change
    /// since then: its date and report.
    #[cfg(feature = "compare")]
    pub before: Option<(String, Report)>,
}

impl State {
    /// A widget in the loading view, with nothing answered.
    pub fn new(lang: Lang, storage: bool, storage_scope: &str, early: &'static Words) -> State {
        State {
            lang,
            storage,
            storage_scope: storage_scope.to_owned(),
            questionnaire: None,
            answers: Answers::new(),
            view: View::Loading,
            notice: None,
            unanswered: Vec::new(),
            report: None,
            share_link: None,
            saved: false,
            words: None,
            early,
            minutes: 0,
            #[cfg(feature = "compare")]
            group: None,
            #[cfg(feature = "compare")]
            today: String::new(),
            #[cfg(feature = "compare")]
            last: None,
            #[cfg(feature = "compare")]
            before: None,
        }
    }

    /// The words to show: the label file's, or before it arrives the few
    /// the loader holds (loading, a failed download).
    pub fn words(&self) -> &'static Words {
        self.words.unwrap_or(self.early)
    }

    /// The questionnaire's language closest to the visitor's: the language
    /// every label and text is shown in.
    pub fn lang(&self) -> Lang {
        self.questionnaire.as_ref().map_or(self.lang, |q| q.language(self.lang))
    }
}
