//! "Why this date?": an engine explanation rendered step by step, each step
//! with its legal basis, and the assumptions it relied on.

use chrono::{Datelike, NaiveDate, Weekday};
use leptos::prelude::*;

use super::format;
use super::law::{LawText, LegalBasis};
use super::prefs::use_lang;
use crate::engine::calendar::{DayKind, YearStatus};
use crate::engine::deadline::{Explanation, Step};
use crate::engine::source::{Lang, Provenance};
use crate::engine::term::Unit;
use crate::i18n::tr;
use crate::ui::text::{t, ts};

pub fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => tr::why_monday(lang),
        Weekday::Tue => tr::why_tuesday(lang),
        Weekday::Wed => tr::why_wednesday(lang),
        Weekday::Thu => tr::why_thursday(lang),
        Weekday::Fri => tr::why_friday(lang),
        Weekday::Sat => tr::why_saturday(lang),
        Weekday::Sun => tr::why_sunday(lang),
    }
}

/// Why a day is what it is: "Saturday", "Nauryz", "Capital Day, moved from
/// Saturday 06.07.2024", …
pub fn day_reason(lang: Lang, date: NaiveDate, kind: DayKind) -> String {
    let name = |h: crate::engine::calendar::HolidayId| {
        h.names()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_else(|| h.slug().to_string())
    };
    match kind {
        DayKind::Working => tr::why_kind_working(lang).into(),
        DayKind::Weekend => weekday(lang, date).into(),
        DayKind::Holiday { holiday } => tr::why_kind_holiday(lang, &name(holiday)),
        DayKind::Moved { holiday, from } => tr::why_kind_moved(
            lang,
            &name(holiday),
            weekday(lang, from),
            &format::date(from),
        ),
        DayKind::TransferOff { from } => tr::why_kind_transfer_off(lang, &format::date(from)),
        DayKind::TransferWorking { instead_of } => {
            tr::why_kind_transfer_working(lang, &format::date(instead_of))
        }
    }
}

fn step_text(lang: Lang, step: &Step) -> (String, Option<Provenance>) {
    let d = |x: &NaiveDate| format::date(*x);
    match step {
        Step::Submitted {
            local,
            offset_hours,
            ..
        } => (
            tr::why_submitted(
                lang,
                &format::local_date_time(*local),
                &offset_hours.to_string(),
            ),
            None,
        ),
        Step::RegionUnknown {
            offset_hours,
            source,
        } => (
            tr::why_region_unknown(lang, &offset_hours.to_string()),
            Some(source.clone()),
        ),
        Step::LocationAssumed { source, .. } => {
            (tr::why_location_assumed(lang).into(), Some(source.clone()))
        }
        Step::AfterHours {
            cutoff,
            local_time,
            next,
            source,
        } => (
            tr::why_after_hours(
                lang,
                &format::clock(*local_time),
                &cutoff.to_string(),
                &d(next),
            ),
            Some(source.clone()),
        ),
        Step::NonWorkingDay {
            date,
            reason,
            next,
            source,
        } => (
            tr::why_non_working_day(lang, &d(date), &day_reason(lang, *date, *reason), &d(next)),
            Some(source.clone()),
        ),
        Step::CountFrom { day_zero, source } => {
            (tr::why_count_from(lang, &d(day_zero)), Some(source.clone()))
        }
        Step::Counted {
            amount,
            unit,
            from,
            to,
            source,
        } => {
            let n = i64::from(*amount);
            let text = match unit {
                Unit::WorkingDays => tr::why_counted_working(lang, n, &d(from), &d(to)),
                Unit::CalendarDays => tr::why_counted_calendar(lang, n, &d(from), &d(to)),
            };
            (text, Some(source.clone()))
        }
        Step::Skipped { date, why } => (
            tr::why_skipped(lang, &d(date), &day_reason(lang, *date, *why)),
            None,
        ),
        Step::WorkingWeekend { date, instead_of } => (
            tr::why_working_weekend(lang, &d(date), &d(instead_of)),
            None,
        ),
        Step::WeekendsSkipped { count } => (tr::why_weekends(lang, i64::from(*count)), None),
        Step::MovedToWorkingDay {
            from,
            to,
            why,
            source,
        } => (
            tr::why_moved_to_working_day(lang, &d(from), &day_reason(lang, *from, *why), &d(to)),
            source.clone(),
        ),
        Step::DueOnDayOff { date, why, source } => (
            tr::why_due_on_day_off(lang, &d(date), &day_reason(lang, *date, *why)),
            source.clone(),
        ),
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
            (
                format!(
                    "{} {}.",
                    tr::why_uncertain_year(lang, &year.to_string()),
                    parts.join("; ")
                ),
                None,
            )
        }
        Step::ProviderDelivery {
            deliver_by, source, ..
        } => (
            tr::why_provider_delivery(lang, &d(deliver_by)),
            Some(source.clone()),
        ),
        Step::StoredUntil {
            from,
            until,
            source,
            ..
        } => (
            tr::why_stored_until(lang, &d(from), &d(until)),
            Some(source.clone()),
        ),
        Step::Due { date } => (tr::why_due(lang, &d(date)), None),
    }
}

/// A "Why this date?" disclosure for an explanation.
#[component]
pub fn WhyThisDate(
    explanation: Explanation,
    #[prop(optional, into)] label: Option<Signal<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let ex = StoredValue::new(explanation);
    let label = label.unwrap_or_else(|| ts(tr::common_why_this_date));
    view! {
        <details class="why">
            <summary>{move || label.get()}</summary>
            <div class="details__body">
                <ol class="why__steps">
                    {move || {
                        let l = lang;
                        ex.with_value(|e| e.steps.clone())
                            .into_iter()
                            .map(|s| {
                                let (text, source) = step_text(l, &s);
                                view! {
                                    <li>
                                        {text}
                                        {source.map(|p| view! { <LegalBasis provenance=p /> })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <Show when=move || ex.with_value(|e| !e.assumptions.is_empty())>
                    <h3 class="why__assumptions">{t(tr::why_assumptions)}</h3>
                    <ul>
                        {move || {
                            ex.with_value(|e| e.assumptions.clone())
                                .into_iter()
                                .map(|p| {
                                    let note = p.note.clone();
                                    view! {
                                        <li>
                                            {note.map(|n| view! { <LawText text=n /> })}
                                            <LegalBasis provenance=p />
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Show>
            </div>
        </details>
    }
}
