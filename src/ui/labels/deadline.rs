//! "Why this date?": each step of a deadline's explanation in words.

use chrono::NaiveDate;

use super::{DayReason, Message};
use crate::engine::calendar::YearStatus;
use crate::engine::deadline::Step;
use crate::engine::source::Lang;
use crate::engine::term::Unit;
use crate::i18n::tr;
use crate::ui::format;

impl Message for Step {
    fn message(&self, lang: Lang) -> String {
        let d = |x: &NaiveDate| format::date(*x);
        let why = |date: &NaiveDate, kind| DayReason(*date, kind).message(lang);
        match self {
            Step::Submitted { local, offset_hours, .. } => {
                tr::why_submitted(lang, &format::local_date_time(*local), &offset_hours.to_string())
            }
            Step::RegionUnknown { offset_hours, .. } => {
                tr::why_region_unknown(lang, &offset_hours.to_string())
            }
            Step::LocationAssumed { .. } => tr::why_location_assumed(lang).into(),
            Step::AfterHours { cutoff, local_time, next, .. } => tr::why_after_hours(
                lang,
                &format::clock(*local_time),
                &cutoff.to_string(),
                &d(next),
            ),
            Step::NonWorkingDay { date, reason, next, .. } => {
                tr::why_non_working_day(lang, &d(date), &why(date, *reason), &d(next))
            }
            Step::CountFrom { day_zero, .. } => tr::why_count_from(lang, &d(day_zero)),
            Step::Counted { amount, unit, from, to, .. } => {
                let n = i64::from(*amount);
                match unit {
                    Unit::WorkingDays => tr::why_counted_working(lang, n, &d(from), &d(to)),
                    Unit::CalendarDays => tr::why_counted_calendar(lang, n, &d(from), &d(to)),
                }
            }
            Step::Skipped { date, why: kind } => tr::why_skipped(lang, &d(date), &why(date, *kind)),
            Step::WorkingWeekend { date, instead_of } => {
                tr::why_working_weekend(lang, &d(date), &d(instead_of))
            }
            Step::WeekendsSkipped { count } => tr::why_weekends(lang, i64::from(*count)),
            Step::MovedToWorkingDay { from, to, why: kind, .. } => {
                tr::why_moved_to_working_day(lang, &d(from), &why(from, *kind), &d(to))
            }
            Step::DueOnDayOff { date, why: kind, .. } => {
                tr::why_due_on_day_off(lang, &d(date), &why(date, *kind))
            }
            Step::CalendarUncertain { year, status } => {
                let parts: Vec<&str> = status
                    .iter()
                    .filter_map(|s| match s {
                        YearStatus::HolidaysUncertain => Some(tr::why_uncertain_holidays(lang)),
                        YearStatus::KurbanAitEstimated => Some(tr::why_uncertain_kurban(lang)),
                        YearStatus::TransfersUnknown => Some(tr::why_uncertain_transfers(lang)),
                        YearStatus::Confirmed => None,
                    })
                    .collect();
                format!("{} {}.", tr::why_uncertain_year(lang, &year.to_string()), parts.join("; "))
            }
            Step::ProviderDelivery { deliver_by, .. } => {
                tr::why_provider_delivery(lang, &d(deliver_by))
            }
            Step::StoredUntil { from, until, .. } => {
                tr::why_stored_until(lang, &d(from), &d(until))
            }
            Step::Due { date } => tr::why_due(lang, &d(date)),
        }
    }
}
