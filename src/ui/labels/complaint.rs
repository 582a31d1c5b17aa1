//! Complaints: addressees, subjects, answers, marks and form messages.

use super::{Message, Tagged, labels};
use crate::engine::complaint::{
    Addressee, AnswerKind, ComplaintFieldError, ComplaintStatus, Field, Problem, Subject,
};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::state::complaints::FormProblem;

labels! {
    Addressee {
        Addressee::ProviderHead => complaint_addressee_provider_head,
        Addressee::Ministry => complaint_addressee_ministry,
        Addressee::LocalExecutiveBody => complaint_addressee_local_executive,
        Addressee::StateCorporation => complaint_addressee_state_corporation,
        Addressee::QualityControl => complaint_addressee_quality_control,
    }
    Subject {
        Subject::Decision => complaint_subject_decision,
        Subject::Action => complaint_subject_action,
        Subject::Inaction => complaint_subject_inaction,
    }
    AnswerKind {
        AnswerKind::OnMerits => complaint_track_answer_merits,
        AnswerKind::RefusalToConsider => complaint_track_answer_refusal,
    }
    // A complaint's status is named after its latest portal mark (F000 L51).
    ComplaintStatus {
        ComplaintStatus::Delivered => complaint_track_mark_delivered,
        ComplaintStatus::Registered => complaint_track_mark_registered,
        ComplaintStatus::Executed => complaint_track_mark_executed,
        ComplaintStatus::Answered => complaint_track_mark_answered,
    }
}

impl Tagged for ComplaintStatus {}

impl Message for ComplaintFieldError {
    fn message(&self, lang: Lang) -> String {
        let long = |f: fn(Lang, &str) -> String, max: usize| f(lang, &max.to_string());
        match (self.field, self.problem) {
            (Field::Service, _) => tr::complaint_error_service(lang).into(),
            (Field::ApplicationRef, Problem::TooLong { max }) => {
                long(tr::complaint_error_application_too_long, max)
            }
            (Field::ApplicationRef, _) => tr::complaint_error_application_too_long(lang, "100"),
            (Field::Text, Problem::TooLong { max }) => long(tr::complaint_error_text_too_long, max),
            (Field::Text, _) => tr::complaint_error_text_required(lang).into(),
            (Field::Surname, Problem::TooLong { max }) => {
                long(tr::complaint_error_surname_too_long, max)
            }
            (Field::Surname, _) => tr::complaint_error_surname_required(lang).into(),
            (Field::Name, Problem::TooLong { max }) => long(tr::complaint_error_name_too_long, max),
            (Field::Name, _) => tr::complaint_error_name_required(lang).into(),
            (Field::Patronymic, Problem::TooLong { max }) => {
                long(tr::complaint_error_patronymic_too_long, max)
            }
            (Field::Patronymic, _) => tr::complaint_error_patronymic_too_long(lang, "100"),
            (Field::PostalAddress, Problem::TooLong { max }) => {
                long(tr::complaint_error_address_too_long, max)
            }
            (Field::PostalAddress, _) => tr::complaint_error_address_required(lang).into(),
            (Field::Phone, Problem::TooLong { max }) => {
                long(tr::complaint_error_phone_too_long, max)
            }
            (Field::Phone, Problem::PhoneFormat) => tr::complaint_error_phone_format(lang).into(),
            (Field::Phone, _) => tr::complaint_error_phone_required(lang).into(),
        }
    }
}

impl Message for FormProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            FormProblem::Field(e) => e.message(lang),
            FormProblem::Addressee => tr::complaint_error_addressee(lang).into(),
            FormProblem::Subject => tr::complaint_error_subject(lang).into(),
        }
    }
}
