//! The staff workspace's strings (a table of its own, see `i18n::staff`), and the gate that
//! shows the workspace once a table is here.

use crate::client::staff::load_staff_strings;
use crate::domain::Lang;
use crate::i18n::{staff_loaded, use_i18n, I18n, StaffStrings};
use leptos::prelude::*;

/// The staff strings of the current language, shared through context.
#[derive(Clone, Copy)]
pub(super) struct StaffText {
    i18n: I18n,
    /// Bumped when a table arrives.
    arrived: RwSignal<u32>,
}

impl StaffText {
    /// The table of the current language (tracked); another language's until it arrives.
    pub(super) fn t(&self) -> &'static StaffStrings {
        self.arrived.track();
        let lang = self.i18n.lang();
        staff_loaded(lang)
            .or_else(|| Lang::ALL.into_iter().find_map(staff_loaded))
            .expect("the workspace is shown only once a staff table is here")
    }

    /// A reactive text for `key`.
    pub(super) fn tr(
        self,
        key: fn(&'static StaffStrings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key(self.t())
    }
}

pub(super) fn use_staff_text() -> StaffText {
    expect_context::<StaffText>()
}

/// Shows `children` once the staff strings of some language are here, fetching the current
/// language's table (again when the language changes).
#[component]
pub(super) fn StaffTextGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let text = StaffText {
        i18n,
        arrived: RwSignal::new(0),
    };
    provide_context(text);
    let failed = RwSignal::new(false);
    let fetch = move |lang: Lang| {
        failed.set(false);
        leptos::task::spawn_local(async move {
            if load_staff_strings(lang).await {
                let _ = text.arrived.try_update(|n| *n += 1);
            } else {
                let _ = failed.try_set(true);
            }
        });
    };
    Effect::new(move |_| {
        let lang = i18n.lang();
        if staff_loaded(lang).is_none() {
            fetch(lang);
        }
    });
    let ready = Memo::new(move |_| {
        text.arrived.track();
        Lang::ALL.into_iter().any(|l| staff_loaded(l).is_some())
    });
    move || {
        if ready.get() {
            children().into_any()
        } else if failed.get() {
            view! {
                <div class="os-page">
                    <div class="os-error" role="alert">
                        <h2 class="os-error__title">{i18n.tr(|t| t.error_title)}</h2>
                        <button type="button" class="os-button" on:click=move |_| fetch(i18n.lang())>
                            {i18n.tr(|t| t.error_retry)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="os-page">
                    <p class="os-page__intro" role="status">{i18n.tr(|t| t.loading)}</p>
                </div>
            }
            .into_any()
        }
    }
}
