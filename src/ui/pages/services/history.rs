//! What is in force today, and what is history (RULES.md LS-1).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::catalog::{self, Act, Item};
use crate::engine::source::{Provenance, Status};
use crate::i18n::tr;
use crate::ui::labels::{Tagged, t};
use crate::ui::widgets::legal_basis::Items;

/// Whether an item's legal basis is current on `date`. A lost-force item is
/// never current, whatever the clock says (LS-1).
pub fn is_current(p: &Provenance, date: NaiveDate) -> bool {
    p.status != Status::LostForce && catalog::in_force_on(p, date)
}

pub fn act_is_current(a: &Act, date: NaiveDate) -> bool {
    a.level != Status::LostForce && a.in_force_on(date)
}

/// A list of items, current ones first; those whose basis is no longer in
/// force follow under a "historical" heading.
#[component]
pub fn CurrentAndHistorical(items: Vec<Item>, today: Memo<NaiveDate>) -> impl IntoView {
    let items = StoredValue::new(items);
    move || {
        let (current, historical): (Vec<Item>, Vec<Item>) = items.with_value(|i| {
            i.iter().cloned().partition(|i| is_current(&i.provenance, today.get()))
        });
        view! {
            {(!current.is_empty()).then(|| view! { <Items items=current /> })}
            {(!historical.is_empty())
                .then(|| {
                    view! {
                        <div class="historical">
                            <p class="historical__label">
                                <span class=Status::LostForce.tag_class()>{t(tr::passport_historical)}</span>
                            </p>
                            <Items items=historical />
                        </div>
                    }
                })}
        }
    }
}
