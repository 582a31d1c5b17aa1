//! `/corporation/hall`: the State Corporation hall (issue 13 §2), a demonstration
//! for an employee: choose the office, hand out walk-in tickets, call the
//! next citizen to a window, finish or mark absent, and follow each
//! ticket's waiting and service times against the legal maximums, with the
//! day's dashboard. The queue's assumptions are shown where they apply.

mod table;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::queue::{self, Hall, HallError, Purpose};
use crate::engine::service::ServiceId;
use crate::engine::source::{Lang, Provenance};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::hall::{self, HallAction};
use crate::ui::state::store::Refused;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::demo_clock::DemoClock;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, clear_if_any, message_for};
use crate::ui::widgets::legal_basis::law_notice;
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::page_heading::{PageHeading, refocus_later};
use crate::ui::widgets::radios::{Choice, Radios};
use crate::ui::widgets::text_field::TextField;

/// What a walk-in can come for (S2's collection is the one purpose the
/// queue offers besides handing in; its wait is a marked reading).
const KINDS: [(&str, ServiceId, Purpose); 4] = [
    ("S1-hand-in", ServiceId::S1, Purpose::HandIn),
    ("S2-hand-in", ServiceId::S2, Purpose::HandIn),
    ("S2-collect", ServiceId::S2, Purpose::Collect),
    ("S3-hand-in", ServiceId::S3, Purpose::HandIn),
];

pub(super) fn purpose_label(lang: Lang, p: Purpose) -> &'static str {
    match p {
        Purpose::HandIn => tr::hall_purpose_hand_in(lang),
        Purpose::Collect => tr::hall_purpose_collect(lang),
    }
}

/// One of the queue's assumptions where the employee meets it: its note,
/// and its basis marked "Assumption".
pub(super) fn assumption(p: &Provenance) -> impl IntoView + use<> {
    p.note.clone().map(|n| law_notice(n, p.clone()))
}

/// The ticket's label ("W001") for its number, or the number.
fn label_of(h: &Hall, number: u32) -> String {
    h.get(number).map(|t| t.label()).unwrap_or_else(|| number.to_string())
}

/// What the employee is told after an action on `hall` (as it was shown).
fn outcome(
    lang: Lang, shown: &Hall, done: Result<queue::HallTicket, Refused<HallError>>,
) -> Option<(bool, String)> {
    let said = match done {
        Ok(t) => {
            let ticket = t.label();
            let text = match (t.state(), t.window) {
                (queue::TicketState::Waiting, _) => tr::hall_taken(lang, &ticket),
                (queue::TicketState::InService, w) => {
                    tr::hall_called(lang, &ticket, &w.unwrap_or(1).to_string())
                }
                (queue::TicketState::Served, _) => tr::hall_finished(lang, &ticket),
                (queue::TicketState::Absent, _) => tr::hall_marked_absent(lang, &ticket),
            };
            return Some((true, text));
        }
        // The store shows its own notice.
        Err(Refused::NotSaved) => return None,
        Err(Refused::Stale { .. } | Refused::Missing | Refused::Rule(HallError::Stale(_))) => {
            tr::hall_changed(lang).to_string()
        }
        Err(Refused::Rule(HallError::NobodyWaiting)) => tr::hall_nobody(lang).to_string(),
        Err(Refused::Rule(HallError::NotHere { .. })) => {
            tr::hall_checkin_not_here(lang).to_string()
        }
        Err(Refused::Rule(HallError::Cancelled { .. })) => {
            tr::hall_checkin_cancelled(lang).to_string()
        }
        Err(Refused::Rule(HallError::AlreadyCheckedIn { number, .. })) => {
            tr::hall_checkin_already(lang, &label_of(shown, number))
        }
        Err(Refused::Rule(HallError::WindowBusy { window, number })) => {
            // Placeholders in the order of the English text: window, ticket.
            tr::hall_window_busy(lang, &window.to_string(), &label_of(shown, number))
        }
        Err(Refused::Rule(_)) => tr::hall_not_allowed(lang).to_string(),
    };
    Some((false, said))
}

#[component]
pub fn HallPage() -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let first = queue::offices().first().map(|o| o.id.clone()).unwrap_or_default();
    let office = RwSignal::new(first);
    let window = RwSignal::new(Some("1".to_string()));
    let kind = RwSignal::new(None::<String>);
    // The one form's error, in the page's summary and at its field.
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let said = RwSignal::new(None::<(bool, String)>);
    let today = clock.date();
    let shown = Memo::new(move |_| office.with(|o| hall::hall(db, o, today.get())));
    let windows =
        Memo::new(move |_| office.with(|o| queue::office(o).map(|o| o.windows).unwrap_or(1)));

    // Acts on the hall as shown (its office, day and revision).
    let run = move |action: HallAction| {
        let h = shown.get_untracked();
        let now: DateTime<Utc> = clock.now_untracked();
        let date: NaiveDate = h.date;
        let done = hall::act(db, &h.office, date, h.rev, action, now);
        said.set(outcome(lang, &h, done));
        // Finish and Absent remove the pressed button with its row's
        // actions: focus goes to the table's heading, not the body.
        refocus_later("#hall-tickets");
    };
    let refuse = move |field: &str, message: &str| {
        errors.set(vec![ErrorItem::new(field, message)]);
    };
    let take = move |_| {
        let chosen = kind
            .with_untracked(|k| KINDS.into_iter().find(|(slug, ..)| k.as_deref() == Some(*slug)));
        match chosen {
            Some((_, s, p)) => {
                errors.set(Vec::new());
                run(HallAction::WalkIn(s, p));
            }
            None => refuse("kind", tr::hall_kind_error(lang)),
        }
    };
    let reference = RwSignal::new(String::new());
    let check_in = move |_| match hall::booking(db, &reference.get_untracked()) {
        Some(t) => {
            errors.set(Vec::new());
            run(HallAction::CheckIn(Box::new(t)));
        }
        None => refuse("booking", tr::hall_checkin_unknown(lang)),
    };
    let call = move |_| {
        let w = window.get_untracked().and_then(|w| w.parse().ok()).unwrap_or(1);
        run(HallAction::CallNext(w));
    };

    let office_choices = queue::offices()
        .iter()
        .map(|o| Choice::hinted(o.id.clone(), o.name.get(lang), o.address.get(lang)))
        .collect::<Vec<_>>();
    let kind_choices = KINDS
        .iter()
        .map(|(slug, s, p)| {
            Choice::hinted(
                *slug,
                tr::hall_kind_label(lang, s.as_str(), purpose_label(lang, *p)),
                service_name(lang, *s),
            )
        })
        .collect::<Vec<_>>();
    let window_choices = Signal::derive(move || {
        (1..=windows.get())
            .map(|n| Choice::new(n.to_string(), tr::hall_window(lang, &n.to_string())))
            .collect::<Vec<_>>()
    });
    let office_name =
        move || office.with(|o| queue::office(o).map(|o| o.name.get(lang).to_string()));
    let a = queue::assumptions();

    view! {
        <div class="page hall">
            <p><A href=paths::STAFF>{t(tr::hall_back)}</A></p>
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::hall_title) />
            {warning(t(tr::hall_banner))}
            <p>{t(tr::hall_intro)}</p>
            <Radios name="office" legend=ts(tr::hall_office_question)
                choices=Signal::stored(office_choices)
                selected=Signal::derive(move || Some(office.get()))
                on_select=Callback::new(move |v: String| {
                    office.set(v);
                    window.set(Some("1".to_string()));
                    said.set(None);
                }) />
            <p class="hall__today">
                {move || tr::hall_today(lang, &format::date(today.get()), &office_name().unwrap_or_default())}
            </p>

            <section aria-labelledby="hall-take">
                <h2 id="hall-take">{t(tr::hall_take_heading)}</h2>
                <Radios name="kind" legend=ts(tr::hall_kind_question)
                    choices=Signal::stored(kind_choices)
                    selected=kind
                    on_select=Callback::new(move |v: String| {
                        kind.set(Some(v));
                        clear_if_any(errors, |e| e.field_id == "kind");
                    })
                    error=message_for(errors, "kind") />
                {assumption(&a.collect_wait)}
                <Button on_click=take>{t(tr::hall_take)}</Button>
            </section>

            <section aria-labelledby="hall-checkin">
                <h2 id="hall-checkin">{t(tr::hall_checkin_heading)}</h2>
                <TextField id="booking" label=ts(tr::hall_checkin_label) hint=ts(tr::hall_checkin_hint)
                    value=reference on_input=Callback::new(move |v: String| reference.set(v))
                    error=message_for(errors, "booking") />
                <Button on_click=check_in>{t(tr::hall_checkin)}</Button>
            </section>

            <section aria-labelledby="hall-call">
                <h2 id="hall-call">{t(tr::hall_call_heading)}</h2>
                {assumption(&a.call_order)}
                <Radios name="window" legend=ts(tr::hall_window_question)
                    choices=window_choices
                    selected=window
                    on_select=Callback::new(move |v: String| window.set(Some(v))) />
                {assumption(&a.capacity)}
                <Button on_click=call>{t(tr::hall_call)}</Button>
            </section>
            // What an action did, next to the buttons and above the table.
            <div role="status" class="hall__status">
                {move || said.get().map(|(ok, m)| view! {
                    <p class=if ok { "notice notice--success" } else { "notice notice--warning" }>{m}</p>
                })}
            </div>

            <table::Tickets shown=shown act=Callback::new(run) />
            <table::DayDashboard shown=shown />
            <DemoClock />
        </div>
    }
}
