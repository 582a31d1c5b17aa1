//! Service passports, generated from the catalogue data.

use leptos::prelude::*;

use crate::engine::catalog::{self, Situation};
use crate::engine::term::Channel;
use crate::ui::law::{LawText, LegalBasis};

/// The documents a portal application needs in these situations, each with
/// its legal basis; rules that are information rather than documents are
/// shown as notes.
pub fn required_documents_view(service: &str, situations: &[Situation]) -> impl IntoView + use<> {
    let rules: Vec<_> = catalog::service(service)
        .map(|s| {
            s.documents(Channel::Portal, situations)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let (notes, docs): (Vec<_>, Vec<_>) = rules.into_iter().partition(|r| r.info);
    view! {
        <ul class="doc-list">
            {docs
                .into_iter()
                .map(|r| view! { <li><LawText text=r.text /> <LegalBasis provenance=r.provenance /></li> })
                .collect_view()}
        </ul>
        {notes
            .into_iter()
            .map(|r| view! { <div class="notice"><p><LawText text=r.text /></p><LegalBasis provenance=r.provenance /></div> })
            .collect_view()}
    }
}

/// `/services/:id`: the passport of a service (in progress).
#[component]
pub fn PassportPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match catalog::service(&id) {
            Some(s) => view! { <h1>{s.id.clone()}</h1> }.into_any(),
            None => view! { <super::NotFound /> }.into_any(),
        }
    }
}
