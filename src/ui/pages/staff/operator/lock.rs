//! Operator mode's lock: setting the PIN the first time, unlocking with it,
//! and "Lock now". Everything the mode stores is sealed under a key from
//! the PIN (see `state::operator`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::source::Lang;
use crate::engine::visit::{self, PinError};
use crate::i18n::tr;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::clock::use_clock;
use crate::ui::state::operator::use_vault;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::text_field::TextField;

/// A PIN input: password type, digits keyboard, Enter to go on.
fn pin_field(
    id: &'static str,
    label: fn(Lang) -> &'static str,
    hint: Option<fn(Lang) -> &'static str>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
    autocomplete: &'static str,
    on_enter: Callback<()>,
) -> impl IntoView {
    let on_input = Callback::new(move |v| value.set(v));
    let error = message_for(errors, id);
    match hint {
        Some(h) => view! {
            <TextField id=id label=ts(label) hint=ts(h) value=value on_input=on_input error=error
                password=true short=true class="operator-pin" input_mode="numeric"
                autocomplete=autocomplete on_enter=on_enter />
        }
        .into_any(),
        None => view! {
            <TextField id=id label=ts(label) value=value on_input=on_input error=error
                password=true short=true class="operator-pin" input_mode="numeric"
                autocomplete=autocomplete on_enter=on_enter />
        }
        .into_any(),
    }
}

/// The lock screen: sets the PIN the first time, then asks for it.
#[component]
pub fn Unlock() -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let set_up = move || {
        let (p, c) = (pin.get_untracked(), confirm.get_untracked());
        match visit::check_new_pin(&p, &c) {
            Err(e) => {
                let field = if e == PinError::Mismatch {
                    "pin-confirm"
                } else {
                    "pin"
                };
                errors.set(vec![ErrorItem::new(field, e.label(lang))]);
            }
            Ok(()) => match vault.set_pin(&p, clock.today_untracked()) {
                Ok(()) => errors.set(Vec::new()),
                Err(_) => errors.set(vec![ErrorItem::new("pin", tr::operator_not_saved(lang))]),
            },
        }
    };
    let open = move || match vault.unlock(&pin.get_untracked()) {
        Ok(()) => errors.set(Vec::new()),
        Err(e) => {
            pin.set(String::new());
            errors.set(vec![ErrorItem::new("pin", e.label(lang))]);
        }
    };
    let open_cb = Callback::new(move |_| open());
    let set_up_cb = Callback::new(move |_| set_up());
    view! {
        <div class="page page--narrow operator">
            <ErrorSummary errors=errors />
            {move || {
                if vault.has_pin() {
                    view! {
                        <PageHeading text=ts(tr::operator_unlock_title) />
                        <p>{t(tr::operator_unlock_intro)}</p>
                        {pin_field("pin", tr::operator_pin_label, None, pin, errors, "current-password", open_cb)}
                        <button type="button" class="button" on:click=move |_| open()>{t(tr::operator_unlock)}</button>
                    }
                    .into_any()
                } else {
                    view! {
                        <PageHeading text=ts(tr::operator_setup_title) />
                        <p>{t(tr::operator_setup_intro)}</p>
                        {pin_field("pin", tr::operator_new_pin_label, Some(tr::operator_new_pin_hint), pin, errors, "new-password", set_up_cb)}
                        {pin_field("pin-confirm", tr::operator_confirm_pin_label, None, confirm, errors, "new-password", set_up_cb)}
                        <button type="button" class="button" on:click=move |_| set_up()>{t(tr::operator_set_pin)}</button>
                    }
                    .into_any()
                }
            }}
            <p class="hint">{t(tr::operator_privacy)}</p>
            <p><A href=paths::STAFF>{t(tr::operator_back_to_staff)}</A></p>
        </div>
    }
}

/// "Lock now".
#[component]
pub fn LockButton() -> impl IntoView {
    let vault = use_vault();
    view! {
        <button type="button" class="button button--secondary operator__lock" on:click=move |_| vault.lock()>
            {t(tr::operator_lock)}
        </button>
    }
}
