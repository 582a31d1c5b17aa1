//! `/apply/complaints/:id`: a complaint's marks (delivered,
//! registered, executed, answered; F000 L51) with their times, the due date
//! with "why this date?", an overdue note, the answer, the escalation to the
//! quality-control authority and the right to go to court. Also the
//! cabinet's list of complaints.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::complaint::{Addressee, Complaint};
use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::PageHeading;
use crate::ui::db::use_db;
use crate::ui::format;
use crate::ui::law::{LawText, LegalBasis};
use crate::ui::prefs::use_lang;
use crate::ui::text::{t, ts};

use super::complaint::{
    Marks, RegistrationDetails, addressee_label, answer_label, owned_complaint_page, owner, row,
    status_label, subject_label,
};

/// The signed-in person's complaints, newest first (reactive).
fn my_complaints(iin: String) -> Memo<Vec<Complaint>> {
    let db = use_db();
    Memo::new(move |_| {
        let mut v: Vec<Complaint> = db.complaints.with(|m| {
            m.values()
                .filter(|c| owner(c) == Some(iin.as_str()))
                .cloned()
                .collect()
        });
        v.sort_by_key(|c| std::cmp::Reverse(c.filed_at));
        v
    })
}

/// `/apply/complaints/:id`.
#[component]
pub fn ComplaintTrackerPage() -> impl IntoView {
    owned_complaint_page(|c| view! { <Tracker complaint=c /> }.into_any())
}

#[component]
fn Tracker(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let db = use_db();
    let c = StoredValue::new(complaint);
    let id = c.with_value(|c| c.id.clone());
    let reference = c.with_value(|c| c.reference.clone());
    let (children, parent) = {
        let id = id.clone();
        let parent_id = c.with_value(|c| c.escalated_from.clone());
        db.complaints.with_untracked(|m| {
            (
                m.values()
                    .filter(|x| x.escalated_from.as_deref() == Some(id.as_str()))
                    .map(|x| (x.id.clone(), x.reference.clone()))
                    .collect::<Vec<_>>(),
                parent_id.and_then(|p| m.get(&p).map(|x| (x.id.clone(), x.reference.clone()))),
            )
        })
    };
    let overdue = move || c.with_value(|c| c.is_overdue(clock.now()));
    let new_complaint_href = c.with_value(|c| match &c.draft.application_ref {
        Some(r) => format!("/apply/complaint?app={r}"),
        None => "/apply/complaint".to_string(),
    });
    let d = c.with_value(|c| c.draft.clone());
    let answer = c.with_value(|c| c.answer.clone());
    let can_escalate = d.addressee != Addressee::QualityControl && answer.is_some();
    let court = c.with_value(|c| c.court_notice().cloned());

    view! {
        <div class="page">
            <PageHeading text=ts(tr::complaint_track_title) caption=Signal::stored(reference.clone()) />
            <p>
                <strong>{t(tr::complaint_track_status)} ": "</strong>
                <span class="tag">{status_label(lang, c.with_value(|c| c.status()))}</span>
            </p>
            {parent.map(|(pid, pref)| view! {
                <p><A href=format!("/apply/complaints/{pid}")>{tr::complaint_track_escalated_from(lang, &pref)}</A></p>
            })}
            <Show when=overdue>
                <div class="notice notice--warning" role="alert">
                    <p>{move || c.with_value(|c| c.due.as_ref().map(|d| tr::complaint_track_overdue(lang, &format::date(d.date))))}</p>
                    <p><a class="button" href=new_complaint_href.clone()>{t(tr::complaint_track_overdue_action)}</a></p>
                </div>
            </Show>
            <h2>{t(tr::complaint_track_marks_heading)}</h2>
            <Marks complaint=c.get_value() />
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=c.get_value() />
            {answer.map(|a| view! {
                <section class="complaint-answer" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{t(tr::complaint_track_answer_heading)}</h2>
                    <p><span class="tag">{answer_label(lang, a.kind)}</span> " " {format::date_time(a.at)}</p>
                    <p class="complaint-text">{a.text.clone()}</p>
                </section>
            })}
            {can_escalate.then(|| {
                if children.is_empty() {
                    view! {
                        <div class="escalate">
                            <p class="hint" id="escalate-hint">{t(tr::complaint_track_escalate_hint)}</p>
                            <p>
                                <a class="button" href=format!("/apply/complaint?escalate={id}") aria-describedby="escalate-hint">
                                    {t(tr::complaint_track_escalate)}
                                </a>
                            </p>
                        </div>
                    }
                    .into_any()
                } else {
                    children
                        .clone()
                        .into_iter()
                        .map(|(cid, cref)| view! {
                            <p><A href=format!("/apply/complaints/{cid}")>{tr::complaint_track_escalated(lang, &cref)}</A></p>
                        })
                        .collect_view()
                        .into_any()
                }
            })}
            {court.map(|item| view! {
                <section class="court" aria-labelledby="court-heading">
                    <h2 id="court-heading">{t(tr::complaint_track_court_heading)}</h2>
                    <p>{t(tr::complaint_track_court)}</p>
                    <p class="small"><LawText text=item.text.clone() /> " " <LegalBasis provenance=item.provenance.clone() /></p>
                </section>
            })}
            <h2>{t(tr::complaint_sign_check_heading)}</h2>
            <dl class="summary">
                {row(tr::complaint_filed_delivered_at(lang).into(), c.with_value(|c| format::date_time(c.filed_at)))}
                {d.application_ref.clone().map(|r| row(tr::complaint_track_application(lang).into(), r))}
                {row(tr::complaint_track_addressee(lang).into(), addressee_label(lang, d.addressee).into())}
                {row(tr::complaint_track_subject(lang).into(), subject_label(lang, d.subject).into())}
                {row(tr::complaint_track_text(lang).into(), d.text.clone())}
            </dl>
            <p><A href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</A></p>
        </div>
    }
}

/// The cabinet's "My complaints".
#[component]
pub fn ComplaintsList(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let list = my_complaints(person.iin.clone());
    view! {
        <h2>{t(tr::complaint_cabinet_heading)}</h2>
        <Show when=move || !list.get().is_empty() fallback=move || view! { <p>{t(tr::complaint_cabinet_none)}</p> }>
            <div class="table-wrap">
                <table class="complaints">
                    <caption class="visually-hidden">{t(tr::complaint_cabinet_heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(tr::complaint_cabinet_col_reference)}</th>
                            <th scope="col">{t(tr::complaint_cabinet_col_addressee)}</th>
                            <th scope="col">{t(tr::complaint_cabinet_col_filed)}</th>
                            <th scope="col">{t(tr::complaint_cabinet_col_status)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.get() key=|c| (c.id.clone(), c.rev) let(c)>
                            {
                                let href = format!("/apply/complaints/{}", c.id);
                                let status = status_label(lang, c.status());
                                let addressee = addressee_label(lang, c.draft.addressee);
                                let filed = format::date_time(c.filed_at);
                                view! {
                                    <tr>
                                        <td><A href=href>{c.reference}</A></td>
                                        <td>{addressee}</td>
                                        <td>{filed}</td>
                                        <td><span class="tag">{status}</span></td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <p><a href="/apply/complaint">{t(tr::complaint_cabinet_new)}</a></p>
    }
}
