//! The plan's documents, each with its kind and size.

use crate::format::file_size;
use crate::i18n::use_i18n;
use crate::kiosk::OutsideLink;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::localized;
use leptos::prelude::*;

#[component]
pub(super) fn DocumentList() -> impl IntoView {
    let i18n = use_i18n();
    let docs = use_plan().plan.with_value(|p| p.documents.clone());
    (!docs.is_empty()).then(|| view! {
        <section class="os-plan__documents" aria-labelledby="os-plan-documents-heading">
            <h2 id="os-plan-documents-heading">{i18n.tr(|t| t.plans_documents)}</h2>
            <ul class="os-documents">
                {docs.into_iter().map(|d| {
                    let title = d.title.clone();
                    // `.to_ascii_uppercase()`: media types are ASCII, and the Unicode table
                    // behind `.to_uppercase()` costs 5 KB of wasm.
                    let kind = d.media_type.as_deref().map(|m| m.rsplit('/').next().unwrap_or_default().to_ascii_uppercase());
                    let size = d.size_bytes;
                    let facts = move || {
                        let parts: Vec<String> = kind.iter().cloned().chain(size.map(|b| file_size(i18n.lang(), b))).collect();
                        (!parts.is_empty()).then(|| format!(" ({})", parts.join(", ")))
                    };
                    view! {
                        <li>
                            <OutsideLink class="os-documents__link" href=d.url.clone()>
                                {move || {
                                    let (text, lang) = localized(&title, i18n.lang());
                                    view! { <span lang=lang>{text}</span> }
                                }}
                            </OutsideLink>
                            <span class="os-documents__facts">{facts}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}
