//! The cabinet's "My complaints".

use leptos::prelude::*;

use crate::engine::complaint::Complaint;
use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::paths;
use crate::ui::state::complaints::complaints;
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::record_table::{RecordTable, reference_cell};
use crate::ui::widgets::tag::Tag;

fn complaint_row(c: Complaint) -> impl IntoView {
    let lang = use_lang();
    view! {
        <tr>
            {reference_cell(paths::complaint(&c.id), c.reference.clone())}
            <td>{c.draft.addressee.label(lang)}</td>
            <td>{format::date_time(c.filed_at)}</td>
            <td><Tag of=c.status() /></td>
        </tr>
    }
}

#[component]
pub fn MyComplaints(person: &'static Person) -> impl IntoView {
    let db = use_db();
    let list = Memo::new(move |_| complaints(db, Some(&person.iin)));
    view! {
        <h2>{t(tr::complaint_cabinet_heading)}</h2>
        <RecordTable rows=list row=complaint_row
            columns=vec![t(tr::complaint_cabinet_col_reference), t(tr::complaint_cabinet_col_addressee), t(tr::complaint_cabinet_col_filed), t(tr::complaint_cabinet_col_status)]
            empty=t(tr::complaint_cabinet_none) caption=t(tr::complaint_cabinet_heading) class="complaints" />
        <p><a href=paths::COMPLAINT_FORM>{t(tr::complaint_cabinet_new)}</a></p>
    }
}
