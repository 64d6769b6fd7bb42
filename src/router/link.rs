use super::context::use_router;
use super::route::Route;
use leptos::prelude::*;

/// An internal link: a real `<a href>` that navigates in the app on a plain left click.
/// Marked `aria-current="page"` when it points at the current page or section.
#[component]
pub(crate) fn Link(
    to: Route,
    #[prop(optional, into)] class: Option<&'static str>,
    #[prop(optional, into)] label: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = router.href(&to);
    let target = to.clone();
    let current = move || {
        let now = router.route();
        // A section's own link is current anywhere in the section; other links only on their page.
        let section_link = to.section().as_ref() == Some(&to);
        (now == to || (section_link && now.section() == to.section())).then_some("page")
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain && !ev.default_prevented() {
            ev.prevent_default();
            router.navigate(target.clone());
        }
    };
    view! {
        <a
            href=href
            class=class
            aria-current=current
            aria-label=move || label.map(|l| l.get())
            on:click=on_click
        >
            {children()}
        </a>
    }
}
