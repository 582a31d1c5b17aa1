//! The application wizard: the answers' names and the validation messages.

use super::Label;
use crate::engine::application::{DocKind, Field, FieldError, Problem, Reason, Who};
use crate::engine::source::Lang;
use crate::i18n::tr;

impl Label for Who {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Who::Myself => tr::wizard_who_myself(lang),
            Who::ParentOfMinor => tr::wizard_who_parent(lang),
        }
    }
}

impl Label for Reason {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Reason::Lost => tr::wizard_reason_lost(lang),
            Reason::Damaged => tr::wizard_reason_damaged(lang),
            Reason::NameChanged => tr::wizard_reason_name_changed(lang),
            Reason::FillingErrors => tr::wizard_reason_filling_errors(lang),
        }
    }
}

impl Label for DocKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            DocKind::BasicSecondaryCertificate => tr::wizard_document_basic(lang),
            DocKind::GeneralSecondaryAttestat => tr::wizard_document_general(lang),
        }
    }
}

/// The message for a validation problem.
impl Label for FieldError {
    fn label(&self, lang: Lang) -> &'static str {
        use Problem::*;
        match (self.field, self.problem) {
            (Field::Who, NoChildren) => tr::wizard_who_error_no_children(lang),
            (Field::Who, _) => tr::wizard_who_error_missing(lang),
            (Field::Child, UnknownChoice) => tr::wizard_child_error_unknown_choice(lang),
            (Field::Child, _) => tr::wizard_child_error_missing(lang),
            (Field::Reason, _) => tr::wizard_reason_error_missing(lang),
            (Field::Document, _) => tr::wizard_document_error_missing(lang),
            (Field::School, TooLong) => tr::wizard_school_error_too_long(lang),
            (Field::School, _) => tr::wizard_school_error_missing(lang),
            (Field::Year, NotAYear) => tr::wizard_year_error_not_a_year(lang),
            (Field::Year, FutureYear) => tr::wizard_year_error_future_year(lang),
            (Field::Year, BeforeBirth) => tr::wizard_year_error_before_birth(lang),
            (Field::Year, _) => tr::wizard_year_error_missing(lang),
            (Field::Office, UnknownChoice) => tr::wizard_office_error_unknown_choice(lang),
            (Field::Office, _) => tr::wizard_office_error_missing(lang),
            (Field::Original, _) => tr::wizard_original_error_missing(lang),
            (Field::DigitalDocument, NotConfirmed) => tr::wizard_digital_error_not_confirmed(lang),
            (Field::DigitalDocument, _) => tr::wizard_digital_error_missing(lang),
        }
    }
}
