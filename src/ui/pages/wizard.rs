//! The S2 application wizard: one question per page, every answer saved as
//! it is given, "Check your answers" with Change links.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::engine::application::{
    self, Answers, Context, DocKind, Draft, Field, FieldError, Problem, Reason, Step, Who,
};
use crate::engine::identity::registry::{self, Person};
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    BackLink, Choice, ErrorItem, ErrorSummary, PageHeading, Radios, TextField,
};
use crate::ui::db::{new_id, use_db};
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;
use crate::ui::text::{t, ts};

pub const SERVICE: ServiceId = ServiceId::S2;

/// The registry facts the wizard needs about this applicant and subject.
pub fn context_for(applicant: &Person, answers: &Answers, today: chrono::NaiveDate) -> Context {
    let minor_children: Vec<String> = registry::children_of(&applicant.iin)
        .into_iter()
        .filter(|c| c.is_minor_on(today))
        .map(|c| c.iin.clone())
        .collect();
    let subject = match (answers.who, &answers.child_iin) {
        (Some(Who::ParentOfMinor), Some(c)) => registry::find(c).unwrap_or(applicant),
        _ => applicant,
    };
    Context {
        minor_children,
        has_digital_document: subject.education.iter().any(|e| e.in_digital_documents),
        has_phone: applicant.phone.is_some(),
        subject_birth_year: Some(chrono::Datelike::year(&subject.birth_date)),
        office_ids: registry::offices().iter().map(|o| o.id.clone()).collect(),
    }
}

pub fn step_href(draft: &str, step: Step) -> String {
    format!("/apply/{SERVICE}/{draft}/{}", step.slug())
}

/// The message for a validation problem, in the user's language.
pub fn error_message(lang: Lang, e: FieldError) -> &'static str {
    use Problem::*;
    match (e.field, e.problem) {
        (Field::Who, NoChildren) => tr::wizard_who_error_no_children(lang),
        (Field::Who, _) => tr::wizard_who_error_missing(lang),
        (Field::Child, UnknownChoice) => tr::wizard_child_error_unknown_choice(lang),
        (Field::Child, _) => tr::wizard_child_error_missing(lang),
        (Field::Reason, _) => tr::wizard_reason_error_missing(lang),
        (Field::Document, _) => tr::wizard_document_error_missing(lang),
        (Field::School, TooLong) => tr::wizard_school_error_too_long(lang),
        (Field::School, _) => tr::wizard_school_error_missing(lang),
        (Field::Year, NotAYear) => tr::wizard_year_error_not_a_year(lang),
        (Field::Year, FutureYear) => tr::wizard_year_error_future_year(lang),
        (Field::Year, BeforeBirth) => tr::wizard_year_error_before_birth(lang),
        (Field::Year, _) => tr::wizard_year_error_missing(lang),
        (Field::Office, UnknownChoice) => tr::wizard_office_error_unknown_choice(lang),
        (Field::Office, _) => tr::wizard_office_error_missing(lang),
        (Field::DigitalDocument, NotConfirmed) => tr::wizard_digital_error_not_confirmed(lang),
        (Field::DigitalDocument, _) => tr::wizard_digital_error_missing(lang),
    }
}

pub fn reason_label(lang: Lang, r: Reason) -> &'static str {
    match r {
        Reason::Lost => tr::wizard_reason_lost(lang),
        Reason::Damaged => tr::wizard_reason_damaged(lang),
        Reason::NameChanged => tr::wizard_reason_name_changed(lang),
        Reason::FillingErrors => tr::wizard_reason_filling_errors(lang),
    }
}

pub fn document_label(lang: Lang, d: DocKind) -> &'static str {
    match d {
        DocKind::BasicSecondaryCertificate => tr::wizard_document_basic(lang),
        DocKind::GeneralSecondaryAttestat => tr::wizard_document_general(lang),
    }
}

fn who_slug(w: Who) -> &'static str {
    match w {
        Who::Myself => "myself",
        Who::ParentOfMinor => "parent-of-minor",
    }
}

fn reason_slug(r: Reason) -> &'static str {
    match r {
        Reason::Lost => "lost",
        Reason::Damaged => "damaged",
        Reason::NameChanged => "name-changed",
        Reason::FillingErrors => "filling-errors",
    }
}

fn doc_slug(d: DocKind) -> &'static str {
    match d {
        DocKind::BasicSecondaryCertificate => "basic-secondary-certificate",
        DocKind::GeneralSecondaryAttestat => "general-secondary-attestat",
    }
}

/// `/apply/S2/:draft/:step`.
#[component]
pub fn WizardPage() -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    let db = use_db();
    // Memos, so that saving an answer (which rewrites the drafts) does not
    // rebuild the page: only a different draft, step or owner does.
    let id = Memo::new(move |_| params.read().get("draft").unwrap_or_default());
    let step = Memo::new(move |_| params.read().get("step").and_then(|s| Step::from_slug(&s)));
    let person = Memo::new(move |_| session.person());
    let owned = Memo::new(move |_| {
        let me = person.get().map(|p| p.iin.clone());
        db.drafts.with(|m| {
            m.get(&id.get())
                .is_some_and(|d| Some(&d.applicant_iin) == me.as_ref())
        })
    });
    move || {
        let Some(person) = person.get() else {
            return view! { <SignInNeeded /> }.into_any();
        };
        match (owned.get(), step.get()) {
            (true, Some(step)) => {
                view! { <StepView draft_id=id.get() step=step person=person /> }.into_any()
            }
            _ => view! {
                <div class="page">
                    <PageHeading text=ts(tr::not_found_title) />
                    <p><A href=format!("/apply/{SERVICE}")>{t(tr::wizard_title)}</A></p>
                </div>
            }
            .into_any(),
        }
    }
}

#[component]
pub fn SignInNeeded() -> impl IntoView {
    let here = leptos_router::hooks::use_location();
    let href = move || format!("/signin?next={}", here.pathname.get());
    view! {
        <div class="page">
            <PageHeading text=ts(tr::signin_needed) />
            <p><A href=href attr:class="button">{t(tr::signin_title)}</A></p>
        </div>
    }
}

#[component]
fn StepView(draft_id: String, step: Step, person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let navigate = use_navigate();
    let query = use_query_map();
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let id = StoredValue::new(draft_id);
    let draft = Memo::new(move |_| db.drafts.with(|m| m.get(&id.get_value()).cloned()));
    let answers = Memo::new(move |_| draft.get().map(|d| d.answers).unwrap_or_default());
    let ctx = Memo::new(move |_| context_for(person, &answers.get(), clock.today()));

    // Remember where the applicant is, so "resume" returns here.
    if db
        .drafts
        .with_untracked(|m| m.get(&id.get_value()).is_some_and(|d| d.step != step))
    {
        db.drafts.update(|m| {
            if let Some(d) = m.get_mut(&id.get_value()) {
                d.step = step;
            }
        });
    }

    let set = move |f: Box<dyn FnOnce(&mut Answers)>| {
        let now = clock.now_untracked();
        db.drafts.update(|m| {
            if let Some(d) = m.get_mut(&id.get_value()) {
                f(&mut d.answers);
                d.updated_at = now;
            }
        });
    };
    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors
                .get()
                .into_iter()
                .find(|e| e.field == field)
                .map(|e| error_message(lang, e).to_string())
        })
    };
    let summary = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|e| ErrorItem {
                field_id: e.field.html_id().into(),
                message: error_message(lang, e).into(),
            })
            .collect::<Vec<_>>()
    });

    let changing = move || query.read().get("change").is_some();
    let back_href = Signal::derive(move || {
        if changing() && step != Step::Check {
            return step_href(&id.get_value(), Step::Check);
        }
        match application::previous(step, &answers.get(), &ctx.get()) {
            Some(p) => step_href(&id.get_value(), p),
            None => format!("/apply/{SERVICE}"),
        }
    });
    let position = Signal::derive(move || {
        let all = application::steps(&answers.get(), &ctx.get());
        let n = all
            .iter()
            .position(|s| *s == step)
            .map(|i| i + 1)
            .unwrap_or(1);
        tr::common_step_of(lang, &n.to_string(), &all.len().to_string())
    });

    let nav = navigate.clone();
    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a = answers.get_untracked();
        let c = ctx.get_untracked();
        let found = application::validate(step, &a, &c, clock.today_untracked());
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let target = if step == Step::Check {
            format!("/apply/{SERVICE}/{}/sign", id.get_value())
        } else if query.read_untracked().get("change").is_some() {
            // Back to the summary, unless the change opened a new question.
            match application::first_incomplete(&a, &c, clock.today_untracked()) {
                Step::Check => step_href(&id.get_value(), Step::Check),
                s => step_href(&id.get_value(), s) + "?change=1",
            }
        } else {
            application::next(step, &a, &c)
                .map(|s| step_href(&id.get_value(), s))
                .unwrap_or_default()
        };
        nav(&target, Default::default());
    };

    let question = move || -> AnyView {
        let a = answers.get();
        match step {
            Step::Who => {
                let choices = Signal::stored({
                    vec![
                        Choice { value: "myself".into(), label: tr::wizard_who_myself(lang).into(), hint: None },
                        Choice {
                            value: "parent-of-minor".into(),
                            label: tr::wizard_who_parent(lang).into(),
                            hint: Some(tr::wizard_who_parent_hint(lang).into()),
                        },
                    ]
                });
                view! {
                    <Radios
                        name="who"
                        as_heading=true
                        legend=ts(tr::wizard_who_question)
                        choices=choices
                        selected=Signal::derive(move || answers.get().who.map(|w| who_slug(w).to_string()))
                        on_select=Callback::new(move |v: String| {
                            set(Box::new(move |a: &mut Answers| {
                                a.who = [Who::Myself, Who::ParentOfMinor].into_iter().find(|w| who_slug(*w) == v);
                                if a.who != Some(Who::ParentOfMinor) {
                                    a.child_iin = None;
                                }
                            }))
                        })
                        error=error_for(Field::Who)
                    />
                }
                .into_any()
            }
            Step::Child => {
                let choices = Signal::derive(move || {
                    ctx.get()
                        .minor_children
                        .iter()
                        .filter_map(|iin| registry::find(iin))
                        .map(|c| Choice {
                            value: c.iin.clone(),
                            label: c.display_name(lang),
                            hint: Some(format!("{} {}", tr::wizard_check_iin(lang), c.iin)),
                        })
                        .collect::<Vec<_>>()
                });
                view! {
                    <Radios
                        name="child"
                        as_heading=true
                        legend=ts(tr::wizard_child_question)
                        hint=ts(tr::wizard_child_hint)
                        choices=choices
                        selected=Signal::derive(move || answers.get().child_iin)
                        on_select=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.child_iin = Some(v))))
                        error=error_for(Field::Child)
                    />
                }
                .into_any()
            }
            Step::Reason => {
                let choices = Signal::stored({
                    Reason::ALL
                        .iter()
                        .map(|r| Choice { value: reason_slug(*r).into(), label: reason_label(lang, *r).into(), hint: None })
                        .collect::<Vec<_>>()
                });
                view! {
                    <Radios
                        name="reason"
                        as_heading=true
                        legend=ts(tr::wizard_reason_question)
                        choices=choices
                        selected=Signal::derive(move || answers.get().reason.map(|r| reason_slug(r).to_string()))
                        on_select=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.reason = Reason::ALL.into_iter().find(|r| reason_slug(*r) == v))))
                        error=error_for(Field::Reason)
                    />
                }
                .into_any()
            }
            Step::Document => {
                let choices = Signal::stored({
                    vec![
                        Choice {
                            value: doc_slug(DocKind::BasicSecondaryCertificate).into(),
                            label: tr::wizard_document_basic(lang).into(),
                            hint: Some(tr::wizard_document_basic_hint(lang).into()),
                        },
                        Choice {
                            value: doc_slug(DocKind::GeneralSecondaryAttestat).into(),
                            label: tr::wizard_document_general(lang).into(),
                            hint: Some(tr::wizard_document_general_hint(lang).into()),
                        },
                    ]
                });
                view! {
                    <Radios
                        name="document"
                        as_heading=true
                        legend=ts(tr::wizard_document_question)
                        choices=choices
                        selected=Signal::derive(move || answers.get().document.map(|d| doc_slug(d).to_string()))
                        on_select=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.document = DocKind::ALL.into_iter().find(|d| doc_slug(*d) == v))))
                        error=error_for(Field::Document)
                    />
                }
                .into_any()
            }
            Step::School => view! {
                <TextField
                    id="school"
                    as_heading=true
                    label=ts(tr::wizard_school_question)
                    hint=ts(tr::wizard_school_hint)
                    value=Signal::derive(move || answers.get().school)
                    on_input=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.school = v)))
                    error=error_for(Field::School)
                    autocomplete="organization"
                />
            }
            .into_any(),
            Step::Year => view! {
                <TextField
                    id="year"
                    as_heading=true
                    label=ts(tr::wizard_year_question)
                    hint=ts(tr::wizard_year_hint)
                    value=Signal::derive(move || answers.get().year)
                    on_input=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.year = v)))
                    error=error_for(Field::Year)
                    input_mode="numeric"
                    short=true
                />
            }
            .into_any(),
            Step::Office => {
                let choices = Signal::stored({
                    registry::offices()
                        .iter()
                        .map(|o| Choice {
                            value: o.id.clone(),
                            label: o.name.get(lang).to_string(),
                            hint: Some(o.address.get(lang).to_string()),
                        })
                        .collect::<Vec<_>>()
                });
                view! {
                    <Radios
                        name="office"
                        as_heading=true
                        legend=ts(tr::wizard_office_question)
                        hint=ts(tr::wizard_office_hint)
                        choices=choices
                        selected=Signal::derive(move || answers.get().office)
                        on_select=Callback::new(move |v: String| set(Box::new(move |a: &mut Answers| a.office = Some(v))))
                        error=error_for(Field::Office)
                    />
                }
                .into_any()
            }
            Step::Documents => view! { <DocumentsStep answers=answers /> }.into_any(),
            Step::Consent => view! {
                <super::consent::ConsentStep
                    answers=answers
                    has_phone=Signal::derive(move || ctx.get().has_phone)
                    person=person
                    set=Callback::new(move |f: Box<dyn FnOnce(&mut Answers) + Send + Sync>| set(f))
                    error=error_for(Field::DigitalDocument)
                    flow=format!("consent:{}", id.get_value())
                />
            }
            .into_any(),
            Step::Check => {
                let _ = &a;
                view! { <CheckAnswers draft=draft person=person /> }.into_any()
            }
        }
    };

    view! {
        <div class="page page--narrow">
            <BackLink href=back_href />
            <ErrorSummary errors=summary />
            <p class="caption">{t(tr::wizard_short_title)} " · " {position}</p>
            <form novalidate on:submit=on_continue>
                {question}
                <div class="button-group">
                    <button type="submit" class="button">
                        {if step == Step::Check { tr::wizard_sign_continue(lang) } else { tr::common_continue(lang) }}
                    </button>
                </div>
            </form>
            <p class="small muted">{t(tr::wizard_draft_saved)}</p>
        </div>
    }
}

#[component]
fn DocumentsStep(answers: Memo<Answers>) -> impl IntoView {
    let docs = move || {
        super::passport::required_documents_view(SERVICE, &application::situations(&answers.get()))
    };
    view! {
        <PageHeading text=ts(tr::wizard_documents_question) />
        <p>{t(tr::wizard_documents_intro)}</p>
        {docs}
    }
}

/// "Check your answers": each answer with a Change link back to its page.
#[component]
fn CheckAnswers(draft: Memo<Option<Draft>>, person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let row = move |key: String, value: String, change: Option<String>| {
        view! {
            <div class="summary__row">
                <dt class="summary__key">{key.clone()}</dt>
                <dd class="summary__value">{value}</dd>
                <dd class="summary__action">
                    {change.map(|href| {
                        view! {
                            <A href=href>
                                {tr::common_change(lang)}
                                <span class="visually-hidden">" " {key.clone()}</span>
                            </A>
                        }
                    })}
                </dd>
            </div>
        }
    };
    move || {
        let Some(d) = draft.get() else {
            return ().into_any();
        };
        let l = lang;
        let a = d.answers.clone();
        let ctx = context_for(person, &a, clock.today());
        let ch = |s: Step| Some(step_href(&d.id, s) + "?change=1");
        let mut rows = vec![
            row(
                tr::wizard_check_applicant(l).into(),
                person.display_name(l),
                None,
            ),
            row(tr::wizard_check_iin(l).into(), person.iin.clone(), None),
            row(
                tr::wizard_check_address(l).into(),
                person.address.get(l).to_string(),
                None,
            ),
            row(
                tr::wizard_who_question(l).into(),
                match a.who {
                    Some(Who::Myself) => tr::wizard_who_myself(l).into(),
                    Some(Who::ParentOfMinor) => tr::wizard_who_parent(l).into(),
                    None => String::new(),
                },
                ch(Step::Who),
            ),
        ];
        if a.who == Some(Who::ParentOfMinor) {
            let child = a.child_iin.as_deref().and_then(registry::find);
            rows.push(row(
                tr::wizard_check_child(l).into(),
                child
                    .map(|c| format!("{} ({})", c.display_name(l), c.iin))
                    .unwrap_or_default(),
                ch(Step::Child),
            ));
        }
        rows.push(row(
            tr::wizard_reason_question(l).into(),
            a.reason
                .map(|r| reason_label(l, r).to_string())
                .unwrap_or_default(),
            ch(Step::Reason),
        ));
        rows.push(row(
            tr::wizard_document_question(l).into(),
            a.document
                .map(|x| document_label(l, x).to_string())
                .unwrap_or_default(),
            ch(Step::Document),
        ));
        rows.push(row(
            tr::wizard_school_question(l).into(),
            a.school.clone(),
            ch(Step::School),
        ));
        rows.push(row(
            tr::wizard_year_question(l).into(),
            a.year.clone(),
            ch(Step::Year),
        ));
        rows.push(row(
            tr::wizard_office_question(l).into(),
            a.office
                .as_deref()
                .and_then(registry::office)
                .map(|o| o.name.get(l).to_string())
                .unwrap_or_default(),
            ch(Step::Office),
        ));
        if ctx.has_digital_document {
            rows.push(row(
                tr::wizard_consent_question(l).into(),
                match (a.use_digital_document, a.digital_consent_confirmed) {
                    (Some(true), true) => tr::wizard_consent_confirmed(l).into(),
                    (Some(true), false) => tr::wizard_consent_yes(l).into(),
                    (Some(false), _) => tr::wizard_consent_no(l).into(),
                    (None, _) => String::new(),
                },
                ch(Step::Consent),
            ));
        }
        view! {
            <PageHeading text=ts(tr::wizard_check_title) />
            <dl class="summary">{rows}</dl>
            <p>{tr::wizard_check_sign_intro(l)}</p>
        }
        .into_any()
    }
}

/// `/apply/S2`: what the service is, and start or resume.
#[component]
pub fn ApplyStart() -> impl IntoView {
    let session = use_session();
    let db = use_db();
    let clock = use_clock();
    let navigate = use_navigate();
    let drafts = Memo::new(move |_| {
        let me = session.person().map(|p| p.iin.clone());
        db.drafts.with(|m| {
            let mut v: Vec<Draft> = m
                .values()
                .filter(|d| Some(&d.applicant_iin) == me.as_ref() && d.service == SERVICE)
                .cloned()
                .collect();
            v.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
            v
        })
    });
    let start = move |_| {
        let Some(p) = session.person_untracked() else {
            return;
        };
        let id = new_id();
        let d = Draft::new(id.clone(), SERVICE, &p.iin, clock.now_untracked());
        db.drafts.update(|m| {
            m.insert(id.clone(), d);
        });
        navigate(&step_href(&id, Step::Who), Default::default());
    };
    view! {
        <div class="page page--narrow">
            <PageHeading text=ts(tr::wizard_title) />
            <Show when=move || session.person().is_some() fallback=|| view! { <SignInNeeded /> }>
                <For each=move || drafts.get() key=|d| (d.id.clone(), d.updated_at) let(d)>
                    <p>
                        <A href=step_href(&d.id, d.step) attr:class="button button--secondary">
                            {t(tr::wizard_resume)}
                        </A>
                    </p>
                </For>
                <button type="button" class="button" on:click=start.clone()>{t(tr::wizard_start)}</button>
            </Show>
        </div>
    }
}
