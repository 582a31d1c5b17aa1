//! The demo clock's arithmetic: real time plus an offset kept in browser
//! storage. Stored numbers may be anything (another release, a hand edit,
//! a hostile page), so every step saturates at the ends of time instead of
//! panicking.

use chrono::{DateTime, TimeDelta, Utc};

/// The instant `Date.now()` (milliseconds since 1970, a float) stands for;
/// not-a-number or out of range gives the nearest end of time.
pub fn from_js_millis(ms: f64) -> DateTime<Utc> {
    if ms.is_nan() {
        return DateTime::<Utc>::UNIX_EPOCH;
    }
    // `as` saturates a float at the ends of i64.
    let ms = ms as i64;
    DateTime::from_timestamp_millis(ms).unwrap_or(if ms < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// Real time moved by a stored offset of `offset_ms` milliseconds.
///
/// ```
/// use chrono::{TimeZone, Utc, DateTime};
/// use qujat::engine::demo_clock::demo_now;
///
/// let real = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
/// assert_eq!(demo_now(real, 3_600_000), real + chrono::TimeDelta::hours(1));
/// assert_eq!(demo_now(real, i64::MAX), DateTime::<Utc>::MAX_UTC);
/// assert_eq!(demo_now(real, i64::MIN), DateTime::<Utc>::MIN_UTC);
/// ```
pub fn demo_now(real: DateTime<Utc>, offset_ms: i64) -> DateTime<Utc> {
    let end = if offset_ms < 0 { DateTime::<Utc>::MIN_UTC } else { DateTime::<Utc>::MAX_UTC };
    TimeDelta::try_milliseconds(offset_ms).and_then(|d| real.checked_add_signed(d)).unwrap_or(end)
}

/// The offset after moving the demo clock forward by `gap`.
pub fn advanced(offset_ms: i64, gap: TimeDelta) -> i64 {
    offset_ms.saturating_add(gap.num_milliseconds())
}

/// The offset as a duration, saturating.
pub fn offset(offset_ms: i64) -> TimeDelta {
    TimeDelta::try_milliseconds(offset_ms).unwrap_or(if offset_ms < 0 {
        TimeDelta::MIN
    } else {
        TimeDelta::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_stored_offset_or_browser_time_panics() {
        for real in
            [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::UNIX_EPOCH, DateTime::<Utc>::MAX_UTC]
        {
            for off in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX] {
                let _ = demo_now(real, off);
                let _ = offset(off);
                let _ = advanced(off, TimeDelta::MAX);
                let _ = advanced(off, TimeDelta::MIN);
            }
        }
        for ms in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, 0.0] {
            let _ = from_js_millis(ms);
        }
        assert_eq!(from_js_millis(1_000.0).timestamp(), 1);
    }
}
