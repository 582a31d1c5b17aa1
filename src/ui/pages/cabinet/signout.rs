//! `/cabinet/signout`: sign out, or sign out and remove my data from this
//! device (a shared or public computer). Says what each removes and what
//! stays before anything is done.
//!
//! Accessibility acceptance criteria:
//! - a page heading; what is removed and what stays are lists, read before
//!   the two buttons;
//! - the removing button is styled as a warning and says what it does;
//!   "Cancel" goes back to the cabinet;
//! - a refusal to save is said by the shell's storage notice, and the
//!   person stays signed in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::app::bundle::navigator;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::complaints::pending_drafts;
use crate::ui::state::session::sign_out_and_forget;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::page_heading::PageHeading;

/// `/cabinet/signout` for the signed-in `person` (the route asks for one).
pub fn sign_out_page(person: &'static Person) -> impl IntoView {
    let Ui { session, db, .. } = use_ui();
    let pending = pending_drafts();
    let navigate = navigator();
    let home = move || navigate(paths::HOME);
    let plain = {
        let home = home.clone();
        move |_| {
            session.sign_out();
            home();
        }
    };
    let forget = move |_| {
        if sign_out_and_forget(session, db, pending, person).is_ok() {
            home();
        }
    };
    view! {
        <div class="page page--narrow">
            <PageHeading text=ts(tr::signin_sign_out) />
            <p>{t(tr::signin_sign_out_intro)}</p>
            <h2>{t(tr::signin_forget_removed_heading)}</h2>
            <ul class="list">
                <li>{t(tr::signin_forget_drafts)}</li>
                <li>{t(tr::signin_forget_keys)}</li>
                <li>{t(tr::signin_forget_sms)}</li>
            </ul>
            <h2>{t(tr::signin_forget_kept_heading)}</h2>
            <p>{t(tr::signin_forget_kept)}</p>
            <div class="button-group">
                <Button on_click=plain>{t(tr::signin_sign_out)}</Button>
                <Button look=Look::Warning on_click=forget>{t(tr::signin_sign_out_forget)}</Button>
                <A href=paths::CABINET>{t(tr::common_cancel)}</A>
            </div>
        </div>
    }
}
