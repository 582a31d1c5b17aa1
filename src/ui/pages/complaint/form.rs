//! `/apply/complaint`: the complaint form (F000 L47), from an application
//! (`?app=REF`), as an escalation of an answered complaint
//! (`?escalate=ID`), or on its own. Saved as it is typed.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::engine::catalog;
use crate::engine::complaint::{self, Addressee, Subject};
use crate::engine::identity::registry::Person;
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{Label, Message, t, ts};
use crate::ui::paths;
use crate::ui::state::complaints::{Pending, addressees_for, begin, edit, pending_drafts};
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::legal_basis::LegalBasis;
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::{Choice, Radios};
use crate::ui::widgets::sign_in_needed::for_person;
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

#[component]
pub fn ComplaintFormPage() -> impl IntoView {
    for_person(|p| view! { <ComplaintForm person=p /> })
}

#[component]
fn ComplaintForm(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let navigate = use_navigate();
    let query = use_query_map().get_untracked();
    let pending = pending_drafts();
    let me = StoredValue::new(person.iin.clone());

    // Which complaint this visit is about: an escalation, an application,
    // or whatever was being written (resumed as it was).
    if begin(
        db,
        pending,
        person,
        lang,
        query.get("escalate"),
        query.get("app"),
    )
    .is_err()
    {
        return view! {
            <div class="page page--narrow">
                <PageHeading text=ts(tr::complaint_form_escalate_title) />
                {warning(t(tr::complaint_error_escalation))}
                <p><a href=paths::CABINET>{t(tr::confirm_cabinet_link)}</a></p>
            </div>
        }
        .into_any();
    }

    let p =
        Memo::new(move |_| pending.with(|m| m.get(&me.get_value()).cloned().unwrap_or_default()));
    let set = move |f: Box<dyn FnOnce(&mut Pending)>| {
        let _ = edit(pending, &me.get_value(), f);
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
    let escalating = escalation.is_some();

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found: Vec<ErrorItem> = p
            .get_untracked()
            .problems()
            .iter()
            .map(|e| ErrorItem::new(e.field_id(), e.message(lang)))
            .collect();
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        navigate(paths::COMPLAINT_SIGN, Default::default());
    };

    let services = Signal::stored(
        catalog::all()
            .iter()
            .filter(|s| s.complaint().is_some())
            .map(|s| Choice::new(s.id.as_str(), s.name.text.get(lang)))
            .collect::<Vec<_>>(),
    );
    let addressees = Signal::derive(move || {
        addressees_for(&p.get().service)
            .into_iter()
            .map(|a| Choice::new(a.catalogue_id(), a.label(lang)))
            .collect::<Vec<_>>()
    });
    let subjects = Signal::stored(
        SUBJECTS
            .into_iter()
            .map(|s| Choice::new(subject_slug(s), s.label(lang)))
            .collect::<Vec<_>>(),
    );
    let basis = move || {
        ServiceId::parse(&p.get().service).ok().and_then(complaint::basis).map(|b| {
            view! {
                <p class="small">
                    {if b.by_analogy { t(tr::complaint_form_basis_analogy) } else { t(tr::complaint_form_basis_own) }}
                    " " {t(tr::complaint_form_basis)} " " <LegalBasis provenance=b.provenance.clone() />
                </p>
            }
        })
    };
    let title = if escalating {
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
                    <TextField id="application-ref" label=ts(tr::complaint_form_application_label)
                        hint=ts(tr::complaint_form_application_hint)
                        value=Signal::derive(move || p.get().application_ref)
                        on_input=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| d.application_ref = v)))
                        error=error_for("application-ref") />
                })}
                {fixed_service.then(|| view! {
                    <SummaryList>
                        {row(tr::complaint_filed_service(lang), ServiceId::parse(&p.get_untracked().service).map(|s| service_name(lang, s)).unwrap_or_default())}
                        {fixed_app.clone().map(|r| row(tr::complaint_track_application(lang), r))}
                        {escalating.then(|| row(
                            tr::complaint_form_addressee_fixed(lang),
                            Addressee::QualityControl.label(lang),
                        ))}
                    </SummaryList>
                })}
                {(!escalating).then(|| view! {
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
                        d.subject = SUBJECTS.into_iter().find(|s| subject_slug(*s) == v);
                    })))
                    error=error_for("subject")
                />
                <TextArea id="text" label=ts(tr::complaint_form_text_label)
                    hint=ts(tr::complaint_form_text_hint) value=Signal::derive(move || p.get().text)
                    on_input=Callback::new(move |v: String| set(Box::new(move |d: &mut Pending| d.text = v)))
                    error=error_for("text") rows=8 />
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
