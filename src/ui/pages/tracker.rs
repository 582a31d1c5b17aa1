//! `/applications/:reference` in the portal: the application's status and
//! deadline, with a link to its receipt.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::engine::submission::Outcome;
use crate::i18n::tr;
use crate::ui::components::PageHeading;
use crate::ui::db::use_db;
use crate::ui::format;
use crate::ui::session::use_session;
use crate::ui::text::{t, ts};

#[component]
pub fn TrackerPage() -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let session = use_session();
    let reference = Memo::new(move |_| params.read().get("reference").unwrap_or_default());
    move || {
        let me = session.person().map(|p| p.iin.clone());
        let found = db
            .apps
            .with(|m| m.get(&reference.get()).cloned())
            .filter(|s| Some(&s.applicant_iin) == me.as_ref());
        match found {
            None => view! {
                <div class="page">
                    <PageHeading text=ts(tr::not_found_title) />
                    <p>{t(tr::confirm_not_found)}</p>
                    <p><A href="/cabinet">{t(tr::confirm_cabinet_link)}</A></p>
                </div>
            }
            .into_any(),
            Some(s) => {
                let status = match s.outcome {
                    Outcome::Accepted { due, .. } => format!(
                        "{} · {} {}",
                        t(tr::cabinet_status_accepted),
                        t(tr::confirm_deadline),
                        format::date(due)
                    ),
                    Outcome::Refused { .. } => t(tr::cabinet_status_refused).to_string(),
                };
                view! {
                    <div class="page">
                        <PageHeading text=ts(tr::track_title) caption=Signal::stored(s.reference.clone()) />
                        <p><strong>{t(tr::track_status)} ": "</strong> {status}</p>
                        <p><a href=format!("/apply/receipt/{}", s.reference)>{t(tr::track_receipt_link)}</a></p>
                    </div>
                }
                .into_any()
            }
        }
    }
}
