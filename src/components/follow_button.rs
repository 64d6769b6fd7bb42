//! The follow button for a project, plan or event.

use crate::client::projects as client;
use crate::components::backend_error::backend_error_text;
use crate::config::Backend;
use crate::domain::{FollowKind, Localized};
use crate::i18n::{fill, use_i18n};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

/// Follows or unfollows one item. The state shows at once from the device, changes at once on
/// a click (optimistically) and goes back with a translated message if the backend refuses.
/// Its accessible name says what is followed ("Follow Tori square renewal") and `aria-pressed`
/// says the state. Renders nothing for backends that cannot be followed anonymously.
#[component]
pub fn FollowButton(
    kind: FollowKind,
    backend: Backend,
    #[prop(into)] id: String,
    #[prop(into)] title: Signal<Localized>,
) -> impl IntoView {
    if !client::can_follow(&backend) {
        return ().into_any();
    }
    let i18n = use_i18n();
    let follows = use_follows();
    let key = client::key(&backend, kind, &id);
    let following = {
        let key = key.clone();
        Memo::new(move |_| follows.is_following(&key))
    };
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let backend = StoredValue::new(backend);
    let id = StoredValue::new(id);
    let key = StoredValue::new(key);

    let toggle = move |_| {
        if pending.get_untracked() {
            return;
        }
        let on = !following.get_untracked();
        let t = title.get_untracked();
        let (backend, id, key) = (backend.get_value(), id.get_value(), key.get_value());
        follows.set_following(&key, &t, on);
        error.set(None);
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = client::set_follow(&backend, kind, &id, on).await;
            pending.try_set(false);
            if let Err(e) = result {
                follows.set_following(&key, &t, !on);
                let tr = i18n.t();
                let template = if on {
                    tr.follow_failed_on
                } else {
                    tr.follow_failed_off
                };
                error.try_set(Some(fill(
                    template,
                    &[("reason", &backend_error_text(tr, &e))],
                )));
            }
        });
    };

    let name = move || {
        let t = i18n.t();
        let template = if following.get() {
            t.follow_name_on
        } else {
            t.follow_name_off
        };
        let lang = i18n.lang();
        title.with(|l| fill(template, &[("title", l.text(lang))]))
    };
    view! {
        <div class="os-follow">
            <button
                type="button"
                class="os-button os-follow__button"
                class:os-follow__button--on=move || following.get()
                aria-pressed=move || if following.get() { "true" } else { "false" }
                aria-label=name
                aria-busy=move || pending.get().then_some("true")
                on:click=toggle
            >
                <span class="os-follow__icon" aria-hidden="true">
                    {move || if following.get() { "★" } else { "☆" }}
                </span>
                {move || if following.get() { i18n.t().follow_active } else { i18n.t().follow_action }}
            </button>
            <p class="os-follow__error" role="alert">{move || error.get()}</p>
        </div>
    }
    .into_any()
}
