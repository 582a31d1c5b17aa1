//! How long it takes: the terms with their starting and ending rules, an
//! example "if you applied now" with "why this date?", and the waiting and
//! service times.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::calendar::{self, CalendarError};
use crate::engine::catalog::{Place, Service, TimeKind};
use crate::engine::deadline::{self, DeadlineError};
use crate::engine::source::Lang;
use crate::engine::term::{EndRule, StartRule, Term, Unit};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, Message, t};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::legal_basis::LegalBasis;
use crate::ui::widgets::table::{Caption, DataTable};
use crate::ui::widgets::why_this_date::WhyThisDate;

pub fn terms(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    view! {
        <DataTable
            columns=vec![t(tr::passport_col_where), t(tr::passport_col_term)]
            caption=Some(Caption::Shown(t(tr::passport_terms_caption)))
            class=Some("passport-table")
        >
            {service.terms.iter().map(|t| view! { <TermRow term=t /> }).collect_view()}
        </DataTable>
        <h3>{t(tr::passport_example_heading)}</h3>
        <p>{t(tr::passport_example_intro)}</p>
        <ul class="examples">
            {service.terms.iter().map(|t| view! { <ExampleDate service=service term=t /> }).collect_view()}
        </ul>
        <TimesTable service=service />
    }
    .into_any()
}

/// What happens when the counted last day is a day off, where a term can
/// end on one: a calendar-day term (S1); a working-day count always ends on
/// a working day, so it says nothing.
fn end_rule(term: &Term) -> Option<fn(Lang) -> &'static str> {
    match (term.end, term.unit) {
        (EndRule::NextWorkingDay, _) => Some(tr::passport_end_next_working_day),
        (EndRule::AsCounted, Unit::CalendarDays) => Some(tr::passport_end_as_counted),
        (EndRule::AsCounted, Unit::WorkingDays) => None,
    }
}

#[component]
fn TermRow(term: &'static Term) -> impl IntoView {
    let lang = use_lang();
    let start = match &term.start {
        StartRule::DayAfterHandIn => tr::passport_start_day_after(lang).to_string(),
        StartRule::NextWorkingDayAfterCutoff { cutoff } => tr::passport_start_cutoff(lang, cutoff),
    };
    view! {
        <tr>
            <th scope="row">{term.label(lang)}</th>
            <td>
                <p class="term__amount">{term.message(lang)}</p>
                <LegalBasis provenance=term.provenance.clone() />
                <p class="small">{start}</p>
                <LegalBasis provenance=term.start_provenance.clone() />
                {end_rule(term).map(|text| view! { <p class="small">{t(text)}</p> })}
                {term.end_provenance.clone().map(|p| view! { <LegalBasis provenance=p /> })}
            </td>
        </tr>
    }
}

/// "If you applied now": the deadline for a hand-in at this moment, with
/// its explanation. Only the resulting dates are tracked, so the open "Why
/// this date?" is not rebuilt with every clock tick, only when a date moves.
#[component]
fn ExampleDate(service: &'static Service, term: &'static Term) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let compute = move |now| {
        let cal = calendar::calendar()?;
        deadline::deadline_for(&service.terms, term.channel, term.location, now, cal)
    };
    let dates = Memo::new(move |_| compute(clock.now()).map(|d| (d.accepted_on, d.due)));
    move || {
        let place = term.label(lang);
        match dates.get().and_then(|_| compute(clock.now_untracked())) {
            Ok(d) => {
                let text = tr::passport_example_row(
                    lang,
                    place,
                    &format::date(d.accepted_on),
                    &format::date(d.due),
                );
                let label = tr::passport_why_label(lang, place);
                view! {
                    <li>
                        <p class="example__dates">{text}</p>
                        <WhyThisDate explanation=d.explanation label=label />
                    </li>
                }
                .into_any()
            }
            Err(e) => view! { <li><p>{format!("{place}: {}", example_error(lang, &e))}</p></li> }
                .into_any(),
        }
    }
}

fn example_error(lang: Lang, e: &DeadlineError) -> String {
    let out_of_range = matches!(
        e,
        DeadlineError::Calendar(
            CalendarError::OutOfRange { .. } | CalendarError::ResultOutOfRange { .. }
        )
    );
    match calendar::calendar() {
        Ok(cal) if out_of_range => {
            let (first, last) = cal.range();
            tr::passport_example_out_of_calendar(lang, &format::date(first), &format::date(last))
        }
        _ => tr::passport_example_error(lang).to_string(),
    }
}

/// Maximum waiting and service times per place, as the service's source gives them.
#[component]
fn TimesTable(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let mut places: Vec<Place> = Vec::new();
    for t in &service.times {
        if !places.contains(&t.place) {
            places.push(t.place);
        }
    }
    let cell = move |place: Place, kind: TimeKind| match service
        .times
        .iter()
        .find(|t| t.place == place && t.kind == kind)
    {
        Some(t) => view! {
            <td>
                {tr::time_minutes(lang, i64::from(t.minutes))}
                <LegalBasis provenance=t.provenance.clone() />
            </td>
        }
        .into_any(),
        None => view! { <td>{t(tr::passport_not_specified)}</td> }.into_any(),
    };
    (!places.is_empty()).then(|| {
        view! {
            <h3>{t(tr::passport_times_heading)}</h3>
            <DataTable
                columns=vec![t(tr::passport_col_place), t(tr::passport_col_waiting), t(tr::passport_col_service)]
                caption=Some(Caption::Shown(t(tr::passport_times_caption)))
                class=Some("passport-table")
            >
                        {places
                            .into_iter()
                            .map(|p| view! {
                                <tr>
                                    <th scope="row">{p.label(lang)}</th>
                                    {cell(p, TimeKind::Waiting)}
                                    {cell(p, TimeKind::Service)}
                                </tr>
                            })
                            .collect_view()}
            </DataTable>
        }
    })
}
