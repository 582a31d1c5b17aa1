//! A tag (GOV.UK "tag"): a status in a word or two.
//!
//! Accessibility acceptance criteria:
//! - the status is written out; the tag's colour (`tag--done`,
//!   `tag--late`, `tag--national`…) repeats it, never replaces it;
//! - "late" is a word in a tag, not a red row alone.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::Tagged;
use crate::ui::state::prefs::use_lang;

/// A value's tag: its label with its class.
#[component]
pub fn Tag<T: Tagged + Send + Sync + 'static>(of: T) -> impl IntoView {
    let lang = use_lang();
    view! { <span class=of.tag_class()>{of.label(lang)}</span> }
}

/// The "late" tag.
pub fn late_tag() -> impl IntoView {
    let lang = use_lang();
    view! { <span class="tag tag--late">{tr::life_late(lang)}</span> }
}
