//! The 17:30–18:30 warning on the sign page (issue 11 item 9; RULES C-05):
//! the Russian and Kazakh texts of the S2 standard end the school's working
//! day at different times (F001 §7, RU L15 / KZ L50), so between the two a
//! citizen is told both, and the day Qujat will take the application as
//! received, before signing.

use leptos::prelude::*;

use crate::engine::{application, calendar, catalog, deadline, kztime};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::t;
use crate::ui::state::applications::SERVICE;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::notice::{Notice, Tone};

/// The warning for draft `draft_id` now, or nothing outside the window.
#[component]
pub fn HoursWarningNotice(draft_id: String) -> impl IntoView {
    let Ui { lang, clock, db, .. } = use_ui();
    let warning = Memo::new(move |_| {
        let now = clock.now();
        let date = kztime::local_date(now).ok()?;
        let region = db
            .drafts
            .with(|m| m.get(&draft_id).and_then(|d| application::school_region(&d.answers, date)));
        let cal = calendar::calendar().ok()?;
        deadline::hours_warning(catalog::service(SERVICE), now, cal, region).ok().flatten()
    });
    move || {
        warning.get().map(|w| {
            let time = format::clock(w.local_time);
            let cutoff = w.cutoff.to_string();
            let date = format::date(w.counts_from);
            let count = if w.after_cutoff {
                tr::sign_hours_after(lang, &cutoff, &date)
            } else {
                tr::sign_hours_before(lang, &cutoff, &date)
            };
            let versions = w
                .versions
                .iter()
                .map(|s| view! { <li><LawText text=s.text.clone() /> <LegalBasis provenance=s.provenance.clone() /></li> })
                .collect_view();
            view! {
                <Notice tone=Tone::Warning>
                    <h2>{t(tr::sign_hours_title)}</h2>
                    <p>{tr::sign_hours_now(lang, &time)}</p>
                    {w.region.is_none().then(|| view! { <p>{t(tr::sign_hours_no_region)}</p> })}
                    <p>{t(tr::sign_hours_texts)}</p>
                    <ul class="sign-hours__versions">{versions}</ul>
                    <p class="sign-hours__count">{count}</p>
                    <LegalBasis provenance=w.basis.clone() />
                </Notice>
            }
        })
    }
}
