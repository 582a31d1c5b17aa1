//! `/services/:id`: the passport of a service, generated from the catalogue
//! data: every fact on the page is a catalogue item shown with its legal
//! basis. Acts and items whose basis is no longer in force appear only as
//! history (RULES.md LS-1); regional items carry the regional label (LS-2).
//!
//! The page is a table of sections ([`SECTIONS`]): each has an anchor, a
//! title and a body; the contents list and the sections are drawn from the
//! same table by one component. Each section's legal bases are shown by
//! one switch of its own, so the page reads as what to do first.

mod about;
mod complaint;
mod documents;
mod history;
mod offices;
mod procedure;
mod terms;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::catalog::{self, Service};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::clock::use_clock;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::error_summary::focus_by_id;
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::not_found::NotFound;
use crate::ui::widgets::page_heading::DocTitle;

/// What a section shows for a service (on a given day: the law in force).
type Body = fn(&'static Service, Memo<NaiveDate>) -> AnyView;

/// One section of a passport: its `<h2>`'s id (the contents list links to
/// it), its title, and its body.
struct Section {
    id: &'static str,
    title: fn(Lang) -> &'static str,
    body: Body,
}

/// The sections, in page order.
static SECTIONS: [Section; 14] = [
    Section {
        id: "result",
        title: tr::passport_sec_result,
        body: about::result,
    },
    Section {
        id: "legal-basis",
        title: tr::passport_sec_basis,
        body: about::basis,
    },
    Section {
        id: "who",
        title: tr::passport_sec_who,
        body: about::who,
    },
    Section {
        id: "apply",
        title: tr::passport_sec_apply,
        body: about::apply,
    },
    Section {
        id: "terms",
        title: tr::passport_sec_terms,
        body: terms::terms,
    },
    Section {
        id: "documents",
        title: tr::passport_sec_documents,
        body: documents::documents,
    },
    Section {
        id: "refusal",
        title: tr::passport_sec_refusal,
        body: documents::refusal,
    },
    Section {
        id: "hours",
        title: tr::passport_sec_hours,
        body: offices::hours,
    },
    Section {
        id: "collect",
        title: tr::passport_sec_collect,
        body: offices::collect,
    },
    Section {
        id: "complaint",
        title: tr::passport_sec_complaint,
        body: complaint::complaint,
    },
    Section {
        id: "procedure",
        title: tr::passport_sec_procedure,
        body: procedure::procedure,
    },
    Section {
        id: "accessibility",
        title: tr::passport_sec_accessibility,
        body: procedure::accessibility,
    },
    Section {
        id: "information",
        title: tr::passport_sec_information,
        body: procedure::information,
    },
    Section {
        id: "assumptions",
        title: tr::passport_sec_assumptions,
        body: procedure::assumptions,
    },
];

/// `/services/:id`: the passport of a service; an unknown id is "not found".
#[component]
pub fn PassportPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match catalog::find(&id.get()) {
        Some(s) => view! { <Passport service=s /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
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
            {SECTIONS
                .iter()
                .map(|s| view! { <PassportSection section=s service=service today=today /> })
                .collect_view()}
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
                {SECTIONS
                    .iter()
                    .map(|s| {
                        let id = s.id;
                        view! {
                            <li>
                                <a
                                    href=format!("#{id}")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_by_id(id);
                                    }
                                >
                                    {(s.title)(lang)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// One section: its heading (focusable, the contents list's target), a
/// switch that shows the legal basis of all its items at once, and its
/// body. Closed, an item's basis takes no room: what to do comes first.
/// Interpretations stay marked where they are used, switch or not.
#[component]
fn PassportSection(
    section: &'static Section,
    service: &'static Service,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let lang = use_lang();
    let sources = RwSignal::new(false);
    view! {
        <section class="passport__section" class:passport__section--sources=move || sources.get()>
            <h2 id=section.id class="passport__heading" tabindex="-1">{(section.title)(lang)}</h2>
            <button type="button" class="passport__sources" aria-pressed=move || sources.get().to_string()
                on:click=move |_| sources.update(|s| *s = !*s)>
                {t(tr::passport_sources)}
            </button>
            {(section.body)(service, today)}
        </section>
    }
}
