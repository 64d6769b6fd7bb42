//! The parts every form is built from, so each form looks, reads and behaves the same:
//! a [`Field`] (label, hint, the control, its error) with [`Input`], [`TextArea`], [`Select`]
//! or [`Checkbox`] as the control, a [`ChoiceGroup`] of radio buttons or checkboxes, an
//! [`ErrorSummary`] at the top that takes the focus when sending fails, and a [`FilterBar`] for
//! list filters. Styles: `style/forms.css`.
//!
//! Accessibility is wired once here: the label names the control, the hint and the error are
//! in its `aria-describedby`, `aria-invalid` and `aria-required` follow the state, and an error
//! is text (never colour alone). Element ids are `os-` prefixed by the caller.

mod choice;
mod controls;
mod error_summary;
mod field;
mod filter_bar;

pub(crate) use choice::{Choice, ChoiceGroup};
pub(crate) use controls::{Checkbox, Input, Select, TextArea};
pub(crate) use error_summary::{ErrorSummary, Problem};
pub(crate) use field::Field;
pub(crate) use filter_bar::FilterBar;
