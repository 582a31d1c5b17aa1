//! `/cabinet/applications/:reference`: what happens to an application — its
//! status, the legal deadline with "why this date?", the regulation's steps
//! with their target times, the history, storage at the State Corporation,
//! and the complaint path when it is late.

use leptos::prelude::*;

use crate::engine::lifecycle::{self, Ctx, Details, PublicStatus, Role, State, Transition};
use crate::engine::submission::{Outcome, Submission};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::applications::{advance, application_of};
use crate::ui::state::store::Refused;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::demo_clock::DemoClock;
use crate::ui::widgets::details::Details;
use crate::ui::widgets::notice::{IntegrityNotice, Notice, Tone};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::record_page::{Outcome as Said, OwnRecordPage};
use crate::ui::widgets::timeline::{EventList, RegionalNote, StatusTag, TargetsTable};
use crate::ui::widgets::why_this_date::WhyThisDate;

#[component]
pub fn TrackerPage() -> impl IntoView {
    view! {
        <OwnRecordPage param="reference" of=application_of announce=true not_found=tr::confirm_not_found
            show=|s, said| view! { <Tracker submission=s said=said /> }
            // Outside the part rebuilt on every change, so that playing the
            // steps keeps running while the tracker updates.
            tools=|| view! {
                <div class="page page--tools">
                    <Details summary=t(tr::track_demo_tools) class=Some("demo-tools")><DemoClock /></Details>
                </div>
            }
        />
    }
}

#[component]
fn Tracker(submission: Submission, said: Said) -> impl IntoView {
    let Ui { lang, clock, db, .. } = use_ui();
    let s = StoredValue::new(submission);
    let reference = s.with_value(|s| s.reference.clone());
    let rev = s.with_value(|s| s.lifecycle.rev);

    let deadline = s.with_value(|s| match s.outcome {
        Outcome::Accepted { due, .. } => Some((
            due,
            s.deadline().map(|d| (d.deadline.explanation, d.recomputed)).unwrap_or_default(),
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

    // The citizen's own move: asking for a result held by the school,
    // applied only if no other tab changed the record meanwhile.
    let request_return = {
        let reference = reference.clone();
        move |_| {
            let now = clock.now_untracked();
            let done = advance(
                db,
                &reference,
                rev,
                Transition::RequestReturn,
                Role::Citizen,
                now,
                Details::default(),
            );
            match done {
                Ok(()) => said.set(Some(tr::track_returned(lang).into())),
                Err(Refused::NotSaved) => {}
                Err(_) => said.set(Some(tr::track_changed_elsewhere(lang).into())),
            }
        }
    };

    // Recomputed with the clock, but changed (and the table rebuilt) only
    // when a mark changes, not every second.
    let targets = Memo::new(move |_| {
        let now = clock.now();
        s.with_value(|s| s.targets(now, false).ok()).filter(|t| !t.is_empty())
    });
    let complain = paths::complaint_about(Some(&reference));
    let targets_view = {
        let complain = complain.clone();
        move || {
            targets.get().map(|targets| {
                let now = clock.now_untracked();
                let overdue = lifecycle::overdue(&targets, now);
                let complain = complain.clone();
                view! {
                    {overdue.then(|| view! {
                        <Notice tone=Tone::Warning alert=true>
                            <p>{t(tr::track_overdue)}</p>
                            <p><a class="button" href=complain>{t(tr::track_complain)}</a></p>
                        </Notice>
                    })}
                    <TargetsTable targets=targets now=now />
                }
            })
        }
    };

    view! {
        <div class="page">
            <PageHeading text=ts(tr::track_title) caption=Signal::stored(reference.clone()) />
            <IntegrityNotice submission=s.get_value() />
            <p><strong>{t(tr::track_status)} ": "</strong> <StatusTag submission=s.get_value() /></p>
            <p>{move || said.get()}</p>
            {deadline.map(|(due, (explanation, recomputed))| view! {
                <p class="deadline">{tr::track_deadline(lang, &format::date(due))}</p>
                <WhyThisDate explanation=explanation recomputed=recomputed />
            })}
            {storage.map(|info| {
                // A return, once asked for, is due by a date; before that the
                // result is held by the provider.
                let text = match (status, info.return_due) {
                    (_, Some(ret)) => tr::track_return_due(lang, &format::date(ret.date)),
                    (PublicStatus::HeldByProvider, _) => tr::track_held(lang).to_string(),
                    _ => tr::track_ready_until(lang, &format::date(info.until.date)),
                };
                view! { <Notice><p>{text}</p></Notice> }
            })}
            // Only until asked: a second request would be refused.
            {(state == State::HandedToProvider).then(|| view! {
                <Button on_click=request_return>{t(tr::track_request_return)}</Button>
            })}
            {targets_view}
            <RegionalNote service=s.with_value(|s| s.service) channel=s.with_value(|s| s.channel)
                region=s.with_value(|s| s.provider_region.clone()) />
            <EventList events=s.with_value(|s| s.lifecycle.events.clone()) service=s.with_value(|s| s.service) />
            <p><a href=paths::receipt(&reference)>{t(tr::track_receipt_link)}</a></p>
            <p><a href=complain>{t(tr::complaint_form_title)}</a></p>
        </div>
    }
}
