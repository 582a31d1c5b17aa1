//! Showing the law: a status tag and, on request, the legal basis of any
//! item — its seed, clause, language version, line and the verbatim quote,
//! or, for Qujat's own reading, the rules-extraction entry and why.

use leptos::prelude::*;

use super::prefs::use_lang;
use crate::engine::source::{Lang, Provenance, Seed, SeedLang, Status, Text};
use crate::i18n::tr;
use crate::ui::text::t;

pub fn status_label(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::National => tr::law_status_national(lang),
        Status::Regional => tr::law_status_regional(lang),
        Status::LostForce => tr::law_status_lost_force(lang),
        Status::Assumption => tr::law_status_assumption(lang),
    }
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::National => "tag tag--national",
        Status::Regional => "tag tag--regional",
        Status::LostForce => "tag tag--lost-force",
        Status::Assumption => "tag tag--assumption",
    }
}

pub fn seed_label(lang: Lang, s: Seed) -> &'static str {
    match s {
        Seed::F000 => tr::law_seed_f000(lang),
        Seed::F001 => tr::law_seed_f001(lang),
        Seed::F002 => tr::law_seed_f002(lang),
        Seed::F003 => tr::law_seed_f003(lang),
        Seed::F004 => tr::law_seed_f004(lang),
    }
}

/// A text in the reader's language, marked when it is our translation.
#[component]
pub fn LawText(text: Text) -> impl IntoView {
    let lang = use_lang();
    let t = StoredValue::new(text);
    view! {
        {t.with_value(|t| t.get(lang).to_string())}
        {move || {
            // English legal texts are all working translations, which the
            // footer says once; kk and ru ones are marked where they occur.
            let l = lang;
            t.with_value(|t| l != Lang::En && t.is_working(l))
                .then(|| view! { " " <span class="small muted">"(" {tr::common_working_translation(lang)} ")"</span> })
        }}
    }
}

/// The status tag and a "Legal basis" disclosure for one item.
#[component]
pub fn LegalBasis(provenance: Provenance) -> impl IntoView {
    let lang = use_lang();
    let p = StoredValue::new(provenance);
    view! {
        <details class="legal-basis">
            <summary>
                {t(tr::law_show_basis)} " "
                <span class=move || p.with_value(|p| status_class(p.status))>
                    {p.with_value(|p| status_label(lang, p.status))}
                </span>
            </summary>
            <div class="details__body">
                {move || p.with_value(|p| p.note.clone()).map(|n| view! { <p><LawText text=n /></p> })}
                {p.with_value(|p| p.rule.clone()).map(|r| view! { <p class="small">{tr::law_rule(lang, &r)}</p> })}
                <ul class="cites">
                    {move || {
                        p.with_value(|p| p.cites.clone())
                            .into_iter()
                            .map(|c| {
                                let l = lang;
                                let seed_lang = match c.lang {
                                    SeedLang::Ru => (tr::law_lang_ru(l), "ru"),
                                    SeedLang::Kk => (tr::law_lang_kk(l), "kk"),
                                };
                                view! {
                                    <li>
                                        <span class="cite__where">
                                            {format!("{:?}", c.seed)} " · " {seed_label(l, c.seed)} " · " {c.clause.clone()} " · "
                                            {seed_lang.0} " · " {tr::law_line(l, &c.line.to_string())}
                                        </span>
                                        <q lang=seed_lang.1 class="cite__quote">{c.quote.clone()}</q>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </details>
    }
}

/// A list of catalogue items, each with its text and legal basis.
#[component]
pub fn Items(items: Vec<crate::engine::catalog::Item>) -> impl IntoView {
    view! {
        <ul class="law-items">
            {items
                .into_iter()
                .map(|i| view! { <li><LawText text=i.text /> <LegalBasis provenance=i.provenance /></li> })
                .collect_view()}
        </ul>
    }
}
