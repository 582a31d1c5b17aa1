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

use super::demo_clock::DemoClock;
use super::not_found::NotFound;
use super::notice::warning;
use super::page_heading::PageHeading;
use super::record_page::{Outcome, RecordPage};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};
use crate::ui::state::db::{Db, Kept, use_db};

/// "This is a demonstration of the staff's side."
pub fn staff_banner() -> impl IntoView {
    warning(t(tr::staff_banner))
}

#[component]
pub fn StaffDesk(
    /// The list this record belongs to, and the link's text.
    back: &'static str,
    back_text: fn(Lang) -> &'static str, title: fn(Lang) -> &'static str,
    #[prop(into)] reference: String, children: Children,
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

/// Every record of a kind in this browser, newest first, as `list` (the
/// state's listing, given no one's IIN) gives them: the staff see
/// everyone's (reactive).
pub fn every_record<T>(list: fn(Db, Option<&str>) -> Vec<T>) -> Memo<Vec<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    let db = use_db();
    Memo::new(move |_| list(db, None))
}

/// A staff desk's page for the record the route's `param` names (found
/// where its kind is [`Kept`]): the desk, rebuilt on every change to the
/// record, with its outcomes announced and the demo clock after it (see
/// [`RecordPage`]); "not found" for no such record.
pub fn staff_record_page<T, SV>(
    param: &'static str, show: impl Fn(T, Outcome) -> SV + Send + Sync + 'static,
) -> impl IntoView
where
    T: Kept,
    SV: IntoView + 'static,
{
    let records = T::kept_in(use_db());
    let find = move |key: &str| records.record(key);
    view! {
        <RecordPage param=param find=find show=show missing=|| view! { <NotFound /> } announce=true
            tools=Some(ViewFn::from(|| view! { <div class="page page--tools"><DemoClock /></div> })) always_tools=true />
    }
}
