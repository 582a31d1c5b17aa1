//! The cabinet's "My complaints".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::complaint::Complaint;
use crate::engine::registry::Person;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::paths;
use crate::ui::state::complaints::complaints_of;
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::record_table::RecordTable;
use crate::ui::widgets::tag::Tag;

fn complaint_row(c: Complaint) -> impl IntoView {
    let lang = use_lang();
    let reference = c.reference.clone();
    view! {
        <tr>
            <td><A href=paths::complaint(&c.id)>{reference}</A></td>
            <td>{c.draft.addressee.label(lang)}</td>
            <td>{format::date_time(c.filed_at)}</td>
            <td><Tag of=c.status() /></td>
        </tr>
    }
}

#[component]
pub fn MyComplaints(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let list = Memo::new(move |_| complaints_of(db, &person.iin));
    view! {
        <h2>{t(tr::complaint_cabinet_heading)}</h2>
        <RecordTable
            rows=list
            key=|c: &Complaint| (c.id.clone(), c.rev)
            row=complaint_row
            columns=vec![
                tr::complaint_cabinet_col_reference(lang),
                tr::complaint_cabinet_col_addressee(lang),
                tr::complaint_cabinet_col_filed(lang),
                tr::complaint_cabinet_col_status(lang),
            ]
            empty=tr::complaint_cabinet_none(lang)
            caption=tr::complaint_cabinet_heading(lang)
            class="complaints"
        />
        <p><a href=paths::COMPLAINT_FORM>{t(tr::complaint_cabinet_new)}</a></p>
    }
}
