//! The hall's table of today's tickets and the day's dashboard.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::{assumption, purpose_label};
use crate::engine::queue::{Hall, Limit, Origin, Purpose, TicketState};
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::t;
use crate::ui::state::clock::use_clock;
use crate::ui::state::hall::HallAction;
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::legal_basis::LegalBasis;
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::table::{Caption, DataTable};

/// One ticket as the table shows it, to the minute.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    number: u32,
    label: String,
    service: ServiceId,
    purpose: Purpose,
    booked: bool,
    arrived: DateTime<Utc>,
    state: TicketState,
    window: Option<u32>,
    wait_min: i64,
    wait_limit: Option<Limit>,
    wait_over: bool,
    service_min: Option<i64>,
    service_limit: Option<Limit>,
    service_over: bool,
}

fn rows(h: &Hall, now: DateTime<Utc>) -> Vec<Row> {
    h.tickets
        .iter()
        .zip(h.views(now))
        .map(|(t, v)| Row {
            number: v.number,
            label: v.label,
            service: v.service,
            purpose: v.purpose,
            booked: matches!(t.origin, Origin::Booked { .. }),
            arrived: t.arrived_at,
            state: v.state,
            window: t.window,
            wait_min: v.wait_seconds / 60,
            wait_limit: v.wait_limit,
            wait_over: v.wait_over,
            service_min: v.service_seconds.map(|s| s / 60),
            service_limit: v.service_limit,
            service_over: v.service_over,
        })
        .collect()
}

fn minutes(lang: Lang, n: Option<i64>, limit: Option<Limit>) -> String {
    match (n, limit) {
        (None, _) => "—".to_string(),
        (Some(n), Some(l)) => tr::hall_minutes_of(lang, &n.to_string(), &l.minutes.to_string()),
        (Some(n), None) => tr::hall_minutes(lang, &n.to_string()),
    }
}

/// "Over the legal maximum" in words, with the limit's legal basis (and the
/// reading that applies it, for collecting).
fn overrun(lang: Lang, over: bool, limit: Option<Limit>) -> impl IntoView + use<> {
    over.then(|| {
        view! {
            " "
            <strong class="tag tag--late">{tr::hall_over(lang)}</strong>
            {limit.map(|l| view! {
                <LegalBasis provenance=l.provenance.clone() />
                {l.applied_by.map(|p| view! { <LegalBasis provenance=p.clone() /> })}
            })}
        }
    })
}

fn state_text(lang: Lang, r: &Row) -> String {
    match r.state {
        TicketState::Waiting => tr::hall_state_waiting(lang).into(),
        TicketState::InService => {
            tr::hall_state_at_window(lang, &r.window.unwrap_or(1).to_string())
        }
        TicketState::Served => tr::hall_state_served(lang).into(),
        TicketState::Absent => tr::hall_state_absent(lang).into(),
    }
}

/// A row, rebuilt when its state or an overrun changes; the minutes follow
/// the clock in place.
fn ticket_row(r: Row, all: Memo<Vec<Row>>, act: Callback<HallAction>) -> impl IntoView {
    let lang = use_lang();
    let n = r.number;
    let now_of = move |f: fn(&Row) -> String| {
        move || all.with(|rs| rs.iter().find(|x| x.number == n).map(f))
    };
    let wait = now_of(|x| minutes(use_lang(), Some(x.wait_min), x.wait_limit));
    let service = now_of(|x| minutes(use_lang(), x.service_min, x.service_limit));
    let origin =
        if r.booked { tr::hall_origin_booked(lang) } else { tr::hall_origin_walk_in(lang) };
    let actions = (r.state == TicketState::InService).then(|| {
        // Each button's children own their copy of the ticket's label.
        let (finish_label, absent_label) = (r.label.clone(), r.label.clone());
        view! {
            <div class="hall__actions">
                <Button on_click=move |_| act.run(HallAction::Finish(n))>
                    {tr::hall_finish(lang)} <span class="visually-hidden">" " {finish_label}</span>
                </Button>
                <Button look=Look::Secondary on_click=move |_| act.run(HallAction::Absent(n))>
                    {tr::hall_absent(lang)} <span class="visually-hidden">" " {absent_label}</span>
                </Button>
            </div>
        }
    });
    view! {
        <tr>
            <th scope="row">{r.label.clone()}</th>
            <td>
                <abbr title=service_name(lang, r.service)>{r.service.as_str()}</abbr>
                ", " {purpose_label(lang, r.purpose)}
            </td>
            <td>{origin}</td>
            <td>{format::time(r.arrived)}</td>
            <td>{state_text(lang, &r)}</td>
            <td>{wait}{overrun(lang, r.wait_over, r.wait_limit)}</td>
            <td>{service}{overrun(lang, r.service_over, r.service_limit)}</td>
            <td>{actions}</td>
        </tr>
    }
}

#[component]
pub fn Tickets(shown: Memo<Hall>, act: Callback<HallAction>) -> impl IntoView {
    let clock = use_clock();
    let all = Memo::new(move |_| {
        let now = clock.now();
        shown.with(|h| rows(h, now))
    });
    let a = crate::engine::queue::assumptions();
    view! {
        <section aria-labelledby="hall-tickets">
            <h2 id="hall-tickets" tabindex="-1">{t(tr::hall_tickets_heading)}</h2>
            {assumption(&a.wait_start)}
            <Show when=move || all.with(|r| !r.is_empty()) fallback=|| view! { <p>{t(tr::hall_none)}</p> }>
                <DataTable
                    columns=vec![t(tr::hall_col_ticket), t(tr::hall_col_service), t(tr::hall_col_origin), t(tr::hall_col_arrived), t(tr::hall_col_state), t(tr::hall_col_wait), t(tr::hall_col_service_time), t(tr::hall_col_actions)]
                    caption=Some(Caption::Hidden(t(tr::hall_tickets_caption)))
                    class=Some("table hall__table")
                >
                    <For
                        each=move || all.get()
                        key=|r| (r.number, r.state, r.wait_over, r.service_over)
                        children=move |r| ticket_row(r, all, act)
                    />
                </DataTable>
            </Show>
        </section>
    }
}

#[component]
pub fn DayDashboard(shown: Memo<Hall>) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let d = Memo::new(move |_| {
        let now = clock.now();
        shown.with(|h| h.dashboard(now))
    });
    let count =
        move |f: fn(&crate::engine::queue::Dashboard) -> u32| move || d.with(|d| f(d).to_string());
    let median = move || {
        d.with(|d| match d.median_wait_seconds {
            Some(s) => tr::hall_minutes(lang, &(s / 60).to_string()),
            None => tr::hall_no_median(lang).to_string(),
        })
    };
    view! {
        <section aria-labelledby="hall-dashboard">
            <h2 id="hall-dashboard">{t(tr::hall_dashboard_heading)}</h2>
            <SummaryList class="hall__dashboard">
                {row(tr::hall_served(lang), count(|d| d.served))}
                {row(tr::hall_waiting(lang), count(|d| d.waiting))}
                {row(tr::hall_in_service(lang), count(|d| d.in_service))}
                {row(tr::hall_absent_count(lang), count(|d| d.absent))}
                {row(tr::hall_wait_overruns(lang), count(|d| d.wait_overruns))}
                {row(tr::hall_service_overruns(lang), count(|d| d.service_overruns))}
                {row(tr::hall_median_wait(lang), median)}
            </SummaryList>
        </section>
    }
}
