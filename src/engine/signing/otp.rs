//! One-time passwords: HOTP (RFC 4226), TOTP (RFC 6238), and the portal's
//! SMS code flow ([`OtpSession`]) built on HOTP, with the limits per phone
//! number that hold across flows ([`OtpBook`]).
//!
//! A code confirms one thing: the session is bound, when it starts, to the
//! SHA-256 digest of what it confirms (the document to sign, the consent
//! statement), and only a verified session for that digest yields an
//! [`OtpConfirmation`], the one proof `submission::submit` accepts.
//!
//! The SMS is simulated: the UI shows the code it would have sent. The
//! session is plain data (serde) so it survives a page reload in browser
//! storage, and every method takes the time now as a parameter: the UI
//! must pass the **real** time, never the demo clock (moving a demo clock
//! must not lift a lock-out or revive an expired code).
//!
//! ```
//! use chrono::{TimeDelta, TimeZone, Utc};
//! use qujat::engine::signing::otp::{OtpError, OtpSession, Policy, Purpose};
//!
//! let now = Utc.with_ymd_and_hms(2025, 3, 20, 5, 0, 0).unwrap();
//! let secret = *b"a secret of 20 bytes";
//! let digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
//! let mut session =
//!     OtpSession::new("+7 701 555 01 01", Purpose::Signing, digest, secret, Policy::PORTAL);
//! let sms = session.issue(now)?;
//! assert_eq!(sms.code.len(), 6);
//! // A wrong code uses a try; the right one, typed with a space, confirms.
//! let wrong = if sms.code == "000000" { "111111" } else { "000000" };
//! assert_eq!(session.verify(wrong, now), Err(OtpError::WrongCode { tries_left: 2 }));
//! let typed = qujat::engine::signing::otp::spaced(&sms.code);
//! assert_eq!(session.verify(&typed, now + TimeDelta::seconds(30)), Ok(()));
//! assert!(session.is_verified_for(digest));
//! assert!(!session.is_verified_for("another document"));
//! // A code works once.
//! assert_eq!(session.verify(&sms.code, now), Err(OtpError::AlreadyUsed));
//! # Ok::<(), OtpError>(())
//! ```

use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha1::Sha1;
use sha2::{Sha256, Sha512};

use super::vault::{self, RandomUnavailable};

mod book;

pub use book::{OtpBook, OtpConfirmation, PhoneState, book_from_v1};

crate::engine::json::names!(Algorithm, Purpose);

/// The HMAC hash of a TOTP generator (RFC 6238 allows all three).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "lowercase")]
pub enum Algorithm {
    Sha1,
    Sha256,
    Sha512,
}

fn mac<M: Mac + KeyInit>(key: &[u8], msg: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length, so `new_from_slice` does not fail; an
    // empty MAC on the impossible error yields code 0, not a panic.
    match <M as KeyInit>::new_from_slice(key) {
        Ok(mut m) => {
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// RFC 4226 §5.3 dynamic truncation, reduced to `digits` digits.
fn truncate(mac: &[u8], digits: u32) -> u32 {
    let offset = mac.last().map_or(0, |b| usize::from(b & 0x0f));
    let Some(p) = mac.get(offset..offset + 4) else {
        return 0;
    };
    let bin = u32::from_be_bytes([p[0] & 0x7f, p[1], p[2], p[3]]);
    bin % 10u32.pow(digits.clamp(1, 9))
}

fn otp(alg: Algorithm, secret: &[u8], counter: u64, digits: u32) -> u32 {
    let msg = counter.to_be_bytes();
    let m = match alg {
        Algorithm::Sha1 => mac::<Hmac<Sha1>>(secret, &msg),
        Algorithm::Sha256 => mac::<Hmac<Sha256>>(secret, &msg),
        Algorithm::Sha512 => mac::<Hmac<Sha512>>(secret, &msg),
    };
    truncate(&m, digits)
}

/// HOTP (RFC 4226): HMAC-SHA1 of the counter, dynamically truncated to
/// `digits` digits. `digits` is clamped to 1..=9 (10 would overflow `u32`;
/// the RFC uses 6 to 8). Format with leading zeros: [`format_code`].
///
/// ```
/// use qujat::engine::signing::otp::{format_code, hotp};
///
/// // RFC 4226 Appendix D.
/// let secret = b"12345678901234567890";
/// assert_eq!(hotp(secret, 0, 6), 755224);
/// assert_eq!(format_code(hotp(secret, 1, 6), 6), "287082");
/// ```
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    otp(Algorithm::Sha1, secret, counter, digits)
}

/// TOTP (RFC 6238): HOTP over `(unix_time - t0) / step_secs` with the chosen
/// hash. A `step_secs` of 0 counts as 1; a time before `t0` counts as `t0`.
pub fn totp(
    secret: &[u8], unix_time: u64, step_secs: u64, t0: u64, digits: u32, alg: Algorithm,
) -> u32 {
    let counter = unix_time.saturating_sub(t0) / step_secs.max(1);
    otp(alg, secret, counter, digits)
}

/// A code as the user sees it: `digits` digits with leading zeros.
pub fn format_code(code: u32, digits: u32) -> String {
    format!("{code:0width$}", width = digits.clamp(1, 9) as usize)
}

/// A six-character code grouped as "123 456", so a screen reader reads it
/// out group by group; anything else as it is. Counts characters, not
/// bytes, so no stored text can make it panic.
///
/// ```
/// use qujat::engine::signing::otp::spaced;
///
/// assert_eq!(spaced("123456"), "123 456");
/// assert_eq!(spaced("ééaa"), "ééaa");
/// assert_eq!(spaced("éé3456"), "éé3 456");
/// ```
pub fn spaced(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() == CODE_DIGITS as usize {
        let (a, b) = chars.split_at(3);
        format!("{} {}", a.iter().collect::<String>(), b.iter().collect::<String>())
    } else {
        code.to_string()
    }
}

// ---------------------------------------------------------------------------
// The SMS code session

/// Digits of an SMS code.
pub const CODE_DIGITS: u32 = 6;

/// Timing rules of the SMS code flow. [`Policy::PORTAL`] is what the portal
/// uses; tests and the kiosk may choose others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// How long a code is accepted after it is issued.
    pub code_valid_secs: u32,
    /// Wrong codes allowed before the session locks (counted across resends,
    /// so resending cannot buy unlimited guesses).
    pub max_wrong_tries: u32,
    /// How long a lock lasts; the code in force when it locks is discarded.
    pub lock_secs: u32,
    /// Minimum time between two codes.
    pub resend_cooldown_secs: u32,
    /// Codes sent to one phone number within an hour, across all flows
    /// ([`OtpBook`]).
    #[serde(default = "default_codes_per_hour")]
    pub max_codes_per_hour: u32,
}

fn default_codes_per_hour() -> u32 {
    Policy::PORTAL.max_codes_per_hour
}

impl Policy {
    /// 5-minute codes, 3 wrong tries then a 15-minute lock, 60 s between
    /// SMS, at most 5 SMS an hour to one number.
    pub const PORTAL: Policy = Policy {
        code_valid_secs: 5 * 60,
        max_wrong_tries: 3,
        lock_secs: 15 * 60,
        resend_cooldown_secs: 60,
        max_codes_per_hour: 5,
    };
}

impl Default for Policy {
    fn default() -> Self {
        Policy::PORTAL
    }
}

/// What the code confirms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "lowercase")]
pub enum Purpose {
    /// Signing an application.
    Signing,
    /// Consent to access personal data.
    Consent,
}

/// Why an SMS code operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "otp-", serialize_all = "kebab-case")]
pub enum OtpError {
    /// Input that is not 6 digits (spaces and hyphens aside); no try is used.
    #[error("a code is {CODE_DIGITS} digits")]
    Malformed,
    /// The code's time is over; ask for a new one.
    #[error("the code expired at {expired_at}")]
    Expired { expired_at: DateTime<Utc> },
    /// Not the code; `tries_left` more before the session locks.
    #[error("wrong code; {tries_left} tries left")]
    WrongCode { tries_left: u32 },
    /// Too many wrong codes: nothing is accepted or sent until `until`.
    #[error("too many wrong codes; locked until {until}")]
    Locked { until: DateTime<Utc> },
    /// No code is in force (none sent yet, or discarded by a lock).
    #[error("no code has been issued")]
    NoCodeIssued,
    /// The session is already verified; a code works once.
    #[error("the code has already been used")]
    AlreadyUsed,
    /// A new code was asked for too soon.
    #[error("a new code can be sent at {until}")]
    Cooldown { until: DateTime<Utc> },
    /// No randomness for a new session secret.
    #[error("{0}")]
    Random(#[from] RandomUnavailable),
    /// Too many codes were sent to this number within an hour; the next
    /// one can be sent at `until`.
    #[error("too many codes for this number; the next at {until}")]
    TooManyCodes { until: DateTime<Utc> },
    /// No code was confirmed for this flow (none sent, or not yet right).
    #[error("no code has been confirmed")]
    NotVerified,
    /// The code was sent for another document or statement than the one
    /// being confirmed (it changed since): a new code is needed.
    #[error("the code was sent for something else; ask for a new code")]
    DocumentChanged,
}

impl OtpError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `otp-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive. The arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            OtpError::Random(e) => e.code(),
            e => e.into(),
        }
    }
}

/// A code just issued: what the (simulated) SMS carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    /// Six digits, leading zeros kept.
    pub code: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub expires_at: DateTime<Utc>,
}

/// The code currently in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Current {
    counter: u64,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    issued_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    expires_at: DateTime<Utc>,
}

/// One SMS confirmation: a phone number, a purpose, the digest of what it
/// confirms, a secret, and the state of the code flow. Codes are HOTP over a
/// counter that each new code advances, so a resent code replaces the old
/// one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpSession {
    phone: String,
    purpose: Purpose,
    /// SHA-256 (hex) of what the code confirms, fixed when the session
    /// starts. Empty in sessions stored before codes were bound: those
    /// confirm nothing.
    #[serde(default)]
    digest: String,
    #[serde(with = "vault::hex_array")]
    secret: [u8; 20],
    policy: Policy,
    /// Counter for the next code.
    next_counter: u64,
    #[serde(default)]
    current: Option<Current>,
    /// Time of the last code sent, for the resend cooldown.
    #[serde(default, deserialize_with = "crate::engine::json::date::utc_opt")]
    last_sent: Option<DateTime<Utc>>,
    wrong_tries: u32,
    #[serde(default, deserialize_with = "crate::engine::json::date::utc_opt")]
    locked_until: Option<DateTime<Utc>>,
    verified: bool,
    /// When the right code was entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    verified_at: Option<DateTime<Utc>>,
}

/// `t + secs`, saturating at chrono's maximum instead of panicking.
fn plus(t: DateTime<Utc>, secs: u32) -> DateTime<Utc> {
    t.checked_add_signed(TimeDelta::seconds(i64::from(secs))).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

impl OtpSession {
    /// A session bound to `digest` (what the code will confirm), with a
    /// caller-supplied secret (tests, deterministic demos).
    pub fn new(
        phone: &str, purpose: Purpose, digest: &str, secret: [u8; 20], policy: Policy,
    ) -> OtpSession {
        OtpSession {
            phone: phone.to_string(),
            purpose,
            digest: digest.to_string(),
            secret,
            policy,
            next_counter: 0,
            current: None,
            last_sent: None,
            wrong_tries: 0,
            locked_until: None,
            verified: false,
            verified_at: None,
        }
    }

    /// A session with a fresh random 160-bit secret (RFC 4226 §4 R6).
    pub fn new_random(
        phone: &str, purpose: Purpose, digest: &str, policy: Policy,
    ) -> Result<Self, OtpError> {
        Ok(OtpSession::new(phone, purpose, digest, vault::random_bytes()?, policy))
    }

    /// The digest of what the code confirms.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// True once a correct code was entered for exactly `digest` (a
    /// session bound to nothing confirms nothing).
    pub fn is_verified_for(&self, digest: &str) -> bool {
        self.verified
            && !self.digest.is_empty()
            && constant_time_eq(self.digest.as_bytes(), digest.as_bytes())
    }

    /// When the right code was entered, if it was.
    pub fn verified_at(&self) -> Option<DateTime<Utc>> {
        self.verified_at.filter(|_| self.verified)
    }

    /// The proof that the code confirmed `digest`: refused when no right
    /// code was entered ([`OtpError::NotVerified`]) or the session was bound
    /// to something else ([`OtpError::DocumentChanged`]).
    pub fn confirmation(&self, digest: &str) -> Result<OtpConfirmation, OtpError> {
        if !self.verified {
            return Err(OtpError::NotVerified);
        }
        if !self.is_verified_for(digest) {
            return Err(OtpError::DocumentChanged);
        }
        Ok(OtpConfirmation::new(
            &self.phone,
            self.purpose,
            &self.digest,
            self.verified_at.unwrap_or(DateTime::<Utc>::MIN_UTC),
        ))
    }

    pub fn phone(&self) -> &str {
        &self.phone
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// True once a correct code was entered.
    pub fn is_verified(&self) -> bool {
        self.verified
    }

    /// When the code in force stops being accepted, if there is one.
    pub fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.current.as_ref().map(|c| c.expires_at)
    }

    /// The end of the last lock, if one was set (it may lie in the past;
    /// see [`OtpSession::is_locked`]).
    pub fn locked_until(&self) -> Option<DateTime<Utc>> {
        self.locked_until
    }

    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|u| now < u)
    }

    /// Wrong codes entered since the last lock (or the start).
    pub fn wrong_tries(&self) -> u32 {
        self.wrong_tries
    }

    /// Seconds until [`OtpSession::resend`] may send a code (0: now). A lock
    /// counts too: no SMS is sent while locked.
    pub fn seconds_until_resend(&self, now: DateTime<Utc>) -> i64 {
        let cooldown = self.last_sent.map(|t| plus(t, self.policy.resend_cooldown_secs));
        [cooldown, self.locked_until.filter(|&u| now < u)]
            .into_iter()
            .flatten()
            .map(|until| (until - now).num_seconds().max(0))
            .max()
            .unwrap_or(0)
    }

    /// Clear a lock whose time is over, giving a fresh set of tries.
    fn refresh_lock(&mut self, now: DateTime<Utc>) -> Result<(), OtpError> {
        match self.locked_until {
            Some(until) if now < until => Err(OtpError::Locked { until }),
            Some(_) => {
                self.locked_until = None;
                self.wrong_tries = 0;
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Send the first code. On a session that already sent one this is the
    /// same as [`OtpSession::resend`] (the cooldown applies).
    pub fn issue(&mut self, now: DateTime<Utc>) -> Result<Issued, OtpError> {
        if self.verified {
            return Err(OtpError::AlreadyUsed);
        }
        self.refresh_lock(now)?;
        if let Some(sent) = self.last_sent {
            let until = plus(sent, self.policy.resend_cooldown_secs);
            if now < until {
                return Err(OtpError::Cooldown { until });
            }
        }
        let counter = self.next_counter;
        self.next_counter = self.next_counter.wrapping_add(1);
        let expires_at = plus(now, self.policy.code_valid_secs);
        self.current = Some(Current { counter, issued_at: now, expires_at });
        self.last_sent = Some(now);
        Ok(Issued { code: self.code_for(counter), expires_at })
    }

    /// Send a new code, invalidating the old one; refused during the
    /// cooldown ([`OtpError::Cooldown`]) or a lock.
    pub fn resend(&mut self, now: DateTime<Utc>) -> Result<Issued, OtpError> {
        self.issue(now)
    }

    fn code_for(&self, counter: u64) -> String {
        format_code(hotp(&self.secret, counter, CODE_DIGITS), CODE_DIGITS)
    }

    /// Check a code typed by the user. Spaces and hyphens are ignored
    /// (`"123 456"`, `"123-456"`); other input is [`OtpError::Malformed`] and
    /// uses no try. The last allowed wrong code locks the session at once
    /// (the answer is then [`OtpError::Locked`]).
    pub fn verify(&mut self, input: &str, now: DateTime<Utc>) -> Result<(), OtpError> {
        if self.verified {
            return Err(OtpError::AlreadyUsed);
        }
        self.refresh_lock(now)?;
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '\u{a0}')).collect();
        if digits.len() != CODE_DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OtpError::Malformed);
        }
        let Some(current) = &self.current else {
            return Err(OtpError::NoCodeIssued);
        };
        if now >= current.expires_at {
            return Err(OtpError::Expired { expired_at: current.expires_at });
        }
        let expected = self.code_for(current.counter);
        if constant_time_eq(expected.as_bytes(), digits.as_bytes()) {
            self.verified = true;
            self.verified_at = Some(now);
            self.current = None;
            return Ok(());
        }
        self.wrong_tries = self.wrong_tries.saturating_add(1);
        if self.wrong_tries >= self.policy.max_wrong_tries {
            let until = plus(now, self.policy.lock_secs);
            self.locked_until = Some(until);
            self.current = None;
            return Err(OtpError::Locked { until });
        }
        Err(OtpError::WrongCode { tries_left: self.policy.max_wrong_tries - self.wrong_tries })
    }

    /// Drops the code in force (a lock-out of the number elsewhere).
    fn discard_code(&mut self) {
        self.current = None;
    }

    /// When the code in force was sent.
    pub fn issued_at(&self) -> Option<DateTime<Utc>> {
        self.current.as_ref().map(|c| c.issued_at)
    }
}

/// Compare without an early exit, so timing does not reveal matching digits.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
