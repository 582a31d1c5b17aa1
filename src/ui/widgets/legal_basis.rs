//! The law on screen: a legal text in the reader's language, and, on
//! request, the legal basis of any item — its status tag, seed, clause,
//! language version, line and the verbatim quote, or, for Qujat's own
//! reading, the rules-extraction entry and why.
//!
//! Accessibility acceptance criteria:
//! - the basis is a native disclosure (`<details>`/`<summary>`), closed by
//!   default, operable by keyboard and announced as expanded or collapsed;
//! - the summary says "Legal basis" and the status in words (a tag whose
//!   colour only repeats it);
//! - the quote is a `<q>` marked with the language it is written in
//!   (`lang="ru"` or `lang="kk"`), so a screen reader reads it in that
//!   language; the quotes are fetched when a basis is first opened
//!   ([`quotes`]): until they are here the place says so in words, and if
//!   they cannot be had it says where the quote is;
//! - a Kazakh or Russian text that is our working translation says so in
//!   words next to it;
//! - an interpretation (status *assumption*) is read without opening
//!   anything: its tag, its reasoning and its RULES.md resolution stand
//!   before the disclosure, in the text flow next to the value.

use leptos::prelude::*;

use crate::engine::catalog::Item;
use crate::engine::source::{Lang, Provenance, SeedLang, SourceRef, Status, Text};
use crate::i18n::tr;
use crate::ui::labels::{Label, Tagged, t};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::quotes::{self, Quotes};

/// A text in the reader's language, marked when it is our translation.
#[component]
pub fn LawText(text: Text) -> impl IntoView {
    let lang = use_lang();
    // English legal texts are all working translations, which the footer
    // says once; kk and ru ones are marked where they occur.
    let working = lang != Lang::En && text.is_working(lang);
    view! {
        {text.get(lang).to_string()}
        {working.then(|| view! { " " <span class="small muted">"(" {tr::common_working_translation(lang)} ")"</span> })}
    }
}

/// The status tag and a "Legal basis" disclosure for one item.
#[component]
pub fn LegalBasis(provenance: Provenance) -> impl IntoView {
    let lang = use_lang();
    let mut p = provenance;
    // An interpretation is read where its value is: its reasoning (the
    // RULES.md resolution) stands outside the closed disclosure (issue 11
    // item 12); the quotes stay one key away.
    let reading = (p.status == Status::Assumption)
        .then(|| (p.note.take(), p.rule.take()))
        .filter(|(n, r)| n.is_some() || r.is_some())
        .map(|(note, rule)| {
            view! {
                <span class="legal-basis__reading">
                    <span class=p.status.tag_class()>{p.status.label(lang)}</span> " "
                    {note.map(|n| view! { <LawText text=n /> " " })}
                    {rule.map(|r| view! { <span class="muted">"(" {tr::law_rule(lang, &r)} ")"</span> })}
                </span>
            }
        });
    view! {
        {reading}
        <details class="legal-basis" on:toggle=|ev| {
            if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                quotes::load();
            }
        }>
            <summary>
                {t(tr::law_show_basis)} " "
                <span class=p.status.tag_class()>{p.status.label(lang)}</span>
            </summary>
            <div class="details__body">
                {p.note.map(|n| view! { <p><LawText text=n /></p> })}
                {p.rule.map(|r| view! { <p class="small">{tr::law_rule(lang, &r)}</p> })}
                <ul class="cites">
                    {p.cites
                        .into_iter()
                        .map(|mut c| {
                            let clause = std::mem::take(&mut c.clause);
                            let code = match c.lang {
                                SeedLang::Ru => "ru",
                                SeedLang::Kk => "kk",
                            };
                            view! {
                                <li>
                                    <span class="cite__where">
                                        {format!("{:?}", c.seed)} " · " {c.seed.label(lang)} " · " {clause} " · "
                                        {c.lang.label(lang)} " · " {tr::law_line(lang, &c.line.to_string())}
                                    </span>
                                    <Quote cite=c lang=code />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </details>
    }
}

/// A citation's quote, in the language it is written in, once the quotes
/// are here.
#[component]
fn Quote(cite: SourceRef, lang: &'static str) -> impl IntoView {
    move || {
        let quotes = quotes::current();
        match quotes::words(&cite, &quotes) {
            Some(words) => view! { <q lang=lang class="cite__quote">{words}</q> }.into_any(),
            None => {
                let key = match quotes {
                    Quotes::Failed | Quotes::Ready(_) => tr::law_quote_failed,
                    Quotes::Idle | Quotes::Loading => tr::law_quote_loading,
                };
                view! { <span class="cite__quote small muted">{t(key)}</span> }.into_any()
            }
        }
    }
}

/// What stands before an entry's text in a list of law.
pub enum Lead {
    None,
    /// A line in bold (the channels an item applies to).
    Strong(String),
    /// The situations a document depends on.
    Situation(String),
}

/// One entry of a list of law: a lead, the text, and its basis (none when
/// the basis is shown once for the whole list).
pub struct LawEntry {
    pub lead: Lead,
    pub text: Text,
    pub basis: Option<Provenance>,
}

impl LawEntry {
    pub fn new(text: Text, basis: Provenance) -> LawEntry {
        LawEntry { lead: Lead::None, text, basis: Some(basis) }
    }

    pub fn led(lead: Lead, text: Text, basis: Provenance) -> LawEntry {
        LawEntry { lead, ..LawEntry::new(text, basis) }
    }
}

impl From<Item> for LawEntry {
    fn from(i: Item) -> LawEntry {
        LawEntry::new(i.text, i.provenance)
    }
}

/// One `<li>` of a list of law.
pub fn law_entry(e: LawEntry) -> impl IntoView {
    let lead = match e.lead {
        Lead::None => None,
        Lead::Strong(s) => Some(view! { <strong>{s}</strong> <br /> }.into_any()),
        Lead::Situation(s) => Some(view! { <span class="situation">{s}</span> <br /> }.into_any()),
    };
    view! {
        <li>
            {lead}
            <LawText text=e.text />
            " "
            {e.basis.map(|p| view! { <LegalBasis provenance=p /> })}
        </li>
    }
}

/// A list of law: `<ul class=…>` of entries ("" for no class).
pub fn law_list(class: &'static str, entries: impl IntoIterator<Item = LawEntry>) -> impl IntoView {
    let class = (!class.is_empty()).then_some(class);
    view! { <ul class=class>{entries.into_iter().map(law_entry).collect_view()}</ul> }
}

/// A list of catalogue items, each with its text and legal basis.
#[component]
pub fn Items(items: Vec<Item>) -> impl IntoView {
    law_list("law-items", items.into_iter().map(LawEntry::from))
}

/// A catalogue text and its basis as a notice (how to apply, a receipt, a
/// note on the documents).
pub fn law_notice(text: Text, basis: Provenance) -> impl IntoView {
    view! { <div class="notice"><p><LawText text=text /></p><LegalBasis provenance=basis /></div> }
}
