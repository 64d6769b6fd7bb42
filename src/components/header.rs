use super::language_switch::LanguageSwitch;
use crate::app::use_config;
use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

/// Municipality name and logo, language switch and the main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let config = use_config();
    let i18n = use_i18n();
    let name = move || {
        config.with_value(|c| {
            c.municipality
                .name
                .get(i18n.lang())
                .map(|(s, l)| (s.to_owned(), l))
        })
    };
    let logo = config.with_value(|c| c.municipality.logo.clone());
    let home_label = move || {
        let n = name().map(|(s, _)| s).unwrap_or_default();
        fill(i18n.t().home_link_label, &[("name", &n)])
    };
    let nav_items = move || {
        let t = i18n.t();
        [
            ("/plans", t.nav_plans),
            ("/projects", t.nav_projects),
            ("/events", t.nav_events),
            ("/followed", t.nav_followed),
        ]
    };

    view! {
        <header class="os-header">
            <div class="os-header__bar">
                <A href="/" attr:class="os-header__brand" attr:aria-label=home_label>
                    {logo.map(|src| view! {
                        <img class="os-header__logo" src=src alt="" width="40" height="40"/>
                    })}
                    <span class="os-header__name">
                        <span
                            class="os-header__municipality"
                            lang=move || name().map(|(_, l)| l.code())
                        >
                            {move || name().map(|(s, _)| s)}
                        </span>
                        <span class="os-header__app">{move || i18n.t().app_name}</span>
                    </span>
                </A>
                <LanguageSwitch/>
            </div>
            <nav class="os-nav" aria-label=move || i18n.t().nav_label>
                <ul class="os-nav__list">
                    {move || nav_items().into_iter().map(|(href, label)| view! {
                        <li class="os-nav__item">
                            <A href=href attr:class="os-nav__link">{label}</A>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}
