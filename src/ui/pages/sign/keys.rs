//! `/sign/keys`: the demo EDS keys kept in this browser.

use leptos::prelude::*;

use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::labels::ts;
use crate::ui::widgets::key_tools::KeyTools;
use crate::ui::widgets::page_heading::PageHeading;

/// The signed-in `person`'s keys (the route asks for one).
pub fn keys_page(person: &'static Person) -> impl IntoView {
    view! {
        <div class="page page--narrow">
            <PageHeading text=ts(tr::track_keys_title) />
            <KeyTools person=person />
        </div>
    }
}
