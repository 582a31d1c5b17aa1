//! A table of records (the cabinet's applications and complaints, the back
//! office's and the complaint desk's lists): one row per record, or a
//! sentence when there are none.
//!
//! Accessibility acceptance criteria:
//! - a real `<table>` in a scrollable `.table-wrap` (no sideways scrolling
//!   of the page at 320 px), with column headers `<th scope="col">`;
//! - an optional caption names the table for screen readers (visually
//!   hidden where a heading above already shows it);
//! - each row's first cell links to the record, named by its reference;
//! - with no records, a plain sentence instead of an empty table.

use std::hash::Hash;

use leptos::prelude::*;

#[component]
pub fn RecordTable<T, K, KF, R, RV>(
    /// The records, in display order.
    #[prop(into)]
    rows: Signal<Vec<T>>,
    /// A key that changes when a record's row must be redrawn (id and revision).
    key: KF,
    /// One `<tr>` for a record.
    row: R,
    /// The column headers.
    columns: Vec<&'static str>,
    /// What to say when there are no records.
    empty: &'static str,
    /// A caption for screen readers.
    #[prop(optional)]
    caption: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    K: Eq + Hash + 'static,
    KF: Fn(&T) -> K + Clone + Send + Sync + 'static,
    R: Fn(T) -> RV + Clone + Send + Sync + 'static,
    RV: IntoView + 'static,
{
    view! {
        <Show when=move || !rows.with(|r| r.is_empty()) fallback=move || view! { <p>{empty}</p> }>
            <div class="table-wrap">
                <table class=class>
                    {caption.map(|c| view! { <caption class="visually-hidden">{c}</caption> })}
                    <thead>
                        <tr>
                            {columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=key.clone() children=row.clone() />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
