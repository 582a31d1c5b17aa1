//! One-time SMS codes (F001 §8: signing or consent through the mobile
//! number registered on the portal): the sessions by flow, and the
//! simulated phone that receives the codes.

use chrono::{DateTime, Utc};

use super::db::{Db, Sms};
use super::store::NotSaved;
use crate::engine::signing::otp::{OtpError, OtpSession, Policy, Purpose};

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

/// Sends the code of `flow` to `phone` (a new session on first use, a
/// resend after that) and delivers it to the simulated phone.
pub fn send_code(
    db: Db,
    flow: &str,
    phone: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<(), CodeFailure> {
    // Written even when the engine says no: a session keeps its own record
    // of sends and cooldowns.
    let issued = db.otp.update(|m| {
        if !m.contains_key(flow) {
            let s = OtpSession::new_random(phone, purpose, Policy::PORTAL)?;
            m.insert(flow.to_string(), s);
        }
        let s = m.get_mut(flow).ok_or(OtpError::NoCodeIssued)?;
        if s.issued_at().is_some() {
            s.resend(now)
        } else {
            s.issue(now)
        }
    })?;
    let issued = issued.map_err(CodeFailure::Otp)?;
    db.sms.update(|inbox| {
        let id = inbox.iter().map(|s| s.id).max().unwrap_or(0) + 1;
        inbox.push(Sms {
            id,
            phone: phone.to_string(),
            code: issued.code,
            sent_at: now,
        });
        let excess = inbox.len().saturating_sub(INBOX);
        inbox.drain(..excess);
    })?;
    Ok(())
}

/// Checks `input` against the code of `flow`. A wrong code counts against
/// the session's tries, so the session is stored whatever the outcome.
pub fn verify_code(db: Db, flow: &str, input: &str, now: DateTime<Utc>) -> Result<(), CodeFailure> {
    db.otp
        .update(|m| match m.get_mut(flow) {
            Some(s) => s.verify(input, now),
            None => Err(OtpError::NoCodeIssued),
        })?
        .map_err(CodeFailure::Otp)
}
