//! The back office's role switch (clerk, head, executor, State
//! Corporation), remembered and shared by tabs.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::{Label, ts};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::staff::{STAFF_ROLES, role_slug, use_role};
use crate::ui::widgets::radios::{Radios, enum_choices};

#[component]
pub fn RoleSwitch() -> impl IntoView {
    let lang = use_lang();
    let role = use_role();
    view! {
        <Radios name="role" legend=ts(tr::staff_role_question)
            choices=Signal::stored(enum_choices(&STAFF_ROLES, role_slug, |r| r.label(lang).to_string()))
            selected=Signal::derive(move || Some(role_slug(role.get()).to_string()))
            on_select=Callback::new(move |v: String| role.set(v)) />
    }
}
