use super::names;
use crate::domain::{Localized, ProjectSummary};
use crate::format::{day, day_of};
use crate::i18n::{fill, use_i18n};
use crate::router::{Link, Route};
use crate::web::dom::scroll_to_id;
use leptos::prelude::*;

/// One project in the list: name (a link to its page), status, area, summary, schedule and the
/// latest update; "show on map" selects it on the map, and a map selection marks it here and
/// scrolls it into view.
#[component]
pub(super) fn ProjectCard(
    project: ProjectSummary,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = project.id.clone();
    let element_id = format!("os-project-{id}");
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| selected.with(|s| s.as_deref() == Some(id.as_str())))
    };
    let scroll_id = element_id.clone();
    Effect::new(move |_| {
        if is_selected.get() {
            scroll_to_id(&scroll_id);
        }
    });
    let p = StoredValue::new(project);
    let title = move || p.with_value(|p| p.title.text(i18n.lang()).to_owned());
    let lang_of = move |l: &Localized| l.get(i18n.lang()).map(|(_, used)| used.code());
    let status = p.with_value(|p| p.status);
    let has_location = p.with_value(|p| p.location.is_some());
    let schedule = move || {
        p.with_value(|p| {
            let (t, lang) = (i18n.t(), i18n.lang());
            let end = p
                .ends_on
                .map_or(t.projects_date_open.to_owned(), |d| day(lang, d));
            let mut parts = Vec::new();
            if let Some(start) = p.starts_on.map(|d| day(lang, d)) {
                parts.push(fill(t.projects_dates, &[("start", &start), ("end", &end)]));
            }
            if let Some(at) = p.last_update_at {
                parts.push(fill(t.projects_last_update, &[("date", &day_of(lang, at))]));
            }
            parts.join(" · ")
        })
    };
    let select_id = id.clone();
    view! {
        <article id=element_id class="os-project-card" class:os-project-card--selected=move || is_selected.get()>
            <h2 class="os-project-card__title">
                <Link to=Route::Project(id.clone()) class="os-project-card__link">
                    <span lang=move || p.with_value(|p| lang_of(&p.title))>{title}</span>
                </Link>
            </h2>
            <p class="os-project-card__meta">
                <span class=format!("os-status os-status--{}", status.code())>
                    {move || names::status(i18n.t(), status)}
                </span>
                {move || p.with_value(|p| (!p.area.is_empty()).then(|| view! {
                    <span class="os-project-card__area" lang=lang_of(&p.area)>
                        {p.area.text(i18n.lang()).to_owned()}
                    </span>
                }))}
            </p>
            <p class="os-project-card__summary" lang=move || p.with_value(|p| lang_of(&p.summary))>
                {move || p.with_value(|p| p.summary.text(i18n.lang()).to_owned())}
            </p>
            <p class="os-project-card__dates">{schedule}</p>
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
