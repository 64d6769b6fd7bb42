//! Drafts and the nickname on the device. On a kiosk the device storage is the session's
//! (wiped by the reset) and the nickname is never remembered.

use super::CommentDraft;
use crate::web::device;

const NICKNAME_KEY: &str = "nickname";

/// The draft kept under `key`, if any.
pub(crate) fn load(key: &str) -> Option<CommentDraft> {
    device::get_json(key)
}

/// Keeps `draft` under `key`, or forgets the key when the draft is empty. Returns whether the
/// draft is on the device now (false when storage is full or unavailable, or nothing to keep).
pub(crate) fn save(key: &str, draft: &CommentDraft) -> bool {
    if draft.is_empty() {
        device::remove(key);
        false
    } else {
        device::set_json(key, draft)
    }
}

/// Forgets the draft under `key` (the server has the comment).
pub(crate) fn forget(key: &str) {
    device::remove(key);
}

/// The nickname used last on this device (empty on a kiosk).
pub(crate) fn remembered_nickname() -> String {
    if device::is_kiosk() {
        return String::new();
    }
    device::get(NICKNAME_KEY).unwrap_or_default()
}

/// Remembers `nickname` for the next comment (not on a kiosk, and not when blank).
pub(crate) fn remember_nickname(nickname: &str) {
    let nickname = nickname.trim();
    if !device::is_kiosk() && !nickname.is_empty() {
        device::set(NICKNAME_KEY, nickname);
    }
}
