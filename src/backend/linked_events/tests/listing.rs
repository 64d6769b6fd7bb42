//! The list and the event page: places on every card without a request per card, keywords as
//! topics, online events with their stream, text in one language only.

use super::*;

#[test]
fn list_cards_get_places_from_the_embedded_registration_only() {
    let page = parse_events(&ok(fixture!(
        "event-list-include-location-keywords-registration-200.json"
    )))
    .unwrap();
    let concert = page
        .items
        .iter()
        .find(|e| e.id == "ledev:agramxztry")
        .unwrap();
    assert!(concert.has_registration && concert.seats_known);
    assert_eq!(
        (concert.seats.capacity, concert.seats.remaining),
        (Some(2), Some(2))
    );
    // Without `include=registration` the places are not known: the card says nothing.
    let linked = parse_events(&ok(fixture!(
        "event-list-osallistu-include-location-keywords-200.json"
    )))
    .unwrap();
    let evening = linked.items.iter().find(|e| e.has_registration).unwrap();
    assert!(!evening.seats_known);
    let now = at("2026-12-01T10:00:00Z");
    assert_eq!(seats_info(evening, now), SeatsInfo::Unknown);
    assert_ne!(seats_info(concert, now), SeatsInfo::Unlimited);
}

#[test]
fn keyword_sets_give_the_topics_and_a_topic_is_sent_by_id() {
    let request = list_keyword_sets();
    assert_eq!(request.path, "keyword_set/");
    assert_eq!(request.query, q(&[("include", "keywords")]));
    let topics =
        parse_keyword_sets(&ok(fixture!("keyword-set-list-include-keywords-200.json"))).unwrap();
    let named: Vec<_> = topics
        .iter()
        .map(|t| (t.id.as_str(), t.name.text(Lang::En)))
        .collect();
    assert_eq!(
        named,
        [
            ("osallistu:asukasilta", "residents' evening"),
            ("osallistu:kaavoitus", "urban planning"),
            ("osallistu:liikunta", "sports"),
            ("osallistu:musiikki", "music"),
        ]
    );
    // Sets given as links only name no topics.
    let links = parse_keyword_sets(&ok(fixture!("keyword-set-list-200.json"))).unwrap();
    assert!(links.is_empty());
    let query = EventQuery {
        topic: Some("osallistu:kaavoitus".into()),
        ..EventQuery::default()
    };
    let request = list_events(&query, PageQuery::default());
    assert_eq!(
        request.query[0],
        ("keyword".into(), "osallistu:kaavoitus".into())
    );
    let filtered = parse_events(&ok(fixture!("event-list-keyword-kaavoitus-200.json"))).unwrap();
    assert!(filtered
        .items
        .iter()
        .all(|e| e.topics.iter().any(|t| t.id == "osallistu:kaavoitus")));
}

#[test]
fn an_online_event_has_its_stream_link_and_no_venue() {
    let event = parse_event(&ok(fixture!(
        "event-detail-online-include-location-keywords-200.json"
    )))
    .unwrap();
    let s = &event.summary;
    assert!(s.online);
    assert_eq!(s.venue, None);
    assert_eq!(
        s.online_url.as_deref(),
        Some("http://127.0.0.1:8014/stream")
    );
    assert_eq!(s.topics[0].name.text(Lang::Sv), "motion");
    // Other external links (a Facebook page) are not a stream.
    let page = parse_events(&ok(fixture!(
        "event-list-include-location-keywords-200.json"
    )))
    .unwrap();
    let concert = page
        .items
        .iter()
        .find(|e| e.id == "ledev:agramxztry")
        .unwrap();
    assert_eq!(concert.online_url, None);
}

#[test]
fn swedish_only_content_says_it_is_swedish() {
    let event = parse_event(&ok(fixture!(
        "event-detail-swedish-only-include-location-keywords-200.json"
    )))
    .unwrap();
    assert_eq!(
        event.summary.title.get(Lang::En),
        Some(("Stadsvandring i Gamla stan", Lang::Sv))
    );
    assert_eq!(
        event.description.0.get(Lang::Fi).map(|(_, l)| l),
        Some(Lang::Sv)
    );
    assert_eq!(event.organiser, None);
}
