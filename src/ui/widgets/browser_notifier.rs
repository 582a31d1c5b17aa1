//! Browser notifications of the citizen's applications while a page of the
//! apply or cabinet bundle is open.
//!
//! Accessibility acceptance criteria:
//! - a browser notification is shown only where the visitor allowed it,
//!   in the visitor's language (`lang`);
//! - it never feeds back into the page: what was announced is kept outside
//!   the reactive graph, and nothing is rendered.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::Label;
use crate::ui::state::db::use_db;
use crate::ui::state::notify::{notes, use_seen};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::session::use_session;

/// Shows a browser notification for each new event while the page is open,
/// where the visitor allowed it.
#[component]
pub fn BrowserNotifier() -> impl IntoView {
    let lang = use_lang();
    let (db, seen, session) = (use_db(), use_seen(), use_session());
    let announced = StoredValue::new(None::<usize>);
    let all = Memo::new(move |_| {
        let me = session.iin();
        notes(db, seen, me)
    });
    Effect::new(move |_| {
        let list = all.get();
        let total = list.len();
        let before = announced.get_value();
        announced.set_value(Some(total));
        let Some(before) = before else { return };
        if total <= before
            || web_sys::Notification::permission() != web_sys::NotificationPermission::Granted
        {
            return;
        }
        for n in list.iter().take(total - before) {
            let opts = web_sys::NotificationOptions::new();
            opts.set_body(&tr::notify_item(lang, &n.reference, n.transition.label(lang)));
            opts.set_lang(lang.code());
            let _ = web_sys::Notification::new_with_options(tr::app_name(lang), &opts);
        }
    });
}
