//! `/staff/complaints/:id`: register a complaint (incoming number, who,
//! where to collect the answer; F000 L46), mark it executed and answer it
//! (on the merits, or a refusal to consider; L48, L51). Each step is
//! applied only to the revision on screen: if another tab moved the
//! complaint on, nothing is overwritten and the user is told.

use leptos::prelude::*;

use crate::engine::complaint::{
    self, Action, AnswerKind, Complaint, ComplaintError, ComplaintStatus, Registration,
};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::complaints::{act, next_incoming_number};
use crate::ui::state::store::Refused;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::complaint_marks::{Marks, RegistrationDetails};
use crate::ui::widgets::complaint_summary::{ComplaintSummary, Part};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::radios::{Choice, Radios};
use crate::ui::widgets::record_page::Outcome;
use crate::ui::widgets::staff_desk::{StaffDesk, staff_record_page};
use crate::ui::widgets::tag::Tag;
use crate::ui::widgets::text_area::TextArea;
use crate::ui::widgets::text_field::TextField;

#[component]
pub fn ComplaintDeskPage() -> impl IntoView {
    staff_record_page("id", |c: Complaint, said| view! { <Desk complaint=c said=said /> })
}

fn registration_message(lang: Lang, field: &str) -> &'static str {
    match field {
        "incoming-number" => tr::complaint_desk_error_incoming_number(lang),
        "registered-by" => tr::complaint_desk_error_registered_by(lang),
        _ => tr::complaint_desk_error_place(lang),
    }
}

const KINDS: [(&str, AnswerKind); 2] =
    [("on-merits", AnswerKind::OnMerits), ("refusal-to-consider", AnswerKind::RefusalToConsider)];

#[component]
fn Desk(complaint: Complaint, said: Outcome) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let registered_by = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<String>);
    let answer = RwSignal::new(String::new());
    let incoming = RwSignal::new(next_incoming_number(db, clock.today_untracked()));
    let id = StoredValue::new(complaint.id.clone());
    let rev = complaint.rev;
    let state = complaint.status();

    // Records `action` and says what happened.
    let report = move |done: &'static str, action: Action| {
        said.set(None);
        match act(db, &id.get_value(), rev, action, clock.now_untracked()) {
            Ok(()) => {
                errors.set(Vec::new());
                said.set(Some(done.to_string()));
            }
            Err(Refused::Stale { .. } | Refused::Missing) => {
                said.set(Some(tr::complaint_desk_changed(lang).to_string()))
            }
            Err(Refused::Rule(ComplaintError::BadRegistration { field })) => {
                errors.set(vec![ErrorItem::new(field, registration_message(lang, field))])
            }
            Err(Refused::Rule(ComplaintError::BadAnswer)) => {
                errors.set(vec![ErrorItem::new("answer-text", tr::complaint_desk_error_text(lang))])
            }
            Err(Refused::Rule(_)) => {
                said.set(Some(tr::complaint_desk_not_allowed(lang).to_string()))
            }
            // The shell says it was not saved.
            Err(Refused::NotSaved) => {}
        }
    };
    let bad = |v: &str, max: usize| v.trim().is_empty() || v.chars().count() > max;

    let register = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        said.set(None);
        let fields = [
            ("incoming-number", incoming.get_untracked()),
            ("registered-by", registered_by.get_untracked()),
            ("place", place.get_untracked()),
        ];
        let errs: Vec<ErrorItem> = fields
            .iter()
            .filter(|(_, v)| bad(v, complaint::REF_MAX))
            .map(|(f, _)| ErrorItem::new(*f, registration_message(lang, f)))
            .collect();
        if !errs.is_empty() {
            errors.set(errs);
            return;
        }
        let [(_, incoming_number), (_, by), (_, place)] = fields;
        report(
            tr::complaint_desk_registered(lang),
            Action::Register(Registration {
                incoming_number: incoming_number.trim().to_string(),
                registered_by: by.trim().to_string(),
                place: place.trim().to_string(),
            }),
        );
    };
    let execute = move |_| report(tr::complaint_desk_executed(lang), Action::Execute);
    let send_answer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        said.set(None);
        let mut errs = Vec::new();
        let k = KINDS
            .into_iter()
            .find(|(slug, _)| kind.get_untracked().as_deref() == Some(*slug))
            .map(|(_, k)| k);
        if k.is_none() {
            errs.push(ErrorItem::new("answer-kind", tr::complaint_desk_error_kind(lang)));
        }
        if bad(&answer.get_untracked(), complaint::TEXT_MAX) {
            errs.push(ErrorItem::new("answer-text", tr::complaint_desk_error_text(lang)));
        }
        let Some(k) = k.filter(|_| errs.is_empty()) else {
            errors.set(errs);
            return;
        };
        report(
            tr::complaint_desk_answered(lang),
            Action::Answer { kind: k, text: answer.get_untracked() },
        );
    };
    let error_for = move |id: &'static str| message_for(errors, id);
    let field =
        move |id: &'static str, label: fn(Lang) -> &'static str, value: RwSignal<String>| {
            view! {
                <TextField id=id label=ts(label) value=value
                    on_input=Callback::new(move |v| value.set(v)) error=error_for(id) />
            }
        };

    let actions = match state {
        ComplaintStatus::Delivered => view! {
            <section aria-labelledby="register-heading">
                <h2 id="register-heading">{t(tr::complaint_desk_register_heading)}</h2>
                <form novalidate on:submit=register>
                    {field("incoming-number", tr::complaint_desk_incoming_number, incoming)}
                    {field("registered-by", tr::complaint_desk_registered_by, registered_by)}
                    {field("place", tr::complaint_desk_place, place)}
                    <button type="submit" class="button">{t(tr::complaint_desk_register_button)}</button>
                </form>
            </section>
        }
        .into_any(),
        ComplaintStatus::Registered => view! {
            <section aria-labelledby="execute-heading">
                <h2 id="execute-heading">{t(tr::complaint_desk_execute_heading)}</h2>
                <Button on_click=execute>{t(tr::complaint_desk_execute_button)}</Button>
            </section>
        }
        .into_any(),
        ComplaintStatus::Executed => view! {
            <section aria-labelledby="answer-heading">
                <h2 id="answer-heading">{t(tr::complaint_desk_answer_heading)}</h2>
                <form novalidate on:submit=send_answer>
                    <Radios name="answer-kind" legend=ts(tr::complaint_desk_answer_kind)
                        choices=Signal::stored(KINDS.iter().map(|(slug, k)| Choice::new(*slug, k.label(lang))).collect::<Vec<_>>())
                        selected=kind on_select=Callback::new(move |v| kind.set(Some(v)))
                        error=error_for("answer-kind") />
                    <TextArea id="answer-text" label=ts(tr::complaint_desk_answer_text) value=answer
                        on_input=Callback::new(move |v| answer.set(v)) error=error_for("answer-text") rows=6 />
                    <button type="submit" class="button">{t(tr::complaint_desk_answer_button)}</button>
                </form>
            </section>
        }
        .into_any(),
        ComplaintStatus::Answered => view! { <p>{t(tr::complaint_desk_no_actions)}</p> }.into_any(),
    };

    view! {
        <StaffDesk back=paths::COMPLAINT_DESK back_text=tr::complaint_desk_back title=tr::complaint_desk_title reference=complaint.reference.clone()>
            <p>
                <strong>{t(tr::complaint_track_status)} ": "</strong>
                <Tag of=state />
            </p>
            <p class="progress">{move || said.get()}</p>
            <ErrorSummary errors=errors />
            {actions}
            <h2>{t(tr::complaint_track_marks_heading)}</h2>
            <Marks complaint=complaint.clone() />
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=complaint.clone() />
            <h2>{t(tr::complaint_sign_check_heading)}</h2>
            <ComplaintSummary
                draft=complaint.draft.clone()
                parts=vec![Part::From, Part::Address, Part::Phone, Part::Application, Part::Addressee, Part::Subject, Part::Text]
            />
        </StaffDesk>
    }
}
