//! The booking form (see the module docs of `book`).

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::failure_message;
use crate::engine::catalog;
use crate::engine::identity::registry::{self, OrganisationKind, Person};
use crate::engine::json;
use crate::engine::queue::{
    self, Bookability, DaySlots, NoBooking, NoBookingWhy, ProviderPlace, Purpose, SlotsAnswer,
    TicketRequest,
};
use crate::engine::region;
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::engine::term::{ClockTime, Location};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::paths;
use crate::ui::state::tickets::{self, ticket_of};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::legal_basis::LegalBasis;
use crate::ui::widgets::notice::{Notice, Tone};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::{Choice, Radios, organisation_choices};
use crate::ui::widgets::why_this_date::WhyThisDate;

/// How far ahead days are offered.
const DAYS_AHEAD: u64 = 14;

/// Every service and its purposes, in the order offered: the law decides
/// which can be booked.
const WHATS: [(ServiceId, [Purpose; 2]); 3] = [
    (ServiceId::S3, [Purpose::HandIn, Purpose::Collect]),
    (ServiceId::S2, [Purpose::Collect, Purpose::HandIn]),
    (ServiceId::S1, [Purpose::HandIn, Purpose::Collect]),
];

/// Each service and purpose of [`WHATS`], one a choice.
fn whats() -> impl Iterator<Item = (ServiceId, Purpose)> {
    WHATS.into_iter().flat_map(|(s, purposes)| purposes.map(|p| (s, p)))
}

fn what_slug(s: ServiceId, p: Purpose) -> String {
    format!("{s}-{}", p.slug())
}

fn parse_what(v: &str) -> Option<(ServiceId, Purpose)> {
    whats().find(|(s, p)| what_slug(*s, *p) == v)
}

/// Where the education organisation matters: S3's term depends on its
/// settlement (C-24), S2's collection booking on its region (F002).
fn asks_provider(s: ServiceId, p: Purpose) -> bool {
    s == ServiceId::S3 || (s == ServiceId::S2 && p == Purpose::Collect)
}

fn provider_choices(lang: Lang, s: ServiceId) -> Vec<Choice> {
    let kind =
        if s == ServiceId::S2 { OrganisationKind::School } else { OrganisationKind::College };
    organisation_choices(lang, kind, Choice::new("none", tr::book_provider_none(lang)))
}

fn office_choices(lang: Lang, provider: Option<&ProviderPlace>) -> Vec<Choice> {
    queue::offices()
        .iter()
        .map(|o| {
            let mut hint = o.address.get(lang).to_string();
            if let Some(p) = provider {
                hint.push_str(" · ");
                hint.push_str(match o.location_for(p) {
                    Location::Same => tr::book_office_same(lang),
                    Location::Other => tr::book_office_other(lang),
                });
            }
            Choice::hinted(o.id.clone(), o.name.get(lang), hint)
        })
        .collect()
}

/// The answer that there is no booking, in words, with the legal wait.
fn no_booking(lang: Lang, no: NoBooking) -> impl IntoView {
    let service = no.service.to_string();
    let purpose = no.purpose.label(lang);
    let why = match &no.why {
        NoBookingWhy::NotInSources => tr::book_no_booking_sources(lang, &service, purpose),
        NoBookingWhy::OtherRegion { region: r, .. } => {
            let name = region::region(r)
                .map(|x| x.name.get(lang).to_string())
                .unwrap_or_else(|| r.clone());
            tr::book_no_booking_region(lang, &service, purpose, &name)
        }
    };
    let region_rule = match &no.why {
        NoBookingWhy::OtherRegion { rule, .. } => Some((*rule).clone()),
        NoBookingWhy::NotInSources => None,
    };
    view! {
        <Notice>
            <h2>{t(tr::book_no_booking_heading)}</h2>
            <p>{why}</p>
            <LegalBasis provenance=no.basis.clone() />
            {region_rule.map(|p| view! { <LegalBasis provenance=p /> })}
            {no.max_wait.map(|w| view! {
                <p>
                    {tr::book_max_wait(lang, &w.minutes.to_string())}
                    {w.applied_by.is_some().then(|| view! { " " {t(tr::book_max_wait_applied)} })}
                </p>
                <LegalBasis provenance=w.provenance.clone() />
                {w.applied_by.map(|p| view! { <LegalBasis provenance=p.clone() /> })}
            })}
        </Notice>
    }
}

/// `/cabinet/book` for the signed-in `person` (the route asks for one,
/// `widgets::sign_in_needed::for_person`).
pub fn book_page(person: &'static Person) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let navigate = use_navigate();

    // Moving a booking: its service, purpose and organisation stay.
    let moving = use_query_map()
        .get_untracked()
        .get("move")
        .and_then(|r| ticket_of(db, &r, Some(&person.iin)));
    let moving = StoredValue::new(moving);
    let from = moving.get_value();
    let what = RwSignal::new(from.as_ref().map(|t| what_slug(t.service, t.purpose)));
    let provider = RwSignal::new(from.as_ref().map(|t| {
        t.provider.as_ref().and_then(|p| p.organisation.clone()).unwrap_or_else(|| "none".into())
    }));
    let office = RwSignal::new(from.as_ref().map(|t| t.office.clone()));
    let date = RwSignal::new(None::<String>);
    let time = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());

    let sel = Memo::new(move |_| what.get().and_then(|v| parse_what(&v)));
    let place = Memo::new(move |_| {
        provider.get().and_then(|id| registry::organisation(&id).map(ProviderPlace::of))
    });
    let answer = Memo::new(move |_| {
        let (s, p) = sel.get()?;
        if asks_provider(s, p) && provider.get().is_none() {
            return None;
        }
        Some(queue::booking(s, p, place.get().as_ref()))
    });
    let bookable = move || matches!(answer.get(), Some(Bookability::Bookable(_)));
    let the_office = Memo::new(move |_| office.get().and_then(|id| queue::office(&id)));
    let dates = Memo::new(move |_| {
        let (Some((s, _)), Some(o)) = (sel.get(), the_office.get()) else {
            return Vec::new();
        };
        let today = clock.today();
        (0..DAYS_AHEAD)
            .filter_map(|n| today.checked_add_days(Days::new(n)))
            .filter(|d| queue::opening(s, o, *d).is_ok_and(|x| x.is_open()))
            .collect::<Vec<NaiveDate>>()
    });
    let the_date = Memo::new(move |_| date.get().and_then(|d| json::date::parse_date(&d)));
    let day = Memo::new(move |_| {
        let ((s, p), o, d) = (sel.get()?, the_office.get()?, the_date.get()?);
        let place = place.get();
        db.tickets.with(|all| {
            match queue::day_slots(s, p, o, place.as_ref(), d, &all.taken()).ok()? {
                SlotsAnswer::Slots(day) => Some(day),
                SlotsAnswer::NoBooking(_) => None,
            }
        })
    });
    let now = move || clock.now();
    let slot_choices = Memo::new(move |_| {
        let now = now();
        day.get()
            .map(|d: DaySlots| {
                d.offered(now)
                    .map(|s| {
                        Choice::hinted(
                            s.start.to_string(),
                            format!("{}–{}", s.start, s.end),
                            tr::book_time_free(lang, &s.free().to_string()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let the_time = move || time.get().and_then(|t| ClockTime::parse(&t));
    let expected = Memo::new(move |_| {
        let ((s, p), o) = (sel.get()?, the_office.get()?);
        if p != Purpose::HandIn {
            return None;
        }
        let slot = day.get()?.slot(the_time()?)?.clone();
        queue::expected_result(s, o, place.get().as_ref(), slot.starts_at).ok()
    });

    // The answers to book with, or the error to show. Each error links to a
    // question on the page: the offices are asked once the organisation is
    // known; where an office has no open day, or a day no free time, the
    // list is a sentence, so the error says it at the question before.
    let answers =
        move || -> Result<(ServiceId, Purpose, String, NaiveDate, ClockTime), ErrorItem> {
            let missing = |id: &str, f: fn(Lang) -> &'static str| ErrorItem::new(id, f(lang));
            let (service, purpose) =
                sel.get_untracked().ok_or_else(|| missing("what", tr::book_error_what))?;
            if asks_provider(service, purpose) && provider.get_untracked().is_none() {
                return Err(missing("provider", tr::book_error_provider));
            }
            let o =
                office.get_untracked().ok_or_else(|| missing("office", tr::book_error_office))?;
            let d = the_date.get_untracked().ok_or_else(|| {
                if dates.with_untracked(Vec::is_empty) {
                    missing("office", tr::book_date_none)
                } else {
                    missing("date", tr::book_error_date)
                }
            })?;
            let start =
                time.get_untracked().and_then(|t| ClockTime::parse(&t)).ok_or_else(|| {
                    if slot_choices.with_untracked(Vec::is_empty) {
                        missing("date", tr::book_time_none)
                    } else {
                        missing("time", tr::book_error_time)
                    }
                })?;
            Ok((service, purpose, o, d, start))
        };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (service, purpose, o, d, start) = match answers() {
            Ok(a) => a,
            Err(e) => {
                errors.set(vec![e]);
                return;
            }
        };
        let now = clock.now_untracked();
        let seen = tickets::seen(db);
        let done = match moving.get_value() {
            Some(t) => {
                tickets::change(db, |all| all.move_to(seen, &t.reference, &o, d, start, now))
            }
            None => {
                let req = TicketRequest {
                    service,
                    purpose,
                    office: o,
                    date: d,
                    start,
                    iin: person.iin.clone(),
                    provider: place.get_untracked(),
                    situations: Vec::new(),
                };
                tickets::change(db, |all| all.book(seen, &req, now))
            }
        };
        match done {
            Ok(t) => {
                errors.set(Vec::new());
                navigate(&paths::ticket(&t.reference), Default::default());
            }
            Err(f) => {
                if let Some(m) = failure_message(lang, &f) {
                    time.set(None);
                    errors.set(vec![ErrorItem::new("time", m)]);
                }
            }
        }
    };

    let title = match moving.with_value(|m| m.as_ref().map(|t| t.reference.clone())) {
        Some(r) => tr::book_move_title(lang, &r),
        None => tr::book_title(lang).to_string(),
    };
    let whats = Signal::stored(
        whats()
            .map(|(s, p)| {
                Choice::new(
                    what_slug(s, p),
                    tr::book_what_choice(
                        lang,
                        catalog::service(s).name.text.get(lang),
                        p.label(lang),
                    ),
                )
            })
            .collect::<Vec<_>>(),
    );
    let is_moving = moving.with_value(Option::is_some);
    view! {
        <div class="page page--narrow">
            <PageHeading text=Signal::stored(title) />
            <ErrorSummary errors=errors />
            <form novalidate on:submit=on_submit>
                <Show when=move || !is_moving>
                    <Radios name="what" legend=ts(tr::book_what_legend) hint=ts(tr::book_what_hint)
                        choices=whats selected=what
                        on_select=Callback::new(move |v: String| {
                            what.set(Some(v));
                            provider.set(None);
                            office.set(None);
                            date.set(None);
                            time.set(None);
                        })
                        error=message_for(errors, "what") />
                    {move || sel.get().filter(|(s, p)| asks_provider(*s, *p)).map(|(s, _)| view! {
                        <Radios name="provider"
                            legend=ts(if s == ServiceId::S2 { tr::book_provider_legend_school } else { tr::book_provider_legend_college })
                            hint=ts(tr::book_provider_hint)
                            choices=Signal::stored(provider_choices(lang, s)) selected=provider
                            on_select=Callback::new(move |v: String| { provider.set(Some(v)); time.set(None); })
                            error=message_for(errors, "provider") />
                    })}
                </Show>
                {move || match answer.get() {
                    Some(Bookability::NoBooking(no)) => no_booking(lang, no).into_any(),
                    _ => ().into_any(),
                }}
                <Show when=bookable>
                    <Radios name="office" legend=ts(tr::book_office_legend)
                        choices=Signal::derive(move || office_choices(lang, place.get().as_ref()))
                        selected=office
                        on_select=Callback::new(move |v: String| { office.set(Some(v)); date.set(None); time.set(None); })
                        error=message_for(errors, "office") />
                    <Show when=move || office.get().is_some()>
                        <Show when=move || !dates.get().is_empty()
                            fallback=move || view! { <p class="notice">{t(tr::book_date_none)}</p> }>
                            <Radios name="date" legend=ts(tr::book_date_legend) hint=ts(tr::book_date_hint)
                                choices=Signal::derive(move || dates.get().into_iter().map(|d| {
                                    Choice::new(d.to_string(), format!("{} · {}", format::date(d), d.weekday().label(lang)))
                                }).collect::<Vec<_>>())
                                selected=date
                                on_select=Callback::new(move |v: String| { date.set(Some(v)); time.set(None); })
                                error=message_for(errors, "date") />
                        </Show>
                    </Show>
                    <Show when=move || day.get().is_some()>
                        <Show when=move || !slot_choices.get().is_empty()
                            fallback=move || view! { <p class="notice">{t(tr::book_time_none)}</p> }>
                            <Radios name="time" legend=ts(tr::book_time_legend) hint=ts(tr::book_time_hint)
                                choices=slot_choices selected=time
                                on_select=Callback::new(move |v: String| time.set(Some(v)))
                                error=message_for(errors, "time") />
                        </Show>
                        {move || day.get().map(|d| view! {
                            <p class="small">{t(tr::book_slots_basis)}</p>
                            <LegalBasis provenance=d.length_basis.clone() />
                            <LegalBasis provenance=d.capacity_basis.clone() />
                        })}
                    </Show>
                    {move || expected.get().map(|e| view! {
                        <Notice tone=Tone::Info>
                            <p class="expected">{tr::book_expected(lang, &format::date(e.deadline.due))}</p>
                            <WhyThisDate explanation=e.deadline.explanation />
                        </Notice>
                    })}
                </Show>
                // Nothing to submit where the law gives no booking.
                <Show when=move || !matches!(answer.get(), Some(Bookability::NoBooking(_)))>
                    <button type="submit" class="button">
                        {if is_moving { t(tr::book_move_submit) } else { t(tr::book_submit) }}
                    </button>
                </Show>
            </form>
            <p><a href=paths::CABINET>{t(tr::confirm_cabinet_link)}</a></p>
        </div>
    }
}
