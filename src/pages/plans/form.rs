//! Writing a comment: text, optional nickname, optional location (tap on the map, or with
//! the keyboard: move the map and add the point at its centre), answers to the plan's
//! questions. The draft is saved on every change and restored on return; an error never
//! clears what was typed.

use super::detail::{use_plan, PlanContext};
use super::sender::{is_pending, Sending};
use crate::backend::BackendError;
use crate::components::backend_error::backend_error_text;
use crate::domain::{Access, PeriodState, Question, QuestionKind};
use crate::format::date_time;
use crate::i18n::{fill, use_i18n, Strings};
use crate::state::draft::{
    self, CommentDraft, Field, Problem, Sketch, SketchKind, SketchProblem, MAX_NICKNAME, MAX_TEXT,
};
use crate::state::outbox::State;
use crate::web::clock::now;
use crate::web::device;
use leptos::prelude::*;

const NICKNAME_KEY: &str = "nickname";

/// The message for a problem with a field.
pub fn problem_text(t: &'static Strings, problem: Problem) -> String {
    match problem {
        Problem::Required => t.plans_form_required.to_string(),
        Problem::TooLong { max } => fill(t.plans_form_too_long, &[("max", &max.to_string())]),
        Problem::Location(SketchProblem::TooFewVertices { needed }) => fill(
            t.plans_form_location_points,
            &[("count", &needed.to_string())],
        ),
        Problem::Location(SketchProblem::TooManyVertices) => {
            t.plans_form_location_too_many.to_string()
        }
    }
}

/// The server's field errors (`/text`, `/nickname`, `/geometry`, `/answers…`) as form fields.
pub fn server_problems(error: Option<&BackendError>) -> Vec<(Field, String)> {
    let Some(BackendError::Validation { fields }) = error else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|(path, code)| {
            let field = match path.trim_start_matches('/').split('/').next()? {
                "text" => Field::Text,
                "nickname" => Field::Nickname,
                "geometry" => Field::Location,
                _ => return None,
            };
            Some((field, code.clone()))
        })
        .collect()
}

/// The status line of a comment on its way.
pub fn sending_text(t: &'static Strings, item: &Sending, lang: crate::domain::Lang) -> String {
    match &item.state {
        State::Queued | State::Sending => t.plans_send_sending.to_string(),
        State::RetryAt { at_ms } => {
            let at = crate::domain::Timestamp::from_unix_seconds((*at_ms / 1000) as i64);
            let why = item
                .error
                .as_ref()
                .map(|e| backend_error_text(t, e))
                .unwrap_or_default();
            format!(
                "{} {}",
                why,
                fill(t.plans_send_retry_at, &[("time", &date_time(lang, at))])
            )
        }
        State::WaitingForNetwork => t.plans_send_waiting.to_string(),
        State::NeedsSignIn => t.backend_error_unauthorized.to_string(),
        State::Sent => t.plans_send_sent.to_string(),
        State::Rejected { .. } => fill(
            t.plans_send_rejected,
            &[(
                "reason",
                &item
                    .error
                    .as_ref()
                    .map(|e| backend_error_text(t, e))
                    .unwrap_or_default(),
            )],
        ),
    }
}

#[component]
pub fn CommentForm() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let (period, commenting) = ctx
        .plan
        .with_value(|p| (p.summary.comment_period, p.commenting));
    let state = period.map(|p| p.state_at(now()));
    let message = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        match (state, period) {
            (_, _) if commenting == Access::Nobody => Some(t.plans_form_not_allowed.to_string()),
            (Some(PeriodState::NotYetOpen), Some(p)) => Some(fill(
                t.plans_form_opens,
                &[("date", &date_time(lang, p.opens))],
            )),
            (Some(PeriodState::Closed), Some(p)) => Some(fill(
                t.plans_form_closed,
                &[(
                    "date",
                    &p.closes.map(|c| date_time(lang, c)).unwrap_or_default(),
                )],
            )),
            (None, _) => Some(t.plans_form_no_period.to_string()),
            _ if matches!(commenting, Access::SignedIn | Access::StrongAuth) => {
                Some(t.backend_error_registered_only.to_string())
            }
            _ => None,
        }
    };
    view! {
        <section id="os-comment-form" class="os-comment-form" aria-labelledby="os-comment-form-heading" tabindex="-1">
            <h2 id="os-comment-form-heading">{i18n.tr(|t| t.plans_form_heading)}</h2>
            {move || match message() {
                Some(m) => view! { <p class="os-notice">{m}</p> }.into_any(),
                None => view! { <CommentFields ctx=ctx/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn CommentFields(ctx: PlanContext) -> impl IntoView {
    let i18n = use_i18n();
    let draft = ctx.draft;
    let (base, plan_id, questions) = (
        ctx.backend.with_value(|b| b.base_url.clone()),
        ctx.plan.with_value(|p| p.summary.id.clone()),
        ctx.plan.with_value(|p| p.questions.clone()),
    );
    let key = draft::storage_key(&base, &plan_id, None);
    // Restore: the saved draft, else a fresh one with the remembered nickname.
    {
        let saved: Option<CommentDraft> = device::get_json(&key);
        let mut restored = saved.unwrap_or_default();
        if restored.nickname.is_empty() && !device::is_kiosk() {
            restored.nickname = device::get(NICKNAME_KEY).unwrap_or_default();
        }
        draft.set(restored);
    }
    let saved_note = RwSignal::new(false);
    Effect::new(move |first: Option<()>| {
        let d = draft.get();
        if first.is_none() {
            return;
        }
        if d.is_empty() {
            device::remove(&key);
        } else {
            saved_note.set(device::set_json(&key, &d));
        }
        if !device::is_kiosk() && !d.nickname.trim().is_empty() {
            device::set(NICKNAME_KEY, d.nickname.trim());
        }
    });

    let shown_problems = RwSignal::new(Vec::<(Field, Problem)>::new());
    let questions = StoredValue::new(questions);
    let mine = move || {
        ctx.sender
            .items
            .get()
            .into_iter()
            .rfind(|s| s.parent.is_none())
    };
    let busy = move || mine().is_some_and(|s| is_pending(&s.state));
    let server = move || server_problems(mine().and_then(|s| s.error).as_ref());
    let error_of = move |field: Field| {
        let t = i18n.t();
        shown_problems
            .get()
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| problem_text(t, *p))
            .or_else(|| {
                server()
                    .into_iter()
                    .find(|(f, _)| *f == field)
                    .map(|_| t.backend_error_invalid.to_string())
            })
    };

    // Problems update as the resident fixes them, once they have tried to send.
    Effect::new(move |_| {
        let d = draft.get();
        if !shown_problems.get_untracked().is_empty() {
            shown_problems.set(questions.with_value(|q| d.problems(q)));
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        let d = draft.get_untracked();
        let problems = questions.with_value(|q| d.problems(q));
        if let Some((first, _)) = problems.first() {
            let id = match first {
                Field::Text => "os-comment-text".to_string(),
                Field::Nickname => "os-comment-nickname".to_string(),
                Field::Location => "os-comment-location-none".to_string(),
                Field::Question(q) => format!("os-question-{q}"),
            };
            shown_problems.set(problems);
            focus(&id);
            return;
        }
        shown_problems.set(Vec::new());
        ctx.sender.submit(ctx, d);
    };

    let count = move || draft.with(|d| d.text.chars().count());
    let counter = move || {
        fill(
            i18n.t().plans_form_counter,
            &[
                ("count", &count().to_string()),
                ("max", &MAX_TEXT.to_string()),
            ],
        )
    };
    let text_error = move || error_of(Field::Text);
    let nick_error = move || error_of(Field::Nickname);

    view! {
        <form class="os-form" novalidate on:submit=on_submit>
            <div class="os-field" class:os-field--invalid=move || text_error().is_some()>
                <label for="os-comment-text">{i18n.tr(|t| t.plans_form_text)}</label>
                <textarea id="os-comment-text" class="os-input os-textarea" rows="6"
                    aria-describedby="os-comment-text-counter os-comment-text-error"
                    aria-invalid=move || text_error().is_some().to_string()
                    aria-required="true"
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))></textarea>
                <p id="os-comment-text-counter" class="os-field__hint"
                    class=("os-field__hint--over", move || count() > MAX_TEXT)>{counter}</p>
                <p id="os-comment-text-error" class="os-field__error">{text_error}</p>
            </div>
            <div class="os-field" class:os-field--invalid=move || nick_error().is_some()>
                <label for="os-comment-nickname">{i18n.tr(|t| t.plans_form_nickname)}</label>
                <input id="os-comment-nickname" class="os-input" type="text" autocomplete="nickname"
                    aria-describedby="os-comment-nickname-hint os-comment-nickname-error"
                    aria-invalid=move || nick_error().is_some().to_string()
                    prop:value=move || draft.with(|d| d.nickname.clone())
                    on:input=move |ev| draft.update(|d| d.nickname = event_target_value(&ev))/>
                <p id="os-comment-nickname-hint" class="os-field__hint">
                    {move || if device::is_kiosk() { i18n.t().plans_form_nickname_hint_kiosk } else { i18n.t().plans_form_nickname_hint }}
                    " "
                    {fill("({max})", &[("max", &MAX_NICKNAME.to_string())])}
                </p>
                <p id="os-comment-nickname-error" class="os-field__error">{nick_error}</p>
            </div>
            <LocationField ctx=ctx error=Signal::derive(move || error_of(Field::Location))/>
            {questions.get_value().into_iter().map(|q| {
                let qid = q.id;
                view! { <QuestionField question=q draft=draft error=Signal::derive(move || error_of(Field::Question(qid)))/> }
            }).collect_view()}
            <div class="os-form__actions">
                <button type="submit" class="os-button os-button--primary"
                    aria-disabled=move || busy().to_string()>
                    {i18n.tr(|t| t.plans_form_send)}
                </button>
            </div>
            <p class="os-form__status" role="status" aria-live="polite">
                {move || {
                    let t = i18n.t();
                    match mine() {
                        Some(item) => sending_text(t, &item, i18n.lang()),
                        None if saved_note.get() => t.plans_form_draft_saved.to_string(),
                        None => String::new(),
                    }
                }}
            </p>
            {move || mine().filter(|s| matches!(s.state, State::Rejected { .. })).map(|s| {
                let key = s.key.clone();
                view! {
                    <p class="os-error" role="alert">
                        {i18n.tr(|t| t.plans_send_fix_and_resend)}
                        " "
                        <button type="button" class="os-button os-button--small"
                            on:click=move |_| ctx.sender.dismiss(&key)>
                            {i18n.tr(|t| t.plans_send_dismiss)}
                        </button>
                    </p>
                }
            })}
        </form>
    }
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A way to locate a comment: the kind drawn (none for "no specific place"), an id part, its name.
type LocationChoice = (
    Option<SketchKind>,
    &'static str,
    fn(&'static Strings) -> &'static str,
);

const LOCATION_CHOICES: [LocationChoice; 4] = [
    (None, "none", |t| t.plans_location_none),
    (Some(SketchKind::Point), "point", |t| t.plans_location_point),
    (Some(SketchKind::Line), "line", |t| t.plans_location_line),
    (Some(SketchKind::Area), "area", |t| t.plans_location_area),
];

#[component]
fn LocationField(ctx: PlanContext, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let draft = ctx.draft;
    let areas = ctx.capabilities.has_comment_areas;
    let kind = move || draft.with(|d| d.sketch.as_ref().map(|s| s.kind));
    let choose = move |k: Option<SketchKind>| {
        draft.update(|d| {
            if d.sketch.as_ref().map(|s| s.kind) != k {
                d.sketch = k.map(Sketch::new);
            }
        });
        ctx.drawing.set(k.is_some());
        if k.is_some() {
            // The map is where the resident taps next: bring it into view.
            if let Some(map) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".os-plan__map").ok().flatten())
            {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                map.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    };
    let vertices = move || draft.with(|d| d.sketch.as_ref().map_or(0, |s| s.vertices.len()));
    let options: Vec<LocationChoice> = LOCATION_CHOICES
        .into_iter()
        .filter(|(k, _, _)| areas || matches!(k, None | Some(SketchKind::Point)))
        .collect();
    let add_at_centre = move |_| {
        if let Some(c) = ctx.centre.get_untracked() {
            draft.update(|d| {
                if let Some(s) = d.sketch.as_mut() {
                    s.add(c);
                }
            });
            ctx.drawing.set(true);
        }
    };
    let instructions = move || {
        let t = i18n.t();
        let n = vertices().to_string();
        match kind() {
            None => String::new(),
            Some(SketchKind::Point) if vertices() > 0 => t.plans_location_point_set.to_string(),
            Some(SketchKind::Point) => t.plans_location_point_help.to_string(),
            Some(_) => fill(t.plans_location_shape_help, &[("count", &n)]),
        }
    };
    view! {
        <fieldset class="os-fieldset" class:os-field--invalid=move || error.get().is_some()
            aria-describedby="os-comment-location-error">
            <legend>{i18n.tr(|t| t.plans_location_legend)}</legend>
            <div class="os-choices">
                {options.into_iter().map(|(k, code, name)| {
                    let id = format!("os-comment-location-{code}");
                    view! {
                        <div class="os-choice">
                            <input type="radio" name="os-comment-location" id=id.clone()
                                prop:checked=move || kind() == k
                                on:change=move |_| choose(k)/>
                            <label for=id>{i18n.tr(name)}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            {move || kind().map(|_| view! {
                <div class="os-sketch-tools">
                    <p class="os-field__hint" aria-live="polite">{instructions}</p>
                    <div class="os-sketch-tools__buttons">
                        <button type="button" class="os-button os-button--small" on:click=add_at_centre>
                            {i18n.tr(|t| t.plans_location_add_centre)}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            aria-disabled=move || (vertices() == 0).to_string()
                            on:click=move |_| draft.update(|d| if let Some(s) = d.sketch.as_mut() { s.undo() })>
                            {i18n.tr(|t| t.plans_location_undo)}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            aria-pressed=move || (!ctx.drawing.get()).to_string()
                            on:click=move |_| ctx.drawing.update(|d| *d = !*d)>
                            {move || if ctx.drawing.get() { i18n.t().plans_location_finish } else { i18n.t().plans_location_edit }}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            on:click=move |_| draft.update(|d| if let Some(s) = d.sketch.as_mut() { s.vertices.clear() })>
                            {i18n.tr(|t| t.plans_location_clear)}
                        </button>
                    </div>
                </div>
            })}
            <p id="os-comment-location-error" class="os-field__error">{error}</p>
        </fieldset>
    }
}

#[component]
fn QuestionField(
    question: Question,
    draft: RwSignal<CommentDraft>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = StoredValue::new(question);
    let (qid, multiple, required) =
        q.with_value(|q| (q.id, q.kind == QuestionKind::MultipleChoice, q.required));
    let input_type = if multiple { "checkbox" } else { "radio" };
    let error_id = format!("os-question-{qid}-error");
    let error_ref = error_id.clone();
    view! {
        <fieldset id=format!("os-question-{qid}") tabindex="-1" class="os-fieldset"
            class:os-field--invalid=move || error.get().is_some()
            aria-describedby=error_ref>
            <legend>
                {move || q.with_value(|q| q.text.text(i18n.lang()).to_string())}
                {required.then(|| view! { " " <span class="os-required">{i18n.tr(|t| t.plans_form_required_mark)}</span> })}
                {multiple.then(|| view! { " " <span class="os-field__hint">{i18n.tr(|t| t.plans_form_choose_many)}</span> })}
            </legend>
            <div class="os-choices">
                {q.with_value(|q| q.options.clone()).into_iter().map(|o| {
                    let id = format!("os-question-{qid}-{}", o.id);
                    let oid = o.id;
                    let text = o.text.clone();
                    view! {
                        <div class="os-choice">
                            <input type=input_type name=format!("os-question-{qid}") id=id.clone()
                                prop:checked=move || draft.with(|d| d.answers.get(&qid).is_some_and(|a| a.contains(&oid)))
                                on:change=move |_| draft.update(|d| q.with_value(|q| d.choose(q, oid)))/>
                            <label for=id>{move || text.text(i18n.lang()).to_string()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <p id=error_id class="os-field__error">{error}</p>
        </fieldset>
    }
}
