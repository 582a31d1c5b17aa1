//! "Why this date?": a deadline's explanation step by step, each step with
//! its legal basis, and the assumptions it relied on.
//!
//! Accessibility acceptance criteria:
//! - a native disclosure (`<details>`/`<summary>`), closed by default, so
//!   the date stays the first thing read and the reasoning is one key away;
//! - the steps are an ordered list (`<ol>`), read in the order of the
//!   reasoning, each with its own legal basis disclosure;
//! - assumptions follow under their own `<h3>`, only when there are any.

use leptos::prelude::*;

use super::legal_basis::{LawText, LegalBasis};
use crate::engine::deadline::{Explanation, Step};
use crate::engine::source::Provenance;
use crate::i18n::tr;
use crate::ui::labels::{Message, t, ts};
use crate::ui::state::prefs::use_lang;

/// The legal basis of a step, if it has its own.
fn source(step: &Step) -> Option<Provenance> {
    match step {
        Step::RegionUnknown { source, .. }
        | Step::LocationAssumed { source, .. }
        | Step::AfterHours { source, .. }
        | Step::NonWorkingDay { source, .. }
        | Step::CountFrom { source, .. }
        | Step::Counted { source, .. }
        | Step::ProviderDelivery { source, .. }
        | Step::StoredUntil { source, .. } => Some(source.clone()),
        Step::MovedToWorkingDay { source, .. } | Step::DueOnDayOff { source, .. } => source.clone(),
        Step::Submitted { .. }
        | Step::Skipped { .. }
        | Step::WorkingWeekend { .. }
        | Step::WeekendsSkipped { .. }
        | Step::CalendarUncertain { .. }
        | Step::Due { .. } => None,
    }
}

#[component]
pub fn WhyThisDate(
    explanation: Explanation, #[prop(optional, into)] label: Option<Signal<String>>,
    /// The stored record kept no explanation (it predates that), so this
    /// one is worked out again from today's calendar data and may differ
    /// from the date recorded above it: the page says so.
    #[prop(optional)]
    recomputed: bool,
) -> impl IntoView {
    let lang = use_lang();
    let label = label.unwrap_or_else(|| ts(tr::common_why_this_date));
    let Explanation { steps, assumptions, .. } = explanation;
    let has_assumptions = !assumptions.is_empty();
    view! {
        <details class="why">
            <summary>{move || label.get()}</summary>
            <div class="details__body">
                {recomputed.then(|| view! { <p class="why__recomputed">{t(tr::why_recomputed)}</p> })}
                <ol class="why__steps">
                    {steps
                        .into_iter()
                        .map(|s| {
                            let text = s.message(lang);
                            view! {
                                <li>
                                    {text}
                                    {source(&s).map(|p| view! { <LegalBasis provenance=p /> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {has_assumptions.then(|| view! {
                    <h3 class="why__assumptions">{t(tr::why_assumptions)}</h3>
                    <ul>
                        {assumptions
                            .into_iter()
                            .map(|p| {
                                let note = p.note.clone();
                                view! {
                                    <li>
                                        {note.map(|n| view! { <LawText text=n /> })}
                                        <LegalBasis provenance=p />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                })}
            </div>
        </details>
    }
}
