//! `/apply/S2/:draft/:step`: the S2 application wizard, one question per
//! page, every answer saved as it is given, "Check your answers" with
//! Change links.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::check::CheckAnswers;
use super::form::Form;
use super::questions::question;
use crate::engine::application::{self, FieldError, Step};
use crate::engine::identity::registry::Person;
use crate::i18n::tr;
use crate::ui::app::navigator;
use crate::ui::labels::{Label, t};
use crate::ui::paths;
use crate::ui::state::applications::{context_for, remember_step};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::back_link::BackLink;
use crate::ui::widgets::draft_page::own_draft;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::not_found::Missing;

#[component]
pub fn WizardPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.read().get("step").and_then(|s| Step::from_slug(&s)));
    own_draft(
        move |id, person| match step.get() {
            Some(step) => view! { <StepView draft_id=id step=step person=person /> }.into_any(),
            None => missing().into_any(),
        },
        missing,
    )
}

fn missing() -> impl IntoView {
    view! { <Missing href=paths::apply_start() link=tr::wizard_title /> }
}

#[component]
fn StepView(draft_id: String, step: Step, person: &'static Person) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    // "Check your answers" continues to signing, another bundle: a page load.
    let navigate = navigator();
    let query = use_query_map();

    let id = StoredValue::new(draft_id);
    let draft = Memo::new(move |_| db.drafts.record(&id.get_value()));
    let answers = Memo::new(move |_| draft.get().map(|d| d.answers).unwrap_or_default());
    let ctx = Memo::new(move |_| context_for(person, &answers.get(), clock.today()));
    let form = Form {
        draft: id,
        answers,
        ctx,
        errors: RwSignal::new(Vec::<FieldError>::new()),
        db,
        clock,
    };
    let errors = form.errors;

    // Remember where the applicant is, so "resume" returns here.
    remember_step(db, &id.get_value(), step);

    let summary = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|e| ErrorItem::new(e.field.html_id(), e.label(lang)))
            .collect::<Vec<_>>()
    });

    let changing = move || query.read().get("change").is_some();
    let back_href = Signal::derive(move || {
        if changing() && step != Step::Check {
            return paths::step(&id.get_value(), Step::Check);
        }
        match application::previous(step, &answers.get(), &ctx.get()) {
            Some(p) => paths::step(&id.get_value(), p),
            None => paths::apply_start(),
        }
    });
    let position = Signal::derive(move || {
        let all = application::steps(&answers.get(), &ctx.get());
        let n = all.iter().position(|s| *s == step).map(|i| i + 1).unwrap_or(1);
        tr::common_step_of(lang, &n.to_string(), &all.len().to_string())
    });

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a = answers.get_untracked();
        let c = ctx.get_untracked();
        let found = application::validate(step, &a, &c, clock.today_untracked());
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let draft = id.get_value();
        let target = if step == Step::Check {
            paths::sign(&draft)
        } else if query.read_untracked().get("change").is_some() {
            // Back to the summary, unless the change opened a new question.
            match application::first_incomplete(&a, &c, clock.today_untracked()) {
                Step::Check => paths::step(&draft, Step::Check),
                s => paths::step(&draft, s) + "?change=1",
            }
        } else {
            application::next(step, &a, &c).map(|s| paths::step(&draft, s)).unwrap_or_default()
        };
        navigate(&target);
    };

    let body = if step == Step::Check {
        view! { <CheckAnswers draft=draft person=person /> }.into_any()
    } else {
        question(step, form, person)
    };

    view! {
        <div class="page page--narrow">
            <BackLink href=back_href />
            <ErrorSummary errors=summary />
            <p class="caption">{t(tr::wizard_short_title)} " · " {position}</p>
            <form novalidate on:submit=on_continue>
                {body}
                <div class="button-group">
                    <button type="submit" class="button">
                        {if step == Step::Check { tr::wizard_sign_continue(lang) } else { tr::common_continue(lang) }}
                    </button>
                </div>
            </form>
            <p class="small muted">{t(tr::wizard_draft_saved)}</p>
        </div>
    }
}
