//! Contract tests: real reference-server answers (tests/fixtures/native) → domain values,
//! and requests built exactly as listed in tests/fixtures/native/requests.md.

use super::*;
use crate::backend::test_support::{at, ok, q};
use crate::backend::{ApiResponse, BackendError, Method};
use crate::domain::*;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/native/", $name))
    };
}

#[test]
fn a_plan_list_page_converts_with_bounds_period_and_next_page() {
    let page = parse_plans(&ok(fixture!("plan-list-200.json"))).unwrap();
    assert_eq!(page.total, Some(6));
    assert_eq!(
        page.next,
        Some(PageQuery {
            offset: 2,
            limit: 2
        })
    );
    let harbour = &page.items[0];
    assert_eq!(harbour.id, "4");
    assert_eq!(harbour.slug.as_deref(), Some("satama"));
    assert_eq!(
        harbour.title.text(Lang::Sv),
        "Kompletteringsbyggande i Hamnen"
    );
    assert_eq!(harbour.area_name.text(Lang::Fi), "Satama");
    assert_eq!(harbour.phase, Some(PlanPhase::Initiated));
    assert_eq!(
        harbour.bounds,
        Some((LatLng::new(60.3815, 25.6676), LatLng::new(60.3882, 25.6803)))
    );
    let period = harbour.comment_period.unwrap();
    assert_eq!(period.opens, at("2026-12-25T16:09:08Z"));
    assert_eq!(
        period.state_at(at("2026-11-25T16:10:00Z")),
        PeriodState::NotYetOpen
    );
    assert_eq!(harbour.n_comments, 0);
    assert_eq!(page.items[1].phase, Some(PlanPhase::ParticipationPlan));
    assert_eq!(page.items[1].n_comments, 25);
}

#[test]
fn a_filtered_plan_list_is_requested_with_the_filters_in_the_query() {
    let query = PlanQuery {
        phase: Some(PlanPhase::Draft),
        open: Some(true),
        text: Some(" joki ".into()),
        bounds: None,
    };
    let request = list_plans(
        &query,
        PageQuery {
            offset: 0,
            limit: 20,
        },
    );
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.path, "plans");
    let expected = [
        ("open", "true"),
        ("phase", "draft"),
        ("q", "joki"),
        ("limit", "20"),
        ("offset", "0"),
    ];
    assert_eq!(request.query, q(&expected));
    let page = parse_plans(&ok(fixture!("plan-list-open-200.json"))).unwrap();
    assert_eq!(
        (page.items.len(), page.total, page.next),
        (1, Some(1), None)
    );
    assert_eq!(page.items[0].id, "1");
}

#[test]
fn a_plan_detail_keeps_rich_text_phases_documents_and_contacts() {
    let plan = parse_plan(&ok(fixture!("plan-detail-200.json"))).unwrap();
    assert_eq!(get_plan("1").path, "plans/1");
    assert_eq!(plan.summary.title.text(Lang::En), "Jokiranta detailed plan");
    assert!(plan
        .description
        .0
        .text(Lang::En)
        .starts_with("<p>The draft plan"));
    assert!(plan.description.0.text(Lang::Fi).contains("<strong>"));
    match &plan.geometry {
        Some(Geometry::Polygon(rings)) => {
            assert_eq!(rings.len(), 1);
            assert_eq!(rings[0].len(), 9);
            assert_eq!(rings[0][0], LatLng::new(60.3884, 25.6552));
        }
        other => panic!("expected a polygon, got {other:?}"),
    }
    assert_eq!(plan.phases.len(), 6);
    assert_eq!(plan.phases[0].phase, PlanPhase::Initiated);
    assert_eq!(plan.phases[0].starts_on, Date::parse("2025-10-21").unwrap());
    assert_eq!(
        plan.phases[0].ends_on,
        Some(Date::parse("2026-01-28").unwrap())
    );
    assert_eq!(plan.phases[2].status, PhaseStatus::Current);
    assert_eq!(plan.phases[2].ends_on, None);
    assert_eq!(plan.phases[5].status, PhaseStatus::Upcoming);
    let doc = &plan.documents[0];
    assert_eq!(doc.title.text(Lang::Sv), "Plankarta");
    assert_eq!(doc.url, "/docs/plans/jokiranta/plan_map.pdf");
    assert_eq!(doc.kind.as_deref(), Some("plan_map"));
    assert_eq!(doc.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(doc.size_bytes, Some(2_457_600));
    assert_eq!(plan.contacts[0].name, "Aino Lehtonen");
    assert_eq!(plan.contacts[0].role.text(Lang::En), "Planning architect");
    assert_eq!(plan.contacts[0].phone.as_deref(), Some("+358 40 123 4567"));
    assert_eq!(plan.contacts[1].phone, None);
    assert!(plan.questions.is_empty());
    assert_eq!(
        (plan.commenting, plan.voting),
        (Access::Anyone, Access::Anyone)
    );
    assert_eq!(plan.comment_section, None);
}

#[test]
fn survey_questions_come_with_kind_requirement_and_options() {
    let plan = parse_plan(&ok(fixture!("plan-detail-survey-200.json"))).unwrap();
    let [first, second] = &plan.questions[..] else {
        panic!("two questions expected")
    };
    assert_eq!(first.id, 1);
    assert_eq!(first.kind, QuestionKind::SingleChoice);
    assert!(first.required);
    assert_eq!(first.text.text(Lang::Sv), "Vad tycker du om gågatan?");
    assert_eq!(first.options.len(), 3);
    assert_eq!(first.options[1].id, 2);
    assert_eq!(
        first.options[1].text.text(Lang::En),
        "I support it with changes"
    );
    assert_eq!(first.options[1].n_answers, 24);
    assert_eq!(second.kind, QuestionKind::MultipleChoice);
    assert!(!second.required);
    assert_eq!(
        second.options.iter().map(|o| o.id).collect::<Vec<_>>(),
        [4, 5, 6, 7, 8]
    );
}

#[test]
fn comments_convert_with_votes_place_and_paging() {
    let request = list_comments(
        "1",
        CommentSort::Votes,
        None,
        PageQuery {
            offset: 0,
            limit: 3,
        },
    );
    assert_eq!(request.path, "plans/1/comments");
    assert_eq!(
        request.query,
        q(&[("sort", "votes"), ("limit", "3"), ("offset", "0")])
    );
    let page = parse_comments(&ok(fixture!("comment-list-200.json"))).unwrap();
    assert_eq!(page.total, Some(1059));
    assert_eq!(
        page.next,
        Some(PageQuery {
            offset: 3,
            limit: 3
        })
    );
    let top = &page.items[0];
    assert_eq!(top.id, 866);
    assert_eq!(top.votes, 119);
    assert_eq!(top.voted_by_me, Some(false));
    assert_eq!(top.nickname.as_deref(), Some("Kalle K."));
    assert_eq!(top.created, at("2026-11-20T01:00:13Z"));
    assert_eq!(
        top.geometry,
        Some(Geometry::Point(LatLng::new(60.392685, 25.667321)))
    );
    assert_eq!((top.parent, top.reply_count), (None, 0));
    assert_eq!(top.moderation, Moderation::Visible);
    assert!(top
        .text
        .as_deref()
        .unwrap()
        .starts_with("Kannatan ajatusta."));
}

#[test]
fn replies_are_listed_by_parent_without_the_default_sort() {
    let oldest = list_comments(
        "1",
        CommentSort::Oldest,
        None,
        PageQuery {
            offset: 40,
            limit: 20,
        },
    );
    assert_eq!(
        oldest.query,
        q(&[("sort", "oldest"), ("limit", "20"), ("offset", "40")])
    );
    let request = list_comments(
        "1",
        CommentSort::Newest,
        Some(1286),
        PageQuery {
            offset: 0,
            limit: 50,
        },
    );
    assert_eq!(
        request.query,
        q(&[("parent_id", "1286"), ("limit", "50"), ("offset", "0")])
    );
    let page = parse_comments(&ok(fixture!("comment-replies-200.json"))).unwrap();
    assert_eq!(page.items[0].parent, Some(1286));
    assert_eq!(page.items[0].text.as_deref(), Some("Samaa mieltä!"));
    assert_eq!(page.next, None);
}

#[test]
fn a_hidden_comment_has_no_text_and_says_why() {
    let c = parse_comment(&ok(fixture!("comment-hidden-200.json"))).unwrap();
    assert_eq!(c.text, None);
    assert_eq!(c.nickname, None);
    assert_eq!(c.geometry, None);
    assert_eq!(c.reply_count, 1);
    let reason = "Hidden until a moderator reviews reports from readers.";
    assert_eq!(
        c.moderation,
        Moderation::Hidden {
            reason: Some(reason.into())
        }
    );
}

mod writes;

mod events;
