//! The Kazakhstan working-day calendar, 2016–2030, and working-time arithmetic.
//!
//! The seeds count terms in working days but contain no holiday list
//! (RULES.md §5.1, §9), so the calendar is outside data:
//! `src/engine/data/calendar.toml` (fixed holidays, Kurban Ait dates, decreed
//! transfers, per-year status and provenance). A new year or decree is an
//! edit there, never here.
//!
//! The data is expanded once into a dense per-day table with prefix counts,
//! so every date query is O(1) (index arithmetic, no day-by-day loop). That
//! matters because the UI recomputes many deadlines as the user types.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::kztime::{self, KzTimeError};
use super::source::Text;
use super::term::Hours;

const DATA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/calendar.json"));

// ---------------------------------------------------------------------------
// Errors

/// Why a calendar query could not be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The date is not in the table (2016-01-01..=2030-12-31).
    OutOfRange {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// The input is in the table, but the answer lies after its last day.
    ResultOutOfRange { from: NaiveDate, last: NaiveDate },
    /// The embedded calendar data is inconsistent (a build-time mistake).
    BadData(String),
    /// Opening hours that cannot be used for working-time arithmetic.
    BadHours(String),
    /// A time conversion failed.
    Time(KzTimeError),
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::OutOfRange { date, first, last } => write!(
                f,
                "{date} is outside the working-day calendar ({first} to {last})"
            ),
            CalendarError::ResultOutOfRange { from, last } => write!(
                f,
                "counting from {from} goes past the end of the working-day calendar ({last})"
            ),
            CalendarError::BadData(m) => write!(f, "calendar data error: {m}"),
            CalendarError::BadHours(m) => write!(f, "unusable opening hours: {m}"),
            CalendarError::Time(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CalendarError {}

impl From<KzTimeError> for CalendarError {
    fn from(e: KzTimeError) -> Self {
        CalendarError::Time(e)
    }
}

// ---------------------------------------------------------------------------
// Raw data, as the build script emits it

#[derive(Deserialize)]
struct RawData {
    meta: RawMeta,
    holiday: Vec<RawHoliday>,
    kurban_ait: RawKurban,
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
struct RawMeta {
    first_year: i32,
    last_year: i32,
    weekend: Vec<String>,
    law: String,
    summary: String,
    moved_rule: String,
}

#[derive(Deserialize)]
struct RawHoliday {
    id: String,
    dates: Vec<String>,
    #[serde(default)]
    from: Option<i32>,
    #[serde(default)]
    until: Option<i32>,
    moved: bool,
    #[serde(default)]
    religious: bool,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    source: Option<String>,
    names: Text,
}

#[derive(Deserialize)]
struct RawKurban {
    id: String,
    moved: bool,
    #[serde(default)]
    religious: bool,
    names: Text,
    dates: Vec<RawDated>,
}

#[derive(Deserialize)]
struct RawDated {
    date: String,
    status: String,
}

#[derive(Deserialize)]
struct RawYear {
    year: i32,
    status: Vec<YearStatus>,
    #[serde(default)]
    decree: Option<String>,
    #[serde(default)]
    transfers_status: Option<String>,
    #[serde(default)]
    note: Option<String>,
    transfers: Vec<RawTransfer>,
}

#[derive(Deserialize)]
struct RawTransfer {
    off: String,
    work: String,
}

// ---------------------------------------------------------------------------
// Public data types

/// A holiday, by its data id ("nauryz", "kurban-ait", …). Serialises as the
/// id so that explanation steps stay data the UI can translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HolidayId(&'static str);

impl HolidayId {
    /// The data id, e.g. "nauryz".
    pub fn slug(self) -> &'static str {
        self.0
    }

    /// The holiday's definition (names, whether it is moved).
    pub fn def(self) -> Option<&'static HolidayDef> {
        calendar().ok()?.holiday(self.0)
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
        calendar()
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

/// What kind of day a date is. Serialised tagged, kebab-case, for the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(rename_all = "kebab-case")]
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

// ---------------------------------------------------------------------------
// The table

/// The expanded calendar. Obtain it with [`calendar`].
#[derive(Debug)]
pub struct Calendar {
    first: NaiveDate,
    last: NaiveDate,
    /// `first.num_days_from_ce()`, so a date's index is one subtraction.
    base: i32,
    days: Vec<DayInfo>,
    /// `cum_work[i]`: working days among indices `0..=i`.
    cum_work: Vec<u32>,
    /// `cum_weekend[i]`: plain weekend days among indices `0..=i`.
    cum_weekend: Vec<u32>,
    /// Indices of the working days, in order (working-day ordinal -> index).
    work_idx: Vec<u32>,
    specials: Vec<SpecialDay>,
    holidays: Vec<HolidayDef>,
    years: Vec<YearInfo>,
    source: CalendarSource,
}

static DATA: OnceLock<Result<RawData, CalendarError>> = OnceLock::new();
static TABLE: OnceLock<Result<Calendar, CalendarError>> = OnceLock::new();

/// The Kazakhstan calendar, built on first use from the embedded data.
pub fn calendar() -> Result<&'static Calendar, CalendarError> {
    TABLE
        .get_or_init(|| {
            let data = DATA
                .get_or_init(|| {
                    serde_json::from_str(DATA_JSON)
                        .map_err(|e| CalendarError::BadData(format!("calendar.json: {e}")))
                })
                .as_ref()
                .map_err(Clone::clone)?;
            build(data)
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn parse_date(s: &str) -> Result<NaiveDate, CalendarError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| CalendarError::BadData(format!("bad date {s:?}: {e}")))
}

fn parse_weekday(s: &str) -> Result<Weekday, CalendarError> {
    match s {
        "mon" => Ok(Weekday::Mon),
        "tue" => Ok(Weekday::Tue),
        "wed" => Ok(Weekday::Wed),
        "thu" => Ok(Weekday::Thu),
        "fri" => Ok(Weekday::Fri),
        "sat" => Ok(Weekday::Sat),
        "sun" => Ok(Weekday::Sun),
        _ => Err(CalendarError::BadData(format!("bad weekday {s:?}"))),
    }
}

/// A holiday occurrence before moving: its date, id and flags.
struct Occurrence {
    date: NaiveDate,
    id: &'static str,
    moved: bool,
    uncertain: bool,
}

/// Expands the data into the per-day table. Runs once; loops here are fine.
fn build(data: &'static RawData) -> Result<Calendar, CalendarError> {
    let m = &data.meta;
    let bad = |s: String| CalendarError::BadData(s);
    let first = NaiveDate::from_ymd_opt(m.first_year, 1, 1)
        .ok_or_else(|| bad(format!("bad first_year {}", m.first_year)))?;
    let last = NaiveDate::from_ymd_opt(m.last_year, 12, 31)
        .ok_or_else(|| bad(format!("bad last_year {}", m.last_year)))?;
    if last < first {
        return Err(bad("last_year before first_year".into()));
    }
    let weekend: Vec<Weekday> = m
        .weekend
        .iter()
        .map(|s| parse_weekday(s))
        .collect::<Result<_, _>>()?;
    let base = first.num_days_from_ce();
    let n = usize::try_from(last.num_days_from_ce() - base + 1)
        .map_err(|_| bad("empty range".into()))?;
    let index = |d: NaiveDate| -> Option<usize> {
        usize::try_from(d.num_days_from_ce() - base)
            .ok()
            .filter(|&i| i < n)
    };
    let date_at = |i: usize| -> Result<NaiveDate, CalendarError> {
        i32::try_from(i)
            .ok()
            .and_then(|i| NaiveDate::from_num_days_from_ce_opt(base + i))
            .ok_or_else(|| bad(format!("index {i} out of range")))
    };

    let mut days = Vec::with_capacity(n);
    for i in 0..n {
        let date = date_at(i)?;
        let kind = if weekend.contains(&date.weekday()) {
            DayKind::Weekend
        } else {
            DayKind::Working
        };
        days.push(DayInfo {
            date,
            kind,
            uncertain: false,
        });
    }

    // Holiday definitions (one per id) and their occurrences.
    let mut holidays: Vec<HolidayDef> = Vec::new();
    let mut occurrences: Vec<Occurrence> = Vec::new();
    let mut define =
        |id: &str, names: &Text, moved: bool, religious: bool, source: Option<&String>| {
            let pos = match holidays.iter().position(|h| h.id == id) {
                Some(p) => p,
                None => {
                    holidays.push(HolidayDef {
                        id: id.to_string(),
                        names: names.clone(),
                        moved,
                        religious,
                        sources: Vec::new(),
                    });
                    holidays.len() - 1
                }
            };
            if let Some(s) = source {
                holidays[pos].sources.push(s.clone());
            }
        };
    for h in &data.holiday {
        define(&h.id, &h.names, h.moved, h.religious, h.source.as_ref());
        if let Some(s) = &h.status
            && s != "confirmed"
            && s != "uncertain"
        {
            return Err(bad(format!("{}: bad status {s:?}", h.id)));
        }
        let from = h.from.unwrap_or(m.first_year).max(m.first_year);
        let until = h.until.unwrap_or(m.last_year).min(m.last_year);
        for year in from..=until {
            for md in &h.dates {
                let date = parse_date(&format!("{year}-{md}"))?;
                occurrences.push(Occurrence {
                    date,
                    id: h.id.as_str(),
                    moved: h.moved && !h.religious,
                    uncertain: h.status.as_deref() == Some("uncertain"),
                });
            }
        }
    }
    let k = &data.kurban_ait;
    define(&k.id, &k.names, k.moved, k.religious, None);
    for d in &k.dates {
        let date = parse_date(&d.date)?;
        if !matches!(d.status.as_str(), "confirmed" | "estimated") {
            return Err(bad(format!(
                "kurban-ait {}: bad status {:?}",
                d.date, d.status
            )));
        }
        if index(date).is_some() {
            occurrences.push(Occurrence {
                date,
                id: k.id.as_str(),
                moved: k.moved && !k.religious,
                uncertain: d.status == "estimated",
            });
        }
    }
    for year in m.first_year..=m.last_year {
        let count = k
            .dates
            .iter()
            .filter(|d| d.date.starts_with(&format!("{year}-")))
            .count();
        if count != 1 {
            return Err(bad(format!("{year}: {count} Kurban Ait dates, want 1")));
        }
    }
    occurrences.sort_by_key(|o| o.date);

    // Mark the holidays on their own dates.
    for o in &occurrences {
        let i = index(o.date).ok_or_else(|| bad(format!("{} out of range", o.date)))?;
        if !matches!(days[i].kind, DayKind::Holiday { .. }) {
            days[i].kind = DayKind::Holiday {
                holiday: HolidayId(o.id),
            };
        }
        days[i].uncertain |= o.uncertain;
    }

    // Decreed transfers, read now so that moved days avoid decreed days off.
    let mut transfers: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut years = Vec::new();
    for (expect, y) in (m.first_year..=m.last_year).zip(&data.year) {
        if y.year != expect {
            return Err(bad(format!("year entries out of order at {}", y.year)));
        }
        if y.status.is_empty() || (y.status.contains(&YearStatus::Confirmed) && y.status.len() != 1)
        {
            return Err(bad(format!("{}: inconsistent status", y.year)));
        }
        for t in &y.transfers {
            transfers.push((parse_date(&t.off)?, parse_date(&t.work)?));
        }
        let mut sources = vec![m.law.clone(), m.summary.clone()];
        if let Some(d) = &y.decree {
            sources.push(format!("https://adilet.zan.kz/rus/docs/{d}"));
        }
        years.push(YearInfo {
            year: y.year,
            status: y.status.clone(),
            decree: y.decree.clone(),
            transfers_status: y.transfers_status.clone(),
            note: y.note.clone(),
            sources,
        });
    }
    if years.len() != usize::try_from(m.last_year - m.first_year + 1).unwrap_or(0) {
        return Err(bad("one [[year]] entry per year is required".into()));
    }

    // Weekend holidays move to the next working day, in date order, so that
    // several of them chain (2022: 1 Jan Sat -> 3 Jan, 2 Jan Sun -> 4 Jan).
    for o in occurrences.iter().filter(|o| o.moved) {
        if !weekend.contains(&o.date.weekday()) {
            continue;
        }
        let mut i = index(o.date).ok_or_else(|| bad(format!("{} out of range", o.date)))? + 1;
        while i < n
            && (days[i].kind != DayKind::Working
                || transfers.iter().any(|&(off, _)| off == days[i].date))
        {
            i += 1;
        }
        if i >= n {
            return Err(bad(format!("{} cannot be moved inside the table", o.date)));
        }
        days[i].kind = DayKind::Moved {
            holiday: HolidayId(o.id),
            from: o.date,
        };
        days[i].uncertain |= o.uncertain;
    }

    // Apply the transfers last: a decree can even turn a moved-holiday day
    // into a working day (11.05.2020).
    for &(off, work) in &transfers {
        let io = index(off).ok_or_else(|| bad(format!("transfer {off} out of range")))?;
        let iw = index(work).ok_or_else(|| bad(format!("transfer {work} out of range")))?;
        if days[io].kind != DayKind::Working {
            return Err(bad(format!(
                "transfer day off {off} is not a plain working day"
            )));
        }
        if days[iw].kind.is_working() {
            return Err(bad(format!(
                "transfer working day {work} is already working"
            )));
        }
        days[io].kind = DayKind::TransferOff { from: work };
        days[iw].kind = DayKind::TransferWorking { instead_of: off };
    }

    // Prefix counts and the working-day index.
    let mut cum_work = Vec::with_capacity(n);
    let mut cum_weekend = Vec::with_capacity(n);
    let mut work_idx = Vec::new();
    let mut specials = Vec::new();
    let (mut w, mut we) = (0u32, 0u32);
    for (i, d) in days.iter().enumerate() {
        match d.kind {
            DayKind::Working => {}
            DayKind::Weekend => we += 1,
            kind => specials.push(SpecialDay {
                date: d.date,
                kind,
                uncertain: d.uncertain,
            }),
        }
        if d.is_working() {
            w += 1;
            work_idx.push(u32::try_from(i).map_err(|_| bad("table too large".into()))?);
        }
        cum_work.push(w);
        cum_weekend.push(we);
    }

    Ok(Calendar {
        first,
        last,
        base,
        days,
        cum_work,
        cum_weekend,
        work_idx,
        specials,
        holidays,
        years,
        source: CalendarSource {
            law: m.law.clone(),
            summary: m.summary.clone(),
            moved_rule: m.moved_rule.clone(),
        },
    })
}

impl Calendar {
    /// First and last date of the table.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }

    /// Provenance of the data set as a whole.
    pub fn source(&self) -> &CalendarSource {
        &self.source
    }

    /// Every holiday the data defines.
    pub fn holidays(&self) -> &[HolidayDef] {
        &self.holidays
    }

    /// The holiday with this id, if the data defines it.
    pub fn holiday(&self, id: &str) -> Option<&HolidayDef> {
        self.holidays.iter().find(|h| h.id == id)
    }

    /// Status and provenance of one year.
    pub fn year_info(&self, year: i32) -> Result<&YearInfo, CalendarError> {
        usize::try_from(year - self.first.year())
            .ok()
            .and_then(|i| self.years.get(i))
            .ok_or(CalendarError::OutOfRange {
                date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
                first: self.first,
                last: self.last,
            })
    }

    fn index(&self, d: NaiveDate) -> Result<usize, CalendarError> {
        usize::try_from(d.num_days_from_ce() - self.base)
            .ok()
            .filter(|&i| i < self.days.len())
            .ok_or(CalendarError::OutOfRange {
                date: d,
                first: self.first,
                last: self.last,
            })
    }

    fn beyond(&self, from: NaiveDate) -> CalendarError {
        CalendarError::ResultOutOfRange {
            from,
            last: self.last,
        }
    }

    /// The date of the `ordinal`-th working day (0-based) of the table.
    fn working_day(&self, ordinal: usize, from: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.work_idx
            .get(ordinal)
            .map(|&i| self.days[i as usize].date)
            .ok_or_else(|| self.beyond(from))
    }

    /// Everything the table knows about `d`.
    pub fn day(&self, d: NaiveDate) -> Result<DayInfo, CalendarError> {
        Ok(self.days[self.index(d)?])
    }

    pub fn is_working(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.days[self.index(d)?].is_working())
    }

    /// The `n`-th working day strictly after `d` (n ≥ 1). `n = 0` means "no
    /// days to count": the first working day **on or after** `d` (so a date
    /// that is itself working is returned unchanged). O(1).
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let before = self.cum_work[i] as usize; // working days in [first, d]
        let ordinal = if n == 0 {
            if self.days[i].is_working() {
                return Ok(d);
            }
            before
        } else {
            before + (n as usize - 1)
        };
        self.working_day(ordinal, d)
    }

    /// The first working day on or after `d`.
    pub fn first_working_day_on_or_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(d, 0)
    }

    /// The first working day strictly after `d`.
    pub fn next_working_day_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(d, 1)
    }

    /// The last working day strictly before `d`.
    pub fn previous_working_day_before(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let upto = self.cum_work[i] as usize - usize::from(self.days[i].is_working());
        // `upto` working days lie before d; the last of them is ordinal upto-1.
        match upto.checked_sub(1) {
            Some(o) => self.working_day(o, d),
            None => Err(CalendarError::OutOfRange {
                date: d,
                first: self.first,
                last: self.last,
            }),
        }
    }

    /// `d + n` calendar days; if that day is not a working day, the next
    /// working day after it. O(1).
    pub fn add_calendar_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let j = i
            .checked_add(n as usize)
            .filter(|&j| j < self.days.len())
            .ok_or_else(|| self.beyond(d))?;
        if self.days[j].is_working() {
            Ok(self.days[j].date)
        } else {
            self.working_day(self.cum_work[j] as usize, d)
        }
    }

    /// Working days in the half-open range (a, b]; negative when b < a
    /// (then it is minus the count in (b, a]). O(1).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        Ok(i64::from(self.cum_work[ib]) - i64::from(self.cum_work[ia]))
    }

    /// Plain weekend days (not holidays, not transfers) in [a, b], inclusive.
    /// O(1). Zero when b < a.
    pub fn plain_weekends_in(&self, a: NaiveDate, b: NaiveDate) -> Result<u32, CalendarError> {
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        if ib < ia {
            return Ok(0);
        }
        let before = if ia == 0 { 0 } else { self.cum_weekend[ia - 1] };
        Ok(self.cum_weekend[ib] - before)
    }

    /// Holidays, moved holidays and both sides of transfers in [a, b],
    /// inclusive, in date order (binary search; for explanations). Empty when b < a.
    pub fn holidays_in(&self, a: NaiveDate, b: NaiveDate) -> Result<&[SpecialDay], CalendarError> {
        self.index(a)?;
        self.index(b)?;
        if b < a {
            return Ok(&[]);
        }
        let lo = self.specials.partition_point(|s| s.date < a);
        let hi = self.specials.partition_point(|s| s.date <= b);
        Ok(&self.specials[lo..hi])
    }

    /// Non-working days that are not plain weekends, in [a, b]: what a
    /// working-day count skips besides weekends.
    pub fn non_working_weekdays_in(
        &self,
        a: NaiveDate,
        b: NaiveDate,
    ) -> Result<Vec<SpecialDay>, CalendarError> {
        Ok(self
            .holidays_in(a, b)?
            .iter()
            .filter(|s| !s.kind.is_working() && !is_weekend_day(s.date))
            .copied()
            .collect())
    }

    // -----------------------------------------------------------------------
    // Working time

    /// Moves a local (date, minute) to the first open minute at or after it.
    fn normalize(
        &self,
        date: NaiveDate,
        minute: u16,
        segs: &[(u16, u16)],
    ) -> Result<(NaiveDate, u16), CalendarError> {
        if self.is_working(date)? {
            for &(s, e) in segs {
                if minute < e {
                    return Ok((date, minute.max(s)));
                }
            }
        }
        Ok((self.next_working_day_after(date)?, segs[0].0))
    }

    /// Adds working time to `start` (see [`WorkDuration`]). A start outside
    /// the opening hours first moves to the next opening, then:
    ///
    /// - `Minutes(m)`: counts only minutes inside `hours` (breaks excluded) on
    ///   working days. A duration that ends exactly at a break or at closing
    ///   time ends there (13:00), not at the next opening.
    /// - `WorkingDays(n)`: the same local time of day `n` working days later.
    ///   Because the start was moved into opening hours first, the result is
    ///   always inside them (e.g. 20:00 Friday + 1 working day = 09:00 Tuesday).
    ///
    /// Whole days are skipped with the O(1) working-day table, so a long
    /// duration costs no more than a short one.
    pub fn add_working_time(
        &self,
        start: DateTime<Utc>,
        dur: WorkDuration,
        hours: &Hours,
    ) -> Result<DateTime<Utc>, CalendarError> {
        let segs = segments(hours)?;
        let local = kztime::to_local(start)?;
        let (date, t) = self.normalize(local.date(), minute_of_day(local.local), &segs)?;
        let (date, t) = match dur {
            WorkDuration::WorkingDays(n) => (self.add_working_days(date, n)?, t),
            WorkDuration::Minutes(0) => (date, t),
            WorkDuration::Minutes(m) => {
                let left_today: u32 = segs
                    .iter()
                    .map(|&(s, e)| u32::from(e.saturating_sub(s.max(t))))
                    .sum();
                if m <= left_today {
                    (date, walk(&segs, t, m))
                } else {
                    let per_day: u32 = segs.iter().map(|&(s, e)| u32::from(e - s)).sum();
                    let rest = m - left_today;
                    let skip = (rest - 1) / per_day; // whole days after the first new one
                    let rem = rest - skip * per_day; // 1..=per_day
                    let day = self.add_working_days(date, skip + 1)?;
                    (day, walk(&segs, segs[0].0, rem))
                }
            }
        };
        let naive = date
            .and_hms_opt(u32::from(t / 60), u32::from(t % 60), 0)
            .ok_or_else(|| CalendarError::BadHours(format!("minute {t} is not a time of day")))?;
        Ok(kztime::local_to_utc(naive)?)
    }

    /// Whether `instant` falls inside `hours` (breaks excluded) on a working day.
    pub fn is_open(&self, instant: DateTime<Utc>, hours: &Hours) -> Result<bool, CalendarError> {
        let segs = segments(hours)?;
        let local = kztime::to_local(instant)?;
        let t = minute_of_day(local.local);
        Ok(self.is_working(local.date())? && segs.iter().any(|&(s, e)| s <= t && t < e))
    }
}

fn is_weekend_day(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn minute_of_day(t: NaiveDateTime) -> u16 {
    // hour < 24 and minute < 60, so this fits easily.
    (t.time().hour() * 60 + t.time().minute()) as u16
}

/// Where the `m`-th open minute after `t` ends (m ≥ 1 and fits in the day).
fn walk(segs: &[(u16, u16)], t: u16, mut m: u32) -> u16 {
    let mut end = t;
    for &(s, e) in segs {
        if e <= t {
            continue;
        }
        let from = s.max(t);
        let avail = u32::from(e - from);
        if m <= avail {
            return from + m as u16;
        }
        m -= avail;
        end = e;
    }
    end
}

/// The open intervals [start, end) of a working day, in minutes.
fn segments(h: &Hours) -> Result<Vec<(u16, u16)>, CalendarError> {
    let bad = |m: &str| CalendarError::BadHours(format!("{m} ({}–{})", h.open, h.close));
    if h.open >= h.close {
        return Err(bad("opening must be before closing"));
    }
    let mut segs = Vec::with_capacity(h.breaks.len() + 1);
    let mut cur = h.open.0;
    for [a, b] in &h.breaks {
        if a.0 >= b.0 || a.0 < cur || b.0 > h.close.0 {
            return Err(bad(
                "breaks must be ordered, non-empty and inside the hours",
            ));
        }
        if a.0 > cur {
            segs.push((cur, a.0));
        }
        cur = b.0;
    }
    if h.close.0 > cur {
        segs.push((cur, h.close.0));
    }
    if segs.is_empty() {
        return Err(bad("no working minutes"));
    }
    Ok(segs)
}

/// A working-time amount for the regulation's internal steps (F002, F004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkDuration {
    Minutes(u32),
    WorkingDays(u32),
}

// ---------------------------------------------------------------------------
// Free functions on the embedded calendar, for callers that do not keep a
// `&Calendar` around.

/// See [`Calendar::day`].
pub fn day(d: NaiveDate) -> Result<DayInfo, CalendarError> {
    calendar()?.day(d)
}

/// See [`Calendar::is_working`].
pub fn is_working(d: NaiveDate) -> Result<bool, CalendarError> {
    calendar()?.is_working(d)
}

/// See [`Calendar::add_working_days`].
pub fn add_working_days(d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    calendar()?.add_working_days(d, n)
}

/// See [`Calendar::add_calendar_days`].
pub fn add_calendar_days(d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    calendar()?.add_calendar_days(d, n)
}

/// See [`Calendar::working_days_between`].
pub fn working_days_between(a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
    calendar()?.working_days_between(a, b)
}

/// See [`Calendar::next_working_day_after`].
pub fn next_working_day_after(d: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar()?.next_working_day_after(d)
}

/// See [`Calendar::holidays_in`].
pub fn holidays_in(a: NaiveDate, b: NaiveDate) -> Result<&'static [SpecialDay], CalendarError> {
    calendar()?.holidays_in(a, b)
}

/// See [`Calendar::year_info`].
pub fn year_info(year: i32) -> Result<&'static YearInfo, CalendarError> {
    calendar()?.year_info(year)
}

/// See [`Calendar::add_working_time`].
pub fn add_working_time(
    start: DateTime<Utc>,
    dur: WorkDuration,
    hours: &Hours,
) -> Result<DateTime<Utc>, CalendarError> {
    calendar()?.add_working_time(start, dur, hours)
}

/// See [`Calendar::is_open`].
pub fn is_open(instant: DateTime<Utc>, hours: &Hours) -> Result<bool, CalendarError> {
    calendar()?.is_open(instant, hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn embedded_data_builds() {
        let c = calendar().unwrap();
        assert_eq!(c.range(), (d("2016-01-01"), d("2030-12-31")));
        assert_eq!(c.days.len(), 5479);
    }

    #[test]
    fn bad_data_is_an_error_not_a_panic() {
        let r: Result<RawData, _> = serde_json::from_str("{\"meta\": 1}");
        assert!(r.is_err());
    }

    #[test]
    fn segments_reject_nonsense_hours() {
        use super::super::term::ClockTime;
        let t = |s| ClockTime::parse(s).unwrap();
        let h = Hours {
            open: t("18:00"),
            close: t("09:00"),
            breaks: vec![],
        };
        assert!(matches!(segments(&h), Err(CalendarError::BadHours(_))));
        let h = Hours {
            open: t("09:00"),
            close: t("18:00"),
            breaks: vec![[t("14:00"), t("13:00")]],
        };
        assert!(segments(&h).is_err());
        let h = Hours {
            open: t("09:00"),
            close: t("18:00"),
            breaks: vec![[t("09:00"), t("18:00")]],
        };
        assert!(segments(&h).is_err());
    }
}
