//! The comment queues on the device, one per backend and plan: a reload or a crash loses
//! nothing.

use crate::state::draft::CommentDraft;
use crate::web::device;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "outbox.";

/// One unsent comment as kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Kept {
    /// Its Idempotency-Key.
    pub key: String,
    pub draft: CommentDraft,
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
    let key = queue_key(base_url, plan_id);
    if items.is_empty() {
        device::remove(&key);
    } else {
        device::set_json(&key, &items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queues_kept_by_earlier_versions_still_read() {
        let old = r#"[{"key":"k1","draft":{"text":"t","nickname":"","sketch":null,"answers":{},"parent":null}}]"#;
        let items: Vec<Kept> = serde_json::from_str(old).unwrap();
        assert_eq!(
            (items[0].key.as_str(), items[0].draft.text.as_str()),
            ("k1", "t")
        );
        assert_eq!(queue_key("/api/v1", "2"), "outbox./api/v1.2");
    }
}
