//! `/cabinet/tickets/:reference`: a booking — reference and QR, office and
//! time, the personal checklist with its legal basis, the result date to
//! expect with "why this date?", its history; move or cancel it while it
//! is upcoming.

use leptos::prelude::*;

use crate::engine::receipt;

use super::failure_message;
use crate::engine::catalog;
use crate::engine::queue::{self, ChecklistItem, ChecklistKind, SlotRef, Ticket, TicketEvent};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::tickets::{self, ticket_of};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::notice::Notice;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::qr_code::ReceiptQr;
use crate::ui::widgets::record_page::{Outcome, OwnRecordPage};
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::why_this_date::WhyThisDate;

/// "02.12.2026, 10:00–10:15".
pub fn slot_text(s: &SlotRef) -> String {
    format!("{}, {}–{}", format::date(s.date), s.start, s.end)
}

fn office_name(lang: Lang, id: &str) -> String {
    queue::office(id)
        .map(|o| format!("{}, {}", o.name.get(lang), o.address.get(lang)))
        .unwrap_or_else(|| id.to_string())
}

fn event_text(lang: Lang, e: &TicketEvent) -> String {
    match e {
        TicketEvent::Booked { at, slot, .. } => {
            tr::ticket_event_booked(lang, &format::date_time(*at), &slot_text(slot))
        }
        TicketEvent::Moved { at, from, to, .. } => {
            tr::ticket_event_moved(lang, &format::date_time(*at), &slot_text(from), &slot_text(to))
        }
        TicketEvent::Cancelled { at } => tr::ticket_event_cancelled(lang, &format::date_time(*at)),
    }
}

fn checklist(items: Vec<ChecklistItem>, kind: ChecklistKind) -> impl IntoView {
    items
        .into_iter()
        .filter(|i| i.kind == kind)
        .map(|i| {
            view! {
                <li><LawText text=i.text /> <LegalBasis provenance=i.provenance /></li>
            }
        })
        .collect_view()
}

#[component]
pub fn TicketPage() -> impl IntoView {
    view! {
        <OwnRecordPage param="reference" of=ticket_of announce=true not_found=tr::ticket_not_found
            show=|t, said| view! { <TicketView ticket=t said=said /> } />
    }
}

/// The ticket signed by its office's key (`engine::receipt`), for the QR
/// code; `None` for an office without a key or an invalid IIN.
fn signed_code(t: &Ticket) -> Option<String> {
    let statement = receipt::from::ticket(t).ok()?;
    let issuer = receipt::issuer::of_office(&t.office)?;
    receipt::issue(&statement, &issuer.id).ok().map(|r| r.code)
}

#[component]
fn TicketView(ticket: Ticket, said: Outcome) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let status = ticket.status_at(clock.now_untracked());
    let upcoming = status == queue::TicketStatus::Upcoming;
    let reference = ticket.reference.clone();
    let cancel = {
        let reference = reference.clone();
        move |_| {
            let seen = tickets::seen(db);
            match tickets::change(db, |all| all.cancel(seen, &reference, clock.now_untracked())) {
                Ok(_) => said.set(Some(tr::ticket_cancelled(lang).into())),
                Err(f) => {
                    if let Some(m) = failure_message(lang, &f) {
                        said.set(Some(m));
                    }
                }
            }
        }
    };
    let service = catalog::service(ticket.service).name.text.get(lang).to_string();
    let rows = view! {
        {row(tr::ticket_status(lang), status.label(lang))}
        {row(tr::ticket_service(lang), service)}
        {row(tr::ticket_purpose(lang), ticket.purpose.label(lang))}
        {row(tr::ticket_office(lang), office_name(lang, &ticket.office))}
        {row(tr::ticket_time(lang), slot_text(&ticket.slot))}
    };
    let items = ticket.checklist.clone();
    let has_notes = items.iter().any(|i| i.kind == ChecklistKind::Note);
    view! {
        <div class="page">
            <div class="panel">
                <PageHeading text=ts(tr::ticket_title) />
                <p>{t(tr::ticket_reference)}</p>
                <p class="panel__ref">{reference.clone()}</p>
            </div>
            <p>{move || said.get()}</p>
            <section class="receipt" aria-labelledby="ticket-heading">
                <h2 id="ticket-heading">{t(tr::ticket_details_heading)}</h2>
                <div class="receipt__body">
                    <SummaryList>{rows}</SummaryList>
                    <ReceiptQr code=signed_code(&ticket) reference=reference.clone() label=tr::ticket_qr_label(lang, &reference) />
                </div>
            </section>
            {ticket.expected.clone().map(|e| view! {
                <h2>{t(tr::ticket_expected_heading)}</h2>
                <p class="deadline">{tr::book_expected(lang, &format::date(e.deadline.due))}</p>
                <WhyThisDate explanation=e.deadline.explanation />
            })}
            <h2>{t(tr::ticket_checklist_heading)}</h2>
            <ul class="checklist">{checklist(items.clone(), ChecklistKind::Bring)}</ul>
            {has_notes.then(|| view! {
                <h2>{t(tr::ticket_notes_heading)}</h2>
                <ul>{checklist(items, ChecklistKind::Note)}</ul>
            })}
            <h2>{t(tr::ticket_history_heading)}</h2>
            <ol class="events">
                {ticket.history.iter().map(|e| view! { <li>{event_text(lang, e)}</li> }).collect_view()}
            </ol>
            {upcoming.then(|| view! {
                <Notice>
                    <div class="button-group">
                        <a class="button button--secondary" href=paths::move_ticket(&reference)>{t(tr::ticket_move)}</a>
                        <Button look=Look::Warning on_click=cancel>{t(tr::ticket_cancel)}</Button>
                    </div>
                </Notice>
            })}
            <p><a href=paths::CABINET>{t(tr::confirm_cabinet_link)}</a></p>
        </div>
    }
}
