//! `/apply/S2`: start a new application, or resume a draft.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::engine::application::{Draft, Step};
use crate::i18n::tr;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::applications::{SERVICE, StartFailure, drafts_of, start_draft};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::sign_in_needed::SignInNeeded;

#[component]
pub fn ApplyStart() -> impl IntoView {
    let Ui { session, db, clock, .. } = use_ui();
    let navigate = use_navigate();
    let drafts = Memo::new(move |_| -> Vec<Draft> {
        match session.person() {
            Some(p) => drafts_of(db, &p.iin, Some(SERVICE)),
            None => Vec::new(),
        }
    });
    let failed = RwSignal::new(false);
    let start = move |_| {
        let Some(p) = session.person_untracked() else {
            return;
        };
        match start_draft(db, p, clock.now_untracked()) {
            Ok(id) => navigate(&paths::step(&id, Step::Who), Default::default()),
            Err(StartFailure::Random) => failed.set(true),
            // Not stored, nothing to resume: the shell says it was not saved.
            Err(StartFailure::NotSaved) => {}
        }
    };
    view! {
        <div class="page page--narrow">
            <PageHeading text=ts(tr::wizard_title) />
            <Show when=move || session.person().is_some() fallback=|| view! { <SignInNeeded /> }>
                <For each=move || drafts.get() key=|d| (d.id.clone(), d.updated_at) let(d)>
                    <p>
                        <A href=paths::step(&d.id, d.step) attr:class="button button--secondary">
                            {t(tr::wizard_resume)}
                        </A>
                    </p>
                </For>
                <Show when=move || failed.get()>
                    <p class="error-message" role="alert">{t(tr::sign_error_random_unavailable)}</p>
                </Show>
                <Button on_click=start.clone()>{t(tr::wizard_start)}</Button>
            </Show>
        </div>
    }
}
