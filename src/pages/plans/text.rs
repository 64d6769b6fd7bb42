//! Plan facts in words, for the list and the plan page.

use crate::domain::{CommentPeriod, Lang, Localized, PeriodState, PlanPhase};
use crate::format::{date_time, day_of};
use crate::i18n::{fill, Strings};
use crate::web::clock::now;

/// The text of `l` in the UI's language `ui` or its fallback, and the `lang` attribute its
/// element needs when the fallback picked another language (WCAG 3.1.2).
pub(crate) fn localized(l: &Localized, ui: Lang) -> (String, Option<&'static str>) {
    match l.get(ui) {
        Some((text, used)) => (text.to_owned(), (used != ui).then(|| used.code())),
        None => (String::new(), None),
    }
}

/// The phase's name.
pub(crate) fn phase_name(t: &'static Strings, phase: PlanPhase) -> &'static str {
    match phase {
        PlanPhase::Initiated => t.plans_phase_initiated,
        PlanPhase::ParticipationPlan => t.plans_phase_participation_plan,
        PlanPhase::Draft => t.plans_phase_draft,
        PlanPhase::Proposal => t.plans_phase_proposal,
        PlanPhase::Approved => t.plans_phase_approved,
        PlanPhase::InForce => t.plans_phase_in_force,
    }
}

/// "Open for comments until …", "Opens for comments on …" or "Commenting closed on …".
pub(crate) fn period_text(
    t: &'static Strings,
    period: Option<&CommentPeriod>,
    lang: Lang,
) -> String {
    let Some(p) = period else {
        return t.plans_period_none.to_string();
    };
    match p.state_at(now()) {
        PeriodState::NotYetOpen => {
            fill(t.plans_period_opens, &[("date", &date_time(lang, p.opens))])
        }
        PeriodState::Open => match p.closes {
            Some(c) => fill(t.plans_period_open_until, &[("date", &date_time(lang, c))]),
            None => t.plans_period_open.to_string(),
        },
        PeriodState::Closed => fill(
            t.plans_period_closed,
            &[(
                "date",
                &p.closes.map(|c| day_of(lang, c)).unwrap_or_default(),
            )],
        ),
    }
}
