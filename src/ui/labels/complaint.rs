//! Complaints: addressees, subjects, answers, marks and form messages.

use super::{Label, Message, Tagged};
use crate::engine::complaint::{
    Addressee, AnswerKind, ComplaintFieldError, ComplaintStatus, Field, Problem, Subject,
};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::state::complaints::FormProblem;

impl Label for Addressee {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Addressee::ProviderHead => tr::complaint_addressee_provider_head(lang),
            Addressee::Ministry => tr::complaint_addressee_ministry(lang),
            Addressee::LocalExecutiveBody => tr::complaint_addressee_local_executive(lang),
            Addressee::StateCorporation => tr::complaint_addressee_state_corporation(lang),
            Addressee::QualityControl => tr::complaint_addressee_quality_control(lang),
        }
    }
}

impl Label for Subject {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Subject::Decision => tr::complaint_subject_decision(lang),
            Subject::Action => tr::complaint_subject_action(lang),
            Subject::Inaction => tr::complaint_subject_inaction(lang),
        }
    }
}

impl Label for AnswerKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            AnswerKind::OnMerits => tr::complaint_track_answer_merits(lang),
            AnswerKind::RefusalToConsider => tr::complaint_track_answer_refusal(lang),
        }
    }
}

/// A complaint's status is named after its latest portal mark (F000 L51).
impl Label for ComplaintStatus {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            ComplaintStatus::Delivered => tr::complaint_track_mark_delivered(lang),
            ComplaintStatus::Registered => tr::complaint_track_mark_registered(lang),
            ComplaintStatus::Executed => tr::complaint_track_mark_executed(lang),
            ComplaintStatus::Answered => tr::complaint_track_mark_answered(lang),
        }
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
