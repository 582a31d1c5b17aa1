//! Home visits: a visit's state in a few words, identity documents, PINs.

use super::Label;
use crate::engine::catalog::ReceiptKind;
use crate::engine::registry::IdKind;
use crate::engine::source::Lang;
use crate::engine::visit::{Delivery, PinError, Step, Visit};
use crate::i18n::tr;

/// Where a home visit stands, as the visit list says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitStatus {
    New,
    InProgress,
    Refused,
    ToDeliver,
    Delivered,
}

impl VisitStatus {
    pub fn of(v: &Visit) -> VisitStatus {
        match (&v.step, v.receipt.as_ref()) {
            (Step::Done, Some(r)) if r.kind == ReceiptKind::Refusal => VisitStatus::Refused,
            (Step::Done, Some(r)) => match r.delivery {
                Some(Delivery::Delivered { .. }) => VisitStatus::Delivered,
                _ => VisitStatus::ToDeliver,
            },
            (Step::Identify, _) => VisitStatus::New,
            _ => VisitStatus::InProgress,
        }
    }
}

impl Label for VisitStatus {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            VisitStatus::New => tr::operator_status_new(lang),
            VisitStatus::InProgress => tr::operator_status_in_progress(lang),
            VisitStatus::Refused => tr::operator_status_refused(lang),
            VisitStatus::ToDeliver => tr::operator_status_to_deliver(lang),
            VisitStatus::Delivered => tr::operator_status_delivered(lang),
        }
    }
}

impl Label for IdKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            IdKind::IdCard => tr::operator_id_card(lang),
            IdKind::Passport => tr::operator_id_passport(lang),
            IdKind::BirthCertificate => tr::operator_id_birth_certificate(lang),
        }
    }
}

impl Label for PinError {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            PinError::TooShort => tr::operator_pin_too_short(lang),
            PinError::NotDigits => tr::operator_pin_not_digits(lang),
            PinError::Mismatch => tr::operator_pin_mismatch(lang),
        }
    }
}
