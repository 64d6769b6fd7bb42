use super::*;
use crate::backend::BackendError as E;
use crate::state::retry::RetryPolicy;

fn outbox() -> Outbox<&'static str> {
    Outbox::new(RetryPolicy {
        base_ms: 1_000,
        cap_ms: 8_000,
    })
}

fn send(o: &mut Outbox<&'static str>, now: u64) -> Option<String> {
    o.take_due(now, true).map(|e| e.idempotency_key.clone())
}

#[test]
fn a_double_click_with_the_same_key_queues_one_item() {
    let mut o = outbox();
    assert!(o.enqueue("k1".into(), "hello"));
    assert!(!o.enqueue("k1".into(), "hello"));
    assert_eq!(o.entries().len(), 1);
}

#[test]
fn an_item_in_flight_is_not_handed_out_twice() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    assert_eq!(send(&mut o, 0).as_deref(), Some("k1"));
    assert_eq!(send(&mut o, 0), None);
}

#[test]
fn server_errors_retry_with_growing_delays_and_the_same_key() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    let mut now = 0;
    let mut waits = Vec::new();
    for _ in 0..4 {
        let key = send(&mut o, now).expect("due");
        assert_eq!(key, "k1");
        o.record(
            &key,
            Attempt::from_error(&E::Server { status: 503 }),
            now,
            0.0,
        );
        let State::RetryAt { at_ms } = o.get("k1").unwrap().state else {
            panic!("not retrying")
        };
        waits.push(at_ms - now);
        assert_eq!(send(&mut o, at_ms - 1), None, "not due before its time");
        now = at_ms;
    }
    assert_eq!(waits, [500, 1_000, 2_000, 4_000]);
    let key = send(&mut o, now).unwrap();
    o.record(&key, Attempt::Delivered, now, 0.0);
    assert_eq!(o.get("k1").unwrap().state, State::Sent);
    assert_eq!(o.get("k1").unwrap().attempts, 5);
}

#[test]
fn too_many_requests_waits_as_long_as_the_server_asks() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    send(&mut o, 10_000);
    o.record(
        "k1",
        Attempt::from_error(&E::RateLimited {
            retry_after_s: Some(20),
        }),
        10_000,
        0.5,
    );
    assert_eq!(o.get("k1").unwrap().state, State::RetryAt { at_ms: 30_000 });
    assert_eq!(o.next_wake_ms(), Some(30_000));
}

#[test]
fn offline_waits_for_the_network_not_for_a_timer() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    send(&mut o, 0);
    o.record(
        "k1",
        Attempt::from_error(&E::Network("offline".into())),
        0,
        0.0,
    );
    assert_eq!(o.get("k1").unwrap().state, State::WaitingForNetwork);
    assert!(o.take_due(1_000_000, false).is_none(), "still offline");
    assert!(o.take_due(1_000_000, true).is_some(), "back online");
}

#[test]
fn client_errors_are_not_retried_and_keep_the_payload() {
    let mut o = outbox();
    o.enqueue("k1".into(), "my long comment");
    send(&mut o, 0);
    let refused = E::Validation {
        fields: vec![("/text".into(), "too_long".into())],
    };
    let attempt = Attempt::from_error(&refused);
    let reason = refused.to_string();
    assert_eq!(
        attempt,
        Attempt::Rejected {
            reason: reason.clone()
        }
    );
    o.record("k1", attempt, 0, 0.0);
    let e = o.get("k1").unwrap();
    assert_eq!(e.state, State::Rejected { reason });
    assert_eq!(e.payload, "my long comment");
    assert!(o.take_due(u64::MAX, true).is_none());
}

#[test]
fn unauthorized_keeps_the_item_until_the_participant_is_back() {
    assert_eq!(Attempt::from_error(&E::Unauthorized), Attempt::Unauthorized);
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    send(&mut o, 0);
    o.record("k1", Attempt::Unauthorized, 0, 0.0);
    assert_eq!(o.get("k1").unwrap().state, State::NeedsSignIn);
    assert!(o.take_due(u64::MAX, true).is_none());
}

#[test]
fn a_reload_mid_send_sends_again_with_the_same_key() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    send(&mut o, 1_000);
    assert!(!o.get("k1").unwrap().retried());
    let kept = o.get("k1").unwrap().clone();
    assert_eq!(kept.first_try_ms, Some(1_000));
    // The page is reloaded while the request is in flight: the queue comes back from the device.
    let mut o = outbox();
    o.restore(kept.idempotency_key, kept.payload, kept.first_try_ms);
    assert_eq!(send(&mut o, 5_000).as_deref(), Some("k1"));
    assert!(
        o.get("k1").unwrap().retried(),
        "the answer to the first try may be lost"
    );
    assert_eq!(
        o.get("k1").unwrap().first_try_ms,
        Some(1_000),
        "the first attempt stays known"
    );
}

#[test]
fn items_go_oldest_first_and_a_sent_one_is_not_sent_again() {
    let mut o = outbox();
    o.enqueue("k1".into(), "a");
    o.enqueue("k2".into(), "b");
    assert_eq!(send(&mut o, 0).as_deref(), Some("k1"), "oldest first");
    o.record("k1", Attempt::Delivered, 0, 0.0);
    assert_eq!(o.get("k1").unwrap().state, State::Sent);
    assert_eq!(send(&mut o, 0).as_deref(), Some("k2"));
    assert_eq!(send(&mut o, u64::MAX), None);
    assert_eq!(o.entries().len(), 2);
}

#[test]
fn backend_errors_map_to_retry_wait_or_reject() {
    assert_eq!(
        Attempt::from_error(&E::Network("offline".into())),
        Attempt::Offline
    );
    assert_eq!(
        Attempt::from_error(&E::Timeout),
        Attempt::Transient {
            retry_after_s: None
        }
    );
    assert_eq!(
        Attempt::from_error(&E::Server { status: 503 }),
        Attempt::Transient {
            retry_after_s: None
        }
    );
    assert_eq!(
        Attempt::from_error(&E::RateLimited {
            retry_after_s: Some(9)
        }),
        Attempt::Transient {
            retry_after_s: Some(9)
        }
    );
    assert_eq!(Attempt::from_error(&E::Unauthorized), Attempt::Unauthorized);
    assert!(matches!(
        Attempt::from_error(&E::Conflict {
            code: "comment_period_closed".into()
        }),
        Attempt::Rejected { .. }
    ));
}

#[test]
fn a_discarded_item_is_gone_and_a_new_one_for_the_same_form_gets_its_own_key() {
    let mut outbox = Outbox::new(RetryPolicy::default());
    outbox.enqueue("k1".into(), "first text");
    let key = outbox.take_due(0, true).unwrap().idempotency_key.clone();
    outbox.record(
        &key,
        Attempt::Rejected {
            reason: "too_long".into(),
        },
        0,
        0.5,
    );
    assert!(
        outbox.take_due(10_000, true).is_none(),
        "a rejection is not retried"
    );
    outbox.discard("k1");
    assert!(outbox.get("k1").is_none());
    assert!(outbox.enqueue("k2".into(), "edited text"));
    assert_eq!(outbox.take_due(0, true).unwrap().payload, "edited text");
}
