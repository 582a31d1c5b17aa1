//! `/apply/applications/:reference`: what happens to an
//! application — its status, the legal deadline with "why this date?", the
//! regulation's steps with their target times, the history, storage at the
//! State Corporation, and the complaint path when it is late.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::engine::lifecycle::{
    self, Ctx, Details, LifecycleError, PublicStatus, Role, State, Transition,
};
use crate::engine::store::Revisioned;
use crate::engine::submission::{Outcome, Submission};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::PageHeading;
use crate::ui::db::use_db;
use crate::ui::demo::DemoClock;
use crate::ui::format;
use crate::ui::life::{EventList, StatusTag, TargetsTable};
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;
use crate::ui::text::{t, ts};
use crate::ui::why::WhyThisDate;

#[component]
pub fn TrackerPage() -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let session = use_session();
    let reference = Memo::new(move |_| params.read().get("reference").unwrap_or_default());
    let submission = Memo::new(move |_| {
        let me = session.person().map(|p| p.iin.clone());
        db.apps
            .with(|m| m.get(&reference.get()).cloned())
            .filter(|s| Some(&s.applicant_iin) == me.as_ref())
    });
    let found = move || submission.with(|s| s.is_some());
    // Outside the tracker, which is rebuilt on every change to the record,
    // so that the answer to the citizen's request stays on screen.
    let message = RwSignal::new(None::<&'static str>);
    view! {
        {move || match submission.get() {
            None => view! {
                <div class="page">
                    <PageHeading text=ts(tr::not_found_title) />
                    <p>{t(tr::confirm_not_found)}</p>
                    <p><A href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</A></p>
                </div>
            }
            .into_any(),
            Some(s) => view! { <Tracker submission=s message=message /> }.into_any(),
        }}
        <crate::ui::components::Announcer text=Signal::derive(move || message.get().map(str::to_string)) />
        // Outside the part rebuilt on every change, so that playing the
        // steps keeps running while the tracker updates.
        <Show when=found>
            <div class="page page--tools">
                <details class="demo-tools">
                    <summary>{t(tr::track_demo_tools)}</summary>
                    <div class="details__body"><DemoClock /></div>
                </details>
            </div>
        </Show>
    }
}

#[component]
fn Tracker(submission: Submission, message: RwSignal<Option<&'static str>>) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let db = use_db();
    let s = StoredValue::new(submission);
    let reference = s.with_value(|s| s.reference.clone());
    let rev = s.with_value(|s| s.lifecycle.rev);

    let deadline = s.with_value(|s| match s.outcome {
        Outcome::Accepted { due, .. } => Some((
            due,
            s.deadline()
                .map(|d| d.deadline.explanation)
                .unwrap_or_default(),
        )),
        Outcome::Refused { .. } => None,
    });
    let status = s.with_value(|s| lifecycle::public_status(&s.lifecycle));
    let state = s.with_value(|s| s.lifecycle.state);
    let storage = s.with_value(|s| {
        Ctx::embedded(s.service, s.channel)
            .ok()
            .and_then(|ctx| lifecycle::storage(&s.lifecycle, &ctx).ok().flatten())
    });

    // The citizen's own move: asking for a result held by the school. The
    // change is applied only if no other tab changed the record meanwhile.
    let request_return = {
        let reference = reference.clone();
        move |_| {
            let now = clock.now_untracked();
            let result = db.apps.update(|m| {
                let Some(s) = m.get_mut(&reference) else {
                    return Err(());
                };
                let Ok(ctx) = Ctx::embedded(s.service, s.channel) else {
                    return Err(());
                };
                s.lifecycle
                    .change_at_rev(rev, |lc| {
                        lc.apply(
                            &ctx,
                            Transition::RequestReturn,
                            Role::Citizen,
                            now,
                            Details::default(),
                        )
                    })
                    .map_err(|_: LifecycleError| ())
            });
            message.set(Some(match result {
                Ok(()) => tr::track_returned(lang),
                Err(()) => tr::track_changed_elsewhere(lang),
            }));
        }
    };

    // Recomputed with the clock, but changed (and the table rebuilt) only
    // when a mark changes, not every second.
    let targets = Memo::new(move |_| {
        let now = clock.now();
        s.with_value(|s| s.targets(now, false).ok())
            .filter(|t| !t.is_empty())
    });
    let targets_view = move || {
        targets.get().map(|targets| {
                let now = clock.now_untracked();
                let overdue = lifecycle::overdue(&targets, now);
                view! {
                    <Show when=move || overdue>
                        <div class="notice notice--warning" role="alert">
                            <p>{t(tr::track_overdue)}</p>
                            <p><a class="button" href=format!("/apply/complaint?app={}", s.with_value(|s| s.reference.clone()))>{t(tr::track_complain)}</a></p>
                        </div>
                    </Show>
                    <TargetsTable targets=targets now=now />
                }
            })
    };

    view! {
        <div class="page">
            <PageHeading text=ts(tr::track_title) caption=Signal::stored(reference.clone()) />
            <p><strong>{t(tr::track_status)} ": "</strong> <StatusTag submission=s.get_value() /></p>
            <p>{move || message.get()}</p>
            {deadline.map(|(due, explanation)| view! {
                <p class="deadline">{tr::track_deadline(lang, &format::date(due))}</p>
                <WhyThisDate explanation=explanation />
            })}
            {storage.map(|info| {
                // A return, once asked for, is due by a date; before that the
                // result is held by the provider.
                let text = match (status, info.return_due) {
                    (_, Some(ret)) => tr::track_return_due(lang, &format::date(ret.date)),
                    (PublicStatus::HeldByProvider, _) => tr::track_held(lang).to_string(),
                    _ => tr::track_ready_until(lang, &format::date(info.until.date)),
                };
                view! { <div class="notice"><p>{text}</p></div> }
            })}
            // Only until asked: a second request would be refused.
            <Show when=move || state == State::HandedToProvider>
                <button type="button" class="button" on:click=request_return.clone()>{t(tr::track_request_return)}</button>
            </Show>
            {targets_view}
            <EventList events=s.with_value(|s| s.lifecycle.events.clone()) service=s.with_value(|s| s.service) />
            <p><a href=format!("/apply/receipt/{reference}")>{t(tr::track_receipt_link)}</a></p>
            <p><a href=format!("/apply/complaint?app={reference}")>{t(tr::complaint_form_title)}</a></p>
        </div>
    }
}
