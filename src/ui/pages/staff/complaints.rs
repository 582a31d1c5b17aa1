//! The complaints desk in the staff bundle (a demonstration, like the back
//! office): `/staff/complaints` lists every complaint in this browser.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::complaint::{self, Complaint};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::clock::use_clock;
use crate::ui::state::complaints::complaints;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::demo_clock::DemoClock;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::record_table::{RecordTable, due_cell, reference_cell};
use crate::ui::widgets::staff_desk::{every_record, staff_banner};
use crate::ui::widgets::tag::Tag;

/// `/staff/complaints`.
#[component]
pub fn ComplaintDeskList() -> impl IntoView {
    let rows = every_record(complaints);
    view! {
        <div class="page">
            <p><A href=paths::STAFF>{t(tr::complaint_desk_staff_link)}</A></p>
            <PageHeading text=ts(tr::complaint_desk_title) />
            {staff_banner()}
            <h2>{t(tr::complaint_desk_list_heading)}</h2>
            <RecordTable rows=rows row=complaint_row
                columns=vec![t(tr::complaint_desk_col_reference), t(tr::complaint_desk_col_from), t(tr::complaint_desk_col_addressee), t(tr::complaint_desk_col_status), t(tr::complaint_desk_col_due)]
                empty=t(tr::complaint_desk_none) />
            <DemoClock />
        </div>
    }
}

fn complaint_row(c: Complaint) -> impl IntoView {
    let lang = use_lang();
    let late = c.is_overdue(use_clock().now_untracked());
    let from = complaint::surname_and_initials(
        &c.draft.surname,
        &c.draft.name,
        c.draft.patronymic.as_deref(),
    );
    view! {
        <tr>
            {reference_cell(paths::staff_complaint(&c.id), c.reference.clone())}
            <td>{from}</td>
            <td>{c.draft.addressee.label(lang)}</td>
            <td><Tag of=c.status() /></td>
            {due_cell(c.due.as_ref().map(|d| format::date(d.date)), late)}
        </tr>
    }
}
