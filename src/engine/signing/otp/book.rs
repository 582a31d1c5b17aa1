//! Every SMS code flow of one device, and the limits that hold per phone
//! number across them: wrong codes counted together (a guess in one flow
//! counts in every other), one lock-out, and at most
//! [`Policy::max_codes_per_hour`] codes an hour to a number. A flow is a
//! stable key such as `sign:<draft id>`; its session is bound to the digest
//! of what it confirms, and is removed once used.
//!
//! ```
//! use chrono::{TimeDelta, TimeZone, Utc};
//! use qujat::engine::signing::otp::{OtpBook, OtpError, Policy, Purpose};
//!
//! let now = Utc.with_ymd_and_hms(2025, 3, 20, 5, 0, 0).unwrap();
//! let mut book = OtpBook::default();
//! let phone = "+7 701 555 01 01";
//! let sms = book.send("sign:1", phone, Purpose::Signing, "digest-a", Policy::PORTAL, now, || Ok([1; 20]))?;
//! book.verify("sign:1", &sms.code, now + TimeDelta::seconds(20))?;
//! // The proof is for the digest the code was sent for, and no other.
//! assert_eq!(book.confirm("sign:1", "digest-b").unwrap_err(), OtpError::DocumentChanged);
//! let proof = book.confirm("sign:1", "digest-a")?;
//! assert_eq!(proof.digest(), "digest-a");
//! // Used: removed.
//! book.remove("sign:1");
//! assert_eq!(book.confirm("sign:1", "digest-a").unwrap_err(), OtpError::NotVerified);
//! # Ok::<(), OtpError>(())
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{Issued, OtpError, OtpSession, Policy, Purpose, plus};
use crate::engine::json;
use crate::engine::signing::vault::RandomUnavailable;

/// What an SMS code confirmed: the phone, the purpose, the digest the code
/// was sent for, and when it was entered. Only a verified session makes
/// one (there is no other constructor, and it is not deserialisable), so
/// holding one proves the code was right for that digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtpConfirmation {
    phone: String,
    purpose: Purpose,
    digest: String,
    verified_at: DateTime<Utc>,
}

impl OtpConfirmation {
    pub(super) fn new(
        phone: &str, purpose: Purpose, digest: &str, verified_at: DateTime<Utc>,
    ) -> OtpConfirmation {
        OtpConfirmation {
            phone: phone.to_string(),
            purpose,
            digest: digest.to_string(),
            verified_at,
        }
    }

    pub fn phone(&self) -> &str {
        &self.phone
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// SHA-256 (hex) of what the code confirmed.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    pub fn verified_at(&self) -> DateTime<Utc> {
        self.verified_at
    }
}

/// The limits of one phone number.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneState {
    /// Wrong codes since the last right one or the last lock-out.
    #[serde(default)]
    wrong_tries: u32,
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    locked_until: Option<DateTime<Utc>>,
    /// When codes were sent within the last hour.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "crate::engine::json::date::utc_vec")]
    sent: Vec<DateTime<Utc>>,
}

/// One hour, the window of [`Policy::max_codes_per_hour`].
fn hour() -> TimeDelta {
    TimeDelta::hours(1)
}

impl PhoneState {
    fn active_lock(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.locked_until.filter(|&u| now < u)
    }

    /// Clears a lock whose time is over (a fresh set of tries) and forgets
    /// codes sent more than an hour ago.
    fn refresh(&mut self, now: DateTime<Utc>) {
        if self.locked_until.is_some_and(|u| now >= u) {
            self.locked_until = None;
            self.wrong_tries = 0;
        }
        self.sent.retain(|&t| t <= now && now - t < hour());
    }

    /// When the next code may be sent under the hourly limit (`None`: now).
    fn rate_limited_until(&self, policy: Policy, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let recent: Vec<DateTime<Utc>> =
            self.sent.iter().copied().filter(|&t| t <= now && now - t < hour()).collect();
        if (recent.len() as u64) < u64::from(policy.max_codes_per_hour.max(1)) {
            return None;
        }
        recent
            .iter()
            .min()
            .map(|&first| first.checked_add_signed(hour()).unwrap_or(DateTime::<Utc>::MAX_UTC))
    }

    fn is_idle(&self) -> bool {
        self.wrong_tries == 0 && self.locked_until.is_none() && self.sent.is_empty()
    }
}

/// The phone number as a key: its digits only ("+7 701 555-01-01" and
/// "87015550101" are different spellings, but the registry writes one).
fn phone_key(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// All SMS code sessions by flow, and the limits per phone number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpBook {
    #[serde(default)]
    sessions: BTreeMap<String, OtpSession>,
    #[serde(default)]
    phones: BTreeMap<String, PhoneState>,
}

impl OtpBook {
    /// The session of `flow`, if there is one.
    pub fn session(&self, flow: &str) -> Option<&OtpSession> {
        self.sessions.get(flow)
    }

    /// How many sessions are kept.
    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// The end of the lock-out of `phone`, if one is in force at `now`.
    pub fn locked_until(&self, phone: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.phones.get(&phone_key(phone)).and_then(|p| p.active_lock(now))
    }

    /// Seconds until a code can be sent for `flow` to `phone` (0: now):
    /// the flow's cooldown, the number's lock-out and its hourly limit.
    pub fn seconds_until_send(
        &self, flow: &str, phone: &str, policy: Policy, now: DateTime<Utc>,
    ) -> i64 {
        let state = self.phones.get(&phone_key(phone));
        let session = self
            .sessions
            .get(flow)
            .filter(|s| s.phone() == phone)
            .map(|s| s.seconds_until_resend(now))
            .unwrap_or(0);
        let until = [
            state.and_then(|p| p.active_lock(now)),
            state.and_then(|p| p.rate_limited_until(policy, now)),
        ];
        until
            .into_iter()
            .flatten()
            .map(|u| (u - now).num_seconds().max(0))
            .chain([session])
            .max()
            .unwrap_or(0)
    }

    /// Sends a code for `flow` to `phone`, confirming what `digest`
    /// identifies. A session of the flow bound to anything else (another
    /// digest, number or purpose), or already used, is replaced by a new
    /// one whose secret `secret` draws; otherwise the code is resent (its
    /// cooldown applies). Refused while the number is locked out or over its
    /// hourly limit.
    #[allow(clippy::too_many_arguments)]
    pub fn send(
        &mut self, flow: &str, phone: &str, purpose: Purpose, digest: &str, policy: Policy,
        now: DateTime<Utc>, secret: impl FnOnce() -> Result<[u8; 20], RandomUnavailable>,
    ) -> Result<Issued, OtpError> {
        let key = phone_key(phone);
        let state = self.phones.entry(key.clone()).or_default();
        state.refresh(now);
        if let Some(until) = state.active_lock(now) {
            return Err(OtpError::Locked { until });
        }
        if let Some(until) = state.rate_limited_until(policy, now) {
            return Err(OtpError::TooManyCodes { until });
        }
        let reuse = self.sessions.get(flow).is_some_and(|s| {
            s.phone() == phone
                && s.purpose() == purpose
                && !s.digest().is_empty()
                && s.digest() == digest
                && !s.is_verified()
        });
        if !reuse {
            let fresh = OtpSession::new(phone, purpose, digest, secret()?, policy);
            self.sessions.insert(flow.to_string(), fresh);
        }
        let session = self.sessions.get_mut(flow).ok_or(OtpError::NoCodeIssued)?;
        let issued = session.issue(now)?;
        if let Some(state) = self.phones.get_mut(&key) {
            state.sent.push(now);
        }
        Ok(issued)
    }

    /// Checks a typed code for `flow`. A wrong code counts against the
    /// number in every flow; the last allowed one locks the number out
    /// (every flow of it) for [`Policy::lock_secs`].
    pub fn verify(&mut self, flow: &str, input: &str, now: DateTime<Utc>) -> Result<(), OtpError> {
        let Some(session) = self.sessions.get_mut(flow) else {
            return Err(OtpError::NoCodeIssued);
        };
        let policy = session.policy();
        let key = phone_key(session.phone());
        let state = self.phones.entry(key.clone()).or_default();
        state.refresh(now);
        if let Some(until) = state.active_lock(now) {
            return Err(OtpError::Locked { until });
        }
        let before = session.wrong_tries();
        let result = session.verify(input, now);
        let wrong = session.wrong_tries() > before;
        match result {
            Ok(()) => {
                state.wrong_tries = 0;
                Ok(())
            }
            Err(e) if wrong => {
                state.wrong_tries = state.wrong_tries.saturating_add(1);
                if state.wrong_tries >= policy.max_wrong_tries {
                    let until = plus(now, policy.lock_secs);
                    state.locked_until = Some(until);
                    self.discard_codes(&key);
                    return Err(OtpError::Locked { until });
                }
                match e {
                    OtpError::WrongCode { tries_left } => Err(OtpError::WrongCode {
                        tries_left: tries_left
                            .min(policy.max_wrong_tries.saturating_sub(state.wrong_tries)),
                    }),
                    other => Err(other),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// No code in force for any flow of the number `key` (after a lock-out).
    fn discard_codes(&mut self, key: &str) {
        for s in self.sessions.values_mut() {
            if phone_key(s.phone()) == key {
                s.discard_code();
            }
        }
    }

    /// The proof that `flow`'s code was right for `digest`; see
    /// [`OtpSession::confirmation`]. The session stays until
    /// [`remove`](Self::remove)d, so a write that fails after this can be
    /// tried again.
    pub fn confirm(&self, flow: &str, digest: &str) -> Result<OtpConfirmation, OtpError> {
        self.sessions.get(flow).ok_or(OtpError::NotVerified)?.confirmation(digest)
    }

    /// Forgets `flow`'s session (used, or its subject changed).
    pub fn remove(&mut self, flow: &str) -> Option<OtpSession> {
        self.sessions.remove(flow)
    }

    /// Removes `flow`'s session unless it is bound to `digest`: what the
    /// code confirms changed (a consent answer, say), so a new code is
    /// needed. True if one was removed.
    pub fn forget_unless_for(&mut self, flow: &str, digest: &str) -> bool {
        let stale =
            self.sessions.get(flow).is_some_and(|s| s.digest().is_empty() || s.digest() != digest);
        if stale {
            self.sessions.remove(flow);
        }
        stale
    }

    /// Housekeeping: drops sessions whose code expired unused more than an
    /// hour ago, verified sessions older than a day, and numbers with
    /// nothing left to remember.
    pub fn prune(&mut self, now: DateTime<Utc>) {
        let day = TimeDelta::days(1);
        self.sessions.retain(|_, s| match (s.verified_at(), s.expires_at()) {
            (Some(at), _) => at <= now && now - at < day,
            (None, Some(exp)) => now < exp || now - exp < hour(),
            (None, None) => s.is_locked(now),
        });
        for state in self.phones.values_mut() {
            state.refresh(now);
        }
        self.phones.retain(|_, p| !p.is_idle());
    }
}

/// Version 1 of the stored book was a map of sessions by flow, bound to
/// nothing: their codes cannot confirm anything and are dropped; a number
/// locked out stays locked out.
pub fn book_from_v1(v: serde_json::Value) -> Result<serde_json::Value, String> {
    let old: BTreeMap<String, OtpSession> = json::from_value(&v).map_err(|e| e.to_string())?;
    let mut book = OtpBook::default();
    for session in old.values() {
        let Some(until) = session.locked_until() else {
            continue;
        };
        let state = book.phones.entry(phone_key(session.phone())).or_default();
        state.locked_until = state.locked_until.max(Some(until));
        state.wrong_tries = state.wrong_tries.max(session.wrong_tries());
    }
    json::to_value(&book).map_err(|e| e.to_string())
}
