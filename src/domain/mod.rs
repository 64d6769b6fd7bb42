//! Plain Rust types and rules of the product. No Leptos, no web-sys, no serde renames.

mod capabilities;
mod comment;
mod distance;
mod event;
mod event_rules;
mod follow;
mod geometry;
mod join_rules;
mod lang;
mod localized;
mod page;
mod place;
mod plan;
mod project;
mod registration;
mod survey;
mod time;

pub use capabilities::Capabilities;
pub use comment::{
    Answer, Comment, CommentSort, Moderation, NewComment, NewReport, ReportReason, VoteState,
};
pub use distance::{centre, distance_m, sort_nearest};
pub use event::{
    AttendeeStatus, Enrolment, Event, EventQuery, EventStatus, EventSummary, EventTime,
    NewRegistration, RegistrationOutcome, Seats, Topic, Venue,
};
pub use event_rules::{
    end_instant, group_max, helsinki_midnight, is_past, join_state, online_link_visible,
    seats_info, start_instant, JoinState, SeatsInfo, DEFAULT_GROUP_MAX, ONLINE_LINK_LEAD_S,
};
pub use follow::{Change, ChangeKind, Changes, FollowKind, Followed, ItemKey};
pub use geometry::{Geometry, GeometryError, LatLng, MAX_VERTICES};
pub use join_rules::{
    clean_name, join_refusal, sort_refusal, validate, JoinField, JoinInput, JoinProblem,
    JoinRefusal, Refusal, CITY_MAX, EMAIL_MAX, NAME_MAX, STREET_MAX, ZIPCODE_MAX,
};
pub use lang::Lang;
pub use localized::Localized;
pub use page::{Page, PageQuery};
pub use place::*;
pub use plan::{
    Access, CommentPeriod, Contact, Document, Image, PeriodState, PhaseStatus, PhaseStep, Plan,
    PlanPart, PlanPhase, PlanQuery, PlanSummary, RichText,
};
pub use project::{
    FollowState, LinkedEvent, LinkedPlan, Project, ProjectQuery, ProjectStatus, ProjectSummary,
    ProjectUpdate,
};
pub use registration::{CancelHandle, SeatHold, SignupField};
pub use survey::{Question, QuestionKind, QuestionOption};
pub use time::{helsinki_offset_minutes, Date, LocalTime, TimeParseError, Timestamp};
