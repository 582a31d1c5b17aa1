//! Where and when: the opening hours of each place (with the queue rules),
//! and collecting the result (issuance and storage).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::about::for_channels;
use crate::engine::catalog::{Item, Purpose, Schedule, Service};
use crate::engine::source::{Lang, SeedLang};
use crate::i18n::tr;
use crate::ui::labels::{Label, t};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::legal_basis::{Items, LawText, LegalBasis, law_list};
use crate::ui::widgets::table::{Caption, DataTable};

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

pub fn hours(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    view! {
        <DataTable
            columns=vec![t(tr::passport_col_place), t(tr::passport_col_hours)]
            caption=Some(Caption::Shown(t(tr::passport_hours_caption)))
            class=Some("passport-table")
        >
                    {service
                        .schedules
                        .iter()
                        .map(|s| {
                            let notes = schedule_notes(lang, s);
                            view! {
                                <tr>
                                    <th scope="row">{s.place.label(lang)}</th>
                                    <td>
                                        {(!notes.is_empty())
                                            .then(|| view! { <p class="small muted schedule__version">{notes.join(" · ")}</p> })}
                                        <p class="schedule__hours">
                                            <LawText text=s.text.clone() />
                                        </p>
                                        <LegalBasis provenance=s.provenance.clone() />
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
        </DataTable>
        {(!service.queue.is_empty()).then(|| view! {
            <h3>{t(tr::passport_queue)}</h3>
            <Items items=service.queue.clone() />
        })}
    }
    .into_any()
}

pub fn collect(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    let storage: Vec<Item> = service
        .storage
        .iter()
        .map(|s| Item { id: s.id.clone(), text: s.text.clone(), provenance: s.provenance.clone() })
        .collect();
    let issuance =
        service.issuance.iter().map(|r| for_channels(lang, &r.channels, &r.text, &r.provenance));
    view! {
        <h3>{t(tr::passport_issuance)}</h3>
        {law_list("law-items", issuance)}
        {(!storage.is_empty()).then(|| view! {
            <h3>{t(tr::passport_storage)}</h3>
            <Items items=storage />
        })}
    }
    .into_any()
}
