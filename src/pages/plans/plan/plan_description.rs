//! The plan's long description, sanitised.

use crate::components::rich_text::RichText;
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::localized;
use leptos::prelude::*;

/// The plan's long description, sanitised.
#[component]
pub(super) fn PlanDescription() -> impl IntoView {
    let i18n = use_i18n();
    let plan = use_plan().plan;
    let text = Memo::new(move |_| plan.with_value(|p| localized(&p.description.0, i18n.lang())));
    let html = Signal::derive(move || text.get().0);
    let lang = Signal::derive(move || text.get().1.map(str::to_owned));
    let has_description = plan.with_value(|p| !p.description.0.is_empty());
    has_description.then(|| {
        view! {
            <section class="os-plan__description" aria-labelledby="os-plan-description-heading">
                <h2 id="os-plan-description-heading">{i18n.tr(|t| t.plans_description)}</h2>
                <RichText html=html lang=lang/>
            </section>
        }
    })
}
