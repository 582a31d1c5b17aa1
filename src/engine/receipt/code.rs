//! The receipt code: `QJ1.` and the base32 of the signed bytes.
//!
//! ```text
//! QJ1.BASE32( n u8 · key id [4] · body [n − 4] · Ed25519 signature [64] )
//! signed message: "QJ1" · n · key id · body
//! ```
//!
//! The order of the checks in [`verify`] is chosen so that each failure
//! gets its own answer: the length byte makes a cut-off code *malformed*
//! (not *altered*); the key id is read before anything else is trusted, so
//! a key the app does not ship is an *unknown issuer*; the signature is
//! checked before the body is parsed, so any changed byte of the body is
//! *altered* even if it no longer parses; and only a genuine, parsed
//! receipt is checked against what its issuer may issue.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::issuer::{self, Issuer};
use super::statement::{self, Statement, What};
use super::{IssueError, Malformed, VerifyError};
use crate::engine::catalog;
use crate::engine::codec::base32;

/// The prefix of every receipt code of this format.
pub const PREFIX: &str = "QJ1.";

/// Longest text [`verify`] reads; anything longer is refused before it is
/// decoded. The longest code a statement can make is under 800 characters.
pub const TEXT_MAX: usize = 1024;

const SIG_LEN: usize = 64;
const KEY_ID_LEN: usize = 4;

/// A receipt as issued: what it states, who signed it, and the code for
/// its QR (store it with the record; [`verify`] reads it back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedReceipt {
    /// What was signed; `issued_at` is cut to the second, as signed.
    pub statement: Statement,
    /// The issuer's id in `issuers.toml`.
    pub issuer: String,
    /// `QJ1.…`: the QR code's text.
    pub code: String,
}

/// A receipt that verified: what it states, and its issuer from the list
/// that ships with the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifiedReceipt {
    pub statement: Statement,
    pub issuer: &'static Issuer,
}

fn message(signed_part: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(3 + signed_part.len());
    m.extend_from_slice(b"QJ1");
    m.extend_from_slice(signed_part);
    m
}

/// The code of `statement` signed by `key`, without the checks [`issue`]
/// makes (issuer list, what it may issue, the catalogue's ids). For tests
/// and tools: a code signed by a key not in `issuers.toml` is refused by
/// [`verify`] as an unknown issuer.
pub fn encode_with_key(statement: &Statement, key: &SigningKey) -> Result<String, IssueError> {
    let body = statement::encode(statement).map_err(IssueError::Encode)?;
    let n = u8::try_from(KEY_ID_LEN + body.len()).map_err(|_| IssueError::TooLong)?;
    let mut bytes = Vec::with_capacity(1 + usize::from(n) + SIG_LEN);
    bytes.push(n);
    bytes.extend_from_slice(&issuer::key_id(&key.verifying_key().to_bytes()));
    bytes.extend_from_slice(&body);
    let sig = key.try_sign(&message(&bytes)).map_err(|_| IssueError::TooLong)?;
    bytes.extend_from_slice(&sig.to_bytes());
    Ok(format!("{PREFIX}{}", base32::encode(&bytes)))
}

/// Ids a refusal names must be the service's refusal grounds and document
/// rules: the verify page shows them from the catalogue.
fn check_ids(statement: &Statement) -> Result<(), IssueError> {
    let What::Refusal { grounds, missing } = &statement.what else {
        return Ok(());
    };
    let svc = catalog::service(statement.service);
    for g in grounds {
        if svc.refusal_ground(g).is_none() {
            return Err(IssueError::NotInCatalogue(g.clone()));
        }
    }
    for m in missing {
        if !svc.documents.iter().any(|d| d.id == *m) {
            return Err(IssueError::NotInCatalogue(m.clone()));
        }
    }
    Ok(())
}

/// Signs `statement` with the demo key of issuer `issuer_id`.
///
/// Refused: an issuer not in `issuers.toml`, a kind it does not issue, a
/// refusal naming ids the service's catalogue does not have, and a
/// statement with no binary form ([`statement::EncodeError`]).
pub fn issue(statement: &Statement, issuer_id: &str) -> Result<SignedReceipt, IssueError> {
    let issuer =
        issuer::issuer(issuer_id).ok_or_else(|| IssueError::UnknownIssuer(issuer_id.into()))?;
    let kind = statement.kind();
    if !issuer.may_issue(kind) {
        return Err(IssueError::NotAllowed { issuer: issuer.id.clone(), kind });
    }
    check_ids(statement)?;
    let mut statement = statement.clone();
    statement.issued_at = chrono::DateTime::from_timestamp(statement.issued_at.timestamp(), 0)
        .ok_or(IssueError::Encode(statement::EncodeError::OutOfRange))?;
    let code = encode_with_key(&statement, &issuer::demo_signing_key(&issuer.id))?;
    Ok(SignedReceipt { statement, issuer: issuer.id.clone(), code })
}

/// Reads and checks a receipt code, as scanned or pasted: surrounding
/// whitespace and the letter case are forgiven (a QR reader or a mail
/// client may change them), nothing else. Never panics, whatever the input.
pub fn verify(text: &str) -> Result<VerifiedReceipt, VerifyError> {
    if text.len() > 4 * TEXT_MAX {
        return Err(VerifyError::Malformed(Malformed::TooLong));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(VerifyError::Malformed(Malformed::Empty));
    }
    if text.len() > TEXT_MAX {
        return Err(VerifyError::Malformed(Malformed::TooLong));
    }
    let upper = text.to_ascii_uppercase();
    let Some(rest) = upper.strip_prefix(PREFIX) else {
        let b = upper.as_bytes();
        let other_version =
            b.len() >= 4 && b.starts_with(b"QJ") && b[2].is_ascii_digit() && b[3] == b'.';
        return Err(VerifyError::Malformed(if other_version {
            Malformed::OtherVersion
        } else {
            Malformed::NotAReceipt
        }));
    };
    let bytes = base32::decode(rest).ok_or(VerifyError::Malformed(Malformed::Encoding))?;
    let n = usize::from(*bytes.first().ok_or(VerifyError::Malformed(Malformed::Length))?);
    if n <= KEY_ID_LEN || bytes.len() != 1 + n + SIG_LEN {
        return Err(VerifyError::Malformed(Malformed::Length));
    }
    let (signed, sig) = bytes.split_at(1 + n);
    let key_id: [u8; 4] = [signed[1], signed[2], signed[3], signed[4]];
    let issuer = issuer::by_key_id(key_id).ok_or(VerifyError::UnknownIssuer { key_id })?;
    let altered = VerifyError::Altered { issuer: issuer.id.clone() };
    let key = VerifyingKey::from_bytes(&issuer.public_key).map_err(|_| altered.clone())?;
    let sig = Signature::from_slice(sig).map_err(|_| altered.clone())?;
    key.verify_strict(&message(signed), &sig).map_err(|_| altered)?;
    let statement = statement::decode(&signed[1 + KEY_ID_LEN..])
        .ok_or(VerifyError::Malformed(Malformed::Payload))?;
    let kind = statement.kind();
    if !issuer.may_issue(kind) {
        return Err(VerifyError::NotAllowed { issuer: issuer.id.clone(), kind });
    }
    Ok(VerifiedReceipt { statement, issuer })
}
