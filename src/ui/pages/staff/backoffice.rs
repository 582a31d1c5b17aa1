//! The provider's back office, simulated in the browser (staff bundle): a
//! clearly labelled demonstration in which the clerk, the head, the
//! executor and the State Corporation act on applications, each only as the
//! regulation allows, on the demo clock. `/staff` lists the applications.

use leptos::prelude::*;
use leptos_router::components::A;

use super::role::RoleSwitch;
use crate::engine::identity::registry;
use crate::engine::lifecycle;
use crate::engine::submission::Submission;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::applications::applications;
use crate::ui::state::clock::use_clock;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::demo_clock::DemoClock;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::record_table::{RecordTable, due_cell, reference_cell};
use crate::ui::widgets::staff_desk::{every_record, staff_banner};
use crate::ui::widgets::timeline::StatusTag;

/// `/staff`: every application in this browser, with its status and the
/// next step's target time.
#[component]
pub fn BackOfficePage() -> impl IntoView {
    let rows = every_record(applications);
    view! {
        <div class="page">
            <PageHeading text=ts(tr::staff_title) />
            {staff_banner()}
            <p><A href=paths::COMPLAINT_DESK>{t(tr::complaint_desk_link)}</A></p>
            <RoleSwitch />
            <DemoClock />
            <h2>{t(tr::staff_applications_heading)}</h2>
            <RecordTable rows=rows row=application_row
                columns=vec![t(tr::staff_col_reference), t(tr::staff_col_applicant), t(tr::staff_col_status), t(tr::staff_col_next)]
                empty=t(tr::staff_none) />
            <p><A href=paths::COUNTER>{t(tr::counter_start_link)}</A></p>
            <p><A href=paths::OPERATOR>{t(tr::operator_start_link)}</A></p>
            <p><A href=paths::HALL>{t(tr::hall_link)}</A></p>
            <p><a href=paths::HOME>{t(tr::staff_portal_link)}</a></p>
        </div>
    }
}

/// One application in the list, with the next step's target time.
fn application_row(s: Submission) -> impl IntoView {
    let lang = use_lang();
    let now = use_clock().now_untracked();
    let next = s.targets(now, false).ok().and_then(|ts| {
        lifecycle::next_target(&ts, now).map(|(t, left)| (t.due, left < chrono::Duration::zero()))
    });
    let (due, late) = next.map_or((None, false), |(t, late)| (Some(format::date_time(t)), late));
    let name = registry::find(&s.applicant_iin).map(|p| p.display_name(lang)).unwrap_or_default();
    view! {
        <tr>
            {reference_cell(paths::staff_application(&s.reference), s.reference.clone())}
            <td>{name}</td>
            <td><StatusTag submission=s.clone() /></td>
            {due_cell(due, late)}
        </tr>
    }
}
