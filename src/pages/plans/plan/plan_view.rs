//! A loaded plan: its facts, map, comment form and comments.

use super::comments::CommentList;
use super::contact_list::ContactList;
use super::document_list::DocumentList;
use super::part_section::PartSection;
use super::phase_timeline::PhaseTimeline;
use super::plan_description::PlanDescription;
use super::plan_header::PlanHeader;
use super::plan_map::PlanMap;
use crate::client;
use crate::config::Backend;
use crate::domain::Plan;
use crate::pages::plans::context::PlanContext;
use crate::pages::plans::writing::writing;
use leptos::prelude::*;

/// A loaded plan: its facts, map, comment form and comments. Public for the browser tests.
#[component]
pub fn PlanView(plan: Plan, backend: Backend) -> impl IntoView {
    let capabilities = client::plans::capabilities(&backend);
    let ctx = PlanContext::provide(plan, backend, capabilities);
    let writing = writing();
    (writing.start)(ctx);
    provide_context(writing);
    let parts = ctx.plan.with_value(|p| p.parts.len());
    view! {
        <PlanHeader/>
        <div class="os-plan__layout">
            <div class="os-plan__main">
                <PlanMap/>
                <PlanDescription/>
                {(0..parts).map(|index| view! { <PartSection index=index/> }).collect_view()}
                <PhaseTimeline/>
                <DocumentList/>
                <ContactList/>
            </div>
            <div class="os-plan__side">{(writing.comment_form)()}</div>
        </div>
        <CommentList/>
    }
}
