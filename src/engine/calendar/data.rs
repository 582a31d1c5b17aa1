//! The calendar data as the build script emits it (from
//! `src/engine/data/calendar.toml`), and its expansion into the table.
//! Every inconsistency is a [`CalendarError::BadData`], never a panic.
//!
//! The structs read from the build-time data declare their fields in the
//! order of their keys, which the build writes sorted: the data is read in
//! that order (`json::in_order`), each value once, where it is; a field
//! declared out of place fails tests/data_order.rs.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::day::{
    CalendarSource, DayInfo, DayKind, HolidayDef, HolidayId, SpecialDay, YearInfo, YearStatus,
};
use super::error::CalendarError;
use super::table::Calendar;
use crate::engine::source::Text;

#[derive(Deserialize)]
pub(super) struct RawData {
    holiday: Vec<RawHoliday>,
    kurban_ait: RawKurban,
    meta: RawMeta,
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
struct RawMeta {
    first_year: i32,
    last_year: i32,
    law: String,
    moved_rule: String,
    summary: String,
    weekend: Vec<String>,
}

#[derive(Deserialize)]
struct RawHoliday {
    dates: Vec<String>,
    #[serde(default)]
    from: Option<i32>,
    id: String,
    moved: bool,
    names: Text,
    #[serde(default)]
    religious: bool,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    until: Option<i32>,
}

#[derive(Deserialize)]
struct RawKurban {
    dates: Vec<RawDated>,
    id: String,
    moved: bool,
    names: Text,
    #[serde(default)]
    religious: bool,
}

#[derive(Deserialize)]
struct RawDated {
    date: String,
    status: String,
}

#[derive(Deserialize)]
struct RawYear {
    #[serde(default)]
    decree: Option<String>,
    #[serde(default)]
    note: Option<String>,
    status: Vec<YearStatus>,
    transfers: Vec<RawTransfer>,
    #[serde(default)]
    transfers_status: Option<String>,
    year: i32,
}

#[derive(Deserialize)]
struct RawTransfer {
    off: String,
    work: String,
}

fn parse_date(s: &str) -> Result<NaiveDate, CalendarError> {
    crate::engine::json::date::parse_date(s)
        .ok_or_else(|| CalendarError::BadData(format!("bad date {s:?}: not YYYY-MM-DD")))
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

/// Parses the data.
pub(super) fn parse(json: &str) -> Result<RawData, CalendarError> {
    // In order: the build writes the data's keys sorted (and a changed
    // copy made from a `serde_json::Value` is sorted too).
    crate::engine::json::in_order(|| crate::engine::json::from_str(json))
        .map_err(|e| CalendarError::BadData(format!("calendar.json: {e}")))
}

impl Calendar {
    /// Builds a calendar from data in the embedded format (JSON, see
    /// [`embedded_data`](super::embedded_data)), checked as the embedded data
    /// is: for tools and tests that need another version of the data, e.g.
    /// to show that a stored explanation survives a calendar edit. The data
    /// is kept for the rest of the program (holiday ids borrow it), so build
    /// few of these.
    pub fn from_json(json: &str) -> Result<Calendar, CalendarError> {
        let data: &'static RawData = Box::leak(Box::new(parse(json)?));
        build(data)
    }
}

/// Expands the data into the per-day table. Runs once; loops here are fine.
pub(super) fn build(data: &'static RawData) -> Result<Calendar, CalendarError> {
    let m = &data.meta;
    let bad = |s: String| CalendarError::BadData(s);
    let first = NaiveDate::from_ymd_opt(m.first_year, 1, 1)
        .ok_or_else(|| bad(format!("bad first_year {}", m.first_year)))?;
    let last = NaiveDate::from_ymd_opt(m.last_year, 12, 31)
        .ok_or_else(|| bad(format!("bad last_year {}", m.last_year)))?;
    if last < first {
        return Err(bad("last_year before first_year".into()));
    }
    let weekend: Vec<Weekday> =
        m.weekend.iter().map(|s| parse_weekday(s)).collect::<Result<_, _>>()?;
    let base = first.num_days_from_ce();
    let n = usize::try_from(last.num_days_from_ce() - base + 1)
        .map_err(|_| bad("empty range".into()))?;
    let index = |d: NaiveDate| -> Option<usize> {
        usize::try_from(d.num_days_from_ce() - base).ok().filter(|&i| i < n)
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
        let kind =
            if weekend.contains(&date.weekday()) { DayKind::Weekend } else { DayKind::Working };
        days.push(DayInfo { date, kind, uncertain: false });
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
            return Err(bad(format!("kurban-ait {}: bad status {:?}", d.date, d.status)));
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
        let count = k.dates.iter().filter(|d| d.date.starts_with(&format!("{year}-"))).count();
        if count != 1 {
            return Err(bad(format!("{year}: {count} Kurban Ait dates, want 1")));
        }
    }
    crate::engine::order::sort_by_key(&mut occurrences, |o| o.date);

    // Mark the holidays on their own dates.
    for o in &occurrences {
        let i = index(o.date).ok_or_else(|| bad(format!("{} out of range", o.date)))?;
        if !matches!(days[i].kind, DayKind::Holiday { .. }) {
            days[i].kind = DayKind::Holiday { holiday: HolidayId(o.id) };
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
        days[i].kind = DayKind::Moved { holiday: HolidayId(o.id), from: o.date };
        days[i].uncertain |= o.uncertain;
    }

    // Apply the transfers last: a decree can even turn a moved-holiday day
    // into a working day (11.05.2020).
    for &(off, work) in &transfers {
        let io = index(off).ok_or_else(|| bad(format!("transfer {off} out of range")))?;
        let iw = index(work).ok_or_else(|| bad(format!("transfer {work} out of range")))?;
        if days[io].kind != DayKind::Working {
            return Err(bad(format!("transfer day off {off} is not a plain working day")));
        }
        if days[iw].kind.is_working() {
            return Err(bad(format!("transfer working day {work} is already working")));
        }
        days[io].kind = DayKind::TransferOff { from: work };
        days[iw].kind = DayKind::TransferWorking { instead_of: off };
    }

    // Prefix counts and the working-day index.
    let mut cum_work = Vec::with_capacity(n);
    let mut cum_weekend = Vec::with_capacity(n);
    let mut work_dates = Vec::new();
    let mut specials = Vec::new();
    let (mut w, mut we) = (0u32, 0u32);
    for d in &days {
        match d.kind {
            DayKind::Working => {}
            DayKind::Weekend => we += 1,
            kind => specials.push(SpecialDay { date: d.date, kind, uncertain: d.uncertain }),
        }
        if d.is_working() {
            w += 1;
            work_dates.push(d.date);
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
        work_dates,
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
