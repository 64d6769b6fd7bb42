//! What the join form asks: the resident's name and e-mail, the details the registration
//! requires (telephone, address, date of birth), places and consent.

use super::messages::problem_text;
use crate::components::form::{Checkbox, Field, Input};
use crate::domain::{JoinField, JoinInput, JoinProblem, SignupField};
use crate::i18n::{fill, use_i18n};
use crate::web::device;
use leptos::prelude::*;

/// What is typed into the form, field by field.
#[derive(Clone, Copy)]
pub(crate) struct Typed {
    pub(crate) name: RwSignal<String>,
    pub(crate) email: RwSignal<String>,
    pub(crate) phone: RwSignal<String>,
    pub(crate) street: RwSignal<String>,
    pub(crate) zipcode: RwSignal<String>,
    pub(crate) city: RwSignal<String>,
    pub(crate) birth_date: RwSignal<String>,
    pub(crate) seats: RwSignal<String>,
    pub(crate) consent: RwSignal<bool>,
}

impl Typed {
    pub(crate) fn new() -> Typed {
        let text = || RwSignal::new(String::new());
        Typed {
            name: text(),
            email: text(),
            phone: text(),
            street: text(),
            zipcode: text(),
            city: text(),
            birth_date: text(),
            seats: RwSignal::new("1".to_owned()),
            consent: RwSignal::new(false),
        }
    }

    /// The form's content now, with what the registration requires of it.
    pub(crate) fn input(&self, required: &[SignupField]) -> JoinInput {
        JoinInput {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            street: self.street.get_untracked(),
            zipcode: self.zipcode.get_untracked(),
            city: self.city.get_untracked(),
            birth_date: self.birth_date.get_untracked(),
            seats: self.seats.get_untracked(),
            consent: self.consent.get_untracked(),
            required: required.to_vec(),
        }
    }
}

/// The id of a field's control.
pub(crate) fn field_id(field: JoinField) -> &'static str {
    match field {
        JoinField::Name => "os-ev-join-name",
        JoinField::Email => "os-ev-join-email",
        JoinField::Phone => "os-ev-join-phone",
        JoinField::StreetAddress => "os-ev-join-street",
        JoinField::Zipcode => "os-ev-join-zip",
        JoinField::City => "os-ev-join-city",
        JoinField::BirthDate => "os-ev-join-birth",
        JoinField::Seats => "os-ev-join-seats",
        JoinField::Consent => "os-ev-join-consent",
    }
}

/// The fields of the form. `required` are the details the registration asks for (the others
/// of telephone, address and date of birth are not shown); one place per registration hides
/// the number of places.
#[component]
pub(crate) fn JoinFields(
    typed: Typed,
    required: Vec<SignupField>,
    max_seats: u64,
    problems: RwSignal<Vec<(JoinField, JoinProblem)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kiosk = device::is_kiosk();
    let auto = move |what: &'static str| if kiosk { "off" } else { what };
    let error = move |field: JoinField| {
        Signal::derive(move || {
            problems.with(|p| {
                p.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(f, p)| problem_text(i18n.t(), *f, *p))
            })
        })
    };
    let asks = |f: SignupField| required.contains(&f);
    let seats_hint = move || {
        fill(
            i18n.t().ev_join_seats_hint,
            &[("max", &max_seats.to_string())],
        )
    };
    let name_input = move || view! { <Input value=typed.name name="name" maxlength=200 autocomplete=auto("name")/> };
    // Where the organiser asks for both names, the hint says so.
    let name = if asks(SignupField::FirstName) || asks(SignupField::LastName) {
        view! {
            <Field id=field_id(JoinField::Name) label=i18n.tr(|t| t.ev_join_name) required=true
                hint=i18n.tr(|t| t.ev_join_name_hint) error=error(JoinField::Name)>
                {name_input()}
            </Field>
        }
        .into_any()
    } else {
        view! {
            <Field id=field_id(JoinField::Name) label=i18n.tr(|t| t.ev_join_name) required=true
                error=error(JoinField::Name)>
                {name_input()}
            </Field>
        }
        .into_any()
    };
    view! {
        {name}
        <Field id=field_id(JoinField::Email) label=i18n.tr(|t| t.ev_join_email) optional=true
            hint=i18n.tr(|t| t.ev_join_email_hint) error=error(JoinField::Email)>
            <Input value=typed.email name="email" kind="email" maxlength=254 autocomplete=auto("email")/>
        </Field>
        {asks(SignupField::Phone).then(|| view! {
            <Field id=field_id(JoinField::Phone) label=i18n.tr(|t| t.ev_join_phone) required=true
                hint=i18n.tr(|t| t.ev_join_phone_hint) error=error(JoinField::Phone)>
                <Input value=typed.phone name="phone" kind="tel" maxlength=20 autocomplete=auto("tel")/>
            </Field>
        })}
        {asks(SignupField::StreetAddress).then(|| view! {
            <Field id=field_id(JoinField::StreetAddress) label=i18n.tr(|t| t.ev_join_street)
                required=true error=error(JoinField::StreetAddress)>
                <Input value=typed.street name="street-address" maxlength=500
                    autocomplete=auto("street-address")/>
            </Field>
        })}
        {asks(SignupField::Zipcode).then(|| view! {
            <Field id=field_id(JoinField::Zipcode) label=i18n.tr(|t| t.ev_join_zip) required=true
                error=error(JoinField::Zipcode)>
                <Input value=typed.zipcode name="postal-code" maxlength=10 inputmode="numeric"
                    autocomplete=auto("postal-code")/>
            </Field>
        })}
        {asks(SignupField::City).then(|| view! {
            <Field id=field_id(JoinField::City) label=i18n.tr(|t| t.ev_join_city) required=true
                error=error(JoinField::City)>
                <Input value=typed.city name="city" maxlength=50 autocomplete=auto("address-level2")/>
            </Field>
        })}
        {asks(SignupField::BirthDate).then(|| view! {
            <Field id=field_id(JoinField::BirthDate) label=i18n.tr(|t| t.ev_join_birth) required=true
                hint=i18n.tr(|t| t.ev_join_birth_hint) error=error(JoinField::BirthDate)>
                <Input value=typed.birth_date name="bday" kind="date" autocomplete=auto("bday")/>
            </Field>
        })}
        {if max_seats > 1 {
            view! {
                <Field id=field_id(JoinField::Seats) label=i18n.tr(|t| t.ev_join_seats)
                    hint=seats_hint error=error(JoinField::Seats)>
                    <Input value=typed.seats name="seats" kind="number" inputmode="numeric" min="1"
                        max=max_seats.to_string() autocomplete="off"/>
                </Field>
            }.into_any()
        } else {
            view! { <p class="os-ev-join__one">{i18n.tr(|t| t.ev_join_one_each)}</p> }.into_any()
        }}
        <Field id=field_id(JoinField::Consent) label=i18n.tr(|t| t.ev_join_consent) required=true
            check=true hint=i18n.tr(|t| t.ev_join_consent_text) error=error(JoinField::Consent)>
            <Checkbox checked=typed.consent/>
        </Field>
    }
}
