//! `/`: the catalogue of the three services, generated from the catalogue
//! data, with how Qujat works and the ways in for other users.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::catalog::{self, Card};
use crate::engine::source::Lang;
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::labels::{Label, Message, t};
use crate::ui::modes::kiosk::KioskStory;
use crate::ui::paths;
use crate::ui::state::prefs::{set_title, use_lang};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::legal_basis::LawText;

#[component]
pub fn Home() -> impl IntoView {
    let Ui { lang, session, .. } = use_ui();
    let signed_in = move || session.person().is_some();
    // The home page's title is the portal's name alone; set it again when
    // coming back from a page that set its own.
    Effect::new(move |_| set_title(tr::app_name(lang)));
    view! {
        <div class="page catalogue">
            <h1 tabindex="-1">{t(tr::home_title)}</h1>
            <p class="lead">{t(tr::home_lead)}</p>
            <KioskStory />

            <h2>{t(tr::home_services_heading)}</h2>
            <ul class="card-list service-cards">
                {catalog::cards().iter().map(|s| view! { <ServiceCard service=s /> }).collect_view()}
            </ul>

            <h2>{t(tr::catalogue_how_heading)}</h2>
            <ol class="how-steps">
                <li>{t(tr::catalogue_how_sign_in)}</li>
                <li>{t(tr::catalogue_how_apply)}</li>
                <li>{t(tr::catalogue_how_sign)}</li>
                <li>{t(tr::catalogue_how_track)}</li>
            </ol>
            <p>
                {move || {
                    let (href, text) = if signed_in() {
                        (paths::CABINET, tr::catalogue_cabinet(lang))
                    } else {
                        (paths::SIGN_IN, tr::catalogue_sign_in(lang))
                    };
                    view! { <A href=href attr:class="button button--secondary">{text}</A> }
                }}
            </p>

            <h2>{t(tr::catalogue_others_heading)}</h2>
            <ul class="entry-links">
                <li>
                    <A href="/operator" attr:class="entry-links__link">{t(tr::catalogue_operator_link)}</A>
                    <span class="hint">{t(tr::catalogue_operator_hint)}</span>
                </li>
                <li>
                    <A href="/?kiosk=1" attr:class="entry-links__link">{t(tr::catalogue_kiosk_link)}</A>
                    <span class="hint">{t(tr::catalogue_kiosk_hint)}</span>
                </li>
            </ul>
        </div>
    }
}

/// One service: its name (linking to the passport), summary, provider,
/// channels, terms and, where the service has a portal channel, "Apply online".
#[component]
fn ServiceCard(service: &'static Card) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/services/{}", service.id);
    let name = &service.name.text;
    let online = service.has_channel(Channel::Portal);
    let provider = service.provider().map(|p| p.text.clone());
    view! {
        <li class="card service-card">
            <h3 class="service-card__title">
                <A href=href>{name.get(lang).to_string()}</A>
                {(lang != Lang::En && name.is_working(lang))
                    .then(|| view! { " " <span class="small muted">"(" {tr::common_working_translation(lang)} ")"</span> })}
            </h3>
            <p><LawText text=service.summary.text.clone() /></p>
            <dl class="service-card__facts">
                {provider.map(|p| fact(tr::catalogue_provider, view! { <LawText text=p /> }))}
                {fact(tr::catalogue_channels, view! {
                    <ul class="channel-tags">
                        {service.channels.iter().map(|c| view! { <li class="tag tag--channel">{c.channel.label(lang)}</li> }).collect_view()}
                    </ul>
                })}
                {fact(tr::catalogue_terms, view! {
                    <ul class="service-card__terms">
                        {service.terms.iter().map(|t| view! { <li>{format!("{}: {}", t.label(lang), t.message(lang))}</li> }).collect_view()}
                    </ul>
                })}
            </dl>
            {if online {
                let apply = format!("/apply/{}", service.id);
                view! {
                    <p class="service-card__action">
                        <A href=apply attr:class="button">{t(tr::catalogue_apply_online)}</A>
                    </p>
                }
                    .into_any()
            } else {
                view! { <p class="service-card__action small">{t(tr::catalogue_apply_in_person)}</p> }
                    .into_any()
            }}
        </li>
    }
}

/// One fact of a service card: its term and what the card says of it.
fn fact(term: fn(Lang) -> &'static str, body: impl IntoView) -> impl IntoView {
    view! { <div><dt>{t(term)}</dt><dd>{body}</dd></div> }
}
