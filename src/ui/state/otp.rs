//! One-time SMS codes (F001 §8: signing or consent through the mobile
//! number registered on the portal): the sessions by flow, and the
//! simulated phone that receives the codes.

use chrono::{DateTime, Utc};

use super::db::{Db, Sms};
use super::store::NotSaved;
use crate::engine::signing::otp::{OtpError, Policy, Purpose};
use crate::engine::signing::vault;

/// Why a code was not sent or not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeFailure {
    /// The engine's reason (wrong code, expired, locked, wait to resend…).
    Otp(OtpError),
    /// The browser would not store the session or the SMS.
    NotSaved,
}

impl From<NotSaved> for CodeFailure {
    fn from(_: NotSaved) -> Self {
        CodeFailure::NotSaved
    }
}

/// How many SMS the simulated phone keeps.
const INBOX: usize = 10;

/// Sends the code of `flow` to `phone`, bound to `digest` (what the code
/// confirms, fixed now), and delivers it to the simulated phone. `now` is
/// real time: codes, expiry and lock-outs never follow the demo clock, and
/// the limits hold per phone number across flows.
pub fn send_code(
    db: Db, flow: &str, phone: &str, purpose: Purpose, digest: &str, now: DateTime<Utc>,
) -> Result<(), CodeFailure> {
    // Written even when the engine says no: the book keeps its own record
    // of sends and cooldowns per phone number.
    let issued = db.otp.update(|m| {
        m.send(flow, phone, purpose, digest, Policy::PORTAL, now, vault::random_bytes)
    })?;
    let issued = issued.map_err(CodeFailure::Otp)?;
    db.sms.update(|inbox| {
        let id = inbox.iter().map(|s| s.id).max().unwrap_or(0) + 1;
        inbox.push(Sms { id, phone: phone.to_string(), code: issued.code, sent_at: now });
        let excess = inbox.len().saturating_sub(INBOX);
        inbox.drain(..excess);
    })?;
    Ok(())
}

/// Checks `input` against the code of `flow`. A wrong code counts against
/// the session's tries, so the session is stored whatever the outcome.
pub fn verify_code(db: Db, flow: &str, input: &str, now: DateTime<Utc>) -> Result<(), CodeFailure> {
    db.otp.update(|m| m.verify(flow, input, now))?.map_err(CodeFailure::Otp)
}
