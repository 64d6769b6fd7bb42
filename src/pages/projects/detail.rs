use super::format;
use super::timeline::Timeline;
use crate::client::projects as client;
use crate::components::backend_error::backend_error_text;
use crate::components::follow_button::FollowButton;
use crate::components::page_title::PageTitle;
use crate::config::Backend;
use crate::config::{backend, Capability};
use crate::domain::{FollowKind, Localized, PageQuery, Project};
use crate::i18n::{fill, use_i18n};
use crate::map::{MapFeature, MapView};
use crate::router::{Link, Route};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

/// `/projects/:id`: description, status, updates, linked plans and events, location, contact,
/// following and the Atom feed.
#[component]
pub fn ProjectPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(backend(Capability::Projects));
    let pid = StoredValue::new(id);
    let data = LocalResource::new(move || {
        let (backend, id) = (backend.get_value(), pid.get_value());
        async move { client::get(&backend, &id).await }
    });

    let content = move || match data.get() {
        None => view! { <p class="os-loading">{i18n.tr(|t| t.loading)}</p> }.into_any(),
        Some(Ok(project)) => {
            view! { <ProjectView project=project backend=backend.get_value()/> }.into_any()
        }
        Some(Err(e)) => {
            let not_found = e == crate::backend::BackendError::NotFound;
            view! {
                <PageTitle text=Signal::derive(move || i18n.t().projects_title.to_owned())/>
                <section class="os-error" role="alert">
                    <p>{move || if not_found {
                        i18n.t().project_not_found.to_owned()
                    } else {
                        backend_error_text(i18n.t(), &e)
                    }}</p>
                    {(!not_found).then(|| view! {
                        <button type="button" class="os-button" on:click=move |_| data.refetch()>
                            {i18n.tr(|t| t.followed_retry)}
                        </button>
                    })}
                </section>
            }
            .into_any()
        }
    };
    view! {
        <div class="os-page os-project">
            <p class="os-project__back">
                <Link to=Route::Projects class="os-project__back-link">{i18n.tr(|t| t.project_back)}</Link>
            </p>
            {content}
        </div>
    }
}

#[component]
fn ProjectView(project: Project, backend: Backend) -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let key = client::key(&backend, FollowKind::Project, &project.summary.id);
    let title_l: Localized = project.summary.title.clone();
    // Opening the page marks what is new in it as seen.
    follows.mark_seen(&key, Some(title_l.clone()));
    let title = Signal::derive({
        let t = title_l.clone();
        move || t.text(i18n.lang()).to_owned()
    });
    let status = project.summary.status;
    let area = project.summary.area.clone();
    let description = project.description.0.clone();
    let description_lang = description.clone();
    let id = project.summary.id.clone();
    let feed_href = feed_url(&backend, &id);
    let selected = RwSignal::new(None::<String>);
    let features = {
        let g = project.geometry.clone();
        let id = id.clone();
        Signal::derive(move || {
            g.clone()
                .map(|geometry| {
                    vec![MapFeature {
                        id: id.clone(),
                        label: title.get(),
                        geometry,
                    }]
                })
                .unwrap_or_default()
        })
    };
    let has_location = project.geometry.is_some();
    let updates_backend = backend.clone();
    let feed_link = FeedLink::new(&backend, &id);
    Effect::new(move |_| {
        let name = fill(i18n.t().project_feed_title, &[("title", &title.get())]);
        feed_link.update(i18n.lang(), &name);
    });
    view! {
        <PageTitle text=title/>
        <p class="os-project__meta">
            <span class=format!("os-status os-status--{}", format::status_code(status))>
                {move || fill(i18n.t().project_status, &[("status", format::status(i18n.t(), status))])}
            </span>
            {(!area.is_empty()).then(|| {
                let area = area.clone();
                view! {
                    <span class="os-project__area">
                        {move || fill(i18n.t().project_area, &[("area", area.text(i18n.lang()))])}
                    </span>
                }
            })}
        </p>
        <div class="os-project__actions">
            <FollowButton kind=FollowKind::Project backend=backend.clone() id=id.clone() title=Signal::stored(title_l)/>
            <p class="os-project__subscribe">
                <a class="os-project__feed" href=move || format!("{feed_href}?lang={}", i18n.lang().code()) type="application/atom+xml">
                    {i18n.tr(|t| t.project_subscribe)}
                </a>
                " "
                <span class="os-project__feed-help">{i18n.tr(|t| t.project_subscribe_help)}</span>
            </p>
        </div>
        <div class="os-project__description" lang=move || description_lang.get(i18n.lang()).map(|(_, l)| l.code())>
            {move || format::paragraphs(description.text(i18n.lang())).into_iter()
                .map(|p| view! { <p>{p}</p> }).collect_view()}
        </div>
        <div class="os-project__columns">
            <section class="os-project__updates" aria-labelledby="os-project-updates">
                <h2 id="os-project-updates">{i18n.tr(|t| t.project_updates_heading)}</h2>
                <Timeline backend=updates_backend id=id.clone() page=PageQuery { offset: 0, limit: 50 }/>
            </section>
            <div class="os-project__aside">
                <Linked project=project.clone()/>
                <section aria-labelledby="os-project-location">
                    <h2 id="os-project-location">{i18n.tr(|t| t.project_location_heading)}</h2>
                    {if has_location {
                        view! {
                            <div class="os-project__map">
                                <MapView features=features selected=selected
                                    label=Signal::derive(move || i18n.t().project_location_map.to_owned())/>
                            </div>
                        }.into_any()
                    } else {
                        view! { <p>{i18n.tr(|t| t.projects_no_location)}</p> }.into_any()
                    }}
                </section>
                <section aria-labelledby="os-project-contact">
                    <h2 id="os-project-contact">{i18n.tr(|t| t.project_contact_heading)}</h2>
                    <p>{i18n.tr(|t| t.project_contact_text)}</p>
                </section>
            </div>
        </div>
    }
}

/// Linked plans and events, as links into their pages.
#[component]
fn Linked(project: Project) -> impl IntoView {
    let i18n = use_i18n();
    let plans = project.plans;
    let events = project.events;
    view! {
        {(!plans.is_empty()).then(|| view! {
            <section aria-labelledby="os-project-plans">
                <h2 id="os-project-plans">{i18n.tr(|t| t.project_plans_heading)}</h2>
                <ul class="os-project__links">
                    {plans.into_iter().map(|p| view! {
                        <li><Link to=Route::Plan(p.id.clone()) class="os-project__link">
                            {move || p.title.text(i18n.lang()).to_owned()}
                        </Link></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!events.is_empty()).then(|| view! {
            <section aria-labelledby="os-project-events">
                <h2 id="os-project-events">{i18n.tr(|t| t.project_events_heading)}</h2>
                <ul class="os-project__links">
                    {events.into_iter().map(|e| view! {
                        <li>
                            <Link to=Route::Event(e.id.clone()) class="os-project__link">
                                {move || e.title.text(i18n.lang()).to_owned()}
                            </Link>
                            " "
                            <time class="os-project__when" datetime=e.starts_at.to_string()>
                                {move || crate::format::day_of(i18n.lang(), e.starts_at)}
                            </time>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

fn feed_url(backend: &Backend, id: &str) -> String {
    format!("{}/projects/{id}/updates.atom", backend.base_url)
}

/// `<link rel="alternate" type="application/atom+xml">` in the document head while the page
/// is shown, so feed readers and browsers find the feed; removed when the page goes.
#[derive(Clone, Copy)]
struct FeedLink {
    element: StoredValue<Option<send_wrapper::SendWrapper<web_sys::Element>>>,
    href: StoredValue<String>,
}

impl FeedLink {
    fn new(backend: &Backend, id: &str) -> FeedLink {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|doc| {
                let link = doc.create_element("link").ok()?;
                let _ = link.set_attribute("rel", "alternate");
                let _ = link.set_attribute("type", "application/atom+xml");
                doc.head()?.append_child(&link).ok()?;
                Some(send_wrapper::SendWrapper::new(link))
            });
        let this = FeedLink {
            element: StoredValue::new(element),
            href: StoredValue::new(feed_url(backend, id)),
        };
        let element = this.element;
        on_cleanup(move || {
            if let Some(Some(el)) = element.try_get_value() {
                el.remove();
            }
        });
        this
    }

    fn update(&self, lang: crate::domain::Lang, title: &str) {
        let href = format!("{}?lang={}", self.href.get_value(), lang.code());
        self.element.with_value(|el| {
            if let Some(el) = el {
                let _ = el.set_attribute("href", &href);
                let _ = el.set_attribute("hreflang", lang.code());
                let _ = el.set_attribute("title", title);
            }
        });
    }
}
