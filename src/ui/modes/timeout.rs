//! The kiosk's timeout warning, before everything the visitor left is
//! wiped.
//!
//! Accessibility acceptance criteria:
//! - a modal `<dialog>` (focus kept inside by the browser), named by its
//!   heading and described by its text;
//! - "Continue" has focus when it opens; Escape means "Continue" too;
//! - "Continue" closes the dialog (not only removes it), so focus returns
//!   to where the visitor was;
//! - the countdown is written out every second but announced
//!   (`aria-live="assertive"`) only every 15 seconds.

use leptos::prelude::*;

use super::kiosk::{use_kiosk, wipe};
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::button::{Button, Look};

#[component]
pub fn TimeoutWarning() -> impl IntoView {
    let kiosk = use_kiosk();
    let lang = use_lang();
    let dialog: NodeRef<leptos::html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
    // Closed first, so the browser gives focus back to where it was before
    // the dialog opened; then the session goes on and the dialog goes.
    let carry_on = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
        kiosk.extend();
    };
    let announced = move || {
        kiosk
            .left
            .get()
            .map(|s| tr::kiosk_timeout_announce(lang, &(s.div_ceil(15) * 15).to_string()))
    };
    view! {
        <Show when=move || kiosk.left.get().is_some()>
            <dialog
                class="timeout"
                node_ref=dialog
                aria-labelledby="timeout-title"
                aria-describedby="timeout-text"
                on:cancel=move |ev: web_sys::Event| {
                    // Escape means "continue", like the button.
                    ev.prevent_default();
                    carry_on();
                }
            >
                <h2 id="timeout-title">{t(tr::kiosk_timeout_title)}</h2>
                <p id="timeout-text">
                    {move || tr::kiosk_timeout_text(lang, &kiosk.left.get().unwrap_or(0).to_string())}
                </p>
                <p class="visually-hidden" aria-live="assertive">{announced}</p>
                <div class="button-group">
                    <button type="button" class="button" autofocus on:click=move |_| carry_on()>
                        {t(tr::kiosk_timeout_continue)}
                    </button>
                    <Button look=Look::Secondary on_click=move |_| wipe()>
                        {t(tr::kiosk_timeout_finish)}
                    </Button>
                </div>
            </dialog>
        </Show>
    }
}
