//! An application's life cycle on screen, for the citizen's tracker and the
//! back office alike: its public status, the regulation's steps with their
//! target times, and the history of events with the rule each followed.
//!
//! Accessibility acceptance criteria:
//! - the steps are a table with a caption-like `<h2>`, column headers
//!   (`<th scope="col">`) and each step's name as its row header
//!   (`<th scope="row">`), so a screen reader reads "Due" and "Done" with
//!   the step;
//! - a late step says "late" in a tag, in words, not only by the row's
//!   colour (`targets__row--late`);
//! - the history is an ordered list, oldest first, each event with a
//!   machine-readable `<time datetime>`.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::legal_basis::{LawText, LegalBasis};
use super::table::DataTable;
use super::tag::{Tag, late_tag};
use crate::engine::catalog;
use crate::engine::lifecycle::RegionalRegulation;
use crate::engine::lifecycle::{self, Event, Target};
use crate::engine::region;
use crate::engine::service::ServiceId;
use crate::engine::submission::Submission;
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::state::prefs::use_lang;

/// The public status tag of a submission.
#[component]
pub fn StatusTag(submission: Submission) -> impl IntoView {
    view! { <Tag of=lifecycle::public_status(&submission.lifecycle) /> }
}

/// The regulation's steps and the legal deadline, each with its target
/// time, when it was done, and whether it is late.
#[component]
pub fn TargetsTable(targets: Vec<Target>, now: DateTime<Utc>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h2>{t(tr::life_targets_heading)}</h2>
        <DataTable
            columns=vec![t(tr::life_col_step), t(tr::life_col_who), t(tr::life_col_due), t(tr::life_col_done)]
            class=Some("targets")
        >
                    {targets
                        .into_iter()
                        .map(|tg| {
                            let late = tg.late || (tg.done_at.is_none() && now > tg.due);
                            let kind = if tg.binding { tr::life_binding(lang) } else { tr::life_non_binding(lang) };
                            view! {
                                <tr class:targets__row--late=late>
                                    <th scope="row">
                                        <LawText text=tg.text />
                                        <span class="small muted targets__kind">" (" {kind} ")"</span>
                                        <LegalBasis provenance=tg.provenance />
                                    </th>
                                    <td>{tg.actor.map(|a| a.label(lang))}</td>
                                    <td>{format::date_time(tg.due)}</td>
                                    <td>
                                        {match tg.done_at {
                                            Some(at) => format::date_time(at),
                                            None => tr::life_not_done(lang).to_string(),
                                        }}
                                        " "
                                        {late.then(late_tag)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
        </DataTable>
    }
}

/// Where the internal steps come from (RULES LS-2): the regional
/// regulation of the school's region, with the interpretation that applies
/// it to a portal application; or, where the sources hold one only for
/// another region, a line saying so and that the national term alone
/// applies. Nothing for a service without a regional regulation in force.
#[component]
pub fn RegionalNote(service: ServiceId, channel: Channel, region: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let name = |id: &str| {
        region::region(id).map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
    };
    match lifecycle::regional_regulation(catalog::service(service), channel, region.as_deref()) {
        RegionalRegulation::NotAny => None,
        RegionalRegulation::Applies { act, mapped } => Some(view! {
            <p class="regional-note">
                {tr::life_regional_applies(lang, act.text.get(lang))}
            </p>
            {mapped.map(|m| view! {
                <p class="regional-note">{t(tr::life_regional_mapped)} " " <LegalBasis provenance=m.clone() /></p>
            })}
        }.into_any()),
        RegionalRegulation::NoneForRegion { act, region } => {
            let act_region = name(act.region.as_deref().unwrap_or_default());
            let text = match region {
                Some(r) => tr::life_regional_none(lang, &act_region, &name(&r)),
                None => tr::life_regional_unknown(lang, &act_region),
            };
            Some(view! { <p class="regional-note">{text}</p> }.into_any())
        }
    }
}

/// The history of events, newest last, each with who acted and the rule;
/// a refusal with its ground, looked up in `service`'s catalogue entry.
#[component]
pub fn EventList(
    events: Vec<Event>, #[prop(optional)] service: Option<ServiceId>,
) -> impl IntoView {
    let lang = use_lang();
    let sv = service.map(crate::engine::catalog::service);
    let ground_text = move |id: &str| {
        sv.and_then(|sv| sv.refusal_grounds.iter().find(|g| g.id == id))
            .map(|g| g.text.get(lang).to_string())
    };
    view! {
        <h2>{t(tr::life_events_heading)}</h2>
        <ol class="events">
            {events
                .into_iter()
                .map(|e| {
                    view! {
                        <li class="events__item">
                            <time datetime=e.at.to_rfc3339()>{format::date_time(e.at)}</time>
                            " · "
                            <strong>{e.transition.label(lang)}</strong>
                            " · "
                            {e.actor.label(lang)}
                            {e.reason_id.as_deref().and_then(ground_text).map(|g| view! { <p class="events__ground">{tr::staff_refuse_ground(lang)} ": " {g}</p> })}
                            {e.note.map(|n| view! { <p class="events__note">{tr::life_reason(lang)} ": " {n}</p> })}
                            {e.provenance.map(|p| view! { <LegalBasis provenance=p /> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
