//! Kerrokantasi's JSON, field for field (only the fields the app reads). Private.

use serde::Deserialize;
use serde_json::Value;

pub(super) use crate::backend::common::TranslatedW;

/// `{count, next, previous, results}`, or a bare array where no `limit` was sent.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum ListW<T> {
    Paged {
        count: u64,
        next: Option<String>,
        results: Vec<T>,
    },
    Bare(Vec<T>),
}

#[derive(Deserialize)]
pub(super) struct HearingW {
    pub id: String,
    pub slug: Option<String>,
    #[serde(default)]
    pub title: TranslatedW,
    #[serde(rename = "abstract", default)]
    pub abstract_: TranslatedW,
    #[serde(default)]
    pub borough: TranslatedW,
    pub n_comments: u64,
    pub open_at: Option<String>,
    pub close_at: Option<String>,
    #[serde(default)]
    pub geojson: Value,
    #[serde(default)]
    pub sections: Vec<SectionW>,
    #[serde(default)]
    pub contact_persons: Vec<ContactPersonW>,
}

#[derive(Deserialize)]
pub(super) struct ContactPersonW {
    pub name: String,
    #[serde(default)]
    pub title: TranslatedW,
    pub organization: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SectionW {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub commenting: String,
    pub voting: String,
    #[serde(default)]
    pub title: TranslatedW,
    #[serde(rename = "abstract", default)]
    pub abstract_: TranslatedW,
    #[serde(default)]
    pub content: TranslatedW,
    #[serde(default)]
    pub images: Vec<ImageW>,
    #[serde(default)]
    pub files: Vec<FileW>,
    #[serde(default)]
    pub questions: Vec<QuestionW>,
}

#[derive(Deserialize)]
pub(super) struct ImageW {
    pub url: String,
    #[serde(default)]
    pub alt_text: TranslatedW,
    #[serde(default)]
    pub caption: TranslatedW,
}

#[derive(Deserialize)]
pub(super) struct FileW {
    pub url: String,
    #[serde(default)]
    pub title: TranslatedW,
}

#[derive(Deserialize)]
pub(super) struct QuestionW {
    pub id: u64,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub text: TranslatedW,
    pub options: Vec<OptionW>,
}

#[derive(Deserialize)]
pub(super) struct OptionW {
    pub id: u64,
    #[serde(default)]
    pub text: TranslatedW,
    pub n_answers: u64,
}

#[derive(Deserialize)]
pub(super) struct AnswerW {
    pub question: u64,
    pub answers: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct CommentW {
    pub id: u64,
    pub section: Option<String>,
    pub content: Option<String>,
    pub author_name: Option<String>,
    pub n_votes: u64,
    pub created_at: String,
    #[serde(default)]
    pub geojson: Value,
    #[serde(default)]
    pub answers: Vec<AnswerW>,
    pub comment: Option<u64>,
    #[serde(default)]
    pub n_comments: u64,
    #[serde(default)]
    pub deleted: bool,
}
