//! Linked Events' JSON-LD, field for field (only the fields the app reads). Private.

use serde::Deserialize;
use serde_json::Value;

pub(super) use crate::backend::common::TranslatedW;

#[derive(Deserialize)]
pub(super) struct MetaW {
    pub(crate) count: u64,
    pub(crate) next: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ListW<T> {
    pub(crate) meta: MetaW,
    pub(crate) data: Vec<T>,
}

/// A link `{"@id": url}`, or the linked object itself when `include` asked for it.
#[derive(Deserialize)]
pub(super) struct LinkW {
    #[serde(rename = "@id")]
    pub(crate) at_id: String,
    /// A string for places and keywords, a number for an included registration.
    #[serde(default)]
    pub(crate) id: Option<Value>,
    #[serde(default)]
    pub(crate) name: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) street_address: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) postal_code: Option<String>,
    #[serde(default)]
    pub(crate) address_locality: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) position: Option<Value>,
}

#[derive(Deserialize)]
pub(super) struct OfferW {
    pub(crate) is_free: bool,
    #[serde(default)]
    pub(crate) price: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct EventW {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: TranslatedW,
    #[serde(default)]
    pub(crate) short_description: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) description: Option<TranslatedW>,
    #[serde(default)]
    pub(crate) info_url: Option<TranslatedW>,
    pub(crate) start_time: Option<String>,
    pub(crate) end_time: Option<String>,
    pub(crate) location: Option<LinkW>,
    #[serde(default)]
    pub(crate) keywords: Vec<LinkW>,
    #[serde(default)]
    pub(crate) offers: Vec<OfferW>,
    pub(crate) event_status: String,
    /// A link `{"@id"}`, or the registration itself with its counts (`include=registration`).
    pub(crate) registration: Option<Value>,
    #[serde(default)]
    pub(crate) external_links: Vec<ExternalLinkW>,
    #[serde(default)]
    pub(crate) provider: Option<TranslatedW>,
    pub(crate) enrolment_start_time: Option<String>,
    pub(crate) enrolment_end_time: Option<String>,
    pub(crate) last_modified_time: Option<String>,
}

/// A link to elsewhere: `extlink_stream` is an online event's stream.
#[derive(Deserialize)]
pub(super) struct ExternalLinkW {
    pub(crate) name: String,
    pub(crate) link: String,
}

#[derive(Deserialize)]
pub(super) struct RegistrationW {
    pub(crate) id: u64,
    #[serde(default)]
    pub(crate) audience_min_age: Option<u64>,
    #[serde(default)]
    pub(crate) audience_max_age: Option<u64>,
    pub(crate) enrolment_start_time: Option<String>,
    pub(crate) enrolment_end_time: Option<String>,
    pub(crate) maximum_attendee_capacity: Option<u64>,
    pub(crate) maximum_group_size: Option<u64>,
    pub(crate) current_waiting_list_count: Option<u64>,
    pub(crate) remaining_attendee_capacity: Option<u64>,
    pub(crate) remaining_waiting_list_capacity: Option<u64>,
    #[serde(default)]
    pub(crate) mandatory_fields: Vec<String>,
    pub(crate) signup_url: Option<TranslatedW>,
}

#[derive(Deserialize)]
pub(super) struct SeatsReservationW {
    pub(crate) id: u64,
    pub(crate) seats: u64,
    pub(crate) in_waitlist: bool,
    pub(crate) code: String,
    pub(crate) expiration: String,
}

#[derive(Deserialize)]
pub(super) struct SignupW {
    pub(crate) id: u64,
    pub(crate) attendee_status: String,
}

/// A keyword set (`include=keywords`: its keywords in full).
#[derive(Deserialize)]
pub(super) struct KeywordSetW {
    #[serde(default)]
    pub(crate) usage: Option<String>,
    #[serde(default)]
    pub(crate) keywords: Vec<LinkW>,
}
