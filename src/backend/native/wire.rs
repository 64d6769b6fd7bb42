//! The reference server's JSON (api/openapi.yaml), field for field. Private to the adapter.

use serde::Deserialize;
use serde_json::Value;

pub(super) use crate::backend::common::TranslatedW;

#[derive(Deserialize)]
pub(super) struct PageW<T> {
    pub count: u64,
    pub limit: u64,
    pub offset: u64,
    pub items: Vec<T>,
}

#[derive(Deserialize)]
pub(super) struct CommentPeriodW {
    pub opens_at: String,
    pub closes_at: String,
}

#[derive(Deserialize)]
pub(super) struct PlanSummaryW {
    pub id: u64,
    pub slug: String,
    pub title: TranslatedW,
    pub summary: TranslatedW,
    pub area_name: TranslatedW,
    pub phase: String,
    pub bbox: Vec<f64>,
    pub comment_period: CommentPeriodW,
    pub updated_at: String,
    pub n_comments: u64,
}

#[derive(Deserialize)]
pub(super) struct PhaseW {
    pub phase: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub status: String,
}

#[derive(Deserialize)]
pub(super) struct DocumentW {
    pub title: TranslatedW,
    pub url: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub media_type: String,
    pub size_bytes: u64,
}

#[derive(Deserialize)]
pub(super) struct ContactW {
    pub name: String,
    pub role: TranslatedW,
    pub organization: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct OptionW {
    pub id: u64,
    pub text: TranslatedW,
    pub n_answers: u64,
}

#[derive(Deserialize)]
pub(super) struct QuestionW {
    pub id: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: TranslatedW,
    pub required: bool,
    pub options: Vec<OptionW>,
}

#[derive(Deserialize)]
pub(super) struct PlanW {
    #[serde(flatten)]
    pub summary: PlanSummaryW,
    pub description: TranslatedW,
    pub geometry: Value,
    pub phases: Vec<PhaseW>,
    pub documents: Vec<DocumentW>,
    pub contacts: Vec<ContactW>,
    pub questions: Vec<QuestionW>,
}

#[derive(Deserialize)]
pub(super) struct ModerationW {
    pub state: String,
    pub reason: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct AnswerW {
    pub question_id: u64,
    pub option_ids: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct CommentW {
    pub id: u64,
    pub parent_id: Option<u64>,
    pub text: Option<String>,
    pub nickname: Option<String>,
    pub geometry: Value,
    pub created_at: String,
    pub n_votes: u64,
    pub n_replies: u64,
    pub moderation: ModerationW,
    pub answers: Vec<AnswerW>,
    pub voted: bool,
}

#[derive(Deserialize)]
pub(super) struct VoteStateW {
    pub n_votes: u64,
    pub voted: bool,
}

#[derive(Deserialize)]
pub(super) struct ReportW {
    pub status: String,
}

#[derive(Deserialize)]
pub(super) struct ProjectSummaryW {
    pub id: u64,
    pub slug: String,
    pub title: TranslatedW,
    pub summary: TranslatedW,
    pub status: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub updated_at: String,
    pub n_followers: u64,
    pub last_update_at: Option<String>,
    /// Added in schema 5; older servers leave it out.
    #[serde(default)]
    pub area_name: Option<TranslatedW>,
    /// In lists since schema 5 (the detail always had it, read by [`ProjectW`]).
    #[serde(default)]
    pub geometry: Value,
}

#[derive(Deserialize)]
pub(super) struct LinkedPlanW {
    pub id: u64,
    pub title: TranslatedW,
    pub phase: String,
}

#[derive(Deserialize)]
pub(super) struct LinkedEventW {
    pub id: u64,
    pub title: TranslatedW,
    pub starts_at: String,
}

#[derive(Deserialize)]
pub(super) struct ProjectW {
    #[serde(flatten)]
    pub summary: ProjectSummaryW,
    pub description: TranslatedW,
    pub geometry: Value,
    pub created_at: String,
    pub plans: Vec<LinkedPlanW>,
    pub events: Vec<LinkedEventW>,
    pub following: bool,
}

#[derive(Deserialize)]
pub(super) struct ProjectUpdateW {
    pub id: u64,
    pub project_id: u64,
    pub title: TranslatedW,
    pub body: TranslatedW,
    pub published_at: String,
}

#[derive(Deserialize)]
pub(super) struct FollowStateW {
    pub following: bool,
    pub n_followers: u64,
}

#[derive(Deserialize)]
pub(super) struct VenueW {
    pub name: TranslatedW,
    pub address: Option<String>,
    pub location: Value,
    #[serde(default)]
    pub area: Option<TranslatedW>,
    #[serde(default)]
    pub accessibility: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct AreasW {
    pub items: Vec<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct EventSummaryW {
    pub id: u64,
    pub title: TranslatedW,
    pub summary: TranslatedW,
    pub topics: Vec<String>,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub venue: Option<VenueW>,
    pub is_online: bool,
    pub online_url: Option<String>,
    pub is_free: bool,
    pub price: Option<TranslatedW>,
    pub capacity: Option<u64>,
    pub remaining_seats: Option<u64>,
    pub waitlist_count: u64,
    pub registration_open: bool,
    pub project_id: Option<u64>,
    pub status: String,
    pub updated_at: String,
}

#[derive(Deserialize)]
pub(super) struct EventW {
    #[serde(flatten)]
    pub summary: EventSummaryW,
    pub description: TranslatedW,
    pub calendar_url: String,
}

#[derive(Deserialize)]
pub(super) struct RegistrationW {
    pub id: u64,
    pub seats: u64,
    pub status: String,
    pub waitlist_position: Option<u64>,
    #[serde(default)]
    pub cancel_token: Option<String>,
    #[serde(default)]
    pub promoted_count: Option<u64>,
}
