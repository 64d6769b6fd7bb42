use crate::client::projects as client;
use crate::components::backend_error::backend_error_text;
use crate::config::Backend;
use crate::domain::{PageQuery, ProjectUpdate};
use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;

/// A project's dated updates, newest first. Each has the anchor `update-{id}` that the Atom
/// feed's entries link to.
#[component]
pub fn Timeline(backend: Backend, #[prop(into)] id: String, page: PageQuery) -> impl IntoView {
    let i18n = use_i18n();
    let source = StoredValue::new((backend, id));
    let data = LocalResource::new(move || {
        let (backend, id) = source.get_value();
        async move { client::updates(&backend, &id, page).await }
    });
    let content = move || match data.get() {
        None => view! { <p class="os-loading">{i18n.tr(|t| t.loading)}</p> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            view! { <p>{i18n.tr(|t| t.project_updates_none)}</p> }.into_any()
        }
        Some(Ok(page)) => {
            let mut items = page.items;
            items.sort_by_key(|u| std::cmp::Reverse(u.published_at));
            view! {
                <ol class="os-timeline">
                    {items.into_iter().map(|u| view! { <Entry update=u/> }).collect_view()}
                </ol>
            }
            .into_any()
        }
        Some(Err(e)) => view! {
            <div class="os-error" role="alert">
                <p>{move || backend_error_text(i18n.t(), &e)}</p>
                <button type="button" class="os-button" on:click=move |_| data.refetch()>
                    {i18n.tr(|t| t.followed_retry)}
                </button>
            </div>
        }
        .into_any(),
    };
    view! {
        {content}
    }
}

#[component]
fn Entry(update: ProjectUpdate) -> impl IntoView {
    let i18n = use_i18n();
    let u = StoredValue::new(update);
    let lang_of = move |f: fn(&ProjectUpdate) -> &crate::domain::Localized| {
        move || u.with_value(|u| f(u).get(i18n.lang()).map(|(_, l)| l.code()))
    };
    let at = u.with_value(|u| u.published_at);
    view! {
        <li class="os-timeline__item" id=u.with_value(|u| format!("update-{}", u.id))>
            <h3 class="os-timeline__title" lang=lang_of(|u| &u.title)>
                {move || u.with_value(|u| u.title.text(i18n.lang()).to_owned())}
            </h3>
            <p class="os-timeline__date">
                <time datetime=at.to_string()>
                    {move || fill(i18n.t().project_published, &[("date", &crate::format::day_of(i18n.lang(), at))])}
                </time>
            </p>
            <p class="os-timeline__body" lang=lang_of(|u| &u.body)>
                {move || u.with_value(|u| u.body.text(i18n.lang()).to_owned())}
            </p>
        </li>
    }
}
