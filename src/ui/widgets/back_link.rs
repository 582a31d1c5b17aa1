//! The back link (GOV.UK "back link"): to the previous page of a journey.
//!
//! Accessibility acceptance criteria:
//! - a real link (`<a href>`), so it works by keyboard and without the
//!   history, named "Back" in the page's language;
//! - it comes before the page's heading and error summary.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::ui::labels::t;

#[component]
pub fn BackLink(#[prop(into)] href: Signal<String>) -> impl IntoView {
    view! {
        <A href=move || href.get() attr:class="back-link">{t(tr::common_back)}</A>
    }
}
