//! The personal cabinet (`/apply/cabinet`): my applications with status and
//! deadline, my drafts (resume or delete), my complaints, my keys; and
//! following an application (the tracker) and my notifications.

mod complaints;
mod notifications;
mod tracker;

pub use notifications::NotificationsPage;
pub use tracker::TrackerPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::application::Draft;
use crate::engine::catalog;
use crate::engine::registry::Person;
use crate::engine::submission::{Outcome, Submission};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::applications::{applications_of, delete_draft, drafts_of};
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::state::session::use_session;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::record_table::RecordTable;
use crate::ui::widgets::sign_in_needed::SignInNeeded;
use crate::ui::widgets::timeline::StatusTag;

#[component]
pub fn CabinetPage() -> impl IntoView {
    let session = use_session();
    move || match session.person() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(p) => view! { <Cabinet person=p /> }.into_any(),
    }
}

/// One application in the cabinet's table.
fn application_row(s: Submission) -> impl IntoView {
    let lang = use_lang();
    let deadline = match &s.outcome {
        Outcome::Accepted { due, .. } => format::date(*due),
        Outcome::Refused { .. } => String::new(),
    };
    let service = catalog::service(&s.service)
        .map(|sv| sv.name.text.get(lang).to_string())
        .unwrap_or_default();
    let reference = s.reference.clone();
    view! {
        <tr>
            <td><A href=paths::application(&s.reference)>{reference}</A></td>
            <td>{service}</td>
            <td>{format::date_time(s.submitted_at)}</td>
            <td><StatusTag submission=s.clone() /></td>
            <td>{deadline}</td>
        </tr>
    }
}

#[component]
fn Cabinet(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let status = RwSignal::new(None::<&'static str>);
    let apps = Memo::new(move |_| applications_of(db, &person.iin));
    let drafts = Memo::new(move |_| drafts_of(db, &person.iin, None));
    let draft_card = move |d: Draft| {
        let id = d.id.clone();
        view! {
            <li class="card">
                <h3>{t(tr::wizard_short_title)}</h3>
                <p class="small">{tr::cabinet_draft_updated(lang, &format::date_time(d.updated_at))}</p>
                <div class="button-group">
                    <A href=paths::step(&d.id, d.step) attr:class="button button--secondary">{t(tr::cabinet_draft_continue)}</A>
                    <button type="button" class="button button--warning" on:click=move |_| {
                        if delete_draft(db, &id).is_ok() {
                            status.set(Some(tr::cabinet_draft_deleted(lang)));
                        }
                    }>{t(tr::cabinet_draft_delete)}</button>
                </div>
            </li>
        }
    };
    view! {
        <div class="page">
            <PageHeading text=ts(tr::cabinet_title) caption=Signal::stored(person.display_name(lang)) />
            <p role="status" aria-live="polite">{move || status.get().map(str::to_string)}</p>
            <RecordTable
                rows=apps
                key=|s: &Submission| (s.reference.clone(), s.lifecycle.rev)
                row=application_row
                columns=vec![
                    tr::cabinet_col_reference(lang),
                    tr::cabinet_col_service(lang),
                    tr::cabinet_col_submitted(lang),
                    tr::cabinet_col_status(lang),
                    tr::cabinet_col_deadline(lang),
                ]
                empty=tr::cabinet_empty(lang)
                caption=tr::cabinet_title(lang)
            />
            <p><A href=paths::apply_start() attr:class="button">{t(tr::cabinet_new_application)}</A></p>
            <h2>{t(tr::cabinet_drafts_heading)}</h2>
            <Show when=move || !drafts.get().is_empty() fallback=move || view! { <p>{t(tr::cabinet_drafts_empty)}</p> }>
                <ul class="card-list">
                    <For each=move || drafts.get() key=|d| (d.id.clone(), d.updated_at) children=draft_card />
                </ul>
            </Show>
            <complaints::MyComplaints person=person />
            <h2>{t(tr::cabinet_keys_heading)}</h2>
            <p><A href=paths::KEYS>{t(tr::cabinet_keys_manage)}</A></p>
        </div>
    }
}
