//! The comment form mounted for real: validation next to the fields, nothing typed lost, and
//! the draft restored after the page is left and opened again.

use crate::support::*;
use leptos::mount::mount_to;
use leptos::prelude::*;
use osallistu::backend::{native, ApiResponse};
use osallistu::config::provide_config;
use osallistu::config::{Backend, BackendKind};
use osallistu::domain::{CommentPeriod, Lang, Plan, Timestamp};
use osallistu::i18n::{provide_i18n, EN};
use osallistu::pages::plans::PlanView;
use osallistu::router::provide_router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn open_survey_plan() -> Plan {
    let body = include_str!("../fixtures/native/plan-detail-survey-200.json");
    let mut plan = native::parse_plan(&ApiResponse::new(200, body)).unwrap();
    // Open now, whatever day the test runs.
    plan.summary.comment_period = Some(CommentPeriod {
        opens: Timestamp::parse("2020-01-01T00:00:00Z").unwrap(),
        closes: None,
    });
    plan
}

fn mount(c: &Container) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_router(String::new());
        provide_i18n(vec![Lang::En], Lang::En, false);
        osallistu::state::follows::store::provide_follows_context();
        // Another test may have mounted a kiosk app (device storage is then sessionStorage).
        osallistu::web::device::set_kiosk(false);
        // Nothing answers at this address: the comments list shows its error, the form works.
        let backend = Backend {
            kind: BackendKind::Osallistu,
            base_url: "/no-backend-in-this-test".into(),
            auth: None,
        };
        view! { <PlanView plan=open_survey_plan() backend=backend/> }
    })
}

fn type_into(el: &web_sys::HtmlElement, text: &str) {
    el.unchecked_ref::<web_sys::HtmlTextAreaElement>()
        .set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    el.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn errors_appear_next_to_the_fields_and_the_draft_comes_back() {
    remember_language("en");
    let c = Container::new();
    let handle = mount(&c);
    wait_until("the form is shown", || {
        c.query("#os-comment-text").is_some()
    })
    .await;

    // Sending an empty form: errors next to the text and the required question, focus on the first.
    c.query("button[type=submit]").unwrap().click();
    wait_until("the text field says it is required", || {
        c.query("#os-comment-text-error")
            .is_some_and(|e| e.text_content().unwrap_or_default() == EN.plans_form_required)
    })
    .await;
    let text = c.query("#os-comment-text").unwrap();
    assert_eq!(text.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        crate::support::document()
            .active_element()
            .map(|e| e.id())
            .as_deref(),
        Some("os-comment-text")
    );
    let question_error = c
        .query("fieldset[id^=os-question-] .os-field__error")
        .unwrap();
    assert_eq!(
        question_error.text_content().unwrap(),
        EN.plans_form_required
    );

    // Too long: the counter and the error say so, and the text stays as typed.
    let long = "ä".repeat(5001);
    type_into(&text, &long);
    c.query("button[type=submit]").unwrap().click();
    wait_until("the text is too long", || {
        c.query("#os-comment-text-error")
            .is_some_and(|e| e.text_content().unwrap_or_default().contains("5000"))
    })
    .await;
    assert!(c.query(".os-field__hint--over").is_some());
    assert_eq!(
        text.unchecked_ref::<web_sys::HtmlTextAreaElement>().value(),
        long
    );

    // A fixed text clears its error as soon as it is valid; the draft is on the device.
    type_into(&text, "Puisto säilytettävä");
    wait_until("the error is gone", || {
        c.query("#os-comment-text-error")
            .is_some_and(|e| e.text_content().unwrap_or_default().is_empty())
    })
    .await;
    let saved = storage()
        .get_item("osallistu.draft./no-backend-in-this-test.2")
        .unwrap()
        .expect("the draft is saved");
    assert!(saved.contains("Puisto säilytettävä"), "{saved}");

    // Leave the page and come back: the text is there again.
    drop(handle);
    let again = Container::new();
    let _handle = mount(&again);
    wait_until("the draft is restored", || {
        again.query("#os-comment-text").is_some_and(|t| {
            t.unchecked_ref::<web_sys::HtmlTextAreaElement>().value() == "Puisto säilytettävä"
        })
    })
    .await;
}

#[wasm_bindgen_test]
fn unsent_comments_survive_a_kiosk_reset_without_their_nickname() {
    remember_language("en");
    osallistu::web::device::set_kiosk(false);
    let queue = r#"[{"key":"k1","draft":{"text":"Penkki puuttuu","nickname":"Aino","sketch":{"kind":"Point","vertices":[[60.39,25.66]]},"answers":{},"parent":null}}]"#;
    storage()
        .set_item("osallistu.outbox./api/v1.1", queue)
        .unwrap();
    storage().set_item("osallistu.nickname", "Aino").unwrap();
    let carried = osallistu::state::outbox::export_unsent();
    assert_eq!(carried.len(), 1);
    // The reset wipes everything; the comment comes back, and nothing that names its writer.
    storage().clear().unwrap();
    osallistu::state::outbox::import_unsent(carried);
    let back = storage()
        .get_item("osallistu.outbox./api/v1.1")
        .unwrap()
        .expect("the unsent comment is back");
    assert!(
        back.contains("Penkki puuttuu") && back.contains("60.39"),
        "{back}"
    );
    assert!(back.contains("\"k1\""), "the same key: {back}");
    assert!(!back.contains("Aino"), "{back}");
}
