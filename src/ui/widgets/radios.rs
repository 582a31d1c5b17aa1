//! Radios (GOV.UK "radios"): one question, one answer.
//!
//! Accessibility acceptance criteria:
//! - the radios are a `<fieldset>` whose `<legend>` is the question; asked
//!   as the page's question (`as_heading`), the legend holds the page's
//!   focusable `<h1>` and sets the document title;
//! - every radio has a `<label for>` with its choice; a choice's hint is
//!   outside the label and linked with `aria-describedby`;
//! - the fieldset is described by the question's hint and, while there is
//!   one, by its error message (`aria-describedby`), which starts with a
//!   hidden "Error:";
//! - the first radio's id is the question's `name`, so an error summary
//!   link focuses it;
//! - the checked state follows the stored answer (`prop:checked`).

use leptos::prelude::*;

use super::field_error::{FieldError, field_ids};
use super::page_heading::DocTitle;
use crate::engine::identity::registry::{self, OrganisationKind};
use crate::engine::source::Lang;

/// One radio option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice { value: value.into(), label: label.into(), hint: None }
    }

    pub fn hinted(
        value: impl Into<String>, label: impl Into<String>, hint: impl Into<String>,
    ) -> Choice {
        Choice { hint: Some(hint.into()), ..Choice::new(value, label) }
    }

    /// "yes" and "no", with these labels.
    pub fn yes_no(
        lang: Lang, yes: fn(Lang) -> &'static str, no: fn(Lang) -> &'static str,
    ) -> Vec<Choice> {
        vec![Choice::new("yes", yes(lang)), Choice::new("no", no(lang))]
    }
}

/// A yes/no answer as the radios' value.
pub fn yes_no_value(answer: Option<bool>) -> Option<String> {
    answer.map(|b| if b { "yes" } else { "no" }.to_string())
}

/// The localized "Yes"/"No"-style choice for an `Option<bool>`, or "".
pub fn yes_no_text(
    lang: Lang, answer: Option<bool>, yes: fn(Lang) -> &'static str, no: fn(Lang) -> &'static str,
) -> String {
    match answer {
        Some(true) => yes(lang).into(),
        Some(false) => no(lang).into(),
        None => String::new(),
    }
}

#[component]
pub fn Radios(
    #[prop(into)] name: String, #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] choices: Signal<Vec<Choice>>, #[prop(into)] selected: Signal<Option<String>>,
    on_select: Callback<String>, #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] as_heading: bool,
) -> impl IntoView {
    let (error, hint_id, err_id, described) = field_ids(&name, error, hint.is_some());
    let legend_view = move || {
        if as_heading {
            view! {
                <legend class="legend--page">
                    <DocTitle text=legend />
                    <h1 class="legend__heading" tabindex="-1">{move || legend.get()}</h1>
                </legend>
            }
            .into_any()
        } else {
            view! { <legend>{move || legend.get()}</legend> }.into_any()
        }
    };
    let group = name.clone();
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <fieldset aria-describedby=described>
                {legend_view}
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
                <FieldError id=err_id.clone() message=error />
                <div class="choices">
                    <For
                        each=move || numbered(choices.get())
                        key=|(i, c)| (*i, c.value.clone(), c.label.clone())
                        children=move |(i, c)| {
                            let id = if i == 0 { group.clone() } else { format!("{group}-{i}") };
                            let value = c.value.clone();
                            let v2 = value.clone();
                            let hint_id = format!("{id}-item-hint");
                            let has_hint = c.hint.is_some();
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name=group.clone()
                                        value=value.clone()
                                        prop:checked=move || selected.get().as_deref() == Some(v2.as_str())
                                        aria-describedby=has_hint.then(|| hint_id.clone())
                                        on:change=move |_| on_select.run(value.clone())
                                    />
                                    // The hint is outside the label: it describes the
                                    // choice (aria-describedby), it is not its name.
                                    <div class="choice__text">
                                        <label for=id.clone()>{c.label.clone()}</label>
                                        {c.hint.clone().map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
                                    </div>
                                </div>
                            }
                        }
                    />
                </div>
            </fieldset>
        </div>
    }
}

/// The choices with their positions.
fn numbered(choices: Vec<Choice>) -> Vec<(usize, Choice)> {
    choices.into_iter().enumerate().collect()
}

/// Radios whose choices are the `values` of an enum, each named by `label`
/// and stored by `slug`.
pub fn enum_choices<T: Copy>(
    values: &[T], slug: fn(T) -> &'static str, label: impl Fn(T) -> String,
) -> Vec<Choice> {
    values.iter().map(|v| Choice::new(slug(*v), label(*v))).collect()
}

/// The registry's organisations of `kind` that still exist, each with its
/// settlement as the hint, then `none` ("it is not in this list"): the
/// school or college questions of the wizard, the booking and the counter.
/// The settlement's name is the registry's: every organisation's
/// settlement is one of the registry's own (`tests/identity.rs`,
/// `places_are_consistent`), so the wizard needs none of the queue's data.
pub fn organisation_choices(lang: Lang, kind: OrganisationKind, none: Choice) -> Vec<Choice> {
    registry::organisations()
        .iter()
        .filter(|o| o.kind == kind && !o.liquidated)
        .map(|o| {
            let place = registry::settlement(&o.settlement)
                .map(|s| s.name.get(lang).to_string())
                .unwrap_or_default();
            Choice::hinted(o.id.clone(), o.name.get(lang), place)
        })
        .chain([none])
        .collect()
}
