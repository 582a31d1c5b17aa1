//! The personal cabinet (`/cabinet`): my applications with status and
//! deadline, my drafts (resume or delete), my complaints, my keys, my data
//! in a file (`/cabinet/data`); and
//! following an application (the tracker) and my notifications.

mod complaints;
mod data;
mod notifications;
mod signout;
mod tickets;
mod tracker;

pub use data::data_page;
pub use notifications::NotificationsPage;
pub use signout::sign_out_page;
pub use tracker::TrackerPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::application::Draft;
use crate::engine::catalog;
use crate::engine::identity::registry::Person;
use crate::engine::submission::{Outcome, Submission};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::modes::kiosk::use_kiosk;
use crate::ui::paths;
use crate::ui::state::applications::{applications, delete_draft, drafts_of};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::error_summary::focus_by_id;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::record_table::{RecordTable, reference_cell};
use crate::ui::widgets::timeline::StatusTag;

/// One application in the cabinet's table.
fn application_row(s: Submission) -> impl IntoView {
    let lang = use_lang();
    let deadline = match &s.outcome {
        Outcome::Accepted { due, .. } => format::date(*due),
        Outcome::Refused { .. } => String::new(),
    };
    let service = catalog::service(s.service).name.text.get(lang).to_string();
    view! {
        <tr>
            {reference_cell(paths::application(&s.reference), s.reference.clone())}
            <td>{service}</td>
            <td>{format::date_time(s.submitted_at)}</td>
            <td><StatusTag submission=s.clone() /></td>
            <td>{deadline}</td>
        </tr>
    }
}

/// `/cabinet`: the signed-in `person`'s applications (the route asks for
/// one).
pub fn cabinet_page(person: &'static Person) -> impl IntoView {
    let Ui { lang, db, .. } = use_ui();
    let status = RwSignal::new(None::<&'static str>);
    let apps = Memo::new(move |_| applications(db, Some(&person.iin)));
    let drafts = Memo::new(move |_| drafts_of(db, &person.iin, None));
    let draft_card = move |d: Draft| {
        let id = d.id.clone();
        view! {
            <li class="card">
                <h3>{t(tr::wizard_short_title)}</h3>
                <p class="small">{tr::cabinet_draft_updated(lang, &format::date_time(d.updated_at))}</p>
                <div class="button-group">
                    <A href=paths::step(&d.id, d.step) attr:class="button button--secondary">{t(tr::cabinet_draft_continue)}</A>
                    <Button look=Look::Warning on_click=move |_| {
                        if delete_draft(db, &id).is_ok() {
                            status.set(Some(tr::cabinet_draft_deleted(lang)));
                            // Its card, with the pressed button, is gone.
                            request_animation_frame(|| focus_by_id("drafts-heading"));
                        }
                    }>{t(tr::cabinet_draft_delete)}</Button>
                </div>
            </li>
        }
    };
    view! {
        <div class="page">
            <PageHeading text=ts(tr::cabinet_title) caption=Signal::stored(person.display_name(lang)) />
            <p role="status" aria-live="polite">{move || status.get().map(str::to_string)}</p>
            <RecordTable rows=apps row=application_row
                columns=vec![t(tr::cabinet_col_reference), t(tr::cabinet_col_service), t(tr::cabinet_col_submitted), t(tr::cabinet_col_status), t(tr::cabinet_col_deadline)]
                empty=t(tr::cabinet_empty) caption=t(tr::cabinet_title) />
            <p><A href=paths::apply_start() attr:class="button">{t(tr::cabinet_new_application)}</A></p>
            <h2 id="drafts-heading" tabindex="-1">{t(tr::cabinet_drafts_heading)}</h2>
            <Show when=move || !drafts.get().is_empty() fallback=move || view! { <p>{t(tr::cabinet_drafts_empty)}</p> }>
                <ul class="card-list">
                    <For each=move || drafts.get() key=|d| (d.id.clone(), d.updated_at) children=draft_card />
                </ul>
            </Show>
            <tickets::MyTickets person=person />
            <complaints::MyComplaints person=person />
            <h2>{t(tr::cabinet_keys_heading)}</h2>
            <p><A href=paths::KEYS>{t(tr::cabinet_keys_manage)}</A></p>
            // Not on a public kiosk: a visitor's data never leaves it.
            {(!use_kiosk().enabled).then(|| view! {
                <h2>{t(tr::data_cabinet_heading)}</h2>
                <p><A href=paths::DATA>{t(tr::data_cabinet_link)}</A></p>
            })}
        </div>
    }
}
