//! `/services/:id`: the passport of a service, generated from the catalogue
//! data: every fact on the page is a catalogue item shown with its legal
//! basis. Acts and items whose basis is no longer in force appear only as
//! history (RULES.md LS-1); regional items carry the regional label (LS-2).
//!
//! The page opens with "what to do" for the reader's situation
//! (`guide::GuideTop`), before any act or clause. The full passport
//! follows as a table of sections (`SECTIONS`): each has an anchor, a
//! title and a body, shown as an accordion (closed, built when first
//! opened; a link to `#anchor` opens it). Each section's legal bases are
//! shown by one switch of its own.

mod about;
mod complaint;
mod documents;
mod guide;
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
use crate::ui::state::prefs::use_lang;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::error_summary::focus_by_id;
use crate::ui::widgets::later::{Later, LaterOnFirstLoad};
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
    Section { id: "result", title: tr::passport_sec_result, body: about::result },
    Section { id: "legal-basis", title: tr::passport_sec_basis, body: about::basis },
    Section { id: "who", title: tr::passport_sec_who, body: about::who },
    Section { id: "apply", title: tr::passport_sec_apply, body: about::apply },
    Section { id: "terms", title: tr::passport_sec_terms, body: terms::terms },
    Section { id: "documents", title: tr::passport_sec_documents, body: documents::documents },
    Section { id: "refusal", title: tr::passport_sec_refusal, body: documents::refusal },
    Section { id: "hours", title: tr::passport_sec_hours, body: offices::hours },
    Section { id: "collect", title: tr::passport_sec_collect, body: offices::collect },
    Section { id: "complaint", title: tr::passport_sec_complaint, body: complaint::complaint },
    Section { id: "procedure", title: tr::passport_sec_procedure, body: procedure::procedure },
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
    let Ui { lang, clock, .. } = use_ui();
    // Changes once a day, so the page is not rebuilt with every clock tick.
    let today = clock.date();
    let title = Signal::stored(service.name.text.get(lang).to_string());
    // A link to a section (`#documents`) opens it.
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let linked = SECTIONS.iter().find(|s| hash.strip_prefix('#') == Some(s.id)).map(|s| s.id);
    let opens: StoredValue<Vec<RwSignal<bool>>> =
        StoredValue::new(SECTIONS.iter().map(|s| RwSignal::new(linked == Some(s.id))).collect());
    // The browser looked for the anchor before the app drew it: once the
    // section is built and open, its heading takes focus (and comes into view).
    let focus_linked = linked.map(|id| Callback::new(move |()| focus_by_id(id)));
    let all_open = move || opens.with_value(|v| v.iter().all(|o| o.get()));
    let set_all = move |to: bool| opens.with_value(|v| v.iter().for_each(|o| o.set(to)));
    view! {
        <div class="page passport">
            <DocTitle text=title />
            // Each part in a task of its own, in the page's order (the top,
            // the guide, its answer, then the sections: each part's timer is
            // set when the part above it is built), so that a slow phone's
            // start is not one long task. The top waits only on a first
            // load, while the static shell shows the heading and the lead
            // (`app::mount`); after a navigation it is built at once, for
            // focus to move to its heading.
            <LaterOnFirstLoad>
                <span class="caption">{t(tr::passport_caption)}</span>
                <h1 tabindex="-1"><LawText text=service.name.text.clone() /></h1>
                <p class="lead"><LawText text=service.summary.text.clone() /></p>
                <LegalBasis provenance=service.summary.provenance.clone() />
                <Later>
                    <guide::GuideTop service=service />
                    <Later then=focus_linked>
                        <h2 class="passport__full">{t(tr::passport_full_heading)}</h2>
                        <p>{t(tr::passport_full_intro)}</p>
                        <button type="button" class="button button--secondary passport__all"
                            aria-expanded=move || all_open().to_string()
                            on:click=move |_| set_all(!all_open())>
                            {move || t(if all_open() { tr::passport_hide_all } else { tr::passport_show_all })}
                        </button>
                        {SECTIONS
                            .iter()
                            .zip(opens.get_value())
                            .map(|(s, open)| view! { <PassportSection section=s service=service today=today open=open /> })
                            .collect_view()}
                    </Later>
                </Later>
            </LaterOnFirstLoad>
        </div>
    }
}

/// One section, as an accordion: its heading is a button that shows or
/// hides the body (`aria-expanded`, `aria-controls`); the body is built
/// the first time it opens, so a passport paints its top at once. Inside,
/// a switch shows the legal basis of all its items at once; closed, an
/// item's basis takes no room. Interpretations stay marked where they are
/// used, switch or not.
#[component]
fn PassportSection(
    section: &'static Section, service: &'static Service, today: Memo<NaiveDate>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let sources = RwSignal::new(false);
    // Built once, on the first opening; kept (and hidden) after.
    let built = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    let body_id = format!("{}-body", section.id);
    view! {
        <section class="passport__section" class:passport__section--sources=move || sources.get()>
            <h2 id=section.id class="passport__heading" tabindex="-1">
                <button type="button" class="passport__toggle" aria-controls=body_id.clone()
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {(section.title)(lang)}
                </button>
            </h2>
            <div id=body_id class="passport__body" hidden=move || !open.get()>
                {move || built.get().then(|| view! {
                    <button type="button" class="passport__sources" aria-pressed=move || sources.get().to_string()
                        on:click=move |_| sources.update(|s| *s = !*s)>
                        {t(tr::passport_sources)}
                    </button>
                    {(section.body)(service, today)}
                })}
            </div>
        </section>
    }
}
