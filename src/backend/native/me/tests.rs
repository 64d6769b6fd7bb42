//! Contract tests for `me`, `me/changes` and following plans and events, on answers recorded
//! from the reference server (tests/fixtures/native/requests.md); also the project fields of
//! schema 5 (area and location in lists).

use super::*;
use crate::backend::native::{parse_follow, parse_project, parse_projects};
use crate::backend::test_support::{at, ok, q};
use crate::backend::{BackendError, Method};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/native/", $name))
    };
}

#[test]
fn me_lists_every_followed_kind_with_when_following_began() {
    let follows = parse_me(&ok(fixture!("me-200.json"))).unwrap();
    let keys: Vec<(FollowKind, &str)> = follows.iter().map(|f| (f.kind, f.id.as_str())).collect();
    assert_eq!(
        keys,
        [
            (FollowKind::Event, "1"),
            (FollowKind::Event, "5"),
            (FollowKind::Plan, "1"),
            (FollowKind::Project, "1"),
        ]
    );
    assert_eq!(follows[0].since, at("2026-11-25T18:05:39Z"));
    assert_eq!(get_me().path, "me");
}

#[test]
fn changes_of_every_kind_convert_newest_first_with_their_items() {
    let request = list_changes(at("2026-09-26T18:05:40Z"));
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.path, "me/changes");
    assert_eq!(request.query, q(&[("since", "2026-09-26T18:05:40Z")]));

    let changes = parse_changes(&ok(fixture!("me-changes-200.json"))).unwrap();
    assert_eq!(changes.until, at("2026-11-25T18:05:40Z"));
    let items = &changes.items;
    assert_eq!(items.len(), 6);
    assert!(items.windows(2).all(|w| w[0].at >= w[1].at));
    assert!(
        matches!(items[0].kind, ChangeKind::Reply { ref comment_id } if !comment_id.is_empty())
    );
    assert_eq!(
        (items[0].item_kind, items[0].item_id.as_str()),
        (FollowKind::Plan, "1")
    );
    let ChangeKind::ProjectUpdate { update_id, title } = &items[1].kind else {
        panic!("expected a project update, got {:?}", items[1].kind)
    };
    assert!(!update_id.is_empty());
    assert_eq!(title.text(Lang::En), "Jetty installed");
    assert_eq!(
        items[1].item_title.text(Lang::Sv),
        "Strandparken vid Åstranden"
    );
    assert_eq!(items[2].kind, ChangeKind::PlanPhase(Some(PlanPhase::Draft)));
    assert_eq!(items[4].kind, ChangeKind::EventChanged);
    assert_eq!(items[5].item_kind, FollowKind::Event);
}

#[test]
fn comment_period_notices_carry_their_date_and_unknown_kinds_are_skipped() {
    let body = r#"{"since":"2026-11-01T00:00:00Z","until":"2026-11-25T12:00:00Z","soon_days":7,"items":[
      {"at":"2026-11-24T10:00:00Z","kind":"comments_closing","item_kind":"plan","item_id":3,"item_title":{"fi":"Satama"},"due":"2026-12-01T10:00:00Z"},
      {"at":"2026-11-23T10:00:00Z","kind":"something_new","item_kind":"plan","item_id":3,"item_title":{"fi":"Satama"}},
      {"at":"2026-11-22T10:00:00Z","kind":"event_cancelled","item_kind":"event","item_id":8,"item_title":{"en":"Walk"}}]}"#;
    let changes = parse_changes(&ok(body)).unwrap();
    assert_eq!(changes.items.len(), 2);
    assert_eq!(
        changes.items[0].kind,
        ChangeKind::CommentsClosing {
            due: at("2026-12-01T10:00:00Z")
        }
    );
    assert_eq!(changes.items[1].kind, ChangeKind::EventCancelled);
    // A notice without its date is a broken answer, not a silent gap.
    let broken = r#"{"since":"2026-11-01T00:00:00Z","until":"2026-11-25T12:00:00Z","items":[
      {"at":"2026-11-24T10:00:00Z","kind":"comments_opening","item_kind":"plan","item_id":3,"item_title":{}}]}"#;
    assert!(matches!(
        parse_changes(&ok(broken)),
        Err(BackendError::Decode { .. })
    ));
}

#[test]
fn a_bad_since_is_a_validation_error() {
    let r = ApiResponse::new(400, fixture!("me-changes-bad-since-400.json"));
    assert!(matches!(
        parse_changes(&r),
        Err(BackendError::Validation { .. })
    ));
}

#[test]
fn plans_events_and_projects_are_followed_at_their_own_paths_with_a_key() {
    for (kind, expected) in [
        (FollowKind::Project, "projects/4/follow"),
        (FollowKind::Plan, "plans/4/follow"),
        (FollowKind::Event, "events/4/follow"),
    ] {
        let r = follow(kind, "4", "k-1");
        assert_eq!((r.method, r.path.as_str()), (Method::Post, expected));
        assert_eq!(r.idempotency_key.as_deref(), Some("k-1"));
        assert_eq!(r.body, None);
    }
    assert_eq!(
        unfollow(FollowKind::Plan, "4", "k").path,
        "plans/4/unfollow"
    );
    let plan = parse_follow(&ok(fixture!("plan-follow-200.json"))).unwrap();
    assert_eq!(
        plan,
        FollowState {
            following: true,
            followers: Some(1)
        }
    );
    let event = parse_follow(&ok(fixture!("event-follow-200.json"))).unwrap();
    assert!(event.following);
    let gone = parse_follow(&ok(fixture!("event-unfollow-200.json"))).unwrap();
    assert!(!gone.following);
}

#[test]
fn project_list_items_carry_their_area_and_location_and_older_answers_still_parse() {
    let page = parse_projects(&ok(fixture!("project-list-area-200.json"))).unwrap();
    let bridge = &page.items[0];
    assert_eq!(bridge.area.text(Lang::Sv), "Åkerby");
    assert_eq!(bridge.area.text(Lang::Fi), "Peltola");
    assert_eq!(
        bridge.location,
        Some(Geometry::Point(LatLng::new(60.3951, 25.6771)))
    );
    // Captured before schema 5: no area, no location, but nothing lost.
    let old = parse_projects(&ok(fixture!("project-list-200.json"))).unwrap();
    assert!(old.items[0].area.is_empty());
    assert_eq!(old.items[0].location, None);
    // The detail's geometry is the summary's location too.
    let detail = parse_project(&ok(fixture!("project-detail-200.json"))).unwrap();
    assert_eq!(detail.summary.location, detail.geometry);
}
