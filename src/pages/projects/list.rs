use super::format;
use super::project_card::ProjectCard;
use crate::client::projects as client;
use crate::components::backend_error::backend_error_text;
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::{Lang, PageQuery, ProjectQuery, ProjectStatus, ProjectSummary};
use crate::i18n::{fill, use_i18n};
use crate::map::{MapFeature, MapView};
use leptos::prelude::*;

/// How many projects one list shows (areas are filtered among these).
const PAGE: PageQuery = PageQuery {
    offset: 0,
    limit: 100,
};

/// `/projects`: search, status and area filters, a map of locations and the list beside it.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(backend(Capability::Projects));
    let status = RwSignal::new(None::<ProjectStatus>);
    let text = RwSignal::new(String::new());
    let draft = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<String>);

    let data = LocalResource::new(move || {
        let query = ProjectQuery {
            status: status.get(),
            text: Some(text.get()).filter(|t| !t.trim().is_empty()),
        };
        let backend = backend.get_value();
        async move { client::list(&backend, &query, PAGE).await }
    });
    // Area choices come from the projects found; the value is the Finnish name, so a
    // language switch keeps the choice.
    let areas = Memo::new(move |_| {
        let lang = i18n.lang();
        let mut list: Vec<(String, String)> = data
            .get()
            .and_then(Result::ok)
            .map(|p| p.items)
            .unwrap_or_default()
            .iter()
            .filter(|p| !p.area.is_empty())
            .map(|p| {
                (
                    p.area.text(Lang::Fi).to_owned(),
                    p.area.text(lang).to_owned(),
                )
            })
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list.dedup();
        list
    });
    let shown = move |items: Vec<ProjectSummary>| -> Vec<ProjectSummary> {
        let a = area.get();
        items
            .into_iter()
            .filter(|p| a.is_empty() || p.area.text(Lang::Fi) == a)
            .collect()
    };

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        text.set(draft.get_untracked());
    };
    let on_status = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        status.set(
            format::STATUSES
                .into_iter()
                .find(|s| format::status_code(*s) == v),
        );
    };

    let results = move || match data.get() {
        None => view! { <p class="os-loading">{i18n.tr(|t| t.loading)}</p> }.into_any(),
        Some(Ok(page)) => {
            let items = shown(page.items);
            view! { <Results items=items selected=selected/> }.into_any()
        }
        Some(Err(e)) => view! {
            <section class="os-error" role="alert">
                <p>{move || backend_error_text(i18n.t(), &e)}</p>
                <button type="button" class="os-button" on:click=move |_| data.refetch()>
                    {i18n.tr(|t| t.followed_retry)}
                </button>
            </section>
        }
        .into_any(),
    };

    view! {
        <div class="os-page os-projects">
            <PageTitle text=Signal::derive(move || i18n.t().projects_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.projects_intro)}</p>
            <form class="os-filters" role="search" aria-label=i18n.tr(|t| t.projects_filters) on:submit=on_submit>
                <div class="os-filters__field os-filters__field--grow">
                    <label for="os-projects-q">{i18n.tr(|t| t.projects_search_label)}</label>
                    <input id="os-projects-q" type="search" class="os-filters__input"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))/>
                </div>
                <div class="os-filters__field">
                    <label for="os-projects-status">{i18n.tr(|t| t.projects_status_label)}</label>
                    <select id="os-projects-status" class="os-filters__input" on:change=on_status>
                        <option value="" selected=move || status.get().is_none()>{i18n.tr(|t| t.projects_status_any)}</option>
                        {format::STATUSES.into_iter().map(|s| view! {
                            <option value=format::status_code(s) selected=move || status.get() == Some(s)>
                                {move || format::status(i18n.t(), s)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="os-filters__field">
                    <label for="os-projects-area">{i18n.tr(|t| t.projects_area_label)}</label>
                    <select id="os-projects-area" class="os-filters__input"
                        on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="" selected=move || area.get().is_empty()>{i18n.tr(|t| t.projects_area_any)}</option>
                        <For each=move || areas.get() key=|a| a.clone() let((value, label))>
                            <option value=value.clone() selected=move || area.get() == value>{label}</option>
                        </For>
                    </select>
                </div>
                <button type="submit" class="os-button os-button--primary os-filters__submit">
                    {i18n.tr(|t| t.projects_search_button)}
                </button>
            </form>
            {results}
        </div>
    }
}

/// The count, the map and the list of the projects found.
#[component]
fn Results(items: Vec<ProjectSummary>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let count = items.len();
    let features_src = items.clone();
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        features_src
            .iter()
            .filter_map(|p| {
                Some(MapFeature {
                    id: p.id.clone(),
                    label: p.title.text(lang).to_owned(),
                    geometry: p.location.clone()?,
                })
            })
            .collect::<Vec<_>>()
    });
    let has_map = items.iter().any(|p| p.location.is_some());
    view! {
        <p class="os-projects__count" role="status">
            {move || fill(i18n.t().projects_count, &[("count", &count.to_string())])}
        </p>
        {(count == 0).then(|| view! { <p class="os-notice">{i18n.tr(|t| t.projects_none)}</p> })}
        <div class="os-projects__layout" class:os-projects__layout--map=has_map>
            {has_map.then(|| view! {
                <div class="os-projects__map">
                    <MapView
                        features=features
                        selected=selected
                        label=Signal::derive(move || i18n.t().projects_map_label.to_owned())
                    />
                </div>
            })}
            <ul class="os-projects__list">
                {items.into_iter().map(|p| view! {
                    <li><ProjectCard project=p selected=selected/></li>
                }).collect_view()}
            </ul>
        </div>
    }
}
