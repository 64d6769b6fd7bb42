use super::language_switch::LanguageSwitch;
use crate::config::ConfigError;
use crate::domain::Lang;
use crate::i18n::{fill, provide_i18n, Strings};
use leptos::prelude::*;

/// The translated message for a configuration error, naming the field at fault.
pub(crate) fn config_error_message(t: &Strings, error: &ConfigError) -> String {
    let field = |template: &str, f: &str| fill(template, &[("field", f)]);
    match error {
        ConfigError::Unreachable { .. } => t.config_error_unreachable.to_owned(),
        ConfigError::NotJson { .. } => t.config_error_not_json.to_owned(),
        ConfigError::Missing { field: f } => field(t.config_error_missing, f),
        ConfigError::WrongType { field: f, .. } => field(t.config_error_wrong_type, f),
        ConfigError::Invalid { field: f, .. } => field(t.config_error_invalid, f),
        ConfigError::Unknown { field: f } => field(t.config_error_unknown, f),
    }
}

/// Shown instead of the app when `config.json` is missing or broken: never a blank page.
#[component]
pub(crate) fn ConfigErrorScreen(
    error: ConfigError,
    /// Fetches a language's strings when the resident switches (the release build).
    #[prop(optional)]
    load_table: Option<crate::i18n::TableLoader>,
) -> impl IntoView {
    let i18n = provide_i18n(Lang::ALL.to_vec(), Lang::Fi, true);
    if let Some(load) = load_table {
        i18n.set_table_loader(load);
    }
    let message = {
        let error = error.clone();
        move || config_error_message(i18n.t(), &error)
    };
    let detail = error.detail().map(str::to_owned);
    let reload = |_| {
        crate::web::dom::reload();
    };
    view! {
        <div class="os-root">
            <main class="os-main os-config-error">
                <LanguageSwitch/>
                <h1 class="os-page__title">{i18n.tr(|t| t.config_error_title)}</h1>
                <p>{i18n.tr(|t| t.config_error_text)}</p>
                <p class="os-config-error__message" role="alert">
                    <strong>{message}</strong>
                </p>
                {detail.map(|d| view! {
                    <p class="os-config-error__detail">
                        {i18n.tr(|t| t.config_error_detail)} ": " <code lang="en">{d.clone()}</code>
                    </p>
                })}
                <button type="button" class="os-button os-button--primary" on:click=reload>
                    {i18n.tr(|t| t.error_reload)}
                </button>
            </main>
        </div>
    }
}
