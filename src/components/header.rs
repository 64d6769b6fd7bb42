use super::language_switch::LanguageSwitch;
use crate::config::use_config;
use crate::i18n::{fill, use_i18n, Strings};
use crate::router::{Link, Route};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

type Text = fn(&'static Strings) -> &'static str;

/// Municipality name and logo, language switch and the main navigation.
#[component]
pub(crate) fn Header() -> impl IntoView {
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
    let home_label = Signal::derive(move || {
        let n = name().map(|(s, _)| s).unwrap_or_default();
        fill(i18n.t().home_link_label, &[("name", &n)])
    });
    let nav: [(Route, Text); 3] = [
        (Route::Plans, |t| t.nav_plans),
        (Route::Projects, |t| t.nav_projects),
        (Route::Events, |t| t.nav_events),
    ];
    // The unread badge; the follow context checks for changes (state::follows::watch, its own
    // chunk, loaded only on a device that follows something).
    let follows = use_follows();
    let unread = Memo::new(move |_| follows.unread_total());
    let followed_label = Signal::derive(move || {
        let t = i18n.t();
        match unread.get() {
            0 => t.nav_followed.to_owned(),
            n => fill(
                t.projects_nav_followed_new,
                &[("label", t.nav_followed), ("count", &n.to_string())],
            ),
        }
    });

    view! {
        <header class="os-header">
            <div class="os-header__bar">
                <Link to=Route::Home class="os-header__brand" label=home_label>
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
                        <span class="os-header__app">{i18n.tr(|t| t.app_name)}</span>
                    </span>
                </Link>
                <LanguageSwitch/>
            </div>
            <nav class="os-nav" aria-label=i18n.tr(|t| t.nav_label)>
                <ul class="os-nav__list">
                    {nav.into_iter().map(|(route, text)| view! {
                        <li class="os-nav__item">
                            <Link to=route class="os-nav__link">{i18n.tr(text)}</Link>
                        </li>
                    }).collect_view()}
                    <li class="os-nav__item">
                        <Link to=Route::Followed class="os-nav__link" label=followed_label>
                            {i18n.tr(|t| t.nav_followed)}
                            {move || (unread.get() > 0).then(|| view! {
                                <span class="os-nav__badge" aria-hidden="true">{unread.get()}</span>
                            })}
                        </Link>
                    </li>
                </ul>
            </nav>
        </header>
    }
}
