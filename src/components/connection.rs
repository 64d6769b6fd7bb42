//! Notices about the connection and the app itself: "offline" (what still works) and "a new
//! version is ready" with an Update button. Both are polite status messages.

use crate::i18n::use_i18n;
use crate::pwa::{apply_update, use_pwa};
use leptos::prelude::*;

#[component]
pub(crate) fn ConnectionNotices() -> impl IntoView {
    let i18n = use_i18n();
    let Some(pwa) = use_pwa() else {
        return ().into_any();
    };
    let updating = RwSignal::new(false);
    view! {
        <div class="os-notices" role="status" aria-live="polite">
            {move || pwa.offline.get().then(|| view! {
                <p class="os-notice os-notice--offline" data-testid="offline-notice">
                    <strong>{i18n.tr(|t| t.offline_title)}</strong>" "{i18n.tr(|t| t.offline_text)}
                </p>
            })}
            {move || pwa.update_ready.get().then(|| view! {
                <p class="os-notice os-notice--update">
                    {i18n.tr(|t| t.update_ready)}" "
                    <button type="button" class="os-button" disabled=move || updating.get()
                        on:click=move |_| { updating.set(true); apply_update(); }>
                        {i18n.tr(|t| t.update_now)}
                    </button>
                </p>
            })}
        </div>
    }
    .into_any()
}
