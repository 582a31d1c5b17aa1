//! "Check your answers": each answer with a Change link back to its page.

use leptos::prelude::*;

use crate::engine::application::{self, Draft, Step};
use crate::engine::identity::registry::{self, Person};
use crate::i18n::tr;
use crate::ui::labels::{Label, ts};
use crate::ui::paths;
use crate::ui::state::applications::context_for;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::radios::yes_no_text;
use crate::ui::widgets::summary_list::{SummaryList, answer_row};

#[component]
pub fn CheckAnswers(draft: Memo<Option<Draft>>, person: &'static Person) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    move || {
        let Some(d) = draft.get() else {
            return ().into_any();
        };
        let l = lang;
        let a = d.answers.clone();
        let ctx = context_for(person, &a, clock.today());
        let ch = |s: Step| Some(paths::step(&d.id, s) + "?change=1");
        let label = |x: Option<&dyn Label>| x.map(|x| x.label(l).to_string()).unwrap_or_default();
        let mut rows = vec![
            answer_row(tr::wizard_check_applicant(l).into(), person.display_name(l), None),
            answer_row(tr::wizard_check_iin(l).into(), person.iin.clone(), None),
            answer_row(tr::wizard_check_address(l).into(), person.address.get(l).to_string(), None),
            answer_row(
                tr::wizard_who_question(l).into(),
                label(a.who.as_ref().map(|w| w as &dyn Label)),
                ch(Step::Who),
            ),
        ];
        if a.who == Some(application::Who::ParentOfMinor) {
            let child = a.child_iin.as_deref().and_then(registry::find);
            rows.push(answer_row(
                tr::wizard_check_child(l).into(),
                child.map(|c| format!("{} ({})", c.display_name(l), c.iin)).unwrap_or_default(),
                ch(Step::Child),
            ));
        }
        rows.push(answer_row(
            tr::wizard_reason_question(l).into(),
            label(a.reason.as_ref().map(|r| r as &dyn Label)),
            ch(Step::Reason),
        ));
        rows.push(answer_row(
            tr::wizard_document_question(l).into(),
            label(a.document.as_ref().map(|d| d as &dyn Label)),
            ch(Step::Document),
        ));
        rows.push(answer_row(
            tr::wizard_school_question(l).into(),
            a.school.clone(),
            ch(Step::School),
        ));
        rows.push(answer_row(tr::wizard_year_question(l).into(), a.year.clone(), ch(Step::Year)));
        rows.push(answer_row(
            tr::wizard_office_question(l).into(),
            a.office
                .as_deref()
                .and_then(registry::office)
                .map(|o| o.name.get(l).to_string())
                .unwrap_or_default(),
            ch(Step::Office),
        ));
        if ctx.has_digital_document {
            rows.push(answer_row(
                tr::wizard_consent_question(l).into(),
                match (a.use_digital_document, a.digital_consent_confirmed) {
                    (Some(true), true) => tr::wizard_consent_confirmed(l).into(),
                    (other, _) => {
                        yes_no_text(l, other, tr::wizard_consent_yes, tr::wizard_consent_no)
                    }
                },
                ch(Step::Consent),
            ));
        }
        view! {
            <PageHeading text=ts(tr::wizard_check_title) />
            <SummaryList>{rows}</SummaryList>
            <p>{tr::wizard_check_sign_intro(l)}</p>
        }
        .into_any()
    }
}
