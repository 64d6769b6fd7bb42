//! The join form's rules: what a resident must type, how it is checked before sending, and how
//! a backend's refusal maps back onto the form. Pure, tested natively.

/// Longest name the reference server takes.
pub const NAME_MAX: usize = 100;
/// Longest e-mail address (RFC 5321).
pub const EMAIL_MAX: usize = 254;

/// A field of the join form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinField {
    Name,
    Email,
    Phone,
    Seats,
    Consent,
}

/// Why a field is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinProblem {
    Required,
    TooLong,
    Email,
    /// Not a telephone number (digits, spaces, `+ - ( )`, 5–20 characters).
    Phone,
    /// Seats must be a whole number between 1 and the maximum.
    SeatsRange {
        max: u64,
    },
    /// More seats than the event has.
    SeatsOverCapacity,
    /// The backend refused the value without a code we know.
    Refused,
}

/// What the resident typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinInput {
    pub name: String,
    pub email: String,
    /// Telephone number, asked only where the backend requires it.
    pub phone: String,
    pub phone_required: bool,
    pub seats: String,
    pub consent: bool,
}

fn email_ok(e: &str) -> bool {
    let Some((local, domain)) = e.rsplit_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && !host.is_empty()
        && !tld.is_empty()
        && !local.contains('@')
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

fn phone_ok(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&p.chars().count())
        && digits >= 5
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && p.chars().skip(1).all(|c| c != '+')
}

/// Checks the form before sending; an empty list means it may be sent.
pub fn validate(input: &JoinInput, max_seats: u64) -> Vec<(JoinField, JoinProblem)> {
    let mut out = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        out.push((JoinField::Name, JoinProblem::Required));
    } else if name.chars().count() > NAME_MAX {
        out.push((JoinField::Name, JoinProblem::TooLong));
    }
    let email = input.email.trim();
    if email.chars().count() > EMAIL_MAX {
        out.push((JoinField::Email, JoinProblem::TooLong));
    } else if !email.is_empty() && !email_ok(email) {
        out.push((JoinField::Email, JoinProblem::Email));
    }
    let phone = input.phone.trim();
    if phone.is_empty() {
        if input.phone_required {
            out.push((JoinField::Phone, JoinProblem::Required));
        }
    } else if !phone_ok(phone) {
        out.push((JoinField::Phone, JoinProblem::Phone));
    }
    match input.seats.trim().parse::<u64>() {
        Ok(n) if (1..=max_seats).contains(&n) => {}
        _ => out.push((JoinField::Seats, JoinProblem::SeatsRange { max: max_seats })),
    }
    if !input.consent {
        out.push((JoinField::Consent, JoinProblem::Required));
    }
    out
}

/// The single-line name as sent: inner line breaks and runs of spaces become one space.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Field errors of a backend's refusal (`(field path, code or message)` pairs), mapped to the
/// form's fields; the others are left for the message at the top.
pub fn field_problems(
    fields: &[(String, String)],
    max_seats: u64,
) -> Vec<(JoinField, JoinProblem)> {
    fields
        .iter()
        .filter_map(|(field, code)| {
            let f = field.rsplit(['.', '/']).next().unwrap_or(field);
            let field = match f {
                "name" | "first_name" | "last_name" => JoinField::Name,
                "email" => JoinField::Email,
                "phone_number" | "phone" => JoinField::Phone,
                "seats" => JoinField::Seats,
                _ => return None,
            };
            let problem = match (field, code.as_str()) {
                (JoinField::Seats, "exceeds_capacity") => JoinProblem::SeatsOverCapacity,
                (JoinField::Seats, _) => JoinProblem::SeatsRange { max: max_seats },
                (JoinField::Email, "invalid_email") => JoinProblem::Email,
                (_, "required" | "blank" | "too_short") => JoinProblem::Required,
                (_, "too_long" | "max_length") => JoinProblem::TooLong,
                _ => JoinProblem::Refused,
            };
            Some((field, problem))
        })
        .collect()
}

/// A refusal with its own sentence on the join form (beyond the general ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRefusal {
    Full,
    Closed,
    AlreadyRegistered,
    Past,
}

/// Recognises the refusals the join form explains itself, by the code of a conflict or a
/// forbidden answer.
pub fn join_refusal(code: &str) -> Option<JoinRefusal> {
    match code {
        "full" | "waitlist_full" | "not_enough_seats" => Some(JoinRefusal::Full),
        "registration_closed" | "enrolment_closed" => Some(JoinRefusal::Closed),
        "already_registered" => Some(JoinRefusal::AlreadyRegistered),
        "event_past" | "past" => Some(JoinRefusal::Past),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
