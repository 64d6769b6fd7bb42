//! Dates and plan facts as residents read them, in the municipality's time zone.

use crate::domain::{CommentPeriod, Date, Lang, PeriodState, PlanPhase, Timestamp};
use crate::i18n::{fill, Strings};
use wasm_bindgen::JsValue;

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => "fi-FI",
        Lang::Sv => "sv-FI",
        Lang::En => "en-GB",
    }
}

fn format(ms: f64, lang: Lang, zone: &str, with_time: bool) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = crate::map::js_options(&[
        ("timeZone", zone.into()),
        ("day", "numeric".into()),
        ("month", "numeric".into()),
        ("year", "numeric".into()),
    ]);
    if with_time {
        let _ = js_sys::Reflect::set(&options, &"hour".into(), &"2-digit".into());
        let _ = js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into());
        date.to_locale_string(locale(lang), &options).into()
    } else {
        date.to_locale_date_string(locale(lang), &options).into()
    }
}

/// A date and time in Finland's time zone.
pub fn date_time(at: Timestamp, lang: Lang) -> String {
    format(
        at.unix_seconds() as f64 * 1000.0,
        lang,
        "Europe/Helsinki",
        true,
    )
}

/// The calendar day of `at` in Finland.
pub fn day(at: Timestamp, lang: Lang) -> String {
    format(
        at.unix_seconds() as f64 * 1000.0,
        lang,
        "Europe/Helsinki",
        false,
    )
}

/// A calendar date (no time zone involved).
pub fn date(d: Date, lang: Lang) -> String {
    format(
        d.start_utc().unix_seconds() as f64 * 1000.0,
        lang,
        "UTC",
        false,
    )
}

/// The current time.
pub fn now() -> Timestamp {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64)
}

/// The phase's name.
pub fn phase_name(t: &'static Strings, phase: PlanPhase) -> &'static str {
    match phase {
        PlanPhase::Initiated => t.plans_phase_initiated,
        PlanPhase::ParticipationPlan => t.plans_phase_participation_plan,
        PlanPhase::Draft => t.plans_phase_draft,
        PlanPhase::Proposal => t.plans_phase_proposal,
        PlanPhase::Approved => t.plans_phase_approved,
        PlanPhase::InForce => t.plans_phase_in_force,
    }
}

/// A CSS modifier per phase, for the map and the legend.
pub fn phase_class(phase: Option<PlanPhase>) -> &'static str {
    match phase {
        Some(PlanPhase::Initiated | PlanPhase::ParticipationPlan) => "os-phase--early",
        Some(PlanPhase::Draft) => "os-phase--draft",
        Some(PlanPhase::Proposal) => "os-phase--proposal",
        Some(PlanPhase::Approved | PlanPhase::InForce) => "os-phase--approved",
        None => "os-phase--none",
    }
}

/// "Open for comments until …", "Opens for comments on …" or "Commenting closed on …".
pub fn period_text(t: &'static Strings, period: Option<&CommentPeriod>, lang: Lang) -> String {
    let Some(p) = period else {
        return t.plans_period_none.to_string();
    };
    match p.state_at(now()) {
        PeriodState::NotYetOpen => {
            fill(t.plans_period_opens, &[("date", &date_time(p.opens, lang))])
        }
        PeriodState::Open => match p.closes {
            Some(c) => fill(t.plans_period_open_until, &[("date", &date_time(c, lang))]),
            None => t.plans_period_open.to_string(),
        },
        PeriodState::Closed => fill(
            t.plans_period_closed,
            &[("date", &p.closes.map(|c| day(c, lang)).unwrap_or_default())],
        ),
    }
}
