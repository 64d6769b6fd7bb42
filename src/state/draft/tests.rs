use super::*;
use crate::domain::{Geometry, LatLng, Localized, Question, QuestionKind, QuestionOption};

fn question(id: u64, kind: QuestionKind, required: bool) -> Question {
    Question {
        id,
        kind,
        text: Localized::same("Q"),
        required,
        options: (1..=3)
            .map(|o| QuestionOption {
                id: id * 10 + o,
                text: Localized::same("o"),
                n_answers: 0,
            })
            .collect(),
        section: None,
    }
}

fn at(lat: f64, lng: f64) -> LatLng {
    LatLng::new(lat, lng)
}

#[test]
fn a_point_keeps_only_the_latest_tap() {
    let mut s = Sketch::new(SketchKind::Point);
    s.add(at(60.1, 25.1));
    s.add(at(60.2, 25.2));
    assert_eq!(s.geometry(), Ok(Geometry::Point(at(60.2, 25.2))));
}

#[test]
fn an_area_needs_three_taps_and_its_ring_is_closed() {
    let mut s = Sketch::new(SketchKind::Area);
    s.add(at(60.0, 25.0));
    s.add(at(60.0, 25.1));
    assert_eq!(
        s.geometry(),
        Err(SketchProblem::TooFewVertices { needed: 3 })
    );
    // While drawing, the taps so far are shown as a line.
    assert!(matches!(s.preview(), Some(Geometry::LineString(ref p)) if p.len() == 2));
    s.add(at(60.1, 25.1));
    let Ok(Geometry::Polygon(rings)) = s.geometry() else {
        panic!("not an area")
    };
    assert_eq!(rings[0].len(), 4);
    assert_eq!(rings[0][0], rings[0][3]);
    assert!(Geometry::Polygon(rings).validate().is_ok());
}

#[test]
fn undo_removes_the_latest_vertex_and_a_line_needs_two() {
    let mut s = Sketch::new(SketchKind::Line);
    s.add(at(60.0, 25.0));
    s.add(at(60.1, 25.0));
    s.undo();
    assert_eq!(
        s.geometry(),
        Err(SketchProblem::TooFewVertices { needed: 2 })
    );
    assert_eq!(s.preview(), Some(Geometry::Point(at(60.0, 25.0))));
    s.undo();
    s.undo();
    assert_eq!(s.preview(), None);
}

#[test]
fn problems_follow_the_servers_limits_and_the_required_questions() {
    let questions = [
        question(1, QuestionKind::SingleChoice, true),
        question(2, QuestionKind::MultipleChoice, false),
    ];
    let mut d = CommentDraft::default();
    assert_eq!(
        d.problems(&questions),
        vec![
            (Field::Text, Problem::Required),
            (Field::Question(1), Problem::Required)
        ]
    );
    d.text = "x".repeat(MAX_TEXT);
    d.nickname = "n".repeat(MAX_NICKNAME + 1);
    d.choose(&questions[0], 11);
    assert_eq!(
        d.problems(&questions),
        vec![(Field::Nickname, Problem::TooLong { max: MAX_NICKNAME })]
    );
    d.text.push('x');
    d.nickname.clear();
    assert_eq!(
        d.problems(&questions),
        vec![(Field::Text, Problem::TooLong { max: MAX_TEXT })]
    );
    // Characters, not bytes: 5,000 × "ä" is within the limit.
    d.text = "ä".repeat(MAX_TEXT);
    assert!(d.problems(&questions).is_empty());
}

#[test]
fn an_unfinished_location_is_a_problem_but_no_location_is_fine() {
    let mut d = CommentDraft {
        text: "Hyvä".into(),
        ..Default::default()
    };
    assert!(d.problems(&[]).is_empty());
    d.sketch = Some(Sketch::new(SketchKind::Line));
    assert_eq!(
        d.problems(&[]),
        vec![(
            Field::Location,
            Problem::Location(SketchProblem::TooFewVertices { needed: 2 })
        )]
    );
}

#[test]
fn single_choice_replaces_and_multiple_choice_toggles() {
    let single = question(1, QuestionKind::SingleChoice, false);
    let multi = question(2, QuestionKind::MultipleChoice, false);
    let mut d = CommentDraft::default();
    d.choose(&single, 11);
    d.choose(&single, 12);
    d.choose(&multi, 23);
    d.choose(&multi, 21);
    d.choose(&multi, 23);
    assert_eq!(d.answers[&1], vec![12]);
    assert_eq!(d.answers[&2], vec![21]);
}

#[test]
fn the_comment_sent_is_trimmed_and_replies_carry_no_place_or_answers() {
    let q = question(1, QuestionKind::SingleChoice, false);
    let mut d = CommentDraft {
        text: "  Puisto on tärkeä  ".into(),
        nickname: "   ".into(),
        ..Default::default()
    };
    let mut s = Sketch::new(SketchKind::Point);
    s.add(at(60.39, 25.66));
    d.sketch = Some(s);
    d.choose(&q, 12);
    let c = d.to_new_comment();
    assert_eq!(c.text, "Puisto on tärkeä");
    assert_eq!(c.nickname, None);
    assert_eq!(c.geometry, Some(Geometry::Point(at(60.39, 25.66))));
    assert_eq!(c.answers.len(), 1);
    d.parent = Some(7);
    let reply = d.to_new_comment();
    assert_eq!((reply.geometry, reply.answers.len()), (None, 0));
    assert_eq!(reply.parent, Some(7));
}

#[test]
fn a_draft_survives_a_round_trip_through_storage() {
    let mut d = CommentDraft {
        text: "Teksti \"lainaus\" ja <b>".into(),
        nickname: "Aino".into(),
        parent: None,
        ..Default::default()
    };
    let mut s = Sketch::new(SketchKind::Area);
    for p in [(60.0, 25.0), (60.0, 25.1), (60.1, 25.1)] {
        s.add(at(p.0, p.1));
    }
    d.sketch = Some(s);
    d.answers.insert(3, vec![31, 32]);
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<CommentDraft>(&json).unwrap(), d);
    assert!(!d.is_empty());
    assert!(CommentDraft::default().is_empty());
    assert_eq!(d.storage_key("/api/v1", "2"), "draft./api/v1.2");
    d.parent = Some(9);
    assert_eq!(d.storage_key("/api/v1", "2"), "draft./api/v1.2.reply.9");
    d.parent = None;
    d.section = Some("s1".into());
    assert_eq!(d.storage_key("/api/v1", "2"), "draft./api/v1.2.part.s1");
}

#[test]
fn after_sending_only_the_nickname_stays_and_not_on_a_kiosk() {
    let mut d = CommentDraft {
        text: "Hyvä suunnitelma".into(),
        nickname: "Aino".into(),
        sketch: Some(Sketch::new(SketchKind::Point)),
        parent: Some(3),
        ..Default::default()
    };
    d.answers.insert(1, vec![2]);
    let kept = d.after_sending(true);
    assert_eq!(kept.nickname, "Aino");
    assert_eq!((kept.text.as_str(), kept.sketch.is_none()), ("", true));
    assert!(kept.answers.is_empty());
    assert_eq!(kept.parent, Some(3), "a reply form stays a reply form");
    assert_eq!(d.after_sending(false).nickname, "");
    // The same comment whatever the nickname field says now.
    let mut renamed = d.clone();
    renamed.nickname = "Eino".into();
    assert!(d.same_comment(&renamed));
    renamed.text.push('!');
    assert!(!d.same_comment(&renamed));
}
