//! A page about one record (an application or a complaint, for its owner or
//! for the staff desks), found by a route parameter: the record's view,
//! rebuilt on every change to the record (another tab's too), or a "not
//! found" page.
//!
//! Accessibility acceptance criteria:
//! - the outcome of an action on the record (done, refused, changed in
//!   another tab) is written in the record's view and announced by an
//!   [`Announcer`] that lives outside it, so it is heard once even though
//!   the view is rebuilt by the very change it reports;
//! - the page's tools (the demo clock) live outside the rebuilt part too,
//!   so focus and a running demo survive a change of the record;
//! - when the rebuild removes the control that had focus (the button just
//!   pressed), focus moves to the page's `<h1>`, never lost to the body.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::announcer::Announcer;
use super::not_found::Missing;
use super::page_heading::refocus_if_lost;
use crate::i18n::{Lang, tr};
use crate::ui::paths;
use crate::ui::state::db::{Db, use_db};
use crate::ui::state::session::use_session;

/// What a record's view gets: the record, and where to say what an action
/// did.
pub type Outcome = RwSignal<Option<String>>;

#[component]
pub fn RecordPage<T, F, S, SV, M, MV>(
    /// The route parameter that names the record.
    param: &'static str,
    /// The record for that name (reactive), if there is one to show.
    find: F,
    /// The record's view.
    show: S, /// The page when there is none.
    missing: M,
    /// Announce action outcomes (pages where the user acts on the record).
    #[prop(optional)]
    announce: bool,
    /// Tools shown after the record (or always, with `always_tools`).
    #[prop(optional_no_strip)]
    tools: Option<ViewFn>,
    #[prop(optional)] always_tools: bool,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Fn(&str) -> Option<T> + Send + Sync + 'static,
    S: Fn(T, Outcome) -> SV + Send + Sync + 'static,
    SV: IntoView + 'static,
    M: Fn() -> MV + Send + Sync + 'static,
    MV: IntoView + 'static,
{
    let params = use_params_map();
    let name = Memo::new(move |_| params.read().get(param).unwrap_or_default());
    let record = Memo::new(move |_| find(&name.get()));
    refocus_if_lost(record);
    let found = move || record.with(|r| r.is_some());
    let outcome: Outcome = RwSignal::new(None);
    view! {
        {move || match record.get() {
            Some(r) => show(r, outcome).into_any(),
            None => missing().into_any(),
        }}
        {announce.then(|| view! { <Announcer text=outcome /> })}
        {tools.map(|tools| view! {
            <Show when=move || always_tools || found()>
                {tools.run()}
            </Show>
        })}
    }
}

/// A record of the signed-in person, named by the route parameter `param`
/// and found by `of(db, name, iin)` — someone else's record, or none, is
/// "not found" (`not_found` says what), with a link back to the cabinet.
#[component]
pub fn OwnRecordPage<T, S, SV>(
    param: &'static str, of: fn(Db, &str, Option<&str>) -> Option<T>, show: S,
    not_found: fn(Lang) -> &'static str, #[prop(optional)] announce: bool,
    /// Tools shown after the record.
    #[prop(optional, into)]
    tools: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    S: Fn(T, Outcome) -> SV + Send + Sync + 'static,
    SV: IntoView + 'static,
{
    let db = use_db();
    let session = use_session();
    view! {
        <RecordPage param=param find=move |name: &str| of(db, name, session.iin()) show=show
            missing=move || view! { <Missing body=not_found href=paths::CABINET link=tr::confirm_cabinet_link /> }
            announce=announce tools=tools />
    }
}
