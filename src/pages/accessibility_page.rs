use crate::components::page_title::PageTitle;
use crate::config::use_config;
use crate::i18n::{fill, use_i18n};
use crate::kiosk::OutsideLink;
use leptos::prelude::*;

/// `/accessibility`: the accessibility statement required by Act 306/2019.
#[component]
pub(crate) fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let contact = config.with_value(|c| c.accessibility.clone());
    let name = move || config.with_value(|c| c.municipality.name.text(i18n.lang()).to_owned());
    let email = contact.feedback_email.clone();
    let mailto = format!("mailto:{email}");
    let date = contact.statement_updated.clone();
    view! {
        <div class="os-page os-statement">
            <PageTitle text=Signal::derive(move || i18n.t().a11y_title.to_owned())/>
            <p>{move || fill(i18n.t().a11y_intro, &[("name", &name())])}</p>

            <h2>{i18n.tr(|t| t.a11y_status_heading)}</h2>
            <p>{i18n.tr(|t| t.a11y_status_text)}</p>

            <h2>{i18n.tr(|t| t.a11y_gaps_heading)}</h2>
            <ul class="os-statement__gaps">
                <li>{i18n.tr(|t| t.a11y_gap_map)}</li>
                <li>{i18n.tr(|t| t.a11y_gap_documents)}</li>
                <li>{i18n.tr(|t| t.a11y_gap_external)}</li>
            </ul>

            <h2>{i18n.tr(|t| t.a11y_method_heading)}</h2>
            <p>{i18n.tr(|t| t.a11y_method_text)}</p>

            <h2>{i18n.tr(|t| t.a11y_feedback_heading)}</h2>
            <p>{i18n.tr(|t| t.a11y_feedback_text)}</p>
            <ul class="os-statement__contact">
                <li>
                    <a class="os-statement__link" href=mailto>{move || fill(i18n.t().a11y_feedback_email, &[("email", &email)])}</a>
                </li>
                {contact.feedback_url.map(|href| view! {
                    <li><OutsideLink class="os-statement__link" href>{i18n.tr(|t| t.a11y_feedback_form)}</OutsideLink></li>
                })}
            </ul>

            <h2>{i18n.tr(|t| t.a11y_authority_heading)}</h2>
            <p>{i18n.tr(|t| t.a11y_authority_text)}</p>
            <p>{move || view! {
                <OutsideLink class="os-statement__link" href=i18n.t().a11y_authority_url>{i18n.tr(|t| t.a11y_authority_link)}</OutsideLink>
            }}</p>

            <p class="os-statement__updated">{move || fill(i18n.t().a11y_updated, &[("date", &date)])}</p>
        </div>
    }
}
