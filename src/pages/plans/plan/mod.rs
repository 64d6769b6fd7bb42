//! `/plans/:id`: the plan (summary, description, phases, documents, contacts, comment period),
//! the map of the plan area and its comments, and the comments. The forms come from
//! [`super::writing`].

mod comments;
mod contact_list;
mod document_list;
mod part_section;
mod phase_timeline;
mod plan_description;
mod plan_header;
mod plan_map;
mod plan_page;
mod plan_view;

pub(crate) use plan_page::PlanPage;
pub use plan_view::PlanView;
