//! What a complaint says, as a summary list: the rows each page needs, in
//! the order it asks for them (the citizen checking before signing, the
//! tracker, the desk).
//!
//! Accessibility acceptance criteria: those of the summary list (with its
//! Change links when the citizen checks the complaint); the
//! citizen's text is shown as text, verbatim (markup and scripts stay
//! characters).

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::summary_list::{SummaryList, answer_row, row};
use crate::engine::catalog;
use crate::engine::complaint::ComplaintDraft;
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::Label;
use crate::ui::state::prefs::use_lang;

/// One row of a complaint's summary.
#[derive(Clone, Copy)]
pub enum Part {
    Service,
    /// When it was delivered.
    Filed(DateTime<Utc>),
    /// Who wrote it, under "From".
    From,
    /// Who wrote it, under "You".
    You,
    Application,
    Addressee,
    Subject,
    Text,
    Address,
    Phone,
}

/// The name of a service in `lang`.
pub fn service_name(lang: Lang, id: ServiceId) -> String {
    catalog::service(id).name.text.get(lang).to_string()
}

/// A row's key and value, or `None` when the complaint has nothing for it.
fn part(lang: Lang, d: &ComplaintDraft, p: Part) -> Option<(String, String)> {
    let name = || format::full_name(&d.surname, &d.name, d.patronymic.as_deref());
    let (key, value) = match p {
        Part::Service => (tr::complaint_filed_service(lang), service_name(lang, d.service)),
        Part::Filed(at) => (tr::complaint_filed_delivered_at(lang), format::date_time(at)),
        Part::From => (tr::complaint_desk_from(lang), name()),
        Part::You => (tr::complaint_form_you_heading(lang), name()),
        Part::Application => (tr::complaint_track_application(lang), d.application_ref.clone()?),
        Part::Addressee => (tr::complaint_track_addressee(lang), d.addressee.label(lang).into()),
        Part::Subject => (tr::complaint_track_subject(lang), d.subject.label(lang).into()),
        Part::Text => (tr::complaint_track_text(lang), d.text.clone()),
        Part::Address => (tr::complaint_form_address(lang), d.postal_address.clone()),
        Part::Phone => (tr::complaint_form_phone(lang), d.phone.clone()),
    };
    Some((key.to_string(), value))
}

#[component]
pub fn ComplaintSummary(
    draft: ComplaintDraft, parts: Vec<Part>, #[prop(optional)] class: Option<&'static str>,
    /// "Check your answers": where each row is changed (`None`: it cannot be).
    #[prop(optional)]
    change: Option<Callback<Part, Option<String>>>,
) -> impl IntoView {
    let lang = use_lang();
    let rows: Vec<AnyView> = parts
        .into_iter()
        .filter_map(|p| {
            let (key, value) = part(lang, &draft, p)?;
            Some(match change {
                Some(href) => answer_row(key, value, href.run(p)).into_any(),
                None => row(key, value).into_any(),
            })
        })
        .collect();
    match class {
        Some(c) => view! { <SummaryList class=c>{rows}</SummaryList> }.into_any(),
        None => view! { <SummaryList>{rows}</SummaryList> }.into_any(),
    }
}
