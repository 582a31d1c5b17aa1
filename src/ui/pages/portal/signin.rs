//! Simulated sign-in: pick a person from the demo registry or type an IIN.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::engine::identity::iin;
use crate::engine::identity::registry::{self, Person};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::app::bundle::navigator;
use crate::ui::labels::{Label, t, ts};
use crate::ui::state::session::safe_next;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::text_field::TextField;

/// The registry person of a typed IIN, or the message why it cannot be
/// used to sign in.
fn person_of(lang: Lang, typed: &str) -> Result<&'static Person, String> {
    let info = iin::validate(typed).map_err(|e| e.label(lang).to_string())?;
    registry::find(&info.iin).ok_or_else(|| tr::signin_not_in_registry(lang).to_string())
}

#[component]
pub fn SignIn() -> impl IntoView {
    let Ui { lang, session, clock, .. } = use_ui();
    let query = use_query_map();
    let navigate = navigator();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let go = {
        let navigate = navigate.clone();
        move |iin: String| {
            // Not stored, not signed in: the shell says it was not saved.
            if session.sign_in(&iin).is_ok() {
                let next = safe_next(query.read_untracked().get("next"));
                navigate(&next);
            }
        }
    };
    let go2 = go.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match person_of(lang, &typed.get_untracked()) {
            Err(msg) => error.set(Some(msg)),
            Ok(p) => {
                error.set(None);
                go2(p.iin.clone());
            }
        }
    };
    let errors = Signal::derive(move || {
        error.get().map(|m| vec![ErrorItem::new("iin", m)]).unwrap_or_default()
    });
    let today = move || clock.today();

    view! {
        <div class="page">
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::signin_title) />
            <p class="lead">{t(tr::signin_lead)}</p>
            <form novalidate on:submit=submit>
                <TextField id="iin" label=ts(tr::signin_iin_label) hint=ts(tr::signin_iin_hint) value=typed
                    on_input=Callback::new(move |v| typed.set(v)) error=error input_mode="numeric"
                    autocomplete="off" short=true />
                <button type="submit" class="button">{t(tr::signin_submit)}</button>
            </form>
            <h2>{t(tr::signin_pick_heading)}</h2>
            <ul class="card-list">
                {registry::people()
                    .iter()
                    .map(|p| {
                        let go = go.clone();
                        let iin = p.iin.clone();
                        view! {
                            <li class="card">
                                <h3>{p.display_name(lang)}</h3>
                                <p class="small">
                                    {move || tr::signin_age(lang, &p.age_on(today()).to_string())}
                                    " · " {tr::wizard_check_iin(lang)} " " {p.iin.clone()}
                                    {move || person_notes(p, lang, today())}
                                </p>
                                <Button look=Look::Secondary on_click=move |_| go(iin.clone())>
                                    {tr::signin_sign_in_as(lang, &p.display_name(lang))}
                                </Button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// What makes this demo person interesting, for choosing one to try.
fn person_notes(p: &Person, lang: Lang, today: chrono::NaiveDate) -> String {
    let mut notes = Vec::new();
    if p.is_minor_on(today) {
        notes.push(tr::signin_minor(lang));
    }
    if !p.children.is_empty() {
        notes.push(tr::signin_parent_of(lang));
    }
    if p.phone.is_none() {
        notes.push(tr::signin_no_phone(lang));
    }
    if !p.id_document.is_valid_on(today) {
        notes.push(tr::signin_id_expired(lang));
    }
    if p.education.iter().any(|e| e.in_digital_documents) {
        notes.push(tr::signin_digital_doc(lang));
    }
    if p.education.iter().any(|e| e.organisation_liquidated) {
        notes.push(tr::signin_liquidated(lang));
    }
    notes.iter().map(|n| format!(" · {n}")).collect()
}
