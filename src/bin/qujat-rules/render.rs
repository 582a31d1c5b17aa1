//! The explanation in plain English, one line per step: the CLI's own
//! rendering (the UI renders the same steps through its i18n messages, in
//! kk, ru and en). It lives with the CLI because nothing else uses it.

use chrono::NaiveDate;

use qujat::engine::calendar::{DayKind, HolidayId, YearStatus};
use qujat::engine::deadline::{Explanation, Step};
use qujat::engine::source::{Lang, Provenance, SeedLang};
use qujat::engine::term::{Location, Unit};

/// One line per step, then one per assumption.
pub fn english_lines(ex: &Explanation) -> Vec<String> {
    let mut lines: Vec<String> = ex.steps.iter().map(english).collect();
    for a in &ex.assumptions {
        let note = a.note.as_ref().map(|t| t.get(Lang::En)).unwrap_or("");
        lines.push(format!("Assumption{}: {note}", cite_suffix(a)));
    }
    lines
}

fn cite_suffix(p: &Provenance) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in &p.cites {
        let lang = match c.lang {
            SeedLang::Ru => "RU",
            SeedLang::Kk => "KZ",
        };
        // Two quotes from one line cite it once.
        let s = format!("{:?} {} {lang}, L{}", c.seed, c.clause, c.line);
        if !parts.contains(&s) {
            parts.push(s);
        }
    }
    if let Some(r) = &p.rule {
        parts.push(r.clone());
    }
    if p.is_assumption() {
        parts.push("interpretation".into());
    }
    if parts.is_empty() { String::new() } else { format!(" [{}]", parts.join("; ")) }
}

fn dmy(d: NaiveDate) -> String {
    format!("{} ({})", d, d.format("%a"))
}

fn holiday_name(kind: DayKind) -> String {
    let name = |id: HolidayId| {
        id.names().map(|t| t.get(Lang::En).to_string()).unwrap_or_else(|| id.slug().to_string())
    };
    match kind {
        DayKind::Working => "working day".into(),
        DayKind::Weekend => "weekend".into(),
        DayKind::Holiday { holiday } => name(holiday),
        DayKind::Moved { holiday, from } => {
            format!("{}, moved from {}", name(holiday), dmy(from))
        }
        DayKind::TransferOff { from } => {
            format!("day off by decree, in exchange for working on {}", dmy(from))
        }
        DayKind::TransferWorking { instead_of } => {
            format!("working day by decree, instead of {}", dmy(instead_of))
        }
    }
}

fn english(step: &Step) -> String {
    match step {
        Step::Submitted { instant, local, offset_hours, region } => format!(
            "Submitted {} {} time (UTC+{offset_hours}), {}.",
            local.format("%Y-%m-%d %H:%M"),
            region
                .as_deref()
                .and_then(qujat::engine::region::region)
                .map_or("Kazakhstan".to_string(), |r| r.name.get(Lang::En).to_string()),
            instant.format("%Y-%m-%dT%H:%M:%SZ")
        ),
        Step::RegionUnknown { offset_hours, source } => format!(
            "The office's region is not known: its time is read at UTC+{offset_hours}, a clock no region was behind.{}",
            cite_suffix(source)
        ),
        Step::LocationAssumed { location, source } => format!(
            "Office location unknown: the {} term is used.{}",
            match location {
                Location::Same => "same-settlement",
                Location::Other => "longer other-settlement",
            },
            cite_suffix(source)
        ),
        Step::AfterHours { cutoff, local_time, next, source } => format!(
            "Submitted at {} (at or after the {cutoff} cut-off): accepted on the next working day, {}.{}",
            local_time.format("%H:%M"),
            dmy(*next),
            cite_suffix(source)
        ),
        Step::NonWorkingDay { date, reason, next, source } => format!(
            "{} is not a working day ({}): accepted on the next working day, {}.{}",
            dmy(*date),
            holiday_name(*reason),
            dmy(*next),
            cite_suffix(source)
        ),
        Step::CountFrom { day_zero, source } => format!(
            "Day 0 is {}; counting starts the next day.{}",
            dmy(*day_zero),
            cite_suffix(source)
        ),
        Step::Counted { amount, unit, from, to, source } => format!(
            "Counted {amount} {} after {}: {}.{}",
            match unit {
                Unit::WorkingDays => "working days",
                Unit::CalendarDays => "calendar days",
            },
            from,
            dmy(*to),
            cite_suffix(source)
        ),
        Step::Skipped { date, why } => {
            format!("Skipped {}: {}.", dmy(*date), holiday_name(*why))
        }
        Step::WorkingWeekend { date, instead_of } => format!(
            "Counted {}: a working day by decree, instead of {}.",
            dmy(*date),
            dmy(*instead_of)
        ),
        Step::WeekendsSkipped { count } => format!("Skipped {count} weekend days."),
        Step::MovedToWorkingDay { from, to, why, source } => format!(
            "{} is not a working day ({}): moved to {}.{}",
            dmy(*from),
            holiday_name(*why),
            dmy(*to),
            source.as_ref().map(cite_suffix).unwrap_or_default()
        ),
        Step::DueOnDayOff { date, why, source } => format!(
            "{} is not a working day ({}); the term is not moved.{}",
            dmy(*date),
            holiday_name(*why),
            source.as_ref().map(cite_suffix).unwrap_or_default()
        ),
        Step::CalendarUncertain { year, status } => format!(
            "The {year} calendar is not final ({}).",
            status
                .iter()
                .map(|s| match s {
                    YearStatus::Confirmed => "confirmed",
                    YearStatus::HolidaysUncertain => "holidays may change",
                    YearStatus::KurbanAitEstimated => "Kurban Ait date estimated",
                    YearStatus::TransfersUnknown => "day-off transfers not yet decreed",
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Step::ProviderDelivery { deadline, deliver_by, source } => format!(
            "The provider delivers the result to the State Corporation by the end of {}, the working day before the deadline {}.{}",
            dmy(*deliver_by),
            deadline,
            cite_suffix(source)
        ),
        Step::StoredUntil { from, months, until, source } => format!(
            "Held at the State Corporation for {months} month from {from}: until {}, then handed to the provider.{}",
            dmy(*until),
            cite_suffix(source)
        ),
        Step::Due { date } => format!("Due: {}.", dmy(*date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qujat::engine::calendar;
    use qujat::engine::catalog;
    use qujat::engine::deadline;
    use qujat::engine::kztime;
    use qujat::engine::service::ServiceId;
    use qujat::engine::term::Channel;

    /// Moved from tests/deadline.rs with the rendering: S2 on the portal,
    /// after the cut-off before Nauryz 2025.
    #[test]
    fn the_english_rendering_names_nauryz_and_cites_the_clause() {
        let s2 = catalog::service(ServiceId::S2);
        let submitted = kztime::parse_instant("2025-03-20T19:30:00+05:00").unwrap();
        let cal = calendar::calendar().unwrap();
        let dl = deadline::deadline_for(&s2.terms, Channel::Portal, None, submitted, cal).unwrap();
        let text = english_lines(&dl.explanation).join("\n");
        assert!(text.contains("Nauryz, moved from 2025-03-22 (Sat)"), "{text}");
        assert!(text.contains("F001 §7(3) RU, L17"), "{text}");
        assert!(text.contains("C-05"), "{text}");
    }
}
