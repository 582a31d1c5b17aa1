//! `/staff/applications/:reference`: one application, the actions the
//! chosen role may take, and a motivated refusal. Each action is applied
//! only to the revision on screen: if another tab moved the record on,
//! nothing is overwritten and the user is told.

use leptos::prelude::*;

use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::notice::IntegrityNotice;

use super::role::RoleSwitch;
use crate::engine::catalog;
use crate::engine::identity::registry;
use crate::engine::lifecycle::{self, Details, LifecycleError, State, Transition};
use crate::engine::submission::Submission;
use crate::i18n::tr;
use crate::ui::labels::{Label, Message, t, ts};
use crate::ui::paths;
use crate::ui::state::applications::advance;
use crate::ui::state::staff::{actions_for, use_role};
use crate::ui::state::store::Refused;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::legal_basis::LawText;
use crate::ui::widgets::radios::{Choice, Radios};
use crate::ui::widgets::record_page::Outcome;
use crate::ui::widgets::staff_desk::{StaffDesk, staff_record_page};
use crate::ui::widgets::text_area::TextArea;
use crate::ui::widgets::timeline::{EventList, RegionalNote, StatusTag, TargetsTable};

#[component]
pub fn BackOfficeApplication() -> impl IntoView {
    staff_record_page("reference", |s: Submission, said| view! { <Desk submission=s said=said /> })
}

/// What to say after an action.
fn outcome(
    lang: crate::engine::source::Lang, t: Transition, r: Result<(), Refused<LifecycleError>>,
) -> Option<String> {
    match r {
        Ok(()) => Some(tr::staff_done(lang, t.label(lang))),
        Err(Refused::Rule(e)) => Some(e.message(lang)),
        Err(Refused::Stale { .. } | Refused::Missing) => {
            Some(tr::staff_error_changed(lang).to_string())
        }
        // The shell says it was not saved.
        Err(Refused::NotSaved) => None,
    }
}

#[component]
fn Desk(submission: Submission, said: Outcome) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let role = use_role();
    let ground = RwSignal::new(None::<String>);
    let motivation = RwSignal::new(String::new());
    let refuse_errors = RwSignal::new(Vec::<ErrorItem>::new());
    let s = StoredValue::new(submission);
    let reference = s.with_value(|s| s.reference.clone());
    let rev = s.with_value(|s| s.lifecycle.rev);

    let act = move |transition: Transition, details: Details| {
        let r = s.with_value(|s| {
            advance(db, &s.reference, rev, transition, role.get(), clock.now_untracked(), details)
        });
        said.set(outcome(lang, transition, r));
    };

    let actions = {
        move || {
            let list: Vec<Transition> = s
                .with_value(|s| actions_for(s, role.get()))
                .into_iter()
                .filter(|t| *t != Transition::Refuse)
                .collect();
            if list.is_empty() {
                return view! { <p>{tr::staff_no_actions(lang)}</p> }.into_any();
            }
            view! {
                <div class="button-group">
                    {list
                        .into_iter()
                        .map(|step| {
                            view! {
                                <Button on_click=move |_| act(step, Details::default())>
                                    {step.label(lang)}
                                </Button>
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        }
    };
    let can_refuse =
        move || s.with_value(|s| actions_for(s, role.get())).contains(&Transition::Refuse);
    let grounds = Signal::stored(s.with_value(|s| {
        lifecycle::decision_grounds(catalog::service(s.service))
            .map(|g| Choice::new(g.id.clone(), g.text.get(lang)))
            .collect::<Vec<_>>()
    }));
    let refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        if ground.get_untracked().is_none() {
            errs.push(ErrorItem::new("ground", tr::staff_refuse_error_ground(lang)));
        }
        if motivation.get_untracked().trim().is_empty() {
            errs.push(ErrorItem::new("motivation", tr::staff_refuse_error_text(lang)));
        }
        if !errs.is_empty() {
            refuse_errors.set(errs);
            return;
        }
        refuse_errors.set(Vec::new());
        let details = Details::refusal(
            &ground.get_untracked().unwrap_or_default(),
            &motivation.get_untracked(),
        );
        act(Transition::Refuse, details);
    };
    let applicant = s.with_value(|s| {
        registry::find(&s.applicant_iin).map(|p| format!("{} ({})", p.display_name(lang), p.iin))
    });
    // Recomputed with the clock, but changed (and the table rebuilt) only
    // when a mark changes, not every second.
    let targets = Memo::new(move |_| {
        let now = clock.now();
        s.with_value(|s| s.targets(now, false).ok()).filter(|t| !t.is_empty())
    });
    let terminal = s.with_value(|s| {
        s.lifecycle.state.is_terminal() || s.lifecycle.state == State::RefusedAtAcceptance
    });

    view! {
        <StaffDesk back=paths::STAFF back_text=tr::staff_back_to_list title=tr::staff_title reference=reference>
            <IntegrityNotice submission=s.get_value() />
            <p>{applicant} " · " <StatusTag submission=s.get_value() /></p>
            <RoleSwitch />
            <p class="progress">{move || said.get()}</p>
            <Show when=move || !terminal>
                <h2>{move || tr::staff_actions_heading(lang, role.get().label(lang))}</h2>
                {actions}
                <Show when=can_refuse>
                    <section class="refusal" aria-labelledby="refuse-heading">
                        <h3 id="refuse-heading">{t(tr::staff_refuse_heading)}</h3>
                        <ErrorSummary errors=refuse_errors />
                        <form novalidate on:submit=refuse>
                            <Radios name="ground" legend=ts(tr::staff_refuse_ground) choices=grounds
                                selected=ground on_select=Callback::new(move |v| ground.set(Some(v)))
                                error=message_for(refuse_errors, "ground") />
                            <TextArea id="motivation" label=ts(tr::staff_refuse_text)
                                hint=ts(tr::staff_refuse_text_hint) value=motivation
                                on_input=Callback::new(move |v| motivation.set(v))
                                error=message_for(refuse_errors, "motivation") />
                            <button type="submit" class="button button--warning">{t(tr::staff_refuse_submit)}</button>
                        </form>
                    </section>
                </Show>
            </Show>
            {move || {
                targets
                    .get()
                    .map(|targets| view! { <TargetsTable targets=targets now=clock.now_untracked() /> })
            }}
            <RegionalNote service=s.with_value(|s| s.service) channel=s.with_value(|s| s.channel)
                region=s.with_value(|s| s.provider_region.clone()) />
            <EventList events=s.with_value(|s| s.lifecycle.events.clone()) service=s.with_value(|s| s.service) />
            <p class="small muted"><LawText text=s.with_value(|s| catalog::service(s.service).name.text.clone()) /></p>
        </StaffDesk>
    }
}
