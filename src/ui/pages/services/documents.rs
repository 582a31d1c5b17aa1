//! The documents to hand in through each channel, and the grounds for
//! refusal at each stage.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::catalog::{DocumentRule, Item, Service, Situation, Stage};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::{DocumentsFor, Label, t};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::legal_basis::{Items, LawEntry, Lead, law_list};

/// "Only on loss or on a change of name", "Not needed if …": the situations
/// a document rule depends on, or `None` when it always applies.
fn situations_text(lang: Lang, rule: &DocumentRule) -> Option<String> {
    let join = |list: &[Situation]| {
        list.iter().map(|s| s.label(lang)).collect::<Vec<_>>().join(tr::passport_or(lang))
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

fn rule_entry(lang: Lang, rule: &DocumentRule) -> LawEntry {
    let lead = situations_text(lang, rule).map_or(Lead::None, Lead::Situation);
    LawEntry::led(lead, rule.text.clone(), rule.provenance.clone())
}

pub fn documents(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    service
        .channels
        .iter()
        .map(|c| {
            let channel = c.channel;
            let (notes, docs): (Vec<&DocumentRule>, Vec<&DocumentRule>) = service
                .documents
                .iter()
                .filter(|d| d.channels.contains(&channel))
                .partition(|r| r.info);
            view! {
                <h3>{DocumentsFor(channel).label(lang)}</h3>
                {if docs.is_empty() {
                    view! { <p>{t(tr::passport_documents_none)}</p> }.into_any()
                } else {
                    law_list("doc-list", docs.into_iter().map(|r| rule_entry(lang, r))).into_any()
                }}
                {(!notes.is_empty()).then(|| view! {
                    <div class="passport__notes">
                        <p class="passport__notes-title">{t(tr::passport_documents_notes)}</p>
                        {law_list("law-items", notes.into_iter().map(|r| rule_entry(lang, r)))}
                    </div>
                })}
            }
        })
        .collect_view()
        .into_any()
}

pub fn refusal(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
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
        view! {
            <h3>{stage.label(lang)}</h3>
            {if grounds.is_empty() {
                view! { <p>{t(tr::passport_refusal_none)}</p> }.into_any()
            } else {
                view! { <Items items=grounds /> }.into_any()
            }}
        }
    };
    view! {
        {stage(Stage::Acceptance)}
        {stage(Stage::Decision)}
    }
    .into_any()
}
