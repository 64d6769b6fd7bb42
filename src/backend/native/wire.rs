//! The reference server's JSON (api/openapi.yaml), field for field. Private to the adapter.

use serde::Deserialize;
use serde_json::Value;

pub(super) use crate::backend::common::TranslatedW;

#[derive(Deserialize)]
pub(super) struct PageW<T> {
    pub(crate) count: u64,
    pub(crate) limit: u64,
    pub(crate) offset: u64,
    pub(crate) items: Vec<T>,
}

#[derive(Deserialize)]
pub(super) struct CommentPeriodW {
    pub(crate) opens_at: String,
    pub(crate) closes_at: String,
}

#[derive(Deserialize)]
pub(super) struct PlanSummaryW {
    pub(crate) id: u64,
    pub(crate) slug: String,
    pub(crate) title: TranslatedW,
    pub(crate) summary: TranslatedW,
    pub(crate) area_name: TranslatedW,
    pub(crate) phase: String,
    pub(crate) bbox: Vec<f64>,
    pub(crate) comment_period: CommentPeriodW,
    pub(crate) updated_at: String,
    pub(crate) n_comments: u64,
}

#[derive(Deserialize)]
pub(super) struct PhaseW {
    pub(crate) phase: String,
    pub(crate) starts_on: String,
    pub(crate) ends_on: Option<String>,
    pub(crate) status: String,
}

#[derive(Deserialize)]
pub(super) struct DocumentW {
    pub(crate) title: TranslatedW,
    pub(crate) url: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) media_type: String,
    pub(crate) size_bytes: u64,
}

#[derive(Deserialize)]
pub(super) struct ContactW {
    pub(crate) name: String,
    pub(crate) role: TranslatedW,
    pub(crate) organization: String,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct OptionW {
    pub(crate) id: u64,
    pub(crate) text: TranslatedW,
    pub(crate) n_answers: u64,
}

#[derive(Deserialize)]
pub(super) struct QuestionW {
    pub(crate) id: u64,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) text: TranslatedW,
    pub(crate) required: bool,
    pub(crate) options: Vec<OptionW>,
}

#[derive(Deserialize)]
pub(super) struct PlanW {
    #[serde(flatten)]
    pub(crate) summary: PlanSummaryW,
    pub(crate) description: TranslatedW,
    pub(crate) geometry: Value,
    pub(crate) phases: Vec<PhaseW>,
    pub(crate) documents: Vec<DocumentW>,
    pub(crate) contacts: Vec<ContactW>,
    pub(crate) questions: Vec<QuestionW>,
}

#[derive(Deserialize)]
pub(super) struct ModerationW {
    pub(crate) state: String,
    pub(crate) reason: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct AnswerW {
    pub(crate) question_id: u64,
    pub(crate) option_ids: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct CommentW {
    pub(crate) id: u64,
    pub(crate) parent_id: Option<u64>,
    pub(crate) text: Option<String>,
    pub(crate) nickname: Option<String>,
    pub(crate) geometry: Value,
    pub(crate) created_at: String,
    pub(crate) n_votes: u64,
    pub(crate) n_replies: u64,
    pub(crate) moderation: ModerationW,
    pub(crate) answers: Vec<AnswerW>,
    pub(crate) voted: bool,
}

#[derive(Deserialize)]
pub(super) struct VoteStateW {
    pub(crate) n_votes: u64,
    pub(crate) voted: bool,
}

#[derive(Deserialize)]
pub(super) struct ReportW {
    pub(crate) status: String,
}

#[derive(Deserialize)]
pub(super) struct ProjectSummaryW {
    pub(crate) id: u64,
    pub(crate) slug: String,
    pub(crate) title: TranslatedW,
    pub(crate) summary: TranslatedW,
    pub(crate) status: String,
    pub(crate) starts_on: Option<String>,
    pub(crate) ends_on: Option<String>,
    pub(crate) updated_at: String,
    pub(crate) n_followers: u64,
    pub(crate) last_update_at: Option<String>,
    /// Added in schema 5; older servers leave it out.
    #[serde(default)]
    pub(crate) area_name: Option<TranslatedW>,
    /// In lists since schema 5 (the detail always had it, read by [`ProjectW`]).
    #[serde(default)]
    pub(crate) geometry: Value,
}

#[derive(Deserialize)]
pub(super) struct LinkedPlanW {
    pub(crate) id: u64,
    pub(crate) title: TranslatedW,
    pub(crate) phase: String,
}

#[derive(Deserialize)]
pub(super) struct LinkedEventW {
    pub(crate) id: u64,
    pub(crate) title: TranslatedW,
    pub(crate) starts_at: String,
}

#[derive(Deserialize)]
pub(super) struct ProjectW {
    #[serde(flatten)]
    pub(crate) summary: ProjectSummaryW,
    pub(crate) description: TranslatedW,
    pub(crate) geometry: Value,
    pub(crate) created_at: String,
    pub(crate) plans: Vec<LinkedPlanW>,
    pub(crate) events: Vec<LinkedEventW>,
    pub(crate) following: bool,
}

#[derive(Deserialize)]
pub(super) struct ProjectUpdateW {
    pub(crate) id: u64,
    pub(crate) project_id: u64,
    pub(crate) title: TranslatedW,
    pub(crate) body: TranslatedW,
    pub(crate) published_at: String,
}

#[derive(Deserialize)]
pub(super) struct FollowStateW {
    pub(crate) following: bool,
    pub(crate) n_followers: u64,
}

#[derive(Deserialize)]
pub(super) struct VenueW {
    pub(crate) name: TranslatedW,
    pub(crate) address: Option<String>,
    pub(crate) location: Value,
    #[serde(default)]
    pub(crate) area: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) accessibility: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct AreasW {
    pub(crate) items: Vec<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct EventSummaryW {
    pub(crate) id: u64,
    pub(crate) title: TranslatedW,
    pub(crate) summary: TranslatedW,
    pub(crate) topics: Vec<String>,
    pub(crate) starts_at: String,
    pub(crate) ends_at: String,
    pub(crate) time_zone: String,
    pub(crate) venue: Option<VenueW>,
    pub(crate) is_online: bool,
    pub(crate) online_url: Option<String>,
    pub(crate) is_free: bool,
    pub(crate) price: Option<TranslatedW>,
    pub(crate) capacity: Option<u64>,
    pub(crate) remaining_seats: Option<u64>,
    pub(crate) waitlist_count: u64,
    pub(crate) registration_open: bool,
    pub(crate) project_id: Option<u64>,
    pub(crate) status: String,
    pub(crate) updated_at: String,
}

#[derive(Deserialize)]
pub(super) struct EventW {
    #[serde(flatten)]
    pub(crate) summary: EventSummaryW,
    pub(crate) description: TranslatedW,
    pub(crate) calendar_url: String,
}

#[derive(Deserialize)]
pub(super) struct RegistrationW {
    pub(crate) id: u64,
    pub(crate) seats: u64,
    pub(crate) status: String,
    pub(crate) waitlist_position: Option<u64>,
    #[serde(default)]
    pub(crate) cancel_token: Option<String>,
    #[serde(default)]
    pub(crate) promoted_count: Option<u64>,
}
