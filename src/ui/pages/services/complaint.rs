//! How to complain: the catalogue's procedure, or, for a service without
//! its own, the procedure that applies by analogy, under the C-36
//! assumption shown above it (never the S1 source as its basis; F000).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::catalog::{Item, Service};
use crate::engine::source::{Lang, Provenance, Text};
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::legal_basis::{LawEntry, LawText, Lead, LegalBasis, law_list};

/// Catalogue texts, each with its legal basis unless the procedure applies
/// by analogy.
fn procedure_items(items: Pairs, with_basis: bool) -> impl IntoView {
    law_list(
        "law-items",
        items.into_iter().map(move |(text, provenance)| LawEntry {
            lead: Lead::None,
            text,
            basis: with_basis.then_some(provenance),
        }),
    )
}

/// Texts with their legal basis.
type Pairs = Vec<(Text, Provenance)>;

/// A part of the procedure: its heading and its texts.
type Part = (fn(Lang) -> &'static str, Pairs);

fn pairs(items: &[Item]) -> Pairs {
    items.iter().map(|i| (i.text.clone(), i.provenance.clone())).collect()
}

pub fn complaint(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    let Some(view) = service.complaint() else {
        return view! { <p>{t(tr::passport_complaint_none)}</p> }.into_any();
    };
    let own = !view.by_analogy;
    let p = view.procedure;
    let one = |i: &Item| vec![(i.text.clone(), i.provenance.clone())];
    let fields: Pairs = p.fields.iter().map(|f| (f.text.clone(), f.provenance.clone())).collect();
    let reviews: Pairs = p.reviews.iter().map(|r| (r.text.clone(), r.provenance.clone())).collect();
    let parts: [Part; 8] = [
        (tr::passport_complaint_subject, one(&p.subject)),
        (tr::passport_complaint_channels, pairs(&p.channels)),
        (tr::passport_complaint_addressees, pairs(&p.addressees)),
        (tr::passport_complaint_fields, fields),
        (tr::passport_complaint_registration, one(&p.registration)),
        (tr::passport_complaint_reviews, reviews),
        (tr::passport_complaint_statuses, pairs(&p.statuses)),
        (tr::passport_complaint_court, one(&p.court)),
    ];
    view! {
        <div class=if own { "complaint__basis" } else { "notice notice--warning complaint__basis" }>
            <p><LawText text=service.complaint.text.clone() /></p>
            <LegalBasis provenance=view.basis.clone() />
        </div>
        {parts
            .into_iter()
            .map(|(heading, items)| view! {
                <h3>{heading(lang)}</h3>
                {procedure_items(items, own)}
            })
            .collect_view()}
    }
    .into_any()
}
