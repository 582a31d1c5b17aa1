//! What went wrong, in the user's words: SMS codes, EDS signing, filing,
//! the back office's rules, IINs, the operator's vault.

use super::{Message, labels};
use crate::engine::identity::iin::IinError;
use crate::engine::lifecycle::LifecycleError;
use crate::engine::signing::eds::SignError;
use crate::engine::signing::otp::OtpError;
use crate::engine::source::Lang;
use crate::engine::submission::SubmitError;
use crate::i18n::tr;
use crate::ui::format;

impl Message for OtpError {
    fn message(&self, lang: Lang) -> String {
        match self {
            OtpError::Malformed => tr::otp_error_otp_malformed(lang).into(),
            OtpError::Expired { .. } => tr::otp_error_otp_expired(lang).into(),
            OtpError::WrongCode { tries_left } => {
                tr::otp_error_otp_wrong_code(lang, &tries_left.to_string())
            }
            OtpError::Locked { until } => tr::otp_error_otp_locked(lang, &format::time(*until)),
            OtpError::NoCodeIssued => tr::otp_error_otp_no_code_issued(lang).into(),
            OtpError::AlreadyUsed => tr::otp_error_otp_already_used(lang).into(),
            OtpError::Cooldown { .. } => tr::otp_error_otp_cooldown(lang).into(),
            OtpError::Random(_) => tr::otp_error_random_unavailable(lang).into(),
            OtpError::TooManyCodes { until } => {
                tr::otp_error_otp_too_many_codes(lang, &format::time(*until))
            }
            OtpError::NotVerified => tr::otp_error_otp_not_verified(lang).into(),
            OtpError::DocumentChanged => tr::otp_error_otp_document_changed(lang).into(),
        }
    }
}

impl Message for SignError {
    fn message(&self, lang: Lang) -> String {
        match self {
            SignError::WrongPassword => tr::sign_error_sign_wrong_password(lang).into(),
            SignError::CertificateExpired { not_after } => {
                tr::sign_error_sign_certificate_expired(lang, &format::date_time(*not_after))
            }
            SignError::CertificateNotYetValid { .. } => {
                tr::sign_error_sign_certificate_not_yet_valid(lang).into()
            }
            SignError::WrongOwner { cert_iin } => tr::sign_error_sign_wrong_owner(lang, cert_iin),
            SignError::Tampered => tr::sign_error_sign_tampered(lang).into(),
            SignError::BadCertificate => tr::sign_error_sign_bad_certificate(lang).into(),
            SignError::Corrupt => tr::sign_error_sign_corrupt(lang).into(),
            SignError::KeyMismatch => tr::sign_error_sign_key_mismatch(lang).into(),
            SignError::InvalidIin(_) => tr::sign_error_sign_invalid_iin(lang).into(),
            SignError::EmptyPassword => tr::sign_error_sign_empty_password(lang).into(),
            SignError::BadValidity => tr::sign_error_sign_bad_validity(lang).into(),
            SignError::Random(_) => tr::sign_error_random_unavailable(lang).into(),
            SignError::KeyFileIterations { .. } => {
                tr::sign_error_sign_key_file_iterations(lang).into()
            }
            SignError::SigningTime { .. } => tr::sign_error_sign_signing_time(lang).into(),
        }
    }
}

impl Message for SubmitError {
    fn message(&self, lang: Lang) -> String {
        match self {
            SubmitError::Signature(s) => s.message(lang),
            SubmitError::OtpDocumentChanged => tr::sign_error_sign_tampered(lang).into(),
            SubmitError::Incomplete => tr::sign_error_submit_incomplete(lang).into(),
            SubmitError::Deadline(_) => tr::sign_error_submit_deadline(lang).into(),
        }
    }
}

/// Why the back office could not record a step.
impl Message for LifecycleError {
    fn message(&self, lang: Lang) -> String {
        match self {
            LifecycleError::StaleRevision { .. } => tr::staff_error_changed(lang).to_string(),
            LifecycleError::TimeGoesBackwards { .. } => {
                tr::staff_error_rule(lang, tr::staff_why_time(lang))
            }
            LifecycleError::StorageNotExpired { until } => {
                tr::staff_error_rule(lang, &tr::staff_why_storage(lang, &format::date(*until)))
            }
            _ => tr::staff_error_rule(lang, tr::staff_why_other(lang)),
        }
    }
}

labels! {
    IinError {
        IinError::Empty => signin_iin_error_iin_empty,
        IinError::NotDigits => signin_iin_error_iin_not_digits,
        IinError::WrongLength { .. } => signin_iin_error_iin_wrong_length,
        IinError::BadCentury => signin_iin_error_iin_bad_century,
        IinError::BadDate => signin_iin_error_iin_bad_date,
        IinError::CheckDigitTen => signin_iin_error_iin_check_digit_ten,
        IinError::BadChecksum => signin_iin_error_iin_bad_checksum,
    }
}
