use super::feed_link::{announce_feed, feed_href};
use super::names;
use super::project_links::ProjectLinks;
use super::project_updates::ProjectUpdates;
use crate::client::follows::key;
use crate::components::follow_button::FollowButton;
use crate::components::page_title::PageTitle;
use crate::components::rich_text::RichText;
use crate::config::Backend;
use crate::domain::{FollowKind, Project};
use crate::i18n::{fill, use_i18n};
use crate::map::{MapFeature, MapView};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

/// A loaded project: title, status and area, following and the Atom feed, the description
/// (sanitised backend HTML), the updates, linked plans and events, location and contact.
/// Opening it marks what is new in it as seen.
#[component]
pub(super) fn ProjectDetails(project: Project, backend: Backend) -> impl IntoView {
    let i18n = use_i18n();
    let id = project.summary.id.clone();
    let title_l = project.summary.title.clone();
    use_follows().mark_seen(
        &key(&backend, FollowKind::Project, &id),
        Some(title_l.clone()),
    );
    let title = Signal::derive({
        let t = title_l.clone();
        move || t.text(i18n.lang()).to_owned()
    });
    announce_feed(
        &backend,
        &id,
        move || i18n.lang(),
        move || fill(i18n.t().projects_feed_title, &[("title", &title.get())]),
    );
    let status = project.summary.status;
    let area = project.summary.area.clone();
    let description = project.description.0.clone();
    let html = Signal::derive({
        let d = description.clone();
        move || d.text(i18n.lang()).to_owned()
    });
    let description_lang = Signal::derive(move || {
        let lang = i18n.lang();
        description
            .get(lang)
            .and_then(|(_, used)| (used != lang).then(|| used.code().to_owned()))
    });
    let geometry = project.geometry.clone();
    let features = {
        let (g, id) = (geometry.clone(), id.clone());
        Signal::derive(move || {
            g.iter()
                .map(|geometry| MapFeature {
                    id: id.clone(),
                    label: title.get(),
                    geometry: geometry.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let feed = {
        let (backend, id) = (backend.clone(), id.clone());
        move || feed_href(&backend, &id, i18n.lang())
    };
    view! {
        <PageTitle text=title/>
        <p class="os-project__meta">
            <span class=format!("os-status os-status--{}", status.code())>
                {move || fill(i18n.t().projects_status, &[("status", names::status(i18n.t(), status))])}
            </span>
            {(!area.is_empty()).then(|| view! {
                <span class="os-project__area">
                    {move || fill(i18n.t().projects_area, &[("area", area.text(i18n.lang()))])}
                </span>
            })}
        </p>
        <div class="os-project__actions">
            <FollowButton kind=FollowKind::Project backend=backend.clone() id=id.clone() title=Signal::stored(title_l)/>
            <p class="os-project__subscribe">
                <a class="os-project__feed" href=feed type="application/atom+xml">
                    {i18n.tr(|t| t.projects_subscribe)}
                </a>
                " "
                <span class="os-project__feed-help">{i18n.tr(|t| t.projects_subscribe_help)}</span>
            </p>
        </div>
        <RichText html=html lang=description_lang/>
        <div class="os-project__columns">
            <section class="os-project__updates" aria-labelledby="os-project-updates">
                <h2 id="os-project-updates">{i18n.tr(|t| t.projects_updates_heading)}</h2>
                <ProjectUpdates backend=backend.clone() id=id.clone()/>
            </section>
            <div class="os-project__aside">
                <ProjectLinks plans=project.plans events=project.events/>
                <section aria-labelledby="os-project-location">
                    <h2 id="os-project-location">{i18n.tr(|t| t.projects_location_heading)}</h2>
                    {if geometry.is_some() {
                        view! {
                            <div class="os-project__map">
                                <MapView features=features selected=RwSignal::new(None)
                                    label=Signal::derive(move || i18n.t().projects_location_map.to_owned())/>
                            </div>
                        }.into_any()
                    } else {
                        view! { <p>{i18n.tr(|t| t.projects_no_location)}</p> }.into_any()
                    }}
                </section>
                <section aria-labelledby="os-project-contact">
                    <h2 id="os-project-contact">{i18n.tr(|t| t.projects_contact_heading)}</h2>
                    <p>{i18n.tr(|t| t.projects_contact_text)}</p>
                </section>
            </div>
        </div>
    }
}
