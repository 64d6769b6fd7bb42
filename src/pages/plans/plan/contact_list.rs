//! The people to ask about the plan.

use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::localized;
use leptos::prelude::*;

#[component]
pub(super) fn ContactList() -> impl IntoView {
    let i18n = use_i18n();
    let contacts = use_plan().plan.with_value(|p| p.contacts.clone());
    (!contacts.is_empty()).then(|| view! {
        <section class="os-plan__contacts" aria-labelledby="os-plan-contacts-heading">
            <h2 id="os-plan-contacts-heading">{i18n.tr(|t| t.plans_contacts)}</h2>
            <ul class="os-contacts">
                {contacts.into_iter().map(|c| {
                    let role = c.role.clone();
                    view! {
                        <li class="os-contacts__item">
                            <strong><bdi>{c.name.clone()}</bdi></strong>
                            {move || {
                                let (text, lang) = localized(&role, i18n.lang());
                                view! { <span lang=lang>{text}</span> }
                            }}
                            {c.organization.clone().map(|o| view! { <span>{o}</span> })}
                            {c.email.clone().map(|e| view! {
                                <a class="os-contacts__link" href=format!("mailto:{e}")>{e.clone()}</a>
                            })}
                            {c.phone.clone().map(|p| view! {
                                <a class="os-contacts__link" href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}
