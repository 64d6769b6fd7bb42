//! Projects, events and registrations of the reference server → domain values.

use super::super::wire::*;
use super::{phase, R};
use crate::backend::common::{bad, date, event_time, geometry, opt_timestamp, timestamp};
use crate::domain::*;

fn project_status(s: &str) -> R<ProjectStatus> {
    Ok(match s {
        "planned" => ProjectStatus::Planned,
        "in_progress" => ProjectStatus::InProgress,
        "completed" => ProjectStatus::Completed,
        "on_hold" => ProjectStatus::OnHold,
        other => return Err(bad(format!("unknown project status {other}"))),
    })
}

pub(in super::super) fn project_summary(w: ProjectSummaryW) -> R<ProjectSummary> {
    Ok(ProjectSummary {
        id: w.id.to_string(),
        slug: Some(w.slug),
        title: Localized::from(w.title),
        summary: Localized::from(w.summary),
        status: project_status(&w.status)?,
        starts_on: w.starts_on.as_deref().map(date).transpose()?,
        ends_on: w.ends_on.as_deref().map(date).transpose()?,
        updated_at: timestamp(&w.updated_at)?,
        followers: w.n_followers,
        last_update_at: opt_timestamp(w.last_update_at.as_deref())?,
        area: w.area_name.map(Localized::from).unwrap_or_default(),
        location: geometry(&w.geometry)?,
    })
}

pub(in super::super) fn project(w: ProjectW) -> R<Project> {
    let location = geometry(&w.geometry)?;
    let mut summary = project_summary(w.summary)?;
    summary.location = location.clone();
    Ok(Project {
        summary,
        description: RichText(Localized::from(w.description)),
        geometry: location,
        created_at: timestamp(&w.created_at)?,
        plans: w
            .plans
            .into_iter()
            .map(|p| {
                Ok(LinkedPlan {
                    id: p.id.to_string(),
                    title: Localized::from(p.title),
                    phase: phase(&p.phase)?,
                })
            })
            .collect::<R<_>>()?,
        events: w
            .events
            .into_iter()
            .map(|e| {
                Ok(LinkedEvent {
                    id: e.id.to_string(),
                    title: Localized::from(e.title),
                    starts_at: timestamp(&e.starts_at)?,
                })
            })
            .collect::<R<_>>()?,
        following: w.following,
    })
}

pub(in super::super) fn project_update(w: ProjectUpdateW) -> R<ProjectUpdate> {
    Ok(ProjectUpdate {
        id: w.id.to_string(),
        project_id: w.project_id.to_string(),
        title: Localized::from(w.title),
        body: Localized::from(w.body),
        published_at: timestamp(&w.published_at)?,
    })
}

pub(in super::super) fn follow(w: FollowStateW) -> FollowState {
    FollowState {
        following: w.following,
        followers: Some(w.n_followers),
    }
}

fn venue(w: VenueW) -> R<Venue> {
    let location = match geometry(&w.location)? {
        None => None,
        Some(Geometry::Point(p)) => Some(p),
        Some(_) => return Err(bad("a venue location must be a point")),
    };
    Ok(Venue {
        name: Localized::from(w.name),
        address: w.address.map(Localized::same),
        location,
        area: w.area.map(Localized::from).filter(|a| !a.is_empty()),
        accessibility: w
            .accessibility
            .map(Localized::from)
            .filter(|a| !a.is_empty()),
    })
}

pub(in super::super) fn event_summary(w: EventSummaryW) -> R<EventSummary> {
    Ok(EventSummary {
        id: w.id.to_string(),
        title: Localized::from(w.title),
        summary: Localized::from(w.summary),
        topics: w
            .topics
            .into_iter()
            // The reference server sends topic codes only; the app names them.
            .map(|t| Topic {
                name: Localized::default(),
                id: t,
            })
            .collect(),
        start: event_time(&w.starts_at)?,
        end: Some(event_time(&w.ends_at)?),
        time_zone: Some(w.time_zone),
        venue: w.venue.map(venue).transpose()?,
        online: w.is_online,
        online_url: w.online_url,
        is_free: Some(w.is_free),
        price: w.price.map(Localized::from),
        seats: Seats {
            capacity: w.capacity,
            remaining: w.remaining_seats,
            waitlist_count: Some(w.waitlist_count),
            waitlist_remaining: None,
        },
        seats_known: true,
        enrolment: Enrolment {
            opens: None,
            closes: None,
            open_now: Some(w.registration_open),
        },
        has_registration: true,
        status: match w.status.as_str() {
            "scheduled" => EventStatus::Scheduled,
            "cancelled" => EventStatus::Cancelled,
            other => return Err(bad(format!("unknown event status {other}"))),
        },
        updated_at: Some(timestamp(&w.updated_at)?),
    })
}

pub(in super::super) fn event(w: EventW) -> R<Event> {
    let project_id = w.summary.project_id.map(|id| id.to_string());
    Ok(Event {
        summary: event_summary(w.summary)?,
        description: RichText(Localized::from(w.description)),
        info_url: None,
        calendar_url: Some(w.calendar_url),
        project_id,
        registration_id: None,
        max_group_size: Some(10),
        signup_fields: Vec::new(),
        unknown_signup_fields: Vec::new(),
        organiser: None,
        signup_url: None,
    })
}

pub(in super::super) fn attendee_status(w: &RegistrationW) -> R<AttendeeStatus> {
    Ok(match w.status.as_str() {
        "attending" => AttendeeStatus::Attending,
        "waitlisted" => AttendeeStatus::Waitlisted {
            position: w.waitlist_position,
        },
        "cancelled" => AttendeeStatus::Cancelled,
        other => return Err(bad(format!("unknown registration status {other}"))),
    })
}

pub(in super::super) fn registration(w: RegistrationW) -> R<RegistrationOutcome> {
    let status = attendee_status(&w)?;
    let token = w
        .cancel_token
        .ok_or_else(|| bad("a new registration needs its cancel_token"))?;
    Ok(RegistrationOutcome {
        id: w.id.to_string(),
        status,
        seats: w.seats,
        cancel: CancelHandle::Token(token),
    })
}
