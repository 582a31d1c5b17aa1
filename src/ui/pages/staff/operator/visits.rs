//! `/corporation/operator`: the lock screen, then the visit list (requests from
//! the contact centre 1414) and the queue of accepted packages to deliver.

use leptos::prelude::*;
use leptos_router::components::A;

use super::lock::{LockButton, Unlock};
use crate::engine::identity::registry;
use crate::engine::source::Lang;
use crate::engine::visit::{self, Delivery, OperatorData, Step};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, VisitStatus, t, ts};
use crate::ui::paths;
use crate::ui::state::applications::file_delivered;
use crate::ui::state::operator::use_vault;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::page_heading::{PageHeading, focus_on_change};
use crate::ui::widgets::table::{Caption, DataTable};

fn visit_rows(lang: Lang, data: &OperatorData) -> Vec<AnyView> {
    data.visits
        .iter()
        .map(|v| {
            let person = registry::find(&v.iin);
            let name = person.map(|p| p.display_name(lang)).unwrap_or_default();
            let address = person.map(|p| p.address.get(lang).to_string()).unwrap_or_default();
            let tag = if v.step == Step::Done { "tag tag--done" } else { "tag" };
            view! {
                <tr>
                    <td>{format::date(v.date)}</td>
                    <td><A href=paths::visit(&v.id)>{name}</A></td>
                    <td>{address}</td>
                    <td><abbr title=service_name(lang, v.service)>{v.service.as_str()}</abbr></td>
                    <td><span class=tag>{VisitStatus::of(v).label(lang)}</span></td>
                </tr>
            }
            .into_any()
        })
        .collect()
}

fn delivered_rows(lang: Lang, data: &OperatorData) -> Vec<AnyView> {
    data.visits
        .iter()
        .filter_map(|v| {
            let r = v.receipt.as_ref()?;
            let (state, delivered) = match r.delivery? {
                Delivery::ToDeliver => (tr::operator_status_to_deliver(lang).to_string(), false),
                Delivery::Delivered { at } => {
                    (tr::operator_delivered_at(lang, &format::date_time(at)), true)
                }
            };
            // Once delivered, the package is an application in the back
            // office (issue 13 §3).
            let number = if delivered {
                let (href, number) = (paths::staff_application(&r.number), r.number.clone());
                view! { <A href=href attr:class="operator__number">{number}</A> }.into_any()
            } else {
                view! { <span class="operator__number">{r.number.clone()}</span> }.into_any()
            };
            Some(view! { <li>{number} " — " {state}</li> }.into_any())
        })
        .collect()
}

#[component]
pub fn OperatorPage() -> impl IntoView {
    let vault = use_vault();
    let unlocked = Memo::new(move |_| vault.is_unlocked());
    // Unlocking or locking swaps the page at the same address.
    focus_on_change(unlocked, |_| "main h1");
    move || {
        if unlocked.get() {
            view! { <VisitList /> }.into_any()
        } else {
            view! { <Unlock /> }.into_any()
        }
    }
}

#[component]
fn VisitList() -> impl IntoView {
    let Ui { lang, clock, db, .. } = use_ui();
    let vault = use_vault();
    let sync_message = RwSignal::new(None::<(bool, String)>);
    let to_deliver = Memo::new(move |_| vault.with(|d| d.to_deliver()).unwrap_or(0));
    let sync = move |_| {
        let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(false);
        let now = clock.now_untracked();
        match vault.update(|d| visit::sync(d, online, now)) {
            Ok(Ok(n)) => {
                // Every delivered package is filed as an application, again
                // after each sync, so a write refused once is made the next
                // time (the store shows its own notice when it refuses).
                if let Some(apps) = vault.with_untracked(visit::delivered_applications) {
                    let _ = file_delivered(db, apps);
                }
                sync_message.set(Some((true, tr::operator_synced(lang, &n.to_string()))));
            }
            Ok(Err(_)) => sync_message.set(Some((false, tr::operator_sync_offline(lang).into()))),
            Err(_) => {}
        }
    };
    view! {
        <div class="page operator">
            <div class="operator__bar">
                <PageHeading text=ts(tr::operator_visits_title) />
                <LockButton />
            </div>
            <p>{t(tr::operator_visits_intro)}</p>
            <DataTable
                columns=vec![t(tr::operator_col_date), t(tr::operator_col_citizen), t(tr::operator_col_address), t(tr::operator_col_service), t(tr::operator_col_status)]
                caption=Some(Caption::Hidden(t(tr::operator_visits_caption)))
                class=Some("table")
            >
                {move || vault.with(|d| visit_rows(lang, d)).unwrap_or_default()}
            </DataTable>
            <section class="operator__queue" aria-labelledby="queue-heading">
                <h2 id="queue-heading">{t(tr::operator_queue_title)}</h2>
                <p>{move || tr::operator_queue_count(lang, &to_deliver.get().to_string())}</p>
                <ul>{move || vault.with(|d| delivered_rows(lang, d)).unwrap_or_default()}</ul>
                <Button on_click=sync>{t(tr::operator_sync)}</Button>
                <div role="status" class="operator__sync-status">
                    {move || sync_message.get().map(|(ok, m)| view! {
                        <p class=if ok { "notice notice--success" } else { "notice notice--warning" }>{m}</p>
                    })}
                </div>
            </section>
            <p><A href=paths::STAFF>{t(tr::operator_back_to_staff)}</A></p>
        </div>
    }
}
