//! The provider's back office, simulated in the browser (staff bundle): a
//! clearly labelled demonstration in which the clerk, the head, the
//! executor and the State Corporation act on applications, each only as the
//! regulation allows, on the demo clock.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::engine::identity::registry;
use crate::engine::lifecycle::{self, Ctx, Details, LifecycleError, Role, State, Transition};
use crate::engine::source::Lang;
use crate::engine::store::Revisioned;
use crate::engine::submission::Submission;
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{Choice, ErrorItem, ErrorSummary, FieldError, PageHeading, Radios};
use crate::ui::db::use_db;
use crate::ui::demo::DemoClock;
use crate::ui::format;
use crate::ui::law::LawText;
use crate::ui::life::{EventList, StatusTag, TargetsTable, role_label, transition_label};
use crate::ui::prefs::use_lang;
use crate::ui::store::{Collection, StoreNotices};
use crate::ui::text::{t, ts};

/// The roles a back-office user can take.
const STAFF_ROLES: [Role; 4] = [
    Role::Clerk,
    Role::Head,
    Role::Executor,
    Role::StateCorporation,
];

fn role_slug(r: Role) -> &'static str {
    match r {
        Role::Citizen => "citizen",
        Role::Clerk => "clerk",
        Role::Head => "head",
        Role::Executor => "executor",
        Role::StateCorporation => "state-corporation",
        Role::System => "system",
    }
}

/// The role chosen, remembered across reloads and shared by tabs.
#[derive(Clone, Copy)]
pub struct StaffRole(pub Collection<String>);

impl StaffRole {
    pub fn open(notices: StoreNotices) -> StaffRole {
        StaffRole(Collection::open("qujat.staff.role", notices))
    }
}

fn use_role() -> Collection<String> {
    expect_context::<StaffRole>().0
}

fn current_role(c: &Collection<String>) -> Role {
    c.with(|r| {
        STAFF_ROLES
            .into_iter()
            .find(|x| role_slug(*x) == r)
            .unwrap_or(Role::Clerk)
    })
}

/// The transitions this role may record on this record now.
pub fn actions_for(s: &Submission, role: Role) -> Vec<Transition> {
    Transition::ALL
        .into_iter()
        .filter(|t| !t.is_initial())
        .filter(|t| lifecycle::next_state(s.lifecycle.state, *t, s.channel).is_some())
        .filter(|t| lifecycle::roles(s.lifecycle.state, *t).contains(&role))
        .collect()
}

pub fn error_text(lang: Lang, e: &LifecycleError) -> String {
    match e {
        LifecycleError::StaleRevision { .. } => tr::staff_error_changed(lang).to_string(),
        LifecycleError::TimeGoesBackwards { .. } => {
            tr::staff_error_rule(lang, tr::staff_why_time(lang))
        }
        LifecycleError::StorageNotExpired { until } => {
            tr::staff_error_rule(lang, &tr::staff_why_storage(lang, &format::date(*until)))
        }
        _ => tr::staff_error_rule(lang, tr::staff_why_other(lang)),
    }
}

#[component]
fn RoleSwitch() -> impl IntoView {
    let lang = use_lang();
    let role = use_role();
    view! {
        <Radios
            name="role"
            legend=ts(tr::staff_role_question)
            choices=Signal::stored(
                STAFF_ROLES.iter().map(|r| Choice { value: role_slug(*r).into(), label: role_label(lang, *r).into(), hint: None }).collect::<Vec<_>>(),
            )
            selected=Signal::derive(move || Some(role_slug(current_role(&role)).to_string()))
            on_select=Callback::new(move |v: String| role.update(|r| *r = v))
            error=Signal::stored(None::<String>)
        />
    }
}

/// `/staff`: every application in this browser, with its status and the
/// next step's target time.
#[component]
pub fn BackOfficePage() -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let rows = Memo::new(move |_| {
        let mut v: Vec<Submission> = db.apps.with(|m| m.values().cloned().collect());
        v.sort_by_key(|s| std::cmp::Reverse(s.submitted_at));
        v
    });
    view! {
        <div class="page">
            <PageHeading text=ts(tr::staff_title) />
            <div class="notice notice--warning"><p>{t(tr::staff_banner)}</p></div>
            <p><A href="/staff/complaints">{t(tr::complaint_desk_link)}</A></p>
            <RoleSwitch />
            <DemoClock />
            <h2>{t(tr::staff_applications_heading)}</h2>
            <Show when=move || !rows.get().is_empty() fallback=move || view! { <p>{t(tr::staff_none)}</p> }>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t(tr::staff_col_reference)}</th>
                                <th scope="col">{t(tr::staff_col_applicant)}</th>
                                <th scope="col">{t(tr::staff_col_status)}</th>
                                <th scope="col">{t(tr::staff_col_next)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|s| (s.reference.clone(), s.lifecycle.rev) let(s)>
                                {
                                    let now = clock.now_untracked();
                                    let next = s.targets(now, false)
                                        .ok()
                                        .and_then(|ts| lifecycle::next_target(&ts, now).map(|(t, left)| (t.due, left < chrono::Duration::zero())));
                                    let name = registry::find(&s.applicant_iin).map(|p| p.display_name(lang)).unwrap_or_default();
                                    let status = view! { <StatusTag submission=s.clone() /> };
                                    view! {
                                        <tr>
                                            <td><A href=format!("/staff/applications/{}", s.reference)>{s.reference.clone()}</A></td>
                                            <td>{name}</td>
                                            <td>{status}</td>
                                            <td>
                                                {next.map(|(due, late)| view! {
                                                    {format::date_time(due)} " "
                                                    {late.then(|| view! { <span class="tag tag--late">{tr::life_late(lang)}</span> })}
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p><A href="/staff/operator">{t(tr::operator_start_link)}</A></p>
            <p><a href="/">{t(tr::staff_portal_link)}</a></p>
        </div>
    }
}

/// `/staff/applications/:reference`: one application, the actions the
/// chosen role may take, and a motivated refusal.
#[component]
pub fn BackOfficeApplication() -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let reference = Memo::new(move |_| params.read().get("reference").unwrap_or_default());
    let record = Memo::new(move |_| db.apps.with(|m| m.get(&reference.get()).cloned()));
    // Outside the desk, which is rebuilt on every change to the record, so
    // that "done" or "changed in another tab" stays on screen once the page
    // shows the new state.
    let status = RwSignal::new(None::<String>);
    view! {
        {move || match record.get() {
            Some(s) => view! { <Desk submission=s status=status /> }.into_any(),
            None => view! { <super::NotFound /> }.into_any(),
        }}
        <crate::ui::components::Announcer text=status />
        <div class="page page--tools"><DemoClock /></div>
    }
}

#[component]
fn Desk(submission: Submission, status: RwSignal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let role_store = use_role();
    let ground = RwSignal::new(None::<String>);
    let motivation = RwSignal::new(String::new());
    let refuse_errors = RwSignal::new(Vec::<ErrorItem>::new());
    let s = StoredValue::new(submission);
    let reference = s.with_value(|s| s.reference.clone());
    let rev = s.with_value(|s| s.lifecycle.rev);

    // Applies a transition only to the revision on screen: if another tab
    // moved the record on, nothing is overwritten and the user is told.
    let act = move |transition: Transition, details: Details| -> Result<(), LifecycleError> {
        let role = current_role(&role_store);
        let now = clock.now_untracked();
        let reference = s.with_value(|s| s.reference.clone());
        db.apps.update(|m| {
            let rec = m.get_mut(&reference).ok_or(LifecycleError::StaleRevision {
                expected: rev,
                found: 0,
            })?;
            let ctx = Ctx::embedded(rec.service, rec.channel)?;
            rec.lifecycle
                .change_at_rev(rev, |lc| lc.apply(&ctx, transition, role, now, details))
        })
    };
    let report = move |transition: Transition, r: Result<(), LifecycleError>| match r {
        Ok(()) => status.set(Some(tr::staff_done(
            lang,
            transition_label(lang, transition),
        ))),
        Err(e) => status.set(Some(error_text(lang, &e))),
    };

    let actions = move || {
        let role = current_role(&role_store);
        let list: Vec<Transition> = s
            .with_value(|s| actions_for(s, role))
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
                    .map(|tr_| view! {
                        <button type="button" class="button" on:click=move |_| report(tr_, act(tr_, Details::default()))>
                            {transition_label(lang, tr_)}
                        </button>
                    })
                    .collect_view()}
            </div>
        }
        .into_any()
    };
    let can_refuse = move || {
        let role = current_role(&role_store);
        s.with_value(|s| actions_for(s, role))
            .contains(&Transition::Refuse)
    };
    let grounds: Signal<Vec<Choice>> = Signal::stored(s.with_value(|s| {
        lifecycle::decision_grounds(crate::engine::catalog::service(s.service))
            .map(|g| Choice {
                value: g.id.clone(),
                label: g.text.get(lang).to_string(),
                hint: None,
            })
            .collect()
    }));
    let refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        if ground.get_untracked().is_none() {
            errs.push(ErrorItem {
                field_id: "ground".into(),
                message: tr::staff_refuse_error_ground(lang).into(),
            });
        }
        if motivation.get_untracked().trim().is_empty() {
            errs.push(ErrorItem {
                field_id: "motivation".into(),
                message: tr::staff_refuse_error_text(lang).into(),
            });
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
        report(Transition::Refuse, act(Transition::Refuse, details));
    };
    let field_error = move |id: &'static str| {
        Signal::derive(move || {
            refuse_errors
                .get()
                .into_iter()
                .find(|e| e.field_id == id)
                .map(|e| e.message)
        })
    };
    let applicant = s.with_value(|s| {
        registry::find(&s.applicant_iin).map(|p| format!("{} ({})", p.display_name(lang), p.iin))
    });
    // Recomputed with the clock, but changed (and the table rebuilt) only
    // when a mark changes, not every second.
    let targets = Memo::new(move |_| {
        let now = clock.now();
        s.with_value(|s| s.targets(now, false).ok())
            .filter(|t| !t.is_empty())
    });
    let terminal = s.with_value(|s| {
        s.lifecycle.state.is_terminal() || s.lifecycle.state == State::RefusedAtAcceptance
    });

    view! {
        <div class="page">
            <p><A href="/staff">{t(tr::staff_back_to_list)}</A></p>
            <PageHeading text=ts(tr::staff_title) caption=Signal::stored(reference.clone()) />
            <div class="notice notice--warning"><p>{t(tr::staff_banner)}</p></div>
            <p>{applicant} " · " <StatusTag submission=s.get_value() /></p>
            <RoleSwitch />
            <p class="progress">{move || status.get()}</p>
            <Show when=move || !terminal>
                <h2>{move || tr::staff_actions_heading(lang, role_label(lang, current_role(&role_store)))}</h2>
                {actions}
                <Show when=can_refuse>
                    <section class="refusal" aria-labelledby="refuse-heading">
                        <h3 id="refuse-heading">{t(tr::staff_refuse_heading)}</h3>
                        <ErrorSummary errors=refuse_errors />
                        <form novalidate on:submit=refuse>
                            <Radios
                                name="ground"
                                legend=ts(tr::staff_refuse_ground)
                                choices=grounds
                                selected=ground
                                on_select=Callback::new(move |v| ground.set(Some(v)))
                                error=field_error("ground")
                            />
                            <div class="field" class:field--error=move || field_error("motivation").get().is_some()>
                                <label class="label" for="motivation">{t(tr::staff_refuse_text)}</label>
                                <p class="hint" id="motivation-hint">{t(tr::staff_refuse_text_hint)}</p>
                                <FieldError id="motivation-error" message=field_error("motivation") />
                                <textarea
                                    class="textarea"
                                    id="motivation"
                                    aria-describedby="motivation-hint"
                                    prop:value=move || motivation.get()
                                    on:input=move |ev| motivation.set(event_target_value(&ev))
                                ></textarea>
                            </div>
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
            <EventList events=s.with_value(|s| s.lifecycle.events.clone()) service=s.with_value(|s| s.service) />
            {
                let name = s.with_value(|s| crate::engine::catalog::service(s.service).name.text.clone());
                view! { <p class="small muted"><LawText text=name /></p> }
            }
        </div>
    }
}
