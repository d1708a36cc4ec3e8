//! The controller: a message from the loader updates the state, and the
//! effects the loader must carry out come back.
//!
//! Data flows one way: a message (a click on an action, an answer, a
//! loaded questionnaire, a language change; see `message.rs`) updates the
//! state (`state.rs`); the state is rendered (`view.rs`); the core computes
//! every number. The JavaScript loader owns the element, the DOM, the event
//! listeners and the network; it hands messages in and carries out the
//! effects this returns (drawing a view, moving focus, dispatching DOM
//! events, fetching, copying), so no Rust closure outlives a call and a
//! failure never escapes into the page.

use readiness_core::share::{self, ShareError};
use readiness_core::{decimal, Answer, Answers, Lang, Questionnaire, Report};

use crate::dom::El;
use crate::i18n::Words;
use crate::message::{self, Action, Message};
use crate::problems;
use crate::report_json;
use crate::state::{Notice, State, View};
use crate::storage;
use crate::view;
use readiness_core::json::push_string;

/// What the loader must do after a call, in order. Each goes out as a JSON
/// object `{"kind": …, …}` (see [`Effect::write`]).
enum Effect<'a> {
    /// Draw this view in the shadow root, then move focus as `focus` says.
    Render { view: El, focus: Focus },
    /// Replace the element matching `selector` with this view; focus stays.
    Replace { selector: &'static str, view: El },
    /// Focus the element matching `selector`.
    Focus { selector: String },
    /// Dispatch `readiness-ready`: the first view with content is shown.
    Ready,
    /// Dispatch `readiness-progress` with these counts.
    Progress { answered: usize, total: usize },
    /// Dispatch `readiness-complete` with the report.
    Complete { report: &'a Report },
    /// Fetch the questionnaire again.
    Retry,
    /// Copy this text to the clipboard, then call `copied(ok)`.
    Copy { text: String },
    /// Print the results.
    Print,
    /// Read `localStorage[key]` (saved progress) and `[last]` (the last
    /// result, with the comparisons), then send them back with today's
    /// date as `restored`.
    Restore {
        key: String,
        #[cfg(feature = "compare")]
        last: String,
    },
    /// Write `localStorage[key] = value`.
    Save { key: String, value: String },
    /// Remove `localStorage[key]`.
    Forget { key: String },
    /// Drop the share code from the page's URL, leaving no history entry.
    Unlink,
    /// Log a line for the page's developer (`console.error`).
    Log { text: String },
}

impl Effect<'_> {
    /// Appends the effect's JSON to `out`: by hand, as every field is a
    /// string, a count, a view or the report (which `report_json` writes).
    fn write(self, out: &mut String) {
        out.push_str("{\"kind\":");
        match self {
            Effect::Render { view, focus } => {
                out.push_str("\"render\",\"focus\":");
                push_string(out, focus.name());
                out.push_str(",\"view\":");
                view.write(out);
            }
            Effect::Replace { selector, view } => {
                out.push_str("\"replace\",\"selector\":");
                push_string(out, selector);
                out.push_str(",\"view\":");
                view.write(out);
            }
            Effect::Focus { selector } => {
                out.push_str("\"focus\",\"selector\":");
                push_string(out, &selector);
            }
            Effect::Ready => out.push_str("\"ready\""),
            Effect::Progress { answered, total } => {
                out.push_str("\"progress\",\"answered\":");
                out.push_str(&decimal(answered as i64));
                out.push_str(",\"total\":");
                out.push_str(&decimal(total as i64));
            }
            Effect::Complete { report } => {
                out.push_str("\"complete\",\"report\":");
                report_json::write(out, report);
            }
            Effect::Retry => out.push_str("\"retry\""),
            Effect::Copy { text } => {
                out.push_str("\"copy\",\"text\":");
                push_string(out, &text);
            }
            Effect::Print => out.push_str("\"print\""),
            Effect::Restore {
                key,
                #[cfg(feature = "compare")]
                last,
            } => {
                out.push_str("\"restore\",\"key\":");
                push_string(out, &key);
                #[cfg(feature = "compare")]
                {
                    out.push_str(",\"last\":");
                    push_string(out, &last);
                }
            }
            Effect::Save { key, value } => {
                out.push_str("\"save\",\"key\":");
                push_string(out, &key);
                out.push_str(",\"value\":");
                push_string(out, &value);
            }
            Effect::Forget { key } => {
                out.push_str("\"forget\",\"key\":");
                push_string(out, &key);
            }
            Effect::Unlink => out.push_str("\"unlink\""),
            Effect::Log { text } => {
                out.push_str("\"log\",\"text\":");
                push_string(out, &text);
            }
        }
        out.push('}');
    }
}

/// Adds an effect to the comma-separated effects of a call.
fn push(effects: &mut String, effect: Effect<'_>) {
    if !effects.is_empty() {
        effects.push(',');
    }
    effect.write(effects);
}

/// Where focus goes when a view is drawn.
#[derive(Clone, Copy)]
enum Focus {
    /// Nowhere new: on page load, the page keeps it.
    Stay,
    /// To the view's heading, after the visitor's own navigation.
    Heading,
    /// To the heading if it was in the widget: a view redrawn in place
    /// (new language, new texts) keeps the visitor's place.
    Keep,
}

impl Focus {
    fn name(self) -> &'static str {
        match self {
            Focus::Stay => "stay",
            Focus::Heading => "heading",
            Focus::Keep => "keep",
        }
    }
}

/// One `<readiness-check>` element's widget. The loader drives it through
/// the exports in `exports.rs`; tests and fuzzers call it directly.
pub struct Widget {
    state: State,
    /// The effects of the current call, comma-separated JSON objects.
    effects: String,
}

impl Widget {
    /// A widget in the loading view; `show` draws it. `lang` is the tag the
    /// loader resolved (an unreadable one means English), `storage` whether
    /// progress is saved, `storage_scope` the element's `id` (may be empty),
    /// `early` the words for before the label file arrives (`i18n.rs`).
    pub fn new(lang: &str, storage: bool, storage_scope: &str, early: &'static str) -> Widget {
        // Kept for the page's life, as the label files are (`set_words`).
        let early = Box::leak(Box::new(Words::early(early)));
        Widget {
            state: State::new(message::lang(lang), storage, storage_scope, early),
            effects: String::new(),
        }
    }

    /// One message from the loader: its kind, then its fields, one per line
    /// (see `message.rs`). Returns the effects the loader must carry out, as
    /// a JSON array. A message it cannot read is logged (a `log` effect).
    ///
    /// One entry point rather than a method per message: each export costs
    /// its own code in the WebAssembly and the glue.
    pub fn on(&mut self, message: &str) -> String {
        match Message::parse(message) {
            Ok(message) => self.update(message),
            Err(error) => self.log(&error.describe()),
        }
        self.flush()
    }
}

impl Widget {
    /// Carries out one message: changes the state and queues the effects.
    fn update(&mut self, message: Message<'_>) {
        match message {
            Message::Show => self.render(Focus::Stay),
            Message::Load {
                lang,
                code,
                labels,
                pack,
            } => {
                if self.set_words(labels) {
                    self.load(pack, lang, code);
                }
            }
            Message::Invalid { labels, problems } => {
                if !self.set_words(labels) {
                    return;
                }
                let problems = problems::decode(problems);
                for problem in &problems {
                    self.log(&problem.line());
                }
                self.state.view = View::Invalid(problems);
                self.rerender();
            }
            Message::Failed(reason) => {
                self.log(reason);
                // A download that fails after the questionnaire was shown
                // (a language switch): "Try again" returns to this view.
                self.state.view = View::LoadFailed;
                self.rerender();
            }
            Message::Restored { today, progress, last } => self.restored(today, progress, last),
            Message::Lang(lang) => self.set_lang(lang),
            Message::Storage(on) => {
                self.state.storage = on;
                if !on {
                    self.forget_all();
                }
            }
            Message::Follow(code) => self.follow_link(code),
            Message::Copied(ok) => {
                self.state.notice = Some(if ok { Notice::Copied } else { Notice::CopyFailed });
                self.render_notice();
            }
            Message::Changed { id, answer } => self.answer(id, answer),
            Message::Action { action, page } => self.act(action, page),
            Message::Submit => self.next(),
            #[cfg(feature = "compare")]
            Message::Compare(group) => self.compare(group),
            Message::Go(step) => self.preview(step),
        }
    }

    /// The questionnaire arrived as a pack in `lang` (see
    /// `readiness_core::Questionnaire::pack`: validated before it got here):
    /// show the intro, a shared result, or (when only the language changed)
    /// the same view again, drawn once.
    /// The widget's words arrived with a pack (`i18n.rs`): keep them for
    /// the page's life (a few kilobytes a language). A damaged label file
    /// is a failed download: false, and the failure is shown.
    fn set_words(&mut self, labels: &str) -> bool {
        let text: &'static str = Box::leak(Box::from(labels));
        self.state.words = Words::parse(text).map(|words| &*Box::leak(Box::new(words)));
        if self.state.words.is_none() {
            self.log("the widget's labels arrived damaged or cut short; reload the page");
            self.state.view = View::LoadFailed;
            self.rerender();
        }
        self.state.words.is_some()
    }

    fn load(&mut self, pack: &str, lang: Lang, code: &str) {
        self.state.lang = lang;
        self.state.minutes = readiness_core::pack::minutes(pack).unwrap_or(0);
        let Some(questionnaire) = Questionnaire::from_pack(pack) else {
            self.log("the questionnaire arrived damaged or cut short; reload the page");
            self.state.view = View::LoadFailed;
            self.rerender();
            return;
        };
        let same = self
            .state
            .questionnaire
            .as_ref()
            .is_some_and(|old| old.id == questionnaire.id && old.version == questionnaire.version);
        let steps = questionnaire.factors.len();
        self.state.questionnaire = Some(questionnaire);
        if same {
            // A language switch: keep answers and place, refresh the texts.
            // After a failed download ("Try again"), after the file was
            // found invalid and then fixed (a preview of a draft), or on a
            // step the file no longer has (an edition edited without a new
            // version), the intro offers to continue with the answers kept.
            if matches!(self.state.view, View::Loading | View::LoadFailed | View::Invalid(_))
                || matches!(self.state.view, View::Step(step) if step >= steps)
            {
                self.state.saved = !self.state.answers.is_empty();
                self.state.view = View::Intro;
            }
            if self.state.view == View::Results {
                self.state.report = self.score();
            }
            self.rerender();
            return;
        }
        // Another questionnaire: nothing of the old one's place may survive,
        // not even while the saved answers are on their way back.
        self.state.answers = Answers::new();
        self.state.notice = None;
        self.state.unanswered.clear();
        self.state.report = None;
        #[cfg(feature = "compare")]
        {
            self.state.group = None;
            self.state.last = None;
            self.state.before = None;
        }
        self.state.view = View::Loading;
        if self.open_share_link(code) {
            // The link was followed to these results: bring them into view.
            self.show_results(false);
            self.emit(Effect::Focus {
                selector: "h2".to_owned(),
            });
            self.emit(Effect::Ready);
        } else if self.state.storage {
            // The loader reads the saved answers and sends them back.
            let key = self.storage_key();
            self.emit(Effect::Restore {
                key,
                #[cfg(feature = "compare")]
                last: self.last_key(),
            });
        } else {
            self.show_intro();
        }
    }

    /// The saved answers, if any, arrived: offer to resume with them. The
    /// last result, if it is for this edition, is kept for the change
    /// since then; one that is not is left to be replaced.
    #[cfg_attr(not(feature = "compare"), allow(unused_variables))]
    fn restored(&mut self, today: &str, text: &str, last: &str) {
        let Some(q) = &self.state.questionnaire else { return };
        #[cfg(feature = "compare")]
        {
            self.state.today = today.to_owned();
            if let (date, Some(code)) = readiness_core::pack::cut(last, b' ') {
                self.state.last = share::decode(q, code).ok().map(|answers| (date.to_owned(), answers));
            }
        }
        if !text.is_empty() {
            match share::decode(q, text) {
                Ok(answers) => {
                    self.state.saved = !answers.is_empty();
                    self.state.answers = answers;
                }
                // For another edition, corrupt or altered: say so, and drop
                // it so the notice does not come back.
                Err(error) => {
                    self.state.notice = Some(match error {
                        ShareError::OtherVersion { .. } => Notice::StorageOtherVersion,
                        _ => Notice::StorageIgnored,
                    });
                    self.forget();
                }
            }
        }
        self.show_intro();
    }

    fn show_intro(&mut self) {
        self.state.view = View::Intro;
        self.render(Focus::Stay);
        self.emit(Effect::Ready);
    }

    fn set_lang(&mut self, lang: Lang) {
        if lang != self.state.lang {
            self.state.lang = lang;
            if self.state.view == View::Results {
                self.state.report = self.score();
            }
            self.rerender();
        }
    }

    /// A share link followed on a page already open: show the shared
    /// results if the link is for this questionnaire, or say why not.
    fn follow_link(&mut self, code: &str) {
        if self.state.questionnaire.is_none() {
            return;
        }
        if self.open_share_link(code) {
            self.show_results(false);
            self.emit(Effect::Focus {
                selector: "h2".to_owned(),
            });
        } else {
            self.render_notice();
        }
    }

    fn questionnaire(&self) -> &Questionnaire {
        // Only called in views that exist once a questionnaire is loaded; a
        // failure would trap, and the loader shows the error state.
        self.state.questionnaire.as_ref().unwrap()
    }

    /// Queues an effect for the loader.
    fn emit(&mut self, effect: Effect<'_>) {
        push(&mut self.effects, effect);
    }

    /// The effects queued during this call, as a JSON array, and a fresh
    /// queue for the next call.
    fn flush(&mut self) -> String {
        let list = ["[", &self.effects, "]"].concat();
        self.effects.clear();
        list
    }

    /// Logs a line for the page's developer.
    fn log(&mut self, text: &str) {
        self.emit(Effect::Log {
            text: ["<readiness-check>: ", text].concat(),
        });
    }

    /// Where this element keeps its progress.
    fn storage_key(&self) -> String {
        storage::key(self.questionnaire(), &self.state.storage_scope)
    }

    /// Where this element keeps its last completed result.
    #[cfg(feature = "compare")]
    fn last_key(&self) -> String {
        storage::last_key(self.questionnaire(), &self.state.storage_scope)
    }

    /// Forgets the saved progress, if a questionnaire is loaded.
    fn forget(&mut self) {
        if self.state.questionnaire.is_some() {
            let key = self.storage_key();
            self.emit(Effect::Forget { key });
        }
    }

    /// Forgets everything stored: the progress and the last result.
    fn forget_all(&mut self) {
        self.forget();
        #[cfg(feature = "compare")]
        if self.state.questionnaire.is_some() {
            let key = self.last_key();
            self.emit(Effect::Forget { key });
            self.state.last = None;
            self.state.before = None;
        }
    }

    /// Draws the current view.
    fn render(&mut self, focus: Focus) {
        let view = view::page(&self.state);
        self.emit(Effect::Render { view, focus });
    }

    /// Draws the current view again in place (new language, new texts).
    fn rerender(&mut self) {
        self.render(Focus::Keep);
    }

    /// Replaces the notice and the share box, leaving focus where it is.
    fn render_notice(&mut self) {
        for (selector, view) in view::live_parts(&self.state) {
            self.emit(Effect::Replace { selector, view });
        }
    }

    /// Moves focus to the first option of a question.
    fn focus_question(&mut self, id: &str) {
        let selector = ["input[name=\"", id, "\"]"].concat();
        self.emit(Effect::Focus { selector });
    }

    fn answer(&mut self, id: &str, answer: Answer) {
        let Some(q) = self.state.questionnaire.as_ref() else {
            return;
        };
        if q.question(id).is_none() {
            return;
        }
        let total = q.questions().count();
        self.state.answers.insert(id, answer);
        // Ids are listed once: remove it where it stands (`retain` is more
        // code for the same).
        if let Some(at) = self.state.unanswered.iter().position(|open| open == id) {
            self.state.unanswered.remove(at);
            let view = view::unanswered(self.questionnaire(), &self.state, false);
            self.emit(Effect::Replace {
                selector: ".rc-error",
                view,
            });
        }
        self.save();
        self.emit(Effect::Progress {
            answered: self.state.answers.len(),
            total,
        });
    }

    /// `page` is the page's URL without its fragment, for share links.
    fn act(&mut self, action: Action, page: &str) {
        // Every action but "try again" acts on a loaded questionnaire; a
        // click that arrives before one (a page script, a stale view) is
        // ignored, not a trap.
        if self.state.questionnaire.is_none() && action != Action::Retry {
            self.log("an action arrived before the questionnaire was loaded");
            return;
        }
        match action {
            Action::Start | Action::Resume => {
                let step = if action == Action::Resume {
                    self.first_open_step()
                } else {
                    Some(0)
                };
                self.state.notice = None;
                match step {
                    Some(step) => self.go(View::Step(step)),
                    None => self.show_results(true),
                }
            }
            Action::StartOver | Action::Restart => {
                self.state.answers = Answers::new();
                self.state.saved = false;
                self.state.notice = None;
                self.state.report = None;
                self.state.share_link = None;
                self.forget();
                // Leave the shared link behind, so a reload does not bring
                // the shared answers back.
                self.emit(Effect::Unlink);
                self.go(if action == Action::Restart {
                    View::Intro
                } else {
                    View::Step(0)
                });
            }
            Action::Back => {
                self.state.unanswered.clear();
                match self.state.view {
                    View::Step(0) => self.go(View::Intro),
                    View::Step(step) => self.go(View::Step(step - 1)),
                    _ => {}
                }
            }
            Action::Retry => {
                self.state.view = View::Loading;
                self.rerender();
                self.emit(Effect::Retry);
            }
            Action::Print => self.emit(Effect::Print),
            // Drawn with the comparisons only (which keep the last result).
            #[cfg(feature = "compare")]
            Action::Forget => {
                self.forget_all();
                self.state.storage = false;
                self.state.saved = false;
                self.state.notice = Some(Notice::Forgotten);
                self.rerender();
            }

            Action::Share => {
                let q = self.questionnaire();
                let code = share::encode(q, &self.state.answers);
                let link = [page, "#", FRAGMENT_KEY, &code].concat();
                self.state.share_link = Some(link.clone());
                self.render_notice();
                self.emit(Effect::Copy { text: link });
            }
        }
    }

    /// A preview's jump to a step (or the intro): no focus moves, since the
    /// person editing beside it is typing elsewhere. Ignored until a
    /// questionnaire is shown.
    fn preview(&mut self, step: Option<usize>) {
        let Some(q) = &self.state.questionnaire else { return };
        if matches!(self.state.view, View::Loading | View::LoadFailed | View::Invalid(_)) {
            return;
        }
        self.state.view = match step {
            Some(step) if step < q.factors.len() => View::Step(step),
            _ => View::Intro,
        };
        self.state.unanswered.clear();
        self.render(Focus::Stay);
    }

    /// "Next" or "See my results": only when every question of the step has
    /// an answer; otherwise name the open ones and focus the first.
    fn next(&mut self) {
        let View::Step(step) = self.state.view else {
            return;
        };
        let q = self.questionnaire();
        let mut open = Vec::new();
        for question in &q.factors[step].questions {
            if self.state.answers.get(&question.id).is_none() {
                open.push(question.id.clone());
            }
        }
        if !open.is_empty() {
            let first = open[0].clone();
            self.state.unanswered = open;
            self.render(Focus::Stay);
            self.focus_question(&first);
            return;
        }
        if step + 1 < q.factors.len() {
            self.go(View::Step(step + 1));
        } else {
            self.show_results(true);
        }
    }

    fn go(&mut self, view: View) {
        self.state.view = view;
        self.state.unanswered.clear();
        self.render(Focus::Heading);
    }

    /// The results view; `announce` (after the visitor's own answers, not
    /// for a shared link) moves focus there and dispatches the report.
    /// The visitor's own results are kept as the last result (with
    /// storage on), and compared with the one kept before.
    fn show_results(&mut self, announce: bool) {
        self.state.report = self.score();
        self.state.view = View::Results;
        #[cfg(feature = "compare")]
        {
            self.state.before = None;
            if announce {
                self.state.before = self.before();
                if self.state.storage && !self.state.today.is_empty() {
                    let key = self.last_key();
                    let code = share::encode(self.questionnaire(), &self.state.answers);
                    let value = [&self.state.today, " ", &code].concat();
                    self.emit(Effect::Save { key, value });
                }
            }
        }
        self.render(if announce { Focus::Heading } else { Focus::Stay });
        if let (Some(report), true) = (&self.state.report, announce) {
            push(&mut self.effects, Effect::Complete { report });
        }
    }

    /// The last result's date and report, to show the change since then:
    /// unless it is this very result, taken today.
    #[cfg(feature = "compare")]
    fn before(&self) -> Option<(String, Report)> {
        let (date, answers) = self.state.last.as_ref()?;
        if *date == self.state.today && *answers == self.state.answers {
            return None;
        }
        let report = self.questionnaire().report(answers, self.state.lang);
        Some((date.clone(), report))
    }

    fn score(&mut self) -> Option<Report> {
        // Answers only ever come from this questionnaire's own inputs,
        // storage and links, all checked on the way in: the report needs
        // none of `score`'s checks (nor their messages in the module).
        let q = self.state.questionnaire.as_ref()?;
        #[cfg_attr(not(feature = "compare"), allow(unused_mut))]
        let mut report = q.report(&self.state.answers, self.state.lang);
        #[cfg(feature = "compare")]
        if self.state.group.is_some() {
            q.benchmark(&mut report, self.state.group.as_deref());
        }
        Some(report)
    }

    /// The results' group selector: compare with that group (or everyone),
    /// without scoring again, and keep focus on the selector.
    #[cfg(feature = "compare")]
    fn compare(&mut self, group: &str) {
        let Some(q) = &self.state.questionnaire else { return };
        if self.state.view != View::Results {
            return;
        }
        self.state.group = (!group.is_empty()).then(|| group.to_owned());
        if let Some(report) = &mut self.state.report {
            q.benchmark(report, self.state.group.as_deref());
        }
        self.render(Focus::Stay);
        self.emit(Effect::Focus {
            selector: "select".to_owned(),
        });
    }

    fn first_open_step(&self) -> Option<usize> {
        let q = self.questionnaire();
        q.factors.iter().position(|factor| {
            factor
                .questions
                .iter()
                .any(|question| self.state.answers.get(&question.id).is_none())
        })
    }

    fn save(&mut self) {
        if self.state.storage {
            let key = self.storage_key();
            // A share code: a character per question and a checksum, so
            // saved progress is small and a damaged value is recognised.
            let value = share::encode(self.questionnaire(), &self.state.answers);
            self.emit(Effect::Save { key, value });
        }
    }

    /// Opens a share code from the page's URL (empty if there is none)
    /// meant for this questionnaire; a damaged one leaves a notice.
    fn open_share_link(&mut self, code: &str) -> bool {
        if code.is_empty() {
            return false;
        }
        match share::decode(self.questionnaire(), code) {
            Ok(answers) => {
                self.state.answers = answers;
                self.state.notice = Some(Notice::Shared);
                true
            }
            // Another widget on the page may own it.
            Err(ShareError::OtherQuestionnaire { .. }) => false,
            Err(ShareError::OtherVersion { .. }) => {
                self.state.notice = Some(Notice::ShareOtherVersion);
                false
            }
            Err(_) => {
                self.state.notice = Some(Notice::ShareDamaged);
                false
            }
        }
    }
}

const FRAGMENT_KEY: &str = "readiness=";
