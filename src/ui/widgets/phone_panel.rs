//! The simulated phone: where SMS codes arrive in this demonstration.
//!
//! Accessibility acceptance criteria:
//! - absent until the first SMS; then an `<aside>` landmark named by its
//!   heading (`aria-labelledby="phone-title"`);
//! - the screen is a polite log (`role="log"`, `aria-live="polite"`,
//!   `aria-atomic="true"`): a new SMS is announced once, as one sentence
//!   with the code in groups of three digits, while the visual text (the
//!   sender and the message) is hidden from screen readers so the code is
//!   not read twice.

use leptos::prelude::*;

use crate::engine::signing::otp;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::t;
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;

#[component]
pub fn PhonePanel() -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let latest = Memo::new(move |_| db.sms.with(|v| v.last().cloned()));
    view! {
        <Show when=move || latest.get().is_some()>
            <aside class="phone" aria-labelledby="phone-title">
                <h2 id="phone-title" class="phone__title">{t(tr::otp_phone_title)}</h2>
                <p class="phone__hint">{t(tr::otp_phone_hint)}</p>
                <div class="phone__screen" role="log" aria-live="polite" aria-atomic="true">
                    {move || latest.get().map(|s| view! {
                        <p class="phone__sms">
                            <span class="visually-hidden">{tr::otp_sms_arrived(lang, &otp::spaced(&s.code))} ". "</span>
                            <strong aria-hidden="true">{tr::otp_sms_from(lang)}</strong>
                            " "
                            <span class="phone__time">{format::time(s.sent_at)}</span>
                            <br />
                            <span aria-hidden="true">{tr::otp_sms_text(lang, &otp::spaced(&s.code))}</span>
                        </p>
                    })}
                </div>
            </aside>
        </Show>
    }
}
