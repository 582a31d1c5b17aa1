//! Receipts anyone can verify, offline.
//!
//! Every acceptance and refusal receipt, booking ticket and complaint
//! registration carries a QR code whose text is the receipt's own
//! statement, signed by the issuing office's key: a school clerk, a State
//! Corporation employee or the citizen later scans it, and the app checks
//! the signature against the public keys it ships with
//! (`data/issuers.toml`). No network, no lookup in anyone's records.
//!
//! - [`statement`]: what a receipt states ([`Statement`]) and its compact
//!   binary form;
//! - [`issuer`]: who signs (portal, State Corporation offices, providers),
//!   their public keys and **demo** private keys;
//! - [`issue`] and [`verify`]: the `QJ1.` code;
//! - [`qr`]: the QR code of a code, its version and printed size;
//! - `scan`: the text of a QR code in a picture (feature `scan`);
//! - [`from`]: statements from the records the portal keeps (submissions,
//!   tickets, complaints, home visits).
//!
//! The code is `QJ1.` followed by base32: 158–232 characters, a QR code of
//! version 7–9 at level M, 26.5–30.5 mm a side with its quiet zone at a
//! 0.5 mm module (`tests/receipt.rs` measures each kind; a refusal is the
//! longest, as it lists its grounds and missing documents by id).
//!
//! ```
//! use qujat::engine::receipt::{self, Holder, Malformed, Statement, VerifyError, What};
//! use qujat::engine::service::ServiceId;
//! use qujat::engine::term::Channel;
//!
//! let accepted = Statement {
//!     reference: "S2-250320-23Y2H9".into(),
//!     service: ServiceId::S2,
//!     channel: Channel::Portal,
//!     holder: Holder::of_iin("850314401018")?,
//!     issued_at: "2025-03-20T05:00:00Z".parse().unwrap(),
//!     what: What::Acceptance { due: "2025-04-10".parse().unwrap() },
//! };
//! let signed = receipt::issue(&accepted, "portal")?;
//! assert!(signed.code.starts_with("QJ1."));
//!
//! // Scanned later, on any device: genuine, and it says what was signed.
//! let ok = receipt::verify(&signed.code)?;
//! assert_eq!(ok.statement, accepted);
//! assert_eq!(ok.issuer.id, "portal");
//! assert!(ok.statement.holder.matches("850314401018"));
//!
//! // One character changed: not genuine, and the answer says why.
//! let mut altered = signed.code.clone().into_bytes();
//! let i = 30;
//! altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
//! let altered = String::from_utf8(altered)?;
//! assert!(matches!(receipt::verify(&altered), Err(VerifyError::Altered { .. })));
//! // Not a receipt at all.
//! assert_eq!(
//!     receipt::verify("https://example.com").unwrap_err(),
//!     VerifyError::Malformed(Malformed::NotAReceipt)
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod code;
pub mod from;
pub mod issuer;
pub mod qr;
#[cfg(feature = "scan")]
pub mod scan;
pub mod statement;

pub use code::{PREFIX, SignedReceipt, TEXT_MAX, VerifiedReceipt, encode_with_key, issue, verify};
pub use issuer::{Issuer, IssuerKind};
pub use statement::{EncodeError, Holder, Kind, Statement, What};

/// How a text fails to be a receipt code at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// Nothing but whitespace.
    Empty,
    /// Longer than any receipt code ([`TEXT_MAX`]).
    TooLong,
    /// It does not start with `QJ1.` (a web address, another QR code).
    NotAReceipt,
    /// `QJ2.` or another version this build does not read.
    OtherVersion,
    /// Characters outside base32, or a length base32 never has.
    Encoding,
    /// The decoded bytes are not as long as they say: cut off, or with
    /// something appended.
    Length,
    /// Signed by a listed key, yet not a statement this build can read.
    Payload,
}

impl Malformed {
    fn describe(self) -> &'static str {
        match self {
            Malformed::Empty => "empty",
            Malformed::TooLong => "too long",
            Malformed::NotAReceipt => "not a Qujat receipt code",
            Malformed::OtherVersion => "a receipt format this version does not read",
            Malformed::Encoding => "not valid base32",
            Malformed::Length => "truncated or extended",
            Malformed::Payload => "an unreadable statement",
        }
    }
}

/// Why a receipt code is not accepted as genuine. `code()` is stable for
/// the UI's messages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "receipt-", serialize_all = "kebab-case")]
pub enum VerifyError {
    /// Not a receipt code, or a damaged one (see [`Malformed`]).
    #[error("not a receipt code: {}", .0.describe())]
    Malformed(Malformed),
    /// Signed by a key that is not in the app's list (a forgery with its
    /// own key, or an issuer this version does not know).
    #[error("signed by an unknown key {}", crate::engine::signing::vault::hex_encode(.key_id))]
    UnknownIssuer { key_id: [u8; 4] },
    /// The signature does not match: something was changed after signing.
    #[error("the receipt was changed after {issuer} signed it")]
    Altered { issuer: String },
    /// A genuine signature on a kind of receipt this issuer does not issue
    /// (a portal "booking ticket").
    #[error("{issuer} does not issue {} receipts", .kind.slug())]
    NotAllowed { issuer: String, kind: Kind },
}

impl VerifyError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `receipt-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// Why a receipt could not be issued (a mistake of the caller or the data,
/// never the citizen's).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IssueError {
    #[error("no issuer {0:?} in issuers.toml")]
    UnknownIssuer(String),
    #[error("{issuer} does not issue {} receipts", .kind.slug())]
    NotAllowed { issuer: String, kind: Kind },
    /// A refusal names an id that is not the service's refusal ground or
    /// document rule.
    #[error("{0:?} is not a refusal ground or document of the service")]
    NotInCatalogue(String),
    #[error("{0}")]
    Encode(#[source] EncodeError),
    /// The statement is longer than a receipt code holds (255 bytes).
    #[error("the statement does not fit a receipt code")]
    TooLong,
}
