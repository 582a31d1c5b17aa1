//! Encryption at rest for what the portal keeps in browser storage: a key
//! is derived from a password with PBKDF2-HMAC-SHA256 and the data sealed
//! with AES-256-GCM, whose tag makes a wrong password or a changed byte an
//! error instead of garbage.
//!
//! Randomness (salt, nonce) is a parameter so that tests are deterministic;
//! [`random_bytes`] is the one place the engine asks the platform for it.
//!
//! In the browser the key is derived by WebCrypto
//! (`SubtleCrypto.deriveBits`, PBKDF2-HMAC-SHA256, off the main thread and
//! several times faster than wasm): the UI reads the salt and iteration
//! count with [`Sealed::kdf_input`], derives, and hands the 32 bytes to
//! [`VaultKey::from_derived`]. [`VaultKey::derive`] computes the same key
//! in Rust (tests, the command line, and browsers without WebCrypto).

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use hmac::Hmac;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The only key-derivation function a [`Sealed`] record may name.
pub const KDF: &str = "pbkdf2-sha256";

/// PBKDF2 iterations for new records: OWASP's figure for
/// PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). WebCrypto does
/// them in a fraction of a second on a phone. The count is stored in each
/// record, so records sealed with fewer (100 000 before this release) still
/// open, and it can be raised again later.
pub const DEFAULT_ITERATIONS: u32 = 600_000;

/// Upper bound accepted when opening a record: a crafted key file naming
/// `u32::MAX` iterations would otherwise keep the browser deriving for
/// hours (and freeze the tab where WebCrypto is missing). Two million is
/// a few seconds on a phone, and over three times [`DEFAULT_ITERATIONS`].
pub const MAX_ITERATIONS: u32 = 2_000_000;

const TAG_LEN: usize = 16;

/// A sealed blob, as stored (JSON) in browser storage or a key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Always [`KDF`]; named so a future format can be told apart.
    pub kdf: String,
    pub iterations: u32,
    pub salt_hex: String,
    pub nonce_hex: String,
    /// AES-256-GCM output: ciphertext followed by the 16-byte tag.
    pub ciphertext_hex: String,
}

impl Sealed {
    /// Check the record is well formed (known KDF, sane iteration count,
    /// hex of the right sizes) without a password, e.g. on import.
    pub fn check(&self) -> Result<(), VaultError> {
        Params::parse(self).map(|_| ())
    }

    /// What deriving its key takes: the salt and the iteration count, both
    /// checked (see [`Sealed::check`]). The UI derives with WebCrypto, then
    /// opens with [`VaultKey::from_derived`] and [`open_with_key`].
    pub fn kdf_input(&self) -> Result<([u8; 16], u32), VaultError> {
        Params::parse(self).map(|p| (p.salt, self.iterations))
    }
}

/// Why a sealed record could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "vault-", serialize_all = "kebab-case")]
pub enum VaultError {
    /// The authentication tag does not verify: a wrong password (or key), or
    /// a ciphertext that was changed.
    #[error("wrong password, or the sealed data was changed")]
    WrongPassword,
    /// The record names a key-derivation function this build does not know.
    #[error("unsupported key derivation {kdf:?}")]
    UnsupportedKdf { kdf: String },
    /// An iteration count of 0 or above [`MAX_ITERATIONS`].
    #[error("iteration count {iterations} is outside 1..={MAX_ITERATIONS}")]
    BadIterations { iterations: u32 },
    /// Hex that does not decode, or a salt/nonce/ciphertext of the wrong size.
    #[error("sealed data is malformed")]
    Corrupt,
    /// [`open_with_key`] was given a record sealed under another salt or
    /// iteration count, i.e. under a key derived differently.
    #[error("the record was sealed under another key")]
    OtherKey,
}

impl VaultError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `vault-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// The platform random source failed (in a browser: no `crypto.getRandomValues`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the platform random number generator is unavailable")]
pub struct RandomUnavailable;

impl RandomUnavailable {
    pub fn code(self) -> &'static str {
        "random-unavailable"
    }
}

/// `N` bytes from the platform CSPRNG (`crypto.getRandomValues` on wasm).
/// The only place the engine draws randomness itself.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomUnavailable> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| RandomUnavailable)?;
    Ok(buf)
}

/// A key derived once from an operator's PIN and reused for many records
/// (operator mode), so each record does not pay for PBKDF2 again. It keeps
/// the salt and iteration count it was derived with, so the records it seals
/// can also be opened with [`open`] and the PIN alone.
#[derive(Clone, PartialEq, Eq)]
pub struct VaultKey {
    key: [u8; 32],
    salt: [u8; 16],
    iterations: u32,
}

impl VaultKey {
    /// Derive with PBKDF2-HMAC-SHA256; `iterations` is clamped to
    /// `1..=MAX_ITERATIONS`.
    pub fn derive(pin: &str, salt: [u8; 16], iterations: u32) -> VaultKey {
        let iterations = iterations.clamp(1, MAX_ITERATIONS);
        VaultKey { key: derive_key(pin, salt, iterations), salt, iterations }
    }

    /// A key derived elsewhere (WebCrypto's PBKDF2-HMAC-SHA256 of the
    /// password with `salt` and `iterations`, 256 bits). A key derived
    /// wrongly is not detected here: records sealed with the right one then
    /// fail to open ([`VaultError::WrongPassword`]).
    pub fn from_derived(key: [u8; 32], salt: [u8; 16], iterations: u32) -> VaultKey {
        VaultKey { key, salt, iterations: iterations.clamp(1, MAX_ITERATIONS) }
    }

    pub fn salt(&self) -> [u8; 16] {
        self.salt
    }

    pub fn iterations(&self) -> u32 {
        self.iterations
    }
}

/// Never print key material, even in logs.
impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VaultKey")
            .field("salt", &hex_encode(&self.salt))
            .field("iterations", &self.iterations)
            .finish_non_exhaustive()
    }
}

/// PBKDF2-HMAC-SHA256 with a 32-byte output (an AES-256 key).
pub fn derive_key(pin: &str, salt: [u8; 16], iterations: u32) -> [u8; 32] {
    pbkdf2_sha256(pin.as_bytes(), &salt, iterations)
}

/// PBKDF2-HMAC-SHA256 of any salt into `N` bytes (exposed for known-answer
/// tests, whose salts are not 16 bytes).
pub fn pbkdf2_sha256<const N: usize>(password: &[u8], salt: &[u8], iterations: u32) -> [u8; N] {
    let mut out = [0u8; N];
    // HMAC accepts keys of any length, so this cannot fail; on the impossible
    // error the output stays zero and decryption will fail on the tag.
    let _ = pbkdf2::pbkdf2::<Hmac<Sha256>>(password, salt, iterations.max(1), &mut out);
    out
}

/// Encrypt `plaintext` under a key derived from `password`. The caller
/// supplies a fresh random salt and nonce; `iterations` is clamped to
/// `1..=MAX_ITERATIONS` (and the clamped value stored).
///
/// ```
/// use qujat::engine::signing::vault::{self, VaultError};
///
/// let sealed = vault::seal("246810", b"the operator's visits", [7; 16], [1; 12], 1_000);
/// assert_eq!(vault::open("246810", &sealed).unwrap(), b"the operator's visits");
/// // A wrong PIN is an error, never garbage.
/// assert_eq!(vault::open("246811", &sealed), Err(VaultError::WrongPassword));
/// ```
pub fn seal(
    password: &str, plaintext: &[u8], salt: [u8; 16], nonce: [u8; 12], iterations: u32,
) -> Sealed {
    seal_with_key(&VaultKey::derive(password, salt, iterations), plaintext, nonce)
}

/// A short random id for records: 16 hex digits from the platform CSPRNG.
/// A failing random source is an error, never a fixed id that would
/// overwrite another record.
pub fn new_id() -> Result<String, RandomUnavailable> {
    Ok(hex_encode(&random_bytes::<8>()?))
}

/// Decrypt a record sealed by [`seal`] or [`seal_with_key`].
pub fn open(password: &str, sealed: &Sealed) -> Result<Vec<u8>, VaultError> {
    let p = Params::parse(sealed)?;
    let key = derive_key(password, p.salt, sealed.iterations);
    decrypt(&key, &p.nonce, &p.ciphertext)
}

/// Encrypt with an already derived key (operator mode). The nonce must never
/// repeat under one key: draw it from [`random_bytes`].
pub fn seal_with_key(key: &VaultKey, plaintext: &[u8], nonce: [u8; 12]) -> Sealed {
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(key.key));
    // With the `alloc` buffer, AES-GCM encryption fails only for inputs over
    // 64 GiB, which browser storage cannot hold; an empty result then fails
    // to open instead of panicking here.
    let ciphertext = cipher.encrypt(&Nonce::from(nonce), plaintext).unwrap_or_default();
    Sealed {
        kdf: KDF.to_string(),
        iterations: key.iterations,
        salt_hex: hex_encode(&key.salt),
        nonce_hex: hex_encode(&nonce),
        ciphertext_hex: hex_encode(&ciphertext),
    }
}

/// Decrypt with an already derived key. A record sealed under another salt or
/// iteration count is [`VaultError::OtherKey`].
pub fn open_with_key(key: &VaultKey, sealed: &Sealed) -> Result<Vec<u8>, VaultError> {
    let p = Params::parse(sealed)?;
    if p.salt != key.salt || sealed.iterations != key.iterations {
        return Err(VaultError::OtherKey);
    }
    decrypt(&key.key, &p.nonce, &p.ciphertext)
}

/// The decoded, checked fields of a [`Sealed`] record.
struct Params {
    salt: [u8; 16],
    nonce: [u8; 12],
    ciphertext: Vec<u8>,
}

impl Params {
    fn parse(sealed: &Sealed) -> Result<Params, VaultError> {
        if sealed.kdf != KDF {
            return Err(VaultError::UnsupportedKdf { kdf: sealed.kdf.clone() });
        }
        if !(1..=MAX_ITERATIONS).contains(&sealed.iterations) {
            return Err(VaultError::BadIterations { iterations: sealed.iterations });
        }
        let salt = hex_decode_array(&sealed.salt_hex).ok_or(VaultError::Corrupt)?;
        let nonce = hex_decode_array(&sealed.nonce_hex).ok_or(VaultError::Corrupt)?;
        let ciphertext = hex_decode(&sealed.ciphertext_hex).ok_or(VaultError::Corrupt)?;
        if ciphertext.len() < TAG_LEN {
            return Err(VaultError::Corrupt);
        }
        Ok(Params { salt, nonce, ciphertext })
    }
}

fn decrypt(key: &[u8; 32], nonce: &[u8; 12], ciphertext: &[u8]) -> Result<Vec<u8>, VaultError> {
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key));
    cipher.decrypt(&Nonce::from(*nonce), ciphertext).map_err(|_| VaultError::WrongPassword)
}

// ---------------------------------------------------------------------------
// Hex, shared by the crypto modules (a `hex` crate would add little).

/// Lower-case hex.
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

/// Decode hex (either case); `None` on an odd length or a non-hex character.
pub fn hex_decode(s: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes.chunks_exact(2).map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?)).collect()
}

/// Decode hex of exactly `N` bytes.
pub fn hex_decode_array<const N: usize>(s: &str) -> Option<[u8; N]> {
    hex_decode(s)?.try_into().ok()
}

/// Serde adapter: a byte array as a hex string (`#[serde(with = ...)]`).
pub(crate) mod hex_array {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer, const N: usize>(
        bytes: &[u8; N], s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::hex_encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(
        d: D,
    ) -> Result<[u8; N], D::Error> {
        let s = String::deserialize(d)?;
        super::hex_decode_array(&s)
            .ok_or_else(|| D::Error::custom(format!("expected {N} bytes as hex")))
    }
}
