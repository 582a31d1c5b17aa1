//! The checks every record of a data file passes before it is merged: a
//! sensible collection name and id, the signed-in person as its owner, and
//! every signature it carries verified.
//!
//! Records are JSON, so the signatures are found by the shapes the portal
//! stores them in (the contract with the UI):
//!
//! - `signature: { method: "eds", signed: SignedDocument }` (submissions,
//!   complaints): the demo CA's certificate, the signer is the person, the
//!   signature matches the signed document at the record's own signing time
//!   (`submitted_at`, `filed_at` or `signed_at`, else the certificate's
//!   first day: a signature stays valid after its certificate expires), and
//!   a top-level `document` is exactly the signed one;
//! - `signature: { method: "otp", digest_hex }`: the SMS code confirmed a
//!   digest; with a top-level `document`, it must be that document's;
//! - a key file (`certificate` and `encrypted_private_key`): readable, its
//!   certificate the demo CA's (the private key stays sealed under its own
//!   password, which the import never sees);
//! - `receipt_code`: a receipt code ([`receipt::verify`]) whose holder is
//!   the person.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::bundle::{digits, is_collection_name, is_record_id, owners};
use crate::engine::json;
use crate::engine::receipt;
use crate::engine::signing::eds::{self, KeyFile, SignError, SignedDocument};
use crate::engine::submission;

/// Why one record of a file was not merged. `code()` is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(tag = "why", rename_all = "kebab-case")]
#[strum(prefix = "transfer-", serialize_all = "kebab-case")]
pub enum Refused {
    /// The collection's name is not one the portal could have given.
    BadCollection,
    /// An empty, overlong or control-character id.
    BadId,
    /// A second record with an id already seen in this collection of the file.
    #[strum(serialize = "duplicate")]
    DuplicateInFile,
    /// The record names another person as its owner or signer.
    OtherPerson,
    /// An EDS signature that does not verify; `code` is the
    /// [`SignError::code`] (`sign-tampered`, `sign-bad-certificate`…).
    Signature { code: &'static str },
    /// A signature of a method this version does not know.
    UnknownSignature,
    /// The record's document is not the one that was signed.
    DocumentChanged,
    /// A key file that cannot be read or whose certificate is not genuine;
    /// `code` as for [`Refused::Signature`].
    KeyFile { code: &'static str },
    /// A receipt code that is not genuine; `code` is the
    /// [`VerifyError::code`](receipt::VerifyError::code).
    Receipt { code: &'static str },
}

impl Refused {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `transfer-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive (an older name by `#[strum(serialize)]`). The
    /// arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            Refused::Signature { code } | Refused::KeyFile { code } | Refused::Receipt { code } => {
                code
            }
            // A record changed since it was signed, as a signature check says it.
            Refused::DocumentChanged => "sign-tampered",
            e => e.into(),
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::BadCollection => f.write_str("not a collection name"),
            Refused::BadId => f.write_str("not a record id"),
            Refused::DuplicateInFile => f.write_str("the same id twice in the file"),
            Refused::OtherPerson => f.write_str("it belongs to another person"),
            Refused::Signature { code } => write!(f, "the signature does not verify ({code})"),
            Refused::UnknownSignature => f.write_str("a signature of an unknown kind"),
            Refused::DocumentChanged => f.write_str("the document is not the one signed"),
            Refused::KeyFile { code } => write!(f, "the key file is not genuine ({code})"),
            Refused::Receipt { code } => write!(f, "the receipt is not genuine ({code})"),
        }
    }
}

/// The instant the record says it was signed at.
fn signing_time(data: &Value) -> Option<DateTime<Utc>> {
    ["submitted_at", "filed_at", "signed_at"]
        .iter()
        .find_map(|k| json::date::parse_utc(data.get(*k)?.as_str()?))
}

fn check_signature(data: &Value, person: &str) -> Result<(), Refused> {
    let Some(sig) = data.get("signature").filter(|s| s.is_object()) else {
        return Ok(());
    };
    match sig.get("method").map(|m| m.as_str()) {
        None => Ok(()),
        Some(Some("eds")) => {
            let corrupt = Refused::Signature { code: SignError::Corrupt.code() };
            let signed: SignedDocument =
                json::from_value(sig.get("signed").ok_or(corrupt.clone())?).map_err(|_| corrupt)?;
            let when = signing_time(data).unwrap_or(signed.certificate.not_before);
            eds::verify(&signed, person, when).map_err(|e| match e {
                SignError::WrongOwner { .. } => Refused::OtherPerson,
                e => Refused::Signature { code: e.code() },
            })?;
            match data.get("document") {
                Some(doc) if *doc != signed.document => Err(Refused::DocumentChanged),
                _ => Ok(()),
            }
        }
        Some(Some("otp")) => {
            let digest = sig.get("digest_hex").and_then(Value::as_str);
            match (data.get("document"), digest) {
                (Some(doc), Some(d)) if submission::digest_hex(doc) != d => {
                    Err(Refused::DocumentChanged)
                }
                (Some(_), None) => Err(Refused::DocumentChanged),
                _ => Ok(()),
            }
        }
        Some(_) => Err(Refused::UnknownSignature),
    }
}

fn check_key_file(data: &Value) -> Result<(), Refused> {
    if data.get("certificate").is_none() || data.get("encrypted_private_key").is_none() {
        return Ok(());
    }
    KeyFile::from_file_string(&data.to_string())
        .map(|_| ())
        .map_err(|e| Refused::KeyFile { code: e.code() })
}

fn check_receipt(data: &Value, person: &str) -> Result<(), Refused> {
    let Some(code) = data.get("receipt_code") else {
        return Ok(());
    };
    let code = code.as_str().unwrap_or_default();
    let v = receipt::verify(code).map_err(|e| Refused::Receipt { code: e.code() })?;
    if !v.statement.holder.matches(person) {
        return Err(Refused::OtherPerson);
    }
    Ok(())
}

/// Every record check but duplicates (the caller sees the whole file).
/// `person` is a validated IIN.
pub(super) fn record(
    collection: &str, id: &str, data: &Value, person: &str,
) -> Result<(), Refused> {
    if !is_collection_name(collection) {
        return Err(Refused::BadCollection);
    }
    if !is_record_id(id) {
        return Err(Refused::BadId);
    }
    owner(data, person)?;
    check_signature(data, person)?;
    check_key_file(data)?;
    check_receipt(data, person)
}

/// Every owner the record names is `person` ([`owners`]).
pub(super) fn owner(data: &Value, person: &str) -> Result<(), Refused> {
    if owners(data).into_iter().any(|o| digits(o) != person) {
        return Err(Refused::OtherPerson);
    }
    Ok(())
}
