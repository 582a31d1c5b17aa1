//! `/corporation/operator/visits/:id`: one home visit through the State
//! Corporation channel of its service — the citizen's identification from
//! the registry, the consent, the package check against the catalogue's
//! list, and the receipt. Each action is sealed and stored at once, so a
//! reload (or a flat battery) resumes at the same step.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::consent::ConsentStep;
use super::lock::{LockButton, Unlock};
use super::package::PackageStep;
use super::receipt::ReceiptView;
use super::stale_message;
use crate::engine::identity::registry::Person;
use crate::engine::store::Stale;
use crate::engine::visit::Step;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, VisitStatus, t};
use crate::ui::state::clock::use_clock;
use crate::ui::state::desk::use_desk;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::announcer::Announcer;
use crate::ui::widgets::button::Button;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::not_found::Missing;
use crate::ui::widgets::page_heading::{PageHeading, focus_on_change};
use crate::ui::widgets::record_page::Outcome;
use crate::ui::widgets::summary_list::{SummaryList, row};

fn step_number(s: Step) -> usize {
    match s {
        Step::Identify => 1,
        Step::Consent => 2,
        Step::Package => 3,
        Step::Done => 4,
    }
}

#[component]
pub fn OperatorVisitPage() -> impl IntoView {
    let vault = use_desk();
    let params = use_params_map();
    let unlocked = Memo::new(move |_| vault.is_open());
    // Unlocking or locking swaps the page at the same address.
    focus_on_change(unlocked, |_| "main h1");
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        if !unlocked.get() {
            return view! { <Unlock /> }.into_any();
        }
        let id = id.get();
        if vault.with_untracked(|d| d.visit(&id).is_none()).unwrap_or(true) {
            return view! {
                <Missing heading=tr::operator_visit_not_found href=vault.list_href() link=tr::operator_back_to_list />
            }
            .into_any();
        }
        view! { <VisitView id=id /> }.into_any()
    }
}

#[component]
fn VisitView(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_desk();
    let id = StoredValue::new(id);
    let visit = Memo::new(move |_| vault.with(|d| d.visit(&id.get_value()).cloned()).flatten());
    let step = Memo::new(move |_| visit.with(|v| v.as_ref().map(|v| v.step)).unwrap_or_default());
    // Each step replaces the one before, and the button just pressed: focus
    // goes to the new step's heading.
    focus_on_change(step, |s| match s {
        Step::Done => "#receipt-heading",
        _ => "#step-heading",
    });
    let Some(v0) = visit.get_untracked() else {
        return ().into_any();
    };
    let person = v0.person();
    let name = person.map(|p| p.display_name(lang)).unwrap_or_default();
    let title = Signal::stored(if vault.at_counter() {
        tr::counter_visit_title(lang, &name)
    } else {
        tr::operator_visit_title(lang, &name)
    });
    let back =
        if vault.at_counter() { tr::counter_back(lang) } else { tr::operator_back_to_list(lang) };
    let service = v0.service;
    // Each step acts at the revision it was shown at; what happened is said
    // here, outside the part a new step replaces.
    let rev = move || visit.with_untracked(|v| v.as_ref().map(|v| v.rev).unwrap_or_default());
    let said: Outcome = RwSignal::new(None);
    view! {
        <div class="page operator">
            <p><A href=vault.list_href() attr:class="back-link">{back}</A></p>
            <div class="operator__bar">
                <PageHeading text=title caption=Signal::stored(format!("{} — {}", service, service_name(lang, service))) />
                {(!vault.at_counter()).then(|| view! { <LockButton /> })}
            </div>
            <p class="operator__progress">
                {move || tr::operator_step_of(lang, &step_number(step.get()).to_string())}
                " — "
                {move || visit.with(|v| v.as_ref().map(|v| VisitStatus::of(v).label(lang)).unwrap_or_default())}
            </p>
            <p class="progress">{move || said.get()}</p>
            <Announcer text=said />
            {person.map(|p| view! { <Identity person=p.clone() /> })}
            {move || match step.get() {
                Step::Identify => view! { <IdentifyStep id=id.get_value() rev=rev() said=said /> }.into_any(),
                Step::Consent => view! { <ConsentStep id=id.get_value() rev=rev() said=said /> }.into_any(),
                Step::Package => view! { <PackageStep id=id.get_value() rev=rev() said=said /> }.into_any(),
                Step::Done => view! { <ReceiptView id=id.get_value() /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The citizen as the registry knows them (never typed in).
#[component]
fn Identity(person: Person) -> impl IntoView {
    let lang = use_lang();
    let doc = person.id_document.clone();
    let valid = doc.is_valid_on(use_clock().today_untracked());
    let document = view! {
        {doc.kind.label(lang)} " " {doc.number.clone()}
        {doc.valid_until.map(|u| view! { ", " {tr::operator_valid_until(lang, &format::date(u))} })}
        {(!valid).then(|| view! { <strong class="error-message">{t(tr::operator_id_invalid)}</strong> })}
    };
    view! {
        <section class="operator__identity" aria-labelledby="identity-heading">
            <h2 id="identity-heading">{t(tr::operator_identity_title)}</h2>
            <p class="hint">{t(tr::operator_identity_source)}</p>
            <SummaryList>
                {row(tr::operator_name(lang), person.display_name(lang))}
                {row(tr::operator_iin(lang), person.iin.clone())}
                {row(tr::operator_birth_date(lang), format::date(person.birth_date))}
                {row(tr::operator_address(lang), person.address.get(lang).to_string())}
                {row(tr::operator_id_document(lang), document)}
            </SummaryList>
        </section>
    }
}

#[component]
fn IdentifyStep(id: String, rev: u64, said: Outcome) -> impl IntoView {
    let lang = use_lang();
    let vault = use_desk();
    let id = StoredValue::new(id);
    view! {
        <section aria-labelledby="step-heading">
            <h2 id="step-heading" tabindex="-1">{t(tr::operator_identify_heading)}</h2>
            <p>{t(tr::operator_identify_body)}</p>
            <Button on_click=move |_| {
                let r = vault.change_visit_at_rev(&id.get_value(), rev, |v| {
                    v.confirm_identity();
                    Ok::<(), Stale>(())
                });
                said.set(stale_message(lang, r));
            }>{t(tr::operator_identity_confirmed)}</Button>
        </section>
    }
}
