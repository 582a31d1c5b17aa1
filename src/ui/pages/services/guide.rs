//! "What to do": the top of a passport, before any act or clause.
//!
//! The citizen says what happened and which way they want to go; the answer
//! is what [`guide::guide`] gives for them: where to go, what to bring, how
//! long (with "why this date?"), the cost and the result. Every text is a
//! catalogue item; a Qujat reading keeps its tag where it is shown, and the
//! legal bases are in the full passport below.
//!
//! Accessibility acceptance criteria:
//! - each question is a `<fieldset>` whose `<legend>` asks it; every
//!   checkbox and radio has a `<label for>`;
//! - the answer follows the questions in reading order and changes in place
//!   as they are answered (focus stays on the control);
//! - a Qujat reading is marked in words ("Qujat's reading"), not by colour.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::catalog::{DocumentRule, Item, Service, Situation};
use crate::engine::guide::{self, ChannelGuide, Guide, Route, Way};
use crate::engine::queue::Purpose;
use crate::engine::queue::ticket::{ChecklistItem, ChecklistKind};
use crate::engine::region;
use crate::engine::source::{Lang, Provenance, Text};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, Message, Tagged, t};
use crate::ui::paths;
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::later::Later;
use crate::ui::widgets::legal_basis::LawText;
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::why_this_date::WhyThisDate;

/// What the citizen says about themselves: "I lost it", "a minor"…
fn situation_label(lang: Lang, s: Situation) -> &'static str {
    let key = match s {
        Situation::Loss => tr::passport_guide_loss,
        Situation::Damage => tr::passport_guide_damage,
        Situation::NameChange => tr::passport_guide_name_change,
        Situation::FillingErrors => tr::passport_guide_filling_errors,
        Situation::Minor => tr::passport_guide_minor,
        Situation::DigitalDocument => tr::passport_guide_digital_document,
        Situation::Liquidated => tr::passport_guide_liquidated,
    };
    key(lang)
}

/// A way to go, in words.
fn way_label(lang: Lang, route: &Route) -> String {
    match &route.way {
        Way::ApplyOnline => tr::passport_guide_way_online(lang).into(),
        Way::BookSlot { purpose, region } => {
            let what = purpose.label(lang);
            match region.as_deref().and_then(region::region) {
                Some(r) => tr::passport_guide_way_book_region(lang, what, r.name.get(lang)),
                None => tr::passport_guide_way_book(lang, what),
            }
        }
        Way::Office { channel } => tr::passport_guide_way_office(lang, channel.label(lang)),
        Way::HomeVisit => tr::passport_guide_way_home(lang).into(),
        Way::Archive => tr::passport_guide_way_archive(lang).into(),
    }
}

/// "Qujat's reading", after a text that is one.
fn marked(p: &Provenance) -> Option<impl IntoView + use<>> {
    let lang = use_lang();
    p.is_assumption()
        .then(|| view! { " " <span class=p.status.tag_class()>{p.status.label(lang)}</span> })
}

/// A catalogue text, marked when it is a reading.
fn law_line(text: &Text, p: &Provenance) -> impl IntoView + use<> {
    view! { <LawText text=text.clone() /> {marked(p)} }
}

fn item(i: &Item) -> impl IntoView + use<> {
    view! { <li>{law_line(&i.text, &i.provenance)}</li> }
}

/// Catalogue texts with their legal bases, to list.
type Lines = Vec<(Text, Provenance)>;

/// One radio or checkbox (`kind`) of the group `name`, with its label.
fn choice(
    kind: &'static str, name: &'static str, i: usize,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_change: impl Fn() + Send + Sync + 'static, label: String,
) -> impl IntoView {
    let id = format!("{name}-{i}");
    view! {
        <div class="choice">
            <input type=kind id=id.clone() name=name
                prop:checked=checked on:change=move |_| on_change() />
            <label for=id>{label}</label>
        </div>
    }
}

/// One question's choices: a radio or a checkbox per situation.
fn choices(
    situations: Vec<Situation>, kind: &'static str, name: &'static str,
    checked: impl Fn(Situation) -> bool + Copy + Send + Sync + 'static,
    toggle: impl Fn(Situation) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    situations
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let label = situation_label(lang, s).to_string();
            choice(kind, name, i, move || checked(s), move || toggle(s), label)
        })
        .collect_view()
}

/// A question of the guide: a fieldset and its legend.
fn question(legend: fn(Lang) -> &'static str, choices: impl IntoView + 'static) -> impl IntoView {
    view! {
        <fieldset class="guide__question">
            <legend>{t(legend)}</legend>
            <div class="choices choices--small">{choices}</div>
        </fieldset>
    }
}

/// Whether a new guide differs from the last one in what the page shows
/// of it: the situations it was made for, or a due date.
fn situation_or_date_moved(old: Option<&Option<Guide>>, new: Option<&Option<Guide>>) -> bool {
    fn shown(g: &Guide) -> (&[Situation], Vec<Option<NaiveDate>>) {
        let dates =
            g.channels.iter().flat_map(|c| c.terms.iter().map(|t| t.due.as_ref().map(|d| d.due)));
        (&g.situations, dates.collect())
    }
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => shown(a) != shown(b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The top of the passport of `service`.
#[component]
pub fn GuideTop(service: &'static Service) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let id = service.id;
    let reasons = guide::reasons(id);
    let others: Vec<Situation> =
        guide::situations(id).into_iter().filter(|s| !reasons.contains(s)).collect();
    let reason = RwSignal::new(None::<Situation>);
    let extra = RwSignal::new(Vec::<Situation>::new());
    let way = RwSignal::new(0_usize);
    let picked = move || reason.get().into_iter().chain(extra.get()).collect::<Vec<_>>();
    // One guide for the questions and the answer, made once at the start
    // and again with each tick of the clock, but passed on only when the
    // situation or a date moved: an open "why this date?" is not rebuilt
    // with every tick.
    let guide = Memo::new_with_compare(
        move |_| guide::guide(id, &picked(), None, clock.now()).ok(),
        situation_or_date_moved,
    );

    let reason_radios = (!reasons.is_empty()).then(|| {
        question(
            tr::passport_guide_what_happened,
            choices(
                reasons,
                "radio",
                "guide-radio",
                move |s| reason.get() == Some(s),
                move |s| reason.set(Some(s)),
            ),
        )
    });
    let other_boxes = (!others.is_empty()).then(|| {
        question(
            tr::passport_guide_also,
            choices(
                others,
                "checkbox",
                "guide-checkbox",
                move |s| extra.read().contains(&s),
                move |s| {
                    extra.update(|e| match e.iter().position(|x| *x == s) {
                        Some(i) => {
                            e.remove(i);
                        }
                        None => e.push(s),
                    })
                },
            ),
        )
    });
    let ways = move || {
        let routes = guide.get().map(|g| g.routes).unwrap_or_default();
        let last = routes.len().saturating_sub(1);
        routes
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let checked = move || way.get().min(last) == i;
                choice("radio", "guide-way", i, checked, move || way.set(i), way_label(lang, r))
            })
            .collect_view()
    };

    view! {
        <section class="guide" aria-labelledby="what-to-do">
            <h2 id="what-to-do" class="guide__heading">{t(tr::passport_guide_heading)}</h2>
            <div class="guide__questions">
                {reason_radios}
                {other_boxes}
                {question(tr::passport_guide_how, ways)}
            </div>
            // The answer in a task of its own (see `Later`): the questions
            // above it already hold the first screen.
            <Later>{move || guide.get().map(|g| answer(g, way.get()))}</Later>
        </section>
    }
}

/// Where to go, for the chosen way: the portal's button, the booking's
/// link, or the catalogue's words for an office, a home visit, the archive.
fn go(service: crate::engine::service::ServiceId, route: &Route) -> AnyView {
    match route.way {
        Way::ApplyOnline => view! {
            <A href=format!("/apply/{service}") attr:class="button">{t(tr::passport_apply_online)}</A>
        }
        .into_any(),
        Way::BookSlot { .. } => view! {
            <A href=paths::BOOK>{t(tr::passport_guide_book_link)}</A> {marked(route.provenance)}
        }
        .into_any(),
        _ => route.text.map(|text| law_line(text, route.provenance)).into_any(),
    }
}

/// The answer for the chosen way (the first when none is chosen).
fn answer(g: Guide, way: usize) -> impl IntoView {
    let lang = use_lang();
    let route = g.routes.get(way.min(g.routes.len().saturating_sub(1))).cloned();
    let channel: Option<ChannelGuide> =
        route.as_ref().and_then(|r| r.channel).and_then(|c| g.channel(c)).cloned();
    let readings = !g.assumptions().is_empty();
    // A row whose key is a message.
    let entry = |key: fn(Lang) -> &'static str, value: AnyView| row(t(key), value);
    // What to bring: a booking's own checklist (collecting brings what the
    // issuance rules name, not the hand-in's documents), otherwise the
    // channel's documents for the situation.
    let booking = route.as_ref().and_then(|r| match r.way {
        Way::BookSlot { purpose, .. } => Some(purpose),
        _ => None,
    });
    let lists: Option<(Lines, Lines)> = match (&route, &channel) {
        (Some(r), _) if booking.is_some() => {
            let (notes, docs): (Vec<_>, Vec<_>) =
                r.checklist.iter().partition(|i| i.kind == ChecklistKind::Note);
            let pairs = |v: Vec<&ChecklistItem>| {
                v.into_iter().map(|i| (i.text.clone(), i.provenance.clone())).collect()
            };
            Some((pairs(docs), pairs(notes)))
        }
        (_, Some(c)) => {
            let pairs = |v: &[&DocumentRule]| {
                v.iter().map(|d| (d.text.clone(), d.provenance.clone())).collect()
            };
            Some((pairs(&c.bring), pairs(&c.notes)))
        }
        _ => None,
    };
    let bring = lists.map(|(docs, notes)| {
        let line = |(text, p): (Text, Provenance)| view! { <li>{law_line(&text, &p)}</li> };
        let docs = if docs.is_empty() {
            view! { <p>{t(tr::passport_documents_none)}</p> }.into_any()
        } else {
            view! { <ul class="guide__list">{docs.into_iter().map(line).collect_view()}</ul> }.into_any()
        };
        let notes = (!notes.is_empty()).then(|| {
            view! { <ul class="guide__list small">{notes.into_iter().map(line).collect_view()}</ul> }
        });
        entry(tr::passport_guide_bring, view! { {docs} {notes} }.into_any())
    });
    // Collecting a result has no term of its own to count.
    let channel = channel.filter(|_| booking != Some(Purpose::Collect));
    let long = channel.map(|c| {
        let terms = c
            .terms
            .into_iter()
            .map(|tg| {
                let place = tg.term.label(lang);
                let amount = tg.term.message(lang);
                let due = tg.due.map(|d| {
                    let text = tr::passport_example_row(
                        lang,
                        place,
                        &format::date(d.accepted_on),
                        &format::date(d.due),
                    );
                    view! {
                        <p class="small">{text}</p>
                        <WhyThisDate explanation=d.explanation label=tr::passport_why_label(lang, place) />
                    }
                });
                view! { <li><strong>{amount}</strong> {marked(&tg.term.provenance)} " · " {place} {due}</li> }
            })
            .collect_view();
        entry(tr::passport_guide_long, view! { <ul class="guide__list">{terms}</ul> }.into_any())
    });
    let cost = g
        .cost
        .map(|c| entry(tr::passport_cost, view! { {law_line(&c.text, &c.provenance)} }.into_any()));
    let results = (!g.results.is_empty()).then(|| {
        entry(tr::passport_guide_result,
            view! { <ul class="guide__list">{g.results.iter().map(|i| item(i)).collect_view()}</ul> }
                .into_any(),
        )
    });
    view! {
        <SummaryList class="guide__answer">
            {route.map(|r| entry(tr::passport_guide_go, go(g.service, &r)))}
            {bring}
            {long}
            {cost}
            {results}
        </SummaryList>
        {readings.then(|| view! { <p class="small">{t(tr::passport_guide_readings)}</p> })}
    }
}
