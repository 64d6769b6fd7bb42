use super::names;
use crate::components::form::{Field, FilterBar, Input, Select};
use crate::domain::{Lang, ProjectStatus, ProjectSummary};
use crate::i18n::{fill, use_i18n};
use crate::router::use_router;
use crate::web::clock::Timer;
use leptos::prelude::*;

/// How long typing must pause before the search applies.
const TYPING_PAUSE_MS: i32 = 400;

/// A filter control's value, kept in the address under `key`: a change replaces the address,
/// and Back (or "Clear filters") changes the control.
fn address_value(key: &'static str) -> RwSignal<String> {
    let router = use_router();
    let value = RwSignal::new(untrack(|| router.query(key)).unwrap_or_default());
    Effect::new(move |_| {
        let q = router.query(key).unwrap_or_default();
        if value.get_untracked() != q {
            value.set(q);
        }
    });
    Effect::new(move |_| {
        let v = value.get();
        if untrack(|| router.query(key)).unwrap_or_default() != v {
            router.set_query(key, Some(&v));
        }
    });
    value
}

/// The search text as typed; it goes into the address (`q`) once typing pauses. The address
/// changing from elsewhere (Back, "Clear filters") replaces what is typed.
fn search_text() -> RwSignal<String> {
    let router = use_router();
    let typed = RwSignal::new(untrack(|| router.query("q")).unwrap_or_default());
    let applied = StoredValue::new(typed.get_untracked());
    let pause = StoredValue::new_local(None::<Timer>);
    Effect::new(move |_| {
        let q = router.query("q").unwrap_or_default();
        if applied.get_value() != q {
            applied.set_value(q.clone());
            typed.set(q);
        }
    });
    Effect::new(move |_| {
        let text = typed.get();
        if text == applied.get_value() {
            pause.set_value(None);
            return;
        }
        pause.set_value(Timer::once(TYPING_PAUSE_MS, move || {
            applied.set_value(text.clone());
            router.set_query("q", Some(&text));
        }));
    });
    typed
}

/// The filters of the project list: free text, status and area (the areas of the projects
/// found), with the count of projects shown.
#[component]
pub(super) fn ProjectFilters(
    /// The projects found (the area choices come from them).
    projects: Memo<Option<Vec<ProjectSummary>>>,
    /// The projects shown.
    shown: Memo<Option<Vec<ProjectSummary>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let text = search_text();
    let status = address_value("status");
    let area = address_value("area");
    let areas = Memo::new(move |_| {
        let lang = i18n.lang();
        let mut list: Vec<(String, String)> = projects.with(|p| {
            p.iter()
                .flatten()
                .filter(|p| !p.area.is_empty())
                .map(|p| {
                    let label = p.area.text(lang).to_owned();
                    (p.area.text(Lang::Fi).to_owned(), label)
                })
                .collect()
        });
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list.dedup();
        list
    });
    let active = Signal::derive(move || {
        ["q", "status", "area"]
            .iter()
            .any(|k| router.query(k).is_some())
    });
    let count = Signal::derive(move || {
        let n = shown.with(|s| s.as_ref().map(Vec::len))?;
        Some(fill(i18n.t().projects_count, &[("count", &n.to_string())]))
    });
    let clear = Callback::new(move |()| {
        text.set(String::new());
        router.clear_query();
    });
    view! {
        <FilterBar label=i18n.tr(|t| t.projects_filters) active=active on_clear=clear count=count>
            <Field id="os-projects-q" label=i18n.tr(|t| t.projects_search_label)>
                <Input value=text kind="search"/>
            </Field>
            <Field id="os-projects-status" label=i18n.tr(|t| t.projects_status_label)>
                <Select value=status>
                    <option value="" selected=move || status.with(String::is_empty)>
                        {i18n.tr(|t| t.projects_status_any)}
                    </option>
                    {ProjectStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=move || status.with(|v| v == s.code())>
                            {move || names::status(i18n.t(), s)}
                        </option>
                    }).collect_view()}
                </Select>
            </Field>
            <Field id="os-projects-area" label=i18n.tr(|t| t.projects_area_label)>
                <Select value=area>
                    <option value="" selected=move || area.with(String::is_empty)>
                        {i18n.tr(|t| t.projects_area_any)}
                    </option>
                    <For each=move || areas.get() key=|a| a.clone() let((value, label))>
                        <option value=value.clone() selected=move || area.with(|a| *a == value)>
                            {label}
                        </option>
                    </For>
                </Select>
            </Field>
        </FilterBar>
    }
}
