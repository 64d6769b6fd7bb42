//! The idle clock of a kiosk: plain arithmetic over milliseconds, so it is tested natively.
//! The guard (`guard.rs`) feeds it input times and asks it, about twice a second, what to show.

/// What the kiosk shows at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdlePhase {
    /// Someone is using the terminal: no dialog.
    Active,
    /// The warning dialog, with the whole seconds left before the reset (at least 1).
    Warning { seconds_left: u32 },
    /// Time is up: wipe everything and start again.
    Reset,
}

/// When the last input happened, and how long the terminal may then stay untouched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct IdleClock {
    limit_ms: f64,
    warn_ms: f64,
    last_input_ms: f64,
}

impl IdleClock {
    /// A clock for a reset after `idle_seconds` without input, started at `now_ms`.
    pub(crate) fn new(idle_seconds: u32, now_ms: f64) -> Self {
        IdleClock {
            limit_ms: f64::from(idle_seconds) * 1000.0,
            warn_ms: f64::from(warning_seconds(idle_seconds)) * 1000.0,
            last_input_ms: now_ms,
        }
    }

    /// Someone touched, typed, scrolled or pointed: the full time starts again.
    pub(crate) fn touch(&mut self, now_ms: f64) {
        self.last_input_ms = self.last_input_ms.max(now_ms);
    }

    /// What to show at `now_ms`.
    pub(crate) fn phase(&self, now_ms: f64) -> IdlePhase {
        let left_ms = self.limit_ms - (now_ms - self.last_input_ms);
        if left_ms <= 0.0 {
            IdlePhase::Reset
        } else if left_ms <= self.warn_ms {
            IdlePhase::Warning {
                seconds_left: (left_ms / 1000.0).ceil().max(1.0) as u32,
            }
        } else {
            IdlePhase::Active
        }
    }
}

/// How long the warning is shown before the reset: the last 30 seconds, or the last half of
/// a shorter idle time.
pub(crate) fn warning_seconds(idle_seconds: u32) -> u32 {
    (idle_seconds / 2).clamp(1, 30)
}

/// The number a screen reader is told, so it hears the countdown at a few steps (the start,
/// 20, 10 and 5 seconds) instead of every second: `seconds_left` rounded up to the next step.
pub(crate) fn announced_seconds(seconds_left: u32, warning: u32) -> u32 {
    [5, 10, 20]
        .into_iter()
        .filter(|&step| step < warning)
        .find(|&step| seconds_left <= step)
        .unwrap_or(warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_left_alone_warns_for_the_last_30_seconds_then_resets() {
        let clock = IdleClock::new(120, 1_000.0);
        assert_eq!(clock.phase(1_000.0), IdlePhase::Active);
        assert_eq!(clock.phase(90_999.0), IdlePhase::Active);
        assert_eq!(
            clock.phase(91_000.0),
            IdlePhase::Warning { seconds_left: 30 }
        );
        assert_eq!(
            clock.phase(120_500.0),
            IdlePhase::Warning { seconds_left: 1 }
        );
        assert_eq!(clock.phase(121_000.0), IdlePhase::Reset);
    }

    #[test]
    fn any_input_starts_the_full_time_again() {
        let mut clock = IdleClock::new(60, 0.0);
        clock.touch(50_000.0);
        assert_eq!(clock.phase(60_000.0), IdlePhase::Active);
        assert_eq!(
            clock.phase(81_000.0),
            IdlePhase::Warning { seconds_left: 29 }
        );
        // An event delivered late (an older time stamp) never shortens the time.
        clock.touch(10_000.0);
        assert_eq!(
            clock.phase(109_999.0),
            IdlePhase::Warning { seconds_left: 1 }
        );
        assert_eq!(clock.phase(110_000.0), IdlePhase::Reset);
    }

    #[test]
    fn a_short_idle_time_warns_for_its_last_half() {
        assert_eq!(warning_seconds(12), 6);
        assert_eq!(warning_seconds(30), 15);
        assert_eq!(warning_seconds(3600), 30);
        let clock = IdleClock::new(12, 0.0);
        assert_eq!(clock.phase(5_999.0), IdlePhase::Active);
        assert_eq!(clock.phase(6_000.0), IdlePhase::Warning { seconds_left: 6 });
    }

    #[test]
    fn screen_readers_hear_the_countdown_at_a_few_steps_only() {
        let heard: Vec<u32> = (1..=30).rev().map(|s| announced_seconds(s, 30)).collect();
        let mut steps = heard.clone();
        steps.dedup();
        assert_eq!(steps, vec![30, 20, 10, 5]);
        assert_eq!(announced_seconds(6, 6), 6);
        assert_eq!(announced_seconds(5, 6), 5);
        assert_eq!(announced_seconds(1, 6), 5);
    }
}
