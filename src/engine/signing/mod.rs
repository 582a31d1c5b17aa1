//! Consent and signatures with real cryptography, and the encryption that
//! keeps their secrets at rest.
//!
//! - [`otp`]: the SMS one-time code (HOTP/TOTP, RFC 4226/6238) that signs an
//!   application or confirms a consent (F001 §8).
//! - [`eds`]: the electronic digital signature (EDS / ЭЦП): Ed25519 keys,
//!   a demo certificate authority, password-protected key files.
//! - [`vault`]: PBKDF2 + AES-GCM, the one place keys and sealed data are
//!   made; the key files and the operator's data use it.
//!
//! They live together because they share the threat model: everything runs
//! in the browser, so randomness and the time now are parameters, and no
//! secret is ever stored in the clear.

mod canonical;
pub mod eds;
pub mod otp;
pub mod vault;

/// A signature as it is handed in with what it signs: an EDS signature, or
/// the proof ([`otp::OtpConfirmation`]) that an SMS code was right for the
/// digest of exactly that document. There is no way to claim an SMS
/// signature without a verified session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signed {
    Eds(eds::SignedDocument),
    Otp(otp::OtpConfirmation),
}
