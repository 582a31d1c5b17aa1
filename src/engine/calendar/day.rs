//! What a day is: working, weekend, a holiday (on its date or moved), or
//! either side of a decreed transfer; and how sure the data is about a year.
//! These are data (serialisable, with holiday ids rather than names) so an
//! explanation step can carry them and the UI can translate them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::json::tagged;
use crate::engine::source::Text;

crate::engine::json::names!(YearStatus);

/// A holiday, by its data id ("nauryz", "kurban-ait", …). Serialises as the
/// id so that explanation steps stay data the UI can translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HolidayId(pub(super) &'static str);

impl HolidayId {
    /// The data id, e.g. "nauryz".
    pub fn slug(self) -> &'static str {
        self.0
    }

    /// The holiday's definition (names, whether it is moved).
    pub fn def(self) -> Option<&'static HolidayDef> {
        super::calendar().ok()?.holiday(self.0)
    }

    /// The holiday's name in kk/ru/en.
    pub fn names(self) -> Option<&'static Text> {
        self.def().map(|d| &d.names)
    }
}

impl std::fmt::Display for HolidayId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for HolidayId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for HolidayId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        super::calendar()
            .ok()
            .and_then(|c| c.holiday(&s))
            .map(|h| HolidayId(h.id.as_str()))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown holiday {s:?}")))
    }
}

/// One holiday as the data defines it (all its dates share the id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HolidayDef {
    pub id: String,
    pub names: Text,
    /// Moved to the next working day when it falls on a weekend.
    pub moved: bool,
    /// Religious holidays (Orthodox Christmas, Kurban Ait) are never moved.
    pub religious: bool,
    /// Where a date change comes from, when the data names it.
    pub sources: Vec<String>,
}

/// What kind of day a date is. Serialised tagged, kebab-case, for the UI;
/// read in one pass (`json::tagged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DayKind {
    /// Monday–Friday, not a holiday.
    Working,
    /// Saturday or Sunday with nothing special.
    Weekend,
    /// A public holiday on its own date (may itself fall on a weekend).
    Holiday { holiday: HolidayId },
    /// A day off because `holiday` fell on the weekend date `from`.
    Moved { holiday: HolidayId, from: NaiveDate },
    /// A decreed day off, traded for working on `from` (usually a Saturday).
    TransferOff { from: NaiveDate },
    /// A decreed working day (a weekend, or a moved-holiday day), worked
    /// instead of `instead_of`.
    TransferWorking { instead_of: NaiveDate },
}

tagged::reader! {
    DayKind, tag = "kind";
    variants {
        Working {}
        Weekend {}
        Holiday { holiday }
        Moved { holiday, from }
        TransferOff { from }
        TransferWorking { instead_of }
    }
    fields {
        HolidayId: holiday;
    }
    read {
        NaiveDate = "crate::engine::json::date::naive_opt": from, instead_of;
    }
}

impl DayKind {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Working | DayKind::TransferWorking { .. })
    }

    /// A short machine word plus detail, as the CLI's CSV writes it:
    /// `working`, `weekend`, `holiday:nauryz`, `moved:nauryz:2024-03-23`,
    /// `transfer-off:2024-05-04`, `transfer-working:2024-05-08`.
    pub fn code(self) -> String {
        match self {
            DayKind::Working => "working".into(),
            DayKind::Weekend => "weekend".into(),
            DayKind::Holiday { holiday } => format!("holiday:{holiday}"),
            DayKind::Moved { holiday, from } => format!("moved:{holiday}:{from}"),
            DayKind::TransferOff { from } => format!("transfer-off:{from}"),
            DayKind::TransferWorking { instead_of } => format!("transfer-working:{instead_of}"),
        }
    }
}

/// One day of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DayInfo {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The day comes from estimated or uncertain data (e.g. a Kurban Ait
    /// date not yet fixed), so the UI should warn.
    pub uncertain: bool,
}

impl DayInfo {
    pub fn is_working(&self) -> bool {
        self.kind.is_working()
    }
}

/// Status flags of one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum YearStatus {
    /// Holidays and transfers checked against the law and the year's decree.
    Confirmed,
    /// The holiday list itself may still change (e.g. the 2026 Constitution changes).
    HolidaysUncertain,
    /// Kurban Ait is an astronomical estimate, not a decreed date.
    KurbanAitEstimated,
    /// No transfer decree is recorded; days may still be swapped.
    TransfersUnknown,
}

/// Where a year's data comes from and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearInfo {
    pub year: i32,
    pub status: Vec<YearStatus>,
    /// adilet.zan.kz id of the transfer decree, if any.
    pub decree: Option<String>,
    /// E.g. "transfers_not_decreed_or_unknown".
    pub transfers_status: Option<String>,
    pub note: Option<String>,
    /// Human-readable provenance lines (law, summary source, decree).
    pub sources: Vec<String>,
}

impl YearInfo {
    pub fn is_confirmed(&self) -> bool {
        self.status == [YearStatus::Confirmed]
    }
}

/// Provenance of the whole data set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CalendarSource {
    pub law: String,
    pub summary: String,
    pub moved_rule: String,
}

/// A day that is not plain working or plain weekend: a holiday, a moved
/// holiday, or either side of a decreed transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SpecialDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub uncertain: bool,
}
