//! Helpers shared by the native test files: each has `mod common;` and
//! takes what it needs (so some helpers go unused in some files).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};

use qujat::engine::calendar::{self, Calendar};
use qujat::engine::kztime;
use qujat::engine::service::ServiceId;

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
