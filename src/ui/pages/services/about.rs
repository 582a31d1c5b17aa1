//! What the service gives, its legal basis, who provides it and who may
//! apply, and how to apply.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::history::{CurrentAndHistorical, act_is_current};
use crate::engine::catalog::{Act, Service};
use crate::engine::source::{Lang, Provenance, Text};
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::paths;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::legal_basis::{
    Items, LawEntry, LawText, Lead, LegalBasis, law_list, law_notice,
};
use crate::ui::widgets::tag::Tag;

/// The channels an item applies to, in words.
pub fn channels_text(lang: Lang, channels: &[Channel]) -> String {
    channels.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ")
}

/// A rule of some channels: the channels in bold, then its text and basis.
pub fn for_channels(lang: Lang, channels: &[Channel], text: &Text, basis: &Provenance) -> LawEntry {
    LawEntry::led(Lead::Strong(channels_text(lang, channels)), text.clone(), basis.clone())
}

pub fn result(service: &'static Service, today: Memo<NaiveDate>) -> AnyView {
    view! {
        <CurrentAndHistorical items=service.results.clone() today=today />
        {service.service_form.clone().map(|f| view! {
            <h3>{t(tr::passport_service_form)}</h3>
            <Items items=vec![f] />
        })}
    }
    .into_any()
}

#[component]
fn ActView(act: Act) -> impl IntoView {
    let lang = use_lang();
    let seed = act.seed;
    let dates = match (act.valid_from, act.valid_until) {
        (Some(from), Some(until)) => Some((format::date(from), format::date(until))),
        _ => None,
    };
    view! {
        <li class="act">
            <p class="act__tag"><Tag of=act.level /></p>
            <p class="act__seed small muted">{format!("{seed:?}")} " · " {seed.label(lang)}</p>
            <p class="act__text"><LawText text=act.text /></p>
            <LegalBasis provenance=act.provenance />
            {dates.map(|(from, until)| view! { <p class="small act__dates">{tr::passport_basis_valid(lang, &from, &until)}</p> })}
            {act.dates_provenance.map(|p| view! { <LegalBasis provenance=p /> })}
        </li>
    }
}

fn acts(list: Vec<Act>) -> impl IntoView {
    view! { <ul class="acts">{list.into_iter().map(|a| view! { <ActView act=a /> }).collect_view()}</ul> }
}

pub fn basis(service: &'static Service, today: Memo<NaiveDate>) -> AnyView {
    (move || {
        let day = today.get();
        let (current, historical): (Vec<Act>, Vec<Act>) =
            service.acts.iter().cloned().partition(|a| act_is_current(a, day));
        view! {
            {(!current.is_empty()).then(|| view! {
                <h3>{t(tr::passport_basis_current)}</h3>
                {acts(current)}
            })}
            {(!historical.is_empty()).then(|| view! {
                <div class="historical">
                    <h3>{t(tr::passport_basis_historical)}</h3>
                    <p>{t(tr::passport_basis_historical_intro)}</p>
                    {acts(historical)}
                </div>
            })}
        }
    })
    .into_any()
}

pub fn who(service: &'static Service, today: Memo<NaiveDate>) -> AnyView {
    view! {
        <h3>{t(tr::passport_provider)}</h3>
        <CurrentAndHistorical items=service.provider.clone() today=today />
        <h3>{t(tr::passport_recipients)}</h3>
        <CurrentAndHistorical items=service.recipients.clone() today=today />
        <h3>{t(tr::passport_cost)}</h3>
        <Items items=vec![service.cost.clone()] />
    }
    .into_any()
}

pub fn apply(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    let online = service.has_channel(Channel::Portal);
    let channels = service.channels.iter().map(|c| {
        LawEntry::led(
            Lead::Strong(c.channel.label(lang).to_string()),
            c.text.clone(),
            c.provenance.clone(),
        )
    });
    let receipts =
        service.receipts.iter().map(|r| for_channels(lang, &r.channels, &r.text, &r.provenance));
    view! {
        <h3>{t(tr::passport_channels)}</h3>
        {law_list("law-items", channels)}
        <h3>{t(tr::passport_how_to_apply)}</h3>
        {online.then(|| view! {
            <p>{t(tr::passport_apply_online_hint)}</p>
            <p>
                <A href=format!("/apply/{}", service.id) attr:class="button">
                    {t(tr::passport_apply_online)}
                </A>
            </p>
        })}
        {service.how_to_apply.clone().map(|i| law_notice(i.text, i.provenance))}
        {(!online).then(|| view! {
            <p><A href=paths::OPERATOR attr:class="passport__link">{t(tr::passport_operator_link)}</A></p>
        })}
        {(!service.signing.is_empty()).then(|| view! {
            <h3>{t(tr::passport_signing)}</h3>
            <Items items=service.signing.clone() />
        })}
        {(!service.receipts.is_empty()).then(|| view! {
            <h3>{t(tr::passport_receipts)}</h3>
            {law_list("law-items", receipts.collect::<Vec<_>>())}
        })}
    }
    .into_any()
}
