//! Loading data for a view, the one way every page does it.
//!
//! A [`Loader`] runs `fetch(deps())` when the view is created and again whenever something
//! `deps` reads changes (a filter, an id), or when [`Loader::reload`] is called (the "Try
//! again" button). It keeps the last value while a new one loads, so a list does not flash
//! empty when a filter changes. A request still running when its view goes away, or when a
//! newer one replaces it, is dropped, and dropping it aborts the fetch
//! (`backend::http::send`): nothing is downloaded for nobody, and no result lands in a
//! disposed view.
//!
//! [`LoadStatus`] shows the standard states: a translated "Loading…" until the first value,
//! and on failure a translated reason with a "Try again" button.

use crate::backend::BackendError;
use crate::components::backend_error::backend_error_text;
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// Where a load stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Status {
    /// Waiting for an answer (a previous value may still be shown).
    Loading,
    /// The value is the backend's latest answer.
    Ready,
    /// The last attempt failed.
    Failed(BackendError),
}

/// A value loaded from a backend for one view.
pub(crate) struct Loader<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    status: RwSignal<Status, LocalStorage>,
    tick: RwSignal<u32>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

/// Cancels the request it belongs to when dropped or cancelled.
#[derive(Default)]
struct Cancel {
    done: bool,
    waker: Option<Waker>,
}

fn cancel(flag: &Rc<RefCell<Cancel>>) {
    let mut c = flag.borrow_mut();
    c.done = true;
    if let Some(w) = c.waker.take() {
        w.wake();
    }
}

/// Runs `fut` until it is done (`Some`) or `flag` is cancelled (`None`, and `fut` is dropped).
async fn cancellable<F: Future>(fut: F, flag: Rc<RefCell<Cancel>>) -> Option<F::Output> {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(move |cx| {
        {
            let mut c = flag.borrow_mut();
            if c.done {
                return Poll::Ready(None);
            }
            c.waker = Some(cx.waker().clone());
        }
        fut.as_mut().poll(cx).map(Some)
    })
    .await
}

impl<T: 'static> Loader<T> {
    /// Loads `fetch(deps())` now and whenever what `deps` reads changes.
    pub(crate) fn new<D, Fut>(
        deps: impl Fn() -> D + 'static,
        fetch: impl Fn(D) -> Fut + 'static,
    ) -> Self
    where
        D: 'static,
        Fut: Future<Output = Result<T, BackendError>> + 'static,
    {
        let loader = Loader {
            value: RwSignal::new_local(None),
            status: RwSignal::new_local(Status::Loading),
            tick: RwSignal::new(0),
        };
        let running: StoredValue<Option<Rc<RefCell<Cancel>>>, LocalStorage> =
            StoredValue::new_local(None);
        let stop = move || {
            if let Some(flag) = running.try_update_value(Option::take).flatten() {
                cancel(&flag);
            }
        };
        Effect::new(move |_| {
            loader.tick.track();
            let future = fetch(deps());
            stop();
            let flag = Rc::new(RefCell::new(Cancel::default()));
            running.set_value(Some(flag.clone()));
            if loader.status.get_untracked() != Status::Loading {
                loader.status.set(Status::Loading);
            }
            leptos::task::spawn_local(async move {
                match cancellable(future, flag).await {
                    Some(Ok(v)) => {
                        loader.value.set(Some(v));
                        loader.status.set(Status::Ready);
                    }
                    Some(Err(e)) => loader.status.set(Status::Failed(e)),
                    None => {}
                }
            });
        });
        on_cleanup(stop);
        loader
    }

    /// Where the load stands (tracked).
    pub(crate) fn status(&self) -> Status {
        self.status.get()
    }

    /// Loads again with the same inputs.
    pub(crate) fn reload(&self) {
        self.tick.update(|n| *n = n.wrapping_add(1));
    }

    /// Reads the value, if one has arrived (tracked).
    pub(crate) fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with(|v| f(v.as_ref()))
    }

    /// Changes the value in place (after a write the backend confirmed), without a request.
    pub(crate) fn update(&self, f: impl FnOnce(&mut T)) {
        self.value.update(|v| {
            if let Some(v) = v {
                f(v)
            }
        });
    }
}

impl<T: Clone + 'static> Loader<T> {
    /// The value, if one has arrived (tracked).
    pub(crate) fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// The standard status line or error panel, then `content` for the value.
    pub(crate) fn view<V: IntoView + 'static>(
        self,
        content: impl Fn(T) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        let has_value = Signal::derive(move || self.value.with(Option::is_some));
        let content = move || self.get().map(&content);
        view! {
            <LoadStatus status=self.status_signal() has_value retry=self.retry()/>
            {content}
        }
    }

    /// The status as a signal, for [`LoadStatus`] and page titles.
    pub(crate) fn status_signal(self) -> Signal<Status> {
        Signal::derive(move || self.status.get())
    }

    /// A "Try again" callback.
    pub(crate) fn retry(self) -> Callback<()> {
        Callback::new(move |()| self.reload())
    }
}

/// A page's sentence for a failure, when it has a better one than the generic reason (a plan
/// that is not there says so).
pub(crate) type ErrorText = fn(&'static Strings, &BackendError) -> Option<&'static str>;

/// The standard states of a load: "Loading…" (`role=status`) until a first value, and on
/// failure the reason with "Try again" (`role=alert`). Shows nothing while ready.
#[component]
pub(crate) fn LoadStatus(
    #[prop(into)] status: Signal<Status>,
    /// Whether a value is already shown (then loading again shows nothing new).
    #[prop(into, optional)]
    has_value: Signal<bool>,
    retry: Callback<()>,
    /// A page's own sentence for some failures.
    #[prop(optional)]
    error_text: Option<ErrorText>,
    /// More actions beside "Try again" (a link back to the list).
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    move || match status.get() {
        Status::Loading if !has_value.get() => view! {
            <p class="os-load os-load--loading" role="status">{i18n.tr(|t| t.loading)}</p>
        }
        .into_any(),
        Status::Failed(e) => {
            let reason = move || {
                let t = i18n.t();
                error_text
                    .and_then(|f| f(t, &e))
                    .map(str::to_owned)
                    .unwrap_or_else(|| backend_error_text(t, &e))
            };
            view! {
                <div class="os-error os-load os-load--failed" role="alert">
                    <p>{reason}</p>
                    <p class="os-error__actions">
                        <button type="button" class="os-button" on:click=move |_| retry.run(())>
                            {i18n.tr(|t| t.error_retry)}
                        </button>
                        {children.with_value(|c| c.as_ref().map(|c| c()))}
                    </p>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
