//! The header's link to the citizen's notifications, with the count of
//! unread ones.
//!
//! Accessibility acceptance criteria:
//! - the link's name includes the unread count in words ("3 new"), not a
//!   badge's colour alone.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::db::use_db;
use crate::ui::state::notify::{notes, use_seen};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::session::use_session;

#[component]
pub fn NotificationsLink() -> impl IntoView {
    let lang = use_lang();
    let (db, seen, session) = (use_db(), use_seen(), use_session());
    let unread = Memo::new(move |_| {
        let me = session.iin();
        notes(db, seen, me).iter().filter(|n| n.unread).count()
    });
    view! {
        <a href="/apply/notifications">
            {t(tr::notify_link)}
            <Show when=move || { unread.get() > 0 }>
                " " <span class="badge">{move || tr::notify_unread(lang, &unread.get().to_string())}</span>
            </Show>
        </a>
    }
}
