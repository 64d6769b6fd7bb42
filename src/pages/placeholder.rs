use crate::components::page_title::PageTitle;
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;

/// A section whose content is still being built: title, introduction and a notice.
#[component]
pub fn SectionPlaceholder(
    title: fn(&'static Strings) -> &'static str,
    intro: fn(&'static Strings) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="os-page">
            <PageTitle text=Signal::derive(move || title(i18n.t()).to_owned())/>
            <p class="os-page__intro">{i18n.tr(intro)}</p>
            <p class="os-notice">{i18n.tr(|t| t.coming_soon)}</p>
        </div>
    }
}
