use crate::components::local_text::LocalText;
use crate::domain::{LinkedEvent, LinkedPlan};
use crate::format::day_of;
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use leptos::prelude::*;

/// A project's linked plans and events, as links into their pages (a list only when there are
/// any).
#[component]
pub(super) fn ProjectLinks(plans: Vec<LinkedPlan>, events: Vec<LinkedEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {(!plans.is_empty()).then(|| view! {
            <section aria-labelledby="os-project-plans">
                <h2 id="os-project-plans">{i18n.tr(|t| t.projects_plans_heading)}</h2>
                <ul class="os-project__links">
                    {plans.into_iter().map(|p| view! {
                        <li><Link to=Route::Plan(p.id.clone()) class="os-project__link">
                            <LocalText text=p.title/>
                        </Link></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!events.is_empty()).then(|| view! {
            <section aria-labelledby="os-project-events">
                <h2 id="os-project-events">{i18n.tr(|t| t.projects_events_heading)}</h2>
                <ul class="os-project__links">
                    {events.into_iter().map(|e| view! {
                        <li>
                            <Link to=Route::Event(e.id.clone()) class="os-project__link">
                                <LocalText text=e.title/>
                            </Link>
                            " "
                            <time class="os-project__when" datetime=e.starts_at.to_string()>
                                {move || day_of(i18n.lang(), e.starts_at)}
                            </time>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
