//! The cabinet's "My bookings at the State Corporation": every ticket, past
//! and cancelled ones kept, with a reminder of the next visit.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::identity::registry::Person;
use crate::engine::queue::{self, Ticket, TicketStatus};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::paths;
use crate::ui::state::tickets::tickets_of;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::notice::Notice;
use crate::ui::widgets::table::{Caption, DataTable};

fn when(t: &Ticket) -> String {
    format!("{}, {}–{}", format::date(t.slot.date), t.slot.start, t.slot.end)
}

#[component]
pub fn MyTickets(person: &'static Person) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let list = Memo::new(move |_| tickets_of(db, &person.iin));
    let office =
        move |id: &str| queue::office(id).map(|o| o.name.get(lang).to_string()).unwrap_or_default();
    // The next upcoming visit (the list is latest slot first).
    let next = Memo::new(move |_| {
        let now = clock.now();
        list.get()
            .into_iter()
            .filter(|t| t.status_at(now) == TicketStatus::Upcoming)
            .min_by_key(|t| t.slot.starts_at)
    });
    let row = move |t: Ticket| {
        let status = t.status_at(clock.now_untracked()).label(lang);
        let (href, reference, time) = (paths::ticket(&t.reference), t.reference.clone(), when(&t));
        view! {
            <tr>
                <td><A href=href>{reference}</A></td>
                <td>{office(&t.office)}</td>
                <td>{time}</td>
                <td>{status}</td>
            </tr>
        }
    };
    view! {
        <h2>{t(tr::cabinet_tickets_heading)}</h2>
        {move || next.get().map(|n| view! {
            <Notice><p>{tr::cabinet_ticket_reminder(lang, &office(&n.office), &when(&n))}</p></Notice>
        })}
        <Show when=move || !list.with(Vec::is_empty) fallback=move || view! { <p>{t(tr::cabinet_tickets_empty)}</p> }>
            <DataTable columns=vec![t(tr::cabinet_col_reference), t(tr::ticket_office), t(tr::ticket_time), t(tr::ticket_status)]
                caption=Some(Caption::Hidden(t(tr::cabinet_tickets_heading)))>
                <For each=move || list.get()
                    key=|t| (t.reference.clone(), t.history.len(), t.cancelled_at)
                    children=row />
            </DataTable>
        </Show>
        <p><A href=paths::BOOK>{t(tr::cabinet_book_link)}</A></p>
    }
}
