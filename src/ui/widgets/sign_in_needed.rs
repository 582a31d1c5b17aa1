//! "Sign in to continue": what a signed-out visitor sees on a page that
//! needs a person.
//!
//! Accessibility acceptance criteria:
//! - a page heading (focusable `<h1>`, document title) saying sign-in is
//!   needed;
//! - one link, styled as a button, to the sign-in page, which returns to
//!   this page afterwards (`?next=` with this path).

use leptos::prelude::*;
use leptos::reactive::graph::untrack_with_diagnostics;
use leptos_router::components::A;

use super::page_heading::PageHeading;
use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::session::use_session;

#[component]
pub fn SignInNeeded() -> impl IntoView {
    let here = leptos_router::hooks::use_location();
    let href = move || paths::sign_in_then(&here.pathname.get());
    view! {
        <div class="page">
            <PageHeading text=ts(tr::signin_needed) />
            <p><A href=href attr:class="button">{t(tr::signin_title)}</A></p>
        </div>
    }
}

/// A page for the signed-in person: `show` them their page, or "sign in"
/// when nobody is (rebuilt only when who is signed in changes). A page that
/// needs only the person is a plain function of the person, and its route
/// wraps it in this (`ui::app::routes`); a page that needs one of the
/// person's drafts goes through `draft_page::own_draft` instead.
///
/// `show` runs untracked, as a component's body does, and with the same
/// call `#[component]` makes (which keeps Leptos's debug-build warnings
/// about signals read outside a tracking context): the signals it reads
/// while building the page must not rebuild the whole page when they
/// change, only the parts of the view that read them.
pub fn for_person<V: IntoView + 'static>(
    show: impl Fn(&'static Person) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let person = Memo::new(move |_| session.person());
    move || match person.get() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(p) => untrack_with_diagnostics(|| show(p).into_any()),
    }
}
