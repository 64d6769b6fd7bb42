//! The filters of the plans list, kept in the address (`?q=…&phase=…&open=1`), so a filtered
//! list can be shared and Back comes back to it.

use crate::components::form::{Checkbox, Field, FilterBar, Input, Select};
use crate::domain::{PlanPhase, PlanQuery};
use crate::i18n::use_i18n;
use crate::pages::plans::text::phase_name;
use crate::router::{use_router, Router};
use crate::web::clock::Timer;
use leptos::prelude::*;

const TEXT: &str = "q";
const PHASE: &str = "phase";
const OPEN: &str = "open";
/// How long typing may pause before the list follows the search text.
const TYPING_MS: i32 = 400;

/// The list's query as the address says (tracked).
pub(super) fn query_from_address(router: Router) -> PlanQuery {
    PlanQuery {
        phase: router
            .query(PHASE)
            .as_deref()
            .and_then(PlanPhase::from_code),
        open: router.query(OPEN).is_some_and(|v| v == "1").then_some(true),
        text: router.query(TEXT).filter(|t| !t.trim().is_empty()),
        bounds: None,
    }
}

/// Keeps `value` and the address's `key` in step: the address follows what the resident
/// enters (after `delay_ms` of quiet), and the field follows the address (Back, "Clear").
fn bind<T: Clone + PartialEq + Send + Sync + 'static>(
    router: Router,
    key: &'static str,
    value: RwSignal<T>,
    read: fn(Option<String>) -> T,
    write: fn(&T) -> Option<String>,
    delay_ms: i32,
) {
    Effect::new(move |_| {
        let there = read(router.query(key));
        if value.with_untracked(|v| *v != there) {
            value.set(there);
        }
    });
    let pending = StoredValue::new_local(None::<Timer>);
    Effect::new(move |first: Option<()>| {
        let entered = write(&value.get());
        if first.is_none() {
            return;
        }
        let update = move || {
            if untrack(|| router.query(key)) != entered {
                router.set_query(key, entered.as_deref());
            }
        };
        if delay_ms == 0 {
            update();
        } else {
            pending.set_value(Timer::once(delay_ms, update));
        }
    });
}

/// The filter bar; `count` is how many plans the list shows. `phases`: whether the backend
/// knows plan phases (Kerrokantasi's hearings have none).
#[component]
pub(super) fn PlanFilters(
    #[prop(into)] count: Signal<Option<String>>,
    phases: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let text = RwSignal::new(String::new());
    let phase = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let text_of = |v: Option<String>| v.unwrap_or_default();
    let text_to = |v: &String| Some(v.clone()).filter(|v| !v.is_empty());
    bind(router, TEXT, text, text_of, text_to, TYPING_MS);
    bind(router, PHASE, phase, text_of, text_to, 0);
    bind(
        router,
        OPEN,
        open,
        |v| v.as_deref() == Some("1"),
        |on| on.then(|| "1".into()),
        0,
    );
    let active = Signal::derive(move || query_from_address(router) != PlanQuery::default());
    view! {
        <FilterBar label=i18n.tr(|t| t.plans_filters) active=active
            on_clear=Callback::new(move |()| router.clear_query()) count=count>
            <Field id="os-plans-text" label=i18n.tr(|t| t.plans_filter_text)>
                <Input value=text kind="search"/>
            </Field>
            {phases.then(|| view! {
                <Field id="os-plans-phase" label=i18n.tr(|t| t.plans_filter_phase)>
                    <Select value=phase>
                        <option value="">{i18n.tr(|t| t.plans_filter_all_phases)}</option>
                        {PlanPhase::ALL.into_iter().map(|p| view! {
                            <option value=p.code()>{move || phase_name(i18n.t(), p)}</option>
                        }).collect_view()}
                    </Select>
                </Field>
            })}
            <Field id="os-plans-open" label=i18n.tr(|t| t.plans_filter_open) check=true>
                <Checkbox checked=open/>
            </Field>
        </FilterBar>
    }
}
