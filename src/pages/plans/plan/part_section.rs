//! A part of the plan: its title, summary, text, images and its own questions (with the form
//! that answers them).

use crate::components::rich_text::RichText;
use crate::domain::{Access, PeriodState};
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::localized;
use crate::pages::plans::writing::Writing;
use crate::web::clock::now;
use leptos::prelude::*;

/// The plan's part number `index`.
#[component]
pub(super) fn PartSection(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let writing = expect_context::<Writing>();
    let part = ctx.plan.with_value(|p| p.parts[index].clone());
    let open = ctx.plan.with_value(|p| {
        p.summary
            .comment_period
            .is_some_and(|c| c.state_at(now()) == PeriodState::Open)
    });
    let asks = !part.questions.is_empty() && part.commenting == Access::Anyone && open;
    let part = StoredValue::new(part);
    let text = move |f: fn(&crate::domain::PlanPart) -> &crate::domain::Localized| {
        Memo::new(move |_| part.with_value(|p| localized(f(p), i18n.lang())))
    };
    let (title, summary) = (text(|p| &p.title), text(|p| &p.summary));
    let content = Memo::new(move |_| part.with_value(|p| localized(&p.content.0, i18n.lang())));
    let heading = format!("os-part-{index}-heading");
    let images = part.with_value(|p| p.images.clone());
    view! {
        <section class="os-plan__part" aria-labelledby=format!("os-part-{index}-heading")>
            <h2 id=heading lang=move || title.get().1>{move || title.get().0}</h2>
            {move || (!summary.get().0.is_empty()).then(|| view! {
                <p class="os-plan__part-summary" lang=summary.get().1>{summary.get().0}</p>
            })}
            <RichText html=Signal::derive(move || content.get().0)
                lang=Signal::derive(move || content.get().1.map(str::to_owned))/>
            {images.into_iter().map(|img| {
                let (alt, caption) = (img.alt.clone(), img.caption.clone());
                view! {
                    <figure class="os-plan__figure">
                        <img src=img.url.clone() alt=move || alt.text(i18n.lang()).to_owned() loading="lazy"/>
                        <figcaption>{move || caption.text(i18n.lang()).to_owned()}</figcaption>
                    </figure>
                }
            }).collect_view()}
            {asks.then(|| (writing.part_form)(index))}
        </section>
    }
}
