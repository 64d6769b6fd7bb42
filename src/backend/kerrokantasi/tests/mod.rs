//! Contract tests on real Kerrokantasi answers (tests/fixtures/kerrokantasi) and the
//! requests in its requests.md.

use super::*;
use crate::backend::test_support::{at, ok};
use crate::backend::Method;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/kerrokantasi/", $name))
    };
}

const HEARING: &str = "kkOpenHearing000000000000000001";
const MAIN: &str = "kkMainSection00000000000000001";
const PART: &str = "kkPartSection00000000000000001";

#[test]
fn hearings_become_plan_summaries_with_period_and_missing_translations() {
    let page = parse_plans(&ok(fixture!("hearing-list-200.json"))).unwrap();
    assert_eq!((page.total, page.next), (Some(2), None));
    let closed = &page.items[0];
    assert_eq!(closed.id, "kkClosedHearing00000000000000002");
    assert_eq!(closed.slug.as_deref(), Some("suljettu-kuuleminen"));
    assert_eq!(
        closed.title.get(Lang::Sv),
        Some(("Suljettu kuuleminen: Puiston peruskorjaus", Lang::Fi))
    );
    assert_eq!(
        closed.title.text(Lang::En),
        "Closed hearing: Park renovation"
    );
    assert!(closed.area_name.is_empty());
    assert_eq!(closed.summary.text(Lang::Fi), "Suljettu");
    let period = closed.comment_period.unwrap();
    assert_eq!(period.opens, at("2026-09-24T03:04:08.101898Z"));
    assert_eq!(period.closes, Some(at("2026-11-22T03:04:08.101898Z")));
    assert_eq!(
        period.state_at(at("2026-11-25T12:00:00Z")),
        PeriodState::Closed
    );
    assert_eq!(
        (closed.phase, closed.bounds, closed.n_comments),
        (None, None, 0)
    );
    let open = &page.items[1];
    assert_eq!(open.area_name.text(Lang::En), "Centre");
    assert_eq!(open.n_comments, 9);
}

#[test]
fn hearing_pages_follow_kerrokantasis_own_next_link() {
    let request = list_plans(
        &PlanQuery::default(),
        PageQuery {
            offset: 0,
            limit: 1,
        },
    );
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Get, "hearing/")
    );
    let expected =
        [("limit", "1"), ("include", "geojson")].map(|(k, v)| (k.to_string(), v.to_string()));
    assert_eq!(request.query, expected.to_vec());
    let page = parse_plans(&ok(fixture!("hearing-list-limit1-200.json"))).unwrap();
    assert_eq!(
        page.next,
        Some(PageQuery {
            offset: 1,
            limit: 1
        })
    );
    let second = list_plans(&PlanQuery::default(), page.next.unwrap());
    let expected = [("limit", "1"), ("offset", "1"), ("include", "geojson")]
        .map(|(k, v)| (k.to_string(), v.to_string()));
    assert_eq!(second.query, expected.to_vec());
    let last = parse_plans(&ok(fixture!("hearing-list-limit1-offset1-200.json"))).unwrap();
    assert_eq!(last.next, None);
    let filtered = PlanQuery {
        open: Some(true),
        text: Some("pyörä".into()),
        phase: Some(PlanPhase::Draft),
        bounds: None,
    };
    let request = list_plans(
        &filtered,
        PageQuery {
            offset: 0,
            limit: 20,
        },
    );
    let expected = [
        ("open", "true"),
        ("title", "pyörä"),
        ("limit", "20"),
        ("include", "geojson"),
    ];
    assert_eq!(
        request.query,
        expected
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec()
    );
}

#[test]
fn a_hearing_with_geojson_in_the_list_gets_bounds() {
    let page = parse_plans(&ok(fixture!("hearing-list-include-geojson-200.json"))).unwrap();
    let bounds = (LatLng::new(60.165, 24.93), LatLng::new(60.175, 24.96));
    assert_eq!(page.items[1].bounds, Some(bounds));
}

#[test]
fn a_hearing_detail_becomes_a_plan_with_sections_folded_in() {
    assert_eq!(get_plan(HEARING).path, format!("hearing/{HEARING}/"));
    let plan = parse_plan(&ok(fixture!("hearing-detail-200.json"))).unwrap();
    assert_eq!(
        plan.summary.title.text(Lang::Sv),
        "Öppen hörande: Cykelvägar i centrum"
    );
    let en = plan.description.0.text(Lang::En);
    assert!(
        en.starts_with("<p>This is the <em>main section</em>"),
        "{en}"
    );
    assert_eq!(
        plan.description.0.get(Lang::Sv).map(|(_, l)| l),
        Some(Lang::Fi)
    );
    let Some(Geometry::Polygon(rings)) = &plan.geometry else {
        panic!(
            "expected the feature collection's one polygon, got {:?}",
            plan.geometry
        )
    };
    assert_eq!(rings[0].len(), 5);
    assert_eq!(rings[0][1], LatLng::new(60.165, 24.96));
    assert_eq!(plan.comment_section.as_deref(), Some(MAIN));
    assert_eq!(
        (plan.commenting, plan.voting),
        (Access::Anyone, Access::Anyone)
    );
    assert!(plan.phases.is_empty());
    assert_eq!(plan.documents.len(), 1);
    assert_eq!(plan.documents[0].title.text(Lang::En), "Liite");
    assert_eq!(
        plan.documents[0].url,
        "http://127.0.0.1:8011/v1/download/sectionfile/1/"
    );
    let contact = &plan.contacts[0];
    assert_eq!(contact.name, "Maija Meikäläinen");
    assert_eq!(contact.role.text(Lang::En), "Project manager");
    assert_eq!(contact.phone.as_deref(), Some("+358 9 123 4567"));
    assert_eq!(
        contact.email.as_deref(),
        Some("maija.meikalainen@example.invalid")
    );
    // The questions belong to the part section that asks them.
    assert!(plan.questions.is_empty());
    let [part] = &plan.parts[..] else {
        panic!("one part expected")
    };
    assert_eq!(part.id, PART);
    let [single, multiple] = &part.questions[..] else {
        panic!("two questions expected")
    };
    assert_eq!((single.id, single.kind), (1, QuestionKind::SingleChoice));
    assert_eq!(single.section.as_deref(), Some(PART));
    assert_eq!(single.options[0].text.text(Lang::Fi), "Vaihtoehto A");
    assert_eq!(single.options[0].n_answers, 1);
    assert_eq!(multiple.kind, QuestionKind::MultipleChoice);
    assert_eq!(
        multiple.options.iter().map(|o| o.id).collect::<Vec<_>>(),
        [3, 4, 5]
    );
}

#[test]
fn a_closed_hearing_without_geometry_still_converts() {
    let plan = parse_plan(&ok(fixture!("hearing-detail-closed-200.json"))).unwrap();
    assert_eq!(plan.geometry, None);
    assert_eq!(
        plan.comment_section.as_deref(),
        Some("kkClosedMainSection00000000002")
    );
    let now = at("2026-11-25T12:00:00Z");
    assert_eq!(
        plan.summary.comment_period.unwrap().state_at(now),
        PeriodState::Closed
    );
}

#[test]
fn comments_in_a_bare_list_keep_points_feature_polygons_and_collections() {
    let request = list_comments(
        HEARING,
        MAIN,
        CommentSort::Votes,
        PageQuery {
            offset: 0,
            limit: 50,
        },
    );
    assert_eq!(
        request.path,
        format!("hearing/{HEARING}/sections/{MAIN}/comments/")
    );
    let expected = [("limit", "50"), ("ordering", "-n_votes")];
    assert_eq!(
        request.query,
        expected
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec()
    );
    let oldest = list_comments(
        HEARING,
        MAIN,
        CommentSort::Oldest,
        PageQuery {
            offset: 50,
            limit: 50,
        },
    );
    let expected = [
        ("limit", "50"),
        ("offset", "50"),
        ("ordering", "created_at"),
    ];
    assert_eq!(
        oldest.query,
        expected
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec()
    );
    let page = parse_comments(&ok(fixture!(
        "section-comments-ordering-minus-n_votes-200.json"
    )))
    .unwrap();
    assert_eq!((page.total, page.next), (None, None));
    let ids: Vec<u64> = page.items.iter().map(|c| c.id).collect();
    assert_eq!(ids, [2, 3, 4, 5, 1, 9]);
    let point = &page.items[0];
    assert_eq!(point.votes, 3);
    assert_eq!(
        point.geometry,
        Some(Geometry::Point(LatLng::new(60.1699, 24.9414)))
    );
    assert_eq!(point.nickname.as_deref(), Some("Pia Pisteläinen"));
    assert_eq!(point.section.as_deref(), Some(MAIN));
    assert_eq!(point.voted_by_me, None);
    assert!(matches!(&page.items[1].geometry, Some(Geometry::Polygon(r)) if r[0].len() == 5));
    let Some(Geometry::Collection(parts)) = &page.items[2].geometry else {
        panic!("expected a collection, got {:?}", page.items[2].geometry)
    };
    assert!(matches!(
        parts[..],
        [
            Geometry::LineString(_),
            Geometry::Point(_),
            Geometry::Point(_)
        ]
    ));
    assert_eq!(page.items[3].parent, Some(1));
    assert_eq!((page.items[4].parent, page.items[4].reply_count), (None, 1));
    assert_eq!(page.items[4].created, at("2026-11-23T03:04:19.171089Z"));
}

#[test]
fn a_limited_comment_list_is_paged_and_answers_are_kept() {
    let request = list_comments(
        HEARING,
        MAIN,
        CommentSort::Newest,
        PageQuery {
            offset: 0,
            limit: 2,
        },
    );
    let expected = [("limit", "2"), ("ordering", "-created_at")];
    assert_eq!(
        request.query,
        expected
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec()
    );
    let page = parse_comments(&ok(fixture!("section-comments-limit2-200.json"))).unwrap();
    assert_eq!(page.total, Some(6));
    assert_eq!(
        page.next,
        Some(PageQuery {
            offset: 2,
            limit: 2
        })
    );
    let answered =
        parse_comments(&ok(fixture!("section-comments-part-with-answers-200.json"))).unwrap();
    let six = answered.items.iter().find(|c| c.id == 6).unwrap();
    let expected = vec![
        Answer {
            question: 1,
            options: vec![1],
        },
        Answer {
            question: 2,
            options: vec![3, 4],
        },
    ];
    assert_eq!(six.answers, expected);
    assert_eq!(six.section.as_deref(), Some(PART));
    let replies = parse_comments(&ok(fixture!("root-comment-list-replies-of-200.json"))).unwrap();
    assert_eq!(list_replies(1).path, "comment/");
    assert_eq!(
        list_replies(1).query,
        vec![("comment".to_string(), "1".to_string())]
    );
    assert_eq!(
        replies
            .items
            .iter()
            .map(|c| (c.id, c.parent))
            .collect::<Vec<_>>(),
        [(5, Some(1))]
    );
}

#[test]
fn reads_that_fail_become_typed_errors() {
    let missing = parse_plan(&ApiResponse::new(
        404,
        fixture!("hearing-detail-404-404.json"),
    ));
    assert_eq!(missing, Err(BackendError::NotFound));
    let no_slash = parse_plan(&ApiResponse::new(
        301,
        fixture!("hearing-detail-no-trailing-slash-301.json"),
    ));
    assert_eq!(no_slash, Err(BackendError::Rejected { status: 301 }));
}

mod writes;

mod fixtures;

#[test]
fn the_anonymous_kerrokantasi_stores_for_a_missing_name_is_no_name() {
    // Posted without author_name, with "" and with null: Kerrokantasi answers "Anonymous"
    // (in English, whatever the language); the app shows its own translated word.
    for body in [
        fixture!("section-comment-detail-without-author-name-200.json"),
        fixture!("post-comment-without-author-name-201.json"),
        fixture!("post-comment-empty-author-name-201.json"),
        fixture!("post-comment-null-author-name-201.json"),
    ] {
        let raw: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(raw["author_name"], "Anonymous");
        assert_eq!(parse_comment(&ok(body)).unwrap().nickname, None, "{body}");
    }
    // A chosen name stays.
    let named = parse_comment(&ok(fixture!("post-comment-plain-201.json"))).unwrap();
    assert!(named.nickname.is_some());
}

#[test]
fn part_sections_are_parts_with_their_title_abstract_content_images_and_questions() {
    let plan = parse_plan(&ok(fixture!("hearing-detail-with-part-sections-200.json"))).unwrap();
    assert_eq!(
        plan.description.0.text(Lang::En),
        "<p>The library park is renewed in two parts.</p>"
    );
    assert!(plan.questions.is_empty());
    let [play, lights] = &plan.parts[..] else {
        panic!("two parts expected: {:?}", plan.parts)
    };
    assert_eq!(play.id, "rjgqJJJFOcHW7ajb29ayIFQ3Yjn9NP8s");
    assert_eq!(play.title.text(Lang::Sv), "Lekområdet");
    assert_eq!(
        play.summary.text(Lang::En),
        "A new play area at the south edge."
    );
    assert!(play
        .content
        .0
        .text(Lang::Fi)
        .contains("<strong>eteläreunaan</strong>"));
    assert_eq!(play.commenting, Access::Anyone);
    assert_eq!(play.questions.len(), 2);
    assert!(play
        .questions
        .iter()
        .all(|q| q.section.as_deref() == Some(play.id.as_str())));
    assert_eq!(lights.title.text(Lang::Fi), "Valaistus");
    assert!(lights.questions.is_empty());
    // Images, where a section has them (the seeded main section has one; parts may too).
    let seeded = parse_plan(&ok(fixture!("hearing-detail-200.json"))).unwrap();
    assert!(seeded.parts[0].images.is_empty());
}
