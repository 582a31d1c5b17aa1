//! Service passports, generated from the catalogue data: every fact on the
//! page is a catalogue item shown with its legal basis. Acts and items whose
//! basis is no longer in force appear only as history (RULES.md LS-1);
//! regional items carry the regional label (LS-2).

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::calendar::{self, CalendarError};
use crate::engine::catalog::{
    self, Act, Actor, DocumentRule, Duration, Item, Place, ProcedureStep, Purpose, Schedule,
    Service, Situation, Stage,
};
use crate::engine::deadline::{self, DeadlineError};
use crate::engine::service::ServiceId;
use crate::engine::source::{Lang, Provenance, SeedLang, Status, Text};
use crate::engine::term::{Channel, EndRule, Location, StartRule, Term, Unit};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{DocTitle, focus_by_id};
use crate::ui::format;
use crate::ui::law::{Items, LawText, LegalBasis, seed_label, status_class, status_label};
use crate::ui::prefs::use_lang;
use crate::ui::text::t;
use crate::ui::why::WhyThisDate;

/// The documents a portal application needs in these situations, each with
/// its legal basis; rules that are information rather than documents are
/// shown as notes.
pub fn required_documents_view(
    service: ServiceId,
    situations: &[Situation],
) -> impl IntoView + use<> {
    let rules: Vec<_> = catalog::documents(service, Channel::Portal, situations)
        .into_iter()
        .cloned()
        .collect();
    let (notes, docs): (Vec<_>, Vec<_>) = rules.into_iter().partition(|r| r.info);
    view! {
        <ul class="doc-list">
            {docs
                .into_iter()
                .map(|r| view! { <li><LawText text=r.text /> <LegalBasis provenance=r.provenance /></li> })
                .collect_view()}
        </ul>
        {notes
            .into_iter()
            .map(|r| view! { <div class="notice"><p><LawText text=r.text /></p><LegalBasis provenance=r.provenance /></div> })
            .collect_view()}
    }
}

// ---------------------------------------------------------------------------
// Labels shared with the catalogue (home page)

pub fn channel_label(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Provider => tr::passport_channel_provider(lang),
        Channel::StateCorporation => tr::passport_channel_state_corporation(lang),
        Channel::Portal => tr::passport_channel_portal(lang),
    }
}

/// Where a term applies: the channel, or for S3 at the State Corporation the
/// office's location relative to the provider (C-24).
pub fn term_place(lang: Lang, t: &Term) -> &'static str {
    match t.location {
        Some(Location::Same) => tr::passport_location_same(lang),
        Some(Location::Other) => tr::passport_location_other(lang),
        None => channel_label(lang, t.channel),
    }
}

/// "15 working days", "20 calendar days".
pub fn term_words(lang: Lang, t: &Term) -> String {
    let n = i64::from(t.amount);
    match t.unit {
        Unit::WorkingDays => tr::time_working_days(lang, n),
        Unit::CalendarDays => tr::time_calendar_days(lang, n),
    }
}

fn place_label(lang: Lang, p: Place) -> &'static str {
    match p {
        Place::Provider => tr::passport_place_provider(lang),
        Place::StateCorporation => tr::passport_place_state_corporation(lang),
        Place::StateCorporationDuty => tr::passport_place_state_corporation_duty(lang),
        Place::Portal => tr::passport_place_portal(lang),
    }
}

fn situation_label(lang: Lang, s: Situation) -> &'static str {
    match s {
        Situation::Loss => tr::passport_situation_loss(lang),
        Situation::Damage => tr::passport_situation_damage(lang),
        Situation::NameChange => tr::passport_situation_name_change(lang),
        Situation::FillingErrors => tr::passport_situation_filling_errors(lang),
        Situation::Minor => tr::passport_situation_minor(lang),
        Situation::DigitalDocument => tr::passport_situation_digital_document(lang),
        Situation::Liquidated => tr::passport_situation_liquidated(lang),
    }
}

fn actor_label(lang: Lang, a: Actor) -> &'static str {
    match a {
        Actor::Clerk => tr::passport_actor_clerk(lang),
        Actor::Head => tr::passport_actor_head(lang),
        Actor::Executor => tr::passport_actor_executor(lang),
        Actor::StateCorporation => tr::passport_actor_state_corporation(lang),
        Actor::Courier => tr::passport_actor_courier(lang),
    }
}

fn duration_words(lang: Lang, d: Duration) -> String {
    match d {
        Duration::Minutes(m) if m > 0 && m % 60 == 0 => tr::time_hours(lang, i64::from(m / 60)),
        Duration::Minutes(m) => tr::time_minutes(lang, i64::from(m)),
        Duration::WorkingDays(n) => tr::time_working_days(lang, i64::from(n)),
        Duration::Months(n) => tr::time_months(lang, i64::from(n)),
    }
}

fn channels_text(lang: Lang, channels: &[Channel]) -> String {
    channels
        .iter()
        .map(|c| channel_label(lang, *c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Only on loss or on a change of name", "Not needed if …": the situations
/// a document rule depends on, or `None` when it always applies.
fn situations_text(lang: Lang, rule: &DocumentRule) -> Option<String> {
    let join = |list: &[Situation]| {
        list.iter()
            .map(|s| situation_label(lang, *s))
            .collect::<Vec<_>>()
            .join(tr::passport_or(lang))
    };
    let mut parts = Vec::new();
    if !rule.when.is_empty() {
        parts.push(tr::passport_when(lang, &join(&rule.when)));
    }
    if !rule.unless.is_empty() {
        parts.push(tr::passport_unless(lang, &join(&rule.unless)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Whether an item's legal basis is current on `date`. A lost-force item is
/// never current, whatever the clock says (LS-1).
fn is_current(p: &Provenance, date: NaiveDate) -> bool {
    p.status != Status::LostForce && catalog::in_force_on(p, date)
}

fn act_is_current(a: &Act, date: NaiveDate) -> bool {
    a.level != Status::LostForce && a.in_force_on(date)
}

fn split_items(items: &[Item], date: NaiveDate) -> (Vec<Item>, Vec<Item>) {
    items
        .iter()
        .cloned()
        .partition(|i| is_current(&i.provenance, date))
}

// ---------------------------------------------------------------------------
// The page

/// The sections of a passport, in page order; each has an `<h2>` with this id.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Result,
    Basis,
    Who,
    Apply,
    Terms,
    Documents,
    Refusal,
    Hours,
    Collect,
    Complaint,
    Procedure,
    Accessibility,
    Information,
    Assumptions,
}

impl Section {
    const ALL: [Section; 14] = [
        Section::Result,
        Section::Basis,
        Section::Who,
        Section::Apply,
        Section::Terms,
        Section::Documents,
        Section::Refusal,
        Section::Hours,
        Section::Collect,
        Section::Complaint,
        Section::Procedure,
        Section::Accessibility,
        Section::Information,
        Section::Assumptions,
    ];

    fn id(self) -> &'static str {
        match self {
            Section::Result => "result",
            Section::Basis => "legal-basis",
            Section::Who => "who",
            Section::Apply => "apply",
            Section::Terms => "terms",
            Section::Documents => "documents",
            Section::Refusal => "refusal",
            Section::Hours => "hours",
            Section::Collect => "collect",
            Section::Complaint => "complaint",
            Section::Procedure => "procedure",
            Section::Accessibility => "accessibility",
            Section::Information => "information",
            Section::Assumptions => "assumptions",
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Result => tr::passport_sec_result(lang),
            Section::Basis => tr::passport_sec_basis(lang),
            Section::Who => tr::passport_sec_who(lang),
            Section::Apply => tr::passport_sec_apply(lang),
            Section::Terms => tr::passport_sec_terms(lang),
            Section::Documents => tr::passport_sec_documents(lang),
            Section::Refusal => tr::passport_sec_refusal(lang),
            Section::Hours => tr::passport_sec_hours(lang),
            Section::Collect => tr::passport_sec_collect(lang),
            Section::Complaint => tr::passport_sec_complaint(lang),
            Section::Procedure => tr::passport_sec_procedure(lang),
            Section::Accessibility => tr::passport_sec_accessibility(lang),
            Section::Information => tr::passport_sec_information(lang),
            Section::Assumptions => tr::passport_sec_assumptions(lang),
        }
    }
}

/// `/services/:id`: the passport of a service; an unknown id is "not found".
#[component]
pub fn PassportPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match catalog::find(&id.get()) {
        Some(s) => view! { <Passport service=s /> }.into_any(),
        None => view! { <super::NotFound /> }.into_any(),
    }
}

#[component]
fn Passport(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    // Changes once a day, so the page is not rebuilt with every clock tick.
    let today = Memo::new(move |_| clock.today());
    let title = Signal::stored(service.name.text.get(lang).to_string());
    view! {
        <div class="page passport">
            <DocTitle text=title />
            <span class="caption">{t(tr::passport_caption)}</span>
            <h1 tabindex="-1"><LawText text=service.name.text.clone() /></h1>
            <p class="lead"><LawText text=service.summary.text.clone() /></p>
            <LegalBasis provenance=service.summary.provenance.clone() />
            <OnThisPage />
            <ResultSection service=service today=today />
            <BasisSection service=service today=today />
            <WhoSection service=service today=today />
            <ApplySection service=service />
            <TermsSection service=service />
            <DocumentsSection service=service />
            <RefusalSection service=service />
            <HoursSection service=service />
            <CollectSection service=service />
            <ComplaintSection service=service />
            <ProcedureSection service=service today=today />
            <AccessibilitySection service=service />
            <InformationSection service=service />
            <AssumptionsSection service=service />
        </div>
    }
}

/// The contents list. Its links move focus to the section heading (the
/// router would treat a change of the URL hash as a navigation).
#[component]
fn OnThisPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="on-this-page" aria-labelledby="on-this-page">
            <h2 id="on-this-page" class="on-this-page__title">{t(tr::passport_on_this_page)}</h2>
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a
                                    href=format!("#{}", s.id())
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_by_id(s.id());
                                    }
                                >
                                    {s.title(lang)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn SectionHeading(section: Section) -> impl IntoView {
    let lang = use_lang();
    view! { <h2 id=section.id() class="passport__heading" tabindex="-1">{section.title(lang)}</h2> }
}

/// A list of items, current ones first; those whose basis is no longer in
/// force follow under a "historical" heading.
#[component]
fn CurrentAndHistorical(items: Vec<Item>, today: Memo<NaiveDate>) -> impl IntoView {
    let items = StoredValue::new(items);
    move || {
        let (current, historical) = items.with_value(|i| split_items(i, today.get()));
        view! {
            {(!current.is_empty()).then(|| view! { <Items items=current /> })}
            {(!historical.is_empty())
                .then(|| {
                    view! {
                        <div class="historical">
                            <p class="historical__label">
                                <span class=status_class(Status::LostForce)>{t(tr::passport_historical)}</span>
                            </p>
                            <Items items=historical />
                        </div>
                    }
                })}
        }
    }
}

#[component]
fn ResultSection(service: &'static Service, today: Memo<NaiveDate>) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Result />
            <CurrentAndHistorical items=service.results.clone() today=today />
            {service
                .service_form
                .clone()
                .map(|f| {
                    view! {
                        <h3>{t(tr::passport_service_form)}</h3>
                        <Items items=vec![f] />
                    }
                })}
        </section>
    }
}

#[component]
fn ActView(act: Act) -> impl IntoView {
    let lang = use_lang();
    let seed = act.seed;
    let level = act.level;
    let dates = match (act.valid_from, act.valid_until) {
        (Some(from), Some(until)) => Some((format::date(from), format::date(until))),
        _ => None,
    };
    view! {
        <li class="act">
            <p class="act__tag"><span class=status_class(level)>{status_label(lang, level)}</span></p>
            <p class="act__seed small muted">{format!("{seed:?}")} " · " {seed_label(lang, seed)}</p>
            <p class="act__text"><LawText text=act.text /></p>
            <LegalBasis provenance=act.provenance />
            {dates.map(|(from, until)| view! { <p class="small act__dates">{tr::passport_basis_valid(lang, &from, &until)}</p> })}
            {act.dates_provenance.map(|p| view! { <LegalBasis provenance=p /> })}
        </li>
    }
}

#[component]
fn BasisSection(service: &'static Service, today: Memo<NaiveDate>) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Basis />
            {move || {
                let day = today.get();
                let (current, historical): (Vec<Act>, Vec<Act>) = service
                    .acts
                    .iter()
                    .cloned()
                    .partition(|a| act_is_current(a, day));
                view! {
                    {(!current.is_empty())
                        .then(|| {
                            view! {
                                <h3>{t(tr::passport_basis_current)}</h3>
                                <ul class="acts">
                                    {current.into_iter().map(|a| view! { <ActView act=a /> }).collect_view()}
                                </ul>
                            }
                        })}
                    {(!historical.is_empty())
                        .then(|| {
                            view! {
                                <div class="historical">
                                    <h3>{t(tr::passport_basis_historical)}</h3>
                                    <p>{t(tr::passport_basis_historical_intro)}</p>
                                    <ul class="acts">
                                        {historical.into_iter().map(|a| view! { <ActView act=a /> }).collect_view()}
                                    </ul>
                                </div>
                            }
                        })}
                }
            }}
        </section>
    }
}

#[component]
fn WhoSection(service: &'static Service, today: Memo<NaiveDate>) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Who />
            <h3>{t(tr::passport_provider)}</h3>
            <CurrentAndHistorical items=service.provider.clone() today=today />
            <h3>{t(tr::passport_recipients)}</h3>
            <CurrentAndHistorical items=service.recipients.clone() today=today />
            <h3>{t(tr::passport_cost)}</h3>
            <Items items=vec![service.cost.clone()] />
        </section>
    }
}

#[component]
fn ApplySection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let online = service.has_channel(Channel::Portal);
    let apply_href = format!("/apply/{}", service.id);
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Apply />
            <h3>{t(tr::passport_channels)}</h3>
            <ul class="law-items">
                {service
                    .channels
                    .iter()
                    .map(|c| {
                        let channel = c.channel;
                        view! {
                            <li>
                                <strong>{channel_label(lang, channel)}</strong>
                                <br />
                                <LawText text=c.text.clone() />
                                <LegalBasis provenance=c.provenance.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3>{t(tr::passport_how_to_apply)}</h3>
            {online
                .then(|| {
                    view! {
                        <p>{t(tr::passport_apply_online_hint)}</p>
                        <p>
                            <A href=apply_href.clone() attr:class="button">
                                {t(tr::passport_apply_online)}
                            </A>
                        </p>
                    }
                })}
            {service
                .how_to_apply
                .clone()
                .map(|i| {
                    view! {
                        <div class="notice">
                            <p><LawText text=i.text /></p>
                            <LegalBasis provenance=i.provenance />
                        </div>
                    }
                })}
            {(!online)
                .then(|| {
                    view! {
                        <p><A href="/operator" attr:class="passport__link">{t(tr::passport_operator_link)}</A></p>
                    }
                })}
            {(!service.signing.is_empty())
                .then(|| {
                    view! {
                        <h3>{t(tr::passport_signing)}</h3>
                        <Items items=service.signing.clone() />
                    }
                })}
            {(!service.receipts.is_empty())
                .then(|| {
                    view! {
                        <h3>{t(tr::passport_receipts)}</h3>
                        <ul class="law-items">
                            {service
                                .receipts
                                .iter()
                                .map(|r| {
                                    let channels = r.channels.clone();
                                    view! {
                                        <li>
                                            <strong>{channels_text(lang, &channels)}</strong>
                                            <br />
                                            <LawText text=r.text.clone() />
                                            <LegalBasis provenance=r.provenance.clone() />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
}

#[component]
fn TermsSection(service: &'static Service) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Terms />
            <div class="table-wrap">
                <table class="passport-table">
                    <caption>{t(tr::passport_terms_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(tr::passport_col_where)}</th>
                            <th scope="col">{t(tr::passport_col_term)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {service.terms.iter().map(|t| view! { <TermRow term=t /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t(tr::passport_example_heading)}</h3>
            <p>{t(tr::passport_example_intro)}</p>
            <ul class="examples">
                {service.terms.iter().map(|t| view! { <ExampleDate service=service term=t /> }).collect_view()}
            </ul>
            <TimesTable service=service />
        </section>
    }
}

#[component]
fn TermRow(term: &'static Term) -> impl IntoView {
    let lang = use_lang();
    let start = move || match &term.start {
        StartRule::DayAfterHandIn => tr::passport_start_day_after(lang).to_string(),
        StartRule::NextWorkingDayAfterCutoff { cutoff } => tr::passport_start_cutoff(lang, cutoff),
    };
    view! {
        <tr>
            <th scope="row">{term_place(lang, term)}</th>
            <td>
                <p class="term__amount">{term_words(lang, term)}</p>
                <LegalBasis provenance=term.provenance.clone() />
                <p class="small">{start}</p>
                <LegalBasis provenance=term.start_provenance.clone() />
                {(term.end == EndRule::NextWorkingDay)
                    .then(|| view! { <p class="small">{t(tr::passport_end_next_working_day)}</p> })}
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
    let lang = use_lang();
    let clock = use_clock();
    let compute = move |now| {
        let cal = calendar::calendar()?;
        deadline::deadline_for(&service.terms, term.channel, term.location, now, cal)
    };
    let dates = Memo::new(move |_| compute(clock.now()).map(|d| (d.accepted_on, d.due)));
    move || {
        let l = lang;
        let place = term_place(l, term);
        match dates.get().and_then(|_| compute(clock.now_untracked())) {
            Ok(d) => {
                let text = tr::passport_example_row(
                    l,
                    place,
                    &format::date(d.accepted_on),
                    &format::date(d.due),
                );
                let label = tr::passport_why_label(l, place);
                view! {
                    <li>
                        <p class="example__dates">{text}</p>
                        <WhyThisDate explanation=d.explanation label=label />
                    </li>
                }
                .into_any()
            }
            Err(e) => {
                view! { <li><p>{format!("{place}: {}", example_error(l, &e))}</p></li> }.into_any()
            }
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
    use crate::engine::catalog::TimeKind;
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
        Some(t) => {
            let minutes = i64::from(t.minutes);
            view! {
                <td>
                    {tr::time_minutes(lang, minutes)}
                    <LegalBasis provenance=t.provenance.clone() />
                </td>
            }
            .into_any()
        }
        None => view! { <td>{t(tr::passport_not_specified)}</td> }.into_any(),
    };
    (!places.is_empty()).then(|| {
        view! {
            <h3>{t(tr::passport_times_heading)}</h3>
            <div class="table-wrap">
                <table class="passport-table">
                    <caption>{t(tr::passport_times_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(tr::passport_col_place)}</th>
                            <th scope="col">{t(tr::passport_col_waiting)}</th>
                            <th scope="col">{t(tr::passport_col_service)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {places
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tr>
                                        <th scope="row">{place_label(lang, p)}</th>
                                        {cell(p, TimeKind::Waiting)}
                                        {cell(p, TimeKind::Service)}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

/// One document rule: the situations it depends on, its text and basis.
#[component]
fn DocumentView(rule: &'static DocumentRule) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li>
            {situations_text(lang, rule).map(|s| view! { <span class="situation">{s}</span> <br /> })}
            <LawText text=rule.text.clone() />
            <LegalBasis provenance=rule.provenance.clone() />
        </li>
    }
}

#[component]
fn DocumentsSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Documents />
            {service
                .channels
                .iter()
                .map(|c| {
                    let channel = c.channel;
                    let rules: Vec<&'static DocumentRule> = service
                        .documents
                        .iter()
                        .filter(|d| d.channels.contains(&channel))
                        .collect();
                    let (notes, docs): (Vec<_>, Vec<_>) = rules.into_iter().partition(|r| r.info);
                    let heading = move || match channel {
                        Channel::Provider => tr::passport_documents_provider(lang),
                        Channel::StateCorporation => tr::passport_documents_state_corporation(lang),
                        Channel::Portal => tr::passport_documents_portal(lang),
                    };
                    view! {
                        <h3>{heading}</h3>
                        {if docs.is_empty() {
                            view! { <p>{t(tr::passport_documents_none)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="doc-list">
                                    {docs.into_iter().map(|r| view! { <DocumentView rule=r /> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        {(!notes.is_empty())
                            .then(|| {
                                view! {
                                    <div class="passport__notes">
                                        <p class="passport__notes-title">{t(tr::passport_documents_notes)}</p>
                                        <ul class="law-items">
                                            {notes.into_iter().map(|r| view! { <DocumentView rule=r /> }).collect_view()}
                                        </ul>
                                    </div>
                                }
                            })}
                    }
                })
                .collect_view()}
        </section>
    }
}

#[component]
fn RefusalSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let stage = move |stage: Stage| {
        let grounds: Vec<Item> = service
            .refusal_grounds
            .iter()
            .filter(|g| g.stage == stage)
            .map(|g| Item {
                id: g.id.clone(),
                text: g.text.clone(),
                provenance: g.provenance.clone(),
            })
            .collect();
        let heading = move || match stage {
            Stage::Acceptance => tr::passport_refusal_acceptance(lang),
            Stage::Decision => tr::passport_refusal_decision(lang),
        };
        view! {
            <h3>{heading}</h3>
            {if grounds.is_empty() {
                view! { <p>{t(tr::passport_refusal_none)}</p> }.into_any()
            } else {
                view! { <Items items=grounds /> }.into_any()
            }}
        }
    };
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Refusal />
            {stage(Stage::Acceptance)}
            {stage(Stage::Decision)}
        </section>
    }
}

/// What kind of hours a schedule row shows, when that is worth saying: the
/// language version it quotes (RU and KZ differ, C-01), the window Qujat
/// resolved, or that it covers only applications and results.
fn schedule_notes(lang: Lang, s: &Schedule) -> Vec<&'static str> {
    let mut notes = Vec::new();
    match s.version {
        Some(SeedLang::Ru) => notes.push(tr::law_lang_ru(lang)),
        Some(SeedLang::Kk) => notes.push(tr::law_lang_kk(lang)),
        None => {}
    }
    if s.resolved {
        notes.push(tr::passport_schedule_resolved(lang));
    }
    if s.purpose == Purpose::Acceptance {
        notes.push(tr::passport_purpose_acceptance(lang));
    }
    notes
}

#[component]
fn HoursSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Hours />
            <div class="table-wrap">
                <table class="passport-table">
                    <caption>{t(tr::passport_hours_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(tr::passport_col_place)}</th>
                            <th scope="col">{t(tr::passport_col_hours)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {service
                            .schedules
                            .iter()
                            .map(|s| {
                                let place = s.place;
                                view! {
                                    <tr>
                                        <th scope="row">{place_label(lang, place)}</th>
                                        <td>
                                            {move || {
                                                let notes = schedule_notes(lang, s);
                                                (!notes.is_empty())
                                                    .then(|| view! { <p class="small muted schedule__version">{notes.join(" · ")}</p> })
                                            }}
                                            <p class="schedule__hours">
                                                <LawText text=s.text.clone() />
                                            </p>
                                            <LegalBasis provenance=s.provenance.clone() />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {(!service.queue.is_empty())
                .then(|| {
                    view! {
                        <h3>{t(tr::passport_queue)}</h3>
                        <Items items=service.queue.clone() />
                    }
                })}
        </section>
    }
}

#[component]
fn CollectSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let storage: Vec<Item> = service
        .storage
        .iter()
        .map(|s| Item {
            id: s.id.clone(),
            text: s.text.clone(),
            provenance: s.provenance.clone(),
        })
        .collect();
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Collect />
            <h3>{t(tr::passport_issuance)}</h3>
            <ul class="law-items">
                {service
                    .issuance
                    .iter()
                    .map(|r| {
                        let channels = r.channels.clone();
                        view! {
                            <li>
                                <strong>{channels_text(lang, &channels)}</strong>
                                <br />
                                <LawText text=r.text.clone() />
                                <LegalBasis provenance=r.provenance.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(!storage.is_empty())
                .then(|| {
                    view! {
                        <h3>{t(tr::passport_storage)}</h3>
                        <Items items=storage />
                    }
                })}
        </section>
    }
}

/// Catalogue texts, each with its legal basis unless the procedure applies
/// by analogy: then the only basis is the C-36 assumption shown above it,
/// never the S1 source (F000).
fn procedure_items(items: Vec<(Text, Provenance)>, with_basis: bool) -> impl IntoView {
    view! {
        <ul class="law-items">
            {items
                .into_iter()
                .map(|(text, provenance)| {
                    view! {
                        <li>
                            <LawText text=text />
                            {with_basis.then(|| view! { <LegalBasis provenance=provenance /> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn pairs(items: &[Item]) -> Vec<(Text, Provenance)> {
    items
        .iter()
        .map(|i| (i.text.clone(), i.provenance.clone()))
        .collect()
}

#[component]
fn ComplaintSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let body = match service.complaint() {
        None => view! { <p>{t(tr::passport_complaint_none)}</p> }.into_any(),
        Some(view) => {
            let own = !view.by_analogy;
            let p = view.procedure;
            let heading = |f: fn(Lang) -> &'static str| view! { <h3>{f(lang)}</h3> };
            let one = |i: &Item| vec![(i.text.clone(), i.provenance.clone())];
            let fields: Vec<(Text, Provenance)> = p
                .fields
                .iter()
                .map(|f| (f.text.clone(), f.provenance.clone()))
                .collect();
            let reviews: Vec<(Text, Provenance)> = p
                .reviews
                .iter()
                .map(|r| (r.text.clone(), r.provenance.clone()))
                .collect();
            view! {
                <div class=if own { "complaint__basis" } else { "notice notice--warning complaint__basis" }>
                    <p><LawText text=service.complaint.text.clone() /></p>
                    <LegalBasis provenance=view.basis.clone() />
                </div>
                {heading(tr::passport_complaint_subject)}
                {procedure_items(one(&p.subject), own)}
                {heading(tr::passport_complaint_channels)}
                {procedure_items(pairs(&p.channels), own)}
                {heading(tr::passport_complaint_addressees)}
                {procedure_items(pairs(&p.addressees), own)}
                {heading(tr::passport_complaint_fields)}
                {procedure_items(fields, own)}
                {heading(tr::passport_complaint_registration)}
                {procedure_items(one(&p.registration), own)}
                {heading(tr::passport_complaint_reviews)}
                {procedure_items(reviews, own)}
                {heading(tr::passport_complaint_statuses)}
                {procedure_items(pairs(&p.statuses), own)}
                {heading(tr::passport_complaint_court)}
                {procedure_items(one(&p.court), own)}
            }
            .into_any()
        }
    };
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Complaint />
            {body}
        </section>
    }
}

/// Steps grouped by the channels they apply to, in data order.
fn group_steps(
    steps: Vec<&'static ProcedureStep>,
) -> Vec<(Vec<Channel>, Vec<&'static ProcedureStep>)> {
    let mut groups: Vec<(Vec<Channel>, Vec<&'static ProcedureStep>)> = Vec::new();
    for s in steps {
        match groups.iter_mut().find(|(c, _)| *c == s.channels) {
            Some((_, list)) => list.push(s),
            None => groups.push((s.channels.clone(), vec![s])),
        }
    }
    groups
}

#[component]
fn StepGroups(steps: Vec<&'static ProcedureStep>) -> impl IntoView {
    let lang = use_lang();
    group_steps(steps)
        .into_iter()
        .map(|(channels, steps)| {
            view! {
                <h3>{tr::passport_steps_for(lang, &channels_text(lang, &channels))}</h3>
                <ol class="steps">
                    {steps
                        .into_iter()
                        .map(|s| {
                            let meta = move || {
                                let l = lang;
                                tr::passport_step_meta(l, actor_label(l, s.actor), &duration_words(l, s.duration))
                            };
                            view! {
                                <li>
                                    <LawText text=s.text.clone() />
                                    <p class="small muted">{meta}</p>
                                    <LegalBasis provenance=s.provenance.clone() />
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
        })
        .collect_view()
}

#[component]
fn ProcedureSection(service: &'static Service, today: Memo<NaiveDate>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Procedure />
            {move || {
                if service.steps.is_empty() {
                    return view! { <p>{t(tr::passport_steps_none)}</p> }.into_any();
                }
                let day = today.get();
                let (current, historical): (Vec<&'static ProcedureStep>, Vec<_>) = service
                    .steps
                    .iter()
                    .partition(|s| is_current(&s.provenance, day));
                let regional = current.iter().any(|s| s.provenance.status == Status::Regional);
                view! {
                    {(!current.is_empty())
                        .then(|| {
                            view! {
                                {regional
                                    .then(|| {
                                        view! {
                                            <div class="notice">
                                                <p>
                                                    <span class=status_class(Status::Regional)>
                                                        {status_label(lang, Status::Regional)}
                                                    </span>
                                                </p>
                                                <p>{t(tr::passport_steps_regional_intro)}</p>
                                            </div>
                                        }
                                    })}
                                <StepGroups steps=current />
                            }
                        })}
                    {(!historical.is_empty())
                        .then(|| {
                            view! {
                                <div class="historical">
                                    <p>
                                        <span class=status_class(Status::LostForce)>
                                            {status_label(lang, Status::LostForce)}
                                        </span>
                                    </p>
                                    <p>{t(tr::passport_steps_historical_intro)}</p>
                                    <StepGroups steps=historical />
                                </div>
                            }
                        })}
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn AccessibilitySection(service: &'static Service) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Accessibility />
            <Items items=service.accessibility.clone() />
            <p><A href="/operator" attr:class="passport__link">{t(tr::passport_operator_link)}</A></p>
        </section>
    }
}

/// A catalogue value: websites become links and phone numbers `tel:`
/// links; parts are separated as in the data (", ").
fn info_value(value: &'static str) -> impl IntoView {
    value
        .split(", ")
        .enumerate()
        .map(|(i, part)| {
            let sep = (i > 0).then_some(", ");
            let link = if part.starts_with("www.") && !part.contains(' ') {
                let href = format!("https://{part}");
                view! { <a href=href rel="external">{part}</a> }.into_any()
            } else if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                let href = format!("tel:{}", part.replace(' ', ""));
                view! { <a href=href>{part}</a> }.into_any()
            } else {
                view! { <span>{part}</span> }.into_any()
            };
            view! { {sep} {link} }
        })
        .collect_view()
}

#[component]
fn InformationSection(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Information />
            <ul class="law-items">
                {service
                    .info
                    .iter()
                    .map(|i| {
                        let text = &i.text;
                        // Shown after the text unless the text already says it.
                        let value = move || {
                            i.value
                                .as_deref()
                                .filter(|v| !text.get(lang).contains(v))
                                .map(|v| view! { ": " {info_value(v)} })
                        };
                        view! {
                            <li>
                                <LawText text=i.text.clone() />
                                {value}
                                <LegalBasis provenance=i.provenance.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn AssumptionsSection(service: &'static Service) -> impl IntoView {
    view! {
        <section class="passport__section">
            <SectionHeading section=Section::Assumptions />
            <p>{t(tr::passport_assumptions_intro)}</p>
            <ul class="law-items assumptions">
                {service
                    .assumptions
                    .iter()
                    .map(|a| {
                        view! {
                            <li>
                                <strong>{a.id.clone()}</strong> " " <LawText text=a.text.clone() />
                                {a.provenance.note.clone().map(|n| view! { <p class="assumption__note"><LawText text=n /></p> })}
                                <LegalBasis provenance=a.provenance.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
