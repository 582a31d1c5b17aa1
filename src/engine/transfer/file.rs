//! The data file: a self-describing JSON header in clear, and the bundle
//! sealed with AES-256-GCM under a key derived from the citizen's
//! passphrase.
//!
//! ```text
//! {
//!   "format": "qujat-export", "version": 1,
//!   "created_at": "2025-03-20T05:00:00Z",
//!   "kdf": { "name": "pbkdf2-sha256", "iterations": 600000, "salt": "<base64, 16 bytes>" },
//!   "cipher": { "name": "aes-256-gcm", "nonce": "<base64, 12 bytes>" },
//!   "check": "<base64, 16 bytes>",
//!   "ciphertext": "<base64: AES-256-GCM of the bundle's JSON, with its tag>"
//! }
//! ```
//!
//! - **Key**: `master = PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32)`;
//!   the AES key is `HMAC-SHA256(master, "qujat-export key v1")` and the
//!   `check` value the first 16 bytes of `HMAC-SHA256(master, "qujat-export
//!   check v1")`. The check tells a wrong passphrase from a damaged file
//!   (the GCM tag alone cannot); it costs an attacker nothing they would not
//!   pay anyway, one PBKDF2 per guess.
//! - **Integrity**: the header (every field but `ciphertext`, as canonical
//!   JSON) is the GCM associated data, so no field can be changed unseen.
//! - **No personal data in clear**: the IIN is inside the ciphertext.
//! - **Costs bounded on import**: a file over [`FILE_MAX`] bytes, or asking
//!   more than [`MAX_ITERATIONS`] iterations, is refused before any work,
//!   so a hostile file cannot freeze the tab.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;

use super::ImportError;
use crate::engine::codec::base64;
use crate::engine::json;
use crate::engine::signing::eds::canonical_json;
use crate::engine::signing::vault;

/// The `format` of every data file.
pub const FORMAT: &str = "qujat-export";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
pub const KDF: &str = "pbkdf2-sha256";
pub const CIPHER: &str = "aes-256-gcm";

/// PBKDF2 iterations of a new file: OWASP's 2023 figure for
/// PBKDF2-HMAC-SHA256. Six times the vault's (`vault::DEFAULT_ITERATIONS`,
/// paid on every unlock): a data file is written and read once in a
/// while, and it holds everything, so each guess should cost more.
pub const DEFAULT_ITERATIONS: u32 = 600_000;

/// The most iterations an import will run: a file asking more is refused
/// unopened ([`ImportError::TooCostly`]). About three times the default,
/// room for a later release to raise it.
pub const MAX_ITERATIONS: u32 = 2_000_000;

/// The largest file read: browser storage holds 5–10 MB, so a file
/// several times larger is not one of ours.
pub const FILE_MAX: usize = 32 * 1024 * 1024;

/// The KDF parameters, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfHeader {
    pub name: String,
    pub iterations: u32,
    /// Base64 of 16 bytes.
    pub salt: String,
}

/// The cipher parameters, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CipherHeader {
    pub name: String,
    /// Base64 of 12 bytes.
    pub nonce: String,
}

/// A data file as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileHeader {
    pub format: String,
    pub version: u32,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub created_at: DateTime<Utc>,
    pub kdf: KdfHeader,
    pub cipher: CipherHeader,
    /// Base64 of 16 bytes: tells a wrong passphrase from a damaged file.
    pub check: String,
    /// Base64 of the AES-256-GCM output (ciphertext and 16-byte tag).
    pub ciphertext: String,
}

impl FileHeader {
    /// The associated data: every field but the ciphertext, canonical JSON.
    fn aad(&self) -> Vec<u8> {
        let mut v = json::to_value(self).unwrap_or(Value::Null);
        if let Some(o) = v.as_object_mut() {
            o.remove("ciphertext");
        }
        canonical_json(&v).into_bytes()
    }
}

struct Keys {
    aes: [u8; 32],
    check: [u8; 16],
}

fn hmac(key: &[u8; 32], label: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length: this cannot fail.
    let mut m = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    m.update(label);
    m.finalize().into_bytes().into()
}

fn keys(passphrase: &str, salt: &[u8; 16], iterations: u32) -> Keys {
    let master: [u8; 32] = vault::pbkdf2_sha256(passphrase.as_bytes(), salt, iterations);
    let c = hmac(&master, b"qujat-export check v1");
    let mut check = [0u8; 16];
    check.copy_from_slice(&c[..16]);
    Keys { aes: hmac(&master, b"qujat-export key v1"), check }
}

/// Seals `plaintext` into a file. `iterations` is clamped to
/// `1..=MAX_ITERATIONS`.
pub(super) fn seal(
    plaintext: &[u8], passphrase: &str, created_at: DateTime<Utc>, iterations: u32, salt: [u8; 16],
    nonce: [u8; 12],
) -> String {
    let iterations = iterations.clamp(1, MAX_ITERATIONS);
    let k = keys(passphrase, &salt, iterations);
    let mut header = FileHeader {
        format: FORMAT.into(),
        version: VERSION,
        created_at,
        kdf: KdfHeader { name: KDF.into(), iterations, salt: base64::encode(&salt) },
        cipher: CipherHeader { name: CIPHER.into(), nonce: base64::encode(&nonce) },
        check: base64::encode(&k.check),
        ciphertext: String::new(),
    };
    let aad = header.aad();
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(k.aes));
    // AES-GCM fails only for inputs over 64 GiB, far above FILE_MAX: an
    // empty result would then fail to open instead of panicking here.
    let ct = cipher
        .encrypt(&Nonce::from(nonce), Payload { msg: plaintext, aad: &aad })
        .unwrap_or_default();
    header.ciphertext = base64::encode(&ct);
    serde_json::to_string_pretty(&header).unwrap_or_default()
}

/// Reads the header without a passphrase: is this one of our files, of a
/// version and cost this build accepts?
pub fn read_header(file: &str) -> Result<FileHeader, ImportError> {
    if file.len() > FILE_MAX {
        return Err(ImportError::TooLarge { bytes: file.len() });
    }
    let value: Value = match json::from_str(file) {
        Ok(v) => v,
        // Cut off or damaged, but ours: it says so near the start.
        Err(_) if file.get(..256.min(file.len())).unwrap_or(file).contains(FORMAT) => {
            return Err(ImportError::Corrupted);
        }
        Err(_) => return Err(ImportError::NotAnExport),
    };
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(ImportError::NewerVersion {
                version: u32::try_from(v).unwrap_or(u32::MAX),
            });
        }
        _ => return Err(ImportError::Corrupted),
    }
    let header: FileHeader =
        json::strictly(|| json::from_value(&value)).map_err(|_| ImportError::Corrupted)?;
    if header.kdf.name != KDF || header.cipher.name != CIPHER {
        return Err(ImportError::UnsupportedAlgorithm);
    }
    if header.kdf.iterations > MAX_ITERATIONS {
        return Err(ImportError::TooCostly { iterations: header.kdf.iterations });
    }
    if header.kdf.iterations == 0 {
        return Err(ImportError::Corrupted);
    }
    Ok(header)
}

/// Opens a file: the header checked ([`read_header`]), then the passphrase
/// (against `check`), then the ciphertext and header (GCM).
pub(super) fn open(file: &str, passphrase: &str) -> Result<(FileHeader, Vec<u8>), ImportError> {
    let header = read_header(file)?;
    let corrupted = |_| ImportError::Corrupted;
    let salt: [u8; 16] = bytes(&header.kdf.salt)?.try_into().map_err(corrupted)?;
    let nonce: [u8; 12] = bytes(&header.cipher.nonce)?.try_into().map_err(corrupted)?;
    let check: [u8; 16] = bytes(&header.check)?.try_into().map_err(corrupted)?;
    let ct = bytes(&header.ciphertext)?;
    if ct.len() < 16 {
        return Err(ImportError::Corrupted);
    }
    if passphrase.is_empty() {
        return Err(ImportError::EmptyPassphrase);
    }
    let k = keys(passphrase, &salt, header.kdf.iterations);
    if k.check != check {
        return Err(ImportError::WrongPassphrase);
    }
    let aad = header.aad();
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(k.aes));
    let plain = cipher
        .decrypt(&Nonce::from(nonce), Payload { msg: &ct, aad: &aad })
        .map_err(|_| ImportError::Corrupted)?;
    Ok((header, plain))
}

fn bytes(b64: &str) -> Result<Vec<u8>, ImportError> {
    base64::decode(b64).ok_or(ImportError::Corrupted)
}
