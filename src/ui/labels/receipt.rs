//! Receipts as the verify page names them: their kind, why a code is not
//! genuine, and why a picture gave no code.

use super::{Message, labels};
#[cfg(feature = "scan")]
use crate::engine::receipt::scan::ScanError;
use crate::engine::receipt::{Kind, Malformed, VerifyError};
use crate::engine::source::Lang;
use crate::i18n::tr;

labels! {
    Kind {
        Kind::Acceptance => verify_kind_acceptance,
        Kind::Refusal => verify_kind_refusal,
        Kind::BookingTicket => verify_kind_booking_ticket,
        Kind::ComplaintRegistration => verify_kind_complaint_registration,
    }
}

impl Message for VerifyError {
    fn message(&self, lang: Lang) -> String {
        match self {
            VerifyError::Malformed(Malformed::Empty) => tr::verify_error_empty(lang).into(),
            VerifyError::Malformed(Malformed::NotAReceipt) => {
                tr::verify_error_not_a_receipt(lang).into()
            }
            VerifyError::Malformed(_) => tr::verify_error_damaged(lang).into(),
            VerifyError::UnknownIssuer { .. } => tr::verify_error_unknown_issuer(lang).into(),
            VerifyError::Altered { .. } => tr::verify_error_altered(lang).into(),
            VerifyError::NotAllowed { .. } => tr::verify_error_not_allowed(lang).into(),
        }
    }
}

#[cfg(feature = "scan")]
impl Message for ScanError {
    fn message(&self, lang: Lang) -> String {
        match self {
            ScanError::BadPicture => tr::verify_error_bad_picture(lang),
            ScanError::NoCode => tr::verify_error_no_code(lang),
            ScanError::Unreadable => tr::verify_error_unreadable(lang),
        }
        .into()
    }
}
