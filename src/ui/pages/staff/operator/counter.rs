//! `/corporation/counter`: a State Corporation office's counter (issue 13 §2).
//! The employee chooses the office, then serves a citizen who booked (the
//! booking reference brings the service, the citizen, the college) or
//! walked in (the IIN, the service, what happened to the document, the
//! college for S3). The citizen is then served through the very steps of a
//! home visit (`/corporation/counter/visits/:id`): identification from the
//! registry, the service's consent step, the package check, and the
//! receipt its law gives; an accepted package becomes an application at
//! once.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::visit::OperatorVisitPage;
use crate::engine::application;
use crate::engine::identity::iin;
use crate::engine::identity::registry::{self, OrganisationKind};
use crate::engine::queue::{self, ProviderPlace};
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::engine::visit::Visit;
use crate::i18n::tr;
use crate::ui::labels::{Label, VisitStatus, t, ts};
use crate::ui::paths;
use crate::ui::state::db::use_db;
use crate::ui::state::desk::{Desk, counter_visits, open_counter_visit};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, clear_if_any, message_for};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::{Choice, Radios, organisation_choices};
use crate::ui::widgets::table::{Caption, DataTable};
use crate::ui::widgets::text_field::TextField;

/// One visit at the counter: the same pages as a home visit, on the
/// counter's records.
#[component]
pub fn CounterVisitPage() -> impl IntoView {
    provide_context(Desk::Counter(use_db().counter));
    view! { <OperatorVisitPage /> }
}

/// Makes the counter visit under the id it is given.
type MakeVisit = Box<dyn FnOnce(&str) -> Visit>;

fn service_choices(lang: Lang) -> Vec<Choice> {
    ServiceId::ALL
        .iter()
        .map(|s| Choice::new(s.as_str(), format!("{s} — {}", service_name(lang, *s))))
        .collect()
}

fn college_choices(lang: Lang) -> Vec<Choice> {
    organisation_choices(
        lang,
        OrganisationKind::College,
        Choice::new("none", tr::book_provider_none(lang)),
    )
}

#[component]
pub fn CounterPage() -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let navigate = use_navigate();
    let office = RwSignal::new(None::<String>);
    let ticket = RwSignal::new(String::new());
    let iin_text = RwSignal::new(String::new());
    let service = RwSignal::new(None::<String>);
    let reason = RwSignal::new(None::<String>);
    let college = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let the_service = Memo::new(move |_| service.get().and_then(|s| s.parse::<ServiceId>().ok()));
    let reasons =
        Memo::new(move |_| the_service.get().map(application::reasons).unwrap_or_default());

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(o) = office.get_untracked() else {
            errors.set(vec![ErrorItem::new("office", tr::book_error_office(lang))]);
            return;
        };
        let today = clock.today_untracked();
        let reference = ticket.get_untracked().trim().to_string();
        let made: Result<MakeVisit, Vec<ErrorItem>> = if !reference.is_empty() {
            // A booked citizen: everything as booked, at this office.
            match db.tickets.with_untracked(|t| t.get(&reference).cloned()) {
                Some(t) if t.is_live() && t.office == o => {
                    Ok(Box::new(move |id: &str| Visit::from_ticket(id, &t, today)))
                }
                _ => Err(vec![ErrorItem::new("ticket", tr::counter_error_ticket(lang))]),
            }
        } else {
            let mut found = Vec::new();
            let person = match iin::validate(&iin_text.get_untracked()) {
                Err(e) => {
                    found.push(ErrorItem::new("iin", e.label(lang)));
                    None
                }
                Ok(info) => match registry::find(&info.iin) {
                    Some(p) => Some(p),
                    None => {
                        found.push(ErrorItem::new("iin", tr::counter_error_not_in_registry(lang)));
                        None
                    }
                },
            };
            let s = the_service.get_untracked();
            if s.is_none() {
                found.push(ErrorItem::new("service", tr::counter_error_service(lang)));
            }
            let why = reason
                .get_untracked()
                .and_then(|r| reasons.get_untracked().into_iter().find(|x| x.option_id() == r));
            if s.is_some() && !reasons.get_untracked().is_empty() && why.is_none() {
                found.push(ErrorItem::new("reason", tr::counter_error_reason(lang)));
            }
            match (person, s, found.is_empty()) {
                (Some(p), Some(s), true) => {
                    let provider = college
                        .get_untracked()
                        .and_then(|c| registry::organisation(&c).map(ProviderPlace::of));
                    let situations = why.map(|r| vec![r.situation()]).unwrap_or_default();
                    let iin = p.iin.clone();
                    let o = o.clone();
                    Ok(Box::new(move |id: &str| {
                        Visit::at_counter(id, s, &iin, situations, &o, provider, today)
                    }))
                }
                _ => Err(found),
            }
        };
        match made {
            Err(found) => errors.set(found),
            Ok(make) => {
                errors.set(Vec::new());
                if let Ok(id) = open_counter_visit(db.counter, make) {
                    navigate(&paths::counter_visit(&id), Default::default());
                }
            }
        }
    };

    let offices = Signal::stored(
        queue::offices()
            .iter()
            .map(|o| Choice::hinted(o.id.clone(), o.name.get(lang), o.address.get(lang)))
            .collect::<Vec<_>>(),
    );
    let today_list = Memo::new(move |_| {
        office.get().map(|o| counter_visits(db.counter, &o, clock.today())).unwrap_or_default()
    });
    let row = move |v: Visit| {
        let name = v.person().map(|p| p.display_name(lang)).unwrap_or_default();
        let (href, id) = (paths::counter_visit(&v.id), v.id.clone());
        let status = VisitStatus::of(&v).label(lang);
        view! {
            <tr>
                <td><A href=href>{id}</A></td>
                <td>{name}</td>
                <td>{v.service.as_str()}</td>
                <td>{status}</td>
            </tr>
        }
    };
    // A reference hides the walk-in's questions: a summary that links to
    // them goes with them.
    let on_ticket = move |v: String| {
        if !v.trim().is_empty() {
            clear_if_any(errors, |e| !matches!(e.field_id.as_str(), "office" | "ticket"));
        }
        ticket.set(v);
    };
    // A service answers its question and asks the reason afresh (or not
    // at all: S3 has none): a summary that links to either goes.
    let on_service = move |v: String| {
        clear_if_any(errors, |e| matches!(e.field_id.as_str(), "service" | "reason"));
        service.set(Some(v));
        reason.set(None);
    };
    view! {
        <div class="page operator">
            <PageHeading text=ts(tr::counter_title) />
            <ErrorSummary errors=errors />
            <form novalidate on:submit=start>
                <Radios name="office" legend=ts(tr::counter_office_legend) choices=offices selected=office
                    on_select=Callback::new(move |v: String| office.set(Some(v)))
                    error=message_for(errors, "office") />
                <h2>{t(tr::counter_serve_heading)}</h2>
                <TextField id="ticket" label=ts(tr::counter_ticket_label) hint=ts(tr::counter_ticket_hint)
                    value=ticket on_input=Callback::new(on_ticket)
                    error=message_for(errors, "ticket") />
                <Show when=move || ticket.with(|t| t.trim().is_empty())>
                    <TextField id="iin" label=ts(tr::counter_iin_label) value=iin_text input_mode="numeric" short=true
                        on_input=Callback::new(move |v: String| iin_text.set(v))
                        error=message_for(errors, "iin") />
                    <Radios name="service" legend=ts(tr::counter_service_legend) choices=Signal::stored(service_choices(lang))
                        selected=service
                        on_select=Callback::new(on_service)
                        error=message_for(errors, "service") />
                    <Show when=move || !reasons.get().is_empty()>
                        <Radios name="reason" legend=ts(tr::counter_reason_legend)
                            choices=Signal::derive(move || reasons.get().into_iter().map(|r| Choice::new(r.option_id(), r.label(lang))).collect::<Vec<_>>())
                            selected=reason on_select=Callback::new(move |v: String| reason.set(Some(v)))
                            error=message_for(errors, "reason") />
                    </Show>
                    <Show when=move || the_service.get() == Some(ServiceId::S3)>
                        <Radios name="provider" legend=ts(tr::book_provider_legend_college) hint=ts(tr::counter_college_hint)
                            choices=Signal::stored(college_choices(lang)) selected=college
                            on_select=Callback::new(move |v: String| college.set(Some(v))) />
                    </Show>
                </Show>
                <button type="submit" class="button">{t(tr::counter_start)}</button>
            </form>
            <h2>{t(tr::counter_today_heading)}</h2>
            <Show when=move || !today_list.with(Vec::is_empty) fallback=move || view! { <p>{t(tr::counter_today_empty)}</p> }>
                <DataTable columns=vec![t(tr::counter_col_number), t(tr::operator_name), t(tr::counter_col_service), t(tr::counter_col_status)]
                    caption=Some(Caption::Hidden(t(tr::counter_today_heading)))>
                    <For each=move || today_list.get() key=|v| (v.id.clone(), v.rev) children=row />
                </DataTable>
            </Show>
        </div>
    }
}
