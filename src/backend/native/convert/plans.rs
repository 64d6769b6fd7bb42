//! Plans and comments: wire types → domain values.

use super::super::wire::*;
use super::common::{phase, R};
use crate::backend::common::{bad, date, geometry, timestamp};
use crate::domain::*;

pub(crate) fn plan_summary(w: PlanSummaryW) -> R<PlanSummary> {
    let bounds = match w.bbox[..] {
        [west, south, east, north] => Some((LatLng::new(south, west), LatLng::new(north, east))),
        _ => return Err(bad("bbox needs four numbers")),
    };
    Ok(PlanSummary {
        id: w.id.to_string(),
        slug: Some(w.slug),
        title: Localized::from(w.title),
        summary: Localized::from(w.summary),
        area_name: Localized::from(w.area_name),
        phase: Some(phase(&w.phase)?),
        bounds,
        comment_period: Some(CommentPeriod {
            opens: timestamp(&w.comment_period.opens_at)?,
            closes: Some(timestamp(&w.comment_period.closes_at)?),
        }),
        updated_at: Some(timestamp(&w.updated_at)?),
        n_comments: w.n_comments,
    })
}

fn phase_step(w: PhaseW) -> R<PhaseStep> {
    Ok(PhaseStep {
        phase: phase(&w.phase)?,
        starts_on: date(&w.starts_on)?,
        ends_on: w.ends_on.as_deref().map(date).transpose()?,
        status: match w.status.as_str() {
            "completed" => PhaseStatus::Completed,
            "current" => PhaseStatus::Current,
            "upcoming" => PhaseStatus::Upcoming,
            other => return Err(bad(format!("unknown phase status {other}"))),
        },
    })
}

fn question(w: QuestionW) -> R<Question> {
    Ok(Question {
        id: w.id,
        kind: match w.kind.as_str() {
            "single_choice" => QuestionKind::SingleChoice,
            "multiple_choice" => QuestionKind::MultipleChoice,
            other => return Err(bad(format!("unknown question type {other}"))),
        },
        text: Localized::from(w.text),
        required: w.required,
        options: w
            .options
            .into_iter()
            .map(|o| QuestionOption {
                id: o.id,
                text: Localized::from(o.text),
                n_answers: o.n_answers,
            })
            .collect(),
        section: None,
    })
}

pub(crate) fn plan(w: PlanW) -> R<Plan> {
    Ok(Plan {
        summary: plan_summary(w.summary)?,
        description: RichText(Localized::from(w.description)),
        geometry: geometry(&w.geometry)?,
        phases: w.phases.into_iter().map(phase_step).collect::<R<_>>()?,
        documents: w
            .documents
            .into_iter()
            .map(|d| Document {
                title: Localized::from(d.title),
                url: d.url,
                kind: Some(d.kind),
                media_type: Some(d.media_type),
                size_bytes: Some(d.size_bytes),
            })
            .collect(),
        contacts: w
            .contacts
            .into_iter()
            .map(|c| Contact {
                name: c.name,
                role: Localized::from(c.role),
                organization: Some(c.organization),
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        questions: w.questions.into_iter().map(question).collect::<R<_>>()?,
        commenting: Access::Anyone,
        voting: Access::Anyone,
        comment_section: None,
        parts: Vec::new(),
    })
}

pub(crate) fn comment(w: CommentW) -> R<Comment> {
    let moderation = match w.moderation.state.as_str() {
        "visible" => Moderation::Visible,
        "hidden" => Moderation::Hidden {
            reason: w.moderation.reason,
        },
        other => return Err(bad(format!("unknown moderation state {other}"))),
    };
    Ok(Comment {
        id: w.id,
        section: None,
        parent: w.parent_id,
        text: w.text,
        nickname: w.nickname,
        created: timestamp(&w.created_at)?,
        votes: w.n_votes,
        voted_by_me: Some(w.voted),
        geometry: geometry(&w.geometry)?,
        answers: w
            .answers
            .into_iter()
            .map(|a| Answer {
                question: a.question_id,
                options: a.option_ids,
            })
            .collect(),
        reply_count: w.n_replies,
        moderation,
    })
}

pub(crate) fn vote(w: VoteStateW) -> VoteState {
    VoteState {
        votes: Some(w.n_votes),
        voted: w.voted,
    }
}

pub(crate) fn report(w: ReportW) -> R<()> {
    match w.status.as_str() {
        "received" => Ok(()),
        other => Err(bad(format!("unknown report status {other}"))),
    }
}
