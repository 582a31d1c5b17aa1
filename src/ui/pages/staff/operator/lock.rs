//! Operator mode's lock: setting the PIN the first time, unlocking with it,
//! and "Lock now". Everything the mode stores is sealed under a key from
//! the PIN (see `state::operator`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::source::Lang;
use crate::engine::visit::{self, PinError};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::operator::{UnlockRefused, VaultRefused, use_vault};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::page_heading::{PageHeading, focus_on_change};
use crate::ui::widgets::password_input::{PasswordInput, Secret};

/// Why the PIN did not open the mode, as error-summary lines: a wrong PIN
/// says how many tries are left and, once a delay runs, from when.
fn unlock_errors(e: UnlockRefused, lang: Lang) -> Vec<ErrorItem> {
    let item = |m: String| ErrorItem::new("pin", m);
    // Said to the minute, rounded up: a try at that minute is allowed.
    let wait = |until: chrono::DateTime<chrono::Utc>| {
        let minute = until.checked_add_signed(chrono::Duration::seconds(59)).unwrap_or(until);
        item(tr::operator_pin_wait(lang, &format::time(minute)))
    };
    match e {
        UnlockRefused::Wrong { left, wait_until } => {
            let mut v = vec![item(tr::operator_wrong_pin_left(lang, &left.to_string()))];
            v.extend(wait_until.map(wait));
            v
        }
        UnlockRefused::Wait { until } => vec![wait(until)],
        UnlockRefused::Wiped => vec![item(tr::operator_pin_wiped(lang).into())],
        UnlockRefused::SetAside => vec![item(tr::operator_pin_set_aside(lang).into())],
        UnlockRefused::Unreadable => vec![item(tr::operator_pin_unreadable(lang).into())],
        UnlockRefused::NotSaved => vec![item(tr::operator_not_saved(lang).into())],
    }
}

/// The lock screen: sets the PIN the first time, then asks for it (and
/// says what wrong PINs lead to); "Forgot the PIN?" deletes the data after
/// a confirmation that says what is lost.
#[component]
pub fn Unlock() -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let vault = use_vault();
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let forgetting = RwSignal::new(false);
    // "Forgot the PIN?", its Cancel and its confirmation each replace the
    // screen with the pressed button: focus goes to the new heading.
    focus_on_change(Memo::new(move |_| (forgetting.get(), vault.has_pin())), |_| "main h1");
    let set_up = move || {
        let (p, c) = (pin.get_untracked(), confirm.get_untracked());
        match visit::check_new_pin(&p, &c) {
            Err(e) => {
                let field = if e == PinError::Mismatch { "pin-confirm" } else { "pin" };
                errors.set(vec![ErrorItem::new(field, e.label(lang))]);
            }
            Ok(()) => match vault.set_pin(&p, clock.today_untracked()) {
                Ok(()) => errors.set(Vec::new()),
                Err(VaultRefused::PinExists) => {
                    pin.set(String::new());
                    confirm.set(String::new());
                    errors.set(vec![ErrorItem::new("pin", tr::operator_pin_exists(lang))]);
                }
                Err(_) => errors.set(vec![ErrorItem::new("pin", tr::operator_not_saved(lang))]),
            },
        }
    };
    let open = move || match vault.unlock(&pin.get_untracked()) {
        Ok(()) => errors.set(Vec::new()),
        Err(e) => {
            pin.set(String::new());
            errors.set(unlock_errors(e, lang));
        }
    };
    let forget = move || {
        vault.forget();
        forgetting.set(false);
        pin.set(String::new());
        errors.set(Vec::new());
    };
    let open_cb = Callback::new(move |_| open());
    let set_up_cb = Callback::new(move |_| set_up());
    view! {
        <div class="page page--narrow operator">
            <ErrorSummary errors=errors />
            {move || {
                if forgetting.get() && vault.has_pin() {
                    view! {
                        <PageHeading text=ts(tr::operator_forgot_title) />
                        <p>{t(tr::operator_forgot_body)}</p>
                        <div class="button-group">
                            <Button look=Look::Warning on_click=move |_| forget()>
                                {t(tr::operator_forgot_confirm)}
                            </Button>
                            <Button look=Look::Secondary on_click=move |_| forgetting.set(false)>
                                {t(tr::common_cancel)}
                            </Button>
                        </div>
                    }
                    .into_any()
                } else if vault.has_pin() {
                    view! {
                        <PageHeading text=ts(tr::operator_unlock_title) />
                        <p>{t(tr::operator_unlock_intro)}</p>
                        <p>{tr::operator_pin_wipe_rule(lang, &visit::WIPE_AFTER.to_string())}</p>
                        <PasswordInput id="pin" label=tr::operator_pin_label value=pin errors=errors
                            secret=Secret::Pin on_enter=open_cb />
                        <Button on_click=move |_| open()>{t(tr::operator_unlock)}</Button>
                        <p>
                            <Button look=Look::Secondary on_click=move |_| {
                                errors.set(Vec::new());
                                forgetting.set(true);
                            }>{t(tr::operator_forgot)}</Button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <PageHeading text=ts(tr::operator_setup_title) />
                        <p>{t(tr::operator_setup_intro)}</p>
                        <PasswordInput id="pin" label=tr::operator_new_pin_label hint=tr::operator_new_pin_hint
                            value=pin errors=errors secret=Secret::Pin on_enter=set_up_cb />
                        <PasswordInput id="pin-confirm" label=tr::operator_confirm_pin_label value=confirm
                            errors=errors secret=Secret::Pin on_enter=set_up_cb />
                        <Button on_click=move |_| set_up()>{t(tr::operator_set_pin)}</Button>
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
