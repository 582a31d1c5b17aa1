//! Complaints in the cabinet's bundle (F000 «Порядок обжалования»): the form,
//! one question per page, checking and signing like an application, the confirmation, and following it.

mod filed;
mod form;
mod sign;
mod steps;
mod tracker;

pub use form::{complaint_form_page, complaint_question_page};
pub use sign::complaint_sign_page;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::state::complaints::complaint_of;
use crate::ui::widgets::record_page::OwnRecordPage;

/// A page for the complaint `:id` of the signed-in person, or "not found"
/// (someone else's complaint counts as not found). Rebuilt when it changes.
fn own_complaint<V: IntoView + 'static>(
    show: fn(crate::engine::complaint::Complaint) -> V,
) -> impl IntoView {
    view! {
        <OwnRecordPage param="id" of=complaint_of not_found=tr::complaint_track_not_found
            show=move |c, _| show(c) />
    }
}

/// `/cabinet/complaint/filed/:id`: the confirmation.
#[component]
pub fn ComplaintFiledPage() -> impl IntoView {
    own_complaint(|c| view! { <filed::Filed complaint=c /> })
}

/// `/cabinet/complaints/:id`: the tracker.
#[component]
pub fn ComplaintTrackerPage() -> impl IntoView {
    own_complaint(|c| view! { <tracker::Tracker complaint=c /> })
}
