//! A complaint's progress, for the citizen's tracker and the complaint desk
//! alike: the four portal marks (delivered, registered, executed, answered;
//! F000 L51) and the registration stamp with the answer's due date.
//!
//! Accessibility acceptance criteria:
//! - the marks are an ordered list, each with its name and its time or
//!   "not yet" in words (`marks__item--done` only adds a colour);
//! - the registration stamp is a summary list; the due date is followed by
//!   its "why this date?" disclosure.

use leptos::prelude::*;

use super::summary_list::{SummaryList, row};
use super::why_this_date::WhyThisDate;
use crate::engine::complaint::{Complaint, ComplaintStatus, Mark, MarkKind};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::state::clock::use_clock;
use crate::ui::state::complaints::provisional_due;
use crate::ui::state::prefs::use_lang;

/// The status a mark leads to.
fn status_after(kind: &MarkKind) -> ComplaintStatus {
    match kind {
        MarkKind::Delivered => ComplaintStatus::Delivered,
        MarkKind::Registered { .. } => ComplaintStatus::Registered,
        MarkKind::Executed => ComplaintStatus::Executed,
        MarkKind::Answered { .. } => ComplaintStatus::Answered,
    }
}

#[component]
pub fn Marks(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    // Each mark is named like the status it leads to.
    let marks = [
        ("delivered", ComplaintStatus::Delivered),
        ("registered", ComplaintStatus::Registered),
        ("executed", ComplaintStatus::Executed),
        ("answered", ComplaintStatus::Answered),
    ];
    let rows = marks.map(|(key, status)| {
        let at = complaint
            .marks
            .iter()
            .find(|m| status_after(&m.kind) == status)
            .map(|m| format::date_time(m.at));
        let extra = (status == ComplaintStatus::Answered)
            .then(|| complaint.answer.as_ref().map(|a| a.kind.label(lang).to_string()))
            .flatten();
        (key, status.label(lang), at, extra)
    });
    view! {
        <ol class="marks">
            {rows
                .into_iter()
                .map(|(key, label, at, extra)| {
                    let done = at.is_some();
                    view! {
                        <li class="marks__item" class:marks__item--done=done data-mark=key>
                            <span class="marks__label">{label}</span>
                            " "
                            <span class="marks__time">
                                {at.unwrap_or_else(|| tr::complaint_track_not_yet(lang).to_string())}
                            </span>
                            {extra.map(|e| view! { " · " <span class="marks__extra">{e}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The registration stamp (F000 L46) with the due date and "why this
/// date?"; before registration, the date it would be due if registered
/// today.
#[component]
pub fn RegistrationDetails(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    match complaint.registration().cloned() {
        Some(Mark {
            at,
            kind: MarkKind::Registered { incoming_number, registered_by, place, .. },
        }) => view! {
            <SummaryList class="registration">
                {row(tr::complaint_filed_incoming_number(lang), incoming_number)}
                {row(tr::complaint_filed_registered_at(lang), format::date_time(at))}
                {row(tr::complaint_filed_registered_by(lang), registered_by)}
                {row(tr::complaint_filed_place(lang), place)}
            </SummaryList>
            {complaint.due.map(|d| view! {
                <p class="deadline">{tr::complaint_filed_due(lang, &format::date(d.date))}</p>
                <WhyThisDate explanation=d.explanation />
            })}
        }
        .into_any(),
        _ => {
            let provisional = provisional_due(&complaint, clock.today_untracked());
            view! {
                <p>{t(tr::complaint_filed_waiting)}</p>
                {provisional.map(|d| view! {
                    <p class="deadline">{tr::complaint_filed_due_if_today(lang, &format::date(d.date))}</p>
                    <WhyThisDate explanation=d.explanation />
                })}
            }
            .into_any()
        }
    }
}
