//! The shape of a legal term as the catalogue stores it. The catalogue data
//! (one file per service) holds these; `deadline` interprets them. Each part
//! of a term has its own provenance, so "why this date?" can cite the clause
//! for the amount, the clause (or assumption) for where counting starts, and
//! the assumption for what happens when the last day is not a working day.

use serde::{Deserialize, Serialize};

use super::source::Provenance;

/// Where an application is handed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// The provider's office (канцелярия / кеңсе).
    Provider,
    /// NAO State Corporation "Government for Citizens".
    StateCorporation,
    /// The e-gov portal www.egov.kz.
    Portal,
}

impl Channel {
    pub const ALL: [Channel; 3] = [
        Channel::Provider,
        Channel::StateCorporation,
        Channel::Portal,
    ];

    /// The CLI and URL spelling.
    pub fn slug(self) -> &'static str {
        match self {
            Channel::Provider => "provider",
            Channel::StateCorporation => "state-corporation",
            Channel::Portal => "portal",
        }
    }

    pub fn from_slug(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// S3 at the State Corporation: is the office in the provider's settlement?
/// (F003 item 3 1); "location" is undefined, C-24.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Location {
    Same,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    WorkingDays,
    CalendarDays,
}

/// Where counting starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// What happens when the counted last day is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EndRule {
    /// Working-day counts always end on a working day.
    AsCounted,
    /// A calendar-day term ending on a day off moves to the next working day.
    NextWorkingDay,
}

/// One term of a service for one channel (and, for S3 at the State
/// Corporation, one location).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub channel: Channel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub amount: u32,
    pub unit: Unit,
    /// Source of the amount and unit.
    pub provenance: Provenance,
    pub start: StartRule,
    pub start_provenance: Provenance,
    pub end: EndRule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_provenance: Option<Provenance>,
}
