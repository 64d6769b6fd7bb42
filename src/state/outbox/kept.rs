//! The comment queues on the device, one per backend and plan (a reload or a crash loses
//! nothing), and the unsent comments a kiosk keeps across its reset.

use crate::state::draft::CommentDraft;
use crate::web::device;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "outbox.";

thread_local! {
    /// Set by [`export_unsent`]: the document is about to be wiped and replaced, so nothing of
    /// its session may be kept or sent any more (a retry timer firing during the wipe would
    /// otherwise write the queue back, nickname and all, or send it as the old participant).
    static SEALED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True once a kiosk reset has taken the unsent comments: senders stop.
pub(crate) fn sealed() -> bool {
    SEALED.with(|s| s.get())
}

/// One unsent comment as kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Kept {
    /// Its Idempotency-Key.
    pub(crate) key: String,
    pub(crate) draft: CommentDraft,
    /// When the first attempt went out, if one did (see [`super::Entry::first_try_ms`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) first_try_ms: Option<u64>,
}

fn queue_key(base_url: &str, plan_id: &str) -> String {
    format!("{PREFIX}{base_url}.{plan_id}")
}

/// The unsent comments of a plan kept on this device.
pub(crate) fn load(base_url: &str, plan_id: &str) -> Vec<Kept> {
    device::get_json(&queue_key(base_url, plan_id)).unwrap_or_default()
}

/// Keeps `items` as the plan's unsent comments (forgets the queue when there are none).
pub(crate) fn save(base_url: &str, plan_id: &str, items: &[Kept]) {
    if sealed() {
        return;
    }
    let key = queue_key(base_url, plan_id);
    if items.is_empty() {
        device::remove(&key);
    } else {
        device::set_json(&key, &items);
    }
}

/// Unsent comments taken off the device before a kiosk reset: the text, the place, the
/// answers and what each replies to, with their keys, and nothing that identifies the
/// resident (no nickname; the participant token is not part of a queue).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried(Vec<(String, Vec<Kept>)>);

impl Carried {
    /// True when no comment waits to be sent.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(_, items)| items.is_empty())
    }

    /// How many comments wait to be sent.
    pub fn len(&self) -> usize {
        self.0.iter().map(|(_, items)| items.len()).sum()
    }
}

/// `kept` without what identifies the resident who wrote it.
fn anonymous(mut kept: Kept) -> Kept {
    kept.draft.nickname.clear();
    kept
}

/// Takes every unsent comment kept on this device, without nicknames. Call it just before a
/// kiosk reset wipes the storage, and give the result to [`import_unsent`] after the wipe.
/// From then on this document keeps and sends nothing more (see [`sealed`]).
pub fn export_unsent() -> Carried {
    SEALED.with(|s| s.set(true));
    let queues = device::keys()
        .into_iter()
        .filter(|key| key.starts_with(PREFIX))
        .filter_map(|key| {
            let items: Vec<Kept> = device::get_json(&key)?;
            let items: Vec<Kept> = items.into_iter().map(anonymous).collect();
            (!items.is_empty()).then_some((key, items))
        })
        .collect();
    Carried(queues)
}

/// Puts carried comments back on the device. The plan page sends them as soon as it is
/// opened again (at once, or when the terminal is back online), each with its own key.
pub fn import_unsent(carried: Carried) {
    for (key, items) in carried.0 {
        let mut all: Vec<Kept> = device::get_json(&key).unwrap_or_default();
        for item in items {
            if !all.iter().any(|k| k.key == item.key) {
                all.push(item);
            }
        }
        device::set_json(&key, &all);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_carried_comment_keeps_its_text_place_and_key_but_not_its_nickname() {
        let mut draft = CommentDraft {
            text: "Penkki puuttuu".into(),
            nickname: "Aino".into(),
            parent: Some(4),
            ..Default::default()
        };
        draft.answers.insert(1, vec![2]);
        let kept = Kept {
            key: "k1".into(),
            draft: draft.clone(),
            first_try_ms: Some(7),
        };
        let carried = anonymous(kept);
        assert_eq!(carried.draft.nickname, "");
        assert_eq!(carried.draft.text, draft.text);
        assert_eq!(carried.draft.answers, draft.answers);
        assert_eq!(carried.draft.parent, Some(4));
        assert_eq!(
            (carried.key.as_str(), carried.first_try_ms),
            ("k1", Some(7))
        );
        let json = serde_json::to_string(&carried).unwrap();
        assert!(!json.contains("Aino"), "{json}");
        assert_eq!(Carried::default().len(), 0);
        assert!(Carried(vec![("outbox.x.1".into(), Vec::new())]).is_empty());
    }

    #[test]
    fn a_queue_kept_before_the_first_attempt_field_existed_still_reads() {
        let old = r#"[{"key":"k1","draft":{"text":"t","nickname":"","sketch":null,"answers":{},"parent":null}}]"#;
        let items: Vec<Kept> = serde_json::from_str(old).unwrap();
        assert_eq!(items[0].first_try_ms, None);
        assert_eq!(queue_key("/api/v1", "2"), "outbox./api/v1.2");
    }
}
