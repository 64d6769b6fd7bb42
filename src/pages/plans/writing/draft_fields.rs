//! The fields of one comment form as signals: restored from the device when the form opens,
//! kept there on every change, emptied once the server has the comment.

use crate::i18n::Strings;
use crate::pages::plans::context::PlanContext;
use crate::state::draft::{self, CommentDraft, Sketch, MAX_NICKNAME};
use crate::web::device;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One form's draft, field by field.
#[derive(Clone, Copy)]
pub(super) struct DraftFields {
    pub(crate) text: RwSignal<String>,
    pub(crate) nickname: RwSignal<String>,
    /// Chosen option ids per question id.
    pub(crate) answers: RwSignal<BTreeMap<u64, Vec<u64>>>,
    /// The main form's location, shared with the map; replies have none.
    sketch: Option<RwSignal<Option<Sketch>>>,
    parent: Option<u64>,
    section: StoredValue<Option<String>>,
    /// Whether the draft is on the device now ("Draft saved on this device").
    pub(crate) saved: RwSignal<bool>,
}

impl DraftFields {
    /// The draft of the main form (`parent` and `section` None), of the reply to `parent` or
    /// of the form of the plan's part `section`: the one kept on the device, else a fresh one
    /// with the remembered nickname. From now on every change is kept on the device.
    pub(crate) fn restore(ctx: PlanContext, parent: Option<u64>, section: Option<String>) -> Self {
        let (base, plan) = ctx.ids();
        let key = CommentDraft {
            parent,
            section: section.clone(),
            ..Default::default()
        }
        .storage_key(&base, &plan);
        let mut kept = draft::load(&key).unwrap_or_default();
        if kept.nickname.is_empty() {
            kept.nickname = draft::remembered_nickname();
        }
        let sketch = (parent.is_none() && section.is_none()).then_some(ctx.sketch);
        if let Some(s) = sketch {
            s.set(kept.sketch.take());
        }
        let fields = DraftFields {
            text: RwSignal::new(kept.text),
            nickname: RwSignal::new(kept.nickname),
            answers: RwSignal::new(kept.answers),
            sketch,
            parent,
            section: StoredValue::new(section),
            saved: RwSignal::new(false),
        };
        Effect::new(move |first: Option<()>| {
            let d = fields.draft();
            if first.is_some() {
                fields.saved.set(draft::save(&key, &d));
                draft::remember_nickname(&d.nickname);
            }
        });
        fields
    }

    /// The draft as it stands (tracked).
    pub(crate) fn draft(&self) -> CommentDraft {
        CommentDraft {
            text: self.text.get(),
            nickname: self.nickname.get(),
            sketch: self.sketch.and_then(|s| s.get()),
            answers: self.answers.get(),
            parent: self.parent,
            section: self.section.get_value(),
        }
    }

    /// The draft as it stands, without tracking.
    pub(crate) fn draft_untracked(&self) -> CommentDraft {
        untrack(|| self.draft())
    }

    /// Once the server has `sent`: empties the form if it still holds that comment (a resident
    /// who already wrote on keeps their new text). The nickname stays, as its hint promises,
    /// except on a kiosk, where nothing is remembered for the next resident.
    pub(crate) fn clear_if_sent(&self, sent: &CommentDraft) {
        let now = self.draft_untracked();
        if !now.same_comment(sent) {
            return;
        }
        let after = now.after_sending(!device::is_kiosk());
        self.text.set(after.text);
        self.nickname.set(after.nickname);
        self.answers.set(after.answers);
        if let Some(s) = self.sketch {
            s.set(None);
        }
    }
}

/// The nickname field's hint: where the name is remembered (not on a kiosk), and its limit.
pub(super) fn nickname_hint(t: &Strings) -> String {
    let hint = if device::is_kiosk() {
        t.plans_form_nickname_hint_kiosk
    } else {
        t.plans_form_nickname_hint
    };
    format!("{hint} ({MAX_NICKNAME})")
}
