//! The join form's rules: what a resident must type, how it is checked before sending, and how
//! a backend's refusal maps back onto the form. Pure, tested natively.

use super::{Date, SignupField};

/// Longest name the reference server takes.
pub const NAME_MAX: usize = 100;
/// Longest e-mail address (RFC 5321).
pub const EMAIL_MAX: usize = 254;
/// Longest street address, postal code and town Linked Events stores.
pub const STREET_MAX: usize = 500;
pub const ZIPCODE_MAX: usize = 10;
pub const CITY_MAX: usize = 50;

/// A field of the join form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinField {
    Name,
    Email,
    Phone,
    StreetAddress,
    Zipcode,
    City,
    BirthDate,
    Seats,
    Consent,
}

impl JoinField {
    /// The form field that gives a sign-up detail.
    pub fn of(detail: SignupField) -> JoinField {
        match detail {
            SignupField::FirstName | SignupField::LastName => JoinField::Name,
            SignupField::Phone => JoinField::Phone,
            SignupField::StreetAddress => JoinField::StreetAddress,
            SignupField::Zipcode => JoinField::Zipcode,
            SignupField::City => JoinField::City,
            SignupField::BirthDate => JoinField::BirthDate,
        }
    }
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
    /// The organiser needs the first name and the family name.
    TwoNames,
    /// Not a date of birth (a date in the past).
    Date,
    /// Younger or older than the event's age limit.
    TooYoung,
    TooOld,
    /// The backend refused the value without a code we know.
    Refused,
}

/// What the resident typed, and what the registration requires of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinInput {
    pub name: String,
    pub email: String,
    /// Telephone number, street address, postal code, town and date of birth (`YYYY-MM-DD`),
    /// asked only where the registration requires them.
    pub phone: String,
    pub street: String,
    pub zipcode: String,
    pub city: String,
    pub birth_date: String,
    pub seats: String,
    pub consent: bool,
    /// The details the registration requires.
    pub required: Vec<SignupField>,
}

impl JoinInput {
    fn requires(&self, f: SignupField) -> bool {
        self.required.contains(&f)
    }
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

/// A text detail: required where the registration asks for it, and not longer than `max`.
fn check_text(
    out: &mut Vec<(JoinField, JoinProblem)>,
    field: JoinField,
    value: &str,
    required: bool,
    max: usize,
) {
    let value = value.trim();
    if value.is_empty() && required {
        out.push((field, JoinProblem::Required));
    } else if value.chars().count() > max {
        out.push((field, JoinProblem::TooLong));
    }
}

/// Checks the form before sending, on `today` (Finnish date); an empty list means it may be
/// sent.
pub fn validate(input: &JoinInput, max_seats: u64, today: Date) -> Vec<(JoinField, JoinProblem)> {
    let mut out = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        out.push((JoinField::Name, JoinProblem::Required));
    } else if name.chars().count() > NAME_MAX {
        out.push((JoinField::Name, JoinProblem::TooLong));
    } else if input.requires(SignupField::LastName) && !name.contains(char::is_whitespace) {
        out.push((JoinField::Name, JoinProblem::TwoNames));
    }
    let email = input.email.trim();
    if email.chars().count() > EMAIL_MAX {
        out.push((JoinField::Email, JoinProblem::TooLong));
    } else if !email.is_empty() && !email_ok(email) {
        out.push((JoinField::Email, JoinProblem::Email));
    }
    let phone = input.phone.trim();
    if phone.is_empty() {
        if input.requires(SignupField::Phone) {
            out.push((JoinField::Phone, JoinProblem::Required));
        }
    } else if !phone_ok(phone) {
        out.push((JoinField::Phone, JoinProblem::Phone));
    }
    let street = input.requires(SignupField::StreetAddress);
    check_text(
        &mut out,
        JoinField::StreetAddress,
        &input.street,
        street,
        STREET_MAX,
    );
    let zipcode = input.requires(SignupField::Zipcode);
    check_text(
        &mut out,
        JoinField::Zipcode,
        &input.zipcode,
        zipcode,
        ZIPCODE_MAX,
    );
    let city = input.requires(SignupField::City);
    check_text(&mut out, JoinField::City, &input.city, city, CITY_MAX);
    let born = input.birth_date.trim();
    if born.is_empty() {
        if input.requires(SignupField::BirthDate) {
            out.push((JoinField::BirthDate, JoinProblem::Required));
        }
    } else if !Date::parse(born).is_ok_and(|d| d < today && d.year >= 1900) {
        out.push((JoinField::BirthDate, JoinProblem::Date));
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

/// A backend's refusal sorted for the form: problems of its fields, and the names of the
/// refused details the form has no field for (such as `service_language`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refusal {
    pub fields: Vec<(JoinField, JoinProblem)>,
    pub others: Vec<String>,
}

/// The problem a backend's code or message stands for.
fn problem_of(field: JoinField, code: &str, max_seats: u64) -> JoinProblem {
    match (field, code) {
        (JoinField::Seats, "exceeds_capacity") => JoinProblem::SeatsOverCapacity,
        (JoinField::Seats, _) => JoinProblem::SeatsRange { max: max_seats },
        (JoinField::Email, "invalid_email") => JoinProblem::Email,
        (_, "required" | "blank" | "too_short") => JoinProblem::Required,
        (_, "too_long" | "max_length") => JoinProblem::TooLong,
        // Linked Events writes sentences (in English for these).
        (_, m) if m.contains("must be specified") => JoinProblem::Required,
        (JoinField::BirthDate, m) if m.contains("too young") => JoinProblem::TooYoung,
        (JoinField::BirthDate, m) if m.contains("too old") => JoinProblem::TooOld,
        _ => JoinProblem::Refused,
    }
}

/// Sorts a backend's refusal (`(field path, code or message)` pairs, such as
/// `signups.0.street_address` or `signups.0.contact_person.service_language`) onto the form's
/// fields; what has no field is named in `others`, once each.
pub fn sort_refusal(fields: &[(String, String)], max_seats: u64) -> Refusal {
    let mut out = Refusal::default();
    for (path, code) in fields {
        let name = path.rsplit(['.', '/']).next().unwrap_or(path);
        let field = match name {
            "name" | "first_name" | "last_name" => Some(JoinField::Name),
            "email" => Some(JoinField::Email),
            "phone_number" | "phone" => Some(JoinField::Phone),
            "street_address" => Some(JoinField::StreetAddress),
            "zipcode" => Some(JoinField::Zipcode),
            "city" => Some(JoinField::City),
            "date_of_birth" => Some(JoinField::BirthDate),
            "seats" => Some(JoinField::Seats),
            _ => None,
        };
        match field {
            // Every sign-up of a group refuses the same field: one problem each.
            Some(f) if !out.fields.iter().any(|(g, _)| *g == f) => {
                out.fields.push((f, problem_of(f, code, max_seats)));
            }
            Some(_) => {}
            None if !out.others.iter().any(|o| o == name) => out.others.push(name.to_owned()),
            None => {}
        }
    }
    out
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
