use crate::components::page_title::PageTitle;
use crate::config::use_config;
use crate::i18n::{fill, use_i18n, Strings};
use crate::router::{Link, Route};
use leptos::prelude::*;

type Text = fn(&'static Strings) -> &'static str;

/// `/`: what the service offers, with a way into each section.
#[component]
pub(crate) fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let title = Signal::derive(move || {
        let name = config.with_value(|c| c.municipality.name.text(i18n.lang()).to_owned());
        fill(i18n.t().home_title, &[("name", &name)])
    });
    let sections: [(Route, Text, Text); 3] = [
        (Route::Plans, |t| t.nav_plans, |t| t.home_plans_text),
        (
            Route::Projects,
            |t| t.nav_projects,
            |t| t.home_projects_text,
        ),
        (Route::Events, |t| t.nav_events, |t| t.home_events_text),
    ];
    view! {
        <div class="os-page os-home">
            <PageTitle text=title/>
            <p class="os-page__intro">{i18n.tr(|t| t.home_intro)}</p>
            <ul class="os-home__sections">
                {sections.into_iter().map(|(route, name, text)| view! {
                    <li class="os-card">
                        <h2 class="os-card__title">
                            <Link to=route class="os-card__link">{i18n.tr(name)}</Link>
                        </h2>
                        <p class="os-card__text">{i18n.tr(text)}</p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
