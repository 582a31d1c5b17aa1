//! `/sign/keys`: the demo EDS keys kept in this browser.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::ts;
use crate::ui::widgets::key_tools::KeyTools;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::sign_in_needed::for_person;

#[component]
pub fn KeysPage() -> impl IntoView {
    for_person(|p| {
        view! {
            <div class="page page--narrow">
                <PageHeading text=ts(tr::track_keys_title) />
                <KeyTools person=p />
            </div>
        }
    })
}
