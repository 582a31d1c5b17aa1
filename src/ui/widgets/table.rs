//! A table (GOV.UK "table"): column headers, rows, and a caption.
//!
//! Accessibility acceptance criteria:
//! - a real `<table>` inside a `.table-wrap` that scrolls on its own, so a
//!   wide table never makes the page scroll sideways at 320 px;
//! - every column has a header (`<th scope="col">`); rows that name a
//!   thing start with a row header (`<th scope="row">`, written by the
//!   caller);
//! - the caption names the table, shown or for screen readers only (when a
//!   heading above already shows it).

use leptos::prelude::*;

/// A caption, shown or for screen readers only.
#[derive(Clone, Copy)]
pub enum Caption {
    Shown(&'static str),
    Hidden(&'static str),
}

#[component]
pub fn DataTable(
    columns: Vec<&'static str>, #[prop(default = None)] caption: Option<Caption>,
    #[prop(default = None)] class: Option<&'static str>, children: Children,
) -> impl IntoView {
    let caption = caption.map(|c| match c {
        Caption::Shown(t) => view! { <caption>{t}</caption> }.into_any(),
        Caption::Hidden(t) => view! { <caption class="visually-hidden">{t}</caption> }.into_any(),
    });
    view! {
        <div class="table-wrap">
            <table class=class>
                {caption}
                <thead>
                    <tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
