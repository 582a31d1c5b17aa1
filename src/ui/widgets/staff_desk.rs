//! The frame of a staff desk page (the back office, the complaint desk):
//! the way back to the list, the page heading with the record's reference,
//! and the banner that says this is a demonstration.
//!
//! Accessibility acceptance criteria:
//! - the back link comes first, then the page heading (focusable `<h1>`)
//!   with the reference as its caption;
//! - the demonstration banner is a warning in words.

use leptos::prelude::*;
use leptos_router::components::A;

use super::notice::warning;
use super::page_heading::PageHeading;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};

/// "This is a demonstration of the staff's side."
pub fn staff_banner() -> impl IntoView {
    warning(t(tr::staff_banner))
}

#[component]
pub fn StaffDesk(
    /// The list this record belongs to, and the link's text.
    back: &'static str,
    back_text: fn(Lang) -> &'static str,
    title: fn(Lang) -> &'static str,
    #[prop(into)] reference: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="page">
            <p><A href=back>{t(back_text)}</A></p>
            <PageHeading text=ts(title) caption=Signal::stored(reference) />
            {staff_banner()}
            {children()}
        </div>
    }
}
