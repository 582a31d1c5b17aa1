//! The wizard's questions, one per page, each a GOV.UK question pattern.

use leptos::prelude::*;

use super::consent::ConsentStep;
use super::form::Form;
use crate::engine::application::{self, DocKind, Field, Reason, Step, Who};
use crate::engine::identity::registry::{self, OrganisationKind, Person};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{Label, t, ts};
use crate::ui::state::applications::SERVICE;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::{Choice, Radios, organisation_choices};
use crate::ui::widgets::required_documents::required_documents;
use crate::ui::widgets::text_field::TextField;

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

/// A question answered by choosing one of `choices` (the Who, Reason and
/// Document pages): its legend is the page's heading, `selected` reads the
/// answer as a choice's value and `change` stores the value chosen; the
/// radios' name is the field's id, which the error summary links to.
fn choose(
    form: Form, field: Field, legend: fn(Lang) -> &'static str, choices: Vec<Choice>,
    selected: fn(&application::Answers) -> Option<String>,
    change: fn(&mut application::Answers, String),
) -> AnyView {
    let answers = form.answers;
    view! {
        <Radios name=field.html_id() as_heading=true legend=ts(legend)
            choices=Signal::stored(choices)
            selected=Signal::derive(move || answers.with(selected))
            on_select=form.on(change) error=form.error(field) />
    }
    .into_any()
}

/// The question of `step` (every step but "check your answers").
pub fn question(step: Step, form: Form, person: &'static Person) -> AnyView {
    let lang = use_lang();
    let answers = form.answers;
    match step {
        Step::Who => choose(
            form,
            Field::Who,
            tr::wizard_who_question,
            vec![
                Choice::new(who_slug(Who::Myself), Who::Myself.label(lang)),
                Choice::hinted(who_slug(Who::ParentOfMinor), Who::ParentOfMinor.label(lang), tr::wizard_who_parent_hint(lang)),
            ],
            |a| a.who.map(|w| who_slug(w).to_string()),
            |a, v| {
                a.who = [Who::Myself, Who::ParentOfMinor].into_iter().find(|w| who_slug(*w) == v);
                if a.who != Some(Who::ParentOfMinor) {
                    a.child_iin = None;
                }
            },
        ),
        Step::Child => {
            let ctx = form.ctx;
            let choices = Signal::derive(move || {
                ctx.get()
                    .minor_children
                    .iter()
                    .filter_map(|iin| registry::find(iin))
                    .map(|c| Choice::hinted(c.iin.clone(), c.display_name(lang), format!("{} {}", tr::wizard_check_iin(lang), c.iin)))
                    .collect::<Vec<_>>()
            });
            view! {
                <Radios name="child" as_heading=true legend=ts(tr::wizard_child_question)
                    hint=ts(tr::wizard_child_hint) choices=choices
                    selected=Signal::derive(move || answers.get().child_iin)
                    on_select=form.on(|a, v| a.child_iin = Some(v)) error=form.error(Field::Child) />
            }
            .into_any()
        }
        Step::Reason => view! {
            // A draft saved before S2's reasons were its own three may hold
            // S1's "errors in filling in" (C-39): it is asked again, and
            // the page says why.
            <Show when=move || answers.get().reason.is_some_and(|r| !application::reasons(SERVICE).contains(&r))>
                {move || warning(tr::wizard_reason_not_for_service(
                    lang,
                    answers.get().reason.map(|r| r.label(lang)).unwrap_or_default(),
                ))}
            </Show>
            {choose(
                form,
                Field::Reason,
                tr::wizard_reason_question,
                application::reasons(SERVICE).iter().map(|r| Choice::new(reason_slug(*r), r.label(lang))).collect(),
                |a| a.reason.map(|r| reason_slug(r).to_string()),
                |a, v| a.reason = Reason::ALL.into_iter().find(|r| reason_slug(*r) == v),
            )}
        }
        .into_any(),
        Step::Document => choose(
            form,
            Field::Document,
            tr::wizard_document_question,
            vec![
                Choice::hinted(doc_slug(DocKind::BasicSecondaryCertificate), DocKind::BasicSecondaryCertificate.label(lang), tr::wizard_document_basic_hint(lang)),
                Choice::hinted(doc_slug(DocKind::GeneralSecondaryAttestat), DocKind::GeneralSecondaryAttestat.label(lang), tr::wizard_document_general_hint(lang)),
            ],
            |a| a.document.map(|d| doc_slug(d).to_string()),
            |a, v| a.document = DocKind::ALL.into_iter().find(|d| doc_slug(*d) == v),
        ),
        Step::School => view! {
            <TextField id="school" as_heading=true label=ts(tr::wizard_school_question)
                hint=ts(tr::wizard_school_hint) value=Signal::derive(move || answers.get().school)
                on_input=form.on(|a, v| {
                    // A typed name is not a school of the registry.
                    a.school = v;
                    a.school_id = None;
                })
                error=form.error(Field::School)
                autocomplete="organization" />
            <Radios name="school_pick" legend=ts(tr::wizard_school_pick_legend) hint=ts(tr::wizard_school_pick_hint)
                choices=Signal::stored(school_choices(lang))
                selected=Signal::derive(move || Some(answers.get().school_id.unwrap_or_default()))
                on_select=Callback::new(move |v: String| form.set(move |a| pick_school(a, &v, lang))) />
        }
        .into_any(),
        Step::Year => view! {
            <TextField id="year" as_heading=true label=ts(tr::wizard_year_question)
                hint=ts(tr::wizard_year_hint) value=Signal::derive(move || answers.get().year)
                on_input=form.on(|a, v| a.year = v) error=form.error(Field::Year) input_mode="numeric"
                short=true />
        }
        .into_any(),
        Step::Office => view! {
            <Radios
                name="office"
                as_heading=true
                legend=ts(tr::wizard_office_question)
                hint=ts(tr::wizard_office_hint)
                choices=Signal::stored(
                    registry::offices()
                        .iter()
                        .map(|o| Choice::hinted(o.id.clone(), o.name.get(lang), o.address.get(lang)))
                        .collect::<Vec<_>>(),
                )
                selected=Signal::derive(move || answers.get().office)
                on_select=form.on(|a, v| a.office = Some(v))
                error=form.error(Field::Office)
            />
        }
        .into_any(),
        Step::Documents => documents(form).into_any(),
        Step::Consent => view! { <ConsentStep form=form person=person /> }.into_any(),
        // "Check your answers" has its own view.
        Step::Check => ().into_any(),
    }
}

/// The registry's schools (those that still exist), and "not in this list".
/// A school chosen here is known by its id, so the region's own regulation
/// (F002, East Kazakhstan) applies only where the school really is.
fn school_choices(lang: Lang) -> Vec<Choice> {
    organisation_choices(
        lang,
        OrganisationKind::School,
        Choice::new("", tr::wizard_school_pick_none(lang)),
    )
}

/// Chooses school `id` of the registry (its name, in `lang`, fills the
/// field), or none.
fn pick_school(a: &mut application::Answers, id: &str, lang: Lang) {
    match registry::organisation(id) {
        Some(o) => {
            a.school = o.name.get(lang).to_string();
            a.school_id = Some(o.id.clone());
        }
        None => a.school_id = None,
    }
}

/// The documents to hand in for these answers: on the portal, the
/// electronic application alone (F001 §8, RU L27).
fn documents(form: Form) -> impl IntoView {
    let answers = form.answers;
    let docs = move || required_documents(SERVICE, &application::situations(&answers.get()));
    view! {
        <PageHeading text=ts(tr::wizard_documents_question) />
        <p>{t(tr::wizard_documents_intro)}</p>
        {docs}
    }
}
