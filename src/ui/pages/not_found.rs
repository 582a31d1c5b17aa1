use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::ui::prefs::use_lang;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page">
            <h1>{move || tr::not_found_title(lang.get())}</h1>
            <p>{move || tr::not_found_body(lang.get())}</p>
            <p><A href="/">{move || tr::not_found_home_link(lang.get())}</A></p>
        </div>
    }
}
