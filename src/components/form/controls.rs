//! The controls that go inside a [`super::Field`]: each takes its id and ARIA state from the
//! field, and its value from a signal it keeps in step with what is typed.

use super::field::FieldContext;
use leptos::prelude::*;

fn field() -> FieldContext {
    expect_context::<FieldContext>()
}

/// A one-line text input (`type` text, email, tel, number, url, date, search…).
#[component]
pub(crate) fn Input(
    value: RwSignal<String>,
    #[prop(optional, into)] kind: Option<&'static str>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional, into)] inputmode: Option<&'static str>,
    #[prop(optional, into)] min: Option<String>,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional, into)] name: Option<&'static str>,
) -> impl IntoView {
    let f = field();
    view! {
        <input
            id=f.id.clone()
            name=name
            class="os-input"
            type=kind.unwrap_or("text")
            autocomplete=autocomplete
            maxlength=maxlength.map(|m| m.to_string())
            inputmode=inputmode
            min=min
            max=max
            aria-required=f.required.then_some("true")
            aria-invalid=f.invalid()
            aria-describedby=f.described_by()
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// A multi-line text input.
#[component]
pub(crate) fn TextArea(
    value: RwSignal<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let f = field();
    view! {
        <textarea
            id=f.id.clone()
            class="os-input os-textarea"
            rows=rows.unwrap_or(5).to_string()
            maxlength=maxlength.map(|m| m.to_string())
            aria-required=f.required.then_some("true")
            aria-invalid=f.invalid()
            aria-describedby=f.described_by()
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        ></textarea>
    }
}

/// A drop-down list; the `<option>`s are its children, and `value` holds the chosen one's value.
#[component]
pub(crate) fn Select(value: RwSignal<String>, children: Children) -> impl IntoView {
    let f = field();
    view! {
        <select
            id=f.id.clone()
            class="os-input"
            aria-required=f.required.then_some("true")
            aria-invalid=f.invalid()
            aria-describedby=f.described_by()
            prop:value=move || value.get()
            on:change=move |ev| value.set(event_target_value(&ev))
        >
            {children()}
        </select>
    }
}

/// A checkbox (use `check=true` on its [`super::Field`]).
#[component]
pub(crate) fn Checkbox(checked: RwSignal<bool>) -> impl IntoView {
    let f = field();
    view! {
        <input
            id=f.id.clone()
            type="checkbox"
            aria-required=f.required.then_some("true")
            aria-invalid=f.invalid()
            aria-describedby=f.described_by()
            prop:checked=move || checked.get()
            on:change=move |ev| checked.set(event_target_checked(&ev))
        />
    }
}
