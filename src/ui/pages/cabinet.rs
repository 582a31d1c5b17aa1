//! The personal cabinet: my applications with status and deadline, and my
//! drafts, which can be resumed or deleted.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::application::Draft;
use crate::engine::catalog;
use crate::engine::submission::{Outcome, Submission};
use crate::i18n::tr;
use crate::ui::components::PageHeading;
use crate::ui::db::use_db;
use crate::ui::format;
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;

use super::wizard::{SERVICE, SignInNeeded, step_href};
use crate::ui::text::{t, ts};

#[component]
pub fn CabinetPage() -> impl IntoView {
    let session = use_session();
    move || match session.person() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(p) => view! { <Cabinet person=p /> }.into_any(),
    }
}

#[component]
fn Cabinet(person: &'static crate::engine::identity::registry::Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let status = RwSignal::new(None::<&'static str>);
    let apps = Memo::new(move |_| {
        let mut v: Vec<Submission> = db.apps.with(|m| {
            m.values()
                .filter(|s| s.applicant_iin == person.iin)
                .cloned()
                .collect()
        });
        v.sort_by_key(|s| std::cmp::Reverse(s.submitted_at));
        v
    });
    let drafts = Memo::new(move |_| {
        let mut v: Vec<Draft> = db.drafts.with(|m| {
            m.values()
                .filter(|d| d.applicant_iin == person.iin)
                .cloned()
                .collect()
        });
        v.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
        v
    });
    view! {
        <div class="page">
            <PageHeading text=ts(tr::cabinet_title) caption=Signal::stored(person.display_name(lang)) />
            <p role="status" aria-live="polite">{move || status.get().map(str::to_string)}</p>
            <Show when=move || !apps.get().is_empty() fallback=move || view! { <p>{t(tr::cabinet_empty)}</p> }>
                <div class="table-wrap">
                    <table>
                        <caption class="visually-hidden">{t(tr::cabinet_title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(tr::cabinet_col_reference)}</th>
                                <th scope="col">{t(tr::cabinet_col_service)}</th>
                                <th scope="col">{t(tr::cabinet_col_submitted)}</th>
                                <th scope="col">{t(tr::cabinet_col_status)}</th>
                                <th scope="col">{t(tr::cabinet_col_deadline)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || apps.get() key=|s| (s.reference.clone(), s.lifecycle.rev) let(s)>
                                {
                                    let deadline = match &s.outcome {
                                        Outcome::Accepted { due, .. } => format::date(*due),
                                        Outcome::Refused { .. } => String::new(),
                                    };
                                    let service = s.service;
                                    let status = view! { <crate::ui::life::StatusTag submission=s.clone() /> };
                                    view! {
                                        <tr>
                                            <td><A href=format!("/apply/applications/{}", s.reference)>{s.reference.clone()}</A></td>
                                            <td>{catalog::service(service).name.text.get(lang).to_string()}</td>
                                            <td>{format::date_time(s.submitted_at)}</td>
                                            <td>
                                                {status}
                                            </td>
                                            <td>{deadline}</td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p><A href=format!("/apply/{SERVICE}") attr:class="button">{t(tr::cabinet_new_application)}</A></p>
            <h2>{t(tr::cabinet_drafts_heading)}</h2>
            <Show when=move || !drafts.get().is_empty() fallback=move || view! { <p>{t(tr::cabinet_drafts_empty)}</p> }>
                <ul class="card-list">
                    <For each=move || drafts.get() key=|d| (d.id.clone(), d.updated_at) let(d)>
                        {
                            let id = d.id.clone();
                            view! {
                                <li class="card">
                                    <h3>{t(tr::wizard_short_title)}</h3>
                                    <p class="small">{tr::cabinet_draft_updated(lang, &format::date_time(d.updated_at))}</p>
                                    <div class="button-group">
                                        <A href=step_href(&d.id, d.step) attr:class="button button--secondary">{t(tr::cabinet_draft_continue)}</A>
                                        <button type="button" class="button button--warning" on:click=move |_| {
                                            db.drafts.update(|m| {
                                                m.remove(&id);
                                            });
                                            status.set(Some(tr::cabinet_draft_deleted(lang)));
                                        }>{t(tr::cabinet_draft_delete)}</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <super::ComplaintsList person=person />
            <h2>{t(tr::cabinet_keys_heading)}</h2>
            <p><A href="/apply/keys">{t(tr::cabinet_keys_manage)}</A></p>
        </div>
    }
}
