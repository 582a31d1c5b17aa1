//! Kazakhstan local time (the Asia/Almaty zone), without a time-zone database.
//!
//! Legal dates ("the day of hand-in", "after 18:00") are local dates, while
//! the app stores instants in UTC and the browser may sit in any zone. The
//! country's single zone needs only two offsets, so chrono-tz (+84 KB of wasm,
//! SIZES.md) is not worth it:
//!
//! - UTC+6 until the instant 2024-02-29T18:00:00Z (= 1 March 2024 00:00 at UTC+6),
//! - UTC+5 from then on (clocks went back one hour, so local 23:00–24:00 on
//!   29 February 2024 happened twice).
//!
//! UTC+6 is right for Almaty back to 2005; the calendar starts in 2016, so
//! nothing earlier matters here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};

/// Unix seconds of the switch from UTC+6 to UTC+5: 2024-02-29T18:00:00Z.
pub const SWITCH_UNIX: i64 = 1_709_229_600;

const BEFORE_SECS: i32 = 6 * 3600;
const AFTER_SECS: i32 = 5 * 3600;

/// UTC+6, Kazakhstan time before the switch.
pub const UTC_PLUS_6: FixedOffset = match FixedOffset::east_opt(BEFORE_SECS) {
    Some(o) => o,
    None => panic!("UTC+6 is a valid offset"), // evaluated at compile time
};

/// UTC+5, Kazakhstan time from the switch on.
pub const UTC_PLUS_5: FixedOffset = match FixedOffset::east_opt(AFTER_SECS) {
    Some(o) => o,
    None => panic!("UTC+5 is a valid offset"), // evaluated at compile time
};

/// Why a time could not be converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KzTimeError {
    /// The text is not an RFC 3339 instant with an offset.
    Parse { input: String, reason: String },
    /// The instant is too close to chrono's limits to shift by the offset.
    OutOfRange,
}

impl std::fmt::Display for KzTimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KzTimeError::Parse { input, reason } => write!(
                f,
                "{input:?} is not an RFC 3339 instant such as 2025-03-20T19:30:00+05:00 ({reason})"
            ),
            KzTimeError::OutOfRange => write!(f, "the instant is outside the supported range"),
        }
    }
}

impl std::error::Error for KzTimeError {}

/// A UTC instant seen on a Kazakhstan wall clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KzLocal {
    pub local: NaiveDateTime,
    pub offset: FixedOffset,
}

impl KzLocal {
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// Whole hours east of UTC (5 or 6), for display.
    pub fn offset_hours(&self) -> i32 {
        self.offset.local_minus_utc() / 3600
    }
}

/// The instant the offset changed, as a `DateTime`.
pub fn switch_instant() -> DateTime<Utc> {
    // SWITCH_UNIX is a fixed, valid timestamp; the fallback is never taken.
    DateTime::from_timestamp(SWITCH_UNIX, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The Kazakhstan offset in force at `instant`.
pub fn offset_at(instant: DateTime<Utc>) -> FixedOffset {
    if instant.timestamp() < SWITCH_UNIX {
        UTC_PLUS_6
    } else {
        UTC_PLUS_5
    }
}

/// The Kazakhstan wall-clock time of `instant`.
pub fn to_local(instant: DateTime<Utc>) -> Result<KzLocal, KzTimeError> {
    let offset = offset_at(instant);
    let local = instant
        .naive_utc()
        .checked_add_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
        .ok_or(KzTimeError::OutOfRange)?;
    Ok(KzLocal { local, offset })
}

/// The Kazakhstan calendar date of `instant`.
pub fn local_date(instant: DateTime<Utc>) -> Result<NaiveDate, KzTimeError> {
    to_local(instant).map(|l| l.date())
}

/// The instants a Kazakhstan wall-clock time can mean. There is no gap (the
/// clocks went back), but 23:00–24:00 on 29 Feb 2024 is ambiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalInstants {
    Single(DateTime<Utc>),
    /// First at UTC+6, then again at UTC+5, one hour later.
    Ambiguous {
        earlier: DateTime<Utc>,
        later: DateTime<Utc>,
    },
}

/// Every instant that shows `local` on a Kazakhstan clock.
pub fn local_to_utc_all(local: NaiveDateTime) -> Result<LocalInstants, KzTimeError> {
    let as_offset = |secs: i32| {
        local
            .checked_sub_signed(TimeDelta::seconds(i64::from(secs)))
            .map(|n| n.and_utc())
            .ok_or(KzTimeError::OutOfRange)
    };
    let at6 = as_offset(BEFORE_SECS)?;
    let at5 = as_offset(AFTER_SECS)?;
    let valid6 = at6.timestamp() < SWITCH_UNIX;
    let valid5 = at5.timestamp() >= SWITCH_UNIX;
    Ok(match (valid6, valid5) {
        (true, true) => LocalInstants::Ambiguous {
            earlier: at6,
            later: at5,
        },
        (true, false) => LocalInstants::Single(at6),
        // (false, false) cannot happen: the clocks went back, leaving no gap.
        _ => LocalInstants::Single(at5),
    })
}

/// The UTC instant of a Kazakhstan wall-clock time. For the repeated hour
/// (29 Feb 2024, 23:00–24:00) the **earlier** instant (UTC+6) is chosen: a
/// deadline or an opening then never starts later than the citizen saw.
pub fn local_to_utc(local: NaiveDateTime) -> Result<DateTime<Utc>, KzTimeError> {
    Ok(match local_to_utc_all(local)? {
        LocalInstants::Single(u) => u,
        LocalInstants::Ambiguous { earlier, .. } => earlier,
    })
}

/// Parses an RFC 3339 instant with any offset (`Z`, `+05:00`, `-07:00`…), so
/// a browser in another zone still yields the right instant.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, KzTimeError> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| KzTimeError::Parse {
            input: s.to_string(),
            reason: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_constant_is_the_documented_instant() {
        assert_eq!(
            switch_instant().to_rfc3339(),
            "2024-02-29T18:00:00+00:00".to_string()
        );
    }

    #[test]
    fn offsets_either_side_of_the_switch() {
        let s = switch_instant();
        assert_eq!(offset_at(s - TimeDelta::seconds(1)), UTC_PLUS_6);
        assert_eq!(offset_at(s), UTC_PLUS_5);
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        assert_eq!(
            to_local(DateTime::<Utc>::MAX_UTC),
            Err(KzTimeError::OutOfRange)
        );
        assert!(local_to_utc(NaiveDateTime::MIN).is_err());
    }
}
