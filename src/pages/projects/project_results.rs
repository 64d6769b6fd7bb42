use super::project_card::ProjectCard;
use crate::domain::ProjectSummary;
use crate::i18n::use_i18n;
use crate::map::{MapFeature, MapView};
use leptos::prelude::*;

/// The projects found: a map of their locations beside the list (the list says so when nothing
/// matches); a project chosen on either is marked on both.
#[component]
pub(super) fn ProjectResults(
    items: Vec<ProjectSummary>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let located: Vec<(String, crate::domain::Localized, crate::domain::Geometry)> = items
        .iter()
        .filter_map(|p| Some((p.id.clone(), p.title.clone(), p.location.clone()?)))
        .collect();
    let has_map = !located.is_empty();
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        located
            .iter()
            .map(|(id, title, geometry)| MapFeature {
                id: id.clone(),
                label: title.text(lang).to_owned(),
                geometry: geometry.clone(),
            })
            .collect::<Vec<_>>()
    });
    view! {
        {items.is_empty().then(|| view! { <p class="os-notice">{i18n.tr(|t| t.projects_none)}</p> })}
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
