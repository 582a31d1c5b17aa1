use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::ui::text::t;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>{t(tr::not_found_title)}</h1>
            <p>{t(tr::not_found_body)}</p>
            <p><A href="/">{t(tr::not_found_home_link)}</A></p>
        </div>
    }
}
