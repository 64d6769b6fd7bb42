//! Linked Events' JSON-LD, field for field (only the fields the app reads). Private.

use serde::Deserialize;
use serde_json::Value;

pub(super) use crate::backend::common::TranslatedW;

#[derive(Deserialize)]
pub(super) struct MetaW {
    pub count: u64,
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ListW<T> {
    pub meta: MetaW,
    pub data: Vec<T>,
}

/// A link `{"@id": url}`, or the linked object itself when `include` asked for it.
#[derive(Deserialize)]
pub(super) struct LinkW {
    #[serde(rename = "@id")]
    pub at_id: String,
    /// A string for places and keywords, a number for an included registration.
    #[serde(default)]
    pub id: Option<Value>,
    #[serde(default)]
    pub name: Option<TranslatedW>,
    #[serde(default)]
    pub street_address: Option<TranslatedW>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub address_locality: Option<TranslatedW>,
    #[serde(default)]
    pub position: Option<Value>,
}

#[derive(Deserialize)]
pub(super) struct OfferW {
    pub is_free: bool,
    #[serde(default)]
    pub price: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct EventW {
    pub id: String,
    #[serde(default)]
    pub name: TranslatedW,
    #[serde(default)]
    pub short_description: Option<TranslatedW>,
    #[serde(default)]
    pub description: Option<TranslatedW>,
    #[serde(default)]
    pub info_url: Option<TranslatedW>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: Option<LinkW>,
    #[serde(default)]
    pub keywords: Vec<LinkW>,
    #[serde(default)]
    pub offers: Vec<OfferW>,
    pub event_status: String,
    /// A link `{"@id"}`, or the registration itself with its counts (`include=registration`).
    pub registration: Option<Value>,
    #[serde(default)]
    pub external_links: Vec<ExternalLinkW>,
    #[serde(default)]
    pub provider: Option<TranslatedW>,
    pub enrolment_start_time: Option<String>,
    pub enrolment_end_time: Option<String>,
    pub last_modified_time: Option<String>,
}

/// A link to elsewhere: `extlink_stream` is an online event's stream.
#[derive(Deserialize)]
pub(super) struct ExternalLinkW {
    pub name: String,
    pub link: String,
}

#[derive(Deserialize)]
pub(super) struct RegistrationW {
    pub id: u64,
    #[serde(default)]
    pub audience_min_age: Option<u64>,
    #[serde(default)]
    pub audience_max_age: Option<u64>,
    pub enrolment_start_time: Option<String>,
    pub enrolment_end_time: Option<String>,
    pub maximum_attendee_capacity: Option<u64>,
    pub maximum_group_size: Option<u64>,
    pub current_waiting_list_count: Option<u64>,
    pub remaining_attendee_capacity: Option<u64>,
    pub remaining_waiting_list_capacity: Option<u64>,
    #[serde(default)]
    pub mandatory_fields: Vec<String>,
    pub signup_url: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct SeatsReservationW {
    pub id: u64,
    pub seats: u64,
    pub in_waitlist: bool,
    pub code: String,
    pub expiration: String,
}

#[derive(Deserialize)]
pub(super) struct SignupW {
    pub id: u64,
    pub attendee_status: String,
}

/// A keyword set (`include=keywords`: its keywords in full).
#[derive(Deserialize)]
pub(super) struct KeywordSetW {
    #[serde(default)]
    pub usage: Option<String>,
    #[serde(default)]
    pub keywords: Vec<LinkW>,
}
