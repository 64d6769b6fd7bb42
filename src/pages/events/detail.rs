//! `/events/:id`: the event page with time, place, seats (refreshed while open), the online
//! link when it is time, the calendar file, the description, and joining.

use super::join::JoinForm;
use super::parts::{now, place_text, seats_class, seats_text, topic_name};
use super::rules::{group_max, join_state, online_link_visible, seats_info, JoinState};
use super::store::{self, Saved};
use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::follow_button::FollowButton;
use crate::components::page_title::PageTitle;
use crate::components::rich_text::RichText;
use crate::domain::FollowKind;
use crate::domain::{AttendeeStatus, Event, Geometry, RegistrationOutcome};
use crate::i18n::{fill, use_i18n, Strings};
use crate::kiosk::{kiosk_part, Part};
use crate::map::{MapFeature, MapView};
use crate::router::{use_router, Link, Route};
use crate::state::follows::store::use_follows;
use crate::web::device;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// Seats are fetched again this often while the page is open.
const REFRESH: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Loading,
    Failed,
    Ready,
}

/// `/events/:id`.
#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let event: RwSignal<Option<Result<Event, BackendError>>> = RwSignal::new(None);
    let stale = RwSignal::new(false);
    let id = StoredValue::new(id);
    let backend = StoredValue::new(crate::config::backend(crate::config::Capability::Events));

    let load = move || {
        let id = id.get_value();
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            let result = client::events::get(&b, &id).await;
            let _ = event.try_update(|slot| match (result, slot.is_some()) {
                (Ok(e), _) => {
                    stale.set(false);
                    *slot = Some(Ok(e));
                }
                // Keep what is shown when a refresh fails; say the counts may be old.
                (Err(_), true) if matches!(slot, Some(Ok(_))) => stale.set(true),
                (Err(e), _) => *slot = Some(Err(e)),
            });
        });
    };
    load();
    // Only the kind of answer rebuilds the page; a refresh updates the counts in place.
    let phase = Memo::new(move |_| {
        event.with(|e| match e {
            None => Phase::Loading,
            Some(Err(_)) => Phase::Failed,
            Some(Ok(_)) => Phase::Ready,
        })
    });
    if let Ok(handle) = set_interval_with_handle(load, REFRESH) {
        on_cleanup(move || handle.clear());
    }

    view! {
        <div class="os-page os-ev-page">
            {move || match phase.get() {
                Phase::Loading => view! {
                    <PageTitle text=Signal::derive(move || i18n.t().events_title.to_owned())/>
                    <p class="os-ev-loading" role="status">{i18n.tr(|t| t.ev_loading)}</p>
                }.into_any(),
                Phase::Failed => view! {
                    <PageTitle text=Signal::derive(move || i18n.t().events_title.to_owned())/>
                    <p class="os-notice" role="alert">{move || {
                        event.with(|e| match e {
                            Some(Err(e)) => backend_error_text(i18n.t(), e),
                            _ => String::new(),
                        })
                    }}</p>
                    <p><Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link></p>
                }.into_any(),
                Phase::Ready => view! { <EventBody event=event stale=stale reload=Callback::new(move |_| load())/> }.into_any(),
            }}
        </div>
    }
}

fn price_text(t: &Strings, lang: crate::domain::Lang, e: &Event) -> Option<String> {
    match (e.summary.is_free, &e.summary.price) {
        (Some(true), _) => Some(t.ev_free.to_owned()),
        (_, Some(p)) if !p.is_empty() => Some(p.text(lang).to_owned()),
        _ => None,
    }
}

#[component]
fn EventBody(
    event: RwSignal<Option<Result<Event, BackendError>>>,
    stale: RwSignal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The page's fixed parts come from the first answer; counts follow the refreshes.
    let first = StoredValue::new(event.get_untracked().and_then(Result::ok).expect("loaded"));
    let current = move || {
        event
            .get()
            .and_then(Result::ok)
            .unwrap_or_else(|| first.get_value())
    };
    let e0 = untrack(current);
    let event_id = e0.summary.id.clone();
    let follow_id = event_id.clone();
    let saved = RwSignal::new(store::get(&event_id));
    // Opening the page marks what is new about the event as seen.
    {
        let backend = crate::config::backend(crate::config::Capability::Events);
        let key = crate::client::projects::key(&backend, FollowKind::Event, &event_id);
        use_follows().mark_seen(&key, Some(e0.summary.title.clone()));
    }
    // A remembered registration may have moved up the waitlist (or been cancelled from
    // another device) since: ask the server once.
    if let Some(s) = saved.get_untracked().filter(|s| !s.id.is_empty()) {
        let b = crate::config::backend(crate::config::Capability::Events);
        let event_id = event_id.clone();
        leptos::task::spawn_local(async move {
            if let Ok(Some(mine)) = client::events::my_registrations(&b).await {
                match mine.into_iter().find(|(id, _)| *id == s.id) {
                    Some((_, AttendeeStatus::Cancelled)) => {
                        store::forget_code(&s.code);
                        let _ = saved.try_set(None);
                    }
                    Some((_, status)) => {
                        let now = store::with_status(s, status);
                        store::put(&event_id, &now);
                        let _ = saved.try_set(Some(now));
                    }
                    None => {}
                }
            }
        });
    }
    let fresh = RwSignal::new(None::<Saved>);

    let title = {
        let e = e0.clone();
        Signal::derive(move || e.summary.title.text(i18n.lang()).to_owned())
    };
    let when = {
        let e = e0.clone();
        move || {
            crate::format::span(
                i18n.lang(),
                e.summary.start,
                e.summary.end,
                e.summary.time_zone.as_deref(),
            )
        }
    };
    let datetime = crate::format::machine(e0.summary.start, e0.summary.time_zone.as_deref());
    let seats = move || seats_text(i18n.t(), seats_info(&current().summary, now()));
    let seats_cls = move || seats_class(seats_info(&current().summary, now()));
    let price = {
        let e = e0.clone();
        move || price_text(i18n.t(), i18n.lang(), &e)
    };
    let place = {
        let e = e0.clone();
        move || place_text(i18n.t(), i18n.lang(), &e.summary)
    };
    let area = e0.summary.venue.as_ref().and_then(|v| v.area.clone());
    let accessibility = e0
        .summary
        .venue
        .as_ref()
        .and_then(|v| v.accessibility.clone());
    let address = e0
        .summary
        .venue
        .as_ref()
        .and_then(|v| v.address.clone())
        .map(|a| move || a.text(i18n.lang()).to_owned());
    let topics = {
        let topics = e0.summary.topics.clone();
        move || {
            // The backend's own name (Linked Events keywords), else the topic code in the
            // resident's language (the reference server sends codes only).
            topics
                .iter()
                .map(|topic| match topic.name.get(i18n.lang()) {
                    Some((name, _)) if !name.is_empty() => name.to_owned(),
                    _ => topic_name(i18n.t(), &topic.id),
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // Backend HTML, through the sanitiser (never raw `inner_html`).
    let description = {
        let e = e0.clone();
        Signal::derive(move || e.description.0.text(i18n.lang()).to_string())
    };
    let calendar = {
        let e = e0.clone();
        let b = crate::config::backend(crate::config::Capability::Events);
        move || client::events::calendar_href(&b, &e, i18n.lang())
    };
    let venue_feature = e0.summary.venue.as_ref().and_then(|v| {
        v.location.map(|loc| MapFeature {
            id: e0.summary.id.clone(),
            label: v.name.text(untrack(|| i18n.lang())).to_owned(),
            geometry: Geometry::Point(loc),
        })
    });
    let project = e0.project_id.clone();
    let status_badge = move || {
        let e = current();
        let t = i18n.t();
        let state = join_state(&e.summary, now());
        match state {
            JoinState::Cancelled => Some(t.ev_cancelled_badge),
            JoinState::Past => Some(t.ev_past_badge),
            _ => None,
        }
    };

    let on_done = Callback::new(move |outcome: RegistrationOutcome| {
        let s = store::saved(&outcome);
        store::put(&event_id, &s);
        fresh.set(Some(s));
        reload.run(());
    });

    let join_here =
        client::events::can_join_here(&crate::config::backend(crate::config::Capability::Events));
    let build_registration = move || {
        if let Some(s) = fresh.get() {
            return view! { <Confirmation saved=s just_now=true/> }.into_any();
        }
        if let Some(s) = saved.get() {
            return view! { <Confirmation saved=s just_now=false/> }.into_any();
        }
        let e = current();
        let state = join_state(&e.summary, now());
        let t = i18n.t();
        let closed = match state {
            JoinState::Open | JoinState::Waitlist => None,
            JoinState::Full => Some(t.ev_err_full),
            JoinState::NotYetOpen => Some(t.ev_join_not_yet),
            JoinState::Closed => Some(t.ev_err_closed),
            JoinState::Past => Some(t.ev_err_past),
            JoinState::Cancelled => Some(t.ev_join_cancelled),
            JoinState::NoRegistration => Some(t.ev_join_none),
        };
        match closed {
            Some(text) => view! {
                <section class="os-ev-join os-ev-join--closed" aria-labelledby="ev-join-title">
                    <h2 id="ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
                    <p class="os-notice">{text}</p>
                </section>
            }
            .into_any(),
            None if !join_here => {
                let lang = i18n.lang();
                let link = e
                    .signup_url
                    .as_ref()
                    .and_then(|u| u.get(lang))
                    .map(|(href, _)| href.to_owned());
                view! {
                    <section class="os-ev-join os-ev-join--elsewhere" aria-labelledby="ev-join-title">
                        <h2 id="ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
                        <p>{i18n.tr(|t| t.ev_join_elsewhere)}</p>
                        {link.map(|href| view! {
                            <p><a class="os-button" href=href rel="noopener" data-testid="ev-signup-elsewhere">
                                {i18n.tr(|t| t.ev_join_elsewhere_link)}
                            </a></p>
                        })}
                    </section>
                }
                .into_any()
            }
            None => {
                let max = group_max(&e);
                let waitlist = Signal::derive(move || {
                    join_state(&current().summary, now()) == JoinState::Waitlist
                });
                view! { <JoinForm event=e max_seats=max waitlist=waitlist on_done=on_done/> }
                    .into_any()
            }
        }
    };
    // The form must not be rebuilt by a seat refresh (that would lose what is typed): only
    // the joinable/closed decision and the confirmation rebuild it.
    let joinable = Memo::new(move |_| {
        (
            fresh.get().is_some(),
            saved.get(),
            join_state(&current().summary, now()),
        )
    });
    let registration = move || {
        let _ = joinable.get();
        untrack(build_registration)
    };

    view! {
        <article class="os-ev-detail">
            <PageTitle text=title/>
            {move || status_badge().map(|b| view! { <p class="os-ev-badge os-ev-badge--past os-ev-detail__status">{b}</p> })}
            <dl class="os-ev-facts">
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_when)}</dt>
                    <dd>
                        <time datetime=datetime>{when}</time>
                        <span class="os-ev-facts__note">" ("{i18n.tr(|t| t.ev_time_zone_note)}")"</span>
                    </dd>
                </div>
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_where)}</dt>
                    <dd>
                        {place.clone()}
                        {address.map(|a| view! { <br/><span class="os-ev-facts__address">{a}</span> })}
                    </dd>
                </div>
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_seats)}</dt>
                    <dd>
                        <span class=seats_cls aria-live="polite" data-testid="ev-seats">{seats}</span>
                        {move || stale.get().then(|| view! { <span class="os-ev-facts__note">" "{i18n.tr(|t| t.ev_seats_stale)}</span> })}
                    </dd>
                </div>
                {move || price().map(|p| view! {
                    <div class="os-ev-facts__row">
                        <dt>{i18n.tr(|t| t.ev_price)}</dt>
                        <dd>{p}</dd>
                    </div>
                })}
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_topics)}</dt>
                    <dd>{topics}</dd>
                </div>
            </dl>
            <OnlineLink event=event/>
            <div class="os-ev-actions">
                {move || calendar().map(|href| view! {
                    <a class="os-button" href=href download="">
                        {i18n.tr(|t| t.ev_add_calendar)}
                    </a>
                })}
                <FollowButton kind=FollowKind::Event backend=crate::config::backend(crate::config::Capability::Events)
                    id=follow_id title=Signal::stored(e0.summary.title.clone())/>
            </div>
            <section class="os-ev-description" aria-labelledby="ev-desc-title">
                <h2 id="ev-desc-title">{i18n.tr(|t| t.ev_description)}</h2>
                <RichText html=description/>
            </section>
            {project.map(|p| view! {
                <p class="os-ev-project">
                    {i18n.tr(|t| t.ev_project)}": "
                    <Link to=Route::Project(p)>{i18n.tr(|t| t.ev_project_link)}</Link>
                </p>
            })}
            {registration}
            <section class="os-ev-venue" aria-labelledby="ev-venue-title">
                <h2 id="ev-venue-title">{i18n.tr(|t| t.ev_venue_title)}</h2>
                <p>{place}</p>
                {area.map(|a| view! {
                    <p class="os-ev-venue__area">{i18n.tr(|t| t.ev_filter_area)}": "{move || a.text(i18n.lang()).to_owned()}</p>
                })}
                <h3>{i18n.tr(|t| t.ev_accessibility)}</h3>
                <p data-testid="ev-accessibility">
                    {move || match &accessibility {
                        Some(a) => a.text(i18n.lang()).to_owned(),
                        None => i18n.t().ev_accessibility_unknown.to_owned(),
                    }}
                </p>
                {venue_feature.map(|f| {
                    let selected = RwSignal::new(Some(f.id.clone()));
                    let features = Signal::derive(move || vec![f.clone()]);
                    view! {
                        <div class="os-ev-venue__map">
                            <MapView features=features selected=selected label=Signal::derive(move || i18n.t().ev_venue_map.to_owned())/>
                        </div>
                    }
                })}
            </section>
            <p><Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link></p>
        </article>
    }
}

/// The online link, from 15 minutes before the start until the end; before that a note
/// saying when it appears. A kiosk shows the link as a QR code instead.
#[component]
fn OnlineLink(event: RwSignal<Option<Result<Event, BackendError>>>) -> impl IntoView {
    let i18n = use_i18n();
    let tick = RwSignal::new(0u32);
    if let Ok(handle) =
        set_interval_with_handle(move || tick.update(|n| *n += 1), Duration::from_secs(20))
    {
        on_cleanup(move || handle.clear());
    }
    move || {
        tick.track();
        let e = event.get().and_then(Result::ok)?;
        let url = e.summary.online_url.clone()?;
        let visible = online_link_visible(&e.summary, now());
        let body = if visible && device::is_kiosk() {
            view! { <p>{i18n.tr(|t| t.ev_online_kiosk)}" "{kiosk_part(Part::Phone(url))}</p> }
                .into_any()
        } else if visible {
            view! {
                <p>
                    <a class="os-button os-button--primary" href=url rel="noopener noreferrer" target="_blank">
                        {i18n.tr(|t| t.ev_online_open)}
                    </a>
                </p>
            }
            .into_any()
        } else {
            view! { <p>{i18n.tr(|t| t.ev_online_later)}</p> }.into_any()
        };
        Some(view! {
            <section class="os-ev-online" aria-labelledby="ev-online-title">
                <h2 id="ev-online-title">{i18n.tr(|t| t.ev_online_title)}</h2>
                {body}
            </section>
        })
    }
}

/// The confirmation: attending or waitlisted with a position, and the cancel link and code.
#[component]
pub fn Confirmation(saved: Saved, just_now: bool) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let heading = NodeRef::<html::H2>::new();
    if just_now {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let link = format!(
        "{origin}{}#{}",
        router.href(&Route::CancelRegistration),
        saved.code
    );
    let status = {
        let s = saved.clone();
        move || {
            let t = i18n.t();
            match (s.status.as_str(), s.position) {
                ("waitlisted", Some(p)) => {
                    fill(t.ev_status_waitlisted, &[("position", &p.to_string())])
                }
                ("waitlisted", None) => t.ev_status_waitlisted_unknown.to_owned(),
                _ if s.seats > 1 => fill(
                    t.ev_status_attending_seats,
                    &[("seats", &s.seats.to_string())],
                ),
                _ => t.ev_status_attending.to_owned(),
            }
        }
    };
    let kiosk = device::is_kiosk();
    let code = saved.code.clone();
    view! {
        <section class="os-ev-confirm" aria-labelledby="ev-confirm-title" data-status=saved.status.clone()>
            <h2 id="ev-confirm-title" class="os-ev-confirm__title" tabindex="-1" node_ref=heading>
                {move || if just_now { i18n.t().ev_confirm_title } else { i18n.t().ev_your_registration }}
            </h2>
            <p class="os-ev-confirm__status">{status}</p>
            <h3>{i18n.tr(|t| t.ev_cancel_how)}</h3>
            <p>{i18n.tr(|t| t.ev_cancel_link_text)}</p>
            <p class="os-ev-confirm__link">
                {if kiosk {
                    view! { <span>{link.clone()}</span> }.into_any()
                } else {
                    view! { <a href=link.clone() data-testid="ev-cancel-link">{i18n.tr(|t| t.ev_cancel_link)}</a> }.into_any()
                }}
            </p>
            <p>
                {i18n.tr(|t| t.ev_cancel_code)}": "
                <code class="os-ev-confirm__code" data-testid="ev-cancel-code">{code}</code>
            </p>
            <p class="os-ev-confirm__keep">
                {move || if kiosk { i18n.t().ev_keep_kiosk } else { i18n.t().ev_keep_device }}
            </p>
        </section>
    }
}
