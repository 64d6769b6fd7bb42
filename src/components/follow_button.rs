//! The follow button for a project, plan or event.

use crate::client::follows as client;
use crate::components::backend_error::backend_error_text;
use crate::config::Backend;
use crate::domain::{FollowKind, Localized};
use crate::i18n::{fill, use_i18n};
use crate::state::follows::store::use_follows;
use crate::state::follows::write::set_following;
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
    let following = Memo::new(move |_| follows.is_following(&key));
    let (backend, id) = (StoredValue::new(backend), StoredValue::new(id));
    // The output keeps what was asked, for the message if it is refused.
    let action = Action::new_local(move |&on: &bool| {
        let write = set_following(
            follows,
            backend.get_value(),
            kind,
            id.get_value(),
            title.get_untracked(),
            on,
        );
        async move { (on, write.await) }
    });
    let pending = action.pending();
    let toggle = move |_| {
        if pending.get_untracked() {
            return;
        }
        action.value().set(None);
        action.dispatch_local(!following.get_untracked());
    };
    let error = move || {
        action.value().with(|v| match v {
            Some((on, Err(e))) => {
                let t = i18n.t();
                let template = if *on {
                    t.projects_follow_failed_on
                } else {
                    t.projects_follow_failed_off
                };
                Some(fill(template, &[("reason", &backend_error_text(t, e))]))
            }
            _ => None,
        })
    };

    let name = move || {
        let t = i18n.t();
        let template = if following.get() {
            t.projects_follow_name_on
        } else {
            t.projects_follow_name_off
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
                {move || if following.get() { i18n.t().projects_follow_active } else { i18n.t().projects_follow_action }}
            </button>
            <p class="os-follow__error" role="alert">{error}</p>
        </div>
    }
    .into_any()
}
