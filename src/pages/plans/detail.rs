//! `/plans/:id`: the plan (summary, description, phases, documents, contacts, comment period),
//! the map of the plan area and its comments, the comment form and the comments.

use super::comments::CommentsSection;
use super::form::CommentForm;
use super::format::{period_text, phase_class, phase_name};
use super::sender::Sender;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::follow_button::FollowButton;
use crate::components::page_title::PageTitle;
use crate::components::rich_text::RichText;
use crate::config::Backend;
use crate::config::{backend, Capability};
use crate::domain::FollowKind;
use crate::domain::{Capabilities, Comment, Geometry, LatLng, PhaseStatus, Plan};
use crate::format::day;
use crate::i18n::{fill, use_i18n};
use crate::kiosk::OutsideLink;
use crate::map::{MapFeature, MapView};
use crate::router::{Link, Route};
use crate::state::draft::CommentDraft;
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

/// What the parts of the plan page share.
#[derive(Clone, Copy)]
pub struct PlanContext {
    pub plan: StoredValue<Plan>,
    pub backend: StoredValue<Backend>,
    pub capabilities: Capabilities,
    /// The main comment form's draft (drawn location included).
    pub draft: RwSignal<CommentDraft>,
    /// Map taps add vertices to the draft's location while true.
    pub drawing: RwSignal<bool>,
    /// Map centre, for "add a point at the centre" (the keyboard way).
    pub centre: RwSignal<Option<LatLng>>,
    /// The selected map feature: `plan` or `c<comment id>`.
    pub selected: RwSignal<Option<String>>,
    /// Located comments known to the page (loaded pages and sent comments), for the map.
    pub located: RwSignal<Vec<(u64, Geometry, String)>>,
    /// Whether the places list was asked for (once per page).
    places_asked: StoredValue<bool>,
    pub sender: Sender,
}

pub fn use_plan() -> PlanContext {
    expect_context::<PlanContext>()
}

/// Feature id of a comment on the map.
pub fn comment_feature(id: u64) -> String {
    format!("c{id}")
}

impl PlanContext {
    /// Puts `comment` on the map (if located) with its whole shape and an excerpt, replacing
    /// the bare position the places list gave.
    pub fn locate(&self, comment: &Comment) {
        if let Some(g) = &comment.geometry {
            let label = comment.text.clone().unwrap_or_default();
            let label: String = label.chars().take(60).collect();
            let entry = (comment.id, g.clone(), label);
            self.located.update(
                |all| match all.iter_mut().find(|(id, _, _)| *id == comment.id) {
                    Some(known) if known.1 == entry.1 && known.2 == entry.2 => {}
                    Some(known) => *known = entry,
                    None => all.push(entry),
                },
            );
        }
    }

    /// Adds every located comment's position (from the backend's places list) to the map,
    /// after the page is usable: for a plan with thousands of comments this is the largest
    /// answer the page loads, so it is asked for after the first page of comments.
    pub fn load_places(self) {
        if self.places_asked.get_value() {
            return;
        }
        self.places_asked.set_value(true);
        leptos::task::spawn_local(async move {
            let backend = self.backend.get_value();
            let plan = self.plan.get_value();
            let Ok(Some(places)) = client::plans::places(&backend, &plan).await else {
                return;
            };
            let _ = self.located.try_update(|all| {
                let known: std::collections::HashSet<u64> =
                    all.iter().map(|(id, _, _)| *id).collect();
                all.extend(
                    places
                        .into_iter()
                        .filter(|p| !known.contains(&p.id))
                        .map(|p| (p.id, Geometry::Point(p.at), format!("#{}", p.id))),
                );
            });
        });
    }
}

#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let backend = backend(Capability::Plans);
    let plan = LocalResource::new({
        let backend = backend.clone();
        move || {
            let (backend, id) = (backend.clone(), id.clone());
            async move { client::plans::get(&backend, &id).await }
        }
    });
    let backend = StoredValue::new(backend);
    view! {
        <div class="os-page os-plan">
            {move || match plan.get() {
                None => view! {
                    <PageTitle text=Signal::derive(move || i18n.t().plans_loading.to_owned())/>
                }.into_any(),
                Some(Err(e)) => view! {
                    <PageTitle text=Signal::derive(move || i18n.t().plans_not_available.to_owned())/>
                    <div class="os-error" role="alert">
                        <p>{move || backend_error_text(i18n.t(), &e)}</p>
                        <p>
                            <button type="button" class="os-button" on:click=move |_| plan.refetch()>
                                {i18n.tr(|t| t.error_retry)}
                            </button>
                            " "
                            <Link to=Route::Plans class="os-button">{i18n.tr(|t| t.plans_back_to_list)}</Link>
                        </p>
                    </div>
                }.into_any(),
                Some(Ok(p)) => view! { <PlanView plan=p backend=backend.get_value()/> }.into_any(),
            }}
        </div>
    }
}

/// A loaded plan: its facts, map, comment form and comments.
#[component]
pub fn PlanView(plan: Plan, backend: Backend) -> impl IntoView {
    let i18n = use_i18n();
    let capabilities = client::plans::capabilities(&backend);
    let sender = Sender::new(backend.clone(), plan.clone());
    let ctx = PlanContext {
        plan: StoredValue::new(plan),
        backend: StoredValue::new(backend),
        capabilities,
        draft: RwSignal::new(CommentDraft::default()),
        drawing: RwSignal::new(false),
        centre: RwSignal::new(None),
        selected: RwSignal::new(None),
        located: RwSignal::new(Vec::new()),
        places_asked: StoredValue::new(false),
        sender,
    };
    provide_context(ctx);
    sender.start(ctx);

    let plan = ctx.plan;
    let (follow_backend, plan_id, plan_title) = (
        ctx.backend.get_value(),
        plan.with_value(|p| p.summary.id.clone()),
        plan.with_value(|p| p.summary.title.clone()),
    );
    // Opening the page marks what is new about the plan as seen.
    {
        let key = crate::client::projects::key(&follow_backend, FollowKind::Plan, &plan_id);
        use_follows().mark_seen(&key, Some(plan_title.clone()));
    }
    let text = move |f: fn(&Plan) -> &crate::domain::Localized| {
        move || plan.with_value(|p| f(p).text(i18n.lang()).to_string())
    };
    let title = text(|p| &p.summary.title);
    let features = Signal::derive(move || {
        let mut out = Vec::new();
        let lang = i18n.lang();
        plan.with_value(|p| {
            if let Some(g) = &p.geometry {
                out.push(MapFeature {
                    id: "plan".into(),
                    label: p.summary.title.text(lang).to_string(),
                    geometry: g.clone(),
                });
            }
        });
        let t = i18n.t();
        ctx.located.with(|all| {
            out.extend(all.iter().map(|(id, g, excerpt)| MapFeature {
                id: comment_feature(*id),
                label: fill(t.plans_comment_marker, &[("text", excerpt)]),
                geometry: g.clone(),
            }))
        });
        out
    });
    let fit = Signal::derive(move || {
        plan.with_value(|p| {
            p.geometry
                .as_ref()
                .and_then(Geometry::bounds)
                .or(p.summary.bounds)
        })
    });
    let sketch = Signal::derive(move || {
        ctx.draft
            .with(|d| d.sketch.as_ref().and_then(|s| s.preview()))
    });
    let on_tap = Callback::new(move |at: LatLng| {
        if ctx.drawing.get_untracked() {
            ctx.draft.update(|d| {
                if let Some(s) = d.sketch.as_mut() {
                    s.add(at);
                }
            });
        }
    });
    let class_of = Callback::new(|id: String| {
        if id == "plan" {
            "os-map-area--plan"
        } else {
            "os-map-area--comment"
        }
        .to_string()
    });
    // A comment selected on the map is scrolled to in the list.
    Effect::new(move |_| {
        let Some(sel) = ctx.selected.get() else {
            return;
        };
        let Some(id) = sel.strip_prefix('c') else {
            return;
        };
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("os-comment-{id}")))
        {
            el.scroll_into_view_with_bool(false);
        }
    });

    let description =
        Signal::derive(move || plan.with_value(|p| p.description.0.text(i18n.lang()).to_string()));
    let has_description = plan.with_value(|p| !p.description.0.is_empty());

    view! {
        <PageTitle text=Signal::derive(title)/>
        <p class="os-plan__meta">
            {move || plan.with_value(|p| p.summary.phase).map(|ph| view! {
                <span class=format!("os-badge {}", phase_class(Some(ph)))>{move || phase_name(i18n.t(), ph)}</span>
            })}
            " "
            <span>{text(|p| &p.summary.area_name)}</span>
        </p>
        <p class="os-page__intro">{text(|p| &p.summary.summary)}</p>
        <div class="os-plan__actions">
            <FollowButton kind=FollowKind::Plan backend=follow_backend id=plan_id
                title=Signal::stored(plan_title)/>
            // On a phone the form is far below: a way straight to it.
            <a class="os-button os-button--primary" href="#os-comment-form">{i18n.tr(|t| t.plans_form_heading)}</a>
        </div>
        <p class="os-plan__period os-notice">
            {move || plan.with_value(|p| period_text(i18n.t(), p.summary.comment_period.as_ref(), i18n.lang()))}
        </p>

        <div class="os-plan__layout">
            <div class="os-plan__main">
                <section class="os-plan__map" aria-labelledby="os-plan-map-heading">
                    <h2 id="os-plan-map-heading">{i18n.tr(|t| t.plans_plan_map_heading)}</h2>
                    <MapView features=features selected=ctx.selected class_of=class_of fit=fit
                        sketch=sketch on_tap=on_tap centre=ctx.centre
                        crosshair=Signal::derive(move || ctx.drawing.get())
                        label=Signal::derive(move || fill(i18n.t().plans_plan_map_label, &[("title", &title())]))/>
                </section>
                {has_description.then(|| view! {
                    <section class="os-plan__description" aria-labelledby="os-plan-description-heading">
                        <h2 id="os-plan-description-heading">{i18n.tr(|t| t.plans_description)}</h2>
                        <RichText html=description/>
                    </section>
                })}
                <Phases/>
                <Documents/>
                <Contacts/>
            </div>
            <div class="os-plan__side">
                <CommentForm/>
            </div>
        </div>
        <CommentsSection/>
    }
}

#[component]
fn Phases() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let phases = ctx.plan.with_value(|p| p.phases.clone());
    (!phases.is_empty()).then(|| view! {
        <section class="os-plan__phases" aria-labelledby="os-plan-phases-heading">
            <h2 id="os-plan-phases-heading">{i18n.tr(|t| t.plans_phases)}</h2>
            <ol class="os-timeline">
                {phases.into_iter().map(|step| {
                    let status = step.status;
                    let current = (status == PhaseStatus::Current).then_some("step");
                    let class = match status {
                        PhaseStatus::Completed => "os-timeline__step os-timeline__step--done",
                        PhaseStatus::Current => "os-timeline__step os-timeline__step--current",
                        PhaseStatus::Upcoming => "os-timeline__step",
                    };
                    view! {
                        <li class=class aria-current=current>
                            <span class="os-timeline__name">{move || phase_name(i18n.t(), step.phase)}</span>
                            <span class="os-timeline__dates">
                                {move || {
                                    let lang = i18n.lang();
                                    match step.ends_on {
                                        Some(end) => format!("{} – {}", day(lang, step.starts_on), day(lang, end)),
                                        None => day(lang, step.starts_on),
                                    }
                                }}
                            </span>
                            <span class="os-timeline__status">
                                {move || match status {
                                    PhaseStatus::Completed => i18n.t().plans_phase_completed,
                                    PhaseStatus::Current => i18n.t().plans_phase_current,
                                    PhaseStatus::Upcoming => i18n.t().plans_phase_upcoming,
                                }}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    })
}

#[component]
fn Documents() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let docs = ctx.plan.with_value(|p| p.documents.clone());
    (!docs.is_empty()).then(|| view! {
        <section class="os-plan__documents" aria-labelledby="os-plan-documents-heading">
            <h2 id="os-plan-documents-heading">{i18n.tr(|t| t.plans_documents)}</h2>
            <ul class="os-documents">
                {docs.into_iter().map(|d| {
                    let title = d.title.clone();
                    // `.to_ascii_uppercase()`: media types are ASCII, and the Unicode table
                    // behind `.to_uppercase()` costs 5 KB of wasm.
                    let kind = d.media_type.as_deref().map(|m| m.rsplit('/').next().unwrap_or_default().to_ascii_uppercase());
                    let size = d.size_bytes;
                    let facts = move || {
                        let parts: Vec<String> = kind.iter().cloned().chain(size.map(|b| crate::format::file_size(i18n.lang(), b))).collect();
                        (!parts.is_empty()).then(|| format!(" ({})", parts.join(", ")))
                    };
                    view! {
                        <li>
                            <OutsideLink class="os-documents__link" href=d.url.clone()>
                                {move || title.text(i18n.lang()).to_string()}
                            </OutsideLink>
                            <span class="os-documents__facts">{facts}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
fn Contacts() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let contacts = ctx.plan.with_value(|p| p.contacts.clone());
    (!contacts.is_empty()).then(|| view! {
        <section class="os-plan__contacts" aria-labelledby="os-plan-contacts-heading">
            <h2 id="os-plan-contacts-heading">{i18n.tr(|t| t.plans_contacts)}</h2>
            <ul class="os-contacts">
                {contacts.into_iter().map(|c| {
                    let role = c.role.clone();
                    view! {
                        <li class="os-contacts__item">
                            <strong>{c.name.clone()}</strong>
                            <span>{move || role.text(i18n.lang()).to_string()}</span>
                            {c.organization.clone().map(|o| view! { <span>{o}</span> })}
                            {c.email.clone().map(|e| view! {
                                <a class="os-contacts__link" href=format!("mailto:{e}")>{e.clone()}</a>
                            })}
                            {c.phone.clone().map(|p| view! {
                                <a class="os-contacts__link" href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}
