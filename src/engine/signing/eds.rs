//! A simulation of the electronic digital signature (EDS / ЭЦП / ЭЦҚ) flow
//! with real cryptography: each user gets an Ed25519 key pair, a certificate
//! binding its public key to their IIN and name, signed by a demo CA, and a
//! password-protected "key file" they can download and re-import.
//!
//! This is NOT the National Certification Authority (NCA RK) and proves
//! nothing outside the demo: the CA key is derived from a constant seed that
//! is published right here ([`DEMO_CA_SEED`]), so anyone can mint
//! certificates that verify. It exists to exercise the real failure paths
//! (wrong password, expired certificate, someone else's key, a document
//! changed after signing) end to end in the browser.
//!
//! ```
//! use chrono::{TimeDelta, Utc, TimeZone};
//! use qujat::engine::signing::eds::{self, KeyFile, SignError};
//!
//! let now = Utc.with_ymd_and_hms(2025, 3, 20, 5, 0, 0).unwrap();
//! // A key file for IIN 850314401018, valid for a year. Randomness is the
//! // caller's (here fixed); few PBKDF2 iterations keep the example fast.
//! let key = KeyFile::create_with_iterations(
//!     "850314401018", "Сұлтанова Әйгерім", "pass phrase", now, 365,
//!     ([7; 32], [1; 16], [2; 12]), 1_000,
//! )?;
//! let application = serde_json::json!({ "service": "S2", "year": "2010" });
//! let signed = eds::sign(&key, "pass phrase", "850314401018", &application, now)?;
//! assert_eq!(eds::verify(&signed, "850314401018", now), Ok(()));
//! // A changed document, someone else's IIN, a wrong password: refused.
//! let mut changed = signed.clone();
//! changed.document["year"] = "2011".into();
//! assert_eq!(eds::verify(&changed, "850314401018", now), Err(SignError::Tampered));
//! assert!(matches!(
//!     eds::verify(&signed, "781123301754", now),
//!     Err(SignError::WrongOwner { .. })
//! ));
//! assert_eq!(
//!     eds::sign(&key, "wrong", "850314401018", &application, now),
//!     Err(SignError::WrongPassword)
//! );
//! // The certificate is checked when the document was signed: a year
//! // later, once it has expired, the signature still verifies...
//! let later = now + TimeDelta::days(400);
//! assert_eq!(eds::verify(&signed, "850314401018", later), Ok(()));
//! // ...but no new document can be signed with it.
//! assert!(matches!(
//!     eds::sign(&key, "pass phrase", "850314401018", &application, later),
//!     Err(SignError::CertificateExpired { .. })
//! ));
//! # Ok::<(), SignError>(())
//! ```

use std::sync::OnceLock;

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub use super::canonical::{canonical_json, digest_hex};
use super::vault::{self, RandomUnavailable, Sealed, VaultError};
use crate::engine::identity::iin::{self, IinError};

/// The issuer name every demo certificate carries.
pub const ISSUER: &str = "Qujat demo CA";

/// Seed of the demo CA's Ed25519 key. Public on purpose: this is a
/// simulation, and the key protects nothing.
pub const DEMO_CA_SEED: [u8; 32] = *b"qujat-demo-ca-seed-not-secret!!!";

fn ca_key() -> &'static SigningKey {
    static KEY: OnceLock<SigningKey> = OnceLock::new();
    KEY.get_or_init(|| SigningKey::from_bytes(&DEMO_CA_SEED))
}

/// The demo CA's public key, for display and tests.
pub fn demo_ca_public_key() -> [u8; 32] {
    ca_key().verifying_key().to_bytes()
}

/// Why a key file could not be made, used, or a signature checked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "sign-", serialize_all = "kebab-case")]
pub enum SignError {
    /// The password does not open the key file (AES-GCM tag fails).
    #[error("wrong key file password")]
    WrongPassword,
    #[error("the certificate expired at {not_after}")]
    CertificateExpired { not_after: DateTime<Utc> },
    #[error("the certificate is valid only from {not_before}")]
    CertificateNotYetValid { not_before: DateTime<Utc> },
    /// The certificate belongs to another IIN than the one signing or expected.
    #[error("the certificate belongs to IIN {cert_iin}")]
    WrongOwner { cert_iin: String },
    /// The signature does not verify: the document changed after signing.
    #[error("the signature does not match the document (changed after signing)")]
    Tampered,
    /// The certificate's CA signature is invalid (forged or edited certificate).
    #[error("the certificate's CA signature is invalid")]
    BadCertificate,
    /// The key file or signature cannot be decoded.
    #[error("the key file or signature cannot be read")]
    Corrupt,
    /// The decrypted private key is not the one the certificate names.
    #[error("the private key does not match the certificate")]
    KeyMismatch,
    /// An IIN argument is not a valid IIN.
    #[error("invalid IIN: {0}")]
    InvalidIin(#[source] IinError),
    /// A key file needs a non-empty password.
    #[error("the key file password is empty")]
    EmptyPassword,
    /// A validity of 0 days, or one past the end of time.
    #[error("invalid certificate validity period")]
    BadValidity,
    /// No randomness for [`KeyFile::create_random`].
    #[error("{0}")]
    Random(#[from] RandomUnavailable),
    /// An imported key file names a key derivation of 0 or more than
    /// [`vault::MAX_ITERATIONS`] iterations: so costly that opening it would
    /// keep the browser busy for minutes.
    #[error(
        "the key file's key derivation has {iterations} iterations, outside 1..={}",
        vault::MAX_ITERATIONS
    )]
    KeyFileIterations { iterations: u32 },
    /// The signing time in the signed data is not the time the document was
    /// handed in (more than [`SIGNING_TIME_TOLERANCE_SECS`] apart).
    #[error("the signing time {signed_at} is not the time of handing in")]
    SigningTime { signed_at: DateTime<Utc> },
}

impl SignError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `sign-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive. The arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::Random(e) => e.code(),
            e => e.into(),
        }
    }
}

/// A demo certificate: who owns the public key, for how long, and the demo
/// CA's signature over the canonical body (every field but `signature`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// First 8 bytes of SHA-256 of the public key, upper-case hex.
    pub serial: String,
    /// Whose key it is: a signature counts only for this IIN.
    pub owner_iin: String,
    pub owner_name: String,
    /// The period in force, both ends included.
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub not_before: DateTime<Utc>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub not_after: DateTime<Utc>,
    #[serde(with = "vault::hex_array")]
    pub public_key: [u8; 32],
    pub issuer: String,
    /// Ed25519 signature of the CA over [`Certificate::body`], hex.
    pub signature: String,
}

fn time_string(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

impl Certificate {
    /// The canonical JSON the CA signs: all fields but `signature`, keys
    /// sorted, times as RFC 3339 in UTC (`Z`), the key as lower-case hex.
    pub fn body(&self) -> String {
        let mut m = Map::new();
        let mut put = |k: &str, v: String| {
            m.insert(k.to_string(), Value::String(v));
        };
        put("issuer", self.issuer.clone());
        put("not_after", time_string(self.not_after));
        put("not_before", time_string(self.not_before));
        put("owner_iin", self.owner_iin.clone());
        put("owner_name", self.owner_name.clone());
        put("public_key", vault::hex_encode(&self.public_key));
        put("serial", self.serial.clone());
        canonical_json(&Value::Object(m))
    }

    /// True when the demo CA's signature over the body verifies.
    pub fn is_authentic(&self) -> bool {
        let Some(sig) = decode_signature(&self.signature) else {
            return false;
        };
        self.issuer == ISSUER
            && ca_key().verifying_key().verify_strict(self.body().as_bytes(), &sig).is_ok()
    }

    /// Whether the certificate is in force at `now` (both ends inclusive).
    pub fn check_validity(&self, now: DateTime<Utc>) -> Result<(), SignError> {
        if now < self.not_before {
            return Err(SignError::CertificateNotYetValid { not_before: self.not_before });
        }
        if now > self.not_after {
            return Err(SignError::CertificateExpired { not_after: self.not_after });
        }
        Ok(())
    }
}

fn decode_signature(hex: &str) -> Option<Signature> {
    vault::hex_decode_array::<64>(hex).map(|b| Signature::from_bytes(&b))
}

/// A user's downloadable key file: the certificate in clear and the Ed25519
/// private key (its 32-byte seed) sealed under the user's password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub certificate: Certificate,
    pub encrypted_private_key: Sealed,
}

impl KeyFile {
    /// Issue a key pair and demo certificate for `owner_iin`, valid from
    /// `now` (to the second) for `validity_days`. All randomness comes from
    /// the caller: `rng_seed` is the private key, `salt`/`nonce` seal it.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        owner_iin: &str, owner_name: &str, password: &str, now: DateTime<Utc>, validity_days: u32,
        rng_seed: [u8; 32], salt: [u8; 16], nonce: [u8; 12],
    ) -> Result<KeyFile, SignError> {
        KeyFile::create_with_iterations(
            owner_iin,
            owner_name,
            password,
            now,
            validity_days,
            (rng_seed, salt, nonce),
            vault::DEFAULT_ITERATIONS,
        )
    }

    /// [`KeyFile::create`] with a PBKDF2 iteration count of the caller's
    /// choosing (tests use few iterations to stay fast in debug builds).
    pub fn create_with_iterations(
        owner_iin: &str, owner_name: &str, password: &str, now: DateTime<Utc>, validity_days: u32,
        (rng_seed, salt, nonce): ([u8; 32], [u8; 16], [u8; 12]), iterations: u32,
    ) -> Result<KeyFile, SignError> {
        iin::validate(owner_iin).map_err(SignError::InvalidIin)?;
        if password.is_empty() {
            return Err(SignError::EmptyPassword);
        }
        if validity_days == 0 {
            return Err(SignError::BadValidity);
        }
        let key = vault::VaultKey::derive(password, salt, iterations);
        KeyFile::create_with_key(owner_iin, owner_name, now, validity_days, (rng_seed, nonce), &key)
    }

    /// [`KeyFile::create`] with the password's key already derived (in the
    /// browser, by WebCrypto: see [`vault`]); the file records the key's salt
    /// and iteration count. The caller checks the password is not empty.
    pub fn create_with_key(
        owner_iin: &str, owner_name: &str, now: DateTime<Utc>, validity_days: u32,
        (rng_seed, nonce): ([u8; 32], [u8; 12]), key: &vault::VaultKey,
    ) -> Result<KeyFile, SignError> {
        let owner = iin::validate(owner_iin).map_err(SignError::InvalidIin)?;
        if validity_days == 0 {
            return Err(SignError::BadValidity);
        }
        let not_before =
            DateTime::<Utc>::from_timestamp(now.timestamp(), 0).ok_or(SignError::BadValidity)?;
        let not_after = not_before
            .checked_add_signed(TimeDelta::days(i64::from(validity_days)))
            .ok_or(SignError::BadValidity)?;
        let signing_key = SigningKey::from_bytes(&rng_seed);
        let public_key = signing_key.verifying_key().to_bytes();
        let digest = Sha256::digest(public_key);
        let serial = vault::hex_encode(digest.get(..8).unwrap_or_default()).to_uppercase();
        let mut certificate = Certificate {
            serial,
            owner_iin: owner.iin,
            owner_name: owner_name.trim().to_string(),
            not_before,
            not_after,
            public_key,
            issuer: ISSUER.to_string(),
            signature: String::new(),
        };
        let ca_sig = ca_key()
            .try_sign(certificate.body().as_bytes())
            .map_err(|_| SignError::BadCertificate)?;
        certificate.signature = vault::hex_encode(&ca_sig.to_bytes());
        let encrypted_private_key = vault::seal_with_key(key, &rng_seed, nonce);
        Ok(KeyFile { certificate, encrypted_private_key })
    }

    /// [`KeyFile::create`] with randomness from the platform.
    pub fn create_random(
        owner_iin: &str, owner_name: &str, password: &str, now: DateTime<Utc>, validity_days: u32,
    ) -> Result<KeyFile, SignError> {
        KeyFile::create(
            owner_iin,
            owner_name,
            password,
            now,
            validity_days,
            vault::random_bytes()?,
            vault::random_bytes()?,
            vault::random_bytes()?,
        )
    }

    /// The file a user downloads (pretty JSON).
    pub fn to_file_string(&self) -> String {
        // Serialising these plain structs cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Re-import a downloaded key file. Anything that does not parse, or
    /// whose sealed key is malformed, is [`SignError::Corrupt`]; a key
    /// derivation of 0 or more than [`vault::MAX_ITERATIONS`] iterations is
    /// [`SignError::KeyFileIterations`] (so a crafted file cannot keep the
    /// browser deriving for hours); a
    /// certificate the demo CA did not sign is [`SignError::BadCertificate`].
    pub fn from_file_string(s: &str) -> Result<KeyFile, SignError> {
        let kf: KeyFile = crate::engine::json::from_str(s).map_err(|_| SignError::Corrupt)?;
        let iterations = kf.encrypted_private_key.iterations;
        if !(1..=vault::MAX_ITERATIONS).contains(&iterations) {
            return Err(SignError::KeyFileIterations { iterations });
        }
        kf.encrypted_private_key.check().map_err(|_| SignError::Corrupt)?;
        if !kf.certificate.is_authentic() {
            return Err(SignError::BadCertificate);
        }
        Ok(kf)
    }

    /// The salt and iteration count to derive this file's key with (see
    /// [`vault`]); [`SignError::Corrupt`] if the file's parameters are not
    /// sane.
    pub fn kdf_input(&self) -> Result<([u8; 16], u32), SignError> {
        self.encrypted_private_key.kdf_input().map_err(|_| SignError::Corrupt)
    }

    /// Decrypt the private key and check it matches the certificate.
    fn unlock(&self, password: &str) -> Result<SigningKey, SignError> {
        let (salt, iterations) = self.kdf_input()?;
        self.unlock_with_key(&vault::VaultKey::derive(password, salt, iterations))
    }

    /// [`KeyFile::unlock`] with the password's key already derived.
    fn unlock_with_key(&self, key: &vault::VaultKey) -> Result<SigningKey, SignError> {
        let seed = vault::open_with_key(key, &self.encrypted_private_key).map_err(|e| match e {
            VaultError::WrongPassword | VaultError::OtherKey => SignError::WrongPassword,
            _ => SignError::Corrupt,
        })?;
        let seed: [u8; 32] = seed.try_into().map_err(|_| SignError::Corrupt)?;
        let key = SigningKey::from_bytes(&seed);
        if key.verifying_key().to_bytes() != self.certificate.public_key {
            return Err(SignError::KeyMismatch);
        }
        Ok(key)
    }
}

/// A document with its signature, the signing time and the signer's
/// certificate: everything a verifier needs, at any later date.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedDocument {
    pub document: Value,
    /// When it was signed, to the second, itself covered by the signature:
    /// the certificate is checked at this time, not at "now", so a document
    /// signed while the certificate was in force stays valid after it
    /// expires. `None` in signatures made before it was carried (those
    /// cover the document alone, and are checked at a time the caller
    /// supplies).
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    pub signed_at: Option<DateTime<Utc>>,
    /// Ed25519 signature over [`SignedDocument::signed_bytes`], hex.
    pub signature_hex: String,
    pub certificate: Certificate,
}

/// How far apart the signing time and the time of handing in may be.
pub const SIGNING_TIME_TOLERANCE_SECS: i64 = 10 * 60;

impl SignedDocument {
    /// What the signature covers: with a signing time, the canonical JSON of
    /// `{"document": …, "signed_at": "<RFC 3339>"}`; without one (older
    /// signatures), the canonical JSON of the document alone.
    pub fn signed_bytes(&self) -> Vec<u8> {
        signed_bytes(&self.document, self.signed_at)
    }
}

fn signed_bytes(document: &Value, signed_at: Option<DateTime<Utc>>) -> Vec<u8> {
    match signed_at {
        Some(t) => {
            let mut m = Map::new();
            m.insert("document".into(), document.clone());
            m.insert("signed_at".into(), Value::String(time_string(t)));
            canonical_json(&Value::Object(m)).into_bytes()
        }
        None => canonical_json(document).into_bytes(),
    }
}

/// The certificate is the demo CA's and belongs to the person with IIN
/// `iin` (as typed: spaces are fine).
fn check_owner(cert: &Certificate, iin: &str) -> Result<(), SignError> {
    let iin = iin::validate(iin).map_err(SignError::InvalidIin)?.iin;
    if !cert.is_authentic() {
        return Err(SignError::BadCertificate);
    }
    if cert.owner_iin != iin {
        return Err(SignError::WrongOwner { cert_iin: cert.owner_iin.clone() });
    }
    Ok(())
}

/// Sign `document` with the key file at `now` (the real time: it goes into
/// the signed data). The signer must be the certificate's owner, the
/// certificate authentic and in force at `now`, and the password right.
pub fn sign(
    key_file: &KeyFile, password: &str, signer_iin: &str, document: &Value, now: DateTime<Utc>,
) -> Result<SignedDocument, SignError> {
    check_before_unlock(key_file, signer_iin, now)?;
    // Nothing typed is a missing answer, not a wrong one.
    if password.is_empty() {
        return Err(SignError::EmptyPassword);
    }
    let key = key_file.unlock(password)?;
    finish_signing(key_file, &key, document, now)
}

/// [`sign`] with the password's key already derived (in the browser, by
/// WebCrypto from [`KeyFile::kdf_input`]). A key derived from a wrong
/// password is [`SignError::WrongPassword`].
pub fn sign_with_key(
    key_file: &KeyFile, key: &vault::VaultKey, signer_iin: &str, document: &Value,
    now: DateTime<Utc>,
) -> Result<SignedDocument, SignError> {
    check_before_unlock(key_file, signer_iin, now)?;
    let signing_key = key_file.unlock_with_key(key)?;
    finish_signing(key_file, &signing_key, document, now)
}

/// What can be refused before any key derivation: someone else's or a
/// forged certificate, or one not in force. The UI calls it before it
/// spends a second deriving.
pub fn check_before_unlock(
    key_file: &KeyFile, signer_iin: &str, now: DateTime<Utc>,
) -> Result<(), SignError> {
    let cert = &key_file.certificate;
    check_owner(cert, signer_iin)?;
    cert.check_validity(now)
}

fn finish_signing(
    key_file: &KeyFile, key: &SigningKey, document: &Value, now: DateTime<Utc>,
) -> Result<SignedDocument, SignError> {
    let signed_at = DateTime::<Utc>::from_timestamp(now.timestamp(), 0).unwrap_or(now);
    let sig =
        key.try_sign(&signed_bytes(document, Some(signed_at))).map_err(|_| SignError::Corrupt)?;
    Ok(SignedDocument {
        document: document.clone(),
        signed_at: Some(signed_at),
        signature_hex: vault::hex_encode(&sig.to_bytes()),
        certificate: key_file.certificate.clone(),
    })
}

/// Check a signed document, at any later date: the certificate is the
/// demo CA's and belongs to `expected_iin`, the signature matches the
/// document (and the signing time), and the certificate was in force **when
/// it was signed**: at the signing time the signature carries, or, for an
/// older signature without one, at `unsigned_time` (the record's own time of
/// handing in).
pub fn verify(
    signed: &SignedDocument, expected_iin: &str, unsigned_time: DateTime<Utc>,
) -> Result<(), SignError> {
    let cert = &signed.certificate;
    check_owner(cert, expected_iin)?;
    let sig = decode_signature(&signed.signature_hex).ok_or(SignError::Corrupt)?;
    let key = VerifyingKey::from_bytes(&cert.public_key).map_err(|_| SignError::BadCertificate)?;
    key.verify_strict(&signed.signed_bytes(), &sig).map_err(|_| SignError::Tampered)?;
    cert.check_validity(signed.signed_at.unwrap_or(unsigned_time))
}

/// [`verify`] for a signature being handed in at `now`: also its signing
/// time must be `now`, give or take [`SIGNING_TIME_TOLERANCE_SECS`] (a
/// signer cannot date a signature back to when an expired certificate was
/// still in force). A signature without a signing time is not accepted
/// any more.
pub fn verify_new(
    signed: &SignedDocument, expected_iin: &str, now: DateTime<Utc>,
) -> Result<(), SignError> {
    verify(signed, expected_iin, now)?;
    let Some(signed_at) = signed.signed_at else {
        return Err(SignError::SigningTime { signed_at: now });
    };
    if (now - signed_at).num_seconds().abs() > SIGNING_TIME_TOLERANCE_SECS {
        return Err(SignError::SigningTime { signed_at });
    }
    Ok(())
}
