//! Kerrokantasi wire types → domain values. The only place the two meet.
//!
//! A hearing becomes a plan: its main section gives the description, every section's files
//! the documents and every section's questions the survey (each question remembering its
//! section, where answers must be posted).

use super::wire::*;
use crate::backend::common::{bad, geometry, opt_timestamp, timestamp};
use crate::backend::BackendError;
use crate::domain::*;

type R<T> = Result<T, BackendError>;

/// The author name Kerrokantasi gives a comment posted without one.
const ANONYMOUS: &str = "Anonymous";

/// Offset and limit of the `next` link, if there is a next page.
fn next_page(next: Option<&str>) -> Option<PageQuery> {
    let query = next?.split_once('?')?.1;
    let param = |key: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.parse::<u64>().ok())
    };
    Some(PageQuery {
        offset: param("offset").unwrap_or(0),
        limit: param("limit")?,
    })
}

pub(super) fn list<W, T>(w: ListW<W>, item: impl Fn(W) -> R<T>) -> R<Page<T>> {
    let (items, total, next) = match w {
        ListW::Paged {
            count,
            next,
            results,
        } => (results, Some(count), next_page(next.as_deref())),
        ListW::Bare(items) => (items, None, None),
    };
    Ok(Page {
        items: items.into_iter().map(item).collect::<R<_>>()?,
        total,
        next,
    })
}

fn access(s: &str) -> R<Access> {
    Ok(match s {
        "open" => Access::Anyone,
        "registered" => Access::SignedIn,
        "strong" => Access::StrongAuth,
        "none" => Access::Nobody,
        other => return Err(bad(format!("unknown access {other}"))),
    })
}

fn summary(w: &mut HearingW) -> R<PlanSummary> {
    let geometry = geometry(&w.geojson)?;
    let comment_period = match opt_timestamp(w.open_at.as_deref())? {
        Some(opens) => Some(CommentPeriod {
            opens,
            closes: opt_timestamp(w.close_at.as_deref())?,
        }),
        None => None,
    };
    Ok(PlanSummary {
        id: w.id.clone(),
        slug: w.slug.clone(),
        title: Localized::from(std::mem::take(&mut w.title)),
        summary: Localized::from(std::mem::take(&mut w.abstract_)),
        area_name: Localized::from(std::mem::take(&mut w.borough)),
        phase: None,
        bounds: geometry.as_ref().and_then(Geometry::bounds),
        comment_period,
        updated_at: None,
        n_comments: w.n_comments,
    })
}

pub(super) fn plan_summary(mut w: HearingW) -> R<PlanSummary> {
    summary(&mut w)
}

fn question(section: &str, w: QuestionW) -> R<Question> {
    Ok(Question {
        id: w.id,
        kind: match w.kind.as_str() {
            "single-choice" => QuestionKind::SingleChoice,
            "multiple-choice" => QuestionKind::MultipleChoice,
            other => return Err(bad(format!("unknown question type {other}"))),
        },
        text: Localized::from(w.text),
        required: false,
        options: w
            .options
            .into_iter()
            .map(|o| QuestionOption {
                id: o.id,
                text: Localized::from(o.text),
                n_answers: o.n_answers,
            })
            .collect(),
        section: Some(section.to_string()),
    })
}

pub(super) fn plan(mut w: HearingW) -> R<Plan> {
    let summary = summary(&mut w)?;
    let geometry = geometry(&w.geojson)?;
    let main = w.sections.iter().position(|s| s.kind == "main");
    let (commenting, voting, description, comment_section) = match main {
        Some(i) => {
            let s = &mut w.sections[i];
            let content = Localized::from(std::mem::take(&mut s.content));
            (
                access(&s.commenting)?,
                access(&s.voting)?,
                content,
                Some(s.id.clone()),
            )
        }
        None => (Access::Nobody, Access::Nobody, Localized::default(), None),
    };
    let mut documents = Vec::new();
    let mut questions = Vec::new();
    let mut parts = Vec::new();
    for section in w.sections {
        documents.extend(section.files.into_iter().map(|f| Document {
            title: Localized::from(f.title),
            url: f.url,
            kind: None,
            media_type: None,
            size_bytes: None,
        }));
        let asked = section
            .questions
            .into_iter()
            .map(|q| question(&section.id, q))
            .collect::<R<Vec<_>>>()?;
        // A part section is shown as a part of the plan, with its own questions.
        if section.kind == "part" {
            parts.push(PlanPart {
                commenting: access(&section.commenting)?,
                id: section.id,
                title: Localized::from(section.title),
                summary: Localized::from(section.abstract_),
                content: RichText(Localized::from(section.content)),
                images: section
                    .images
                    .into_iter()
                    .map(|i| Image {
                        url: i.url,
                        alt: Localized::from(i.alt_text),
                        caption: Localized::from(i.caption),
                    })
                    .collect(),
                questions: asked,
            });
        } else {
            questions.extend(asked);
        }
    }
    let contacts = w
        .contact_persons
        .into_iter()
        .map(|c| Contact {
            name: c.name,
            role: Localized::from(c.title),
            organization: c.organization,
            email: c.email,
            phone: c.phone,
        })
        .collect();
    Ok(Plan {
        summary,
        description: RichText(description),
        geometry,
        phases: Vec::new(),
        documents,
        contacts,
        questions,
        commenting,
        voting,
        comment_section,
        parts,
    })
}

pub(super) fn comment(w: CommentW) -> R<Comment> {
    let (text, moderation) = if w.deleted {
        (None, Moderation::Hidden { reason: None })
    } else {
        (w.content.filter(|c| !c.is_empty()), Moderation::Visible)
    };
    Ok(Comment {
        id: w.id,
        section: w.section,
        parent: w.comment,
        text,
        // Kerrokantasi stores "Anonymous" when no name is given: that is no name.
        nickname: w
            .author_name
            .filter(|n| !n.trim().is_empty() && n != ANONYMOUS),
        created: timestamp(&w.created_at)?,
        votes: w.n_votes,
        voted_by_me: None,
        geometry: geometry(&w.geojson)?,
        answers: w
            .answers
            .into_iter()
            .map(|a| Answer {
                question: a.question,
                options: a.answers,
            })
            .collect(),
        reply_count: w.n_comments,
        moderation,
    })
}
