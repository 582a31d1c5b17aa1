//! Home visits: a visit's state in a few words, identity documents, PINs.

use super::labels;
use crate::engine::catalog::ReceiptKind;
use crate::engine::identity::registry::IdKind;
use crate::engine::visit::{Delivery, PinError, Step, Visit};

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

labels! {
    VisitStatus {
        VisitStatus::New => operator_status_new,
        VisitStatus::InProgress => operator_status_in_progress,
        VisitStatus::Refused => operator_status_refused,
        VisitStatus::ToDeliver => operator_status_to_deliver,
        VisitStatus::Delivered => operator_status_delivered,
    }
    IdKind {
        IdKind::IdCard => operator_id_card,
        IdKind::Passport => operator_id_passport,
        IdKind::BirthCertificate => operator_id_birth_certificate,
    }
    PinError {
        PinError::TooShort => operator_pin_too_short,
        PinError::NotDigits => operator_pin_not_digits,
        PinError::Mismatch => operator_pin_mismatch,
        PinError::Trivial => operator_pin_trivial,
        PinError::TooLong => operator_pin_too_long,
    }
}
