//! `/cabinet/complaints/:id`: a complaint's marks (delivered, registered,
//! executed, answered; F000 L51) with their times, the due date with "why
//! this date?", an overdue note, the answer, the escalation to the
//! quality-control authority and the right to go to court.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::complaint::{Addressee, Complaint};
use crate::engine::receipt;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::db::use_db;
use crate::ui::state::session::use_session;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::complaint_marks::{Marks, RegistrationDetails};
use crate::ui::widgets::complaint_summary::{ComplaintSummary, Part};
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::notice::{Notice, Tone};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::qr_code::SignedQr;
use crate::ui::widgets::tag::Tag;

/// A complaint's id and reference.
type Link = (String, String);

/// The complaints that escalate `c`, and the one `c` escalates.
fn family(c: &Complaint) -> (Vec<Link>, Option<Link>) {
    let db = use_db();
    db.complaints.with_untracked(|m| {
        (
            m.values()
                .filter(|x| x.escalated_from.as_deref() == Some(c.id.as_str()))
                .map(|x| (x.id.clone(), x.reference.clone()))
                .collect(),
            c.escalated_from
                .as_ref()
                .and_then(|p| m.get(p).map(|x| (x.id.clone(), x.reference.clone()))),
        )
    })
}

/// The registration, once made, signed by the portal's key
/// (`engine::receipt`) for the QR code; its holder is the signed-in person,
/// who filed the complaint.
fn registration_code(c: &Complaint) -> Option<String> {
    let iin = use_session().person_untracked()?.iin.clone();
    let statement = receipt::from::complaint(c, &iin).ok()?;
    receipt::issue(&statement, "portal").ok().map(|r| r.code)
}

#[component]
pub fn Tracker(complaint: Complaint) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let c = complaint;
    let (children, parent) = family(&c);
    // Changed only when the answer is late, not with every tick (a rebuilt
    // notice would drop the focus on its link).
    let overdue = {
        let c = c.clone();
        Memo::new(move |_| c.is_overdue(clock.now()))
    };
    let overdue_text =
        c.due.as_ref().map(|d| tr::complaint_track_overdue(lang, &format::date(d.date)));
    let new_complaint = paths::complaint_about(c.draft.application_ref.as_deref());
    let overdue_notice = {
        let new_complaint = new_complaint.clone();
        move || {
            let (text, href) = (overdue_text.clone(), new_complaint.clone());
            overdue.get().then(move || {
                view! {
                    <Notice tone=Tone::Warning alert=true>
                        <p>{text}</p>
                        <p><a class="button" href=href>{t(tr::complaint_track_overdue_action)}</a></p>
                    </Notice>
                }
            })
        }
    };
    let can_escalate = c.draft.addressee != Addressee::QualityControl && c.answer.is_some();
    let escalation = can_escalate.then(|| {
        if children.is_empty() {
            view! {
                <div class="escalate">
                    <p class="hint" id="escalate-hint">{t(tr::complaint_track_escalate_hint)}</p>
                    <p>
                        <a class="button" href=paths::escalation_of(&c.id) aria-describedby="escalate-hint">
                            {t(tr::complaint_track_escalate)}
                        </a>
                    </p>
                </div>
            }
            .into_any()
        } else {
            children
                .into_iter()
                .map(|(cid, cref)| view! {
                    <p><A href=paths::complaint(&cid)>{tr::complaint_track_escalated(lang, &cref)}</A></p>
                })
                .collect_view()
                .into_any()
        }
    });

    view! {
        <div class="page">
            <PageHeading text=ts(tr::complaint_track_title) caption=Signal::stored(c.reference.clone()) />
            <p>
                <strong>{t(tr::complaint_track_status)} ": "</strong>
                <Tag of=c.status() />
            </p>
            {parent.map(|(pid, pref)| view! {
                <p><A href=paths::complaint(&pid)>{tr::complaint_track_escalated_from(lang, &pref)}</A></p>
            })}
            {overdue_notice}
            <h2>{t(tr::complaint_track_marks_heading)}</h2>
            <Marks complaint=c.clone() />
            <h2>{t(tr::complaint_filed_registration_heading)}</h2>
            <RegistrationDetails complaint=c.clone() />
            {registration_code(&c).map(|code| view! {
                <SignedQr code=code label=tr::confirm_qr_label(lang, &c.reference) />
            })}
            {c.answer.clone().map(|a| view! {
                <section class="complaint-answer" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{t(tr::complaint_track_answer_heading)}</h2>
                    <p><span class="tag">{a.kind.label(lang)}</span> " " {format::date_time(a.at)}</p>
                    <p class="complaint-text">{a.text}</p>
                </section>
            })}
            {escalation}
            {c.court_notice().cloned().map(|item| view! {
                <section class="court" aria-labelledby="court-heading">
                    <h2 id="court-heading">{t(tr::complaint_track_court_heading)}</h2>
                    <p>{t(tr::complaint_track_court)}</p>
                    <p class="small"><LawText text=item.text /> " " <LegalBasis provenance=item.provenance /></p>
                </section>
            })}
            <h2>{t(tr::complaint_sign_check_heading)}</h2>
            <ComplaintSummary
                draft=c.draft.clone()
                parts=vec![Part::Filed(c.filed_at), Part::Application, Part::Addressee, Part::Subject, Part::Text]
            />
            <p><A href=paths::CABINET>{t(tr::confirm_cabinet_link)}</A></p>
        </div>
    }
}
