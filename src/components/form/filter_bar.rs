//! The filters above a list.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A labelled search region holding the list's filter fields (children), a "Clear filters"
/// button while any filter is set, and a live count of what the list shows. Filters apply as
/// they change; there is no submit button.
#[component]
pub(crate) fn FilterBar(
    /// What the region is called ("Filter plans").
    #[prop(into)]
    label: TextProp,
    /// Whether any filter differs from its default.
    #[prop(into)]
    active: Signal<bool>,
    on_clear: Callback<()>,
    /// "12 plans", announced politely as the list changes.
    #[prop(into)]
    count: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="os-filters" role="search" aria-label=move || label.get()>
            <div class="os-filters__fields">{children()}</div>
            <div class="os-filters__end">
                {move || active.get().then(|| view! {
                    <button type="button" class="os-button os-button--small" on:click=move |_| on_clear.run(())>
                        {i18n.tr(|t| t.filters_clear)}
                    </button>
                })}
                <p class="os-filters__count" role="status" aria-live="polite">{move || count.get()}</p>
            </div>
        </div>
    }
}
