//! Every Kerrokantasi fixture the adapter reads converts, and every error fixture maps to
//! its typed error.

use super::*;

type Ids = &'static [u64];
/// Fixture name, body, total, comment ids and the next page.
type CommentCase = (
    &'static str,
    &'static str,
    Option<u64>,
    Ids,
    Option<PageQuery>,
);

#[test]
fn every_hearing_list_and_detail_fixture_converts() {
    let lists: [(&str, &str, Option<u64>, &[&str]); 7] = [
        (
            "hearing-list",
            fixture!("hearing-list-200.json"),
            Some(2),
            &["kkClosed", "kkOpen"],
        ),
        (
            "include-geojson",
            fixture!("hearing-list-include-geojson-200.json"),
            Some(2),
            &["kkClosed", "kkOpen"],
        ),
        (
            "limit1",
            fixture!("hearing-list-limit1-200.json"),
            Some(2),
            &["kkClosed"],
        ),
        (
            "limit1-offset1",
            fixture!("hearing-list-limit1-offset1-200.json"),
            Some(2),
            &["kkOpen"],
        ),
        (
            "open-true",
            fixture!("hearing-list-open-true-200.json"),
            Some(1),
            &["kkOpen"],
        ),
        (
            "ordering",
            fixture!("hearing-list-ordering-n_comments-200.json"),
            Some(2),
            &["kkOpen", "kkClosed"],
        ),
        (
            "title-filter",
            fixture!("hearing-list-title-filter-200.json"),
            Some(1),
            &["kkOpen"],
        ),
    ];
    for (name, body, total, prefixes) in lists {
        let page = parse_plans(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(page.total, total, "{name}");
        assert_eq!(page.items.len(), prefixes.len(), "{name}");
        for (plan, prefix) in page.items.iter().zip(prefixes) {
            assert!(plan.id.starts_with(prefix), "{name}: {}", plan.id);
        }
    }
    for (name, body, n_comments) in [
        ("detail", fixture!("hearing-detail-200.json"), 9),
        ("by-slug", fixture!("hearing-detail-by-slug-200.json"), 9),
        (
            "after-comments",
            fixture!("hearing-detail-after-comments-200.json"),
            9,
        ),
        ("closed", fixture!("hearing-detail-closed-200.json"), 0),
    ] {
        let plan = parse_plan(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(plan.summary.n_comments, n_comments, "{name}");
        assert!(plan.comment_section.is_some(), "{name}");
    }
}

#[test]
fn every_comment_list_fixture_converts_in_its_order() {
    let lists: [CommentCase; 9] = [
        (
            "section",
            fixture!("section-comments-200.json"),
            None,
            &[9, 5, 4, 3, 2, 1],
            None,
        ),
        (
            "oldest",
            fixture!("section-comments-ordering-created_at-200.json"),
            None,
            &[1, 2, 3, 4, 5, 9],
            None,
        ),
        (
            "newest",
            fixture!("section-comments-ordering-minus-created_at-200.json"),
            None,
            &[9, 5, 4, 3, 2, 1],
            None,
        ),
        (
            "answers",
            fixture!("section-comments-part-with-answers-200.json"),
            None,
            &[8, 7, 6],
            None,
        ),
        (
            "limit2",
            fixture!("section-comments-limit2-200.json"),
            Some(6),
            &[9, 5],
            Some(PageQuery {
                offset: 2,
                limit: 2,
            }),
        ),
        (
            "root",
            fixture!("root-comment-list-200.json"),
            Some(9),
            &[9, 8, 7, 6, 5, 4, 3, 2, 1],
            None,
        ),
        (
            "root-hearing",
            fixture!("root-comment-list-hearing-200.json"),
            Some(9),
            &[9, 8, 7, 6, 5, 4, 3, 2, 1],
            None,
        ),
        (
            "root-section",
            fixture!("root-comment-list-section-include-plugin-200.json"),
            Some(6),
            &[9, 5, 4],
            Some(PageQuery {
                offset: 3,
                limit: 3,
            }),
        ),
        (
            "replies",
            fixture!("root-comment-list-replies-of-200.json"),
            Some(1),
            &[5],
            None,
        ),
    ];
    for (name, body, total, ids, next) in lists {
        let page = parse_comments(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(page.total, total, "{name}");
        assert_eq!(
            page.items.iter().map(|c| c.id).collect::<Vec<_>>(),
            ids,
            "{name}"
        );
        assert_eq!(page.next, next, "{name}");
    }
    for (name, body, id) in [
        ("root detail", fixture!("root-comment-detail-200.json"), 4),
        (
            "section detail",
            fixture!("section-comment-detail-200.json"),
            3,
        ),
        ("root post", fixture!("post-root-comment-201.json"), 9),
    ] {
        let comment = parse_comment(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(comment.id, id, "{name}");
    }
    for body in [
        fixture!("post-vote-comment-again-200.json"),
        fixture!("post-vote-root-comment-200.json"),
    ] {
        assert_eq!(
            parse_vote(&ok(body), true),
            Ok(VoteState {
                votes: None,
                voted: true
            })
        );
    }
}

#[test]
fn every_error_fixture_maps_to_its_typed_error() {
    let forbidden = |code: &str| BackendError::Forbidden { code: code.into() };
    let cases = [
        (
            401,
            fixture!("contact-person-list-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("post-hearing-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("users-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            403,
            fixture!("delete-comment-anonymous-403.json"),
            forbidden("forbidden"),
        ),
        (
            403,
            fixture!("put-comment-anonymous-403.json"),
            forbidden("forbidden"),
        ),
        (
            403,
            fixture!("post-unvote-anonymous-403.json"),
            forbidden("forbidden"),
        ),
        (
            403,
            fixture!("post-comment-closed-hearing-403.json"),
            forbidden("hearing_closed"),
        ),
        (
            403,
            fixture!("post-vote-registered-only-section-403.json"),
            forbidden("voting_registered"),
        ),
        (
            404,
            fixture!("hearing-detail-404-404.json"),
            BackendError::NotFound,
        ),
        (
            301,
            fixture!("hearing-detail-no-trailing-slash-301.json"),
            BackendError::Rejected { status: 301 },
        ),
        (
            500,
            fixture!("post-comment-invalid-geojson-string-500.json"),
            BackendError::Server { status: 500 },
        ),
        (
            500,
            fixture!("post-flag-anonymous-500.json"),
            BackendError::Server { status: 500 },
        ),
    ];
    for (status, body, expected) in cases {
        assert_eq!(
            BackendError::from_response(status, body, None),
            expected,
            "{body}"
        );
    }
    for body in [
        fixture!("post-comment-invalid-geojson-400.json"),
        fixture!("post-comment-invalid-geojson-type-400.json"),
        fixture!("post-comment-no-content-400.json"),
        fixture!("post-comment-poll-bad-option-400.json"),
        fixture!("post-comment-poll-only-no-content-400.json"),
        fixture!("post-comment-poll-single-choice-two-answers-400.json"),
    ] {
        let error = BackendError::from_response(400, body, None);
        assert!(
            matches!(&error, BackendError::Validation { fields } if fields.len() == 1 && !fields[0].1.is_empty()),
            "{error:?}"
        );
    }
}
