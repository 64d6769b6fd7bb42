//! Reporting a comment to the moderators: a reason and optional details.

use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::form::{Choice, ChoiceGroup, Field, TextArea};
use crate::domain::{NewReport, ReportReason};
use crate::i18n::{use_i18n, Strings};
use crate::pages::plans::context::use_plan;
use leptos::prelude::*;

type Text = fn(&'static Strings) -> &'static str;

const REASONS: [(ReportReason, &str, Text); 5] = [
    (ReportReason::Spam, "spam", |t| t.plans_report_spam),
    (ReportReason::Offensive, "offensive", |t| {
        t.plans_report_offensive
    }),
    (ReportReason::PersonalData, "personal_data", |t| {
        t.plans_report_personal_data
    }),
    (ReportReason::OffTopic, "off_topic", |t| {
        t.plans_report_off_topic
    }),
    (ReportReason::Other, "other", |t| t.plans_report_other),
];

fn reason_of(code: &str) -> Option<ReportReason> {
    REASONS
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(r, _, _)| *r)
}

#[component]
pub(super) fn ReportForm(comment: u64, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let reason = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let send = Action::new_local(move |report: &NewReport| {
        let (backend, report) = (ctx.backend.get_value(), report.clone());
        async move { client::plans::report(&backend, comment, &report).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let Some(r) = reason_of(&reason.get_untracked()) else {
            missing.set(true);
            return;
        };
        missing.set(false);
        send.dispatch(NewReport {
            reason: r,
            details: Some(details.get_untracked()),
        });
    };
    let id = format!("os-report-{comment}");
    let choices: Vec<Choice> = REASONS
        .into_iter()
        .map(|(_, code, name)| Choice {
            value: code.to_string(),
            label: TextProp::from(i18n.tr(name)),
        })
        .collect();
    let form = move || {
        let (id, choices) = (id.clone(), choices.clone());
        view! {
            <form class="os-form os-report-form" novalidate on:submit=on_submit>
                <ChoiceGroup id=id.clone() legend=i18n.tr(|t| t.plans_report_reason) choices=choices required=true
                    selected=move |code: String| reason.with(|r| *r == code)
                    on_choose=move |code: String| reason.set(code)
                    error=Signal::derive(move || missing.get().then(|| i18n.t().plans_form_required.to_string()))/>
                <Field id=format!("{id}-details") label=i18n.tr(|t| t.plans_report_details)>
                    <TextArea value=details rows=2/>
                </Field>
                <button type="submit" class="os-button os-button--primary" aria-disabled=move || send.pending().get().to_string()>
                    {i18n.tr(|t| t.plans_report_send)}
                </button>
                {move || send.value().get().and_then(Result::err).map(|e| view! {
                    <p class="os-error" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
                })}
            </form>
        }
    };
    let thanks = move || {
        view! {
            <p class="os-notice" role="status">
                {i18n.tr(|t| t.plans_report_thanks)} " "
                <button type="button" class="os-button os-button--small" on:click=move |_| on_done.run(())>
                    {i18n.tr(|t| t.plans_report_close)}
                </button>
            </p>
        }
    };
    let done = move || matches!(send.value().get(), Some(Ok(())));
    move || {
        if done() {
            thanks().into_any()
        } else {
            form().into_any()
        }
    }
}
