//! Kazakhstan local time, without a time-zone database.
//!
//! Legal dates ("the day of hand-in", "after 18:00") are local dates, while
//! the app stores instants in UTC and the browser may sit in any zone. A
//! [`Zone`] is a region's clock as a short list of [`Spell`]s (chrono-tz
//! would cost +84 KB of wasm, SIZES.md); the regions and their clocks are
//! data (`data/regions.toml`, [`region`](crate::engine::region)):
//!
//! - most of the country: UTC+6 until the instant 2024-02-29T18:00:00Z
//!   (= 1 March 2024 00:00 at UTC+6), UTC+5 from then on (clocks went back
//!   one hour, so local 23:00–24:00 on 29 February 2024 happened twice);
//! - the western regions (Aktobe, Atyrau, West Kazakhstan, Mangystau): UTC+5
//!   throughout; Kyzylorda: UTC+5 from 21 December 2018.
//!
//! The free functions ([`to_local`], [`local_to_utc`], …) read the clock of
//! [`NATIONAL`], the zone of Almaty and Astana: it is used where no region is
//! known, because it is never behind any other Kazakhstan clock, so a date
//! read on it is never earlier than the office's own (a deadline counted from
//! it is never over-promised). `tests/region.rs` checks it equals the data.

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
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KzTimeError {
    /// The text is not an RFC 3339 instant with an offset.
    #[error("{input:?} is not an RFC 3339 instant such as 2025-03-20T19:30:00+05:00 ({reason})")]
    Parse { input: String, reason: String },
    /// The instant is too close to chrono's limits to shift by the offset.
    #[error("the instant is outside the supported range")]
    OutOfRange,
}

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

/// One stretch of a clock: `hours` east of UTC until the Unix second
/// `until` (exclusive), or for good when `until` is `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spell {
    pub hours: i8,
    pub until: Option<i64>,
}

impl Spell {
    fn offset(self) -> FixedOffset {
        // |hours| < 24, so the offset is in range; the fallback is never taken.
        FixedOffset::east_opt(i32::from(self.hours) * 3600).unwrap_or(UTC_PLUS_5)
    }
}

/// A region's clock: its spells, oldest first (the last has no end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone<'a> {
    /// The data's id ("utc6-until-2024").
    pub id: &'a str,
    pub spells: &'a [Spell],
}

/// The clock of Almaty, Astana and most regions: UTC+6, then UTC+5 from the
/// instant [`SWITCH_UNIX`]. Used where no region is known (see the module
/// docs).
pub const NATIONAL: Zone<'static> = Zone {
    id: "utc6-until-2024",
    spells: &[Spell { hours: 6, until: Some(SWITCH_UNIX) }, Spell { hours: 5, until: None }],
};

impl Zone<'_> {
    /// The spell in force at Unix second `t` (the last one if the data
    /// ends early; an empty zone reads as UTC+5).
    fn spell_at(&self, t: i64) -> Spell {
        self.spells
            .iter()
            .find(|s| s.until.is_none_or(|u| t < u))
            .or(self.spells.last())
            .copied()
            .unwrap_or(Spell { hours: 5, until: None })
    }

    /// The offset in force at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        self.spell_at(instant.timestamp()).offset()
    }

    /// The wall-clock time of `instant` on this clock.
    pub fn to_local(&self, instant: DateTime<Utc>) -> Result<KzLocal, KzTimeError> {
        let offset = self.offset_at(instant);
        let local = instant
            .naive_utc()
            .checked_add_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
            .ok_or(KzTimeError::OutOfRange)?;
        Ok(KzLocal { local, offset })
    }

    /// The calendar date of `instant` on this clock.
    pub fn local_date(&self, instant: DateTime<Utc>) -> Result<NaiveDate, KzTimeError> {
        self.to_local(instant).map(|l| l.date())
    }

    /// Every instant that shows `local` on this clock: two in an hour the
    /// clocks went back through, else one (a gap, which no Kazakhstan clock
    /// has had since 2016, reads at the later spell's offset).
    pub fn local_to_utc_all(&self, local: NaiveDateTime) -> Result<LocalInstants, KzTimeError> {
        let mut found: Vec<DateTime<Utc>> = Vec::new();
        let mut from: Option<i64> = None;
        for s in self.spells {
            let utc = local
                .checked_sub_signed(TimeDelta::seconds(i64::from(s.hours) * 3600))
                .map(|n| n.and_utc())
                .ok_or(KzTimeError::OutOfRange)?;
            let t = utc.timestamp();
            if from.is_none_or(|f| t >= f) && s.until.is_none_or(|u| t < u) {
                found.push(utc);
            }
            from = s.until;
        }
        crate::engine::order::sort(&mut found);
        Ok(match found.as_slice() {
            [] => {
                let last = self.spells.last().map_or(5, |s| s.hours);
                LocalInstants::Single(
                    local
                        .checked_sub_signed(TimeDelta::seconds(i64::from(last) * 3600))
                        .map(|n| n.and_utc())
                        .ok_or(KzTimeError::OutOfRange)?,
                )
            }
            [one] => LocalInstants::Single(*one),
            [earlier, .., later] => LocalInstants::Ambiguous { earlier: *earlier, later: *later },
        })
    }

    /// The instant of a wall-clock time on this clock. For a repeated hour
    /// the **earlier** instant is chosen: a deadline or an opening then never
    /// starts later than the citizen saw.
    pub fn local_to_utc(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, KzTimeError> {
        Ok(match self.local_to_utc_all(local)? {
            LocalInstants::Single(u) => u,
            LocalInstants::Ambiguous { earlier, .. } => earlier,
        })
    }
}

/// The offset in force at `instant` on the [`NATIONAL`] clock.
pub fn offset_at(instant: DateTime<Utc>) -> FixedOffset {
    NATIONAL.offset_at(instant)
}

/// The wall-clock time of `instant` on the [`NATIONAL`] clock.
pub fn to_local(instant: DateTime<Utc>) -> Result<KzLocal, KzTimeError> {
    NATIONAL.to_local(instant)
}

/// The calendar date of `instant` on the [`NATIONAL`] clock.
pub fn local_date(instant: DateTime<Utc>) -> Result<NaiveDate, KzTimeError> {
    NATIONAL.local_date(instant)
}

/// `YYYYMMDD`, as a reference number writes a date (a booking's, a
/// receipt's). By hand: chrono's strftime would add its format parser to
/// the wasm.
///
/// ```
/// use chrono::NaiveDate;
/// use qujat::engine::kztime::compact_date;
///
/// assert_eq!(compact_date(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()), "20260309");
/// ```
pub fn compact_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The instants a wall-clock time can mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalInstants {
    Single(DateTime<Utc>),
    /// First at the older offset, then again at the newer one, an hour later.
    Ambiguous {
        earlier: DateTime<Utc>,
        later: DateTime<Utc>,
    },
}

/// Every instant that shows `local` on the [`NATIONAL`] clock. There is no
/// gap (the clocks went back), but 23:00–24:00 on 29 Feb 2024 is ambiguous.
pub fn local_to_utc_all(local: NaiveDateTime) -> Result<LocalInstants, KzTimeError> {
    NATIONAL.local_to_utc_all(local)
}

/// The instant of a wall-clock time on the [`NATIONAL`] clock; for the
/// repeated hour (29 Feb 2024, 23:00–24:00) the **earlier** instant (UTC+6).
pub fn local_to_utc(local: NaiveDateTime) -> Result<DateTime<Utc>, KzTimeError> {
    NATIONAL.local_to_utc(local)
}

/// Parses an RFC 3339 instant with any offset (`Z`, `+05:00`, `-07:00`…), so
/// a browser in another zone still yields the right instant.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, KzTimeError> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| KzTimeError::Parse { input: s.to_string(), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_constant_is_the_documented_instant() {
        assert_eq!(switch_instant().to_rfc3339(), "2024-02-29T18:00:00+00:00".to_string());
    }

    #[test]
    fn offsets_either_side_of_the_switch() {
        let s = switch_instant();
        assert_eq!(offset_at(s - TimeDelta::seconds(1)), UTC_PLUS_6);
        assert_eq!(offset_at(s), UTC_PLUS_5);
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        assert_eq!(to_local(DateTime::<Utc>::MAX_UTC), Err(KzTimeError::OutOfRange));
        assert!(local_to_utc(NaiveDateTime::MIN).is_err());
    }
}
