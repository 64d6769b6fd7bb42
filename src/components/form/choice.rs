//! A group of radio buttons or checkboxes under one question.

use leptos::prelude::*;

/// One option: its value and its label.
#[derive(Clone)]
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: TextProp,
}

/// A `<fieldset>` with its `<legend>`, one radio button (or checkbox, with `multiple`) per
/// choice, an optional hint, more content after the options (children), and the error.
/// `selected` says whether a value is chosen; `on_choose` gets the value a resident picked
/// (or un-ticked, for checkboxes). The fieldset has the id `id` and can take the focus, so a
/// form can send the resident to it when it needs an answer.
#[component]
pub(crate) fn ChoiceGroup(
    #[prop(into)] id: Oco<'static, str>,
    #[prop(into)] legend: TextProp,
    choices: Vec<Choice>,
    #[prop(into)] selected: Callback<String, bool>,
    #[prop(into)] on_choose: Callback<String>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id, has_hint) = (error_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let kind = if multiple { "checkbox" } else { "radio" };
    let name = id.to_string();
    let options = choices
        .into_iter()
        .map(|c| {
            let option_id = format!("{id}-{}", c.value);
            let value = c.value.clone();
            let label = c.label.clone();
            view! {
                <div class="os-choice">
                    <input type=kind name=name.clone() id=option_id.clone() value=c.value.clone()
                        prop:checked={let v = value.clone(); move || selected.run(v.clone())}
                        on:change=move |_| on_choose.run(value.clone())/>
                    <label for=option_id>{move || label.get()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset id=id.clone() tabindex="-1" class="os-fieldset"
            class:os-field--invalid=move || error.with(Option::is_some)
            aria-describedby=described>
            <legend>
                {move || legend.get()}
                {required.then(|| view! { " " <span class="os-field__mark">{i18n.tr(|t| t.form_required)}</span> })}
            </legend>
            {hint.map(|h| view! { <p id=hint_id class="os-field__hint">{move || h.get()}</p> })}
            <div class="os-choices">{options}</div>
            {children.map(|c| c())}
            <p id=error_id class="os-field__error">{move || error.get()}</p>
        </fieldset>
    }
}
