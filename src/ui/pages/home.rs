use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::prefs::use_lang;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page">
            <h1>{move || tr::home_title(lang.get())}</h1>
            <p class="lead">{move || tr::home_lead(lang.get())}</p>
            <h2>{move || tr::home_services_heading(lang.get())}</h2>
        </div>
    }
}
