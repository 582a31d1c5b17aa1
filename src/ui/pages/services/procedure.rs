//! The procedure step by step (current, regional, historical), the
//! service's accessibility, where to get information, and the assumptions
//! Qujat made reading the law.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::about::channels_text;
use super::history::is_current;
use crate::engine::catalog::{ProcedureStep, Service};
use crate::engine::source::Status;
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::labels::{Label, Message, t};
use crate::ui::paths;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::details::Details;
use crate::ui::widgets::legal_basis::{Items, LawText, LegalBasis};
use crate::ui::widgets::tag::Tag;

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

fn step_groups(steps: Vec<&'static ProcedureStep>) -> impl IntoView {
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
                            let meta = tr::passport_step_meta(lang, s.actor.label(lang), &s.duration.message(lang));
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

pub fn procedure(service: &'static Service, today: Memo<NaiveDate>) -> AnyView {
    (move || {
        if service.steps.is_empty() {
            return view! { <p>{t(tr::passport_steps_none)}</p> }.into_any();
        }
        let day = today.get();
        let (current, historical): (Vec<&'static ProcedureStep>, Vec<_>) =
            service.steps.iter().partition(|s| is_current(&s.provenance, day));
        let regional = current.iter().any(|s| s.provenance.status == Status::Regional);
        view! {
            {(!current.is_empty()).then(|| view! {
                {regional.then(|| view! {
                    <div class="notice">
                        <p><Tag of=Status::Regional /></p>
                        <p>{t(tr::passport_steps_regional_intro)}</p>
                    </div>
                })}
                {step_groups(current)}
            })}
            {(!historical.is_empty()).then(|| view! {
                <div class="historical">
                    <p><Tag of=Status::LostForce /></p>
                    <p>{t(tr::passport_steps_historical_intro)}</p>
                    {step_groups(historical)}
                </div>
            })}
        }
        .into_any()
    })
    .into_any()
}

pub fn accessibility(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    view! {
        <Items items=service.accessibility.clone() />
        <p><A href=paths::OPERATOR attr:class="passport__link">{t(tr::passport_operator_link)}</A></p>
    }
    .into_any()
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

pub fn information(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    let lang = use_lang();
    view! {
        <ul class="law-items">
            {service
                .info
                .iter()
                .map(|i| {
                    // Shown after the text unless the text already says it.
                    let value = i
                        .value
                        .as_deref()
                        .filter(|v| !i.text.get(lang).contains(v))
                        .map(|v| view! { ": " {info_value(v)} });
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
    }
    .into_any()
}

pub fn assumptions(service: &'static Service, _: Memo<NaiveDate>) -> AnyView {
    // Each reading is also marked where it is used: the whole list is one
    // key away, so that it does not double the page.
    let summary = tr::passport_assumptions_show(use_lang(), &service.assumptions.len().to_string());
    view! {
        <p>{t(tr::passport_assumptions_intro)}</p>
        <Details summary=summary>
        <ul class="law-items assumptions">
            {service
                .assumptions
                .iter()
                .map(|a| view! {
                    <li>
                        <strong>{a.id.clone()}</strong> " " <LawText text=a.text.clone() />
                        {a.provenance.note.clone().map(|n| view! { <p class="assumption__note"><LawText text=n /></p> })}
                        <LegalBasis provenance=a.provenance.clone() />
                    </li>
                })
                .collect_view()}
        </ul>
        </Details>
    }
    .into_any()
}
