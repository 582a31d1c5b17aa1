//! The complaint form (F000 L47), one question per page: `/cabinet/complaint`
//! begins the complaint of this visit — from an application (`?app=REF`),
//! as an escalation of an answered complaint (`?escalate=ID`), or on its
//! own, resuming whatever was being written — and goes on to its first
//! question, `/cabinet/complaint/:step`. Every answer is saved as it is
//! given; Continue checks the page's own answers only.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::steps::{self, Question};
use crate::engine::catalog;
use crate::engine::complaint::{self, Addressee, Subject};
use crate::engine::identity::registry::Person;
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{Label, Message, t, ts};
use crate::ui::paths;
use crate::ui::state::applications::applications;
use crate::ui::state::complaints::{Pending, addressees_for, begin, edit, pending_drafts};
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::back_link::BackLink;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::legal_basis::LegalBasis;
use crate::ui::widgets::not_found::Missing;
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::{Choice, Radios};
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::text_area::TextArea;
use crate::ui::widgets::text_field::TextField;

const SUBJECTS: [Subject; 3] = [Subject::Decision, Subject::Action, Subject::Inaction];

fn subject_slug(s: Subject) -> &'static str {
    match s {
        Subject::Decision => "decision",
        Subject::Action => "action",
        Subject::Inaction => "inaction",
    }
}

/// `/cabinet/complaint`: begins the complaint, then its first question (the
/// history entry is replaced, so Back leaves the form).
pub fn complaint_form_page(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let pending = pending_drafts();
    let began = begin(use_db(), pending, person, lang, query.get("escalate"), query.get("app"));
    if began.is_err() {
        return view! {
            <div class="page page--narrow">
                <PageHeading text=ts(tr::complaint_form_escalate_title) />
                {warning(t(tr::complaint_error_escalation))}
                <p><a href=paths::CABINET>{t(tr::confirm_cabinet_link)}</a></p>
            </div>
        }
        .into_any();
    }
    let p = pending.with_untracked(|m| m.get(&person.iin).cloned()).unwrap_or_default();
    // From the first question (each shows its saved answer), or straight
    // to checking a complaint with nothing missing.
    let path = match (steps::first_incomplete(&p), steps::asked(&p).first()) {
        (Some(_), Some(q)) => paths::complaint_question(q.slug(), false),
        _ => paths::COMPLAINT_SIGN.to_string(),
    };
    let options = NavigateOptions { replace: true, ..Default::default() };
    view! { <Redirect path=path options=options /> }.into_any()
}

/// `/cabinet/complaint/:step`: one question of the complaint the signed-in
/// `person` is writing (the route asks for one).
pub fn complaint_question_page(person: &'static Person) -> impl IntoView {
    let params = use_params_map();
    let question =
        Memo::new(move |_| params.read().get("step").and_then(|s| Question::from_slug(&s)));
    move || match question.get() {
        Some(q) => view! { <QuestionPage question=q person=person /> }.into_any(),
        None => view! { <Missing href=paths::COMPLAINT_FORM link=tr::complaint_form_title /> }
            .into_any(),
    }
}

#[component]
fn QuestionPage(question: Question, person: &'static Person) -> impl IntoView {
    let pending = pending_drafts();
    let me = StoredValue::new(person.iin.clone());
    // Nothing being written (a link into the middle of the form): begin.
    if pending.with_untracked(|m| !m.contains_key(&me.get_value())) {
        return view! { <Redirect path=paths::COMPLAINT_FORM /> }.into_any();
    }
    let Ui { lang, db, .. } = use_ui();
    let navigate = use_navigate();
    let query = use_query_map();
    let p =
        Memo::new(move |_| pending.with(|m| m.get(&me.get_value()).cloned().unwrap_or_default()));
    let set = Callback::new(move |f: Edit| {
        let _ = edit(pending, &me.get_value(), f);
    });
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let changing = move || query.read_untracked().get("change").is_some();

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = p.get_untracked();
        let found: Vec<ErrorItem> = steps::problems_on(&now, question)
            .iter()
            .map(|e| ErrorItem::new(e.field_id(), e.message(lang)))
            .collect();
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        // From "Check your answers" back to it, unless an answer opened a
        // question still to answer; else the next question.
        let change = changing();
        let target = match (change, steps::next(&now, question)) {
            (false, Some(q)) => Some(q),
            _ => steps::first_incomplete(&now),
        };
        let path = match target {
            Some(q) => paths::complaint_question(q.slug(), change),
            None => paths::COMPLAINT_SIGN.to_string(),
        };
        navigate(&path, Default::default());
    };

    let back_href = Signal::derive(move || {
        if query.read().get("change").is_some() {
            return paths::COMPLAINT_SIGN.to_string();
        }
        match steps::previous(&p.get(), question) {
            Some(q) => paths::complaint_question(q.slug(), false),
            None => paths::CABINET.to_string(),
        }
    });
    let escalating = p.with_untracked(|p| p.escalates.is_some());
    let position = Signal::derive(move || {
        let all = steps::asked(&p.get());
        let n = all.iter().position(|q| *q == question).unwrap_or(0) + 1;
        let title = if escalating {
            tr::complaint_form_escalate_title(lang)
        } else {
            tr::complaint_form_title(lang)
        };
        tr::complaint_form_caption(
            lang,
            title,
            &tr::common_step_of(lang, &n.to_string(), &all.len().to_string()),
        )
    });
    let first = p.with_untracked(|p| steps::asked(p).first() == Some(&question));
    let form = Answers { p, set, errors, lang };
    let body = match question {
        Question::About => about(form, applications(db, Some(&person.iin))).into_any(),
        Question::Addressee => addressee(form).into_any(),
        Question::Subject => subject(form).into_any(),
        Question::Text => text(form).into_any(),
        Question::Contact => contact(form).into_any(),
    };
    let basis = move || {
        let service = ServiceId::parse(&p.get().service).ok()?;
        complaint::basis(service).map(|b| {
            view! {
                <p class="small">
                    {if b.by_analogy { t(tr::complaint_form_basis_analogy) } else { t(tr::complaint_form_basis_own) }}
                    " " {t(tr::complaint_form_basis)} " " <LegalBasis provenance=b.provenance.clone() />
                </p>
            }
        })
    };

    view! {
        <div class="page page--narrow complaint-form">
            <BackLink href=back_href />
            <ErrorSummary errors=errors />
            <p class="caption">{position}</p>
            <form novalidate on:submit=on_continue>
                {body}
                {first.then(|| intro(p, db, lang))}
                <div class="button-group">
                    <button type="submit" class="button">{t(tr::common_continue)}</button>
                </div>
            </form>
            <p class="small muted">{t(tr::complaint_form_saved)}</p>
            {basis}
        </div>
    }
    .into_any()
}

/// A change to the complaint being written.
type Edit = Box<dyn FnOnce(&mut Pending)>;

/// What a question's page reads and writes.
#[derive(Clone, Copy)]
struct Answers {
    p: Memo<Pending>,
    set: Callback<Edit>,
    errors: RwSignal<Vec<ErrorItem>>,
    lang: Lang,
}

impl Answers {
    fn put(self, f: impl FnOnce(&mut Pending) + 'static) {
        self.set.run(Box::new(f));
    }

    fn error(self, id: &'static str) -> Signal<Option<String>> {
        message_for(self.errors, id)
    }
}

/// On the first question: what the complaint is (the law's lead, or the
/// escalation's), and what is already fixed about it.
fn intro(p: Memo<Pending>, db: crate::ui::state::db::Db, lang: Lang) -> impl IntoView {
    let now = p.get_untracked();
    let parent_ref = now
        .escalates
        .as_ref()
        .and_then(|id| db.complaints.with_untracked(|m| m.get(id).map(|c| c.reference.clone())));
    let fixed = now.escalates.is_some() || now.from_application;
    let service = ServiceId::parse(&now.service).map(|s| service_name(lang, s)).unwrap_or_default();
    let application = (!now.application_ref.is_empty()).then(|| now.application_ref.clone());
    view! {
        {match &parent_ref {
            Some(r) => view! { <p>{tr::complaint_form_escalate_lead(lang, r)}</p> }.into_any(),
            None => view! { <p>{t(tr::complaint_form_lead)}</p> }.into_any(),
        }}
        {fixed.then(|| view! {
            <SummaryList>
                {row(tr::complaint_filed_service(lang), service)}
                {application.map(|r| row(tr::complaint_track_application(lang), r))}
                {now.escalates.is_some().then(|| row(
                    tr::complaint_form_addressee_fixed(lang),
                    Addressee::QualityControl.label(lang),
                ))}
            </SummaryList>
        })}
    }
}

/// The service, an application of the citizen's, or a typed number.
fn about(f: Answers, mine: Vec<crate::engine::submission::Submission>) -> impl IntoView {
    let (p, lang) = (f.p, f.lang);
    let services = Signal::stored(
        catalog::all()
            .iter()
            .filter(|s| s.complaint().is_some())
            .map(|s| Choice::new(s.id.as_str(), s.name.text.get(lang)))
            .collect::<Vec<_>>(),
    );
    let known =
        StoredValue::new(mine.iter().map(|s| (s.reference.clone(), s.service)).collect::<Vec<_>>());
    // Choosing one of my applications fills in its service and number.
    let apps = (!mine.is_empty()).then(|| {
        let choices = mine
            .iter()
            .map(|s| Choice::hinted(s.reference.clone(), s.reference.clone(), service_name(lang, s.service)))
            .collect::<Vec<_>>();
        view! {
            <Radios name="my-application" legend=ts(tr::complaint_form_mine_question)
                choices=Signal::stored(choices)
                selected=Signal::derive(move || Some(p.get().application_ref))
                on_select=Callback::new(move |r: String| {
                    let service = known.with_value(|m| m.iter().find(|(x, _)| *x == r).map(|(_, s)| *s));
                    if let Some(service) = service {
                        f.put(move |d| choose_service(d, service.to_string(), r));
                    }
                }) />
        }
    });
    view! {
        <PageHeading text=ts(tr::complaint_form_about_question) />
        {apps}
        <Radios
            name="service"
            legend=ts(tr::complaint_form_service_question)
            choices=services
            selected=Signal::derive(move || Some(p.get().service).filter(|s| !s.is_empty()))
            on_select=Callback::new(move |v: String| f.put(move |d| {
                // The number of one of my applications of another service
                // no longer fits.
                let misfit = known.with_value(|m| {
                    m.iter().any(|(r, s)| *r == d.application_ref && s.as_str() != v)
                });
                let r = if misfit { String::new() } else { d.application_ref.clone() };
                choose_service(d, v, r);
            }))
            error=f.error("service")
        />
        <TextField id="application-ref" label=ts(tr::complaint_form_application_label)
            hint=ts(tr::complaint_form_application_hint)
            value=Signal::derive(move || p.get().application_ref)
            on_input=Callback::new(move |v: String| f.put(move |d| d.application_ref = v))
            error=f.error("application-ref") />
    }
}

/// Sets the service (and the application number): an addressee the new
/// service does not list is cleared.
fn choose_service(d: &mut Pending, service: String, application_ref: String) {
    if !addressees_for(&service).contains(&d.addressee.unwrap_or(Addressee::QualityControl)) {
        d.addressee = None;
    }
    d.service = service;
    d.application_ref = application_ref;
}

/// The addressees the catalogue lists for the service, each with its
/// review term (an assumption where F000 states none).
fn addressee(f: Answers) -> impl IntoView {
    let (p, lang) = (f.p, f.lang);
    let choices = Signal::derive(move || {
        let service = p.get().service;
        // S2 and S3 have no complaint procedure of their own: F000's terms
        // apply by analogy (C-36), and say so.
        let analogy = ServiceId::parse(&service)
            .ok()
            .and_then(complaint::basis)
            .is_some_and(|b| b.by_analogy);
        addressees_for(&service)
            .into_iter()
            .map(|a| {
                let days = a.authority().working_days().to_string();
                let hint = if analogy {
                    tr::complaint_form_addressee_term_analogy(lang, &days)
                } else if a.review_term_stated() {
                    tr::complaint_form_addressee_term(lang, &days)
                } else {
                    tr::complaint_form_addressee_term_assumed(lang, &days)
                };
                Choice::hinted(a.catalogue_id(), a.label(lang), hint)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Radios
            name="addressee"
            as_heading=true
            legend=ts(tr::complaint_form_addressee_question)
            choices=choices
            selected=Signal::derive(move || p.get().addressee.map(|a| a.catalogue_id().to_string()))
            on_select=Callback::new(move |v: String| f.put(move |d| {
                d.addressee = Addressee::ALL.into_iter().find(|a| a.catalogue_id() == v);
            }))
            error=f.error("addressee")
        />
    }
}

fn subject(f: Answers) -> impl IntoView {
    let (p, lang) = (f.p, f.lang);
    let choices = Signal::stored(
        SUBJECTS
            .into_iter()
            .map(|s| Choice::new(subject_slug(s), s.label(lang)))
            .collect::<Vec<_>>(),
    );
    view! {
        <Radios
            name="subject"
            as_heading=true
            legend=ts(tr::complaint_form_subject_question)
            choices=choices
            selected=Signal::derive(move || p.get().subject.map(|s| subject_slug(s).to_string()))
            on_select=Callback::new(move |v: String| f.put(move |d| {
                d.subject = SUBJECTS.into_iter().find(|s| subject_slug(*s) == v);
            }))
            error=f.error("subject")
        />
    }
}

fn text(f: Answers) -> impl IntoView {
    let p = f.p;
    view! {
        <PageHeading text=ts(tr::complaint_form_text_question) />
        <TextArea id="text" label=ts(tr::complaint_form_text_label)
            hint=ts(tr::complaint_form_text_hint) value=Signal::derive(move || p.get().text)
            on_input=Callback::new(move |v: String| f.put(move |d| d.text = v))
            error=f.error("text") rows=8 />
    }
}

/// Who writes: the law requires the name, a postal address and a phone on
/// every complaint (F000 L47); filled in from the sign-in where known.
fn contact(f: Answers) -> impl IntoView {
    let p = f.p;
    let field = |id: &'static str,
                 label: fn(Lang) -> &'static str,
                 hint: Option<fn(Lang) -> &'static str>,
                 get: fn(&Pending) -> String,
                 put: fn(&mut Pending, String),
                 autocomplete: &'static str| {
        let value = Signal::derive(move || get(&p.get()));
        let on_input = Callback::new(move |v: String| f.put(move |d| put(d, v)));
        match hint {
            Some(h) => view! {
                <TextField id=id label=ts(label) hint=ts(h) value=value on_input=on_input
                    error=f.error(id) autocomplete=autocomplete />
            }
            .into_any(),
            None => view! {
                <TextField id=id label=ts(label) value=value on_input=on_input
                    error=f.error(id) autocomplete=autocomplete />
            }
            .into_any(),
        }
    };
    view! {
        <PageHeading text=ts(tr::complaint_form_you_heading) />
        <p class="hint">{t(tr::complaint_form_you_hint)}</p>
        {field("surname", tr::complaint_form_surname, None, |d| d.surname.clone(), |d, v| d.surname = v, "family-name")}
        {field("given-name", tr::complaint_form_name, None, |d| d.name.clone(), |d, v| d.name = v, "given-name")}
        {field("patronymic", tr::complaint_form_patronymic, None, |d| d.patronymic.clone(), |d, v| d.patronymic = v, "additional-name")}
        {field("postal-address", tr::complaint_form_address, Some(tr::complaint_form_address_hint), |d| d.postal_address.clone(), |d, v| d.postal_address = v, "street-address")}
        {field("phone", tr::complaint_form_phone, Some(tr::complaint_form_phone_hint), |d| d.phone.clone(), |d, v| d.phone = v, "tel")}
    }
}
