//! `/plans`: every plan on a map and, as an equal alternative, in a list. Selecting a plan in
//! one highlights it in the other. On a phone the map is a strip the resident can expand; the
//! list is never hidden behind it. The filters live in the address; "nearest first" is kept in
//! memory only.

mod phase_legend;
mod plan_card;
mod plan_filters;
mod plans_map;
mod plans_page;

pub(crate) use plans_page::PlansPage;
