//! A page about one of the signed-in person's drafts (the route's
//! `:draft`): the wizard's questions, signing.
//!
//! Accessibility acceptance criteria: those of the page it shows, of
//! [`SignInNeeded`] when nobody is signed in, and of its "not found" page
//! when the draft is not theirs (someone else's draft counts as not there).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::sign_in_needed::SignInNeeded;
use crate::engine::identity::registry::Person;
use crate::ui::state::applications::owns_draft;
use crate::ui::state::db::use_db;
use crate::ui::state::session::use_session;

/// Memos, so that saving an answer (which rewrites the drafts) does not
/// rebuild the page: only a different draft or person does (and whatever
/// `show` reads itself, such as the step).
pub fn own_draft<V: IntoView + 'static, M: IntoView + 'static>(
    show: impl Fn(String, &'static Person) -> V + Send + Sync + 'static,
    missing: impl Fn() -> M + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    let db = use_db();
    let id = Memo::new(move |_| params.read().get("draft").unwrap_or_default());
    let person = Memo::new(move |_| session.person());
    let owned = Memo::new(move |_| owns_draft(db, &id.get(), person.get().map(|p| p.iin.as_str())));
    move || match person.get() {
        None => view! { <SignInNeeded /> }.into_any(),
        Some(_) if !owned.get() => missing().into_any(),
        Some(p) => show(id.get(), p).into_any(),
    }
}
