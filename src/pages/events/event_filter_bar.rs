//! The events list's filters: search, dates, topic, area, format, free, past. Each lives in
//! the address (see [`super::filters`]).

use super::bound::{bound_flag, bound_search, bound_text};
use super::filters::{key, EventFilters};
use super::labels::{topic_name, TOPICS};
use crate::components::form::{Checkbox, Field, FilterBar, Input, Select};
use crate::domain::{Lang, Localized, Topic};
use crate::i18n::use_i18n;
use crate::router::use_router;
use leptos::prelude::*;

/// The filter bar above the events. `topics` are the backend's own topics (Linked Events
/// keywords; none: the reference server's topic codes); `areas` are the town's areas that
/// have events (none: no area filter); `count` is "12 events" for the list below.
#[component]
pub(crate) fn EventFilterBar(
    #[prop(into)] topics: Signal<Vec<Topic>>,
    #[prop(into)] areas: Signal<Vec<Localized>>,
    #[prop(into)] count: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let text = bound_search(router, key::TEXT);
    let from = bound_text(router, key::FROM);
    let to = bound_text(router, key::TO);
    let topic = bound_text(router, key::TOPIC);
    let area = bound_text(router, key::AREA);
    let format = bound_text(router, key::FORMAT);
    let free = bound_flag(router, key::FREE);
    let past = bound_flag(router, key::PAST);
    let active = Signal::derive(move || EventFilters::read(|k| router.query(k)).any());
    let clear = Callback::new(move |()| {
        for k in [
            key::TEXT,
            key::FROM,
            key::TO,
            key::TOPIC,
            key::AREA,
            key::FORMAT,
            key::FREE,
            key::PAST,
        ] {
            router.set_query(k, None);
        }
    });
    let any = move || view! { <option value="">{i18n.tr(|t| t.ev_filter_any)}</option> };
    view! {
        <FilterBar label=i18n.tr(|t| t.ev_filters) active=active on_clear=clear count=count>
            <Field id="os-ev-q" label=i18n.tr(|t| t.ev_filter_text)>
                <Input value=text kind="search" autocomplete="off"/>
            </Field>
            <Field id="os-ev-from" label=i18n.tr(|t| t.ev_filter_from)>
                <Input value=from kind="date"/>
            </Field>
            <Field id="os-ev-to" label=i18n.tr(|t| t.ev_filter_to)>
                <Input value=to kind="date"/>
            </Field>
            <Field id="os-ev-topic" label=i18n.tr(|t| t.ev_filter_topic)>
                <Select value=topic>
                    {any()}
                    {move || {
                        let own = topics.get();
                        if own.is_empty() {
                            TOPICS.iter().map(|code| view! {
                                <option value=*code>{move || topic_name(i18n.t(), code)}</option>
                            }).collect_view().into_any()
                        } else {
                            // Linked Events' keywords, sent by id.
                            // They arrive after the address is read: each option selects
                            // itself when it is the one in the address.
                            own.into_iter().map(|k| {
                                let id = k.id.clone();
                                view! {
                                    <option value=k.id prop:selected=move || topic.with(|t| *t == id)>
                                        {move || k.name.text(i18n.lang()).to_owned()}
                                    </option>
                                }
                            }).collect_view().into_any()
                        }
                    }}
                </Select>
            </Field>
            {move || (!areas.with(Vec::is_empty)).then(|| view! {
                <Field id="os-ev-area" label=i18n.tr(|t| t.ev_filter_area)>
                    <Select value=area>
                        {any()}
                        {areas.get().into_iter().map(|a| {
                            let value = a.text(Lang::Fi).to_owned();
                            let own = value.clone();
                            view! {
                                <option value=value prop:selected=move || area.with(|v| *v == own)>
                                    {move || a.text(i18n.lang()).to_owned()}
                                </option>
                            }
                        }).collect_view()}
                    </Select>
                </Field>
            })}
            <Field id="os-ev-format" label=i18n.tr(|t| t.ev_filter_format)>
                <Select value=format>
                    {any()}
                    <option value="in_person">{i18n.tr(|t| t.ev_filter_in_person)}</option>
                    <option value="online">{i18n.tr(|t| t.ev_online)}</option>
                </Select>
            </Field>
            <Field id="os-ev-free" label=i18n.tr(|t| t.ev_filter_free) check=true>
                <Checkbox checked=free/>
            </Field>
            <Field id="os-ev-past" label=i18n.tr(|t| t.ev_filter_past) check=true>
                <Checkbox checked=past/>
            </Field>
        </FilterBar>
    }
}
