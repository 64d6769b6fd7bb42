use super::book::*;
use crate::domain::*;

const REF: &str = "/api/v1";
const KK: &str = "https://kerrokantasi.example/v1";

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn title(en: &str) -> Localized {
    Localized::new(Some(format!("{en} (fi)")), None, Some(en.into()))
}

fn change(at: &str, kind: FollowKind, id: &str) -> Change {
    Change {
        at: t(at),
        kind: match kind {
            FollowKind::Project => ChangeKind::ProjectUpdate {
                update_id: format!("u-{at}"),
                title: title("Update"),
            },
            FollowKind::Plan => ChangeKind::PlanPhase(None),
            FollowKind::Event => ChangeKind::EventChanged,
        },
        item_kind: kind,
        item_id: id.into(),
        item_title: title(id),
    }
}

fn book() -> FollowBook {
    let mut b = FollowBook::default();
    b.follow(
        ItemKey::new(REF, FollowKind::Project, "1"),
        title("Park"),
        t("2026-11-01T00:00:00Z"),
    );
    b.follow(
        ItemKey::new(KK, FollowKind::Plan, "1"),
        title("Harbour"),
        t("2026-11-01T00:00:00Z"),
    );
    b.follow(
        ItemKey::new(REF, FollowKind::Event, "7"),
        title("Walk"),
        t("2026-11-10T00:00:00Z"),
    );
    b
}

#[test]
fn the_feed_merges_backends_newest_first_with_a_stable_order_for_ties() {
    let b = book();
    let feed = b.feed(&[
        (
            REF.into(),
            vec![
                change("2026-11-20T00:00:00Z", FollowKind::Project, "1"),
                change("2026-11-12T00:00:00Z", FollowKind::Event, "7"),
            ],
        ),
        (
            KK.into(),
            vec![
                change("2026-11-20T00:00:00Z", FollowKind::Plan, "1"),
                change("2026-11-15T00:00:00Z", FollowKind::Plan, "1"),
            ],
        ),
    ]);
    let order: Vec<(&str, String)> = feed
        .iter()
        .map(|f| (f.backend.as_str(), f.change.at.to_string()))
        .collect();
    let expected = [
        (REF, "2026-11-20T00:00:00Z"),
        (KK, "2026-11-20T00:00:00Z"),
        (KK, "2026-11-15T00:00:00Z"),
        (REF, "2026-11-12T00:00:00Z"),
    ];
    assert_eq!(order, expected.map(|(b, at)| (b, at.to_string())));
    assert!(feed.iter().all(|f| f.unread));
}

#[test]
fn the_same_id_on_two_backends_is_two_items() {
    let mut b = book();
    b.follow(
        ItemKey::new(REF, FollowKind::Plan, "1"),
        title("Other"),
        t("2026-11-01T00:00:00Z"),
    );
    b.mark_seen(
        &ItemKey::new(KK, FollowKind::Plan, "1"),
        t("2026-11-30T00:00:00Z"),
        None,
    );
    let feed = b.feed(&[
        (
            REF.into(),
            vec![change("2026-11-20T00:00:00Z", FollowKind::Plan, "1")],
        ),
        (
            KK.into(),
            vec![change("2026-11-20T00:00:00Z", FollowKind::Plan, "1")],
        ),
    ]);
    assert_eq!(feed.len(), 2);
    let unread: Vec<&str> = feed
        .iter()
        .filter(|f| f.unread)
        .map(|f| f.backend.as_str())
        .collect();
    assert_eq!(unread, [REF]);
}

#[test]
fn opening_an_item_marks_its_changes_seen_and_only_later_ones_count_again() {
    let mut b = book();
    let park = ItemKey::new(REF, FollowKind::Project, "1");
    let lists = |extra: bool| {
        let mut v = vec![
            change("2026-11-05T00:00:00Z", FollowKind::Project, "1"),
            change("2026-11-06T00:00:00Z", FollowKind::Project, "1"),
        ];
        if extra {
            v.insert(0, change("2026-11-09T00:00:00Z", FollowKind::Project, "1"));
        }
        vec![(REF.to_string(), v)]
    };
    let counts = b.unread_counts(&b.feed(&lists(false)));
    assert_eq!(counts[0], (park.clone(), 2));
    b.mark_seen(
        &park,
        t("2026-11-07T00:00:00Z"),
        Some(title("Park renamed")),
    );
    assert_eq!(b.unread_counts(&b.feed(&lists(false)))[0].1, 0);
    assert_eq!(b.get(&park).unwrap().title.text(Lang::En), "Park renamed");
    // An earlier mark never moves the baseline back.
    b.mark_seen(&park, t("2026-11-02T00:00:00Z"), None);
    assert_eq!(b.unread_counts(&b.feed(&lists(true)))[0].1, 1);
    // Seen changes stay in the feed, just not as new.
    assert_eq!(b.feed(&lists(true)).len(), 3);
}

#[test]
fn changes_from_before_following_are_not_new() {
    let b = book();
    let feed = b.feed(&[(
        REF.into(),
        vec![
            change("2026-11-11T00:00:00Z", FollowKind::Event, "7"),
            change("2026-11-09T00:00:00Z", FollowKind::Event, "7"),
        ],
    )]);
    let unread: Vec<bool> = feed.iter().map(|f| f.unread).collect();
    assert_eq!(unread, [true, false]);
}

#[test]
fn unfollowed_items_drop_out_but_replies_to_own_comments_stay() {
    let mut b = book();
    b.unfollow(&ItemKey::new(REF, FollowKind::Project, "1"));
    let mut reply = change("2026-11-21T00:00:00Z", FollowKind::Plan, "3");
    reply.kind = ChangeKind::Reply {
        comment_id: "9".into(),
    };
    let feed = b.feed(&[(
        REF.into(),
        vec![
            change("2026-11-20T00:00:00Z", FollowKind::Project, "1"),
            reply.clone(),
            reply.clone(),
        ],
    )]);
    assert_eq!(feed.len(), 1, "{feed:?}");
    assert_eq!(feed[0].change, reply);
    assert!(feed[0].unread);
}

#[test]
fn a_backend_list_replaces_that_backend_only_and_keeps_seen_marks() {
    let mut b = book();
    let walk = ItemKey::new(REF, FollowKind::Event, "7");
    b.mark_seen(&walk, t("2026-11-12T00:00:00Z"), None);
    b.sync(
        REF,
        &[
            Followed {
                kind: FollowKind::Event,
                id: "7".into(),
                since: t("2026-11-10T00:00:00Z"),
            },
            Followed {
                kind: FollowKind::Plan,
                id: "2".into(),
                since: t("2026-11-13T00:00:00Z"),
            },
        ],
    );
    let keys: Vec<(&str, FollowKind, &str)> = b
        .entries()
        .iter()
        .map(|e| (e.key.backend.as_str(), e.key.kind, e.key.id.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            (KK, FollowKind::Plan, "1"),
            (REF, FollowKind::Event, "7"),
            (REF, FollowKind::Plan, "2"),
        ]
    );
    assert_eq!(b.get(&walk).unwrap().seen, Some(t("2026-11-12T00:00:00Z")));
    let groups: Vec<(FollowKind, usize)> = b.groups().iter().map(|(k, v)| (*k, v.len())).collect();
    assert_eq!(groups, [(FollowKind::Plan, 2), (FollowKind::Event, 1)]);
}

#[test]
fn the_change_query_reaches_back_to_the_oldest_unseen_item_of_that_backend() {
    let mut b = book();
    let now = t("2026-11-25T00:00:00Z");
    assert_eq!(b.changes_since(REF, now), t("2026-09-26T00:00:00Z"));
    b.follow(
        ItemKey::new(REF, FollowKind::Plan, "old"),
        Localized::default(),
        t("2026-06-01T00:00:00Z"),
    );
    assert_eq!(b.changes_since(REF, now), t("2026-06-01T00:00:00Z"));
    assert_eq!(b.changes_since(KK, now), t("2026-09-26T00:00:00Z"));
}

#[test]
fn the_stored_form_round_trips_with_titles_per_language() {
    let mut b = book();
    b.mark_seen(
        &ItemKey::new(KK, FollowKind::Plan, "1"),
        t("2026-11-12T00:00:00Z"),
        None,
    );
    let json = serde_json::to_string(&b.to_stored()).unwrap();
    let back = FollowBook::from_stored(serde_json::from_str(&json).unwrap());
    assert_eq!(back, b);
    let unknown = r#"[{"backend":"/api/v1","kind":"survey","id":"1","title":[null,null,null],"since":0,"seen":null}]"#;
    assert!(
        FollowBook::from_stored(serde_json::from_str(unknown).unwrap())
            .entries()
            .is_empty()
    );
}

#[test]
fn stored_marks_keep_their_microseconds_and_old_whole_second_entries_still_read() {
    // The reference server writes instants to the microsecond (#21 point 13): a change in the
    // same second as the follow, but after it, is new after a reload too.
    let key = ItemKey::new(REF, FollowKind::Project, "1");
    let mut b = FollowBook::default();
    b.follow(key.clone(), title("Park"), t("2026-11-30T11:21:27.480113Z"));
    let seen = ItemKey::new(REF, FollowKind::Event, "7");
    b.follow(seen.clone(), title("Walk"), t("2026-11-30T11:00:00Z"));
    b.mark_seen(&seen, t("2026-11-30T11:21:27.600001Z"), None);
    let json = serde_json::to_string(&b.to_stored()).unwrap();
    let back = FollowBook::from_stored(serde_json::from_str(&json).unwrap());
    assert_eq!(back, b);
    let lists = [(
        REF.to_owned(),
        vec![
            change("2026-11-30T11:21:27.500000Z", FollowKind::Project, "1"),
            change("2026-11-30T11:21:27.400000Z", FollowKind::Project, "1"),
            change("2026-11-30T11:21:27.700000Z", FollowKind::Event, "7"),
            change("2026-11-30T11:21:27.600000Z", FollowKind::Event, "7"),
        ],
    )];
    let unread: Vec<bool> = back.feed(&lists).iter().map(|i| i.unread).collect();
    assert_eq!(unread, [true, false, true, false]);
    // Entries stored before the fractions were kept: whole seconds.
    let old = r#"[{"backend":"/api/v1","kind":"project","id":"1","title":[null,null,"Park"],"since":1764501687,"seen":null}]"#;
    let read = FollowBook::from_stored(serde_json::from_str(old).unwrap());
    assert_eq!(
        read.entries()[0].since,
        Timestamp::from_unix_seconds(1764501687)
    );
}
