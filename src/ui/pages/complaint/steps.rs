//! The complaint's questions, one per page (as the application wizard
//! asks): what it is about, to whom, what kind, what happened and what is
//! asked, who writes (F000 L47). Then "Check your answers" and signing.
//!
//! Which questions are asked depends on how the complaint began: one begun
//! from an application has its service and number already; an escalation
//! also has its addressee (quality control, F000 L49).

use crate::engine::complaint::Field;
use crate::ui::state::complaints::{FormProblem, Pending};

/// One page of the complaint form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Question {
    /// The service, and an application number if any.
    About,
    /// Who the complaint is addressed to.
    Addressee,
    /// A decision, an action or inaction.
    Subject,
    /// What happened, and what is asked for.
    Text,
    /// The complainant's name, postal address and phone.
    Contact,
}

impl Question {
    const ALL: [Question; 5] = [
        Question::About,
        Question::Addressee,
        Question::Subject,
        Question::Text,
        Question::Contact,
    ];

    /// The last segment of the question's path.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }

    pub fn from_slug(slug: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.slug() == slug)
    }

    /// The question a problem is fixed on.
    pub fn of(problem: FormProblem) -> Question {
        match problem {
            FormProblem::Field(e) => match e.field {
                Field::Service | Field::ApplicationRef => Question::About,
                Field::Text => Question::Text,
                Field::Surname
                | Field::Name
                | Field::Patronymic
                | Field::PostalAddress
                | Field::Phone => Question::Contact,
            },
            FormProblem::Addressee => Question::Addressee,
            FormProblem::Subject => Question::Subject,
        }
    }

    /// Whether this complaint asks the question: the service is fixed for
    /// one begun from an application or an escalation, the addressee for
    /// an escalation.
    fn asked(self, p: &Pending) -> bool {
        match self {
            Question::About => p.escalates.is_none() && !p.from_application,
            Question::Addressee => p.escalates.is_none(),
            _ => true,
        }
    }
}

/// The questions this complaint asks, in order.
pub fn asked(p: &Pending) -> Vec<Question> {
    Question::ALL.into_iter().filter(|q| q.asked(p)).collect()
}

/// The problems the citizen fixes on question `q`.
pub fn problems_on(p: &Pending, q: Question) -> Vec<FormProblem> {
    p.problems().into_iter().filter(|e| Question::of(*e) == q).collect()
}

/// The first question with a problem (asked or not, so that nothing can
/// keep a complaint from being signed unseen), or `None` when it can be
/// checked and signed.
pub fn first_incomplete(p: &Pending) -> Option<Question> {
    p.problems().first().map(|e| Question::of(*e))
}

/// The question after `q`, or `None` for "Check your answers".
pub fn next(p: &Pending, q: Question) -> Option<Question> {
    asked(p).into_iter().find(|x| (*x as u8) > (q as u8))
}

/// The question before `q`, or `None` when `q` is the first.
pub fn previous(p: &Pending, q: Question) -> Option<Question> {
    asked(p).into_iter().rev().find(|x| (*x as u8) < (q as u8))
}
