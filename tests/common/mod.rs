//! Helpers shared by the native test files: each has `mod common;` and
//! takes what it needs (so some helpers go unused in some files).
#![allow(dead_code)]

pub mod packs;
pub mod people;
pub mod provenance;

use chrono::{DateTime, NaiveDate, Utc};

use qujat::engine::application::{Answers, DocKind, Draft, Reason, Step, Who};
use qujat::engine::calendar::{self, Calendar};
use qujat::engine::identity::registry;
use qujat::engine::kztime;
use qujat::engine::service::ServiceId;
use qujat::engine::signing::Signed;
use qujat::engine::signing::otp::{OtpConfirmation, OtpSession, Policy, Purpose};
use qujat::engine::submission;

/// A date written "YYYY-MM-DD".
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An instant written in RFC 3339 with any offset, read as the portal reads
/// it ([`kztime::parse_instant`]).
pub fn at(s: &str) -> DateTime<Utc> {
    kztime::parse_instant(s).unwrap()
}

/// An instant written in RFC 3339, read by chrono alone: for tests of
/// `kztime` itself and of code that should not depend on it.
pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The embedded calendar.
pub fn cal() -> &'static Calendar {
    calendar::calendar().unwrap()
}

/// A service id written "S1", "S2" or "S3".
pub fn sid(s: &str) -> ServiceId {
    s.parse().unwrap()
}

/// A complete S2 draft of an adult without children in the registry, made
/// at 10:00 on 20 March 2025, for `reason`, to the registry school `school`
/// (an organisation id; `None`: a school typed by hand, region unknown).
pub fn s2_draft(reason: Reason, school: Option<&str>) -> Draft {
    let p = registry::people()
        .iter()
        .find(|p| p.children.is_empty() && p.iin.as_bytes()[6] >= b'3')
        .unwrap();
    let t = at("2025-03-20T10:00:00+05:00");
    Draft {
        id: "d1".into(),
        service: ServiceId::S2,
        applicant_iin: p.iin.clone(),
        answers: Answers {
            who: Some(Who::Myself),
            reason: Some(reason),
            document: Some(DocKind::GeneralSecondaryAttestat),
            school: school
                .and_then(registry::organisation)
                .map_or("School No. 1".into(), |o| o.name.ru.clone()),
            school_id: school.map(str::to_string),
            year: "2010".into(),
            office: Some(registry::offices()[0].id.clone()),
            ..Answers::default()
        },
        step: Step::Check,
        created_at: t,
        updated_at: t,
    }
}

/// The proof of an SMS code sent at `now` for `digest` and typed right
/// (a real session: there is no other way to get one).
pub fn otp_confirmation(purpose: Purpose, digest: &str, now: DateTime<Utc>) -> OtpConfirmation {
    let mut s = OtpSession::new("+77010000000", purpose, digest, [9; 20], Policy::PORTAL);
    let sms = s.issue(now).unwrap();
    s.verify(&sms.code, now).unwrap();
    s.confirmation(digest).unwrap()
}

/// An SMS-code signature confirming exactly `d`'s document at `now`.
pub fn otp_signature(d: &Draft, now: DateTime<Utc>) -> Signed {
    let digest = submission::digest_hex(&submission::document_of(d));
    Signed::Otp(otp_confirmation(Purpose::Signing, &digest, now))
}

/// A well-formed SMS code that is not `code` (its first digit moved on).
pub fn wrong_code(code: &str) -> String {
    let first = code.as_bytes()[0];
    let other = if first == b'9' { '0' } else { char::from(first + 1) };
    format!("{other}{}", &code[1..])
}
