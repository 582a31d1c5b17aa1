//! The header's link to the citizen's notifications, with the count of
//! unread ones.
//!
//! Accessibility acceptance criteria:
//! - the link's name includes the unread count in words ("3 new"), not a
//!   badge's colour alone.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::paths;
use crate::ui::state::notify::use_unread;
use crate::ui::state::prefs::use_lang;

#[component]
pub fn NotificationsLink() -> impl IntoView {
    let lang = use_lang();
    let unread = use_unread().0;
    view! {
        <a href=paths::NOTIFICATIONS>
            {t(tr::notify_link)}
            <Show when=move || { unread.get() > 0 }>
                " " <span class="badge">{move || tr::notify_unread(lang, &unread.get().to_string())}</span>
            </Show>
        </a>
    }
}
