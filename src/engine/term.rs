//! The shape of a legal term as the catalogue stores it. The catalogue data
//! (one file per service) holds these; `deadline` interprets them. Each part
//! of a term has its own provenance, so "why this date?" can cite the clause
//! for the amount, the clause (or assumption) for where counting starts, and
//! the assumption for what happens when the last day is not a working day.
//!
//! The structs read from the build-time data declare their fields in the
//! order of their keys, which the build writes sorted: the data is read in
//! that order (`json::in_order`), each value once, where it is; a field
//! declared out of place fails tests/data_order.rs.

use serde::{Deserialize, Serialize};

use super::json::tagged;
use super::source::Provenance;

crate::engine::json::names!(Channel, Location, Unit, EndRule);

/// Where an application is handed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Channel {
    /// The provider's office (канцелярия / кеңсе).
    Provider,
    /// NAO State Corporation "Government for Citizens".
    StateCorporation,
    /// The e-gov portal www.egov.kz.
    Portal,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Provider, Channel::StateCorporation, Channel::Portal];

    /// The CLI and URL spelling.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }

    pub fn from_slug(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// S3 at the State Corporation: is the office in the provider's settlement?
/// (F003 item 3 1); "location" is undefined, C-24.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Location {
    Same,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Unit {
    WorkingDays,
    CalendarDays,
}

/// Where counting starts. serde writes it; it is read in one pass
/// (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum StartRule {
    /// The hand-in day is day 0; counting starts the next day (C-25; explicit
    /// for S3 at the State Corporation, F003 L14).
    DayAfterHandIn,
    /// S2 portal (F001 §7(3)): a submission after the end of working time
    /// (`cutoff`, local "HH:MM", C-05) or on a day off is accepted on the next
    /// working day, which is then day 0.
    NextWorkingDayAfterCutoff { cutoff: String },
}

tagged::reader! {
    StartRule, tag = "kind";
    variants {
        DayAfterHandIn {}
        NextWorkingDayAfterCutoff { cutoff }
    }
    fields {
        String: cutoff;
    }
}

/// What happens when the counted last day is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum EndRule {
    /// Working-day counts always end on a working day.
    AsCounted,
    /// A calendar-day term ending on a day off moves to the next working day.
    NextWorkingDay,
}

/// One term of a service for one channel (and, for S3 at the State
/// Corporation, one location).
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub amount: u32,
    pub channel: Channel,
    pub end: EndRule,
    pub end_provenance: Option<Provenance>,
    pub location: Option<Location>,
    /// Source of the amount and unit.
    pub provenance: Provenance,
    pub start: StartRule,
    pub start_provenance: Provenance,
    pub unit: Unit,
}

/// A local wall-clock time of day, minutes since midnight; written "HH:MM"
/// in the data files (the seeds write 9.00, 18.30).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(pub u16);

impl ClockTime {
    pub fn new(hour: u16, minute: u16) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then_some(ClockTime(hour * 60 + minute))
    }

    pub fn parse(s: &str) -> Option<ClockTime> {
        let (h, m) = s.split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        ClockTime::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    pub fn minute(self) -> u16 {
        self.0 % 60
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("bad time {s:?}, want HH:MM")))
    }
}

/// Opening hours of one place on a working day, in Kazakhstan local time.
/// Working-time milestones (15 min, 2 h, …) are counted only inside these
/// hours, on working days of the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    /// Breaks (lunch), as [start, end) pairs inside the opening hours.
    #[serde(default)]
    pub breaks: Vec<[ClockTime; 2]>,
    pub close: ClockTime,
    pub open: ClockTime,
}

impl Hours {
    /// Minutes of work in one day: opening hours minus breaks.
    pub fn working_minutes(&self) -> u32 {
        let total = u32::from(self.close.0.saturating_sub(self.open.0));
        let breaks: u32 = self.breaks.iter().map(|[a, b]| u32::from(b.0.saturating_sub(a.0))).sum();
        total.saturating_sub(breaks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_time_parses_hh_mm_and_rejects_nonsense() {
        assert_eq!(ClockTime::parse("09:00"), Some(ClockTime(540)));
        assert_eq!(ClockTime::parse("9:30"), Some(ClockTime(570)));
        assert_eq!(ClockTime::parse("18:30").unwrap().to_string(), "18:30");
        for bad in ["", "24:00", "12:60", "12", "12:5", "ab:cd", "-1:00"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn working_minutes_subtract_breaks() {
        let t = |s| ClockTime::parse(s).unwrap();
        let ru =
            Hours { open: t("09:00"), close: t("18:30"), breaks: vec![[t("13:00"), t("14:30")]] };
        let kz =
            Hours { open: t("09:00"), close: t("18:00"), breaks: vec![[t("13:00"), t("14:00")]] };
        assert_eq!(ru.working_minutes(), 8 * 60);
        assert_eq!(kz.working_minutes(), 8 * 60);
    }
}
