//! One labelled form field.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// What a control inside a [`Field`] needs to know to wire itself up.
#[derive(Clone)]
pub(crate) struct FieldContext {
    pub(crate) id: Oco<'static, str>,
    pub(crate) has_hint: bool,
    pub(crate) required: bool,
    pub(crate) error: Signal<Option<String>>,
}

impl FieldContext {
    /// The id of the hint, `<id>-hint`.
    pub(crate) fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    /// The id of the error, `<id>-error`.
    pub(crate) fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// `aria-describedby`: the hint, then the error while there is one.
    pub(crate) fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (hint, error_id, error) = (
            self.has_hint.then(|| self.hint_id()),
            self.error_id(),
            self.error,
        );
        move || {
            let error = error.with(Option::is_some).then(|| error_id.clone());
            match (&hint, error) {
                (Some(h), Some(e)) => Some(format!("{h} {e}")),
                (Some(h), None) => Some(h.clone()),
                (None, e) => e,
            }
        }
    }

    /// `aria-invalid`.
    pub(crate) fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
        let error = self.error;
        move || error.with(Option::is_some).then_some("true")
    }
}

/// The field around the control given as children: its label (with "required" or "optional"
/// in words), an optional hint, the control, and the error message under it.
///
/// ```ignore
/// <Field id="os-join-name" label=i18n.tr(|t| t.ev_join_name) required=true error=name_error>
///     <Input value=name autocomplete="name" maxlength=200/>
/// </Field>
/// ```
#[component]
pub(crate) fn Field(
    /// The control's id (`os-` prefixed); the hint and error get `<id>-hint`, `<id>-error`.
    #[prop(into)]
    id: Oco<'static, str>,
    #[prop(into)] label: TextProp,
    /// Help under the label, referenced by the control's `aria-describedby`.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// The problem with the current value, shown under the control.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Marks the label "required" and the control `aria-required`.
    #[prop(optional)]
    required: bool,
    /// Marks the label "optional" (for forms where most fields are required).
    #[prop(optional)]
    optional: bool,
    /// A checkbox: the control comes before its label, on one line.
    #[prop(optional)]
    check: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = FieldContext {
        id: id.clone(),
        has_hint: hint.is_some(),
        required,
        error,
    };
    let (hint_id, error_id) = (ctx.hint_id(), ctx.error_id());
    provide_context(ctx);
    let mark = move || {
        let t = i18n.t();
        if required {
            Some(t.form_required)
        } else if optional {
            Some(t.form_optional)
        } else {
            None
        }
    };
    let label = view! {
        <label for=id.clone()>
            {move || label.get()}
            {move || mark().map(|m| view! { " " <span class="os-field__mark">{m}</span> })}
        </label>
    };
    let hint = hint.map(|h| view! { <p id=hint_id class="os-field__hint">{move || h.get()}</p> });
    let control = children();
    let error_line = view! { <p id=error_id class="os-field__error">{move || error.get()}</p> };
    let class = if check {
        "os-field os-field--check"
    } else {
        "os-field"
    };
    if check {
        view! {
            <div class=class class:os-field--invalid=move || error.with(Option::is_some)>
                <div class="os-field__row">{control}{label}</div>
                {hint}
                {error_line}
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class=class class:os-field--invalid=move || error.with(Option::is_some)>
                {label}
                {hint}
                {control}
                {error_line}
            </div>
        }
        .into_any()
    }
}
