//! The events area's join form: validation next to each field, the message at the top with
//! focus on it, and nothing typed lost.

use crate::support::document;
use crate::support::{demo_config, remember_language, wait_until, Container};
use leptos::mount::mount_to;
use leptos::prelude::*;
use osallistu::config::provide_config;
use osallistu::domain::*;
use osallistu::i18n::{provide_i18n, EN};
use osallistu::pages::events::join_form::JoinForm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn event() -> Event {
    let t = Timestamp::parse("2030-12-01T16:00:00Z").unwrap();
    Event {
        summary: EventSummary {
            id: "4".into(),
            title: Localized::same("Työpaja"),
            summary: Localized::default(),
            topics: Vec::new(),
            start: EventTime::At(t),
            end: None,
            time_zone: Some("Europe/Helsinki".into()),
            venue: None,
            online: false,
            online_url: None,
            is_free: Some(true),
            price: None,
            seats: Seats {
                capacity: Some(12),
                remaining: Some(3),
                waitlist_count: Some(0),
                waitlist_remaining: None,
            },
            seats_known: true,
            enrolment: Enrolment::default(),
            has_registration: true,
            status: EventStatus::Scheduled,
            updated_at: None,
        },
        description: RichText(Localized::default()),
        info_url: None,
        calendar_url: None,
        project_id: None,
        registration_id: None,
        max_group_size: Some(4),
        signup_fields: Vec::new(),
        unknown_signup_fields: Vec::new(),
        organiser: None,
        signup_url: None,
    }
}

fn type_into(el: &HtmlElement, value: &str) {
    js_sys::Reflect::set(el, &JsValue::from_str("value"), &JsValue::from_str(value)).unwrap();
    let ev = web_sys::Event::new("input").unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn value_of(el: &HtmlElement) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str("value"))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// The text of a field's error, while it has one (the element stays, empty, without one).
fn error(c: &Container, id: &str) -> Option<String> {
    c.query(&format!("#{id}-error"))
        .and_then(|e| e.text_content())
        .filter(|t| !t.is_empty())
}

/// Lets the mounted form's effects run once, as they have long before a resident can press a
/// button (the error summary starts listening for its focus request then).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_join_form_explains_each_problem_next_to_its_field_and_keeps_the_input() {
    remember_language("en");
    let c = Container::new();
    let done = RwSignal::new(0u32);
    let handle = mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_i18n(vec![Lang::En], Lang::En, false);
        view! {
            <JoinForm
                event=event()
                max_seats=4
                waitlist=Signal::derive(|| false)
                on_done=Callback::new(move |_| done.update(|n| *n += 1))
            />
        }
    });
    let submit = c.query("button[type=submit]").unwrap();
    assert_eq!(submit.text_content().unwrap(), EN.ev_join_submit);
    settle().await;

    // Empty form: name and consent are required; seats start at 1.
    submit.click();
    wait_until("the name error shows", || {
        error(&c, "os-ev-join-name").is_some()
    })
    .await;
    assert_eq!(
        error(&c, "os-ev-join-name").unwrap(),
        EN.ev_err_name_required
    );
    assert_eq!(error(&c, "os-ev-join-consent").unwrap(), EN.ev_err_consent);
    assert!(error(&c, "os-ev-join-email").is_none());
    assert!(error(&c, "os-ev-join-seats").is_none());
    // This event does not ask for a phone number.
    assert!(c.query("#os-ev-join-phone").is_none());
    let name = c.query("#os-ev-join-name").unwrap();
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        name.get_attribute("aria-describedby").as_deref(),
        Some("os-ev-join-name-error")
    );
    let summary = c.query(".os-ev-join__summary").unwrap();
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert!(summary
        .text_content()
        .unwrap()
        .contains(EN.ev_err_check_fields));
    wait_until("focus moves to the message", || {
        document()
            .active_element()
            .is_some_and(|e| &e == summary.unchecked_ref::<web_sys::Element>())
    })
    .await;

    // A bad e-mail and too many seats, with a name typed: each error at its field.
    type_into(&name, "  Maija   Meikäläinen ");
    let email = c.query("#os-ev-join-email").unwrap();
    type_into(&email, "maija@example");
    let seats = c.query("#os-ev-join-seats").unwrap();
    type_into(&seats, "5");
    submit.click();
    wait_until("the e-mail error shows", || {
        error(&c, "os-ev-join-email").is_some()
    })
    .await;
    assert!(error(&c, "os-ev-join-name").is_none());
    assert_eq!(
        error(&c, "os-ev-join-seats").unwrap(),
        "You can book 1–4 places."
    );
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("os-ev-join-email-hint os-ev-join-email-error")
    );
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    // Nothing typed was lost.
    assert_eq!(value_of(&name), "  Maija   Meikäläinen ");
    assert_eq!(value_of(&email), "maija@example");
    assert_eq!(value_of(&seats), "5");
    assert_ne!(active_id(), "os-ev-join-name");

    // Fixing the fields clears their errors on the next try (consent still missing).
    type_into(&email, "");
    type_into(&seats, "2");
    submit.click();
    wait_until("only the consent error remains", || {
        error(&c, "os-ev-join-seats").is_none() && error(&c, "os-ev-join-email").is_none()
    })
    .await;
    assert!(error(&c, "os-ev-join-consent").is_some());
    assert_eq!(done.get_untracked(), 0, "nothing was sent");
    let checkbox: HtmlElement = c.query("#os-ev-join-consent").unwrap();
    checkbox.click();
    let checked = js_sys::Reflect::get(&checkbox, &JsValue::from_str("checked")).unwrap();
    assert_eq!(checked.as_bool(), Some(true));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_phone_number_is_asked_for_and_checked_where_the_organiser_requires_one() {
    remember_language("en");
    let c = Container::new();
    let _handle = mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_i18n(vec![Lang::En], Lang::En, false);
        let mut e = event();
        e.signup_fields = vec![SignupField::Phone];
        view! {
            <JoinForm
                event=e
                max_seats=4
                waitlist=Signal::derive(|| false)
                on_done=Callback::new(|_| {})
            />
        }
    });
    let phone = c.query("#os-ev-join-phone").expect("a phone field");
    assert_eq!(phone.get_attribute("type").as_deref(), Some("tel"));
    assert_eq!(
        phone.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    type_into(&c.query("#os-ev-join-name").unwrap(), "Maija Meikäläinen");
    c.query("button[type=submit]").unwrap().click();
    wait_until("the phone error shows", || {
        error(&c, "os-ev-join-phone").is_some()
    })
    .await;
    assert_eq!(
        error(&c, "os-ev-join-phone").unwrap(),
        EN.ev_err_phone_required
    );
    type_into(&phone, "040 12x");
    c.query("button[type=submit]").unwrap().click();
    wait_until("the phone format error shows", || {
        error(&c, "os-ev-join-phone").is_some_and(|t| t == EN.ev_err_phone)
    })
    .await;
    assert_eq!(value_of(&phone), "040 12x", "what was typed stays");
    assert_eq!(
        value_of(&c.query("#os-ev-join-name").unwrap()),
        "Maija Meikäläinen"
    );
}

#[wasm_bindgen_test]
async fn the_details_a_registration_requires_are_asked_for_checked_and_kept() {
    remember_language("en");
    let c = Container::new();
    let _handle = mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_i18n(vec![Lang::En], Lang::En, false);
        let mut e = event();
        e.signup_fields = vec![
            SignupField::StreetAddress,
            SignupField::Zipcode,
            SignupField::BirthDate,
        ];
        view! {
            <JoinForm event=e max_seats=1 waitlist=Signal::derive(|| false) on_done=Callback::new(|_| {})/>
        }
    });
    for id in ["os-ev-join-street", "os-ev-join-zip", "os-ev-join-birth"] {
        let field = c.query(&format!("#{id}")).expect(id);
        assert_eq!(
            field.get_attribute("aria-required").as_deref(),
            Some("true")
        );
    }
    assert_eq!(
        c.query("#os-ev-join-birth")
            .unwrap()
            .get_attribute("type")
            .as_deref(),
        Some("date")
    );
    // Not asked for by this registration.
    assert!(c.query("#os-ev-join-city").is_none());
    assert!(c.query("#os-ev-join-phone").is_none());
    // One person per registration: no number of places to choose.
    assert!(c.query("#os-ev-join-seats").is_none());
    assert!(c.text().contains(EN.ev_join_one_each));
    settle().await;
    type_into(
        &c.query("#os-ev-join-name").unwrap(),
        "Ritva Rekisteröityjä",
    );
    type_into(&c.query("#os-ev-join-birth").unwrap(), "2999-01-01");
    c.query("button[type=submit]").unwrap().click();
    wait_until("the address errors show", || {
        error(&c, "os-ev-join-street").is_some()
    })
    .await;
    assert_eq!(
        error(&c, "os-ev-join-street").unwrap(),
        EN.ev_err_street_required
    );
    assert_eq!(error(&c, "os-ev-join-zip").unwrap(), EN.ev_err_zip_required);
    assert_eq!(error(&c, "os-ev-join-birth").unwrap(), EN.ev_err_birth);
    // The summary links each problem to its field.
    let links: Vec<String> = c
        .query_all(".os-ev-join__summary a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        links,
        [
            "#os-ev-join-street",
            "#os-ev-join-zip",
            "#os-ev-join-birth",
            "#os-ev-join-consent"
        ]
    );
    // What was typed stays, refused or not.
    assert_eq!(
        value_of(&c.query("#os-ev-join-birth").unwrap()),
        "2999-01-01"
    );
    assert_eq!(
        value_of(&c.query("#os-ev-join-name").unwrap()),
        "Ritva Rekisteröityjä"
    );
}
