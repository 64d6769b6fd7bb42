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
    pub(crate) id: String,
    pub(crate) slug: Option<String>,
    #[serde(default)]
    pub(crate) title: TranslatedW,
    #[serde(rename = "abstract", default)]
    pub(crate) abstract_: TranslatedW,
    #[serde(default)]
    pub(crate) borough: TranslatedW,
    pub(crate) n_comments: u64,
    pub(crate) open_at: Option<String>,
    pub(crate) close_at: Option<String>,
    #[serde(default)]
    pub(crate) geojson: Value,
    #[serde(default)]
    pub(crate) sections: Vec<SectionW>,
    #[serde(default)]
    pub(crate) contact_persons: Vec<ContactPersonW>,
}

#[derive(Deserialize)]
pub(super) struct ContactPersonW {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) title: TranslatedW,
    pub(crate) organization: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SectionW {
    pub(crate) id: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) commenting: String,
    pub(crate) voting: String,
    #[serde(default)]
    pub(crate) title: TranslatedW,
    #[serde(rename = "abstract", default)]
    pub(crate) abstract_: TranslatedW,
    #[serde(default)]
    pub(crate) content: TranslatedW,
    #[serde(default)]
    pub(crate) images: Vec<ImageW>,
    #[serde(default)]
    pub(crate) files: Vec<FileW>,
    #[serde(default)]
    pub(crate) questions: Vec<QuestionW>,
}

#[derive(Deserialize)]
pub(super) struct ImageW {
    pub(crate) url: String,
    #[serde(default)]
    pub(crate) alt_text: TranslatedW,
    #[serde(default)]
    pub(crate) caption: TranslatedW,
}

#[derive(Deserialize)]
pub(super) struct FileW {
    pub(crate) url: String,
    #[serde(default)]
    pub(crate) title: TranslatedW,
}

#[derive(Deserialize)]
pub(super) struct QuestionW {
    pub(crate) id: u64,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    #[serde(default)]
    pub(crate) text: TranslatedW,
    pub(crate) options: Vec<OptionW>,
}

#[derive(Deserialize)]
pub(super) struct OptionW {
    pub(crate) id: u64,
    #[serde(default)]
    pub(crate) text: TranslatedW,
    pub(crate) n_answers: u64,
}

#[derive(Deserialize)]
pub(super) struct AnswerW {
    pub(crate) question: u64,
    pub(crate) answers: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct CommentW {
    pub(crate) id: u64,
    pub(crate) section: Option<String>,
    pub(crate) content: Option<String>,
    pub(crate) author_name: Option<String>,
    pub(crate) n_votes: u64,
    pub(crate) created_at: String,
    #[serde(default)]
    pub(crate) geojson: Value,
    #[serde(default)]
    pub(crate) answers: Vec<AnswerW>,
    pub(crate) comment: Option<u64>,
    #[serde(default)]
    pub(crate) n_comments: u64,
    #[serde(default)]
    pub(crate) deleted: bool,
}
