//! The parts of the kiosk that live in its lazily loaded chunk.

/// What the kiosk chunk draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// The idle guard: countdown dialog and reset to `start_url`.
    Guard {
        idle_seconds: u32,
        start_url: String,
    },
    /// "Continue on your phone" for an address: a button opening its QR code.
    Phone(String),
    /// The same, where the button's accessible name also says what the address is: the text
    /// of the element with id `labelled_by` (a link's own text) follows "Continue on your
    /// phone".
    PhoneFor { href: String, labelled_by: String },
    /// The QR code of an address, shown at once.
    Qr(String),
}
