//! The widget's state and what changes it.
//!
//! Data flows one way: a message (a DOM event, a loaded questionnaire, a
//! language change) updates the state; the state is rendered; the core
//! computes every number. The JavaScript loader owns the element, the
//! event listeners and the network; it hands events in and carries out the
//! effects this returns (dispatching DOM events, fetching, copying), so no
//! Rust closure outlives a call and a failure never escapes into the page.

use readiness_core::share::{self, ShareError};
use readiness_core::{Answer, Answers, Lang, Problem, Questionnaire, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, ShadowRoot};

use crate::dom::closest;
use crate::json_out;
use crate::storage;
use crate::view;

/// Where the visitor is.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Loading,
    Intro,
    Step(usize),
    Results,
    /// The questionnaire file is not valid: shown to the marketer.
    Invalid(Vec<Problem>),
    /// The questionnaire could not be fetched.
    LoadFailed,
}

/// A short message shown above the current view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    Shared,
    ShareDamaged,
    ShareOtherVersion,
    StorageIgnored,
    Copied,
    CopyFailed,
}

/// What the loader must do after a call, in order.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Effect<'a> {
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
}

pub struct State {
    pub lang: Lang,
    pub storage: bool,
    pub questionnaire: Option<Questionnaire>,
    pub answers: Answers,
    pub view: View,
    pub notice: Option<Notice>,
    /// Questions left open when the visitor tried to go on.
    pub unanswered: Vec<String>,
    /// The report of the results view.
    pub report: Option<Report>,
    pub share_link: Option<String>,
    /// Whether saved answers were found on load (the intro offers to resume).
    pub saved: bool,
}

impl State {
    /// The questionnaire's language closest to the visitor's.
    pub fn lang(&self) -> Lang {
        self.questionnaire.as_ref().map_or(self.lang, |q| q.language(self.lang))
    }
}

/// One `<readiness-check>` element's widget.
#[wasm_bindgen]
pub struct Widget {
    root: ShadowRoot,
    state: State,
}

#[wasm_bindgen]
impl Widget {
    /// A widget rendering into `root`, the open shadow root of its element.
    #[wasm_bindgen(constructor)]
    pub fn new(root: ShadowRoot, lang: &str, storage: bool) -> Widget {
        let state = State {
            lang: Lang::from_tag(lang).unwrap_or(Lang::En),
            storage,
            questionnaire: None,
            answers: Answers::new(),
            view: View::Loading,
            notice: None,
            unanswered: Vec::new(),
            report: None,
            share_link: None,
            saved: false,
        };
        let widget = Widget { root, state };
        widget.render(false);
        widget
    }

    /// The questionnaire arrived: validate it and show the intro, a shared
    /// result, or (when it only changed language) the same view again.
    pub fn load(&mut self, text: &str) -> Option<String> {
        let questionnaire = match Questionnaire::from_json(text) {
            Ok(questionnaire) => questionnaire,
            Err(problems) => {
                for problem in &problems {
                    web_sys::console::error_1(&format!("<readiness-check>: {problem}").into());
                }
                self.state.view = View::Invalid(problems);
                self.rerender();
                return None;
            }
        };
        let same = self
            .state
            .questionnaire
            .as_ref()
            .is_some_and(|old| old.id == questionnaire.id && old.version == questionnaire.version);
        self.state.questionnaire = Some(questionnaire);
        if same {
            // A language switch: keep answers and place, refresh the texts.
            if self.state.view == View::Results {
                self.state.report = self.score();
            }
            self.rerender();
            return None;
        }
        self.state.answers = Answers::new();
        self.state.notice = None;
        if self.open_share_link() {
            self.show_results(false);
            return effects(&[Effect::Ready]);
        }
        if self.state.storage {
            match storage::load(self.questionnaire()) {
                Ok(Some(answers)) => {
                    self.state.answers = answers;
                    self.state.saved = !self.state.answers.is_empty();
                }
                Ok(None) => {}
                Err(()) => self.state.notice = Some(Notice::StorageIgnored),
            }
        }
        self.state.view = View::Intro;
        self.render(false);
        effects(&[Effect::Ready])
    }

    /// The questionnaire could not be fetched.
    pub fn load_failed(&mut self, message: &str) {
        web_sys::console::error_1(&format!("<readiness-check>: {message}").into());
        self.state.view = View::LoadFailed;
        self.rerender();
    }

    /// The `lang` the loader resolved changed.
    pub fn set_lang(&mut self, lang: &str) {
        let lang = Lang::from_tag(lang).unwrap_or(Lang::En);
        if lang != self.state.lang {
            self.state.lang = lang;
            if self.state.view == View::Results {
                self.state.report = self.score();
            }
            self.rerender();
        }
    }

    /// The `storage` attribute changed: `false` forgets what was saved.
    pub fn set_storage(&mut self, on: bool) {
        self.state.storage = on;
        if !on {
            if let Some(q) = &self.state.questionnaire {
                storage::clear(q);
            }
        }
    }

    /// The result of a copy the loader was asked to make.
    pub fn copied(&mut self, ok: bool) {
        self.state.notice = Some(if ok { Notice::Copied } else { Notice::CopyFailed });
        self.render_notice();
    }

    /// A `click`, `change` or `submit` event inside the shadow root.
    /// Returns the effects for the loader to carry out.
    pub fn handle(&mut self, event: &Event) -> Option<String> {
        match event.type_().as_str() {
            "change" => self.changed(event),
            "submit" => {
                event.prevent_default();
                self.next()
            }
            "click" => match closest(event.target(), "[data-action]") {
                Some(button) => self.action(&button),
                None => None,
            },
            _ => None,
        }
    }
}

impl Widget {
    fn questionnaire(&self) -> &Questionnaire {
        // Only called in views that exist once a questionnaire is loaded.
        self.state.questionnaire.as_ref().expect_throw("questionnaire loaded")
    }

    /// Renders the current view; `focus` moves focus to its heading (after
    /// the visitor's own navigation, never on page load).
    fn render(&self, focus: bool) {
        view::render(&self.root, &self.state, focus);
    }

    /// Renders again in place (new language, new texts), keeping the
    /// visitor's focus in the widget if it was there.
    fn rerender(&self) {
        self.render(self.root.active_element().is_some());
    }

    fn render_notice(&self) {
        view::render_notice(&self.root, &self.state);
    }

    fn changed(&mut self, event: &Event) -> Option<String> {
        let input = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
        let (id, value) = (input.name(), input.value());
        let answer = Answer::from_code(&value)?;
        let q = self.state.questionnaire.as_ref()?;
        q.question(&id)?;
        self.state.answers.insert(id.clone(), answer);
        self.state.unanswered.retain(|open| *open != id);
        self.save();
        let total = q.questions().count();
        effects(&[Effect::Progress {
            answered: self.state.answers.len(),
            total,
        }])
    }

    fn action(&mut self, button: &Element) -> Option<String> {
        let action = button.get_attribute("data-action").unwrap_or_default();
        match action.as_str() {
            "start" | "resume" => {
                let step = if action == "resume" {
                    self.first_open_step()
                } else {
                    Some(0)
                };
                self.state.notice = None;
                match step {
                    Some(step) => self.go(View::Step(step)),
                    None => return self.show_results(true),
                }
            }
            "start-over" | "restart" => {
                self.state.answers = Answers::new();
                self.state.saved = false;
                self.state.notice = None;
                self.state.report = None;
                self.state.share_link = None;
                if let Some(q) = &self.state.questionnaire {
                    storage::clear(q);
                }
                clear_share_fragment();
                self.go(if action == "restart" {
                    View::Intro
                } else {
                    View::Step(0)
                });
            }
            "back" => {
                self.state.unanswered.clear();
                match self.state.view {
                    View::Step(0) => self.go(View::Intro),
                    View::Step(step) => self.go(View::Step(step - 1)),
                    _ => {}
                }
            }
            "retry" => {
                self.state.view = View::Loading;
                self.rerender();
                return effects(&[Effect::Retry]);
            }
            "print" => return effects(&[Effect::Print]),
            "share" => {
                let q = self.questionnaire();
                let code = share::encode(q, &self.state.answers);
                let link = share_url(&code);
                self.state.share_link = Some(link.clone());
                self.render_notice();
                return effects(&[Effect::Copy { text: link }]);
            }
            _ => {}
        }
        None
    }

    /// "Next" or "See my results": only when every question of the step has
    /// an answer; otherwise name the open ones and focus the first.
    fn next(&mut self) -> Option<String> {
        let View::Step(step) = self.state.view else {
            return None;
        };
        let q = self.questionnaire();
        let open: Vec<String> = q.factors[step]
            .questions
            .iter()
            .filter(|question| self.state.answers.get(&question.id).is_none())
            .map(|question| question.id.clone())
            .collect();
        if !open.is_empty() {
            self.state.unanswered = open;
            self.render(false);
            view::focus_question(&self.root, &self.state.unanswered[0]);
            return None;
        }
        if step + 1 < q.factors.len() {
            self.go(View::Step(step + 1));
            None
        } else {
            self.show_results(true)
        }
    }

    fn go(&mut self, view: View) {
        self.state.view = view;
        self.state.unanswered.clear();
        self.render(true);
    }

    fn show_results(&mut self, announce: bool) -> Option<String> {
        self.state.report = self.score();
        self.state.view = View::Results;
        self.render(announce);
        match &self.state.report {
            Some(report) if announce => effects(&[Effect::Complete { report }]),
            _ => None,
        }
    }

    fn score(&self) -> Option<Report> {
        let q = self.state.questionnaire.as_ref()?;
        match q.score(&self.state.answers, self.state.lang) {
            Ok(report) => Some(report),
            Err(problems) => {
                // Answers only ever come from this questionnaire's own
                // inputs, storage and links, all checked on the way in.
                for problem in &problems {
                    web_sys::console::error_1(&format!("<readiness-check>: {problem}").into());
                }
                None
            }
        }
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

    fn save(&self) {
        if self.state.storage {
            storage::save(self.questionnaire(), &self.state.answers);
        }
    }

    /// Opens a share link in the page's fragment meant for this
    /// questionnaire; a damaged one leaves a notice.
    fn open_share_link(&mut self) -> bool {
        let Some(code) = share_fragment() else {
            return false;
        };
        match share::decode(self.questionnaire(), &code) {
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

/// Effects as JSON text for the loader, which parses it (see `json_out`).
fn effects(list: &[Effect<'_>]) -> Option<String> {
    Some(json_out::to_string(list))
}

const FRAGMENT_KEY: &str = "readiness=";

fn share_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let start = hash.find(FRAGMENT_KEY)? + FRAGMENT_KEY.len();
    let code = &hash[start..];
    let code = code.split('&').next().unwrap_or(code);
    js_sys::decode_uri_component(code).ok().map(String::from)
}

fn share_url(code: &str) -> String {
    let location = web_sys::window().map(|window| window.location());
    let href = location.and_then(|location| location.href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or(&href);
    format!("{base}#{FRAGMENT_KEY}{code}")
}

/// Starting again leaves the shared link behind, so a reload does not bring
/// the shared answers back.
fn clear_share_fragment() {
    let Some(window) = web_sys::window() else { return };
    if share_fragment().is_some() {
        let location = window.location();
        let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
}
