use super::format;
use crate::domain::ProjectSummary;
use crate::i18n::{fill, use_i18n};
use crate::router::{Link, Route};
use leptos::html;
use leptos::prelude::*;

/// One project in the list: name (a link to its page), status, area, summary, schedule and the
/// latest update; "show on map" selects it on the map, and a map selection marks it here.
#[component]
pub fn ProjectCard(project: ProjectSummary, selected: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Article>::new();
    let id = project.id.clone();
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| selected.get().as_deref() == Some(id.as_str()))
    };
    Effect::new(move |_| {
        if is_selected.get() {
            if let Some(el) = node.get_untracked() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let p = StoredValue::new(project);
    let title = move || p.with_value(|p| p.title.text(i18n.lang()).to_owned());
    let lang_of = |l: &crate::domain::Localized, lang| l.get(lang).map(|(_, used)| used.code());
    let status = p.with_value(|p| p.status);
    let has_location = p.with_value(|p| p.location.is_some());
    let select_id = id.clone();
    view! {
        <article class="os-project-card" class:os-project-card--selected=move || is_selected.get() node_ref=node>
            <h2 class="os-project-card__title">
                <Link to=Route::Project(id.clone()) class="os-project-card__link">
                    <span lang=move || p.with_value(|p| lang_of(&p.title, i18n.lang()))>{title}</span>
                </Link>
            </h2>
            <p class="os-project-card__meta">
                <span class=format!("os-status os-status--{}", format::status_code(status))>
                    {move || format::status(i18n.t(), status)}
                </span>
                {move || p.with_value(|p| (!p.area.is_empty()).then(|| {
                    let lang = i18n.lang();
                    view! {
                        <span class="os-project-card__area" lang=lang_of(&p.area, lang)>
                            {p.area.text(lang).to_owned()}
                        </span>
                    }
                }))}
            </p>
            <p class="os-project-card__summary" lang=move || p.with_value(|p| lang_of(&p.summary, i18n.lang()))>
                {move || p.with_value(|p| p.summary.text(i18n.lang()).to_owned())}
            </p>
            <p class="os-project-card__dates">
                {move || p.with_value(|p| {
                    let (t, lang) = (i18n.t(), i18n.lang());
                    let start = p.starts_on.map(|d| crate::format::day(lang, d));
                    let end = p.ends_on.map_or(t.projects_date_open.to_owned(), |d| crate::format::day(lang, d));
                    let mut parts = Vec::new();
                    if let Some(start) = start {
                        parts.push(fill(t.projects_dates, &[("start", &start), ("end", &end)]));
                    }
                    if let Some(at) = p.last_update_at {
                        parts.push(fill(t.projects_last_update, &[("date", &crate::format::day_of(lang, at))]));
                    }
                    parts.join(" · ")
                })}
            </p>
            {has_location.then(|| view! {
                <button
                    type="button"
                    class="os-button os-project-card__locate"
                    aria-pressed=move || if is_selected.get() { "true" } else { "false" }
                    aria-label=move || fill(i18n.t().projects_locate_name, &[("title", &title())])
                    on:click=move |_| selected.set(Some(select_id.clone()))
                >
                    {i18n.tr(|t| t.projects_locate)}
                </button>
            })}
        </article>
    }
}
