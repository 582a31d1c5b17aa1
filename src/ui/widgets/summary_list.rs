//! The summary list (GOV.UK "summary list", "check your answers"): pairs of
//! a key and a value, optionally with a Change link.
//!
//! Accessibility acceptance criteria:
//! - a description list: `<dl class="summary">`, each pair a
//!   `.summary__row` with `<dt>` and `<dd>`, so the key is read with its
//!   value;
//! - a Change link's accessible name says what it changes ("Change" plus
//!   the key, visually hidden), so a list of links is not a list of
//!   identical "Change"s;
//! - values are text (what a user typed is never markup).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::ui::state::prefs::use_lang;

/// One row of a summary list.
pub fn row(key: impl Into<String>, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="summary__row">
            <dt class="summary__key">{key.into()}</dt>
            <dd class="summary__value">{value}</dd>
        </div>
    }
}

/// One row of "check your answers": the answer and, if it can be changed,
/// a link to the question.
pub fn answer_row(key: String, value: String, change: Option<String>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="summary__row">
            <dt class="summary__key">{key.clone()}</dt>
            <dd class="summary__value">{value}</dd>
            <dd class="summary__action">
                {change.map(|href| {
                    view! {
                        <A href=href>
                            {tr::common_change(lang)}
                            <span class="visually-hidden">" " {key.clone()}</span>
                        </A>
                    }
                })}
            </dd>
        </div>
    }
}

/// The list: `<dl class="summary …">` around its rows.
#[component]
pub fn SummaryList(
    #[prop(optional)] class: Option<&'static str>, children: Children,
) -> impl IntoView {
    let class = match class {
        Some(c) => format!("summary {c}"),
        None => "summary".to_string(),
    };
    view! { <dl class=class>{children()}</dl> }
}
