//! A table of records (the cabinet's applications and complaints, the back
//! office's and the complaint desk's lists): one row per record, or a
//! sentence when there are none.
//!
//! Accessibility acceptance criteria: those of [`DataTable`], and
//! - each row's first cell links to the record, named by its reference
//!   (written by the caller's `row`);
//! - a "due" cell says "late" in words, not by colour alone;
//! - with no records, a plain sentence instead of an empty table.

use leptos::prelude::*;
use leptos_router::components::A;

use super::table::{Caption, DataTable};
use super::tag::late_tag;
use crate::ui::state::store::Record;

#[component]
pub fn RecordTable<T, R, RV>(
    /// The records, in display order.
    #[prop(into)]
    rows: Signal<Vec<T>>,
    /// One `<tr>` for a record.
    row: R, /// The column headers.
    columns: Vec<&'static str>,
    /// What to say when there are no records.
    empty: &'static str,
    /// A caption for screen readers.
    #[prop(optional)]
    caption: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView
where
    T: Record + Clone + Send + Sync + 'static,
    R: Fn(T) -> RV + Clone + Send + Sync + 'static,
    RV: IntoView + 'static,
{
    let caption = caption.map(Caption::Hidden);
    let table = move || {
        let row = row.clone();
        // A row is redrawn when its record changes revision.
        let key = |r: &T| (r.record_id().to_string(), r.rev());
        view! {
            <DataTable columns=columns.clone() caption=caption class=class>
                <For each=move || rows.get() key=key children=row />
            </DataTable>
        }
    };
    view! {
        <Show when=move || !rows.with(|r| r.is_empty()) fallback=move || view! { <p>{empty}</p> }>
            {table.clone()}
        </Show>
    }
}

/// A row's "due" cell: when the next step or the answer is due, and the
/// "late" tag once that time has passed.
pub fn due_cell(due: Option<String>, late: bool) -> impl IntoView {
    view! { <td>{due} " " {late.then(late_tag)}</td> }
}

/// A row's first cell: the record's reference, linking to it.
pub fn reference_cell(href: String, reference: String) -> impl IntoView {
    view! { <td><A href=href>{reference}</A></td> }
}
