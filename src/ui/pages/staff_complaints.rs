//! The complaints desk in the staff bundle (a demonstration, like the back
//! office): `/staff/complaints` lists every complaint in this browser;
//! `/staff/complaints/:id` registers one (incoming number, who, where to
//! collect the answer; F000 L46), marks it executed and answers it (on the
//! merits, or a refusal to consider; L48, L51). Each step is applied only
//! to the revision on screen (`Revisioned::change_at_rev`): if another tab
//! moved the complaint on, nothing is overwritten and the user is told.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::engine::calendar;
use crate::engine::complaint::{
    self, Action, AnswerKind, Complaint, ComplaintError, ComplaintStatus, Registration,
};
use crate::engine::store::Revisioned;
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    Choice, ErrorItem, ErrorSummary, FieldError, PageHeading, Radios, TextField,
};
use crate::ui::db::use_db;
use crate::ui::demo::DemoClock;
use crate::ui::format;
use crate::ui::prefs::use_lang;
use crate::ui::text::{t, ts};

use super::complaint::{
    Marks, RegistrationDetails, addressee_label, answer_label, full_name, message_for, row,
    status_label, subject_label,
};

fn from_name(c: &Complaint) -> String {
    complaint::surname_and_initials(
        &c.draft.surname,
        &c.draft.name,
        c.draft.patronymic.as_deref(),
    )
}

/// `/staff/complaints`.
#[component]
pub fn ComplaintDeskList() -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let rows = Memo::new(move |_| {
        let mut v: Vec<Complaint> = db.complaints.with(|m| m.values().cloned().collect());
        v.sort_by_key(|c| std::cmp::Reverse(c.filed_at));
        v
    });
    view! {
        <div class="page">
            <p><A href="/staff">{t(tr::complaint_desk_staff_link)}</A></p>
            <PageHeading text=ts(tr::complaint_desk_title) />
            <div class="notice notice--warning"><p>{t(tr::staff_banner)}</p></div>
            <h2>{t(tr::complaint_desk_list_heading)}</h2>
            <Show when=move || !rows.get().is_empty() fallback=move || view! { <p>{t(tr::complaint_desk_none)}</p> }>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t(tr::complaint_desk_col_reference)}</th>
                                <th scope="col">{t(tr::complaint_desk_col_from)}</th>
                                <th scope="col">{t(tr::complaint_desk_col_addressee)}</th>
                                <th scope="col">{t(tr::complaint_desk_col_status)}</th>
                                <th scope="col">{t(tr::complaint_desk_col_due)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|c| (c.id.clone(), c.rev) let(c)>
                                {
                                    let late = c.is_overdue(clock.now_untracked());
                                    let href = format!("/staff/complaints/{}", c.id);
                                    let from = from_name(&c);
                                    let addressee = addressee_label(lang, c.draft.addressee);
                                    let status = status_label(lang, c.status());
                                    view! {
                                        <tr>
                                            <td><A href=href>{c.reference.clone()}</A></td>
                                            <td>{from}</td>
                                            <td>{addressee}</td>
                                            <td><span class="tag">{status}</span></td>
                                            <td>
                                                {c.due.as_ref().map(|d| format::date(d.date))} " "
                                                {late.then(|| view! { <span class="tag tag--late">{tr::life_late(lang)}</span> })}
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <DemoClock />
        </div>
    }
}

/// `/staff/complaints/:id`.
#[component]
pub fn ComplaintDeskPage() -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let record = Memo::new(move |_| db.complaints.with(|m| m.get(&id.get()).cloned()));
    // Outside the part rebuilt on each change, so that the outcome of an
    // action stays on screen once the page shows the new state.
    let status = RwSignal::new(None::<String>);
    view! {
        {move || match record.get() {
            Some(c) => view! { <Desk complaint=c status=status /> }.into_any(),
            None => view! { <super::NotFound /> }.into_any(),
        }}
        <crate::ui::components::Announcer text=status />
        <div class="page page--tools"><DemoClock /></div>
    }
}

#[component]
fn Desk(complaint: Complaint, status: RwSignal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let registered_by = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<String>);
    let answer = RwSignal::new(String::new());
    let c = StoredValue::new(complaint);
    let id = c.with_value(|c| c.id.clone());
    let rev = c.with_value(|c| c.rev);
    let state = c.with_value(|c| c.status());

    // The next incoming number of this office, as a suggestion.
    let n = db
        .complaints
        .with_untracked(|m| m.values().filter(|x| x.registration().is_some()).count())
        + 1;
    let incoming = RwSignal::new(format!(
        "{}/{n:04}",
        chrono::Datelike::year(&clock.today_untracked())
    ));

    let act = {
        let id = id.clone();
        move |action: Action| -> Result<(), ComplaintError> {
            let now = clock.now_untracked();
            let cal = calendar::calendar().map_err(|e| ComplaintError::Deadline(e.into()))?;
            db.complaints.update(|m| {
                let rec = m.get_mut(&id).ok_or(ComplaintError::StaleRevision {
                    expected: rev,
                    found: 0,
                })?;
                rec.change_at_rev(rev, |c| c.apply(action, now, cal))
            })
        }
    };
    let report = move |done: &'static str, r: Result<(), ComplaintError>| match r {
        Ok(()) => {
            errors.set(Vec::new());
            status.set(Some(done.to_string()));
        }
        Err(ComplaintError::StaleRevision { .. }) => {
            status.set(Some(tr::complaint_desk_changed(lang).to_string()))
        }
        Err(ComplaintError::BadRegistration { field }) => errors.set(vec![ErrorItem {
            field_id: field.into(),
            message: registration_message(lang, field).into(),
        }]),
        Err(ComplaintError::BadAnswer) => errors.set(vec![ErrorItem {
            field_id: "answer-text".into(),
            message: tr::complaint_desk_error_text(lang).into(),
        }]),
        Err(_) => status.set(Some(tr::complaint_desk_not_allowed(lang).to_string())),
    };
    let bad = |v: &str, max: usize| v.trim().is_empty() || v.chars().count() > max;

    let register = {
        let act = act.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            status.set(None);
            let fields = [
                ("incoming-number", incoming.get_untracked()),
                ("registered-by", registered_by.get_untracked()),
                ("place", place.get_untracked()),
            ];
            let errs: Vec<ErrorItem> = fields
                .iter()
                .filter(|(_, v)| bad(v, complaint::REF_MAX))
                .map(|(f, _)| ErrorItem {
                    field_id: (*f).into(),
                    message: registration_message(lang, f).into(),
                })
                .collect();
            if !errs.is_empty() {
                errors.set(errs);
                return;
            }
            let [(_, incoming_number), (_, by), (_, place)] = fields;
            let r = act(Action::Register(Registration {
                incoming_number: incoming_number.trim().to_string(),
                registered_by: by.trim().to_string(),
                place: place.trim().to_string(),
            }));
            report(tr::complaint_desk_registered(lang), r);
        }
    };
    let execute = {
        let act = act.clone();
        move |_| {
            status.set(None);
            report(tr::complaint_desk_executed(lang), act(Action::Execute));
        }
    };
    let send_answer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let mut errs = Vec::new();
        let k = match kind.get_untracked().as_deref() {
            Some("on-merits") => Some(AnswerKind::OnMerits),
            Some("refusal-to-consider") => Some(AnswerKind::RefusalToConsider),
            _ => None,
        };
        if k.is_none() {
            errs.push(ErrorItem {
                field_id: "answer-kind".into(),
                message: tr::complaint_desk_error_kind(lang).into(),
            });
        }
        if bad(&answer.get_untracked(), complaint::TEXT_MAX) {
            errs.push(ErrorItem {
                field_id: "answer-text".into(),
                message: tr::complaint_desk_error_text(lang).into(),
            });
        }
        let Some(k) = k.filter(|_| errs.is_empty()) else {
            errors.set(errs);
            return;
        };
        let r = act(Action::Answer {
            kind: k,
            text: answer.get_untracked(),
        });
        report(tr::complaint_desk_answered(lang), r);
    };
    let error_for = move |id: &'static str| message_for(errors, id);
    let kinds = Signal::stored(vec![
        Choice {
            value: "on-merits".into(),
            label: answer_label(lang, AnswerKind::OnMerits).into(),
            hint: None,
        },
        Choice {
            value: "refusal-to-consider".into(),
            label: answer_label(lang, AnswerKind::RefusalToConsider).into(),
            hint: None,
        },
    ]);
    let d = c.with_value(|c| c.draft.clone());
    let answer_described = move || {
        if error_for("answer-text").get().is_some() {
            "answer-text-error"
        } else {
            ""
        }
    };

    let actions = match state {
        ComplaintStatus::Delivered => view! {
            <section aria-labelledby="register-heading">
                <h2 id="register-heading">{t(tr::complaint_desk_register_heading)}</h2>
                <form novalidate on:submit=register>
                    <TextField id="incoming-number" label=ts(tr::complaint_desk_incoming_number) value=incoming
                        on_input=Callback::new(move |v| incoming.set(v)) error=error_for("incoming-number") />
                    <TextField id="registered-by" label=ts(tr::complaint_desk_registered_by) value=registered_by
                        on_input=Callback::new(move |v| registered_by.set(v)) error=error_for("registered-by") />
                    <TextField id="place" label=ts(tr::complaint_desk_place) value=place
                        on_input=Callback::new(move |v| place.set(v)) error=error_for("place") />
                    <button type="submit" class="button">{t(tr::complaint_desk_register_button)}</button>
                </form>
            </section>
        }
        .into_any(),
        ComplaintStatus::Registered => view! {
            <section aria-labelledby="execute-heading">
                <h2 id="execute-heading">{t(tr::complaint_desk_execute_heading)}</h2>
                <button type="button" class="button" on:click=execute>{t(tr::complaint_desk_execute_button)}</button>
            </section>
        }
        .into_any(),
        ComplaintStatus::Executed => view! {
            <section aria-labelledby="answer-heading">
                <h2 id="answer-heading">{t(tr::complaint_desk_answer_heading)}</h2>
                <form novalidate on:submit=send_answer>
                    <Radios
                        name="answer-kind"
                        legend=ts(tr::complaint_desk_answer_kind)
                        choices=kinds
                        selected=kind
                        on_select=Callback::new(move |v| kind.set(Some(v)))
                        error=error_for("answer-kind")
                    />
                    <div class="field" class:field--error=move || error_for("answer-text").get().is_some()>
                        <label class="label" for="answer-text">{t(tr::complaint_desk_answer_text)}</label>
                        <FieldError id="answer-text-error" message=error_for("answer-text") />
                        <textarea
                            class="textarea"
                            id="answer-text"
                            rows="6"
                            aria-describedby=move || Some(answer_described()).filter(|s| !s.is_empty())
                            prop:value=move || answer.get()
                            on:input=move |ev| answer.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <button type="submit" class="button">{t(tr::complaint_desk_answer_button)}</button>
                </form>
            </section>
        }
        .into_any(),
        ComplaintStatus::Answered => view! { <p>{t(tr::complaint_desk_no_actions)}</p> }.into_any(),
    };

    view! {
        <div class="page">
            <p><A href="/staff/complaints">{t(tr::complaint_desk_back)}</A></p>
            <PageHeading text=ts(tr::complaint_desk_title) caption=Signal::stored(c.with_value(|c| c.reference.clone())) />
            <div class="notice notice--warning"><p>{t(tr::staff_banner)}</p></div>
            <p>
                <strong>{t(tr::complaint_track_status)} ": "</strong>
                <span class="tag">{status_label(lang, state)}</span>
            </p>
            <p class="progress">{move || status.get()}</p>
            <ErrorSummary errors=errors />
            {actions}
            <h2>{t(tr::complaint_track_marks_heading)}</h2>
            <Marks complaint=c.get_value() />
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=c.get_value() />
            <h2>{t(tr::complaint_sign_check_heading)}</h2>
            <dl class="summary">
                {row(tr::complaint_desk_from(lang).into(), full_name(&d))}
                {row(tr::complaint_form_address(lang).into(), d.postal_address.clone())}
                {row(tr::complaint_form_phone(lang).into(), d.phone.clone())}
                {d.application_ref.clone().map(|r| row(tr::complaint_track_application(lang).into(), r))}
                {row(tr::complaint_track_addressee(lang).into(), addressee_label(lang, d.addressee).into())}
                {row(tr::complaint_track_subject(lang).into(), subject_label(lang, d.subject).into())}
                {row(tr::complaint_track_text(lang).into(), d.text.clone())}
            </dl>
        </div>
    }
}

fn registration_message(lang: crate::engine::source::Lang, field: &str) -> &'static str {
    match field {
        "incoming-number" => tr::complaint_desk_error_incoming_number(lang),
        "registered-by" => tr::complaint_desk_error_registered_by(lang),
        _ => tr::complaint_desk_error_place(lang),
    }
}
