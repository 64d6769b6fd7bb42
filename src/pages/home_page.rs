use crate::app::use_config;
use crate::components::page_title::PageTitle;
use crate::i18n::{fill, use_i18n, Strings};
use leptos::prelude::*;
use leptos_router::components::A;

type Text = fn(&'static Strings) -> &'static str;

/// `/`: what the service offers, with a way into each section.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let title = Signal::derive(move || {
        let name = config.with_value(|c| c.municipality.name.text(i18n.lang()).to_owned());
        fill(i18n.t().home_title, &[("name", &name)])
    });
    let sections: [(&str, Text, Text); 3] = [
        ("/plans", |t| t.nav_plans, |t| t.home_plans_text),
        ("/projects", |t| t.nav_projects, |t| t.home_projects_text),
        ("/events", |t| t.nav_events, |t| t.home_events_text),
    ];
    view! {
        <div class="os-page os-home">
            <PageTitle text=title/>
            <p class="os-page__intro">{move || i18n.t().home_intro}</p>
            <ul class="os-home__sections">
                {sections.into_iter().map(|(href, name, text)| view! {
                    <li class="os-card">
                        <h2 class="os-card__title">
                            <A href=href attr:class="os-card__link">{move || name(i18n.t())}</A>
                        </h2>
                        <p class="os-card__text">{move || text(i18n.t())}</p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
