//! Filter fields bound to the address: a field shows its key's value, and what is picked or
//! typed is written back (typing after a pause, so each letter is not a new search).

use super::filters::YES;
use crate::router::Router;
use crate::web::clock::Timer;
use leptos::prelude::*;

/// How long typing must pause before the text filter applies.
const TYPING_PAUSE_MS: i32 = 400;

/// Keeps `value` and the address's `key` the same both ways; `delay_ms` waits for a pause in
/// changes before writing to the address.
fn bind<T>(
    router: Router,
    key: &'static str,
    read: fn(Option<String>) -> T,
    write: fn(&T) -> Option<String>,
    delay_ms: Option<i32>,
) -> RwSignal<T>
where
    T: Send + Sync + 'static,
{
    let value = RwSignal::new(read(untrack(|| router.query(key))));
    // The address → the field (Back, "Clear filters").
    Effect::new(move |_| {
        let now = read(router.query(key));
        // Compared as written, so a search being typed keeps its trailing space.
        if value.with_untracked(write) != write(&now) {
            value.set(now);
        }
    });
    // The field → the address.
    let pending = StoredValue::new_local(None::<Timer>);
    let apply = move || {
        let wanted = value.with_untracked(write);
        if untrack(|| router.query(key)) != wanted {
            router.set_query(key, wanted.as_deref());
        }
    };
    Effect::new(move |first: Option<()>| {
        value.track();
        if first.is_none() {
            return;
        }
        match delay_ms {
            None => apply(),
            Some(ms) => pending.set_value(Timer::once(ms, apply)),
        }
    });
    value
}

/// A text or choice filter.
pub(crate) fn bound_text(router: Router, key: &'static str) -> RwSignal<String> {
    bind(
        router,
        key,
        Option::unwrap_or_default,
        |v| Some(v.clone()),
        None,
    )
}

/// A free-text search, applied when typing pauses.
pub(crate) fn bound_search(router: Router, key: &'static str) -> RwSignal<String> {
    bind(
        router,
        key,
        Option::unwrap_or_default,
        |v| Some(v.trim().to_owned()),
        Some(TYPING_PAUSE_MS),
    )
}

/// A yes/no filter (`key=1` when ticked).
pub(crate) fn bound_flag(router: Router, key: &'static str) -> RwSignal<bool> {
    bind(
        router,
        key,
        |v| v.as_deref() == Some(YES),
        |on| on.then(|| YES.to_owned()),
        None,
    )
}
