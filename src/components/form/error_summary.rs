//! The box at the top of a form that says what stops it from being sent.

use crate::i18n::use_i18n;
use leptos::html;
use leptos::prelude::*;

/// One thing to fix: the id of the field (`os-…`) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) field: String,
    pub(crate) message: String,
}

/// Lists the form's problems as links to their fields, under a lead sentence (a refusal from
/// the server, or "Please check the fields marked below"). It is an alert, and it takes the
/// focus each time `focus` is notified (a failed send), so keyboard and screen reader users
/// land on it; each link moves the focus to its field.
#[component]
pub(crate) fn ErrorSummary(
    /// The sentence at the top; nothing is shown while it is `None`.
    #[prop(into)]
    lead: Signal<Option<String>>,
    #[prop(into, optional)] problems: Signal<Vec<Problem>>,
    /// Notified when the summary should take the focus.
    focus: Trigger,
    /// Extra class names (e.g. a form's own hook for tests).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |first: Option<()>| {
        focus.track();
        if first.is_some() {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    let list = move || {
        let items = problems.get();
        (!items.is_empty()).then(|| {
            view! {
                <ul class="os-error-summary__list">
                    {items.into_iter().map(|p| {
                        let target = p.field.clone();
                        view! {
                            <li>
                                <a href=format!("#{}", p.field) on:click=move |ev| {
                                    ev.prevent_default();
                                    crate::web::dom::focus_id(&target);
                                    crate::web::dom::scroll_to_id(&target);
                                }>{p.message}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class=format!("os-error-summary {class}") tabindex="-1" role="alert" node_ref=node
            aria-label=i18n.tr(|t| t.form_problems)>
            {move || lead.get().map(|text| view! { <p class="os-error-summary__lead">{text}</p> })}
            {list}
        </div>
    }
}
