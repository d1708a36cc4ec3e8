//! Rendering: the state in, a view out, as a tree for the loader to create
//! (see `dom.rs`). Each view is built whole; the few parts that change
//! without navigation (notices, the share link) are replaced in place so
//! that focus stays where the visitor left it.

use readiness_core::{decimal, Answer, Lang, Problem, Question, Questionnaire, Recommendation, Report};

use crate::chart;
use crate::dom::{el, El};
use crate::i18n::{fill, Words};
use crate::message::Action;
use crate::state::{Notice, State, View};

/// How many recommendations show before the disclosure.
const TOP_RECOMMENDATIONS: usize = 3;

/// The whole view of the current state.
pub fn page(state: &State) -> El {
    let lang = state.lang();
    let w = state.words();
    let (name, body) = match (&state.view, &state.questionnaire) {
        (View::Step(step), Some(q)) => ("step", step_view(q, state, *step, lang, w)),
        (View::Intro, Some(q)) => ("intro", intro(q, state, lang, w)),
        (View::Results, Some(q)) => match &state.report {
            Some(report) => ("results", results(q, report, state, lang, w)),
            None => ("error", failure(w.failed(), Some((w.restart(), Action::Restart)))),
        },
        (View::Invalid(problems), _) => ("error", invalid(problems, w)),
        (View::LoadFailed, _) => ("error", failure(w.load_failed(), Some((w.retry(), Action::Retry)))),
        _ => (
            "loading",
            el("p").class("rc-loading").attr("role", "status").text(w.loading()),
        ),
    };
    el("div")
        .class("rc")
        .attr("lang", &lang.code())
        .attr("data-view", name)
        .child(notice(state, w))
        .child(body)
}

/// The parts updated in place, with the selector of each: the notice and
/// the share box.
pub fn live_parts(state: &State) -> [(&'static str, El); 2] {
    let w = state.words();
    [(".rc-notice", notice(state, w)), (".rc-share", share_box(state, w))]
}

fn notice(state: &State, w: &Words) -> El {
    let text = state.notice.map(|notice| match notice {
        Notice::Shared => w.shared_notice(),
        Notice::ShareDamaged => w.share_damaged(),
        Notice::ShareOtherVersion => w.share_other_version(),
        Notice::StorageIgnored => w.storage_ignored(),
        Notice::StorageOtherVersion => w.storage_other_version(),
        Notice::Copied => w.copied(),
        Notice::CopyFailed => w.copy_failed(),
        #[cfg(feature = "compare")]
        Notice::Forgotten => w.forgotten(),
    });
    let region = el("div").class("rc-notice").attr("role", "status");
    match text {
        Some(text) => region.child(el("p").text(text)),
        None => region,
    }
}

fn heading(text: &str) -> El {
    el("h2").attr("tabindex", "-1").text(text)
}

/// A button that sends `action` when clicked (the loader reads its
/// `data-action`).
fn button(action: Action, label: &str, primary: bool) -> El {
    el("button")
        .attr("type", "button")
        .attr("data-action", action.name())
        .class(if primary { "rc-button rc-primary" } else { "rc-button" })
        .text(label)
}

fn intro(q: &Questionnaire, state: &State, lang: Lang, w: &Words) -> El {
    let factors = q.factors.iter().map(|factor| {
        el("li")
            .child(el("strong").text(factor.name.get(lang)))
            .child(el("span").text(factor.description.get(lang)))
    });
    let actions = if state.saved {
        el("div")
            .class("rc-actions")
            .child(el("p").class("rc-resume").text(w.resume_prompt()))
            .child(button(Action::Resume, w.resume(), true))
            .child(button(Action::StartOver, w.start_over(), false))
    } else {
        el("div")
            .class("rc-actions")
            .child(button(Action::Start, w.start(), true))
    };
    el("section")
        .class("rc-intro")
        .child(heading(q.title.get(lang)))
        .child(el("p").class("rc-lead").text(q.intro.get(lang)))
        .child(el("p").class("rc-meta").text(&fill(
            w.minutes(),
            &decimal(state.minutes.into()),
            &decimal(q.questions().count() as i64),
        )))
        .child(el("h3").text(w.factors_heading()))
        .child(el("ol").class("rc-factors").children(factors))
        .child(el("p").class("rc-privacy").text(w.privacy()))
        .child(actions)
}

/// The summary of the step's open questions, after a "Next" that found
/// some. `announce` makes it an alert: when it first appears, not each time
/// an answer shortens it (then it is redrawn quietly, and hidden once empty).
pub fn unanswered(q: &Questionnaire, state: &State, announce: bool) -> El {
    let lang = state.lang();
    let summary = el("div").class("rc-error");
    if state.unanswered.is_empty() {
        return summary.attr("hidden", "");
    }
    let open = state
        .unanswered
        .iter()
        .filter_map(|id| q.question(id))
        .map(|question| el("li").text(question.title.get(lang)));
    let summary = if announce {
        summary.attr("role", "alert")
    } else {
        summary
    };
    summary
        .child(el("p").text(state.words().unanswered()))
        .child(el("ul").children(open))
}

fn step_view(q: &Questionnaire, state: &State, step: usize, lang: Lang, w: &Words) -> El {
    let factor = &q.factors[step];
    let total = q.factors.len();
    let (number, total_text) = (decimal(step as i64 + 1), decimal(total as i64));
    let progress = fill(w.step_of(), &number, &total_text);
    let last = step + 1 == total;
    let error = (!state.unanswered.is_empty()).then(|| unanswered(q, state, true));
    let questions = factor.questions.iter().map(|question| {
        let missing = state.unanswered.contains(&question.id);
        question_view(question, state.answers.get(&question.id), missing, lang, w)
    });
    el("form")
        .class("rc-step")
        .attr("novalidate", "")
        .attr("data-step", &number)
        .child(
            el("h2")
                .attr("tabindex", "-1")
                .child(el("span").class("rc-kicker").text(&progress))
                .child(el("span").class("rc-factor-name").text(factor.name.get(lang))),
        )
        .child(
            el("progress")
                .attr("max", &total_text)
                .attr("value", &number)
                .attr("aria-label", &progress),
        )
        .child(el("p").class("rc-lead").text(factor.description.get(lang)))
        .maybe(error)
        .children(questions)
        .child(
            el("div")
                .class("rc-nav")
                .child(button(Action::Back, w.back(), false))
                .child(
                    el("button")
                        .attr("type", "submit")
                        .class("rc-button rc-primary")
                        .text(if last { w.see_results() } else { w.next() }),
                ),
        )
}

fn question_view(question: &Question, answer: Option<Answer>, missing: bool, lang: Lang, w: &Words) -> El {
    let id = &question.id;
    let option = |value: Answer, label: &str, class: &str| {
        el("label")
            .class(class)
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr("name", id)
                    .attr("value", value.code())
                    .flag("checked", answer == Some(value)),
            )
            .child(el("span").text(label))
    };
    let scale = question
        .options
        .iter()
        .enumerate()
        .map(|(value, text)| option(Answer::Value(value as u8), text.text.get(lang), "rc-option"));
    let help_id = ["rc-help-", id].concat();
    let help = question
        .help
        .as_ref()
        .map(|help| el("p").class("rc-help").attr("id", &help_id).text(help.get(lang)));
    let fieldset = el("fieldset")
        .class(if missing {
            "rc-question rc-missing"
        } else {
            "rc-question"
        })
        .attr("data-question", id);
    // The help is read with the group's name when one of its radios gets focus.
    let fieldset = if help.is_some() {
        fieldset.attr("aria-describedby", &help_id)
    } else {
        fieldset
    };
    fieldset
        .child(el("legend").text(question.prompt.get(lang)))
        .maybe(help)
        .child(el("div").class("rc-options").children(scale))
        .child(
            el("div")
                .class("rc-options rc-aside")
                .child(option(Answer::DontKnow, w.dont_know(), "rc-option"))
                .maybe(
                    question
                        .allow_not_applicable
                        .then(|| option(Answer::NotApplicable, w.not_applicable(), "rc-option")),
                ),
        )
}

fn results(q: &Questionnaire, report: &Report, state: &State, lang: Lang, w: &Words) -> El {
    let overall = &report.overall;
    let score = overall.score.format(w.decimal());
    let hidden_summary = [": ", &overall.level.name, ", ", &score, " ", w.out_of()].concat();
    let dont_know = (report.dont_know > 0).then(|| {
        el("p")
            .class("rc-meta")
            .text(&fill(w.dont_know_count(), &decimal(report.dont_know as i64), ""))
    });
    el("section")
        .class("rc-results")
        .child(
            el("h2")
                .attr("tabindex", "-1")
                .text(w.results())
                .child(el("span").class("rc-visually-hidden").text(&hidden_summary)),
        )
        .child(standing(q, report, state, lang, w))
        .maybe(dont_know)
        .child(factor_chart(q, report, state, w))
        .child(advice(report, w))
        .child(strengths(report, w))
        .child(
            el("div")
                .class("rc-actions rc-no-print")
                .child(button(Action::Print, w.print(), false))
                .child(button(Action::Share, w.share(), false))
                .child(button(Action::Restart, w.restart(), false))
                .maybe(forget_button(state, w)),
        )
        .child(share_box(state, w))
        .child(
            el("p")
                .class("rc-source")
                .text(&[q.title.get(lang), " · ", &q.version].concat()),
        )
}

/// Where the visitor stands: the score, the level with what a cap holds
/// down and why, and the ladder of levels with the way to the next one.
fn standing(q: &Questionnaire, report: &Report, state: &State, lang: Lang, w: &Words) -> El {
    let overall = &report.overall;
    #[cfg(feature = "compare")]
    let change = state.before.as_ref().map(|(date, before)| {
        let delta = overall.score.tenths() - before.overall.score.tenths();
        el("p")
            .class("rc-change")
            .text(&fill(w.since(), &signed(delta, w), date))
    });
    #[cfg(not(feature = "compare"))]
    let change: Option<El> = None;
    let held = overall.uncapped_level.index > overall.level.index;
    let earned = held.then(|| {
        el("p")
            .class("rc-earned")
            .text(&fill(w.level_earned(), &overall.uncapped_level.name, ""))
    });
    let caps = (!overall.caps.is_empty()).then(|| {
        el("ul").class("rc-caps").children(overall.caps.iter().map(|cap| {
            el("li")
                .child(el("strong").text(&fill(w.held_at(), &cap.max_level.name, "")))
                .text(": ")
                .text(&cap.reason)
        }))
    });
    let ladder = q.levels.iter().enumerate().rev().map(|(i, level)| {
        let here = i == overall.level.index;
        let item = el("li")
            .class(if here { "rc-rung rc-here" } else { "rc-rung" })
            .child(el("span").class("rc-rung-name").text(level.name.get(lang)))
            .child(el("span").class("rc-rung-min").text(&decimal(level.min as i64)));
        if here {
            item.attr("aria-current", "step")
                .child(el("span").class("rc-rung-here").text(w.you_are_here()))
        } else {
            item
        }
    });
    let next = match &overall.next {
        None => w.top_level().to_owned(),
        Some(next) if next.points.tenths() == 0 => fill(w.next_held(), &next.level.name, ""),
        Some(next) => fill(w.to_next(), &next.points.format(w.decimal()), &next.level.name),
    };
    el("div")
        .class("rc-overall")
        .attr("data-level", &overall.level.id)
        .attr("data-level-index", &decimal(overall.level.index as i64))
        .child(
            el("p")
                .class("rc-score")
                .child(el("span").class("rc-score-label").text(w.overall()))
                .child(
                    el("span")
                        .class("rc-score-number")
                        .text(&overall.score.format(w.decimal())),
                )
                .child(el("span").class("rc-score-max").text(w.out_of())),
        )
        .maybe(change)
        .maybe(comparison(q, report, state, lang, w))
        .child(
            el("p")
                .class("rc-level")
                .child(el("span").text(w.level()))
                .text(" ")
                .child(el("strong").text(&overall.level.name)),
        )
        .maybe(earned)
        .maybe(caps)
        .child(el("p").class("rc-level-description").text(&overall.description))
        .child(
            el("div")
                .class("rc-ladder")
                .child(el("h3").class("rc-visually-hidden").text(w.ladder()))
                .child(el("ol").children(ladder))
                .child(el("p").class("rc-next").text(&next)),
        )
}

/// The radar of the factor scores and the same numbers as a table.
/// How the overall score compares with the benchmarks: its percentile,
/// the distribution with the score marked, and the group selector when
/// there are groups.
#[cfg(feature = "compare")]
fn comparison(q: &Questionnaire, report: &Report, state: &State, lang: Lang, w: &Words) -> Option<El> {
    let b = report.overall.benchmark.as_ref()?;
    let benchmarks = q.benchmarks.as_ref()?;
    let counted = |name: &str, count: u32| [name, " (", &decimal(count.into()), ")"].concat();
    let who = match &b.group {
        Some(_) => counted(&b.label, b.count),
        None => b.label.clone(),
    };
    let option = |id: &str, text: &str| {
        el("option")
            .attr("value", id)
            .flag("selected", state.group.as_deref().unwrap_or("") == id)
            .text(text)
    };
    let groups = (!benchmarks.groups.is_empty()).then(|| {
        el("label").class("rc-group").text(w.compare_with()).child(
            el("select").child(option("", benchmarks.label.get(lang))).children(
                benchmarks
                    .groups
                    .iter()
                    .map(|g| option(&g.id, &counted(g.name.get(lang), g.count))),
            ),
        )
    });
    Some(
        el("div")
            .class("rc-compare")
            .child(chart::strip(bins(q, state, None), report.overall.score.tenths()))
            .child(el("p").text(&fill(w.ahead(), &decimal(b.percentile.into()), &who)))
            .maybe(groups),
    )
}

/// Without the feature, reports carry no comparison (`wasm/Cargo.toml`).
#[cfg(not(feature = "compare"))]
fn comparison(_: &Questionnaire, _: &Report, _: &State, _: Lang, _: &Words) -> Option<El> {
    None
}

/// The distribution compared with: overall, or a factor's by id.
#[cfg(feature = "compare")]
fn bins<'q>(q: &'q Questionnaire, state: &State, factor: Option<&str>) -> &'q [u32] {
    let Some(benchmarks) = &q.benchmarks else { return &[] };
    let chosen = benchmarks.population(state.group.as_deref());
    match factor {
        None => chosen.overall,
        Some(id) => chosen.factors.get(id).unwrap_or(&[]),
    }
}

/// A change of score: `+4.5`, `-1.0`, `0.0`.
#[cfg(feature = "compare")]
fn signed(tenths: i32, w: &Words) -> String {
    let sign = if tenths > 0 { "+" } else { "" };
    [sign, &readiness_core::Score::from_tenths(tenths).format(w.decimal())].concat()
}

fn factor_chart(q: &Questionnaire, report: &Report, state: &State, w: &Words) -> El {
    let rows = report.factors.iter().enumerate().map(|(f, factor)| {
        let [compared, change] = compared_cells(q, report, state, w, f);
        el("tr")
            .child(el("th").attr("scope", "row").text(&factor.name))
            .child(
                el("td").child(
                    el("div")
                        .class("rc-score-cell")
                        .child(chart::bar(factor.score.tenths()))
                        .child(el("span").text(&factor.score.format(w.decimal()))),
                ),
            )
            .child(el("td").text(&factor.level.name))
            .maybe(compared)
            .maybe(change)
    });
    let [compared, change] = compared_headers(report, state, w);
    el("div")
        .class("rc-chart")
        .child(chart::radar(report, w.chart_label(), w.decimal()))
        .child(
            el("table")
                .class("rc-table")
                .child(el("caption").text(w.chart_label()))
                .child(
                    el("thead").child(
                        el("tr")
                            .child(column(w.factor()))
                            .child(column(w.score()))
                            .child(column(w.level()))
                            .maybe(compared)
                            .maybe(change),
                    ),
                )
                .child(el("tbody").children(rows)),
        )
}

/// Factor `f`'s cells of the comparisons: with the benchmarks (where it
/// stands in the distribution, and its percentile), and with the last
/// result (the change).
#[cfg(feature = "compare")]
fn compared_cells(q: &Questionnaire, report: &Report, state: &State, w: &Words, f: usize) -> [Option<El>; 2] {
    let factor = &report.factors[f];
    let compared = factor.benchmark.as_ref().map(|b| {
        el("td").child(
            el("div")
                .class("rc-score-cell")
                .child(chart::strip(bins(q, state, Some(&factor.id)), factor.score.tenths()))
                .child(el("span").text(&[&decimal(b.percentile.into()), "%"].concat())),
        )
    });
    let change = state.before.as_ref().map(|(_, before)| {
        let delta = factor.score.tenths() - before.factors[f].score.tenths();
        el("td").text(&signed(delta, w))
    });
    [compared, change]
}

/// The headers of `compared_cells`' columns, where there are any.
#[cfg(feature = "compare")]
fn compared_headers(report: &Report, state: &State, w: &Words) -> [Option<El>; 2] {
    [
        report.overall.benchmark.as_ref().map(|_| column(w.ahead_of())),
        state
            .before
            .as_ref()
            .map(|(date, _)| column(&fill(w.change_since(), date, ""))),
    ]
}

/// A column's header cell.
fn column(text: &str) -> El {
    el("th").attr("scope", "col").text(text)
}

#[cfg(not(feature = "compare"))]
fn compared_cells(_: &Questionnaire, _: &Report, _: &State, _: &Words, _: usize) -> [Option<El>; 2] {
    [None, None]
}

#[cfg(not(feature = "compare"))]
fn compared_headers(_: &Report, _: &State, _: &Words) -> [Option<El>; 2] {
    [None, None]
}

/// The top recommendations, and the rest behind a disclosure.
fn advice(report: &Report, w: &Words) -> El {
    let recommendations = &report.recommendations;
    let rest = (recommendations.len() > TOP_RECOMMENDATIONS).then(|| {
        el("details")
            .child(
                el("summary").text(
                    &[
                        w.more_recommendations(),
                        " (",
                        &decimal((recommendations.len() - TOP_RECOMMENDATIONS) as i64),
                        ")",
                    ]
                    .concat(),
                ),
            )
            .child(
                el("ol")
                    .class("rc-recs")
                    .attr("start", &decimal(TOP_RECOMMENDATIONS as i64 + 1))
                    .children(
                        recommendations
                            .iter()
                            .skip(TOP_RECOMMENDATIONS)
                            .map(|r| recommendation(r, w)),
                    ),
            )
    });
    el("section")
        .class("rc-advice")
        .child(el("h3").text(w.recommendations()))
        .child(if recommendations.is_empty() {
            el("p").text(w.no_recommendations())
        } else {
            el("ol").class("rc-recs").children(
                recommendations
                    .iter()
                    .take(TOP_RECOMMENDATIONS)
                    .map(|r| recommendation(r, w)),
            )
        })
        .maybe(rest)
}

fn strengths(report: &Report, w: &Words) -> El {
    let list = if report.strengths.is_empty() {
        el("p").text(w.no_strengths())
    } else {
        el("ul")
            .class("rc-strengths")
            .children(report.strengths.iter().map(|strength| {
                el("li")
                    .child(el("strong").text(&strength.title))
                    .text(": ")
                    .text(&strength.text)
            }))
    };
    el("section")
        .class("rc-strengths-section")
        .child(el("h3").text(w.strengths()))
        .child(list)
}

fn recommendation(r: &Recommendation, w: &Words) -> El {
    // Advice for "don't know" starts from the bottom step; say why.
    let unknown =
        matches!(r.answer, Some(Answer::DontKnow) | None).then(|| el("p").class("rc-meta").text(w.find_out_first()));
    el("li")
        .class(if r.lifts_cap { "rc-rec rc-lifts-cap" } else { "rc-rec" })
        .child(
            el("p")
                .class("rc-rec-title")
                .child(el("strong").text(&r.title))
                .text(" ")
                .child(
                    el("span")
                        .class("rc-gain")
                        .text(&fill(w.gain(), &r.gain.format(w.decimal()), "")),
                ),
        )
        .maybe(unknown)
        .child(el("p").text(&r.text))
}

fn share_box(state: &State, w: &Words) -> El {
    let box_ = el("div").class("rc-share rc-no-print");
    match &state.share_link {
        Some(link) => box_.child(
            el("label").child(el("span").text(w.share_label())).child(
                el("input")
                    .attr("type", "text")
                    .attr("readonly", "")
                    .attr("value", link),
            ),
        ),
        None => box_,
    }
}

fn invalid(problems: &[Problem], w: &Words) -> El {
    el("section")
        .class("rc-invalid")
        .child(heading(w.invalid_questionnaire()))
        .child(el("ul").class("rc-problems").children(problems.iter().map(|problem| {
            el("li")
                .child(el("code").text(problem.place()))
                .text(": ")
                .text(&problem.message)
                .maybe((!problem.hint.is_empty()).then(|| el("span").class("rc-hint").text(&problem.hint)))
        })))
}

/// An error the visitor can act on: a message and one action.
fn failure(message: &str, action: Option<(&str, Action)>) -> El {
    el("section")
        .class("rc-failure")
        .child(heading(message))
        .maybe(action.map(|(label, action)| el("div").class("rc-actions").child(button(action, label, true))))
}

/// "Forget my answers", where something is stored (with the comparisons,
/// which keep the last result as well as the progress).
#[cfg(feature = "compare")]
fn forget_button(state: &State, w: &Words) -> Option<El> {
    state.storage.then(|| button(Action::Forget, w.forget(), false))
}

#[cfg(not(feature = "compare"))]
fn forget_button(_: &State, _: &Words) -> Option<El> {
    None
}
