//! Complaints in the apply bundle (F000 «Порядок обжалования»): the form
//! (`/apply/complaint`, from an application with `?app=REF`, or as an
//! escalation of an answered complaint with `?escalate=ID`), signing like
//! an application (`/apply/complaint/sign`), and the confirmation
//! (`/apply/complaint/filed/:id`). The draft is saved as it is typed. Also
//! the labels and the marks list the portal tracker and the staff desk share.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use crate::engine::calendar;
use crate::engine::catalog;
use crate::engine::complaint::{
    self, Addressee, AnswerKind, Complaint, ComplaintError, ComplaintFieldError, Field, MarkKind,
    Problem, Subject,
};
use crate::engine::deadline::{self, Milestone};
use crate::engine::identity::registry::Person;
use crate::engine::service::ServiceId;
use crate::engine::signing::Signed;
use crate::engine::signing::eds;
use crate::engine::signing::otp::Purpose;
use crate::engine::source::Lang;
use crate::engine::submission::{self, SignatureRecord};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    Choice, ErrorItem, ErrorSummary, FieldError, PageHeading, Radios, TextField,
};
use crate::ui::db::{Db, new_id, random_bytes, use_db};
use crate::ui::format;
use crate::ui::law::LegalBasis;
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;
use crate::ui::store::{Collection, StoreNotices};
use crate::ui::text::{t, ts};
use crate::ui::why::WhyThisDate;

use super::sign::Signer;
use super::wizard::SignInNeeded;

// ---------------------------------------------------------------- shared

pub fn addressee_label(lang: Lang, a: Addressee) -> &'static str {
    match a {
        Addressee::ProviderHead => tr::complaint_addressee_provider_head(lang),
        Addressee::Ministry => tr::complaint_addressee_ministry(lang),
        Addressee::LocalExecutiveBody => tr::complaint_addressee_local_executive(lang),
        Addressee::StateCorporation => tr::complaint_addressee_state_corporation(lang),
        Addressee::QualityControl => tr::complaint_addressee_quality_control(lang),
    }
}

pub fn subject_label(lang: Lang, s: Subject) -> &'static str {
    match s {
        Subject::Decision => tr::complaint_subject_decision(lang),
        Subject::Action => tr::complaint_subject_action(lang),
        Subject::Inaction => tr::complaint_subject_inaction(lang),
    }
}

pub fn answer_label(lang: Lang, k: AnswerKind) -> &'static str {
    match k {
        AnswerKind::OnMerits => tr::complaint_track_answer_merits(lang),
        AnswerKind::RefusalToConsider => tr::complaint_track_answer_refusal(lang),
    }
}

pub fn status_label(lang: Lang, s: complaint::ComplaintStatus) -> &'static str {
    use complaint::ComplaintStatus::*;
    match s {
        Delivered => tr::complaint_track_mark_delivered(lang),
        Registered => tr::complaint_track_mark_registered(lang),
        Executed => tr::complaint_track_mark_executed(lang),
        Answered => tr::complaint_track_mark_answered(lang),
    }
}

fn service_name(lang: Lang, id: &str) -> String {
    catalog::find(id)
        .map(|s| s.name.text.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The addressees the catalogue lists for a service (never quality control,
/// which is only an escalation).
pub fn addressees_for(service: &str) -> Vec<Addressee> {
    let Some(view) = catalog::find(service).and_then(|s| s.complaint()) else {
        return Vec::new();
    };
    Addressee::ALL
        .into_iter()
        .filter(|a| !a.escalation_only())
        .filter(|a| {
            view.procedure
                .addressees
                .iter()
                .any(|i| i.id == a.catalogue_id())
        })
        .collect()
}

/// The IIN of who signed a complaint (kept with its signature record).
pub fn owner(c: &Complaint) -> Option<&str> {
    c.signature.get("signer_iin")?.as_str()
}

/// How it was signed: "eds" or "otp".
fn method(c: &Complaint) -> Option<&str> {
    c.signature.get("method")?.as_str()
}

/// The message for a field problem, in the user's language.
pub fn field_message(lang: Lang, e: &ComplaintFieldError) -> String {
    let long = |f: fn(Lang, &str) -> String, max: usize| f(lang, &max.to_string());
    match (e.field, e.problem) {
        (Field::Service, _) => tr::complaint_error_service(lang).into(),
        (Field::ApplicationRef, Problem::TooLong { max }) => {
            long(tr::complaint_error_application_too_long, max)
        }
        (Field::ApplicationRef, _) => tr::complaint_error_application_too_long(lang, "100"),
        (Field::Text, Problem::TooLong { max }) => long(tr::complaint_error_text_too_long, max),
        (Field::Text, _) => tr::complaint_error_text_required(lang).into(),
        (Field::Surname, Problem::TooLong { max }) => {
            long(tr::complaint_error_surname_too_long, max)
        }
        (Field::Surname, _) => tr::complaint_error_surname_required(lang).into(),
        (Field::Name, Problem::TooLong { max }) => long(tr::complaint_error_name_too_long, max),
        (Field::Name, _) => tr::complaint_error_name_required(lang).into(),
        (Field::Patronymic, Problem::TooLong { max }) => {
            long(tr::complaint_error_patronymic_too_long, max)
        }
        (Field::Patronymic, _) => tr::complaint_error_patronymic_too_long(lang, "100"),
        (Field::PostalAddress, Problem::TooLong { max }) => {
            long(tr::complaint_error_address_too_long, max)
        }
        (Field::PostalAddress, _) => tr::complaint_error_address_required(lang).into(),
        (Field::Phone, Problem::TooLong { max }) => long(tr::complaint_error_phone_too_long, max),
        (Field::Phone, Problem::PhoneFormat) => tr::complaint_error_phone_format(lang).into(),
        (Field::Phone, _) => tr::complaint_error_phone_required(lang).into(),
    }
}

/// The four portal marks (F000 L51), each done with its time or not yet.
#[component]
pub fn Marks(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let find = |pred: fn(&MarkKind) -> bool| {
        complaint
            .marks
            .iter()
            .find(|m| pred(&m.kind))
            .map(|m| format::date_time(m.at))
    };
    let rows: Vec<(&'static str, &'static str, Option<String>, Option<String>)> = vec![
        (
            "delivered",
            tr::complaint_track_mark_delivered(lang),
            find(|k| matches!(k, MarkKind::Delivered)),
            None,
        ),
        (
            "registered",
            tr::complaint_track_mark_registered(lang),
            find(|k| matches!(k, MarkKind::Registered { .. })),
            None,
        ),
        (
            "executed",
            tr::complaint_track_mark_executed(lang),
            find(|k| matches!(k, MarkKind::Executed)),
            None,
        ),
        (
            "answered",
            tr::complaint_track_mark_answered(lang),
            find(|k| matches!(k, MarkKind::Answered { .. })),
            complaint
                .answer
                .as_ref()
                .map(|a| answer_label(lang, a.kind).to_string()),
        ),
    ];
    view! {
        <ol class="marks">
            {rows
                .into_iter()
                .map(|(key, label, at, extra)| {
                    let done = at.is_some();
                    view! {
                        <li class="marks__item" class:marks__item--done=done data-mark=key>
                            <span class="marks__label">{label}</span>
                            " "
                            <span class="marks__time">
                                {at.unwrap_or_else(|| tr::complaint_track_not_yet(lang).to_string())}
                            </span>
                            {extra.map(|e| view! { " · " <span class="marks__extra">{e}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The registration stamp (F000 L46) as a summary list, with the due date
/// and "why this date?"; before registration, the date it would be due if
/// registered today.
#[component]
pub fn RegistrationDetails(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let reg = complaint.registration().cloned();
    match (reg, complaint.due.clone()) {
        (
            Some(complaint::Mark {
                at,
                kind:
                    MarkKind::Registered {
                        incoming_number,
                        registered_by,
                        place,
                        ..
                    },
            }),
            due,
        ) => view! {
            <dl class="summary registration">
                {row(tr::complaint_filed_incoming_number(lang).into(), incoming_number)}
                {row(tr::complaint_filed_registered_at(lang).into(), format::date_time(at))}
                {row(tr::complaint_filed_registered_by(lang).into(), registered_by)}
                {row(tr::complaint_filed_place(lang).into(), place)}
            </dl>
            {due.map(|d| view! {
                <p class="deadline">{tr::complaint_filed_due(lang, &format::date(d.date))}</p>
                <WhyThisDate explanation=d.explanation />
            })}
        }
        .into_any(),
        _ => {
            let provisional = provisional_due(&complaint, clock.today_untracked());
            view! {
                <p>{t(tr::complaint_filed_waiting)}</p>
                {provisional.map(|d| view! {
                    <p class="deadline">{tr::complaint_filed_due_if_today(lang, &format::date(d.date))}</p>
                    <WhyThisDate explanation=d.explanation />
                })}
            }
            .into_any()
        }
    }
}

/// When the answer would be due if the complaint were registered on `day`.
fn provisional_due(c: &Complaint, day: chrono::NaiveDate) -> Option<Milestone> {
    let cal = calendar::calendar().ok()?;
    deadline::complaint_due(c.draft.service, day, c.draft.addressee.authority(), cal).ok()
}

/// "Surname Name Patronymic" as the citizen wrote them.
pub fn full_name(d: &complaint::ComplaintDraft) -> String {
    [
        Some(d.surname.as_str()),
        Some(d.name.as_str()),
        d.patronymic.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// The message of the field `id` among `errors`, for its inline error.
pub fn message_for(errors: RwSignal<Vec<ErrorItem>>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .find(|e| e.field_id == id)
            .map(|e| e.message)
    })
}

pub fn row(key: String, value: String) -> impl IntoView {
    view! {
        <div class="summary__row">
            <dt class="summary__key">{key}</dt>
            <dd class="summary__value">{value}</dd>
        </div>
    }
}

// ---------------------------------------------------------------- the draft

/// A complaint being written, as stored (one per signed-in person).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// Makes the SMS code session of this complaint its own.
    pub id: String,
    pub service: String,
    pub application_ref: String,
    pub addressee: Option<Addressee>,
    pub subject: Option<Subject>,
    pub text: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub postal_address: String,
    pub phone: String,
    /// The answered complaint this one escalates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalates: Option<String>,
}

type PendingMap = BTreeMap<String, Pending>;

fn open_pending() -> Collection<PendingMap> {
    Collection::open("qujat.complaint-drafts", expect_context::<StoreNotices>())
}

fn opt(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_string())
}

impl Pending {
    fn fresh(person: &Person, lang: Lang) -> Pending {
        let n = person.name.get(lang);
        Pending {
            id: new_id(),
            surname: n.surname.clone(),
            name: n.given.clone(),
            patronymic: n.patronymic.clone().unwrap_or_default(),
            postal_address: person.address.get(lang).to_string(),
            phone: person.phone.clone().unwrap_or_default(),
            ..Pending::default()
        }
    }

    /// As the engine's draft, once the service is one of the three.
    pub fn draft(&self) -> Option<complaint::ComplaintDraft> {
        complaint::parse_service(&self.service)
            .ok()
            .map(|s| self.draft_as(s))
    }

    /// As the engine's draft for `service` (choices not made yet count as
    /// the first).
    fn draft_as(&self, service: ServiceId) -> complaint::ComplaintDraft {
        complaint::ComplaintDraft {
            service,
            application_ref: opt(&self.application_ref),
            addressee: self.addressee.unwrap_or(Addressee::ProviderHead),
            subject: self.subject.unwrap_or(Subject::Action),
            text: self.text.clone(),
            surname: self.surname.clone(),
            name: self.name.clone(),
            patronymic: opt(&self.patronymic),
            postal_address: self.postal_address.clone(),
            phone: self.phone.clone(),
        }
    }

    /// Every problem, in the order of the form.
    fn check(&self, lang: Lang) -> Vec<ErrorItem> {
        // The service's own problem first; the other fields are checked as
        // for the first service until one is chosen (all three share S1's
        // form, C-36).
        let service = complaint::parse_service(&self.service);
        let engine: Vec<ComplaintFieldError> = service
            .err()
            .into_iter()
            .chain(complaint::validate(
                &self.draft_as(service.unwrap_or(ServiceId::S1)),
            ))
            .collect();
        let item = |e: &ComplaintFieldError| ErrorItem {
            field_id: e.field.id().into(),
            message: field_message(lang, e),
        };
        let mut out: Vec<ErrorItem> = engine
            .iter()
            .filter(|e| matches!(e.field, Field::Service | Field::ApplicationRef))
            .map(item)
            .collect();
        // Asked once the service is known; fixed for an escalation.
        let listed = self
            .addressee
            .is_some_and(|a| addressees_for(&self.service).contains(&a));
        if self.escalates.is_none() && !self.service.is_empty() && !listed {
            out.push(ErrorItem {
                field_id: "addressee".into(),
                message: tr::complaint_error_addressee(lang).into(),
            });
        }
        if self.subject.is_none() {
            out.push(ErrorItem {
                field_id: "subject".into(),
                message: tr::complaint_error_subject(lang).into(),
            });
        }
        out.extend(
            engine
                .iter()
                .filter(|e| !matches!(e.field, Field::Service | Field::ApplicationRef))
                .map(item),
        );
        out
    }
}

/// The document the citizen signs: the complaint, who signs it, and what
/// it escalates.
fn signing_document(p: &Pending, iin: &str) -> serde_json::Value {
    serde_json::json!({
        "kind": "complaint",
        "draft_id": p.id,
        "signer_iin": iin,
        "complaint": p.draft(),
        "escalates": p.escalates,
    })
}

/// The answered complaint `id` of this person, if it can be escalated.
fn escalable(db: Db, id: &str, iin: &str) -> Option<Complaint> {
    db.complaints
        .with_untracked(|m| m.get(id).cloned())
        .filter(|c| owner(c) == Some(iin))
        .filter(|c| complaint::escalate(c, String::new()).is_ok())
}

// ---------------------------------------------------------------- the form

/// `/apply/complaint`.
#[component]
pub fn ComplaintFormPage() -> impl IntoView {
    let session = use_session();
    let person = Memo::new(move |_| session.person());
    move || match person.get() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(p) => view! { <ComplaintForm person=p /> }.into_any(),
    }
}

#[component]
fn ComplaintForm(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let navigate = use_navigate();
    let query = use_query_map().get_untracked();
    let pending = open_pending();
    let iin = person.iin.clone();
    let me = StoredValue::new(iin.clone());

    // Which complaint this visit is about: an escalation, an application,
    // or whatever was being written (resumed as it was).
    let escalate_id = query.get("escalate");
    let app_ref = query
        .get("app")
        .filter(|r| r.chars().count() <= complaint::REF_MAX);
    let existing = pending.with_untracked(|m| m.get(&iin).cloned());
    let mut bad_escalation = false;
    let wanted: Option<Pending> = if let Some(eid) = escalate_id {
        match escalable(db, &eid, &iin) {
            None => {
                bad_escalation = true;
                None
            }
            Some(parent) => match &existing {
                Some(p) if p.escalates.as_deref() == Some(eid.as_str()) => None,
                _ => {
                    let d = parent.draft.clone();
                    Some(Pending {
                        id: new_id(),
                        service: d.service.to_string(),
                        application_ref: d.application_ref.unwrap_or_default(),
                        addressee: Some(Addressee::QualityControl),
                        subject: Some(d.subject),
                        text: String::new(),
                        surname: d.surname,
                        name: d.name,
                        patronymic: d.patronymic.unwrap_or_default(),
                        postal_address: d.postal_address,
                        phone: d.phone,
                        escalates: Some(eid),
                    })
                }
            },
        }
    } else if let Some(reference) = app_ref {
        match &existing {
            Some(p) if p.escalates.is_none() && p.application_ref == reference => None,
            _ => {
                let service = db
                    .apps
                    .with_untracked(|m| m.get(&reference).map(|s| s.service.to_string()))
                    .unwrap_or_default();
                Some(Pending {
                    service,
                    application_ref: reference,
                    ..Pending::fresh(person, lang)
                })
            }
        }
    } else {
        match &existing {
            Some(p) if p.escalates.is_none() => None,
            _ => Some(Pending::fresh(person, lang)),
        }
    };
    if let Some(p) = wanted {
        let key = iin.clone();
        pending.update(move |m| {
            m.insert(key, p);
        });
    }
    if bad_escalation {
        return view! {
            <div class="page page--narrow">
                <PageHeading text=ts(tr::complaint_form_escalate_title) />
                <div class="notice notice--warning"><p>{t(tr::complaint_error_escalation)}</p></div>
                <p><a href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</a></p>
            </div>
        }
        .into_any();
    }

    let p =
        Memo::new(move |_| pending.with(|m| m.get(&me.get_value()).cloned().unwrap_or_default()));
    let set = move |f: Box<dyn FnOnce(&mut Pending)>| {
        pending.update(|m| f(m.entry(me.get_value()).or_default()));
    };
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let error_for = move |id: &'static str| message_for(errors, id);

    let escalation = p.with_untracked(|p| p.escalates.clone());
    let parent_ref = escalation.as_ref().and_then(|id| {
        db.complaints
            .with_untracked(|m| m.get(id).map(|c| c.reference.clone()))
    });
    let fixed_app = p.with_untracked(|p| {
        (!p.application_ref.is_empty()
            && (p.escalates.is_some()
                || db
                    .apps
                    .with_untracked(|m| m.contains_key(&p.application_ref))))
        .then(|| p.application_ref.clone())
    });
    let fixed_service = escalation.is_some() || fixed_app.is_some();

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = p.get_untracked().check(lang);
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        navigate("/apply/complaint/sign", Default::default());
    };

    let services = Signal::stored(
        catalog::all()
            .iter()
            .filter(|s| s.complaint().is_some())
            .map(|s| Choice {
                value: s.id.to_string(),
                label: s.name.text.get(lang).to_string(),
                hint: None,
            })
            .collect::<Vec<_>>(),
    );
    let addressees = Signal::derive(move || {
        addressees_for(&p.get().service)
            .into_iter()
            .map(|a| Choice {
                value: a.catalogue_id().into(),
                label: addressee_label(lang, a).into(),
                hint: None,
            })
            .collect::<Vec<_>>()
    });
    let subjects = Signal::stored(
        [Subject::Decision, Subject::Action, Subject::Inaction]
            .into_iter()
            .map(|s| Choice {
                value: subject_slug(s).into(),
                label: subject_label(lang, s).into(),
                hint: None,
            })
            .collect::<Vec<_>>(),
    );
    let text_described = move || {
        if error_for("text").get().is_some() {
            "text-hint text-error"
        } else {
            "text-hint"
        }
    };
    let basis = move || {
        ServiceId::parse(&p.get().service).ok().and_then(complaint::basis).map(|b| {
            view! {
                <p class="small">{t(tr::complaint_form_basis)} " " <LegalBasis provenance=b.provenance.clone() /></p>
            }
        })
    };
    let title = if escalation.is_some() {
        ts(tr::complaint_form_escalate_title)
    } else {
        ts(tr::complaint_form_title)
    };
    let caption = fixed_app
        .clone()
        .map(|r| Signal::stored(tr::complaint_form_about_application(lang, &r)));

    let text_field = |id: &'static str,
                      label: fn(Lang) -> &'static str,
                      hint: Option<fn(Lang) -> &'static str>,
                      get: fn(&Pending) -> String,
                      put: fn(&mut Pending, String),
                      autocomplete: &'static str| {
        let value = Signal::derive(move || get(&p.get()));
        let on_input =
            Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| put(d, v))));
        match hint {
            Some(h) => view! {
                <TextField id=id label=ts(label) hint=ts(h) value=value on_input=on_input
                    error=error_for(id) autocomplete=autocomplete />
            }
            .into_any(),
            None => view! {
                <TextField id=id label=ts(label) value=value on_input=on_input
                    error=error_for(id) autocomplete=autocomplete />
            }
            .into_any(),
        }
    };

    view! {
        <div class="page page--narrow complaint-form">
            <ErrorSummary errors=errors />
            {match caption {
                Some(c) => view! { <PageHeading text=title caption=c /> }.into_any(),
                None => view! { <PageHeading text=title /> }.into_any(),
            }}
            {match &parent_ref {
                Some(r) => view! { <p>{tr::complaint_form_escalate_lead(lang, r)}</p> }.into_any(),
                None => view! { <p>{t(tr::complaint_form_lead)}</p> }.into_any(),
            }}
            <form novalidate on:submit=on_continue>
                {(!fixed_service).then(|| view! {
                    <Radios
                        name="service"
                        legend=ts(tr::complaint_form_service_question)
                        choices=services
                        selected=Signal::derive(move || Some(p.get().service).filter(|s| !s.is_empty()))
                        on_select=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| {
                            if !addressees_for(&v).contains(&d.addressee.unwrap_or(Addressee::QualityControl)) {
                                d.addressee = None;
                            }
                            d.service = v;
                        })))
                        error=error_for("service")
                    />
                    <TextField
                        id="application-ref"
                        label=ts(tr::complaint_form_application_label)
                        hint=ts(tr::complaint_form_application_hint)
                        value=Signal::derive(move || p.get().application_ref)
                        on_input=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| d.application_ref = v)))
                        error=error_for("application-ref")
                    />
                })}
                {fixed_service.then(|| view! {
                    <dl class="summary">
                        {row(tr::complaint_filed_service(lang).into(), service_name(lang, &p.get_untracked().service))}
                        {fixed_app.clone().map(|r| row(tr::complaint_track_application(lang).into(), r))}
                        {escalation.is_some().then(|| row(
                            tr::complaint_form_addressee_fixed(lang).into(),
                            addressee_label(lang, Addressee::QualityControl).into(),
                        ))}
                    </dl>
                })}
                {escalation.is_none().then(|| view! {
                    <Show when=move || !p.get().service.is_empty()>
                        <Radios
                            name="addressee"
                            legend=ts(tr::complaint_form_addressee_question)
                            choices=addressees
                            selected=Signal::derive(move || p.get().addressee.map(|a| a.catalogue_id().to_string()))
                            on_select=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| {
                                d.addressee = Addressee::ALL.into_iter().find(|a| a.catalogue_id() == v);
                            })))
                            error=error_for("addressee")
                        />
                    </Show>
                })}
                <Radios
                    name="subject"
                    legend=ts(tr::complaint_form_subject_question)
                    choices=subjects
                    selected=Signal::derive(move || p.get().subject.map(|s| subject_slug(s).to_string()))
                    on_select=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| {
                        d.subject = [Subject::Decision, Subject::Action, Subject::Inaction].into_iter().find(|s| subject_slug(*s) == v);
                    })))
                    error=error_for("subject")
                />
                <div class="field" class:field--error=move || error_for("text").get().is_some()>
                    <label class="label" for="text">{t(tr::complaint_form_text_label)}</label>
                    <p class="hint" id="text-hint">{t(tr::complaint_form_text_hint)}</p>
                    <FieldError id="text-error" message=error_for("text") />
                    <textarea
                        class="textarea"
                        id="text"
                        name="text"
                        rows="8"
                        aria-describedby=text_described
                        aria-invalid=move || error_for("text").get().is_some().then_some("true")
                        prop:value=move || p.get().text
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set(Box::new(move |d: &mut Pending| d.text = v));
                        }
                    ></textarea>
                </div>
                <h2>{t(tr::complaint_form_you_heading)}</h2>
                <p class="hint">{t(tr::complaint_form_you_hint)}</p>
                {text_field("surname", tr::complaint_form_surname, None, |d| d.surname.clone(), |d, v| d.surname = v, "family-name")}
                {text_field("given-name", tr::complaint_form_name, None, |d| d.name.clone(), |d, v| d.name = v, "given-name")}
                {text_field("patronymic", tr::complaint_form_patronymic, None, |d| d.patronymic.clone(), |d, v| d.patronymic = v, "additional-name")}
                {text_field("postal-address", tr::complaint_form_address, Some(tr::complaint_form_address_hint), |d| d.postal_address.clone(), |d, v| d.postal_address = v, "street-address")}
                {text_field("phone", tr::complaint_form_phone, Some(tr::complaint_form_phone_hint), |d| d.phone.clone(), |d, v| d.phone = v, "tel")}
                <div class="button-group">
                    <button type="submit" class="button">{t(tr::complaint_form_continue)}</button>
                </div>
            </form>
            <p class="small muted">{t(tr::complaint_form_saved)}</p>
            {basis}
        </div>
    }
    .into_any()
}

fn subject_slug(s: Subject) -> &'static str {
    match s {
        Subject::Decision => "decision",
        Subject::Action => "action",
        Subject::Inaction => "inaction",
    }
}

// ---------------------------------------------------------------- signing

/// `/apply/complaint/sign`.
#[component]
pub fn ComplaintSignPage() -> impl IntoView {
    let session = use_session();
    let person = Memo::new(move |_| session.person());
    move || match person.get() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(p) => view! { <ComplaintSign person=p /> }.into_any(),
    }
}

#[component]
fn ComplaintSign(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let navigate = use_navigate();
    let pending = open_pending();
    let iin = StoredValue::new(person.iin.clone());
    let p = Memo::new(move |_| pending.with(|m| m.get(&iin.get_value()).cloned()));
    let ready = Memo::new(move |_| p.get().is_some_and(|p| p.check(lang).is_empty()));
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let failed = move || {
        errors.set(vec![ErrorItem {
            field_id: "method".into(),
            message: tr::complaint_error_filing(lang).into(),
        }])
    };

    let document = Callback::new(move |()| {
        pending
            .with_untracked(|m| m.get(&iin.get_value()).cloned())
            .map(|p| signing_document(&p, &iin.get_value()))
    });
    let file = Callback::new(move |signed: Signed| {
        let Some(p) = pending.with_untracked(|m| m.get(&iin.get_value()).cloned()) else {
            return;
        };
        let now = clock.now_untracked();
        let doc = signing_document(&p, &iin.get_value());
        // The signature must be over exactly this complaint, by this person,
        // and an SMS code counts only as a verified session's proof.
        let (genuine, record) = match signed {
            Signed::Eds(signed) => (
                eds::verify_new(&signed, &iin.get_value(), now).is_ok() && signed.document == doc,
                SignatureRecord::Eds { signed },
            ),
            Signed::Otp(proof) => (
                proof.purpose() == Purpose::Signing
                    && proof.digest() == submission::digest_hex(&doc),
                SignatureRecord::Otp {
                    phone: proof.phone().to_string(),
                    verified_at: proof.verified_at(),
                    digest_hex: proof.digest().to_string(),
                },
            ),
        };
        if !genuine {
            errors.set(vec![ErrorItem {
                field_id: "method".into(),
                message: tr::sign_error_sign_tampered(lang).into(),
            }]);
            return;
        }
        let mut sig = serde_json::to_value(&record).unwrap_or_default();
        if let Some(obj) = sig.as_object_mut() {
            obj.insert("signer_iin".into(), iin.get_value().into());
        }
        let parent = p
            .escalates
            .as_ref()
            .and_then(|id| db.complaints.with_untracked(|m| m.get(id).cloned()));
        let Some(draft) = p.draft() else {
            failed();
            return;
        };
        let flow = format!("complaint:{}", p.id);
        match complaint::file(draft, sig, now, random_bytes(), parent.as_ref()) {
            Ok(c) => {
                let id = c.id.clone();
                db.complaints.update(|m| {
                    m.insert(id.clone(), c);
                });
                // A code works once.
                db.otp.update(|b| {
                    b.remove(&flow);
                });
                pending.update(|m| {
                    m.remove(&iin.get_value());
                });
                navigate(&format!("/apply/complaint/filed/{id}"), Default::default());
            }
            Err(ComplaintError::Escalation(_)) => errors.set(vec![ErrorItem {
                field_id: "method".into(),
                message: tr::complaint_error_escalation(lang).into(),
            }]),
            Err(_) => failed(),
        }
    });

    let summary = move || {
        p.get().and_then(|p| p.draft()).map(|d| {
            let l = lang;
            let mut rows = vec![
                row(
                    tr::complaint_filed_service(l).into(),
                    service_name(l, d.service.as_str()),
                )
                .into_any(),
            ];
            if let Some(r) = d.application_ref.clone() {
                rows.push(row(tr::complaint_track_application(l).into(), r).into_any());
            }
            rows.push(
                row(
                    tr::complaint_track_addressee(l).into(),
                    addressee_label(l, d.addressee).into(),
                )
                .into_any(),
            );
            rows.push(
                row(
                    tr::complaint_track_subject(l).into(),
                    subject_label(l, d.subject).into(),
                )
                .into_any(),
            );
            rows.push(row(tr::complaint_track_text(l).into(), d.text.clone()).into_any());
            rows.push(row(tr::complaint_form_you_heading(l).into(), full_name(&d)).into_any());
            rows.push(
                row(
                    tr::complaint_form_address(l).into(),
                    d.postal_address.clone(),
                )
                .into_any(),
            );
            rows.push(row(tr::complaint_form_phone(l).into(), d.phone.clone()).into_any());
            view! { <dl class="summary complaint-summary">{rows}</dl> }
        })
    };

    view! {
        <div class="page page--narrow">
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::complaint_sign_title) />
            <Show
                when=move || ready.get()
                fallback=move || view! {
                    <p>{t(tr::complaint_error_no_draft)}</p>
                    <p><A href="/apply/complaint">{t(tr::complaint_form_title)}</A></p>
                }
            >
                <p>{t(tr::complaint_sign_lead)}</p>
                <h2>{t(tr::complaint_sign_check_heading)}</h2>
                {summary}
                <p><A href="/apply/complaint">{t(tr::complaint_sign_change)}</A></p>
                <Signer
                    person=person
                    flow=format!("complaint:{}", p.get_untracked().map(|p| p.id).unwrap_or_default())
                    document=document
                    on_signed=file
                    errors=errors
                />
            </Show>
        </div>
    }
}

// ---------------------------------------------------------------- filed

/// `/apply/complaint/filed/:id`: the confirmation.
#[component]
pub fn ComplaintFiledPage() -> impl IntoView {
    owned_complaint_page(|c| view! { <Filed complaint=c /> }.into_any())
}

/// A page for the complaint `:id` of the signed-in person, or "not found"
/// (someone else's complaint counts as not found). Rebuilt when it changes.
pub fn owned_complaint_page(
    show: impl Fn(Complaint) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let session = use_session();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let record = Memo::new(move |_| {
        let me = session.person().map(|p| p.iin.clone());
        db.complaints
            .with(|m| m.get(&id.get()).cloned())
            .filter(|c| owner(c) == me.as_deref())
    });
    move || match record.get() {
        None => view! {
            <div class="page">
                <PageHeading text=ts(tr::not_found_title) />
                <p>{t(tr::complaint_track_not_found)}</p>
                <p><a href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</a></p>
            </div>
        }
        .into_any(),
        Some(c) => show(c),
    }
}

#[component]
fn Filed(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let c = complaint;
    let signed = match method(&c) {
        Some("eds") => tr::complaint_filed_signed_eds(lang),
        _ => tr::complaint_filed_signed_otp(lang),
    };
    view! {
        <div class="page page--narrow">
            <div class="panel panel--success">
                <PageHeading text=ts(tr::complaint_filed_title) />
                <p class="panel__ref">{c.reference.clone()}</p>
            </div>
            <dl class="summary">
                {row(tr::complaint_filed_reference(lang).into(), c.reference.clone())}
                {row(tr::complaint_filed_delivered_at(lang).into(), format::date_time(c.filed_at))}
                {row(tr::complaint_filed_service(lang).into(), service_name(lang, c.draft.service.as_str()))}
                {row(tr::complaint_track_addressee(lang).into(), addressee_label(lang, c.draft.addressee).into())}
                {row(tr::complaint_filed_signed(lang).into(), signed.into())}
            </dl>
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=c.clone() />
            <p><a class="button" href=format!("/apply/complaints/{}", c.id)>{t(tr::complaint_filed_track_link)}</a></p>
            <p><a href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</a></p>
        </div>
    }
}
