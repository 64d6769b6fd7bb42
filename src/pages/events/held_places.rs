//! The places held for a resident between tries (Linked Events), how long they stay held,
//! and a button to give them back.

use crate::domain::SeatHold;
use crate::i18n::{fill, use_i18n};
use crate::web::clock;
use leptos::prelude::*;

/// "Your place is held for 14 min 52 s." while `hold` lasts; it ends by itself at its time.
#[component]
pub(crate) fn HeldPlaces(
    hold: RwSignal<Option<SeatHold>>,
    on_release: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(clock::now());
    clock::every(1_000, move || now.set(clock::now()));
    let left =
        Memo::new(move |_| hold.with(|h| h.as_ref().map(|h| (h.seats, h.left_ms(now.get())))));
    Effect::new(move |_| {
        if left.get().is_some_and(|(_, ms)| ms == 0) {
            hold.set(None);
        }
    });
    // Only a new hold redraws the note (the button keeps the focus while the time runs).
    let held = Memo::new(move |_| hold.with(|h| h.as_ref().map(|h| h.seats)));
    move || {
        let seats = held.get()?;
        let text = move || {
            let (seats, ms) = left.get().unwrap_or_default();
            let t = i18n.t();
            let time = crate::format::duration(i18n.lang(), ms);
            if seats == 1 {
                fill(t.ev_join_held_one, &[("time", &time)])
            } else {
                fill(
                    t.ev_join_held,
                    &[("seats", &seats.to_string()), ("time", &time)],
                )
            }
        };
        Some(view! {
            <div class="os-ev-join__held">
                <p>{text}</p>
                <button type="button" class="os-button os-button--small" on:click=move |_| on_release.run(())>
                    {move || if seats == 1 { i18n.t().ev_join_release_one } else { i18n.t().ev_join_release }}
                </button>
            </div>
        })
    }
}
