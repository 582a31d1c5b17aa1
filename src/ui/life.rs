//! An application's life cycle on screen, for the citizen's tracker and the
//! back office alike: its public status, the regulation's steps with their
//! target times (late ones marked in words, not only colour), and the
//! history of events with the rule each one followed.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::format;
use super::law::{LawText, LegalBasis};
use super::prefs::use_lang;
use super::text::t;
use crate::engine::lifecycle::{self, Event, PublicStatus, Role, Target, Transition};
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::engine::submission::Submission;
use crate::i18n::tr;

pub fn status_label(lang: Lang, s: PublicStatus) -> &'static str {
    match s {
        PublicStatus::Delivered => tr::life_status_delivered(lang),
        PublicStatus::Registered => tr::life_status_registered(lang),
        PublicStatus::InProgress => tr::life_status_in_progress(lang),
        PublicStatus::Ready => tr::life_status_ready(lang),
        PublicStatus::Issued => tr::life_status_issued(lang),
        PublicStatus::Refused => tr::life_status_refused(lang),
        PublicStatus::RefusedAtAcceptance => tr::life_status_refused_at_acceptance(lang),
        PublicStatus::HeldByProvider => tr::life_status_held_by_provider(lang),
    }
}

pub fn status_class(s: PublicStatus) -> &'static str {
    match s {
        PublicStatus::Issued | PublicStatus::Ready => "tag tag--done",
        PublicStatus::Refused | PublicStatus::RefusedAtAcceptance => "tag tag--late",
        _ => "tag",
    }
}

pub fn transition_label(lang: Lang, t: Transition) -> &'static str {
    match t {
        Transition::Accept => tr::life_transition_accept(lang),
        Transition::RefuseAtAcceptance => tr::life_transition_refuse_at_acceptance(lang),
        Transition::Register => tr::life_transition_register(lang),
        Transition::Assign => tr::life_transition_assign(lang),
        Transition::Prepare => tr::life_transition_prepare(lang),
        Transition::Sign => tr::life_transition_sign(lang),
        Transition::DeliverToStateCorporation => {
            tr::life_transition_deliver_to_state_corporation(lang)
        }
        Transition::Issue => tr::life_transition_issue(lang),
        Transition::Refuse => tr::life_transition_refuse(lang),
        Transition::HandToProvider => tr::life_transition_hand_to_provider(lang),
        Transition::RequestReturn => tr::life_transition_request_return(lang),
        Transition::Return => tr::life_transition_return(lang),
    }
}

pub fn role_label(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Citizen => tr::life_role_citizen(lang),
        Role::Clerk => tr::life_role_clerk(lang),
        Role::Head => tr::life_role_head(lang),
        Role::Executor => tr::life_role_executor(lang),
        Role::StateCorporation => tr::life_role_state_corporation(lang),
        Role::System => tr::life_role_system(lang),
    }
}

/// The public status tag of a submission.
#[component]
pub fn StatusTag(submission: Submission) -> impl IntoView {
    let lang = use_lang();
    let s = lifecycle::public_status(&submission.lifecycle);
    view! { <span class=status_class(s)>{status_label(lang, s)}</span> }
}

/// The regulation's steps and the legal deadline, each with its target
/// time, when it was done, and whether it is late.
#[component]
pub fn TargetsTable(targets: Vec<Target>, now: DateTime<Utc>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h2>{t(tr::life_targets_heading)}</h2>
        <div class="table-wrap">
            <table class="targets">
                <thead>
                    <tr>
                        <th scope="col">{t(tr::life_col_step)}</th>
                        <th scope="col">{t(tr::life_col_who)}</th>
                        <th scope="col">{t(tr::life_col_due)}</th>
                        <th scope="col">{t(tr::life_col_done)}</th>
                    </tr>
                </thead>
                <tbody>
                    {targets
                        .into_iter()
                        .map(|tg| {
                            let late = tg.late || (tg.done_at.is_none() && now > tg.due);
                            let kind = if tg.binding { tr::life_binding(lang) } else { tr::life_non_binding(lang) };
                            view! {
                                <tr class:targets__row--late=late>
                                    <th scope="row">
                                        <LawText text=tg.text />
                                        <span class="small muted targets__kind">" (" {kind} ")"</span>
                                        <LegalBasis provenance=tg.provenance />
                                    </th>
                                    <td>{tg.actor.map(|a| role_label(lang, a))}</td>
                                    <td>{format::date_time(tg.due)}</td>
                                    <td>
                                        {match tg.done_at {
                                            Some(at) => format::date_time(at),
                                            None => tr::life_not_done(lang).to_string(),
                                        }}
                                        " "
                                        {late.then(|| view! { <span class="tag tag--late">{tr::life_late(lang)}</span> })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The history of events, newest last, each with who acted and the rule;
/// a refusal with its ground, looked up in `service`'s catalogue entry.
#[component]
pub fn EventList(
    events: Vec<Event>,
    #[prop(optional)] service: Option<ServiceId>,
) -> impl IntoView {
    let lang = use_lang();
    let sv = service.map(crate::engine::catalog::service);
    let ground_text = move |id: &str| {
        sv.and_then(|sv| sv.refusal_grounds.iter().find(|g| g.id == id))
            .map(|g| g.text.get(lang).to_string())
    };
    view! {
        <h2>{t(tr::life_events_heading)}</h2>
        <ol class="events">
            {events
                .into_iter()
                .map(|e| {
                    view! {
                        <li class="events__item">
                            <time datetime=e.at.to_rfc3339()>{format::date_time(e.at)}</time>
                            " · "
                            <strong>{transition_label(lang, e.transition)}</strong>
                            " · "
                            {role_label(lang, e.actor)}
                            {e.reason_id.as_deref().and_then(ground_text).map(|g| view! { <p class="events__ground">{tr::staff_refuse_ground(lang)} ": " {g}</p> })}
                            {e.note.map(|n| view! { <p class="events__note">{tr::life_reason(lang)} ": " {n}</p> })}
                            {e.provenance.map(|p| view! { <LegalBasis provenance=p /> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
