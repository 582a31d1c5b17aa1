//! `/cabinet/complaint/filed/:id`: the confirmation of a filed complaint.

use leptos::prelude::*;

use crate::engine::complaint::Complaint;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::complaints::signed_with_eds;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::complaint_marks::RegistrationDetails;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::summary_list::{SummaryList, row};

#[component]
pub fn Filed(complaint: Complaint) -> impl IntoView {
    let lang = use_lang();
    let c = complaint;
    let reference = c.reference.clone();
    let service = service_name(lang, c.draft.service);
    let addressee = c.draft.addressee.label(lang);
    let filed_at = format::date_time(c.filed_at);
    let signed = if signed_with_eds(&c) {
        tr::complaint_filed_signed_eds(lang)
    } else {
        tr::complaint_filed_signed_otp(lang)
    };
    view! {
        <div class="page page--narrow">
            <div class="panel panel--success">
                <PageHeading text=ts(tr::complaint_filed_title) />
                <p class="panel__ref">{reference.clone()}</p>
            </div>
            <SummaryList>
                {row(tr::complaint_filed_reference(lang), reference)}
                {row(tr::complaint_filed_delivered_at(lang), filed_at)}
                {row(tr::complaint_filed_service(lang), service)}
                {row(tr::complaint_track_addressee(lang), addressee)}
                {row(tr::complaint_filed_signed(lang), signed)}
            </SummaryList>
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=c.clone() />
            <p><a class="button" href=paths::complaint(&c.id)>{t(tr::complaint_filed_track_link)}</a></p>
            <p><a href=paths::CABINET>{t(tr::confirm_cabinet_link)}</a></p>
        </div>
    }
}
