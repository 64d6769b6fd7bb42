use crate::domain::{Localized, ProjectUpdate};
use crate::format::day_of;
use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;

/// One update: headline, publication date and text (plain text from the backend). Its
/// element id `update-{id}` is the anchor the Atom feed's entries link to, so it keeps the
/// feed's form rather than the `os-` prefix.
#[component]
pub(super) fn UpdateEntry(update: ProjectUpdate) -> impl IntoView {
    let i18n = use_i18n();
    let u = StoredValue::new(update);
    let text = move |f: fn(&ProjectUpdate) -> &Localized| {
        move || u.with_value(|u| f(u).text(i18n.lang()).to_owned())
    };
    let lang_of = move |f: fn(&ProjectUpdate) -> &Localized| {
        move || u.with_value(|u| f(u).get(i18n.lang()).map(|(_, l)| l.code()))
    };
    let at = u.with_value(|u| u.published_at);
    view! {
        <li class="os-timeline__item" id=u.with_value(|u| format!("update-{}", u.id))>
            <h3 class="os-timeline__title" lang=lang_of(|u| &u.title)>{text(|u| &u.title)}</h3>
            <p class="os-timeline__date">
                <time datetime=at.to_string()>
                    {move || fill(i18n.t().projects_published, &[("date", &day_of(i18n.lang(), at))])}
                </time>
            </p>
            <p class="os-timeline__body" lang=lang_of(|u| &u.body)>{text(|u| &u.body)}</p>
        </li>
    }
}
