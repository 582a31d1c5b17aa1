//! "Page not found" (GOV.UK "page not found" pattern), for an unknown
//! address and for a record that is not there (or not the visitor's: a
//! record of someone else counts as not found).
//!
//! Accessibility acceptance criteria:
//! - a heading saying the page is not there, then what to do, then one
//!   link out (home, the cabinet, the list);
//! - a missing record has the page heading (focusable `<h1>`, document
//!   title); the route fallback keeps its plain `<h1>`.

use leptos::prelude::*;
use leptos_router::components::A;

use super::page_heading::PageHeading;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};

/// The route fallback: an address no page has.
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

/// A record that is not there: a heading (by default "Page not found"), a
/// sentence and a link out.
#[component]
pub fn Missing(
    #[prop(optional)] heading: Option<fn(Lang) -> &'static str>,
    #[prop(optional)] body: Option<fn(Lang) -> &'static str>, #[prop(into)] href: String,
    link: fn(Lang) -> &'static str,
) -> impl IntoView {
    view! {
        <div class="page">
            <PageHeading text=ts(heading.unwrap_or(tr::not_found_title)) />
            {body.map(|b| view! { <p>{t(b)}</p> })}
            <p><A href=href>{t(link)}</A></p>
        </div>
    }
}
